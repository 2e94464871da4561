import type { Sentence, TimeExpr } from '../schema.js';
import { addDays, addMonths, fmtDay, fmtWeek, parseYmd, pad, weekday, type Ymd } from './calendar.js';
import { absoluteRules } from './rules-absolute.js';
import { relativeRules } from './rules-relative.js';
import type { Ctx, Found, Rule } from './rule.js';
import { StartIndex } from './starts.js';
import { tenseAt, type Dir, type W } from './tense.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const CLOCK_DAY_GAP = /^[\s,]*(?:on )?$/;
const DAY_VALUE = /^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX|XXXX-WXX-\d)$/;
const YEAR_AND_REST = /^(\d{4})(-.*)?$/;
const YEAR_MONTH_DAY = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/;
const DAY_FIRST = /^\d{4}-\d\d-\d\d/;
const MONTH_OR_DAY = /^\d{4}-\d\d(-\d\d)?$/;
const QUARTER_VALUE = /^\d{4}-Q\d$/;
const LONGER_THAN_QUARTER = /^(?:P(?:[4-9]|1[01])M|\d{4}-H[12])$/;
const YEAR_FIRST = /^\d{4}/;
const YEAR_QUARTER_MONTH_DAY = /^\d{4}(?:-(?:\d\d|Q\d))?(?:-\d\d)?$/;
const ONLY_SPACE = /^\s+$/;
const A_YEAR_BEFORE = /^a\s+year\s+(?:ago|earlier|before)$/i;
const HAS_X = /X/;
const PERIOD_FIRST = /^P/;

const RULES: readonly Rule[] = [...absoluteRules, ...relativeRules];
const STARTING = RULES.filter((r) => r.starts);
/** The word starts the rules with start words may begin at (their bits in the order of STARTING). */
const START_INDEX = new StartIndex(STARTING.map((r) => r.starts));
/** Each rule's bit in START_INDEX (0 without start words), and its regex anchored (sticky) to be tried at one offset. */
const START_BIT: readonly number[] = RULES.map((r) => (r.starts ? 1 << STARTING.indexOf(r) : 0));
const STICKY: readonly RegExp[] = RULES.map((r) => new RegExp(r.re.source, r.re.flags.replace('g', '') + 'y'));

export interface Cand extends Found { start: number; end: number; rule: string }

/** The index of the sentence holding offset `at` (binary search), or -1. */
function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= at) lo = mid + 1;
    else if (sentences[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Makes a candidate of one match of `rule` into `out`; returns where the search goes on as a global scan would: past
 * the match, or one past its start when the rule turned it down (a shorter match there, or one inside it, may stand).
 */
function take(rule: Rule, m: RegExpExecArray, ctx: Ctx, out: Cand[]): number {
  const f = rule.build(m, ctx);
  if (!f) return m.index + 1;
  const x = m.indices?.groups?.x;
  const start = f.start ?? x?.[0] ?? m.index, end = f.end ?? x?.[1] ?? m.index + m[0].length;
  if (end > start) out.push({ ...f, start, end, rule: rule.name });
  return m.index + Math.max(m[0].length, 1);
}

/** A rule's candidates from a scan at every offset. */
function scanAll(rule: Rule, ctx: Ctx, out: Cand[]): void {
  const re = rule.re;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(ctx.text)) !== null) re.lastIndex = take(rule, m, ctx, out);
}

/**
 * A rule's candidates from tries at the word starts it may begin at, in order: the same as scanAll's, as every match
 * begins at one of them and a global scan's next match is the first that matches at or after where it goes on.
 */
function scanStarts(r: number, ctx: Ctx, out: Cand[]): void {
  const rule = RULES[r], re = STICKY[r], bit = START_BIT[r], { at, rules, count } = START_INDEX;
  let from = 0;
  for (let i = 0; i < count; i++) {
    if (at[i] < from || !(rules[i] & bit)) continue;
    re.lastIndex = at[i];
    const m = re.exec(ctx.text);
    if (m) from = take(rule, m, ctx, out);
  }
}

