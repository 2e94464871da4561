import { describe, expect, it } from 'vitest';
import { addScores, compactWeights, decodeBeam, decodeGreedy, Scratch, type Weights } from './decode.js';
import { DYNAMIC_COUNT, dynamicFeatures, gazetteerBits, staticFeatures, type SentenceFeatures, type WordInfo } from './features.js';
import { WordInfos } from './word-cache.js';
import { allowedAfter, LABEL_COUNT } from './labels.js';
import { loadModel } from './model.js';

const model = loadModel();
const w: Weights = { values: model.weights, mask: (1 << model.header.bits) - 1 };
const infos = new WordInfos(model.lexicon);

function prepare(words: string[]): { sf: SentenceFeatures; inf: WordInfo[] } {
  const inf = words.map((x) => infos.get(x));
  const gaz = gazetteerBits(inf, (h) => model.lexicon.gazetteer.get(h) ?? 0);
  const sf = staticFeatures(inf, gaz);
  return { inf, sf: { feats: sf.feats.slice(), offsets: sf.offsets.slice(), count: sf.count } };
}

/** The model's score of a whole label sequence. */
function sequenceScore(sf: SentenceFeatures, inf: WordInfo[], labels: Uint8Array): number {
  let total = 0;
  const scores = new Float32Array(LABEL_COUNT);
  const dyn = new Uint32Array(DYNAMIC_COUNT);
  for (let i = 0; i < sf.count; i++) {
    scores.fill(0);
    dynamicFeatures(i > 0 ? labels[i - 1] : -1, i > 1 ? labels[i - 2] : -1, inf[i], inf[i + 1] ?? null, dyn);
    addScores(w, sf.feats, sf.offsets[i], sf.offsets[i + 1], scores);
    addScores(w, dyn, 0, DYNAMIC_COUNT, scores);
    total += scores[labels[i]];
  }
  return total;
}

const sentences = [
  'He met Chinese President Xi Jinping on Monday .',
  'SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .',
  'The United Nations Security Council met in New York after Russia vetoed the resolution .',
  'Lee met Xi in Beijing on Monday , calling for a “ new phase ” in South Korea – China relations .',
].map((s) => s.split(' '));

describe('decoding', () => {
  const scratch = new Scratch();

  it('with a beam of one is greedy decoding', () => {
    for (const words of sentences) {
      const { sf, inf } = prepare(words);
      const greedy = new Uint8Array(words.length);
      const beam = new Uint8Array(words.length);
      decodeGreedy(w, sf, inf, greedy, scratch);
      decodeBeam(w, sf, inf, beam, 1, scratch);
      expect([...beam]).toEqual([...greedy]);
    }
  });

  it('with a wider beam finds a sequence scored at least as high, and well formed', () => {
    for (const words of sentences) {
      const { sf, inf } = prepare(words);
      const greedy = new Uint8Array(words.length);
      const beam = new Uint8Array(words.length);
      decodeGreedy(w, sf, inf, greedy, scratch);
      decodeBeam(w, sf, inf, beam, 8, scratch);
      expect(sequenceScore(sf, inf, beam)).toBeGreaterThanOrEqual(sequenceScore(sf, inf, greedy) - 1e-3);
      beam.forEach((y, i) => expect(allowedAfter(i > 0 ? beam[i - 1] : -1, y, i === beam.length - 1)).toBe(true));
    }
  });

  it('with a margin of zero keeps only the best hypothesis: greedy decoding again; a wide margin is the full beam', () => {
    for (const words of sentences) {
      const { sf, inf } = prepare(words);
      const greedy = new Uint8Array(words.length);
      const pruned = new Uint8Array(words.length);
      const full = new Uint8Array(words.length);
      const wide = new Uint8Array(words.length);
      decodeGreedy(w, sf, inf, greedy, scratch);
      decodeBeam(w, sf, inf, pruned, 8, scratch, undefined, undefined, 0);
      decodeBeam(w, sf, inf, full, 8, scratch);
      decodeBeam(w, sf, inf, wide, 8, scratch, undefined, undefined, 1e9);
      expect([...pruned]).toEqual([...greedy]);
      expect([...wide]).toEqual([...full]);
    }
  });

  it('gives the same scores with the compact weights the tagger uses as with the dense ones', () => {
    const compact = compactWeights(w);
    expect(compact.values.length).toBeLessThan(w.values.length / 4);
    for (const words of sentences) {
      const { sf, inf } = prepare(words);
      const a = new Uint8Array(words.length);
      const b = new Uint8Array(words.length);
      decodeBeam(w, sf, inf, a, 8, scratch);
      decodeBeam(compact, sf, inf, b, 8, new Scratch());
      expect([...b]).toEqual([...a]);
      const c = new Uint8Array(words.length);
      decodeBeam(compactWeights(w, model.header.scale), sf, inf, c, 8, new Scratch()); // int16 multiples of the scale
      expect([...c]).toEqual([...a]);
      const dense = new Float32Array(LABEL_COUNT);
      const small = new Float32Array(LABEL_COUNT);
      addScores(w, sf.feats, 0, sf.offsets[sf.count], dense);
      addScores(compact, sf.feats, 0, sf.offsets[sf.count], small);
      expect([...small]).toEqual([...dense]);
    }
  });

  it('stops at the first token where the gold prefix leaves the beam (training)', () => {
    const { sf, inf } = prepare(sentences[0]);
    const out = new Uint8Array(sf.count);
    const wrong = new Uint8Array(sf.count).fill(3); // B-LOC everywhere: out of the beam at once
    expect(decodeBeam(w, sf, inf, out, 2, scratch, wrong)).toBe(0);
    decodeBeam(w, sf, inf, out, 8, scratch);
    expect(decodeBeam(w, sf, inf, new Uint8Array(sf.count), 8, scratch, out)).toBe(-1);
  });
});
