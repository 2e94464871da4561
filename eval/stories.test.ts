import { describe, expect, it } from 'vitest';
import { pairwise } from './stories.js';

describe('pairwise story scores', () => {
  it('counts pairs put together rightly, wrongly and missed', () => {
    const gold = new Map([['a', 's1'], ['b', 's1'], ['c', 's1'], ['d', 's2'], ['e', 's3']]);
    const predicted = new Map([['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y'], ['e', 'z']]);
    // gold pairs: ab ac bc; predicted pairs: ab cd; right: ab
    expect(pairwise(predicted, gold)).toMatchObject({ truePairs: 1, predictedPairs: 2, goldPairs: 3, precision: 0.5, recall: 1 / 3 });
    expect(pairwise(gold, gold)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});
