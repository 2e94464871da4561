import { fmtDay, isValid, pad, toMs, weekday, type Ymd } from './calendar.js';
import { HOLIDAYS, MONTHS, MONTH_RE, SPELLED_YEAR_RE, WEEKDAYS, WEEKDAY_RE, alt, parseNumber, parseSpelledYear, SMALL, TEENS, TENS } from './lexicon.js';
import { resolveHoliday, resolveMonth, resolveQuarter, shifted } from './normalize.js';
import { NOT_YEAR_NOUNS } from './lexicon.js';
import { DIGIT, maybeThe } from './starts.js';
import { isCap, matchSpan, rx, wordAfter, wordBefore, type Ctx, type Rule } from './rule.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const DOT_END = /\.$/;
const MAY_MARCH = /^(may|march)$/i;
const CURRENCY_OR_NUMBER_SIGN = /[$€£¥#]/;
const DIGIT_FIRST = /^\d/;
const POSSESSIVE_END = /['’]s$/;
const SENTENCE_OPENING_WORD = /[.!?"“]\s*\S+\s*$/;
const HALF_OR_SEASON = /half|spring|summer|fall|autumn|winter/;
const SPACES = /\s+/g;
const THE_FIRST = /^the\s/i;
const THE_ORDINAL_OR_OF = /^the\s+\d+(?:st|nd|rd|th)|\sof\s/i;
const THE = /^the$/i;
const PERIOD = /period/i;
const SEASON = /spring|summer|fall|autumn|winter/;
const CURLY_APOSTROPHES = /’/g;
const NOON = /noon/i;
const MIDDAY = /midday/i;
const MIDDAY_PREPOSITION = /^(at|by|until|around|about|before|after|since|till)$/;
const NOON_OR_MIDDAY = /noon|midday/i;
const PM = /p/i;
const AM = /a/i;
const CLOCK_PREPOSITION = /^(at|by|until|from|around|about|before|after|to|since)$/;
const UTC = /^(?:UTC|GMT)$/;
const QUARTER_ADJECTIVE = /\b(year-earlier|year-ago|latest|current|previous|last|past|next|this|coming|recent|just-ended|just-completed)\b/;
const THE_WORD_FIRST = /^the\b/;
const A_AN = /^(a|an)$/;
const OF_DECADE_OR_CENTURY = /^\s+of\s+(?:the\s+)?(?:['’]?\d0s|\d{3}0s|[\w-]+\s+century)\b/i;
const TWO_THOUSAND = /^two thousand$/i;
const SPELLED_YEAR_PREPOSITION = /^(the|in|by|until|since|of)$/;

const MOD = `(?:(?:the )?(?:very )?(?:early|late|mid|end of|beginning of|start of|middle of|first half of|second half of|spring of|summer of|fall of|autumn of|winter of)[ -]|mid-)`;
/** The words a MOD match begins with (see Rule.starts). */
const MOD_STARTS = maybeThe(['very', 'early', 'late', 'mid', 'end', 'beginning', 'start', 'middle', 'first', 'second', 'spring', 'summer', 'fall', 'autumn', 'winter']);
const MONTH_WORDS = Object.keys(MONTHS), WEEKDAY_WORDS = Object.keys(WEEKDAYS);
const YEAR_PREPS = new Set(['in', 'since', 'of', 'by', 'from', 'until', 'till', 'to', 'between', 'during', 'before', 'after', 'around', 'circa', 'year', 'fiscal', 'the', 'and', 'through', 'early', 'late', 'mid', 'throughout']);
const MONTH_PREPS = new Set([...YEAR_PREPS, 'last', 'next', 'this', 'on', 'for', 'each', 'every', 'late', 'early', 'mid']);

function monthNum(raw: string): number {
  return MONTHS[raw.toLowerCase().replace(DOT_END, '')];
}
/** A month name is a name only when capitalized; "May" alone also needs a preposition before it. */
function monthOk(raw: string, hasDayOrYear: boolean, prev: string): boolean {
  if (!isCap(raw)) return false;
  const bare = raw.replace(DOT_END, '');
  if (!hasDayOrYear) {
    if (bare.length <= 4 && !raw.endsWith('.') && bare.toLowerCase() !== 'may' && bare.toLowerCase() !== 'june' && bare.toLowerCase() !== 'july') return false;
    if (MAY_MARCH.test(bare) && !MONTH_PREPS.has(prev)) return false;
  }
  return true;
}
/** A deadline cue just before a date, possibly with a clock time between: "until 5 p.m. EST Nov. 9", "extended to Nov. 16". */
const UNTIL_RE = /\b(?:until|till|through|to|by|before|expires?|payable|record)\s+(?:(?:at|about|around)\s+)?(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)\s*(?:[A-Z]{2,4}\b)?[\s,]*)?$/i;
/** Days from the anchor to the next occurrence of month/day (this year's or next year's). */
function daysAhead(a: Ymd, month: number, day: number | null): number {
  const here = toMs(a);
  const t = toMs({ y: a.y, m: month, d: day ?? 1 });
  return (t >= here ? t - here : toMs({ y: a.y + 1, m: month, d: day ?? 1 }) - here) / 86_400_000;
}
const twoDigitYear = (yy: string): number => (+yy < 50 ? 2000 + +yy : 1900 + +yy);

function yearish(ctx: Ctx, start: number, end: number, y: number): boolean {
  const prev = wordBefore(ctx.text, start), next = wordAfter(ctx.text, end);
  if (CURRENCY_OR_NUMBER_SIGN.test(ctx.text[start - 1] ?? '') || NOT_YEAR_NOUNS.has(next) || DIGIT_FIRST.test(prev.slice(-1))) return false;
  // part of a name: "Russell 2000", "Windows 2000", "Orion 1980" (a capitalized word that is not a sentence opener)
  const prevRaw = ctx.text.slice(Math.max(0, start - prev.length - 1), start).trim();
  if (prev && isCap(prevRaw) && !YEAR_PREPS.has(prev) && !POSSESSIVE_END.test(prev) && !SENTENCE_OPENING_WORD.test(ctx.text.slice(Math.max(0, start - prev.length - 4), start)) && !(prev.replace(DOT_END, '') in MONTHS)) return false;
  if (y < 1900 || y > 2099) return YEAR_PREPS.has(prev) && y >= 1000 && y < 2100;
  return true;
}

export const absoluteRules: Rule[] = [
  {
    name: 'iso-date', pre: /\d{4}-\d\d-\d\d/,
    re: rx(String.raw`\b(?<y>\d{4})-(?<mo>\d\d)-(?<d>\d\d)(?:[T ](?<h>\d\d):(?<mi>\d\d))?\b`, 'gi'),
    build(m) {
      const g = m.groups!, t = { y: +g.y, m: +g.mo, d: +g.d };
      if (!isValid(t)) return null;
      return g.h ? { type: 'TIME', value: `${fmtDay(t)}T${g.h}:${g.mi}` } : { type: 'DATE', value: fmtDay(t) };
    },
  },
  { name: 'iso-week', pre: /\d{4}-W\d\d/, re: rx(String.raw`\b(?<y>\d{4})-W(?<w>\d\d)\b`, 'g'), build: (m) => ({ type: 'DATE', value: `${m.groups!.y}-W${m.groups!.w}` }) },
  {
    name: 'slash-date', pre: /\d\/\d/,
    re: rx(String.raw`(?<![\d/])(?<mo>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2})(?![\d/])`, 'gi'),
    build(m) {
      const g = m.groups!, t = { y: g.y.length === 2 ? twoDigitYear(g.y) : +g.y, m: +g.mo, d: +g.d };
      return isValid(t) ? { type: 'DATE', value: fmtDay(t) } : null;
    },
  },
  {
    // "Jan. 5", "January 5, 2026", "Monday, Oct. 26", "mid-November", "late November 1999", "June 2020"
    name: 'month-day-year', starts: [...WEEKDAY_WORDS, 'last', 'this', 'next', 'each', 'every', ...MOD_STARTS, ...MONTH_WORDS],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<wd>${WEEKDAY_RE}),? )?(?:(?<rel>last|this|next|each|every|this coming|this past) )?(?<mod>${MOD})?(?<mon>${MONTH_RE})(?: (?<d>\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d))?(?:(?:,? (?:of )?(?<y>\d{4})(?!\d))| (?<ys>${SPELLED_YEAR_RE})(?![\w-])|(?: (?:of )?(?<yrel>last|this|next) year))?)(?!\w)`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m);
      if (g.wd && !isCap(g.wd)) return null;
      const prev = wordBefore(ctx.text, x[0]);
      if (!monthOk(g.mon, !!(g.d || g.y || g.ys), prev)) return null;
      const month = monthNum(g.mon), day = g.d ? +g.d : null;
      // "January nineteen ninety-seven": a spoken year (broadcast transcripts)
      let year = g.y ? +g.y : g.ys ? parseSpelledYear(g.ys) : null;
      if (day !== null && (day < 1 || day > 31)) return null;
      if (g.mod && HALF_OR_SEASON.test(g.mod)) return null;
      const rel = g.rel?.toLowerCase().replace(SPACES, ' ');
      if (rel === 'each' || rel === 'every') return { type: 'SET', value: day === null ? `XXXX-${pad(month)}` : `XXXX-${pad(month)}-${pad(day)}` };
      const yrel = g.yrel?.toLowerCase();
      if (year === null && yrel && ctx.anchor) year = ctx.anchor.y + (yrel === 'last' ? -1 : yrel === 'next' ? 1 : 0);
      if (year === null && rel === 'this' && ctx.anchor) year = ctx.anchor.y;
      let dir = rel === 'last' || rel === 'this past' ? -1 : rel === 'next' || rel === 'this coming' ? 1 : ctx.dir(x[0], x[1]);
      const a = ctx.anchor;
      if (a && year === null) {
        // "last September" said in October is this year's; "last November" said in January, last year's
        if (rel === 'last') year = month < a.m ? a.y : a.y - 1;
        else if (rel === 'next') year = month > a.m ? a.y : a.y + 1;
        // a weekday fixes the year: "Saturday, April 25"
        else if (g.wd && day !== null) {
          const dow = WEEKDAYS[g.wd.toLowerCase()];
          year = [a.y, a.y - 1, a.y + 1].find((y) => isValid({ y, m: month, d: day }) && weekday({ y, m: month, d: day }) === dow) ?? null;
        }
        // a deadline after a past verb: "was extended to Nov. 16", "until 5 p.m. Nov. 9"
        else if (dir < 0 && UNTIL_RE.test(ctx.text.slice(Math.max(0, x[0] - 48), x[0])) && daysAhead(a, month, day) <= 75) dir = 1;
      }
      return { type: 'DATE', ...resolveMonth(month, day, year, a, dir) };
    },
  },
  {
    // "5 January", "the 5th of January 2026"
    name: 'day-month', starts: [...WEEKDAY_WORDS, ...maybeThe([DIGIT])],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:(?<wd>${WEEKDAY_RE}),? )?(?:the )?(?<d>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?<mon>${MONTH_RE})(?:,? (?<y>\d{4}))?)(?!\w)`),
    build(m, ctx) {
      const g = m.groups!, x = m.indices!.groups!.x;
      if (!isCap(g.mon) || +g.d < 1 || +g.d > 31) return null;
      // "the 5th of January" keeps its article; "the 11 September 2001 attacks" does not
      const bareThe = THE_FIRST.test(m[0]) && !THE_ORDINAL_OR_OF.test(m[0]);
      const start = bareThe ? m.indices!.groups!.d[0] : undefined;
      return { type: 'DATE', start, ...resolveMonth(monthNum(g.mon), +g.d, g.y ? +g.y : null, ctx.anchor, ctx.dir(x[0], x[1])) };
    },
  },
  {
    // "2019", "fiscal 1989", "the 1990s", "mid-2020", "the end of 1990", "the first half of 1989", "the 1988 period"
    name: 'year', starts: [...MOD_STARTS, ...maybeThe(['fiscal', 'calendar', 'year', DIGIT])],
    re: rx(String.raw`\b(?<![\w$.,/-])(?<x>(?<mod>${MOD})?(?:(?<fy>fiscal|fiscal year|calendar|calendar year|the year|the) )?(?<y>\d{4})(?<s>'?s)?(?<per> period| fiscal year| season)?)(?![\w%]|[.,/:]\d|-\d)`),
    build(m, ctx) {
      const g = m.groups!, x = m.indices!.groups!.x, y = +g.y;
      const yStart = m.indices!.groups!.y[0];
      if (!g.s && !yearish(ctx, g.fy || g.mod ? yStart - 1 : yStart, m.indices!.groups!.y[1], y) && !g.fy) return null;
      // "the 5000 mark": an article does not make a year of a number outside the calendar years
      if (!g.s && g.fy && THE.test(g.fy) && (y < 1000 || y > 2099)) return null;
      if (g.s) return y % 10 === 0 ? { type: 'DATE', value: g.y.slice(0, 3) } : null;
      if (g.fy === 'the' && !g.per) return { type: 'DATE', value: g.y, start: yStart, end: m.indices!.groups!.y[1] };
      if (g.fy === 'the' && PERIOD.test(g.per ?? '')) return { type: 'DATE', value: g.y, ref: { kind: 'quarter', n: 0, year: y } };
      const half = g.mod ? /first half/.test(g.mod) ? '-H1' : /second half/.test(g.mod) ? '-H2' : '' : '';
      const season = g.mod ? SEASON.exec(g.mod)?.[0] : undefined;
      const code = season ? ({ spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' } as Record<string, string>)[season] : '';
      return { type: 'DATE', value: g.y + half + (code ? '-' + code : ''), start: x[0], end: x[1] };
    },
  },
  {
    name: 'short-decade', pre: /['’]\d0s/i,
    re: rx(String.raw`(?<![\w])(?<x>(?:(?:the )?(?:early|late|mid)[ -])?(?:the )?['’](?<yy>\d)0s)\b`, 'gi'),
    build: (m) => ({ type: 'DATE', value: `19${m.groups!.yy}` }),
  },
  {
    name: 'century', starts: maybeThe(['early', 'late', 'mid', DIGIT]),
    re: rx(String.raw`\b(?<![\w])(?<x>(?:the )?(?:(?:early|late|mid)[ -])?(?<o>\d{1,2})(?:st|nd|rd|th)[ -]century)(?![\w-])`, 'gi'),
    build: (m) => ({ type: 'DATE', value: pad(+m.groups!.o - 1, 2) }),
  },
  {
    name: 'holiday', starts: ['last', 'next', 'this', ...Object.keys(HOLIDAYS)],
    re: rx(String.raw`\b(?<![\w])(?<x>(?:(?<rel>last|next|this) )?(?<h>${alt(Object.keys(HOLIDAYS))})(?:,? (?<y>\d{4}))?)(?![\w])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m);
      if (!isCap(g.h)) return null;
      const code = HOLIDAYS[g.h.toLowerCase().replace(CURLY_APOSTROPHES, "'")];
      if (!code) return null;
      const rel = g.rel?.toLowerCase();
      const dir = rel === 'last' ? -1 : rel === 'next' ? 1 : ctx.dir(x[0], x[1]);
      return { type: 'DATE', ...resolveHoliday(code, g.y ? +g.y : null, ctx.anchor, dir) };
    },
  },
  {
    // "3 p.m.", "10:35 a.m.", "noon", "around 7:15 p.m. EST"
    name: 'clock', starts: ['around', 'about', 'approximately', 'shortly', 'just', 'noon', 'midnight', 'midday', DIGIT],
    re: rx(String.raw`\b(?<![\w:.])(?<x>(?:(?:around|about|approximately|shortly after|shortly before|just after|just before) )?(?:(?<h>\d{1,2})(?:[:.](?<mi>[0-5]\d))? ?(?<ap>[ap]\.m\.?|[ap]m\b|[AP]M\b)|(?<h2>[01]?\d|2[0-3]):(?<mi2>[0-5]\d)(?![\d:])|(?<nm>noon|midnight|midday)|(?<h3>\d{1,2}) o'clock)(?: (?<tz>EST|EDT|CST|CDT|PST|PDT|MST|MDT|GMT|UTC|BST|CET|local time))?)(?!\w)`),
    build(m, ctx) {
      const g = m.groups!;
      let h: number, mi = 0;
      if (g.nm) {
        // "high noon" is an idiom; "midday" is a clock time only after a preposition of time ("at midday", "by midday")
        if (NOON.test(g.nm) && wordBefore(ctx.text, m.indices!.groups!.nm[0]) === 'high') return null;
        if (MIDDAY.test(g.nm) && !MIDDAY_PREPOSITION.test(wordBefore(ctx.text, m.indices!.groups!.nm[0]))) return null;
        h = NOON_OR_MIDDAY.test(g.nm) ? 12 : 24;
      }
      else if (g.h) { h = +g.h; mi = g.mi ? +g.mi : 0; if (h < 1 || h > 12) return null; if (PM.test(g.ap) && h < 12) h += 12; if (AM.test(g.ap) && h === 12) h = 0; }
      // "14:48" needs a preposition of time before it, or a time zone after it ("as of 14:48 UTC")
      else if (g.h2) { h = +g.h2; mi = +g.mi2; if (!g.tz && !CLOCK_PREPOSITION.test(wordBefore(ctx.text, m.index))) return null; }
      else { h = +g.h3; if (h < 1 || h > 12) return null; }
      // ISO 8601 marks universal time with Z; other zones are left as the local clock time (TimeBank practice)
      const clock = `T${pad(h)}:${pad(mi)}` + (g.tz && UTC.test(g.tz) ? 'Z' : '');
      const day = ctx.anchor ? fmtDay(ctx.anchor) : 'XXXX-XX-XX';
      return { type: 'TIME', value: day + clock, unresolved: ctx.anchor ? undefined : true, clock };
    },
  },
  {
    // "the third quarter", "third-quarter", "the fiscal first quarter", "the fourth quarter of 1989", "1989's second half", "Q3 2025"
    name: 'quarter', starts: maybeThe([DIGIT, 'this', 'last', 'next', 'fiscal', 'calendar', 'year-earlier', 'same', 'latest', 'current', 'previous', 'past', 'coming', 'recent', 'most', 'just-ended', 'first', 'second', 'third', 'fourth', 'final', 'quarter', 'half']), pre: /quarter|half/i,
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the )?(?:(?<yp>\d{4})(?:['’]s)? |(?<yrel>this|last|next) year['’]s )?(?:(?<adj>fiscal|calendar|year-earlier|year-ago|same|latest|current|previous|last|past|next|this|coming|recent|most recent|just-ended|just-completed)[ -]+)*(?:(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[ -]+)?(?:fiscal[ -]+)?(?<u>quarter|half)(?:(?: of| of fiscal|,)? (?<y>\d{4})| of (?:the )?(?<yrel2>this|last|next|the) (?:fiscal )?year)?)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!, x = matchSpan(m);
      const text = m[0].toLowerCase();
      const adj = (text.match(QUARTER_ADJECTIVE) ?? [])[1];
      const hasThe = THE_WORD_FIRST.test(text);
      const after = wordAfter(ctx.text, x[1]);
      if (!g.ord && !adj && !hasThe && !g.yp && !g.yrel) return null;
      if ((after === 'of' && !g.ord && !adj) || after === 'century' || after === 'point' || after === 'percent' || (!g.ord && !adj && A_AN.test(wordBefore(ctx.text, x[0])))) return null;
      const isHalf = g.u.toLowerCase() === 'half';
      if (isHalf && !g.ord && adj !== 'last') return null;
      // "the last half of the '80s": a half of the decade or century that follows, not of the year
      if (isHalf && after === 'of' && OF_DECADE_OR_CENTURY.test(ctx.text.slice(x[1], x[1] + 40))) return null;
      const yrel = (g.yrel ?? g.yrel2)?.toLowerCase();
      let year: number | null = g.y ? +g.y : g.yp ? +g.yp : null;
      if (year === null && yrel && yrel !== 'the' && ctx.anchor) year = ctx.anchor.y + (yrel === 'last' ? -1 : yrel === 'next' ? 1 : 0);
      const ord = isHalf && !g.ord ? 2 : g.ord ? ({ first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: isHalf ? 2 : 4, last: isHalf ? 2 : 4 } as Record<string, number>)[g.ord.toLowerCase()] : 0;
      if (isHalf) {
        if (ord > 2) return null;
        const y = year ?? ctx.anchor?.y;
        return y === undefined ? { type: 'DATE', value: `XXXX-H${ord}`, unresolved: true } : { type: 'DATE', value: `${y}-H${ord}` };
      }
      if (adj === 'year-earlier' || adj === 'year-ago') return ord ? { type: 'DATE', ...resolveQuarter(ord, year, ctx.anchor, -1), ref: { kind: 'yearBefore', n: 1, gran: 'Q' } } : { type: 'DATE', ...shifted(ctx.anchor, 'Q', -4), ref: { kind: 'yearBefore', n: 1, gran: 'Q' } };
      if (ord) return { type: 'DATE', ...resolveQuarter(ord, year, ctx.anchor, ctx.dir(x[0], x[1])) };
      if (year !== null) return { type: 'DATE', value: `${year}-QX`, ref: { kind: 'quarter', n: 0, year } };
      if (adj === 'current' || adj === 'this') return { type: 'DATE', ...shifted(ctx.anchor, 'Q', 0) };
      if (adj === 'next' || adj === 'coming') return { type: 'DATE', ...shifted(ctx.anchor, 'Q', 1) };
      if (adj === 'previous' || adj === 'last' || adj === 'past' || adj === 'latest' || adj === 'recent' || adj === 'just-ended' || adj === 'just-completed') return { type: 'DATE', ...shifted(ctx.anchor, 'Q', -1) };
      return { type: 'DATE', ...shifted(ctx.anchor, 'Q', -1), ref: { kind: 'quarter', n: 0, year: year ?? undefined } };
    },
  },
  {
    // "nineteen ninety-six", "the year two thousand", "two thousand and one"
    name: 'spelled-year', starts: ['the year', 'nineteen', 'two'],
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the year )?(?:nineteen (?:hundred(?: and)? )?(?<a>(?:${TENS})(?:[- ](?:${SMALL}))?|${TEENS}|${SMALL})|two thousand(?:(?: and)? (?<b>${TEENS}|${SMALL}))?))(?![\w-])`, 'gi'),
    build(m, ctx) {
      const g = m.groups!;
      if (TWO_THOUSAND.test(m[0]) && !SPELLED_YEAR_PREPOSITION.test(wordBefore(ctx.text, m.index))) return null;
      const y = g.a !== undefined ? 1900 + (parseNumber(g.a) ?? 0) : 2000 + (g.b ? parseNumber(g.b) ?? 0 : 0);
      return { type: 'DATE', value: String(y) };
    },
  },
  {
    name: 'spelled-decade', starts: maybeThe(['early', 'late', 'mid', 'nineteen', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties']),
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the )?(?:(?:early|late|mid)[ -])?(?:nineteen )?(?<t>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w-])`, 'gi'),
    build(m) {
      const t = m.groups!.t.toLowerCase();
      return { type: 'DATE', value: '19' + (['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(t) + 2) };
    },
  },
  {
    name: 'fiscal-year', starts: ['current', 'full', 'whole', 'latest', 'past', 'previous', 'last', 'next', 'coming', 'fiscal', 'financial'].map((w) => `the ${w}`),
    re: rx(String.raw`\b(?<![\w-])(?<x>the (?:(?<rel>current|full|whole|latest|past|previous|last|next|coming) )?(?:fiscal|financial) year|the (?:current|full) year|the latest period)(?![\w-])`, 'gi'),
    build(m, ctx) {
      if (PERIOD.test(m[0])) return { type: 'DATE', ...shifted(ctx.anchor, 'Q', -1), ref: { kind: 'quarter', n: 0 } };
      const rel = m.groups!.rel?.toLowerCase();
      return { type: 'DATE', ...shifted(ctx.anchor, 'Y', rel === 'past' || rel === 'previous' || rel === 'last' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0) };
    },
  },
  {
    // "by year-end", "year's end", "since year end"
    name: 'year-end', starts: maybeThe(['year']),
    re: rx(String.raw`\b(?<![\w-])(?<x>(?:the )?year(?:-| |['’]s )end)(?![\w-])`, 'gi'),
    build(m, ctx) {
      const since = wordBefore(ctx.text, m.index) === 'since';
      return { type: 'DATE', ...shifted(ctx.anchor, 'Y', since ? -1 : 0) };
    },
  },
  {
    name: 'q-quarter', pre: /Q[1-4]/,
    re: rx(String.raw`\b(?<x>Q(?<q>[1-4])(?: (?<y>\d{4}))?)\b`, 'g'),
    build: (m, ctx) => ({ type: 'DATE', ...resolveQuarter(+m.groups!.q, m.groups!.y ? +m.groups!.y : null, ctx.anchor, ctx.dir(m.index, m.index + m[0].length)) }),
  },
];
