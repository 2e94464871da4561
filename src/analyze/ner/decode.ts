// Left-to-right decoding over hashed features (greedy, or a beam over the last two labels): the inner loop of
// tagging and of training. Static features are scored once per token; only the label-history features are
// scored per hypothesis.
import { DYNAMIC_COUNT, dynamicFeatures, labelFeature, labelPairFeature, wordLabelFeatures, type SentenceFeatures, type WordInfo } from './features.js';
import { allowedAfter, LABEL_COUNT } from './labels.js';
import { HISTORY_INTS, type WordTables } from './word-tables.js';

/**
 * Weights: the row of feature hash h starts at rowOffset(w, h) in `values` (LABEL_COUNT floats). Dense while
 * training: row (h & mask). Compact when tagging (`compactWeights`): only the rows that are not all zero, found by
 * rank in a presence bitmap, so that the table fits in the processor's cache; absent rows read the zero row.
 */
export interface Weights {
  /** float weights; or, compact with a `unit`, the int16 multiples of that unit the model file stores */
  values: Float32Array | Int16Array;
  mask: number;
  /** compact only: per 32 buckets, [presence bits, rows before them] */
  index?: Uint32Array;
  /** compact only: offset of the all-zero row */
  zero?: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Offset in w.values of the row of feature hash h. */
export function rowOffset(w: Weights, h: number): number {
  const b = h & w.mask;
  const index = w.index;
  if (index === undefined) return b * LABEL_COUNT;
  const k = (b >>> 5) << 1;
  const bits = index[k];
  const bit = 1 << (b & 31);
  if ((bits & bit) === 0) return w.zero!;
  return (index[k + 1] + popcount(bits & (bit - 1))) * LABEL_COUNT;
}

/**
 * The same weights with only their non-zero rows (absent rows only ever added zeros). With `unit` (the model's
 * quantization step, every weight being an int16 multiple of it), the rows hold those int16 multiples: half the
 * memory, and scores are exact integers in units (sums stay far below 2^24, so float32 holds them exactly).
 */
export function compactWeights(dense: Weights, unit?: number): Weights {
  const buckets = dense.mask + 1;
  const v = dense.values;
  const index = new Uint32Array((buckets >>> 5) * 2 + 2);
  let rows = 0;
  for (let b = 0; b < buckets; b++) {
    if ((b & 31) === 0) index[(b >>> 5) * 2 + 1] = rows;
    let live = false;
    for (let y = 0; y < LABEL_COUNT && !live; y++) live = v[b * LABEL_COUNT + y] !== 0;
    if (!live) continue;
    index[(b >>> 5) * 2] |= 1 << (b & 31);
    rows++;
  }
  const values = unit ? new Int16Array((rows + 1) * LABEL_COUNT) : new Float32Array((rows + 1) * LABEL_COUNT);
  let r = 0;
  for (let b = 0; b < buckets; b++) {
    if ((index[(b >>> 5) * 2] & (1 << (b & 31))) === 0) continue;
    for (let y = 0; y < LABEL_COUNT; y++) {
      const x = v[b * LABEL_COUNT + y];
      values[r * LABEL_COUNT + y] = unit ? Math.round(x / unit) : x;
    }
    r++;
  }
  return { values, mask: dense.mask, index, zero: rows * LABEL_COUNT };
}

if (LABEL_COUNT !== 9) throw new Error('E_NER_LABELS: addScores is unrolled for 9 labels');

/**
 * Adds the weights of features feats[from..to) to scores[at..at+LABEL_COUNT), rounding to float32 after every
 * addition exactly as `scores[y] += v` would, but in registers (unrolled for the 9 labels).
 */
export function addScores(w: Weights, feats: Uint32Array, from: number, to: number, scores: Float32Array, at = 0): void {
  const v = w.values;
  const zero = w.zero ?? -1;
  let s0 = scores[at], s1 = scores[at + 1], s2 = scores[at + 2], s3 = scores[at + 3], s4 = scores[at + 4];
  let s5 = scores[at + 5], s6 = scores[at + 6], s7 = scores[at + 7], s8 = scores[at + 8];
  for (let k = from; k < to; k++) {
    const b = rowOffset(w, feats[k]);
    if (b === zero) continue;
    s0 = Math.fround(s0 + v[b]); s1 = Math.fround(s1 + v[b + 1]); s2 = Math.fround(s2 + v[b + 2]);
    s3 = Math.fround(s3 + v[b + 3]); s4 = Math.fround(s4 + v[b + 4]); s5 = Math.fround(s5 + v[b + 5]);
    s6 = Math.fround(s6 + v[b + 6]); s7 = Math.fround(s7 + v[b + 7]); s8 = Math.fround(s8 + v[b + 8]);
  }
  scores[at] = s0; scores[at + 1] = s1; scores[at + 2] = s2; scores[at + 3] = s3; scores[at + 4] = s4;
  scores[at + 5] = s5; scores[at + 6] = s6; scores[at + 7] = s7; scores[at + 8] = s8;
}

/** Scratch buffers for one decoder; not shared between threads. */
export class Scratch {
  readonly dyn = new Uint32Array(DYNAMIC_COUNT);
  readonly scores = new Float32Array(LABEL_COUNT);
  readonly local = new Float32Array(LABEL_COUNT);
  readonly beam = new BeamBuffers();
  /** row offsets of the label-only history features (prev1 + 1; (prev2 + 1)·32 + prev1 + 1) for `rowsOf` */
  readonly labelRows = new Int32Array(32);
  readonly pairRows = new Int32Array(32 * 32);
  rowsOf: Weights | null = null;
  /** per token: row offsets of the word–label features for each prev1 + 1 (three each), -1 until needed */
  readonly wordRows = new Int32Array(32 * 3);
  readonly wordHashes = new Uint32Array(3);
  /** per prev1 + 1 and label: the token's score without the label-pair feature (integer weights only) */
  readonly partial = new Float64Array(32 * LABEL_COUNT);
  readonly partialDone = new Uint8Array(32);
  /**
   * Set by a tagger whose word infos and weights are its own and fixed: the rows of the word–label features are
   * kept in each word's slot instead of hashed and looked up again at every token.
   */
  words: WordTables | null = null;
  /** per prev1 + 1: the row of the history feature pairing prev1 with the sentence end as the next word */
  readonly endRows = new Int32Array(32);

