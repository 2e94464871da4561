// The runtime tagger: words in, BIO labels out, one sentence at a time.
import { compactWeights, decodeBeam, decodeGreedy, Scratch, type Weights } from './decode.js';
import { gazetteerBits, gazetteerIndex, staticFeatures, type GazetteerIndex, type SentenceFeatures, type WordInfo } from './features.js';
import { StaticScorer } from './static-scores.js';
import { WORD_CACHE, WordInfos } from './word-cache.js';
import { WordTables } from './word-tables.js';
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
  private readonly scorer: StaticScorer;
  /** sums and rows kept per word type, in the slots of this.infos's words (compacted when the cache is trimmed) */
  private readonly tables: WordTables;
  /** what decodeBeam reads of a sentence's features when its static scores are given: the token count */
  private readonly counted: SentenceFeatures = { feats: new Uint32Array(0), offsets: new Uint32Array(0), count: 0 };
  private ids = new Uint8Array(256);
  private gaz = new Uint8Array(256);
  private statics = new Float32Array(256 * LABEL_COUNT);
  private readonly gazetteer: GazetteerIndex;

  /** the model's header; its dense weights are not kept (the compact copy scores the same) */
  readonly header: ModelHeader;
  private readonly unitMargin: number;

  /** beam width of decoding: the model's own unless given; margin: see BEAM_MARGIN; wordCache: word types kept */
  constructor(model: Model, readonly beam = model.header.beam, readonly margin = BEAM_MARGIN, wordCache = WORD_CACHE) {
    this.header = model.header;
    // int16 rows in units of the model's scale: scores in units, so the margin too
    this.weights = compactWeights({ values: model.weights, mask: (1 << model.header.bits) - 1 }, model.header.scale);
    this.unitMargin = margin / model.header.scale;
    this.tables = new WordTables(wordCache + 1024);
    this.scorer = new StaticScorer(this.weights, this.tables);
    // word infos and weights belong to this tagger: the decoder may keep weight rows in the words' slots
    this.scratch.words = this.tables;
    this.infos = new WordInfos(model.lexicon, wordCache, this.tables);
    this.gazetteer = gazetteerIndex(model.lexicon.gazetteer);
  }

  /** BIO labels of one sentence's words. */
  tag(words: readonly string[]): string[] {
    const out = new Array<string>(words.length);
    if (words.length) this.tagInfos(words.map((w) => this.infos.get(w)), out, 0);
    return out;
  }

  /**
   * tagInto for the texts of items[from..to) (a sentence's tokens), written into out[from ..]: the same labels,
   * without an array of the words' texts.
   */
  tagTextsInto(items: readonly { readonly text: string }[], from: number, to: number, out: string[]): void {
    const n = to - from;
    if (n <= 0) return;
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) infos[i] = this.infos.get(items[from + i].text);
    this.tagInfos(infos, out, from);
  }

  private tagInfos(infos: WordInfo[], out: string[], at: number): void {
    const n = infos.length;
    const gaz = this.gazOf(infos);
    if (this.ids.length < n) this.ids = new Uint8Array(n * 2);
    if (this.beam > 1) {
      this.scoreStatics(infos, gaz);
      this.counted.count = n;
      decodeBeam(this.weights, this.counted, infos, this.ids, this.beam, this.scratch, undefined, this.statics, this.unitMargin);
    } else {
      this.buf = staticFeatures(infos, gaz, this.buf);
      decodeGreedy(this.weights, this.buf, infos, this.ids, this.scratch);
    }
    for (let i = 0; i < n; i++) out[at + i] = BIO_OF[this.ids[i]];
  }

  /** Word types computed (word cache misses) and trims of the word cache so far: for measurements and tests. */
  wordCacheCounts(): { computed: number; trims: number } {
    return { computed: this.infos.computed, trims: this.infos.trims };
  }

  /** The static scores of each token (token i's LABEL_COUNT scores at i·LABEL_COUNT, in weight units): for tests. */
  staticScores(words: readonly string[]): Float32Array {
    const infos = words.map((w) => this.infos.get(w));
    this.scoreStatics(infos, this.gazOf(infos));
    return this.statics.slice(0, words.length * LABEL_COUNT);
  }

  /** The gazetteer bits of a sentence's word infos (in this.gaz). */
  private gazOf(infos: WordInfo[]): Uint8Array {
    const n = infos.length;
    if (this.gaz.length < n) this.gaz = new Uint8Array(n * 2);
    return gazetteerBits(infos, this.gazetteer, this.gaz);
  }

  private scoreStatics(infos: readonly WordInfo[], gaz: Uint8Array): void {
    const n = infos.length;
    if (this.statics.length < n * LABEL_COUNT) this.statics = new Float32Array(n * 2 * LABEL_COUNT);
    this.scorer.score(infos, gaz, this.statics);
  }
}