/** Every rule over the whole text: candidates, possibly overlapping. `atStarts` false scans every rule at every offset. */
export function candidates(ctx: Ctx, atStarts = true): Cand[] {
  const out: Cand[] = [];
  if (atStarts) START_INDEX.scan(ctx.text);
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r];
    if (rule.pre && !rule.pre.test(ctx.text)) continue;
    if (atStarts && rule.starts) scanStarts(r, ctx, out);
    else scanAll(rule, ctx, out);
  }
  return out;
}

/** Longest first; a candidate overlapping a kept one is dropped (linear in the covered text, via an occupancy map). */
function settle(cands: Cand[], length: number): Cand[] {
  cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start);
  const taken = new Uint8Array(length);
  const kept: Cand[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "10 p.m. Wednesday", "noon Thursday": a clock time followed by a day becomes one TIME. */
function joinClocks(text: string, list: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i], n = list[i + 1];
    if (c.clock && n && CLOCK_DAY_GAP.test(text.slice(c.end, n.start)) && DAY_VALUE.test(n.value)) {
      out.push({ ...c, end: n.end, value: n.value + c.clock, unresolved: c.unresolved || n.unresolved ? true : undefined, clock: undefined });
      i++;
    } else out.push(c);
  }
  return out;
}

const shiftYears = (v: string, n: number): string | null => {
  const m = YEAR_AND_REST.exec(v);
  return m ? pad(+m[1] - n, 4) + (m[2] ?? '') : null;
};

