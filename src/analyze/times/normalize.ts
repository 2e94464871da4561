import { addDays, addMonths, easter, toMs, fmtDay, fmtMonth, fmtWeek, isoWeek, isoWeekMonday, nthWeekday, pad, quarterOf, weekday, type Ymd } from './calendar.js';
import type { Dir } from './tense.js';

/** A normalized value; `unresolved` when it needed the publication date and there was none. */
export interface Value { value: string; unresolved?: boolean }

const X = (value: string): Value => ({ value, unresolved: true });
const V = (value: string): Value => ({ value });

/** The granularities a relative expression can be counted in. */
export type Gran = 'D' | 'W' | 'WE' | 'M' | 'Q' | 'H' | 'Y' | 'DE' | 'CE';

/** A weekday (1 = Monday) relative to the anchor: past → the latest on or before it, future → the next on or after it, unknown → the nearest. */
export function resolveWeekday(dow: number, anchor: Ymd | null, dir: Dir, shift = 0): Value {
  if (!anchor) return X(`XXXX-WXX-${dow}`);
  const diff = dow - weekday(anchor); // -6 … 6
  let delta: number;
  if (shift < 0) delta = diff < 0 ? diff : diff - 7;             // "last Friday": strictly before
  else if (shift > 0) delta = diff > 0 ? diff : diff + 7;      // "next Friday": strictly after
  else if (dir < 0) delta = diff <= 0 ? diff : diff - 7;
  else if (dir > 0) delta = diff >= 0 ? diff : diff + 7;
  else delta = diff > 3 ? diff - 7 : diff < -3 ? diff + 7 : diff;
  return V(fmtDay(addDays(anchor, delta)));
}

/** The year of a month (and day) given without one: past → latest not after the anchor, future → next not before it, unknown → within six months. */
export function yearFor(month: number, day: number | null, anchor: Ymd, dir: Dir): number {
  const here = anchor.m * 32 + anchor.d, there = month * 32 + (day ?? (dir < 0 ? 1 : 31));
  if (dir < 0) return there <= here || (day === null && month === anchor.m) ? anchor.y : anchor.y - 1;
  if (dir > 0) return there >= here || (day === null && month === anchor.m) ? anchor.y : anchor.y + 1;
  const diff = month - anchor.m;
  return diff > 6 ? anchor.y - 1 : diff < -6 ? anchor.y + 1 : anchor.y;
}

/**
 * The year of a month (and day) given without one. The tense decides, except that a date the tense would put
 * almost a year away while its other reading lies within weeks of the anchor takes the near reading
 * ("will meet on Jan. 3" read on Jan. 5 is a misread tense, not next January).
 */
export function nearYearFor(month: number, day: number | null, anchor: Ymd, dir: Dir): number {
  const y = yearFor(month, day, anchor, dir);
  if (dir === 0) return y;
  const dist = (yy: number): number => Math.abs(toMs({ y: yy, m: month, d: day ?? 15 }) - toMs(anchor)) / 86_400_000;
  const near = day === null ? 40 : 31;
  for (const alt of [y - 1, y + 1]) if (dist(y) > 300 && dist(alt) <= near) return alt;
  return y;
}

export function resolveMonth(month: number, day: number | null, year: number | null, anchor: Ymd | null, dir: Dir): Value {
  if (year === null && !anchor) return X(day === null ? `XXXX-${pad(month)}` : `XXXX-${pad(month)}-${pad(day)}`);
  const y = year ?? nearYearFor(month, day, anchor!, dir);
  return V(day === null ? fmtMonth(y, month) : `${fmtMonth(y, month)}-${pad(day)}`);
}

/** The value of the period `n` units away from the anchor, at that unit's granularity ("last year" = -1 Y). */
export function shifted(anchor: Ymd | null, gran: Gran, n: number): Value {
  if (!anchor) return X(unknownOf(gran));
  switch (gran) {
    case 'D': return V(fmtDay(addDays(anchor, n)));
    case 'W': return V(fmtWeek(addDays(anchor, 7 * n)));
    case 'WE': return V(`${fmtWeek(addDays(anchor, 7 * n))}-WE`);
    case 'M': { const t = addMonths(anchor, n); return V(fmtMonth(t.y, t.m)); }
    case 'Q': { const q = anchor.y * 4 + quarterOf(anchor.m) - 1 + n; return V(`${pad(Math.floor(q / 4), 4)}-Q${(q % 4) + 1}`); }
    case 'H': { const h = anchor.y * 2 + (anchor.m > 6 ? 1 : 0) + n; return V(`${pad(Math.floor(h / 2), 4)}-H${(h % 2) + 1}`); }
    case 'Y': return V(pad(anchor.y + n, 4));
    case 'DE': return V(String(Math.floor(anchor.y / 10) + n));
    case 'CE': return V(String(Math.floor(anchor.y / 100) + n));
  }
}

