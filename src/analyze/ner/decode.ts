// Greedy left-to-right decoding over hashed features: the inner loop of tagging and of training.
import { DYNAMIC_COUNT, dynamicFeatures, type SentenceFeatures, type WordInfo } from './features.js';
import { allowedAfter, LABEL_COUNT } from './labels.js';

/** Dense weights: weights[(hash & mask) * LABEL_COUNT + label]. */
export interface Weights { values: Float32Array; mask: number }

/** Adds the weights of features feats[from..to) and dyn to scores (length LABEL_COUNT). */
export function addScores(w: Weights, feats: Uint32Array, from: number, to: number, dyn: Uint32Array, scores: Float32Array): void {
  const v = w.values;
  const mask = w.mask;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (let k = from; k < to + DYNAMIC_COUNT; k++) {
    const h = k < to ? feats[k] : dyn[k - to];
    const b = (h & mask) * 9;
    s0 += v[b]; s1 += v[b + 1]; s2 += v[b + 2]; s3 += v[b + 3]; s4 += v[b + 4];
    s5 += v[b + 5]; s6 += v[b + 6]; s7 += v[b + 7]; s8 += v[b + 8];
  }
  scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3; scores[4] = s4;
  scores[5] = s5; scores[6] = s6; scores[7] = s7; scores[8] = s8;
}

/** The best label after prev among those allowed by BIO. */
export function bestAllowed(scores: Float32Array, prev: number): number {
  let best = 0;
  for (let y = 1; y < LABEL_COUNT; y++) if (scores[y] > scores[best] && allowedAfter(prev, y)) best = y;
  return best;
}

/** Scratch buffers for one decoder; not shared between threads. */
export class Scratch {
  readonly dyn = new Uint32Array(DYNAMIC_COUNT);
  readonly scores = new Float32Array(LABEL_COUNT);
}

/**
 * Tags one sentence greedily; `step` (training) is called at each token with the predicted label and may
 * update the weights before the next token is scored.
 */
export function decodeGreedy(
  w: Weights, sf: SentenceFeatures, infos: readonly WordInfo[], out: Uint8Array, scratch: Scratch,
  step?: (i: number, predicted: number, prev1: number, prev2: number) => void,
): void {
  let prev1 = -1;
  let prev2 = -1;
  const n = sf.count;
  for (let i = 0; i < n; i++) {
    dynamicFeatures(prev1, prev2, infos[i], i + 1 < n ? infos[i + 1] : null, scratch.dyn);
    addScores(w, sf.feats, sf.offsets[i], sf.offsets[i + 1], scratch.dyn, scratch.scores);
    const y = bestAllowed(scratch.scores, prev1);
    if (step) step(i, y, prev1, prev2);
    out[i] = y;
    prev2 = prev1;
    prev1 = y;
  }
}
