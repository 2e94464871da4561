// The runtime tagger: words in, BIO labels out, one sentence at a time.
import { addScores, compactWeights, decodeBeam, decodeGreedy, Scratch, type Weights } from './decode.js';
import { gazetteerBits, staticFeatures, wordFeatureCount, WordInfos, type SentenceFeatures, type WordInfo } from './features.js';
import { BIO_OF, LABEL_COUNT } from './labels.js';
import type { Model, ModelHeader } from './model.js';

/**
 * Hypotheses scored more than this below the best are dropped after each token. The weights of the shipped
 * model give sentence scores in the hundreds; at 120 the CoNLL valid F1 is the same as the full beam's (92.05)
 * and tagging is about 1.6× faster (`npm run eval -- ner FILE --margin M` to compare; Infinity: full beam).
 */
export const BEAM_MARGIN = 120;

export class Tagger {
  private readonly weights: Weights;
  private readonly infos: WordInfos;
  private readonly scratch = new Scratch();
  private buf: SentenceFeatures | undefined;
  private ids = new Uint8Array(256);
  private statics = new Float32Array(256 * LABEL_COUNT);
  private readonly gazetteer: (h: number) => number;

  /** the model's header; its dense weights are not kept (the compact copy scores the same) */
  readonly header: ModelHeader;
  private readonly unitMargin: number;

  /** beam width of decoding: the model's own unless given; margin: see BEAM_MARGIN */
  constructor(model: Model, readonly beam = model.header.beam, readonly margin = BEAM_MARGIN) {
    this.header = model.header;
    // int16 rows in units of the model's scale: scores in units, so the margin too
    this.weights = compactWeights({ values: model.weights, mask: (1 << model.header.bits) - 1 }, model.header.scale);
    this.unitMargin = margin / model.header.scale;
    this.infos = new WordInfos(model.lexicon);
    // most lookups miss: a bit per hash bucket (2^20) answers those without touching the map
    const names = model.lexicon.gazetteer;
    const present = new Uint32Array(1 << 15);
    for (const h of names.keys()) present[(h >>> 5) & 0x7fff] |= 1 << (h & 31);
    this.gazetteer = (h) => (present[(h >>> 5) & 0x7fff] & (1 << (h & 31)) ? names.get(h) ?? 0 : 0);
  }

  /** BIO labels of one sentence's words. */
  tag(words: readonly string[]): string[] {
    const n = words.length;
    if (n === 0) return [];
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) infos[i] = this.infos.get(words[i]);
    this.buf = staticFeatures(infos, gazetteerBits(infos, this.gazetteer), this.buf);
    if (this.ids.length < n) this.ids = new Uint8Array(n * 2);
    if (this.beam > 1) decodeBeam(this.weights, this.buf, infos, this.ids, this.beam, this.scratch, undefined, this.staticScores(infos, this.buf), this.unitMargin);
    else decodeGreedy(this.weights, this.buf, infos, this.ids, this.scratch);
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = BIO_OF[this.ids[i]];
    return out;
  }

  /**
   * Static scores of every token, as decodeBeam would sum them (same features, same order, so the same float32
   * rounding), starting from the cached sum of the word-only features that open each token's list.
   */
  private staticScores(infos: readonly WordInfo[], sf: SentenceFeatures): Float32Array {
    const n = infos.length;
    if (this.statics.length < n * LABEL_COUNT) this.statics = new Float32Array(n * 2 * LABEL_COUNT);
    const out = this.statics;
    for (let i = 0; i < n; i++) {
      const info = infos[i];
      const own = wordFeatureCount(info);
      // word infos belong to this tagger (this.infos), and its weights never change: the sum is kept with the info
      let cached = info.own;
      if (!cached) {
        cached = new Float32Array(LABEL_COUNT);
        addScores(this.weights, sf.feats, sf.offsets[i], sf.offsets[i] + own, cached);
        info.own = cached;
      }
      const at = i * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) out[at + y] = cached[y];
      addScores(this.weights, sf.feats, sf.offsets[i] + own, sf.offsets[i + 1], out, at);
    }
    return out;
  }
}
