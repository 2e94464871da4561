// The training loop: greedy decoding with perceptron updates at each mistaken token, shuffled every epoch.
import type { TaggedSentence } from '../conll.js';
import { decodeGreedy, Scratch } from '../decode.js';
import { gazetteerBits, staticFeatures, WordInfos, type SentenceFeatures, type WordInfo } from '../features.js';
import { encodeBio } from '../labels.js';
import type { Lexicon } from '../lexicon.js';
import { AveragedPerceptron } from '../perceptron.js';
import { isUpperSentence } from '../words.js';
import { rng, shuffle } from './random.js';

export interface Example { infos: WordInfo[]; sf: SentenceFeatures; gold: Uint8Array }

/** Precomputes the static features of labeled sentences; `gazetteerFor(i)` is the lookup sentence i may see. */
export function prepare(sentences: readonly TaggedSentence[], lexicon: Lexicon, gazetteerFor: (i: number) => (h: number) => number): Example[] {
  const infoCache = new WordInfos(lexicon, Infinity);
  return sentences.map((s, i) => {
    const infos = s.words.map((w) => infoCache.get(w));
    const sf = staticFeatures(infos, gazetteerBits(infos, gazetteerFor(i)), isUpperSentence(s.words));
    const n = infos.length;
    const gold = encodeBio(s.tags);
    return { infos, gold, sf: { feats: sf.feats.slice(0, sf.offsets[n]), offsets: sf.offsets.slice(0, n + 1), count: n } };
  });
}

export interface TrainOptions { bits: number; epochs: number; seed: number; onEpoch?: (epoch: number, p: AveragedPerceptron, mistakes: number) => void }

export function train(examples: readonly Example[], opts: TrainOptions): AveragedPerceptron {
  const p = new AveragedPerceptron(opts.bits);
  const scratch = new Scratch();
  const random = rng(opts.seed);
  const order = examples.map((_, i) => i);
  let out = new Uint8Array(256);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const idx of order) {
      const ex = examples[idx];
      if (out.length < ex.sf.count) out = new Uint8Array(ex.sf.count * 2);
      decodeGreedy(p.weights, ex.sf, ex.infos, out, scratch, (i, y) => {
        const g = ex.gold[i];
        if (y !== g) {
          mistakes++;
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
