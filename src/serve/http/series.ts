// Dyad series, activity and the actor network, computed from stored events. The relations engineer's store series
// query can replace `dyadSeries` later; the shape here is what the API returns.
import type { EventRow } from '../../store/store.js';
import { nextPeriod, periodOf, type Bucket } from './period.js';

export type { Bucket } from './period.js';

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
