import { addDays, fmtDay, weekday } from './calendar.js';
import { NUM_RE, NUM_STARTS, UNIT_STARTS, VAGUE_STARTS, PARTS_OF_DAY, REFS, SEASONS, SEASON_RE, SETS, SPELLED_YEAR_RE, UNITS, UNIT_RE, VAGUE_RE, WEEKDAYS, WEEKDAY_RE, alt, parseNumber, parseSpelledYear } from './lexicon.js';
import { duration, resolveSeason, resolveWeekday, shifted, type Gran } from './normalize.js';
import { maybeThe } from './starts.js';
import { isCap, matchSpan, rx, wordAfter, wordBefore, type Found, type Rule } from './rule.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const PLURAL_S = /(?:ie)?s$/;
const CENTUR = /^centur$/;
const IE_END = /ie$/;
const DAY_VALUE = /^\d{4}-\d\d-\d\d$|^XXXX-XX-XX$|^XXXX-WXX-\d$/;
const SPACES = /\s+/g;
const ON_EVERY = /^(on|every)$/;
const SHIFTING = /previous|preceding|following|next/;
const BACKWARD = /previous|preceding/;
const FOLLOWING_PRECEDING = /following|preceding/;
const POSSESSIVE_S = /^['’]s\b/;
const HAD = /\bhad\b/i;
const CLAUSE_END = /[.;]/;
const AFTER_SENTENCE_END = /[.!?"“]\s*$/;
const AFTER_OPENING_QUOTE = /[^.!?:,\s]\s+["“]$/;
const HALF = /half/;
const FIRST = /first/;
const LOWER_FIRST = /^[a-z]/;
const BACKWARD_DIRECTION = /ago|earlier|before|prior|back/;
const SHORT_UNIT = /^(?:S|MIN|H|D|W)$/;
const S_END = /s$/i;
const PERIOD_OR_QUARTER = /period|quarter/;
const YEAR_DASH = /year-/i;
const YEAR_EARLIER = /year-earlier/i;
const DIGIT_FIRST = /^\d/;
const COUNTING_ADJECTIVE = /(?:consecutive|straight|more|additional)\s/i;
const A_AN = /^(?:a|an)$/;
const MODAL = /^(?:will|would|could|might|may|can|shall|should|must)$/;
const AND_A_HALF = /and a half/i;
const DIGIT_END = /\d$/;
const PAST_LAST = /past|last/;
const PAST_LAST_RECENT = /past|last|recent/;
const THE_PAST_FEW = /^the (?:past|last) few$/;
const RECENT = /^recent$/;
const COMING = /coming/;
const DASH = /-/;
const THE = /^the$/i;
const BARE_PLURAL_BEFORE = /^(for|after|over|within|in|took|take|takes|lasted|spent)$/;
const NOT_DURATION_AFTER = /^(ago|old|later|earlier)$/;
const IN_DURATION_AFTER = /^(of|to|and|or|now|before)$/;
const COUNT_OR_UNIT_FIRST = /^(few|several|decade|year|month|week|day|century)/;
const CURRENT_NOUN = /^(account|accounts|affairs|events|assets|liabilities|liability|flows?|density|electric|ratio)$/;
const CURRENT_ADJECTIVE = /^(direct|alternating|electric|ocean|strong|the ocean)$/;
const OTHER = /other/i;
const SEASON_BEFORE = /^(in|during|this|by|until|since|through|over|early|late)$/;
const THE_SEASON_BEFORE = /^(in|during|by|until|since|through|over|over|for|of|into|throughout)$/;
const MID_DAY_BEFORE = /^(at|by|in|until|till|around|about|since|before|after|from|during)$/;
const PAST = /past/i;
const THE_YEAR_BEFORE = /^(for|of|during|throughout)$/;
const NOT_THE_YEAR_AFTER = /^(of|'s|’s|before|after|earlier|that|in|when|as|to)$/;
const FORWARD = /next|following/i;

const unitCode = (u: string): string => {
  const s = u.toLowerCase().replace(PLURAL_S, (t) => (t === 'ies' ? 'y' : '')).replace(CENTUR, 'century');
  if (s === 'millennia') return 'ML';
  return s === 'minute' ? 'MIN' : UNITS[s] ?? UNITS[s.replace(IE_END, 'y')] ?? 'X';
};
const GRAN: Record<string, Gran> = { D: 'D', W: 'W', WE: 'WE', M: 'M', Q: 'Q', Y: 'Y', DE: 'DE', CE: 'CE' };
const POD = (w: string): string => PARTS_OF_DAY[w.toLowerCase()] ?? '';
const withPod = (f: Found, pod: string | undefined): Found =>
  pod && DAY_VALUE.test(f.value) ? { ...f, type: 'TIME', value: `${f.value}T${POD(pod)}` } : f;

const DAY_WORDS: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1, tonight: 0, 'the day before yesterday': -2, 'the day after tomorrow': 2 };
const SET_AFTER = /^(?:\d|times|twice|once|thrice|dollars?|cents?|percent|%|euros?|pounds?|yuan|yen|won|hours?|days?|visitors|barrels|tons|people|passengers|million|billion|trillion|thousand|hundred)$/;
const DURATION_BEFORE = new Set(['barely', 'for', 'in', 'within', 'over', 'than', 'about', 'nearly', 'almost', 'after', 'past', 'last', 'next', 'first', 'of', 'during', 'spent', 'took', 'takes', 'take', 'lasted', 'lasting', 'only', 'just', 'least', 'roughly', 'around', 'another', 'half', 'entire', 'whole', 'full', 'the']);

/** A deadline cue just before a weekday, possibly with a clock time between: "until Friday", "until 9 a.m. EST Tuesday". */
const DEADLINE_RE = /\b(?:until|till|by)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s*(?:[A-Z]{2,4}\b)?[\s,]*)?$/i;

export const relativeRules: Rule[] = [
  {
    // "yesterday", "today", "tonight", "late yesterday", "tomorrow morning"
    name: 'day-word', starts: ['early', 'late', 'earlier', 'later', 'the day', 'yesterday', 'today', 'tomorrow', 'tonight'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<mod>early|late|earlier|later) )?(?<w>the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight)(?: (?<pod>morning|afternoon|evening|night))?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, w = g.w.toLowerCase().replace(SPACES, ' ');
      const base = shifted(ctx.anchor, 'D', DAY_WORDS[w]);
      const pod = w === 'tonight' ? 'night' : g.pod;
      return withPod({ type: 'DATE', ...base }, pod);
    },
  },
  {
    // "Monday", "on Tuesday", "last Friday", "Friday afternoon"
    name: 'weekday', starts: ['early', 'late', 'earlier', 'later', ...maybeThe(['last', 'next', 'this', 'coming', 'past', 'previous', 'following', 'preceding']), ...Object.keys(WEEKDAYS)],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?:early|late|earlier|later) )?(?:(?<the>the )?(?<rel>last|next|this|coming|past|previous|following|preceding) )?(?<wd>${WEEKDAY_RE})(?<pl>s)?(?: (?<pod>morning|afternoon|evening|night|overnight)(?<pl2>s)?)?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m), dow = WEEKDAYS[g.wd.toLowerCase()];
      if (!isCap(g.wd)) return null;
      if (g.pl || g.pl2) return ON_EVERY.test(wordBefore(ctx.text, x[0])) || !g.rel ? { type: 'SET', value: `XXXX-WXX-${dow}` + (g.pod ? `T${POD(g.pod)}` : ''), start: x[0], end: x[1] } : null;
      const rel = g.rel?.toLowerCase();
      // "the previous Friday", "the following Monday": a week around the date under discussion
      if (g.the && rel && SHIFTING.test(rel)) {
        const f = withPod({ type: 'DATE', ...resolveWeekday(dow, ctx.anchor, 0, BACKWARD.test(rel) ? -1 : 1) }, g.pod);
        return { ...f, ref: { kind: 'shift', n: BACKWARD.test(rel) ? -1 : 1, gran: 'D', dow }, priority: 1 };
      }
      if (!g.the && rel && FOLLOWING_PRECEDING.test(rel)) return null;
      const shift = rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
      // "Wednesday's ruling": a day named as the owner of an event is one that has passed
      const possessive = !g.pod && POSSESSIVE_S.test(ctx.text.slice(x[1], x[1] + 3));
      let dir = shift ? 0 : possessive ? -1 : ctx.dir(x[0], x[1]);
      // a deadline: "closed until Friday", "by Friday", "until 9 a.m. Tuesday"
      // (but not after a past perfect: "until Thursday, they had not called him")
      if (dir < 0 && DEADLINE_RE.test(ctx.text.slice(Math.max(0, x[0] - 40), x[0])) && !HAD.test(ctx.text.slice(x[1], x[1] + 60).split(CLAUSE_END)[0] + ctx.text.slice(Math.max(0, x[0] - 60), x[0]))) dir = 1;
      return withPod({ type: 'DATE', ...resolveWeekday(dow, ctx.anchor, dir, shift) }, g.pod);
    },
  },
  {
    // "last year", "this week", "next month", "earlier this year", "later this month", "the past year", "last summer", "this morning"
    name: 'relative-unit', starts: ['earlier', 'later', 'early', 'late', 'mid', ...['end', 'beginning', 'start', 'middle', 'rest', 'remainder', 'first', 'second', 'turn'].map((w) => `the ${w}`), ...maybeThe(['last', 'next', 'this', 'past', 'previous', 'coming', 'current', 'following', 'upcoming', 'prior'])],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|the first half of|the second half of|the turn of) )?(?<the>the )?(?<rel>last|next|this past|this coming|this|past|previous|coming|current|following|upcoming|prior)[ -](?<u>week|weekend|month|year|quarter|decade|century|morning|afternoon|evening|night|${SEASON_RE}|season))(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m), rel = g.rel.toLowerCase(), u = g.u.toLowerCase();
      if (!g.the && (rel === 'past' || rel === 'following' || rel === 'prior')) return null;
      if (isCap(g.u) && x[0] > 0 && isCap(g.rel) && (!AFTER_SENTENCE_END.test(ctx.text.slice(Math.max(0, x[0] - 3), x[0]))
        || AFTER_OPENING_QUOTE.test(ctx.text.slice(Math.max(0, x[0] - 4), x[0])))) return null; // a title: "This Week", ABC's "This Week"
      if (rel === 'past' && (u === 'decade' || u === 'century')) return { type: 'DURATION', value: duration(1, unitCode(u)) };
      if (rel === 'previous' || rel === 'prior' || rel === 'following') {
        if (!g.the) return null;
        const n = rel === 'following' ? 1 : -1;
        const code = unitCode(u);
        if (!GRAN[code] || code === 'Q') return null;
        return { type: 'DATE', ...shifted(ctx.anchor, GRAN[code], n), ref: { kind: 'shift', n, gran: code as 'D' } };
      }
      const n = rel === 'last' || rel === 'past' || rel === 'this past' ? -1 : rel === 'next' || rel === 'coming' || rel === 'upcoming' || rel === 'this coming' ? 1 : 0;
      if (u in SEASONS) return { type: 'DATE', ...resolveSeason(SEASONS[u], n === 0 && ctx.anchor ? ctx.anchor.y : null, ctx.anchor, ctx.dir(x[0], x[1]), n) };
      if (u in PARTS_OF_DAY) {
        if (n > 0 && u !== 'night') return null;
        const day = shifted(ctx.anchor, 'D', u === 'night' && n < 0 ? -1 : n > 0 ? 1 : 0);
        return { type: 'TIME', value: `${day.value}T${POD(u)}`, unresolved: day.unresolved };
      }
      if (u === 'season') return null;
      const code = unitCode(u);
      let value = shifted(ctx.anchor, GRAN[code] ?? 'Y', n);
      if (g.mod && HALF.test(g.mod) && code === 'Y') value = { ...value, value: value.value + (FIRST.test(g.mod) ? '-H1' : '-H2') };
      return { type: 'DATE', ...value };
    },
  },
  {
    // "the end of the year", "the beginning of the month"
    name: 'part-of-unit', starts: ['end', 'beginning', 'start', 'middle', 'rest', 'remainder', 'turn'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?:end|beginning|start|middle|rest|remainder|turn) of the (?<u>year|month|week|decade|century|quarter))(?![\w-])`, 'gi'),
    build: (m, ctx) => ({ type: 'DATE', ...shifted(ctx.anchor, GRAN[unitCode(m.groups!.u)], 0) }),
  },
  {
    // "a year ago", "two days earlier", "more than four decades ago", "three weeks from now", "years ago"
    name: 'ago', starts: ['more', 'less', 'about', 'nearly', 'almost', 'some', 'roughly', 'around', 'exactly', 'at', 'over', ...NUM_STARTS, ...VAGUE_STARTS, ...UNIT_STARTS],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<appr>more than|less than|about|nearly|almost|some|roughly|around|exactly|at least|over) )?(?:(?<n>${NUM_RE}|${VAGUE_RE}) )?(?<u>${UNIT_RE})s? (?<d>ago|earlier|before|later|after|afterwards?|hence|from now|prior|back))(?![\w-])`),
    build(m, ctx) {
      const g = m.groups!, x = m.indices!.groups!.x, d = g.d.toLowerCase().replace(SPACES, ' ');
      if ((d === 'before' || d === 'after' || d === 'prior') && LOWER_FIRST.test(wordAfter(ctx.text, x[1])) && wordAfter(ctx.text, x[1]) !== 'that') return null;
      const n = g.n ? parseNumber(g.n) : null;
      const code = unitCode(g.u);
      const sign = BACKWARD_DIRECTION.test(d) ? -1 : 1;
      // "a few days later", "several months earlier": like "three days later", TimeML marks the duration ("a few days")
      // and leaves the signal out; the duration rule reads it
      if (g.n && n === null && !/ago|hence|from now|back/.test(d)) return null;
      if (n === null || !Number.isInteger(n)) {
        if (sign < 0 && d === 'ago' && code === 'Y' && g.n && ctx.anchor) return { type: 'DATE', value: String(ctx.anchor.y).slice(0, 3) + 'X' };
        return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
      }
      const gran: Gran = code === 'H' || code === 'MIN' || code === 'S' ? 'D' : GRAN[code] ?? 'D';
      const k = code === 'H' || code === 'MIN' || code === 'S' ? 0 : sign * n;
      const base: Found = { type: 'DATE', ...shifted(ctx.anchor, gran, k) };
      if (d === 'ago' || d === 'from now' || d === 'hence' || d === 'back') return code === 'Y' && sign < 0 && n === 1 ? { ...base, ref: { kind: 'yearBefore', n } } : base;
      // "three days later", "a day earlier": TimeML marks the duration and leaves the signal out
      if (SHORT_UNIT.test(code)) return { type: 'DURATION', value: duration(n, code), start: x[0], end: m.indices!.groups!.u[1] + (S_END.test(m[0].slice(m.indices!.groups!.u[1] - m.index, m.indices!.groups!.u[1] - m.index + 1)) ? 1 : 0) };
      return { ...base, ref: code === 'Y' && sign < 0 ? { kind: 'yearBefore', n } : { kind: 'shift', n: k, gran: gran as 'D' } };
    },
  },
  {
    // "year-earlier", "year-ago" (as in "the year-earlier period")
    name: 'year-earlier', starts: maybeThe(['year']),
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the )?year-(?:earlier|ago)(?: (?:period|quarter|level|figure|results|(?:first )?(?<n>${NUM_RE}) months))?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const x = matchSpan(m);
      // "the year-earlier nine months": the same stretch of months a year before, a duration as "the first nine months" is
      const months = m.groups!.n ? parseNumber(m.groups!.n) : null;
      if (months !== null) return { type: 'DURATION', value: duration(months, 'M') };
      const t = m[0].toLowerCase();
      const end = PERIOD_OR_QUARTER.test(t) ? x[1] : m.index + m[0].search(YEAR_DASH) + (YEAR_EARLIER.test(t) ? 12 : 8);
      const start = PERIOD_OR_QUARTER.test(t) ? x[0] : m.index + m[0].search(YEAR_DASH);
      return { type: 'DATE', ...shifted(ctx.anchor, 'Y', -1), ref: { kind: 'yearBefore', n: 1 }, start, end };
    },
  },
  {
    // "three months", "24 hours", "the past two years", "four-day", "the first nine months", "several years", "a few days"
    // "the" opens a match as the article or as the approximator before the number ("the two years"), or as both
    name: 'duration', starts: [...maybeThe(['past', 'last', 'next', 'first', 'previous', 'coming', 'following', 'final', 'latest', 'initial', 'remaining', 'recent', 'same', 'entire', 'whole', 'full', 'more', 'less', 'fewer', 'about', 'nearly', 'almost', 'some', 'at', 'up', 'over', 'roughly', 'around', 'approximately', 'under', 'another', 'an', ...NUM_STARTS, ...VAGUE_STARTS]), 'the the'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the )?(?:(?<pre>past|last|next|first|previous|coming|following|final|latest|initial|remaining|recent|same|entire|whole|full) )?(?:(?<appr>more than|less than|fewer than|about|nearly|almost|some|at least|up to|over|roughly|around|approximately|under|another|an additional|the) )?(?<n>${NUM_RE}|${VAGUE_RE})[ -](?:and a half[ -])?(?:(?:more|additional|extra|straight|consecutive|trading|business|working) )?(?<u>${UNIT_RE})(?<pl>s)?(?:[ -]and[ -]a[ -]half)?(?:[ -]long)?)(?![\w-])`),
    build(m, ctx) {
      const g = m.groups!, x = m.indices!.groups!.x;
      const nRaw = g.n.toLowerCase();
      const code = unitCode(g.u);
      if (code === 'X') return null;
      const prev = wordBefore(ctx.text, x[0]), next = wordAfter(ctx.text, x[1]);
      // "three quarters of the shares" is a fraction; "several quarters of losses", "two straight quarters of losses" a time
      if (next === 'old' || (code === 'Q' && next === 'of' && (DIGIT_FIRST.test(nRaw) || parseNumber(nRaw) !== null) && !COUNTING_ADJECTIVE.test(ctx.text.slice(m.indices!.groups!.n[1], m.indices!.groups!.u[0])))) return null;
      if (code === 'S' && A_AN.test(nRaw)) return null; // "a second consecutive day": an ordinal
      // "will one day be", "could one day replace": an indefinite future, not a duration
      if (nRaw === 'one' && code === 'D' && !g.pl && !g.pre && !g.appr && MODAL.test(prev)) return { type: 'DATE', value: 'FUTURE_REF' };
      if (A_AN.test(nRaw) && !g.pre && !g.appr && !AND_A_HALF.test(m[0])) {
        if (SET_AFTER.test(prev) || DIGIT_END.test(prev)) return { type: 'SET', value: duration(1, code), start: m.indices!.groups!.n[0], end: x[1] };
        if (!DURATION_BEFORE.has(prev)) return null;
      }
      const pre = g.pre?.toLowerCase();
      const vague = !DIGIT_FIRST.test(nRaw) && parseNumber(nRaw) === null;
      // "for the past few weeks" (how long): a stretch of time, like "for the past two weeks"; "in/over the past few weeks"
      // (when): a past reference
      if (vague && g.pl && nRaw !== 'recent' && PAST_LAST.test((pre ?? '') + nRaw) && prev === 'for') return { type: 'DURATION', value: duration(null, code) };
      if (vague && g.pl && (nRaw === 'recent' || PAST_LAST_RECENT.test(pre ?? '') || THE_PAST_FEW.test(nRaw))) return { type: RECENT.test(nRaw) ? 'DURATION' : 'DATE', value: RECENT.test(nRaw) ? duration(null, code) : 'PAST_REF' };
      if (vague && g.pl && (pre === 'coming' || COMING.test(nRaw))) return { type: 'DATE', value: 'FUTURE_REF' };
      const n = DIGIT_FIRST.test(nRaw) || nRaw in { a: 1, an: 1 } || parseNumber(nRaw) !== null ? parseNumber(nRaw) : null;
      const half = AND_A_HALF.test(m[0]) ? 0.5 : 0;
      const value = duration(n === null ? null : n + half, code);
      // TimeML leaves approximators ("about five hours") and the article of an adjective ("the two-week visit") out of the span
      const nStart = m.indices!.groups!.n[0];
      const adjectival = !g.pl && DASH.test(ctx.text.slice(nStart, x[1]));
      if ((g.appr && !THE.test(g.appr) && !g.pre) || (adjectival && !g.pre)) return { type: 'DURATION', value, start: nStart, end: x[1] };
      return { type: 'DURATION', value };
    },
  },
  {
    // "years" in "after years of strained relations", "for months"
    name: 'bare-plural', starts: ['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?<u>minutes|hours|days|weeks|months|years|decades|centuries))(?![\w-])`, 'gi'),
    build(m, ctx) {
      const prev = wordBefore(ctx.text, m.index), next = wordAfter(ctx.text, m.index + m[0].length);
      if (!BARE_PLURAL_BEFORE.test(prev) || NOT_DURATION_AFTER.test(next)) return null;
      if (prev === 'in' && next !== '' && !IN_DURATION_AFTER.test(next) && LOWER_FIRST.test(next) && next !== 'as') return null;
      return { type: 'DURATION', value: duration(null, unitCode(m.groups!.u)) };
    },
  },
  {
    // "now", "recently", "the future", "in the past", "currently"
    name: 'reference', starts: Object.keys(REFS),
    re: rx(String.raw`\b(?<![\w-])(?<x>${alt(Object.keys(REFS).filter((k) => !/^(?:once|earlier|later|eventually|shortly|upcoming|one day|already|so far|to date|soon|future|recent|previously|formerly|at this time|in recent years|the present|present-day)$/.test(k)))})(?![\w-])`, 'gi'),
    build(m, ctx) {
      const w = m.groups!.x.toLowerCase().replace(SPACES, ' ');
      const next = wordAfter(ctx.text, m.index + m[0].length);
      if (w === 'the past' && (DIGIT_FIRST.test(next) || parseNumber(next) !== null || COUNT_OR_UNIT_FIRST.test(next))) return null;
      // "current" alone is a present reference ("current realities"), except in fixed phrases
      if (w === 'current' && (CURRENT_NOUN.test(next) || CURRENT_ADJECTIVE.test(wordBefore(ctx.text, m.index)))) return null;
      return { type: 'DATE', value: REFS[w] };
    },
  },
  {
    // "daily", "every week", "each year", "every other Monday"
    name: 'set', starts: [...Object.keys(SETS), 'every', 'each'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?<adv>${alt(Object.keys(SETS))})|(?:every|each)(?: other)? (?:(?<n>${NUM_RE}) )?(?<u>${UNIT_RE}|weekend|morning|afternoon|evening|night|${WEEKDAY_RE}|${SEASON_RE})(?<pl>s)?)(?![\w-])`, 'gi'),
    build(m) {
      const g = m.groups!;
      if (g.adv) return { type: 'SET', value: SETS[g.adv.toLowerCase()] };
      const u = g.u.toLowerCase();
      if (u in WEEKDAYS) return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[u]}` };
      if (u in SEASONS) return { type: 'SET', value: `XXXX-${SEASONS[u]}` };
      if (u in PARTS_OF_DAY) return { type: 'SET', value: `XXXX-XX-XXT${POD(u)}` };
      const n = g.n ? parseNumber(g.n) : 1;
      const every = OTHER.test(m[0]) ? 2 : 1;
      return { type: 'SET', value: duration((n ?? 1) * every, unitCode(u)) };
    },
  },
  {
    // "the summer", "last fall", "summer 2020", "in spring"
    name: 'season', starts: ['early', 'late', 'mid', ...maybeThe(Object.keys(SEASONS))],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<mod>early|late|mid)[ -])?(?<the>the )?(?<s>${SEASON_RE})(?: (?:of )?(?:(?<y>\d{4})|(?<ys>${SPELLED_YEAR_RE})))?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m);
      const prev = wordBefore(ctx.text, x[0]), next = wordAfter(ctx.text, x[1]);
      const year = g.y ? +g.y : g.ys ? parseSpelledYear(g.ys) : null;
      if (year === null) {
        if (next === 'of') return null;
        if (!g.the && !g.mod && !SEASON_BEFORE.test(prev)) return null;
        if (g.the && !THE_SEASON_BEFORE.test(prev)) return null;
      }
      return { type: 'DATE', ...resolveSeason(SEASONS[g.s.toLowerCase()], year, ctx.anchor, ctx.dir(x[0], x[1])) };
    },
  },
  {
    // "by mid-afternoon", "at mid morning", "mid-afternoon yesterday": a part of the day, on the publication day unless a day word follows
    name: 'mid-part-of-day', starts: ['mid'],
    re: rx(String.raw`\b(?<![\w-])(?<x>mid[- ]?(?<p>afternoon|morning)(?: (?<w>yesterday|today|tomorrow))?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!;
      if (!g.w && !MID_DAY_BEFORE.test(wordBefore(ctx.text, m.index))) return null;
      const day = shifted(ctx.anchor, 'D', g.w ? DAY_WORDS[g.w.toLowerCase()] : 0);
      return { type: 'TIME', value: `${day.value}T${POD(g.p)}`, unresolved: day.unresolved };
    },
  },
  {
    // "in the weeks ahead", "the months ahead": an open stretch of time from now on
    name: 'units-ahead', starts: ['hours', 'days', 'weeks', 'months', 'years'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?<u>hours|days|weeks|months|years) ahead)(?![\w-])`, 'gi'),
    build: (m) => ({ type: 'DURATION', value: duration(null, unitCode(m.groups!.u)) }),
  },
  {
    // "a day-long meeting", "a years-long feud": a duration used as an adjective (decades are left to "decades")
    name: 'unit-long', starts: ['hour', 'day', 'week', 'month', 'year'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?<u>hour|day|week|month|year)(?<pl>s)?-long)(?![\w-])`, 'gi'),
    build: (m) => ({ type: 'DURATION', value: duration(m.groups!.pl ? null : 1, unitCode(m.groups!.u)) }),
  },
  {
    // "the near future", "the short term"
    name: 'vague-future', starts: ['near', 'foreseeable', 'immediate', 'short', 'distant', 'recent', 'not'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?:near|foreseeable|immediate) (?:future|term)|the short term|the (?:distant|recent|not-too-distant|not too distant) (?:past|future))(?![\w-])`, 'gi'),
    build: (m) => ({ type: 'DATE', value: PAST.test(m[0]) ? 'PAST_REF' : 'FUTURE_REF' }),
  },
  {
    // "for the year", "the year ended Sept. 30" (a fiscal year: a duration)
    name: 'the-year', starts: ['full', 'fiscal', 'year'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?:full |fiscal )?year)(?![\w-])(?<end> end(?:ed|ing))?`),
    build(m, ctx) {
      const prev = wordBefore(ctx.text, m.index);
      // "the fiscal year ended Jan. 31": a year-long period named by its end (wins over the fiscal-year rule's DATE)
      if (m.groups!.end) return { type: 'DURATION', value: 'P1Y', priority: 1 };
      if (!THE_YEAR_BEFORE.test(prev)) return null;
      if (NOT_THE_YEAR_AFTER.test(wordAfter(ctx.text, m.index + m.groups!.x.length))) return null;
      return { type: 'DATE', ...shifted(ctx.anchor, 'Y', 0) };
    },
  },
  {
    // "the weekend", "the next day", "that day" (reference-relative)
    name: 'weekend', starts: ['the weekend'],
    re: rx(String.raw`\b(?<![\w-])(?<x>the weekend)(?![\w-])`, 'gi'),
    build(m, ctx) {
      if (!ctx.anchor) return { type: 'DATE', value: 'XXXX-WXX-WE', unresolved: true };
      let dir = ctx.dir(m.index, m.index + m[0].length);
      // "over the weekend" without a future verb reports the weekend just gone
      if (dir === 0 && wordBefore(ctx.text, m.index) === 'over') dir = -1;
      const wd = weekday(ctx.anchor);
      const sat = dir > 0 || (dir === 0 && wd <= 3) ? addDays(ctx.anchor, 6 - wd) : addDays(ctx.anchor, wd >= 6 ? 6 - wd : -1 - wd);
      return { type: 'DATE', ...shifted(sat, 'WE', 0) };
    },
  },
  {
    // "that day", "the same week", "later that year": the period of the date just spoken of
    name: 'anaphoric', starts: ['earlier', 'later', 'that', 'the same'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?:earlier|later) )?(?:that|the same) (?<u>day|week|month|year)|(?<in>earlier|later) in the (?<u2>week|month|year))(?![\w-])`, 'gi'),
    build(m, ctx) {
      // "earlier in the year", "later in the month": the period the text is written in ("later in the day" is left alone: news
      // uses it of the day under narration as often as of the publication day)
      if (m.groups!.in) return { type: 'DATE', ...shifted(ctx.anchor, GRAN[unitCode(m.groups!.u2)], 0) };
      const code = unitCode(m.groups!.u);
      return { type: 'DATE', ...shifted(ctx.anchor, GRAN[code], 0), ref: { kind: 'shift', n: 0, gran: code as 'D' } };
    },
  },
  {
    name: 'next-day', starts: ['next', 'following', 'previous', 'preceding'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?<r>next|following|previous|preceding) (?<u>day|morning|evening|night))(?![\w-])`, 'gi'),
    build(m, ctx) {
      const n = FORWARD.test(m.groups!.r) ? 1 : -1;
      const base = shifted(ctx.anchor, 'D', n);
      const u = m.groups!.u.toLowerCase();
      const f: Found = { type: 'DATE', ...base, ref: { kind: 'shift', n, gran: 'D' } };
      return u === 'day' ? f : { ...f, type: 'TIME', value: `${base.value}T${POD(u)}` };
    },
  },
];

export { fmtDay };
