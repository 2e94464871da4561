import type { Stage } from '../pipeline.js';
import { layer } from '../document.js';
import type { Direction, Duplicate, Event, Relation } from '../schema.js';

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
 * Events told again in a sentence that repeats an earlier one (the `a` side of a near-duplicate pair: the body
 * lead restating the standfirst) are not counted, when the earlier sentence tells an event of the same type.
 */
export function repeatedEvents(events: readonly Event[], duplicates: readonly Duplicate[]): Set<Event> {
  const out = new Set<Event>();
  for (const d of duplicates) {
    const earlier = events.filter((e) => e.sentence.start === d.b.start && e.sentence.end === d.b.end);
    for (const e of events) {
      if (e.sentence.start === d.a.start && e.sentence.end === d.a.end && earlier.some((x) => x.type === e.type)) out.add(e);
    }
  }
  return out;
}

/**
 * Relations per dyad (an unordered pair of countries) from the events that happened (asserted or reported):
 * counts, Goldstein sum and direction, each traceable to its events. An event of a duplicated sentence counts once.
 */
export function relationsOf(events: readonly Event[], duplicates: readonly Duplicate[] = []): Relation[] {
  const repeated = repeatedEvents(events, duplicates);
  const byDyad = new Map<string, { dyad: [string, string]; ids: string[]; goldstein: number; coop: number; conf: number; seen: Set<string> }>();
  for (const e of events) {
    const a = e.source.country, b = e.target?.country;
    if (!a || !b || a === b) continue;
    if (e.modality !== 'asserted' && e.modality !== 'reported') continue;
    if (repeated.has(e)) continue;
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
  requires: ['events', 'duplicates'],
  assigns: ['relations'],
  run: (doc) => ({ relations: relationsOf(layer(doc, 'events'), layer(doc, 'duplicates')) }),
};
