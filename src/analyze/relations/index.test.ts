import { describe, expect, it } from 'vitest';
import { relationsOf } from './index.js';
import type { Event } from '../schema.js';

const ev = (id: string, src: string, tgt: string, goldstein: number, extra: Partial<Event> = {}): Event => ({
  id, type: goldstein >= 0 ? 'CONSULT' : 'ACCUSE', mode: null, cameo: goldstein >= 0 ? '040' : '111', goldstein,
  source: { entity: null, name: src, country: src }, target: { entity: null, name: tgt, country: tgt }, location: null,
  date: '2026-01-05', dateSource: 'text', modality: 'asserted', sentence: { start: 0, end: 1 }, trigger: { start: 0, end: 1, text: 'x' }, confidence: 1, ...extra,
});

describe('relations', () => {
  it('sums events per unordered dyad and names the direction', () => {
    const rels = relationsOf([ev('v1', 'KOR', 'CHN', 1), ev('v2', 'CHN', 'KOR', 3, { type: 'REQUEST', cameo: '020' }), ev('v3', 'CHN', 'JPN', -2)]);
    expect(rels[0]).toMatchObject({ dyad: ['CHN', 'KOR'], events: 2, goldstein: 4, direction: 'cooperative', eventIds: ['v1', 'v2'] });
    expect(rels[1]).toMatchObject({ dyad: ['CHN', 'JPN'], direction: 'conflictual' });
  });

  it('counts an event told twice once, and leaves out planned ones', () => {
    const rels = relationsOf([ev('v1', 'KOR', 'CHN', 1), ev('v2', 'CHN', 'KOR', 1), ev('v3', 'KOR', 'CHN', 1, { modality: 'planned' })]);
    expect(rels[0].events).toBe(1);
  });

  it('does not count twice an event told in a sentence that repeats the standfirst (the a side of a duplicate pair)', () => {
    // the standfirst (sentence 10-20) tells a meeting on the 5th; the body lead (30-40) repeats it with another date
    const stand = ev('v1', 'KOR', 'CHN', 1, { sentence: { start: 10, end: 20 } });
    const lead = ev('v2', 'KOR', 'CHN', 1, { sentence: { start: 30, end: 40 }, date: '2026-01-06' });
    const other = ev('v3', 'KOR', 'CHN', 3, { type: 'COOPERATE', cameo: '057', sentence: { start: 30, end: 40 } });
    const dup = { a: { start: 30, end: 40 }, b: { start: 10, end: 20 }, similarity: 0.9 };
    expect(relationsOf([stand, lead]).find((r) => r.dyad.join() === 'CHN,KOR')?.events).toBe(2);
    const rels = relationsOf([stand, lead, other], [dup]);
    expect(rels[0]).toMatchObject({ events: 2, eventIds: ['v1', 'v3'] }); // v3 has no counterpart in the standfirst: kept
  });
});