  /** Fills labelRows and pairRows for w (row offsets never change, even while training updates values). */
  prepare(w: Weights, labels: number): void {
    if (this.rowsOf === w) return;
    for (let p1 = -1; p1 < labels; p1++) {
      this.labelRows[p1 + 1] = rowOffset(w, labelFeature(p1));
      for (let p2 = -1; p2 < labels; p2++) this.pairRows[(p2 + 1) * 32 + p1 + 1] = rowOffset(w, labelPairFeature(p1, p2));
      wordLabelFeatures(p1, BLANK, null, this.wordHashes, 0);
      this.endRows[p1 + 1] = rowOffset(w, this.wordHashes[2]);
    }
    this.rowsOf = w;
  }
}

/** A word info standing for any word where only the next word (here none) matters. */
const BLANK: WordInfo = { key: 0, raw: 0, shape: 0, short: 0, cap: 0, affixes: [], clusters: [], caseClass: 0, hyphenFirst: 0, hyphenLast: 0, slot: -1, rolesDone: 0, hits: 0 };

/**
 * Row offsets of the word–label features after label prev1 (a = prev1 + 1) into rows[a·3 ..]: the word's key and
 * shape (kept in the word's slot) and the next word's key (kept in the next word's slot, or the sentence end's in
 * s.endRows).
 */
function historyRows(w: Weights, prev1: number, info: WordInfo, next: WordInfo | null, s: Scratch, tables: WordTables, rows: Int32Array): void {
  const a = prev1 + 1;
  const hashes = s.wordHashes;
  const at = tables.slotOf(info) * HISTORY_INTS + a * 3;
  let h = tables.history;
  if (h[at] < 0) {
    wordLabelFeatures(prev1, info, next, hashes, 0);
    h[at] = rowOffset(w, hashes[0]);
    h[at + 1] = rowOffset(w, hashes[1]);
  }
  rows[a * 3] = h[at];
  rows[a * 3 + 1] = h[at + 1];
  if (next === null) { rows[a * 3 + 2] = s.endRows[a]; return; }
  const after = tables.slotOf(next) * HISTORY_INTS + a * 3 + 2;
  h = tables.history; // slotOf may have grown the table
  if (h[after] < 0) {
    wordLabelFeatures(prev1, info, next, hashes, 0);
    h[after] = rowOffset(w, hashes[2]);
  }
  rows[a * 3 + 2] = h[after];
}

/** The score of each label at token i after labels prev1, prev2: static part (precomputed) + history part. */
function scoreAfter(w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], i: number, prev1: number, prev2: number, base: Float32Array | null, s: Scratch): void {
  dynamicFeatures(prev1, prev2, infos[i], i + 1 < sf.count ? infos[i + 1] : null, s.dyn);
  if (base) s.scores.set(base);
  else {
    s.scores.fill(0);
    addScores(w, sf.feats, sf.offsets[i], sf.offsets[i + 1], s.scores);
  }
  addScores(w, s.dyn, 0, DYNAMIC_COUNT, s.scores);
}

