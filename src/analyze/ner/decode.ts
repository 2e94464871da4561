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
  beam = new BeamBuffers(8, 64);
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

/** Hypotheses of a beam search: per token, per slot, the label, the back pointer and the running score. */
class BeamBuffers {
  labels: Uint8Array;
  back: Uint8Array;
  constructor(readonly width: number, tokens: number) {
    this.labels = new Uint8Array(width * tokens);
    this.back = new Uint8Array(width * tokens);
  }
}

/**
 * Beam search of `width` hypotheses, recombining those with the same last two labels (the features see no
 * further back, so the better of them dominates): exact second-order Viterbi when width ≥ the state count.
 * With `gold` (training), stops at the first token where no hypothesis extends the gold prefix and returns that
 * token's index (out[0..i] then holds the best prefix); otherwise returns -1.
 */
export function decodeBeam(w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], out: Uint8Array, width: number, scratch: Scratch, gold?: Uint8Array): number {
  const n = sf.count;
  if (scratch.beam.width < width || scratch.beam.labels.length < width * n) scratch.beam = new BeamBuffers(Math.max(width, scratch.beam.width), Math.max(n, 64) * 2);
  const { labels, back } = scratch.beam;
  let size = 1;
  let scores = new Float64Array(width);
  let next = new Float64Array(width);
  const p1 = new Int8Array(width).fill(-1);
  const p2 = new Int8Array(width).fill(-1);
  const np1 = new Int8Array(width);
  const np2 = new Int8Array(width);
  const nback = new Uint8Array(width);
  let stop = -1;
  let goldSlot = 0;
  for (let i = 0; i < n; i++) {
    scratch.local.fill(0);
    addScores(w, sf.feats, sf.offsets[i], sf.offsets[i + 1], scratch.local);
    let nsize = 0;
    for (let b = 0; b < size; b++) {
      scoreAfter(w, sf, infos, i, p1[b], p2[b], scratch.local, scratch);
      for (let y = 0; y < LABEL_COUNT; y++) {
        if (!allowedAfter(p1[b], y, i === n - 1)) continue;
        const s = scores[b] + scratch.scores[y];
        // same (y, p1) already in the new beam: keep the better
        let at = -1;
        for (let c = 0; c < nsize; c++) if (np1[c] === y && np2[c] === p1[b]) { at = c; break; }
        if (at >= 0) {
          if (s <= next[at]) continue;
          // remove it, then insert in order below
          for (let c = at; c < nsize - 1; c++) { next[c] = next[c + 1]; np1[c] = np1[c + 1]; np2[c] = np2[c + 1]; nback[c] = nback[c + 1]; }
          nsize--;
        } else if (nsize === width && s <= next[nsize - 1]) continue;
        let pos = nsize < width ? nsize : width - 1;
        while (pos > 0 && next[pos - 1] < s) {
          next[pos] = next[pos - 1]; np1[pos] = np1[pos - 1]; np2[pos] = np2[pos - 1]; nback[pos] = nback[pos - 1];
          pos--;
        }
        next[pos] = s; np1[pos] = y; np2[pos] = p1[b]; nback[pos] = b;
        if (nsize < width) nsize++;
      }
    }
    for (let c = 0; c < nsize; c++) { labels[i * width + c] = np1[c]; back[i * width + c] = nback[c]; }
    [scores, next] = [next, scores];
    p1.set(np1.subarray(0, nsize));
    p2.set(np2.subarray(0, nsize));
    size = nsize;
    if (gold) {
      let g = -1;
      for (let c = 0; c < nsize && g < 0; c++) if (nback[c] === goldSlot && np1[c] === gold[i] && (i === 0 || labels[(i - 1) * width + goldSlot] === gold[i - 1])) g = c;
      if (g < 0) { stop = i; break; }
      goldSlot = g;
    }
  }
  const end = stop >= 0 ? stop : n - 1;
  let slot = 0;
  for (let i = end; i >= 0; i--) {
    out[i] = labels[i * width + slot];
    slot = back[i * width + slot];
  }
  return stop;
}
