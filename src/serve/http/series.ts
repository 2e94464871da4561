// A dyad's series as the API returns it, from the store's relations (each event counted once per story, planned
// events apart): one point per period, quiet periods filled in so that a chart shows them as quiet.
import type { DyadSeries as StoreSeries } from '../../store/relations.js';
import { nextPeriod, type Bucket } from './period.js';

export type { Bucket } from './period.js';

export interface SeriesPoint {
  /** 2026-01 for a month, 2026-W02 for an ISO week */
  period: string;
  /** events that happened (asserted or reported), once per story */
  events: number;
  cooperative: number;
  conflictual: number;
  /** Goldstein sum of the events that happened */
  goldstein: number;
  /** events planned for this period (not counted above) */
  planned: number;
}

export interface DyadSeries {
  dyad: [string, string];
  by: Bucket;
  points: SeriesPoint[];
  /** events (happened or planned) with no date precise enough for the period */
  undated: number;
  total: { events: number; planned: number; goldstein: number; articles: number; stories: number };
}

/** A dyad's two codes in a stable order (alphabetical), so that KOR-CHN and CHN-KOR are one dyad. */
export const dyadKey = (a: string, b: string): [string, string] => (a <= b ? [a, b] : [b, a]);

export function toSeries(dyad: [string, string], by: Bucket, s: StoreSeries | undefined): DyadSeries {
  const given = new Map((s?.periods ?? []).map((p) => [p.period, {
    period: p.period, events: p.events, cooperative: p.cooperative, conflictual: p.conflictual, goldstein: p.goldstein, planned: p.planned.events,
  }]));
  const sorted = [...given.keys()].sort();
  const points: SeriesPoint[] = [];
  if (sorted.length) {
    const last = sorted[sorted.length - 1];
    for (let p = sorted[0], n = 0; n < 1000; p = nextPeriod(p, by), n++) {
      points.push(given.get(p) ?? { period: p, events: 0, cooperative: 0, conflictual: 0, goldstein: 0, planned: 0 });
      if (p >= last) break;
    }
  }
  const t = s?.total;
  return {
    dyad: dyadKey(...dyad), by, points,
    undated: (s?.undated?.events ?? 0) + (s?.undated?.planned.events ?? 0),
    total: { events: t?.events ?? 0, planned: t?.planned.events ?? 0, goldstein: t?.goldstein ?? 0, articles: t?.articles ?? 0, stories: t?.stories ?? 0 },
  };
}