/**
 * Tags one sentence greedily; `step` (training) is called at each token with the predicted label and may
 * update the weights before the next token is scored. Scores of the last token are in scratch.scores.
 */
export function decodeGreedy(
  w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], out: Uint8Array, scratch: Scratch,
  step?: (i: number, predicted: number, prev1: number, prev2: number) => void,
): void {
  let prev1 = -1;
  let prev2 = -1;
  const n = sf.count;
  for (let i = 0; i < n; i++) {
    scoreAfter(w, sf, infos, i, prev1, prev2, null, scratch);
    let y = -1;
    for (let k = 0; k < LABEL_COUNT; k++) if ((y < 0 || scratch.scores[k] > scratch.scores[y]) && allowedAfter(prev1, k, i === n - 1)) y = k;
    if (step) step(i, y, prev1, prev2);
    out[i] = y;
    prev2 = prev1;
    prev1 = y;
  }
}

/** Buffers of a beam search: per token and slot, the label and the back pointer; the live and next beams. */
class BeamBuffers {
  labels = new Uint8Array(0);
  back = new Uint8Array(0);
  score = new Float64Array(0);
  nextScore = new Float64Array(0);
  p1 = new Int8Array(0);
  p2 = new Int8Array(0);
  np1 = new Int8Array(0);
  np2 = new Int8Array(0);
  nback = new Uint8Array(0);

  ensure(width: number, tokens: number): void {
    if (this.labels.length < width * tokens) {
      this.labels = new Uint8Array(width * tokens * 2);
      this.back = new Uint8Array(width * tokens * 2);
    }
    if (this.p1.length < width) {
      this.score = new Float64Array(width);
      this.nextScore = new Float64Array(width);
      this.p1 = new Int8Array(width);
      this.p2 = new Int8Array(width);
      this.np1 = new Int8Array(width);
      this.np2 = new Int8Array(width);
      this.nback = new Uint8Array(width);
    }
  }
}

/**
 * Beam search of `width` (≤ 255) hypotheses, recombining those with the same last two labels (the features see
 * no further back, so the better of them dominates): exact second-order Viterbi when width ≥ the state count.
 * With `gold` (training), stops at the first token where no hypothesis extends the gold prefix and returns that
 * token's index (out[0..i] then holds the best prefix); otherwise returns -1. `statics`, when given, holds the
 * static scores of every token (token i's at i·LABEL_COUNT), summed by the caller exactly as addScores would.
 * `margin` (tagging only) drops hypotheses scored more than that below the best after each token.
 */
