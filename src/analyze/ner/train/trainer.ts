// The training loop, shuffled every epoch: beam search with early update (the default), or greedy decoding with a
// perceptron update at each mistaken token.
import type { TaggedSentence } from '../conll.js';
import { decodeBeam, decodeGreedy, Scratch } from '../decode.js';
import { DYNAMIC_COUNT, dynamicFeatures, gazetteerBits, staticFeatures, type SentenceFeatures, type WordInfo } from '../features.js';
import { WordInfos } from '../word-cache.js';
import { allowedAfter, encodeBio } from '../labels.js';
import type { Lexicon } from '../lexicon.js';
import { AveragedPerceptron } from '../perceptron.js';
import { rng, shuffle } from '../../../random.js';

export interface Example { infos: WordInfo[]; sf: SentenceFeatures; gold: Uint8Array }

/** Precomputes the static features of labeled sentences; `gazetteerFor(i)` is the lookup sentence i may see. */
export function prepare(sentences: readonly TaggedSentence[], lexicon: Lexicon, gazetteerFor: (i: number) => (h: number) => number): Example[] {
  const infoCache = new WordInfos(lexicon, Infinity);
  return sentences.map((s, i) => {
    const infos = s.words.map((w) => infoCache.get(w));
    const sf = staticFeatures(infos, gazetteerBits(infos, gazetteerFor(i)));
    const n = infos.length;
    const gold = encodeBio(s.tags);
    return { infos, gold, sf: { feats: sf.feats.slice(0, sf.offsets[n]), offsets: sf.offsets.slice(0, n + 1), count: n } };
  });
}

export interface TrainOptions { bits: number; epochs: number; seed: number; /** 1: greedy; more: beam search with early update */ beam: number; onEpoch?: (epoch: number, p: AveragedPerceptron, mistakes: number) => void }

export function train(examples: readonly Example[], opts: TrainOptions): AveragedPerceptron {
  const p = new AveragedPerceptron(opts.bits);
  const scratch = new Scratch();
  const random = rng(opts.seed);
  const order = examples.map((_, i) => i);
  let out = new Uint8Array(256);
  const dynGold = new Uint32Array(DYNAMIC_COUNT);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const idx of order) {
      const ex = examples[idx];
      if (out.length < ex.sf.count) out = new Uint8Array(ex.sf.count * 2);
      if (opts.beam > 1) {
        mistakes += beamStep(p, ex, out, opts.beam, scratch, dynGold);
        continue;
      }
      decodeGreedy(p.weights, ex.sf, ex.infos, out, scratch, (i, y, prev1) => {
        const g = ex.gold[i];
        if (y !== g) {
          mistakes++;
          // after an earlier mistake the gold label may be unreachable here (I-X after O): learning from it
          // would only inflate the weights of labels decoding never lets compete in this context
          if (!allowedAfter(prev1, g, i === ex.sf.count - 1)) { p.tick(); return; }
          const from = ex.sf.offsets[i];
          const to = ex.sf.offsets[i + 1];
          p.update(ex.sf.feats, from, to, scratch.dyn, g, 1);
          p.update(ex.sf.feats, from, to, scratch.dyn, y, -1);
        }
        p.tick();
      });
    }
    opts.onEpoch?.(epoch, p, mistakes);
  }
  return p;
}

/**
 * One structured-perceptron step with beam search and early update (Collins & Roark 2004): decode until the
 * gold prefix falls out of the beam, then reward the gold prefix and penalize the best one where they differ.
 * Returns the number of token labels that differed.
 */
function beamStep(p: AveragedPerceptron, ex: Example, out: Uint8Array, width: number, scratch: Scratch, dynGold: Uint32Array): number {
  const n = ex.sf.count;
  const stop = decodeBeam(p.weights, ex.sf, ex.infos, out, width, scratch, ex.gold);
  const end = stop >= 0 ? stop : n - 1;
  let diff = 0;
  for (let j = 0; j <= end; j++) {
    const g1 = j > 0 ? ex.gold[j - 1] : -1;
    const g2 = j > 1 ? ex.gold[j - 2] : -1;
    const q1 = j > 0 ? out[j - 1] : -1;
    const q2 = j > 1 ? out[j - 2] : -1;
    if (ex.gold[j] === out[j] && g1 === q1 && g2 === q2) continue;
    if (ex.gold[j] !== out[j]) diff++;
    const next = j + 1 < n ? ex.infos[j + 1] : null;
    const from = ex.sf.offsets[j];
    const to = ex.sf.offsets[j + 1];
    dynamicFeatures(g1, g2, ex.infos[j], next, dynGold);
    p.update(ex.sf.feats, from, to, dynGold, ex.gold[j], 1);
    dynamicFeatures(q1, q2, ex.infos[j], next, scratch.dyn);
    p.update(ex.sf.feats, from, to, scratch.dyn, out[j], -1);
  }
  for (let j = 0; j < n; j++) p.tick();
  return diff;
}
