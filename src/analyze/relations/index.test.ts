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
});