export function unknownOf(gran: Gran): string {
  switch (gran) {
    case 'D': return 'XXXX-XX-XX';
    case 'W': return 'XXXX-WXX';
    case 'WE': return 'XXXX-WXX-WE';
    case 'M': return 'XXXX-XX';
    case 'Q': return 'XXXX-QX';
    case 'H': return 'XXXX-HX';
    case 'Y': return 'XXXX';
    case 'DE': return 'XXX';
    case 'CE': return 'XX';
  }
}

const SMALLER: Record<string, [string, number]> = { Y: ['M', 12], M: ['D', 30], W: ['D', 7], D: ['H', 24], H: ['MIN', 60], MIN: ['S', 60], Q: ['M', 3] };
const TIME_UNITS = new Set(['H', 'MIN', 'S']);

/** A TIMEX3 duration: P4D, PT24H, P2Y, PXY (n = null for "years"), P2Y6M for 2 1/2 years, P20Y for two decades. */
export function duration(n: number | null, unit: string): string {
  if (unit === 'DE') return n === null ? 'PXDE' : duration(n * 10, 'Y');
  if (unit === 'CE') return n === null ? 'PXC' : duration(n * 100, 'Y');
  if (unit === 'ML') return n === null ? 'PXML' : duration(n * 1000, 'Y');
  if (unit === 'WE') return `P${n === null ? 'X' : n * 2}D`;
  if (unit === '2W') return `P${n === null ? 'X' : n * 2}W`;
  const t = TIME_UNITS.has(unit) ? 'T' : '';
  const code = unit === 'MIN' ? 'M' : unit;
  if (n === null) return `P${t}X${code}`;
  if (!Number.isInteger(n) && SMALLER[unit]) {
    const whole = Math.floor(n), [small, k] = SMALLER[unit];
    const rest = Math.round((n - whole) * k);
    const restPart = (TIME_UNITS.has(small) && !t ? 'T' : '') + rest + (small === 'MIN' ? 'M' : small);
    return whole ? `P${t}${whole}${code}${restPart}` : duration(rest, small);
  }
  return `P${t}${n}${code}`;
}

/** A season: "last" → the latest one that is over, "next" → the next one not begun; past/future tense likewise; else the anchor's year. */
export function resolveSeason(code: string, year: number | null, anchor: Ymd | null, dir: Dir, shift = 0): Value {
  if (year !== null) return V(`${pad(year, 4)}-${code}`);
  if (!anchor) return X(`XXXX-${code}`);
  const start: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
  const begun = anchor.m >= start[code], over = anchor.m >= start[code] + 3;
  let y = anchor.y;
  if (shift < 0) y = over ? anchor.y : anchor.y - 1;
  else if (shift > 0) y = begun ? anchor.y + 1 : anchor.y;
  else if (dir < 0) y = begun ? anchor.y : anchor.y - 1;
  else if (dir > 0) y = over ? anchor.y + 1 : anchor.y;
  return V(`${pad(y, 4)}-${code}`);
}

/** A quarter given by its ordinal: in the anchor's year unless it has not begun yet and the verb is not future. */
export function resolveQuarter(q: number, year: number | null, anchor: Ymd | null, dir: Dir): Value {
  if (year !== null) return V(`${pad(year, 4)}-Q${q}`);
  if (!anchor) return X(`XXXX-Q${q}`);
  const cur = quarterOf(anchor.m);
  const y = q > cur && dir <= 0 ? anchor.y - 1 : q < cur && dir > 0 && q < cur - 1 ? anchor.y + 1 : anchor.y;
  return V(`${pad(y, 4)}-Q${q}`);
}

export function holiday(code: string, year: number): Ymd {
  switch (code) {
    case 'thanksgiving': return nthWeekday(year, 11, 4, 4);
    case 'easter': return easter(year);
    case 'goodfriday': return addDays(easter(year), -2);
    case 'laborday': return nthWeekday(year, 9, 1, 1);
    case 'memorialday': return nthWeekday(year, 5, 1, -1);
    case 'electionday': return addDays(nthWeekday(year, 11, 1, 1), 1); // the Tuesday after the first Monday of November
    default: { const [m, d] = code.split('-').map(Number); return { y: year, m, d }; }
  }
}

export function resolveHoliday(code: string, year: number | null, anchor: Ymd | null, dir: Dir): Value {
  if (year !== null) return V(fmtDay(holiday(code, year)));
  if (!anchor) return X(/^\d/.test(code) ? `XXXX-${code}` : 'XXXX-XX-XX');
  const here = fmtDay(anchor), same = fmtDay(holiday(code, anchor.y));
  if (dir < 0 && same > here) return V(fmtDay(holiday(code, anchor.y - 1)));
  if (dir > 0 && same < here) return V(fmtDay(holiday(code, anchor.y + 1)));
  return V(same);
}

export { isoWeek, isoWeekMonday, fmtDay, fmtWeek };
