// What a tagger keeps per word type (summed role scores, weight rows of the history features), in two flat tables
// indexed by the word's slot. A small typed array per word would live outside the heap, each with a record the
// garbage collector visits and sweeps: with tens of thousands of word types that cost the analyzer threads more
// than the sums saved.
import type { WordInfo } from './features.js';
import { LABEL_COUNT } from './labels.js';

/** Int32s per slot in `roles`: ROLE.count roles of LABEL_COUNT scores. */
export const ROLE_INTS = 8 * LABEL_COUNT;
/** Int32s per slot in `history`: per prev1 + 1 (0..9), the rows of the word as this word (2) and as the next (1). */
export const HISTORY_INTS = 30;

export class WordTables {
  roles = new Int32Array(1024 * ROLE_INTS);
  history = new Int32Array(1024 * HISTORY_INTS);
  private count = 0;

  /**
   * expected: the slots the tagger's words need at most (the word cache's size and the words of a sentence in
   * hand when the cache is trimmed): the tables grow by doubling but not past it unless they must (at 40,000
   * words, 10 MB less than the next power of two)
   */
  constructor(private readonly expected = Infinity) {}

  /** Slots given out (the highest is count - 1). */
  get size(): number {
    return this.count;
  }

  /** The word's slot, given one (roles none done, history rows unknown: -1) if it has none. */
  slotOf(w: WordInfo): number {
    if (w.slot >= 0) return w.slot;
    const slot = this.count++;
    if (slot * ROLE_INTS >= this.roles.length) {
      const slots = Math.max(slot + 1, Math.min(2 * (this.roles.length / ROLE_INTS), this.expected));
      const roles = new Int32Array(slots * ROLE_INTS);
      roles.set(this.roles);
      this.roles = roles;
      const history = new Int32Array(slots * HISTORY_INTS);
      history.set(this.history);
      this.history = history;
    }
    this.roles.fill(0, slot * ROLE_INTS, (slot + 1) * ROLE_INTS);
    this.history.fill(-1, slot * HISTORY_INTS, (slot + 1) * HISTORY_INTS);
    w.slot = slot;
    w.rolesDone = 0;
    return slot;
  }

  /**
   * Keeps the slots of `kept` (words without a slot are skipped) and forgets all others: the kept rows move to the
   * lowest slots, in their old order, so that rows are only ever copied down over rows already moved or forgotten;
   * each kept word gets its new slot, with its sums and rows as they were. The caller must clear the slot of any
   * other word info still in use (see WordInfos.trim).
   */
  compact(kept: Iterable<WordInfo>): void {
    const n = this.count;
    const owner = new Array<WordInfo | undefined>(n);
    for (const w of kept) if (w.slot >= 0) owner[w.slot] = w;
    let next = 0;
    let s = 0;
    while (s < n) {
      if (owner[s] === undefined) { s++; continue; }
      // a run of kept slots [s, e), moved down together
      let e = s;
      for (; e < n && owner[e] !== undefined; e++) owner[e]!.slot = next + e - s;
      if (s !== next) {
        this.roles.copyWithin(next * ROLE_INTS, s * ROLE_INTS, e * ROLE_INTS);
        this.history.copyWithin(next * HISTORY_INTS, s * HISTORY_INTS, e * HISTORY_INTS);
      }
      next += e - s;
      s = e;
    }
    this.count = next;
  }
}
