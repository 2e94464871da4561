// Gazetteers of entity names from labeled training sentences. For training, each sentence sees only the names
// found in the other folds ("jackknifing"), so the model learns how far to trust a gazetteer hit on unseen text.
import { hashString } from '../hash.js';
import type { TaggedSentence } from '../conll.js';
import { chunks } from '../score.js';
import { GAZ_MAX_LEN, GAZ_TYPES, gazetteerKey } from '../lexicon.js';
import { normalizeWord, wordKey } from '../words.js';

/** For each entry hash, the type mask contributed by each fold. */
export class FoldedGazetteer {
  private readonly entries = new Map<number, Uint8Array>();
  constructor(readonly folds: number) {}

  static build(sentences: readonly TaggedSentence[], folds: number): FoldedGazetteer {
    const g = new FoldedGazetteer(folds);
    sentences.forEach((s, i) => {
      const fold = g.foldOf(i, sentences.length);
      for (const c of chunks(s.tags)) {
        if (c.end - c.start > GAZ_MAX_LEN) continue;
        const t = GAZ_TYPES.indexOf(c.type as (typeof GAZ_TYPES)[number]);
        if (t < 0) continue;
        const key = gazetteerKey(s.words.slice(c.start, c.end).map((w) => hashString(wordKey(normalizeWord(w)))));
        let masks = g.entries.get(key);
        if (!masks) g.entries.set(key, (masks = new Uint8Array(folds)));
        masks[fold] |= 1 << t;
      }
    });
    return g;
  }

  /** Folds are contiguous blocks of sentences (news stories stay together). */
  foldOf(sentence: number, total: number): number {
    return Math.min(this.folds - 1, Math.floor((sentence * this.folds) / total));
  }

  /** Lookup for a sentence of fold `fold`: names from every other fold. */
  lookupExcluding(fold: number): (h: number) => number {
    return (h) => {
      const masks = this.entries.get(h);
      if (!masks) return 0;
      let m = 0;
      for (let f = 0; f < this.folds; f++) if (f !== fold) m |= masks[f];
      return m;
    };
  }

  /** The whole gazetteer, for tagging new text. */
  all(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [k, masks] of this.entries) out.set(k, masks.reduce((a, b) => a | b, 0));
    return out;
  }
}
