// Averaged perceptron over hashed features, with lazy averaging (Daumé's trick: keep sum of c·Δ).
import { DYNAMIC_COUNT } from './features.js';
import { LABEL_COUNT } from './labels.js';
import type { Weights } from './decode.js';

export class AveragedPerceptron {
  readonly weights: Weights;
  private readonly totals: Float64Array;
  /** number of examples seen (the averaging clock) */
  clock = 1;

  constructor(readonly bits: number) {
    const size = (1 << bits) * LABEL_COUNT;
    this.weights = { values: new Float32Array(size), mask: (1 << bits) - 1 };
    this.totals = new Float64Array(size);
  }

  /** Adds `delta` to the weight of label y for features feats[from..to) and dyn. */
  update(feats: Uint32Array, from: number, to: number, dyn: Uint32Array, y: number, delta: number): void {
    const v = this.weights.values;
    const mask = this.weights.mask;
    const cd = this.clock * delta;
    for (let k = from; k < to + DYNAMIC_COUNT; k++) {
      const h = k < to ? feats[k] : dyn[k - to];
      const idx = (h & mask) * LABEL_COUNT + y;
      v[idx] += delta;
      this.totals[idx] += cd;
    }
  }

  tick(): void {
    this.clock++;
  }

  /** The averaged weights. */
  averaged(): Float32Array {
    const v = this.weights.values;
    const out = new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] - this.totals[i] / this.clock;
    return out;
  }
}
