// Left-to-right decoding over hashed features (greedy, or a beam over the last two labels): the inner loop of
// tagging and of training. Static features are scored once per token; only the label-history features are
// scored per hypothesis.
import { DYNAMIC_COUNT, dynamicFeatures, type SentenceFeatures, type WordInfo } from './features.js';
import { allowedAfter, LABEL_COUNT } from './labels.js';

/** Dense weights: weights[(hash & mask) * LABEL_COUNT + label]. */
export interface Weights { values: Float32Array; mask: number }

/** Adds the weights of features feats[from..to) to scores (length LABEL_COUNT). */
export function addScores(w: Weights, feats: Uint32Array, from: number, to: number, scores: Float32Array): void {
  const v = w.values;
  const mask = w.mask;
  for (let k = from; k < to; k++) {
    const b = (feats[k] & mask) * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) scores[y] += v[b + y];
  }
}

/** Scratch buffers for one decoder; not shared between threads. */
export class Scratch {
  readonly dyn = new Uint32Array(DYNAMIC_COUNT);
  readonly scores = new Float32Array(LABEL_COUNT);
  readonly local = new Float32Array(LABEL_COUNT);
  readonly beam = new BeamBuffers();
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
 */
export function decodeBeam(
  w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], out: Uint8Array, width: number, scratch: Scratch,
  gold?: Uint8Array, statics?: Float32Array,
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
  const mask = w.mask;
  const base = statics ?? scratch.local;
  const dyn = scratch.dyn;
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
    let nsize = 0;
    for (let b = 0; b < size; b++) {
      const prev = p1[b];
      const before = score[b];
      // history part, added feature by feature in float32 exactly as addScores would (same rounding)
      dynamicFeatures(prev, p2[b], info, nextInfo, dyn);
      const r0 = (dyn[0] & mask) * LABEL_COUNT;
      const r1 = (dyn[1] & mask) * LABEL_COUNT;
      const r2 = (dyn[2] & mask) * LABEL_COUNT;
      const r3 = (dyn[3] & mask) * LABEL_COUNT;
      const r4 = (dyn[4] & mask) * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) {
        if (!allowedAfter(prev, y, last)) continue;
        let ys = Math.fround(base[at0 + y] + v[r0 + y]);
        ys = Math.fround(ys + v[r1 + y]);
        ys = Math.fround(ys + v[r2 + y]);
        ys = Math.fround(ys + v[r3 + y]);
        ys = Math.fround(ys + v[r4 + y]);
        const s = before + ys;
        if (nsize === width && s <= next[width - 1]) continue;
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
