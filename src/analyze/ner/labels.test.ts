import { describe, expect, it } from 'vitest';
import { allowedAfter, encodeBio, LABELS } from './labels.js';

const id = (l: string) => LABELS.indexOf(l);

describe('labels', () => {
  it('allows I-X only after B-X or I-X', () => {
    expect(allowedAfter(id('B-PER'), id('I-PER'), false)).toBe(true);
    expect(allowedAfter(id('I-PER'), id('I-PER'), false)).toBe(true);
    expect(allowedAfter(id('B-LOC'), id('I-PER'), false)).toBe(false);
    expect(allowedAfter(id('O'), id('I-ORG'), false)).toBe(false);
    expect(allowedAfter(-1, id('I-MISC'), false)).toBe(false);
    expect(allowedAfter(-1, id('B-MISC'), true)).toBe(true);
  });

  it('encodes BIO tags as label ids, reading an I- that opens a chunk as B-', () => {
    expect([...encodeBio(['O', 'I-ORG', 'I-ORG', 'B-PER', 'I-LOC'])].map((y) => LABELS[y])).toEqual(['O', 'B-ORG', 'I-ORG', 'B-PER', 'B-LOC']);
  });
});
