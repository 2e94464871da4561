// The overview (most active dyads of a period, rising and falling) and the actor network, from stored events.
import type { Direction } from '../../analyze/schema.js';
import type { EventRow } from '../../store/store.js';
import { dyadKey, HAPPENED } from './series.js';

export interface Period { since: string; until: string }

export interface DyadActivity {
  dyad: [string, string];
  events: number;
  planned: number;
  goldstein: number;
  direction: Direction;
  /** Goldstein sum in the period minus that of the period of the same length before it: > 0 warming, < 0 cooling */
  trend: number;
  movement: 'rising' | 'falling' | 'steady';
}

const day = (d: string | null) => (d && /^\d{4}-\d{2}(-\d{2})?/.test(d) ? (d.length === 7 ? `${d}-01` : d.slice(0, 10)) : null);
const round = (n: number) => Math.round(n * 100) / 100;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function direction(goldstein: number, coop: number, conf: number): Direction {
  if (coop > 0 && conf > 0) return 'mixed';
  return goldstein < 0 || conf > 0 ? 'conflictual' : 'cooperative';
}

/**
 * The period asked for, or by default the 90 days up to the latest dated event in the store (never the clock:
 * the same store gives the same overview).
 */
export function resolvePeriod(events: readonly EventRow[], since?: string, until?: string, days = 90): Period {
  const latest = events.map((e) => day(e.date)).filter((d): d is string => d !== null).sort().pop() ?? '1970-01-01';
  const end = until ?? latest;
  return { since: since ?? addDays(end, -days + 1), until: end };
}

/** Dyads of the events in the period, most active first, each with its movement against the period before. */
export function activeDyads(events: readonly EventRow[], period: Period): DyadActivity[] {
  const days = Math.round((Date.parse(period.until) - Date.parse(period.since)) / 86_400_000) + 1;
  const before = addDays(period.since, -days);
  const previous = new Map<string, number>();
  for (const e of events) {
    const d = day(e.date);
    const a = e.source.country;
    const b = e.target?.country;
    if (!d || !a || !b || a === b || d < before || d >= period.since || !HAPPENED.has(e.modality)) continue;
    const key = dyadKey(a, b).join('-');
    previous.set(key, (previous.get(key) ?? 0) + e.goldstein);
  }
  const by = new Map<string, DyadActivity & { coop: number; conf: number }>();
  for (const e of events) {
    const d = day(e.date);
    const a = e.source.country;
    const b = e.target?.country;
    if (!d || !a || !b || a === b || d < period.since || d > period.until) continue;
    const dyad = dyadKey(a, b);
    const key = dyad.join('-');
    const row = by.get(key) ?? { dyad, events: 0, planned: 0, goldstein: 0, direction: 'cooperative', trend: 0, movement: 'steady', coop: 0, conf: 0 };
    by.set(key, row);
    if (e.modality === 'planned') { row.planned++; continue; }
    if (!HAPPENED.has(e.modality)) continue;
    row.events++;
    row.goldstein += e.goldstein;
    if (e.goldstein > 0) row.coop++;
    if (e.goldstein < 0) row.conf++;
  }
  for (const [key, row] of by) row.trend = row.goldstein - (previous.get(key) ?? 0);
  return [...by.values()]
    .map(({ coop, conf, ...r }) => ({
      ...r, goldstein: round(r.goldstein), trend: round(r.trend), direction: direction(r.goldstein, coop, conf),
      movement: (r.trend > 0 ? 'rising' : r.trend < 0 ? 'falling' : 'steady') as DyadActivity['movement'],
    }))
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
