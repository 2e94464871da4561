// Dyad series, activity and the actor network, computed from stored events. The relations engineer's store series
// query can replace `dyadSeries` later; the shape here is what the API returns.
import type { EventRow } from '../../store/store.js';

export type Bucket = 'week' | 'month';

/** Events that happened (or were said to have happened): the ones that move a relation. */
export const HAPPENED = new Set(['asserted', 'reported']);

export interface SeriesPoint {
  /** 2026-01 for a month, 2026-W02 for an ISO week */
  period: string;
  events: number;
  cooperative: number;
  conflictual: number;
  /** Goldstein sum of the events that happened */
  goldstein: number;
  /** events planned for this period (not counted above) */
  planned: number;
}

export interface DyadSeries { dyad: [string, string]; by: Bucket; points: SeriesPoint[]; undated: number }

/** A dyad's two codes in a stable order (alphabetical), so that KOR-CHN and CHN-KOR are one dyad. */
export const dyadKey = (a: string, b: string): [string, string] => (a <= b ? [a, b] : [b, a]);

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

/** The period an event date falls in, or null when the date is too vague (a year, a decade) or absent. */
export function periodOf(date: string | null, by: Bucket): string | null {
  if (!date) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (day) return by === 'month' ? date.slice(0, 7) : isoWeek(date.slice(0, 10));
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return by === 'month' ? date : isoWeek(`${date}-01`); // a month-only date sits in the month's first week
  return null;
}

/** Next period after `p`, to fill gaps so that a chart shows quiet weeks as quiet. */
function nextPeriod(p: string, by: Bucket): string {
  if (by === 'month') {
    const [y, m] = p.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const [y, w] = p.split('-W').map(Number);
  const weeks = Number(isoWeek(`${y}-12-28`).slice(6)); // 28 December is always in a year's last ISO week
  return w >= weeks ? `${y + 1}-W01` : `${y}-W${String(w + 1).padStart(2, '0')}`;
}

/** The cooperation/conflict series of one dyad (events in either direction), gaps filled. */
export function dyadSeries(events: readonly EventRow[], dyad: [string, string], by: Bucket): DyadSeries {
  const points = new Map<string, SeriesPoint>();
  let undated = 0;
  for (const e of events) {
    const period = periodOf(e.date, by);
    if (!period) { undated++; continue; }
    const p = points.get(period) ?? { period, events: 0, cooperative: 0, conflictual: 0, goldstein: 0, planned: 0 };
    points.set(period, p);
    if (e.modality === 'planned') { p.planned++; continue; }
    if (!HAPPENED.has(e.modality)) continue;
    p.events++;
    if (e.goldstein > 0) p.cooperative++;
    else if (e.goldstein < 0) p.conflictual++;
    p.goldstein = Math.round((p.goldstein + e.goldstein) * 100) / 100;
  }
  const sorted = [...points.keys()].sort();
  const filled: SeriesPoint[] = [];
  if (sorted.length) {
    const last = sorted[sorted.length - 1];
    for (let p = sorted[0], n = 0; n < 520; p = nextPeriod(p, by), n++) {
      filled.push(points.get(p) ?? { period: p, events: 0, cooperative: 0, conflictual: 0, goldstein: 0, planned: 0 });
      if (p === last) break;
    }
  }
  return { dyad: dyadKey(...dyad), by, points: filled, undated };
}