export function decodeBeam(
  w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], out: Uint8Array, width: number, scratch: Scratch,
  gold?: Uint8Array, statics?: Float32Array, margin = Infinity,
): number {
  const n = sf.count;
  const B = scratch.beam;
  B.ensure(width, n);
  const { labels, back, p1, p2, np1, np2, nback } = B;
  let score = B.score;
  let next = B.nextScore;
  let size = 1;
  score[0] = 0;
  p1[0] = -1;
  p2[0] = -1;
  let stop = -1;
  let goldSlot = 0;
  const v = w.values;
  const base = statics ?? scratch.local;
  scratch.prepare(w, LABEL_COUNT);
  const { labelRows, pairRows, wordRows, wordHashes: hashes, partial, partialDone } = scratch;
  const exact = v instanceof Int16Array;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const info = infos[i];
    const nextInfo = i + 1 < n ? infos[i + 1] : null;
    let at0 = 0;
    if (statics) at0 = i * LABEL_COUNT;
    else {
      base.fill(0);
      addScores(w, sf.feats, sf.offsets[i], sf.offsets[i + 1], base);
    }
    wordRows.fill(-1);
    partialDone.fill(0);
    let nsize = 0;
    for (let b = 0; b < size; b++) {
      const prev = p1[b];
      const before = score[b];
      // history part, added feature by feature in float32 exactly as addScores would (same rounding)
      const a = prev + 1;
      if (wordRows[a * 3] < 0 && scratch.words) historyRows(w, prev, info, nextInfo, scratch, scratch.words, wordRows);
      else if (wordRows[a * 3] < 0) {
        wordLabelFeatures(prev, info, nextInfo, hashes, 0);
        wordRows[a * 3] = rowOffset(w, hashes[0]);
        wordRows[a * 3 + 1] = rowOffset(w, hashes[1]);
        wordRows[a * 3 + 2] = rowOffset(w, hashes[2]);
      }
      const r0 = labelRows[a];
      const r1 = pairRows[(p2[b] + 1) * 32 + a];
      const r2 = wordRows[a * 3];
      const r3 = wordRows[a * 3 + 1];
      const r4 = wordRows[a * 3 + 2];
      if (exact && !partialDone[a]) {
        // integer weights: sums are exact in any order, so the part shared by every hypothesis ending in prev is summed once
        for (let y = 0; y < LABEL_COUNT; y++) partial[a * LABEL_COUNT + y] = base[at0 + y] + v[r0 + y] + v[r2 + y] + v[r3 + y] + v[r4 + y];
        partialDone[a] = 1;
      }
      for (let y = 0; y < LABEL_COUNT; y++) {
        if (!allowedAfter(prev, y, last)) continue;
        let ys: number;
        if (exact) ys = partial[a * LABEL_COUNT + y] + v[r1 + y];
        else {
          ys = Math.fround(base[at0 + y] + v[r0 + y]);
          ys = Math.fround(ys + v[r1 + y]);
          ys = Math.fround(ys + v[r2 + y]);
          ys = Math.fround(ys + v[r3 + y]);
          ys = Math.fround(ys + v[r4 + y]);
        }
        const s = before + ys;
        if (nsize === width && s <= next[width - 1]) continue;
        // below the margin under the best so far: dropped after this token anyway, and so is all it could displace
        if (nsize > 0 && s < next[0] - margin) continue;
        // a hypothesis ending in the same two labels already in the new beam: keep the better one
        let at = -1;
        for (let c = 0; c < nsize; c++) if (np1[c] === y && np2[c] === prev) { at = c; break; }
        if (at >= 0) {
          if (s <= next[at]) continue;
          for (let c = at; c < nsize - 1; c++) { next[c] = next[c + 1]; np1[c] = np1[c + 1]; np2[c] = np2[c + 1]; nback[c] = nback[c + 1]; }
          nsize--;
        }
        let pos = nsize < width ? nsize : width - 1;
        while (pos > 0 && next[pos - 1] < s) {
          next[pos] = next[pos - 1]; np1[pos] = np1[pos - 1]; np2[pos] = np2[pos - 1]; nback[pos] = nback[pos - 1];
          pos--;
        }
        next[pos] = s; np1[pos] = y; np2[pos] = prev; nback[pos] = b;
        if (nsize < width) nsize++;
      }
    }
    // hypotheses further than `margin` below the best are dropped (they almost never recover)
    if (margin !== Infinity) while (nsize > 1 && next[nsize - 1] < next[0] - margin) nsize--;
    const row = i * width;
    for (let c = 0; c < nsize; c++) { labels[row + c] = np1[c]; back[row + c] = nback[c]; p1[c] = np1[c]; p2[c] = np2[c]; }
    const t = score; score = next; next = t;
    size = nsize;
    if (gold) {
      let g = -1;
      for (let c = 0; c < nsize; c++) if (nback[c] === goldSlot && np1[c] === gold[i]) { g = c; break; }
      if (g < 0) { stop = i; break; }
      goldSlot = g;
    }
  }
  let slot = 0;
  for (let i = stop >= 0 ? stop : n - 1; i >= 0; i--) {
    out[i] = labels[i * width + slot];
    slot = back[i * width + slot];
  }
  return stop;
}
