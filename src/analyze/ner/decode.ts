// Greedy left-to-right decoding over hashed features: the inner loop of tagging and of training.
import { DYNAMIC_COUNT, dynamicFeatures, type SentenceFeatures, type WordInfo } from './features.js';
import { allowedAfter, LABEL_COUNT } from './labels.js';

/** Dense weights: weights[(hash & mask) * LABEL_COUNT + label]. */
export interface Weights { values: Float32Array; mask: number }

/** Adds the weights of features feats[from..to) and dyn to scores (length LABEL_COUNT). */
export function addScores(w: Weights, feats: Uint32Array, from: number, to: number, dyn: Uint32Array, scores: Float32Array): void {
  const v = w.values;
  const mask = w.mask;
  scores.fill(0);
  for (let k = from; k < to + DYNAMIC_COUNT; k++) {
    const h = k < to ? feats[k] : dyn[k - to];
    const b = (h & mask) * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) scores[y] += v[b + y];
  }
}

/** The best label after prev among those allowed by BIO. */
export function bestAllowed(scores: Float32Array, prev: number, last: boolean): number {
  let best = -1;
  for (let y = 0; y < LABEL_COUNT; y++) if ((best < 0 || scores[y] > scores[best]) && allowedAfter(prev, y, last)) best = y;
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
    const y = bestAllowed(scratch.scores, prev1, i === n - 1);
    if (step) step(i, y, prev1, prev2);
    out[i] = y;
    prev2 = prev1;
    prev1 = y;
  }
}
