// The overview (most active dyads of a period, rising and falling, from the store's relations) and the actor
// network (from stored events).
import type { Direction } from '../../analyze/schema.js';
import type { EventRow } from '../../store/store.js';
import type { DyadSeries as StoreSeries } from '../../store/relations.js';
import { dyadKey } from './series.js';

export interface Period { since: string; until: string }

export interface DyadActivity {
  dyad: [string, string];
  /** events that happened in the period, once per story */
  events: number;
  planned: number;
  goldstein: number;
  direction: Direction | null;
  /** Goldstein sum in the period minus that of the period of the same length before it: > 0 warming, < 0 cooling */
  trend: number;
  movement: 'rising' | 'falling' | 'steady';
}

/** A calendar date's first day: 2026-01-05, 2026-01 → 2026-01-01, 2026 → 2026-01-01; null for anything else. */
export const firstDay = (d: string | null): string | null => {
  const m = d ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d.slice(0, 10)) : null;
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null;
};
const round = (n: number) => Math.round(n * 100) / 100;
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function direction(goldstein: number, coop: number, conf: number): Direction {
  if (coop > 0 && conf > 0) return 'mixed';
  return goldstein < 0 || conf > 0 ? 'conflictual' : 'cooperative';
}

/**
 * The period asked for, or by default the 90 days up to the latest dated relation event in the store (never the
 * clock: the same store gives the same overview).
 */
export function resolvePeriod(all: readonly StoreSeries[], since?: string, until?: string, days = 90): Period {
  const latest = all.map((s) => firstDay(s.total.last)).filter((d): d is string => d !== null).sort().pop() ?? '1970-01-01';
  const end = until ?? (since && since > latest ? addDays(since, days - 1) : latest);
  return { since: since ?? addDays(end, -days + 1), until: end };
}

/** The period of the same length just before `p`. */
export function previousPeriod(p: Period): Period {
  const days = Math.round((Date.parse(p.until) - Date.parse(p.since)) / 86_400_000) + 1;
  return { since: addDays(p.since, -days), until: addDays(p.since, -1) };
}

/** Dyads of the period (the store's relations), most active first, each with its movement against the period before. */
export function activeDyads(current: readonly StoreSeries[], previous: readonly StoreSeries[]): DyadActivity[] {
  const before = new Map(previous.map((s) => [dyadKey(...s.dyad).join('-'), s.total.goldstein]));
  return current
    .map((s) => {
      const dyad = dyadKey(...s.dyad);
      const trend = round(s.total.goldstein - (before.get(dyad.join('-')) ?? 0));
      return {
        dyad, events: s.total.events, planned: s.total.planned.events, goldstein: round(s.total.goldstein), direction: s.total.direction,
        trend, movement: (trend > 0 ? 'rising' : trend < 0 ? 'falling' : 'steady') as DyadActivity['movement'],
      };
    })
    .filter((d) => d.events + d.planned > 0)
    .sort((x, y) => y.events + y.planned - (x.events + x.planned) || Math.abs(y.goldstein) - Math.abs(x.goldstein) || x.dyad.join().localeCompare(y.dyad.join()));
}

export interface NetworkNode { id: string; name: string; country: string | null; actorId: number | null; events: number }
export interface NetworkEdge { source: string; target: string; events: number; goldstein: number; direction: Direction }

/** Who interacts with whom: actors as nodes, one edge per pair (either direction), coloured by the Goldstein sum. */
export function actorNetwork(events: readonly EventRow[], maxNodes = 60): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const nodes = new Map<string, NetworkNode>();
  const edges = new Map<string, NetworkEdge & { coop: number; conf: number }>();
  const node = (s: EventRow['source']) => {
    const id = s.actorId != null ? `a${s.actorId}` : `n:${s.name.toLowerCase()}|${s.country ?? ''}`;
    const n = nodes.get(id) ?? { id, name: s.name, country: s.country, actorId: s.actorId, events: 0 };
    nodes.set(id, n);
    n.events++;
    return id;
  };
  for (const e of events) {
    if (!e.target || e.modality === 'negated' || e.modality === 'hypothetical') continue;
    const a = node(e.source);
    const b = node(e.target);
    if (a === b) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x} ${y}`;
    const edge = edges.get(key) ?? { source: x, target: y, events: 0, goldstein: 0, direction: 'cooperative', coop: 0, conf: 0 };
    edges.set(key, edge);
    edge.events++;
    edge.goldstein += e.goldstein;
    if (e.goldstein > 0) edge.coop++;
    if (e.goldstein < 0) edge.conf++;
  }
  const kept = new Set([...nodes.values()].sort((p, q) => q.events - p.events || p.name.localeCompare(q.name)).slice(0, maxNodes).map((n) => n.id));
  return {
    nodes: [...nodes.values()].filter((n) => kept.has(n.id)),
    edges: [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target))
      .map(({ coop, conf, ...e }) => ({ ...e, goldstein: round(e.goldstein), direction: direction(e.goldstein, coop, conf) })),
  };
}
