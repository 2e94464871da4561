import { describe, expect, it } from 'vitest';
import { chunks, score } from './score.js';

describe('chunks', () => {
  it('reads B- and I- runs as chunks with exclusive ends', () => {
    expect(chunks(['B-PER', 'I-PER', 'O', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
    ]);
  });

  it('starts a chunk at an I- after O, as conlleval does', () => {
    expect(chunks(['O', 'I-ORG', 'I-ORG'])).toEqual([{ type: 'ORG', start: 1, end: 3 }]);
  });

  it('splits at a type switch inside an I- run', () => {
    expect(chunks(['B-ORG', 'I-ORG', 'I-LOC'])).toEqual([
      { type: 'ORG', start: 0, end: 2 },
      { type: 'LOC', start: 2, end: 3 },
    ]);
  });

  it('splits adjacent chunks of one type at B-', () => {
    expect(chunks(['B-LOC', 'B-LOC', 'I-LOC'])).toEqual([
      { type: 'LOC', start: 0, end: 1 },
      { type: 'LOC', start: 1, end: 3 },
    ]);
  });
});

describe('score', () => {
  it('counts a chunk correct only when both boundaries and the type match', () => {
    const gold = [['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG']];
    const pred = [['B-PER', 'O', 'O', 'B-LOC', 'O', 'B-MISC']];
    const s = score(gold, pred);
    expect(s.overall).toMatchObject({ gold: 3, predicted: 3, correct: 1 });
    expect(s.overall.f1).toBeCloseTo(100 / 3, 5);
    expect(s.types.LOC).toMatchObject({ precision: 100, recall: 100, f1: 100 });
    expect(s.types.PER).toMatchObject({ gold: 1, predicted: 1, correct: 0 });
    expect(s.types.MISC).toMatchObject({ gold: 0, predicted: 1, correct: 0, precision: 0 });
    expect(s.tokens).toBe(6);
    expect(s.tokensCorrect).toBe(4);
  });

  it('refuses sentences of different lengths', () => {
    expect(() => score([['O']], [['O', 'O']])).toThrow(/E_NER_LENGTH/);
  });
});
