import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import type { Direction, Event, Relation } from '../schema.js';

/** Events that restate one another (the headline and the body telling the same meeting) count once. */
export function eventKey(e: Event): string {
  const pair = [e.source.country, e.target?.country].sort().join('|');
  return `${e.type}|${e.mode ?? ''}|${pair}|${e.date ?? ''}|${e.modality}`;
}

export function directionOf(goldstein: number, cooperative: number, conflictual: number): Direction {
  if (cooperative > 0 && conflictual === 0) return 'cooperative';
  if (conflictual > 0 && cooperative === 0) return 'conflictual';
  return goldstein > 1 ? 'cooperative' : goldstein < -1 ? 'conflictual' : 'mixed';
}

/**
 * Relations per dyad (an unordered pair of countries) from the events that happened (asserted or reported):
 * counts, Goldstein sum and direction, each traceable to its events.
 */
export function relationsOf(events: readonly Event[]): Relation[] {
  const byDyad = new Map<string, { dyad: [string, string]; ids: string[]; goldstein: number; coop: number; conf: number; seen: Set<string> }>();
  for (const e of events) {
    const a = e.source.country, b = e.target?.country;
    if (!a || !b || a === b) continue;
    if (e.modality !== 'asserted' && e.modality !== 'reported') continue;
    const dyad = [a, b].sort() as [string, string];
    const key = dyad.join('-');
    const r = byDyad.get(key) ?? { dyad, ids: [], goldstein: 0, coop: 0, conf: 0, seen: new Set<string>() };
    byDyad.set(key, r);
    const k = eventKey(e);
    if (r.seen.has(k)) continue;
    r.seen.add(k);
    r.ids.push(e.id);
    r.goldstein += e.goldstein;
    if (e.goldstein > 0) r.coop++; else if (e.goldstein < 0) r.conf++;
  }
  return [...byDyad.values()]
    .map((r) => ({ dyad: r.dyad, events: r.ids.length, goldstein: Math.round(r.goldstein * 10) / 10, direction: directionOf(r.goldstein, r.coop, r.conf), eventIds: r.ids }))
    .sort((x, y) => y.events - x.events || x.dyad.join().localeCompare(y.dyad.join()));
}

export const relationsStage: Stage = {
  name: 'relations',
  requires: ['events'],
  assigns: ['relations'],
  run: (doc) => ({ relations: relationsOf(layer(doc, 'events')) }),
};
