/** Calendar arithmetic on plain year/month/day triples (UTC, proleptic Gregorian). */
export interface Ymd { y: number; m: number; d: number }

const DAY_MS = 86_400_000;

export function toMs(a: Ymd): number { return Date.UTC(a.y, a.m - 1, a.d); }
export function fromMs(ms: number): Ymd { const t = new Date(ms); return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }; }

const YMD = /^(\d{4})-(\d{2})-(\d{2})/; // made once: a literal in a function is a new RegExp object per call
/** Reads 'YYYY-MM-DD' (optionally followed by a time); null when absent or not a real date. */
export function parseYmd(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = YMD.exec(s);
  if (!m) return null;
  const v = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(v) ? v : null;
}

export function isValid(a: Ymd): boolean {
  if (a.m < 1 || a.m > 12 || a.d < 1) return false;
  return a.d <= daysInMonth(a.y, a.m);
}

export function daysInMonth(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
export function addDays(a: Ymd, n: number): Ymd { return fromMs(toMs(a) + n * DAY_MS); }
export function addMonths(a: Ymd, n: number): Ymd {
  const idx = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(idx / 12), m = idx - y * 12 + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}
/** ISO weekday, Monday = 1 … Sunday = 7. */
export function weekday(a: Ymd): number { const w = new Date(toMs(a)).getUTCDay(); return w === 0 ? 7 : w; }

/** ISO 8601 week-numbering year and week. */
export function isoWeek(a: Ymd): { year: number; week: number } {
  const thursday = addDays(a, 4 - weekday(a));
  const jan1 = toMs({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toMs(thursday) - jan1) / DAY_MS / 7) + 1 };
}
/** The Monday of ISO week `week` of `year`. */
export function isoWeekMonday(year: number, week: number): Ymd {
  const jan4 = { y: year, m: 1, d: 4 };
  return addDays(jan4, (week - 1) * 7 - (weekday(jan4) - 1));
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export function fmtDay(a: Ymd): string { return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`; }
export function fmtMonth(y: number, m: number): string { return `${pad(y, 4)}-${pad(m)}`; }
export function fmtWeek(a: Ymd): string { const w = isoWeek(a); return `${pad(w.year, 4)}-W${pad(w.week)}`; }
export function quarterOf(m: number): number { return Math.floor((m - 1) / 3) + 1; }

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}
/** The n-th (1-based; -1 = last) ISO weekday `dow` of a month. */
export function nthWeekday(y: number, m: number, dow: number, n: number): Ymd {
  if (n > 0) { const first = { y, m, d: 1 }; return addDays(first, ((dow - weekday(first) + 7) % 7) + (n - 1) * 7); }
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}
