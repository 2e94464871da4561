// The tagger's cache of word infos by word text. A full cache is trimmed, not emptied: the words used often are
// kept (with what the tagger summed for them, moved to compact slots) and the rest dropped. News vocabulary is a
// few thousand words on nearly every page and a long tail of names seen once; emptying the whole cache threw away
// the former each time the tail filled it, and recomputing a word type (its info and role sums) costs as much as
// tagging 3–4 tokens.
import { computeWordInfo, type WordInfo } from './features.js';
import type { Lexicon } from './lexicon.js';
import type { WordTables } from './word-tables.js';

/**
 * Word types a tagger keeps by default: the 37,881 of the BBC set fit, so passes over it recompute nothing after
 * the first (see the ner README for what a type costs, and what a smaller cache does on such passes).
 */
export const WORD_CACHE = 40_000;

/** Hit counts stop here: enough to rank words, and always a small integer to V8. */
const MAX_HITS = 255;
/**
 * A trim keeps at most this share of the cache's size, so that trims come every maxSize/8 new words or more. On
 * one analyzer thread's share of the ingest benchmark's articles (BBC text), keeping 7/8 recomputed 13–19% fewer
 * word types than keeping 3/4, and 37–44% fewer than keeping half, with caches of 25–30k words.
 */
const KEEP_SHARE = 7 / 8;
/** Words not used again since they were added (a word seen once, most of the tail) are never kept. */
const MIN_HITS = 1;

/**
 * The word as a string of its own. A token's text is a substring of its article's, and V8 makes a substring of 13
 * characters or more a view into the whole text: as a key of the cache, it would keep the article alive as long as
 * the word stays (on the BBC articles, 2.9 MB of texts for 38k words). A JSON round trip gives the same characters,
 * lone surrogates included, in a new string.
 */
function ownString(word: string): string {
  return word.length < 13 ? word : (JSON.parse(JSON.stringify(word)) as string);
}

/** Word info of each word, with a cache of word types trimmed to its most used words when it reaches maxSize. */
export class WordInfos {
  private readonly cache = new Map<string, WordInfo>();
  /** word infos computed so far (cache misses): for measurements and tests */
  computed = 0;
  /** how many times the cache was trimmed */
  trims = 0;

  /** tables: where the words' slots are (a tagger's), compacted at each trim; none when the infos have no slots */
  constructor(private readonly lexicon: Lexicon, private readonly maxSize = WORD_CACHE, private readonly tables?: WordTables) {}

  get(word: string): WordInfo {
    const info = this.cache.get(word);
    if (info !== undefined) {
      if (info.hits < MAX_HITS) info.hits++;
      return info;
    }
    if (this.cache.size >= this.maxSize) this.trim();
    const fresh = computeWordInfo(word, this.lexicon);
    this.computed++;
    this.cache.set(ownString(word), fresh);
    return fresh;
  }

  /**
   * Keeps the most used words, up to KEEP_SHARE of the cache, with their slots (compacted); drops the others. Runs
   * while a sentence's words are being looked up, before any of them is scored: that sentence may hold infos the
   * trim drops, so each dropped info loses its slot (which a kept word may now have) and gets a fresh one, summed
   * anew, if the sentence is scored with it. A dropped info is otherwise never handed out again.
   */
  private trim(): void {
    this.trims++;
    const budget = Math.floor(this.maxSize * KEEP_SHARE);
    const withHits = new Uint32Array(MAX_HITS + 1);
    for (const info of this.cache.values()) withHits[info.hits]++;
    // t: the fewest hits with which all words are kept (those with more fit in the budget); of the words with one
    // hit less, the newest that still fit are kept too (the cache's order is the order words were added in)
    let t = MAX_HITS + 1;
    let kept = 0;
    while (t > MIN_HITS && kept + withHits[t - 1] <= budget) kept += withHits[--t];
    let older = t > MIN_HITS ? withHits[t - 1] - (budget - kept) : 0;
    // dropped in place: rebuilding the map with the kept words made a trim five times slower
    for (const [word, info] of this.cache) {
      let keep = info.hits >= t;
      if (!keep && info.hits === t - 1 && t > MIN_HITS) {
        if (older > 0) older--;
        else keep = true;
      }
      if (keep) {
        // counts decay by a quarter at each trim: the words of stories no longer in the news give way in time
        info.hits -= info.hits >> 2;
      } else {
        info.slot = -1;
        this.cache.delete(word);
      }
    }
    this.tables?.compact(this.cache.values());
  }
}