/** Shifts an absolute value by n units of `gran`, keeping the granularity asked for. */
function shiftValue(v: string, gran: string, n: number): string | null {
  const m = YEAR_MONTH_DAY.exec(v);
  if (!m) return null;
  const y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
  if (gran === 'Y') return pad(y + n, 4);
  if (gran === 'M' && mo !== null) { const t = addMonths({ y, m: mo, d: 1 }, n); return `${pad(t.y, 4)}-${pad(t.m)}`; }
  if (gran === 'D' && mo !== null && d !== null) { const t = addDays({ y, m: mo, d }, n); return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`; }
  if (gran === 'W' && mo !== null && d !== null) return fmtWeek(addDays({ y, m: mo, d }, 7 * n));
  return null;
}

/** "a flat second quarter", "an unusually weak quarter": an indefinite article (and at most one modifier) before a span. */
const INDEFINITE_BEFORE = /(?:^|[^\w])an?\s+(?:[\w-]+\s+)?$/i;
/** Whether the quarter 'YYYY-Qn' ends on or after the anchor day (it is current or still ahead). */
function quarterNotOver(v: string, a: Ymd): boolean {
  const y = +v.slice(0, 4), q = +v[6];
  return y > a.y || (y === a.y && q * 3 >= a.m);
}

/** Values that depend on what the text spoke of just before: "a year earlier", "the quarter", "the following year". */
function resolveReferences(list: Cand[], sentences: readonly Sentence[], text: string, anchor: Ymd | null): void {
  let lastQuarter: string | null = null;
  let prev: Cand | null = null;
  for (const c of list) {
    const r = c.ref;
    if (c.clock && !c.unresolved && prev && DAY_FIRST.test(prev.value)) {
      // a bare clock time ("at 10 p.m.") falls on the day last spoken of, however far back, not the publication day
      c.value = prev.value.slice(0, 10) + c.clock;
    }
    if (r && !c.unresolved) {
      const near = prev !== null && sentenceAt(sentences, c.start) - sentenceAt(sentences, prev.start) <= 1;
      if (r.kind === 'quarter') {
        if (lastQuarter) c.value = r.year !== undefined ? `${r.year}${lastQuarter.slice(4)}` : lastQuarter;
      } else if (r.kind === 'yearBefore') {
        // the same period a year before: the quarter under discussion, else a date just mentioned
        if (lastQuarter) c.value = shiftYears(lastQuarter, r.n) ?? c.value;
        else if (prev && near && MONTH_OR_DAY.test(prev.value)) c.value = shiftYears(prev.value, r.n) ?? c.value;
      } else if (prev && r.dow !== undefined) {
        // "the previous Friday", "the following Monday": that weekday before or after the date last spoken of
        const d = parseYmd(prev.value.slice(0, 10));
        if (d && DAY_FIRST.test(prev.value)) {
          let t = addDays(d, r.n);
          while (weekday(t) !== r.dow) t = addDays(t, r.n);
          c.value = fmtDay(t) + c.value.slice(10);
        }
      } else if (prev && r.gran) {
        // "the following month", "that day", "the next day": the date last spoken of, however far back
        const v = shiftValue(prev.value, r.gran, r.n);
        if (v) c.value = c.type === 'TIME' ? v + c.value.slice(c.value.indexOf('T')) : v;
      }
    }
    // the quarter under discussion is the last one named outright ("the third quarter", "third-quarter"); a quarter named
    // with an indefinite article ("after a flat second quarter") is a contrast, and one not over yet ("into the fourth
    // quarter", "the third quarter of 1990") a forecast: neither takes over from a quarter already under discussion
    if (QUARTER_VALUE.test(c.value) && !r) {
      if (!lastQuarter || (!INDEFINITE_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start)) && !(anchor && quarterNotOver(c.value, anchor)))) lastQuarter = c.value;
    }
    // "the first nine months", "the first half": the period under discussion is no longer a quarter
    else if (!r && LONGER_THAN_QUARTER.test(c.value)) lastQuarter = null;
    if ((c.type === 'DATE' || c.type === 'TIME') && YEAR_FIRST.test(c.value)) prev = c;
  }
}

/** "the quarter a year ago", "the same month a year earlier": one period, a year before the one named. */
function joinYearBefore(text: string, list: Cand[]): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i], n = list[i + 1];
    if (n && c.type === 'DATE' && YEAR_QUARTER_MONTH_DAY.test(c.value) && ONLY_SPACE.test(text.slice(c.end, n.start))
      && A_YEAR_BEFORE.test(text.slice(n.start, n.end))) {
      out.push({ ...c, end: n.end, value: shiftYears(c.value, 1) ?? c.value });
      i++;
    } else out.push(c);
  }
  return out;
}

/** What the rules read of a text: the text, its publication day, and the tense around a span (by its sentence). */
export function context(text: string, sentences: readonly Sentence[], published: string | null): Ctx {
  const words = new Map<number, W[]>();
  return {
    text,
    anchor: parseYmd(published),
    dir(start: number, end: number): Dir {
      const s = sentences[Math.max(0, sentenceAt(sentences, start))];
      return tenseAt(text, s.start, s.end, start, end, words);
    },
  };
}

/**
 * Finds the temporal expressions of `text` and normalizes them to TIMEX3 values against `published`
 * ('YYYY-MM-DD' or null), choosing past or future for partial dates by the tense of the governing verb.
 */
export function findTimes(text: string, sentences: readonly Sentence[], published: string | null): TimeExpr[] {
  const sents = sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }];
  const ctx = context(text, sents, published), anchor = ctx.anchor;
  const list = joinClocks(text, settle(candidates(ctx), text.length));
  resolveReferences(list, sents, text, anchor);
  return joinYearBefore(text, list).map((c) => {
    const t: TimeExpr = { start: c.start, end: c.end, text: text.slice(c.start, c.end), type: c.type, value: c.value };
    if (c.unresolved || (!anchor && HAS_X.test(c.value) && !PERIOD_FIRST.test(c.value) && c.type !== 'SET')) t.unresolved = true;
    return t;
  });
}
