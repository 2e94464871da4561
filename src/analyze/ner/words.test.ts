import { describe, expect, it } from 'vitest';
import { capClass, normalizeWord, wordKey, wordShape } from './words.js';

describe('word features', () => {
  it('maps typographic quotes and dashes to the ASCII of CoNLL text', () => {
    expect(normalizeWord('’s')).toBe("'s");
    expect(normalizeWord('“')).toBe('"');
    expect(normalizeWord('Korea–China')).toBe('Korea-China');
    expect(normalizeWord('plain')).toBe('plain');
  });

  it('keys words in lowercase with digits folded', () => {
    expect(wordKey('Beijing')).toBe('beijing');
    expect(wordKey('1996-08-22')).toBe('0000-00-00');
  });

  it('computes long and short shapes', () => {
    expect(wordShape('Beijing')).toBe('Xxxxx');
    expect(wordShape('Beijing', 1)).toBe('Xx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('NATO')).toBe('XXXX');
    expect(wordShape('1996', 1)).toBe('d');
    expect(wordShape('Zürich', 1)).toBe('Xx');
  });

  it('classifies capitalization', () => {
    expect([capClass('the'), capClass('Lee'), capClass('NATO'), capClass('McDonald'), capClass('1996')]).toEqual([1, 2, 3, 4, 0]);
  });
});
