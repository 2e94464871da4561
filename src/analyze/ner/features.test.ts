import { describe, expect, it } from 'vitest';
import { computeWordInfo, gazetteerBits, isUpperSentence, staticFeatures } from './features.js';
import { hashString } from './hash.js';
import { emptyLexicon, gazetteerKey } from './lexicon.js';

describe('features', () => {
  const lexicon = emptyLexicon();

  it('gives curly and straight apostrophes the same word features', () => {
    expect(computeWordInfo('’s', lexicon)).toEqual(computeWordInfo("'s", lexicon));
  });

  it('keeps the hashes of a word as signed 32-bit integers, the bits of the unsigned ones', () => {
    const words = ['Beijing', 'talks', 'Korea-China', '1996', 'NATO', 'well-known', 'the'];
    const infos = words.map((w) => computeWordInfo(w, lexicon));
    const hashes = infos.flatMap((w) => [w.key, w.raw, w.shape, w.short, w.hyphenFirst, w.hyphenLast, ...w.affixes]);
    expect(hashes.every((h) => h === (h | 0))).toBe(true);
    // some of them are above 2^31 unsigned
    expect(hashes.some((h) => h < 0)).toBe(true);
    expect(infos.map((w) => w.key >>> 0)).toEqual(words.map((w) => hashString(w.toLowerCase().replace(/[0-9]/g, '0'))));
  });

  it('marks gazetteer matches: B at the first token, I inside, per type', () => {
    const words = ['in', 'New', 'York', 'City'];
    const infos = words.map((w) => computeWordInfo(w, lexicon));
    const loc = gazetteerKey(['new', 'york'].map((k) => hashString(k)));
    const bits = gazetteerBits(infos, (h) => (h === loc ? 0b10 : 0));
    // LOC is type 1: bit 2 = begins, bit 3 = inside
    expect([...bits]).toEqual([0, 1 << 2, 1 << 3, 0]);
  });

  it('depends on the neighbouring words', () => {
    const a = ['Lee', 'met', 'Xi'].map((w) => computeWordInfo(w, lexicon));
    const b = ['Lee', 'said', 'Xi'].map((w) => computeWordInfo(w, lexicon));
    const none = new Uint8Array(3);
    const fa = staticFeatures(a, none);
    const sliceA = [...fa.feats.slice(fa.offsets[0], fa.offsets[1])];
    const fb = staticFeatures(b, none);
    const sliceB = [...fb.feats.slice(fb.offsets[0], fb.offsets[1])];
    expect(sliceA.length).toBe(sliceB.length);
    expect(sliceA).not.toEqual(sliceB);
    expect(sliceA.filter((h) => sliceB.includes(h)).length).toBeGreaterThan(sliceA.length / 2);
  });

  it('recognizes an all-caps headline', () => {
    const infos = (words: string[]) => words.map((w) => computeWordInfo(w, lexicon));
    expect(isUpperSentence(infos(['SOCCER', '-', 'JAPAN', 'GET', 'LUCKY', 'WIN', '.']))).toBe(true);
    expect(isUpperSentence(infos(['NATO', 'met', 'in', 'Brussels']))).toBe(false);
  });
});
