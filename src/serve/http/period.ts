// Periods of a series, shared by the server and the dashboard (pure, no Node APIs): 2026-01 by month,
// 2026-W02 by ISO week.

export type Bucket = 'week' | 'month';

/** ISO week of a YYYY-MM-DD day: 2026-W02. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period an event date falls in, or null when the date is absent or too coarse for it (as the store counts). */
export function periodOf(date: string | null, by: Bucket): string | null {
  if (!date) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return by === 'month' ? date.slice(0, 7) : isoWeek(date.slice(0, 10));
  if (/^\d{4}-\d{2}$/.test(date)) return by === 'month' ? date : null;
  if (/^\d{4}-W\d{2}$/.test(date)) return by === 'week' ? date : null;
  return null;
}

/** The period after `p`, to fill gaps so that a chart shows quiet weeks as quiet. */
export function nextPeriod(p: string, by: Bucket): string {
  if (by === 'month') {
    const [y, m] = p.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const [y, w] = p.split('-W').map(Number);
  const weeks = Number(isoWeek(`${y}-12-28`).slice(6)); // 28 December is always in a year's last ISO week
  return w >= weeks ? `${y + 1}-W01` : `${y}-W${String(w + 1).padStart(2, '0')}`;
}
