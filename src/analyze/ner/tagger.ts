// The runtime tagger: words in, BIO labels out, one sentence at a time.
import { decodeBeam, decodeGreedy, Scratch, type Weights } from './decode.js';
import { gazetteerBits, staticFeatures, WordInfos, type SentenceFeatures, type WordInfo } from './features.js';
import { BIO_OF } from './labels.js';
import type { Model } from './model.js';

export class Tagger {
  private readonly weights: Weights;
  private readonly infos: WordInfos;
  private readonly scratch = new Scratch();
  private buf: SentenceFeatures | undefined;
  private ids = new Uint8Array(256);
  private readonly gazetteer: (h: number) => number;

  /** beam width of decoding: the model's own unless given */
  constructor(readonly model: Model, readonly beam = model.header.beam) {
    this.weights = { values: model.weights, mask: (1 << model.header.bits) - 1 };
    this.infos = new WordInfos(model.lexicon);
    const names = model.lexicon.gazetteer;
    this.gazetteer = (h) => names.get(h) ?? 0;
  }

  /** BIO labels of one sentence's words. */
  tag(words: readonly string[]): string[] {
    const n = words.length;
    if (n === 0) return [];
    const infos: WordInfo[] = new Array(n);
    for (let i = 0; i < n; i++) infos[i] = this.infos.get(words[i]);
    this.buf = staticFeatures(infos, gazetteerBits(infos, this.gazetteer), this.buf);
    if (this.ids.length < n) this.ids = new Uint8Array(n * 2);
    if (this.beam > 1) decodeBeam(this.weights, this.buf, infos, this.ids, this.beam, this.scratch);
    else decodeGreedy(this.weights, this.buf, infos, this.ids, this.scratch);
    const out: string[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = BIO_OF[this.ids[i]];
    return out;
  }
}
