import { describe, expect, it } from 'vitest';
import { addScores, compactWeights, decodeBeam, Scratch } from './decode.js';
import {
  capPairFeature, gazBitFeatures, gazetteerBits, gazNeighbourFeature, isUpperSentence, neighbourFeatures, ownFeatures,
  PAIR_COUNT, pairFeatures, ROLE, staticFeatures, type WordInfo,
} from './features.js';
import { WordInfos } from './word-cache.js';
import { LABEL_COUNT } from './labels.js';
import { loadModel } from './model.js';
import { Tagger } from './tagger.js';
import { StaticScorer } from './static-scores.js';
import { HISTORY_INTS, WordTables } from './word-tables.js';

// Sentences written for this test: sentence starts, all-caps headlines, names the shipped gazetteer knows, digits,
// hyphenated words, one-word and long sentences, repeated words in different roles.
const SENTENCES = [
  'Bill Clinton met Boris Yeltsin in Moscow on Tuesday .',
  'SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .',
  'Shares in Deutsche Bank rose 3.5 percent to 120 marks in Frankfurt .',
  'Hello',
  'The U.N. Security Council voted 14-0 on a British-drafted resolution on Iraq , diplomats said .',
  '" We will not accept this , " said the prime minister of New Zealand , Jim Bolger .',
  'new york new york NEW YORK New York',
  'Real Madrid beat Barcelona 2-1 at the Bernabeu and Madrid fans celebrated in Madrid .',
  'The European Union and NATO agreed that the talks would resume in Geneva next week after the Easter holiday , officials from both sides told reporters late on Thursday in a statement released through the Reuters news agency .',
];

function setup() {
  const model = loadModel();
  const weights = compactWeights({ values: model.weights, mask: (1 << model.header.bits) - 1 }, model.header.scale);
  const names = model.lexicon.gazetteer;
  // word infos carry their slot in one tagger's tables: each test makes its own
  return { model, weights, gazetteer: (h: number) => names.get(h) ?? 0, newInfos: () => new WordInfos(model.lexicon) };
}

describe('static scores from per-word parts', () => {
  const { weights, gazetteer, newInfos } = setup();

  it('splits each token\'s static features into the same multiset of hashes', () => {
    const infos = newInfos();
    for (const sentence of SENTENCES) {
      const words = sentence.split(' ').map((w) => infos.get(w));
      const gaz = gazetteerBits(words, gazetteer);
      const sf = staticFeatures(words, gaz);
      const up = isUpperSentence(words);
      const buf = new Uint32Array(128);
      for (let i = 0; i < words.length; i++) {
        const parts: number[] = [];
        const take = (n: number) => parts.push(...buf.slice(0, n));
        take(ownFeatures(words[i], i === 0, up, buf));
        take(neighbourFeatures(ROLE.left1, words[i - 1] ?? null, buf));
        take(neighbourFeatures(ROLE.right1, words[i + 1] ?? null, buf));
        take(neighbourFeatures(ROLE.left2, words[i - 2] ?? null, buf));
        take(neighbourFeatures(ROLE.right2, words[i + 2] ?? null, buf));
        pairFeatures(words[i - 1] ?? null, words[i], words[i + 1] ?? null, buf);
        take(PAIR_COUNT);
        parts.push(capPairFeature(i > 0 ? words[i - 1].cap : 7, words[i].cap));
        for (let b = 0; b < 8; b++) if (gaz[i] & (1 << b)) parts.push(...gazBitFeatures(b, words[i].cap));
        parts.push(gazNeighbourFeature(true, i > 0 ? gaz[i - 1] : 256), gazNeighbourFeature(false, i + 1 < words.length ? gaz[i + 1] : 256));
        const list = [...sf.feats.slice(sf.offsets[i], sf.offsets[i + 1])];
        expect(parts.map((h) => h >>> 0).sort(), `${sentence} #${i}`).toEqual(list.sort());
      }
    }
    // the sample has gazetteer hits, so their features were compared too
    expect(SENTENCES.some((s) => gazetteerBits(s.split(' ').map((w) => infos.get(w)), gazetteer).some((b) => b !== 0))).toBe(true);
  });

  it('gives exactly the scores of summing each token\'s feature list, whatever was cached before', () => {
    const infos = newInfos();
    const scorer = new StaticScorer(weights, new WordTables());
    // twice: the second round reads the sums cached on the words in the first
    for (let round = 0; round < 2; round++) {
      for (const sentence of SENTENCES) {
        const words: WordInfo[] = sentence.split(' ').map((w) => infos.get(w));
        const gaz = gazetteerBits(words, gazetteer);
        const sf = staticFeatures(words, gaz);
        const expected = new Float32Array(words.length * LABEL_COUNT);
        for (let i = 0; i < words.length; i++) addScores(weights, sf.feats, sf.offsets[i], sf.offsets[i + 1], expected, i * LABEL_COUNT);
        const got = new Float32Array(words.length * LABEL_COUNT);
        scorer.score(words, gaz, got);
        expect([...got], sentence).toEqual([...expected]);
        expect(expected.some((x) => x !== 0)).toBe(true);
      }
    }
  });

  it('decodes the same labels with history rows kept on the words as with rows looked up each time', () => {
    const infos = newInfos();
    const tables = new WordTables();
    const scorer = new StaticScorer(weights, tables);
    const plain = new Scratch();
    const cached = new Scratch();
    cached.words = tables;
    for (let round = 0; round < 2; round++) {
      for (const sentence of SENTENCES) {
        const words = sentence.split(' ').map((w) => infos.get(w));
        const gaz = gazetteerBits(words, gazetteer);
        const sf = staticFeatures(words, gaz);
        const statics = new Float32Array(words.length * LABEL_COUNT);
        scorer.score(words, gaz, statics);
        const a = new Uint8Array(words.length);
        const b = new Uint8Array(words.length);
        decodeBeam(weights, sf, words, a, 8, plain, undefined, statics);
        decodeBeam(weights, sf, words, b, 8, cached, undefined, statics);
        expect([...b], sentence).toEqual([...a]);
      }
    }
    const slot = infos.get('Clinton').slot;
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(tables.history.slice(slot * HISTORY_INTS, (slot + 1) * HISTORY_INTS).some((r) => r >= 0)).toBe(true);
  });

  it('refuses float weights (its sums are exact only for integer ones)', () => {
    expect(() => new StaticScorer({ values: new Float32Array(LABEL_COUNT), mask: 0 }, new WordTables())).toThrow(/E_NER_WEIGHTS/);
  });

  it('scores the same when the word cache is trimmed inside a sentence', () => {
    const { model } = setup();
    const tagger = new Tagger(model);
    const first = 'Bill Clinton met Boris Yeltsin .'.split(' ');
    // two of those words, cached with their slots, then new ones: the cache of six is trimmed inside the sentence
    // (to the two words used again, whose slots move), and new words get the slots of the words dropped
    const second = '. Bill Talks in Moscow on Tuesday ended after the summit between Clinton and Yeltsin'.split(' ');
    const small = new Tagger(model, undefined, undefined, first.length);
    for (let round = 0; round < 3; round++) {
      expect([...small.staticScores(first)]).toEqual([...tagger.staticScores(first)]);
      expect([...small.staticScores(second)]).toEqual([...tagger.staticScores(second)]);
      expect(small.tag(second)).toEqual(tagger.tag(second));
    }
    for (const s of SENTENCES) expect(small.tag(s.split(' ')), s).toEqual(tagger.tag(s.split(' ')));
  });
});
