// The static scores of a sentence's tokens for the tagger, summed from parts cached per word type instead of
// ~40 hashed weight lookups per token: a word's own features, and what it gives its neighbours (ROLE), are summed
// once per word type; only the five bigram/trigram features are looked up per token, and the small-domain ones
// (capitalization pairs, gazetteer bits) come from tables. The weights are int16 multiples of the model's unit, so
// every sum is an exact integer and the order of addition does not matter: the scores are exactly those of
// summing the token's staticFeatures list (a test checks it).
import { rowOffset, type Weights } from './decode.js';
import {
  capPairFeature, gazBitFeatures, gazNeighbourFeature, isUpperSentence, neighbourFeatures, ownFeatures, PAIR_COUNT,
  pairFeatures, ROLE, type WordInfo,
} from './features.js';
import { LABEL_COUNT as L } from './labels.js';
import { ROLE_INTS, type WordTables } from './word-tables.js';

export class StaticScorer {
  private readonly v: Int16Array;
  private readonly zero: number;
  private readonly feats = new Uint32Array(128);
  private readonly pairs = new Uint32Array(PAIR_COUNT);
  private readonly acc = new Int32Array(L);
  /** the sentence boundary in each neighbour role (a word's roles layout) */
  private readonly boundary = new Int32Array(ROLE.count * L);
  /** summed rows: capitalization pair (m1Cap·8 + cap); gazetteer bit and capitalization (b·8 + cap); neighbour bits */
  private readonly capPair = new Int32Array(64 * L);
  private readonly gazBit = new Int32Array(64 * L);
  private readonly gazLeft = new Int32Array(257 * L);
  private readonly gazRight = new Int32Array(257 * L);

  constructor(private readonly w: Weights, private readonly tables: WordTables) {
    if (!(w.values instanceof Int16Array)) throw new Error('E_NER_WEIGHTS: static scores need int16 weights (compactWeights with a unit)');
    this.v = w.values;
    this.zero = w.zero ?? -1;
    for (const role of [ROLE.left1, ROLE.right1, ROLE.left2, ROLE.right2]) this.sum(neighbourFeatures(role, null, this.feats), this.boundary, role * L);
    const one = new Uint32Array(2);
    for (let a = 0; a < 8; a++) {
      for (let c = 0; c < 8; c++) {
        one[0] = capPairFeature(a, c);
        this.sum(1, this.capPair, (a * 8 + c) * L, one);
        const [g, gc] = gazBitFeatures(a, c);
        one[0] = g;
        one[1] = gc;
        this.sum(2, this.gazBit, (a * 8 + c) * L, one);
      }
    }
    for (let bits = 0; bits <= 256; bits++) {
      one[0] = gazNeighbourFeature(true, bits);
      this.sum(1, this.gazLeft, bits * L, one);
      one[0] = gazNeighbourFeature(false, bits);
      this.sum(1, this.gazRight, bits * L, one);
    }
  }

  /** Adds the rows of feats[0..count) to out[at..at+L). */
  private sum(count: number, out: Int32Array, at: number, feats = this.feats): void {
    const v = this.v;
    for (let k = 0; k < count; k++) {
      const r = rowOffset(this.w, feats[k]);
      if (r === this.zero) continue;
      for (let y = 0; y < L; y++) out[at + y] += v[r + y];
    }
  }

  /** Offset in this.tables.roles of the word's summed scores in role r (own variants 0–3, then the neighbour roles), summed if not yet. */
  private role(word: WordInfo, r: number): number {
    const at = this.tables.slotOf(word) * ROLE_INTS + r * L;
    if ((word.rolesDone & (1 << r)) === 0) {
      const count = r < ROLE.left1 ? ownFeatures(word, (r & 1) === 1, (r & 2) === 2, this.feats) : neighbourFeatures(r, word, this.feats);
      this.sum(count, this.tables.roles, at);
      word.rolesDone |= 1 << r;
    }
    return at;
  }

  /** Static scores of every token into out (token i's at i·L), in units of the weights. */
  score(infos: readonly WordInfo[], gaz: Uint8Array, out: Float32Array): void {
    const n = infos.length;
    const up = isUpperSentence(infos) ? 2 : 0;
    const v = this.v;
    const zero = this.zero;
    const acc = this.acc;
    const pairs = this.pairs;
    for (let i = 0; i < n; i++) {
      const w = infos[i];
      const m1 = i > 0 ? infos[i - 1] : null;
      const p1 = i + 1 < n ? infos[i + 1] : null;
      const m2 = i > 1 ? infos[i - 2] : null;
      const p2 = i + 2 < n ? infos[i + 2] : null;
      const variant = (i === 0 ? 1 : 0) + up;
      // offsets first: summing a role may grow the table
      const oo = this.role(w, variant);
      const oa = m1 ? this.role(m1, ROLE.left1) : -1;
      const ob = p1 ? this.role(p1, ROLE.right1) : -1;
      const oc = m2 ? this.role(m2, ROLE.left2) : -1;
      const od = p2 ? this.role(p2, ROLE.right2) : -1;
      const t = this.tables.roles;
      const e = this.boundary;
      const a = oa < 0 ? e : t, b = ob < 0 ? e : t, c = oc < 0 ? e : t, d = od < 0 ? e : t;
      const ea = oa < 0 ? ROLE.left1 * L : oa, eb = ob < 0 ? ROLE.right1 * L : ob, ec = oc < 0 ? ROLE.left2 * L : oc, ed = od < 0 ? ROLE.right2 * L : od;
      const cp = ((m1 ? m1.cap : 7) * 8 + w.cap) * L;
      const gl = (i > 0 ? gaz[i - 1] : 256) * L;
      const gr = (i + 1 < n ? gaz[i + 1] : 256) * L;
      for (let y = 0; y < L; y++) {
        acc[y] = t[oo + y] + a[ea + y] + b[eb + y] + c[ec + y] + d[ed + y] + this.capPair[cp + y] + this.gazLeft[gl + y] + this.gazRight[gr + y];
      }
      pairFeatures(m1, w, p1, pairs);
      for (let k = 0; k < PAIR_COUNT; k++) {
        const r = rowOffset(this.w, pairs[k]);
        if (r === zero) continue;
        for (let y = 0; y < L; y++) acc[y] += v[r + y];
      }
      const g = gaz[i];
      if (g) for (let bit = 0; bit < 8; bit++) if (g & (1 << bit)) { const at = (bit * 8 + w.cap) * L; for (let y = 0; y < L; y++) acc[y] += this.gazBit[at + y]; }
      const at = i * L;
      for (let y = 0; y < L; y++) out[at + y] = acc[y];
    }
  }
}
