// Word clusters from unlabeled text: each frequent word is described by the words around it (a sparse,
// PPMI-weighted vector over the ±1 and ±2 context words), then grouped by hierarchical spherical k-means. A word's
// path through the levels (like a Brown-cluster bit string) is a feature at several granularities.
import { hashString } from '../hash.js';
import { CLUSTER_BITS } from '../lexicon.js';
import { normalizeWord, wordKey } from '../words.js';
import { rng } from '../../../random.js';

export interface ClusterOptions { minCount: number; maxWords: number; contexts: number; iterations: number; seed: number }

const DEFAULTS: ClusterOptions = { minCount: 3, maxWords: 60000, contexts: 1500, iterations: 12, seed: 17 };

/** A unit-length sparse vector. */
interface Sparse { idx: Int32Array; val: Float32Array }

/** Sparse PPMI context vectors of the vocabulary words. */
function contextVectors(lines: readonly (readonly string[])[], o: ClusterOptions): { words: string[]; vectors: Sparse[]; dims: number } {
  const keyLines = lines.map((l) => l.map((w) => wordKey(normalizeWord(w))));
  const freq = new Map<string, number>();
  for (const l of keyLines) for (const k of l) freq.set(k, (freq.get(k) ?? 0) + 1);
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = ranked.filter(([, c]) => c >= o.minCount).slice(0, o.maxWords).map(([w]) => w);
  const wordId = new Map(words.map((w, i) => [w, i]));
  const ctxId = new Map(ranked.slice(0, o.contexts).map(([w], i) => [w, i]));
  const cooc: Map<number, number>[] = words.map(() => new Map());
  const dims = 4 * o.contexts;
  const ctxTotals = new Float64Array(dims);
  let total = 0;
  const offsets = [-2, -1, 1, 2];
  for (const l of keyLines) {
    for (let i = 0; i < l.length; i++) {
      const w = wordId.get(l[i]);
      if (w === undefined) continue;
      offsets.forEach((d, slot) => {
        const j = i + d;
        const c = j < 0 ? '<s>' : j >= l.length ? '</s>' : l[j];
        const id = ctxId.get(c);
        if (id === undefined) return;
        const f = slot * o.contexts + id;
        cooc[w].set(f, (cooc[w].get(f) ?? 0) + 1);
        ctxTotals[f]++;
        total++;
      });
    }
  }
  const vectors = cooc.map((m) => {
    let wordTotal = 0;
    for (const c of m.values()) wordTotal += c;
    const entries: [number, number][] = [];
    for (const [f, c] of [...m.entries()].sort((a, b) => a[0] - b[0])) {
      const pmi = Math.log((c * total) / (wordTotal * ctxTotals[f]));
      if (pmi > 0) entries.push([f, pmi]);
    }
    const norm = Math.sqrt(entries.reduce((a, [, v]) => a + v * v, 0)) || 1;
    return { idx: Int32Array.from(entries, ([f]) => f), val: Float32Array.from(entries, ([, v]) => v / norm) };
  });
  return { words, vectors, dims };
}

function normalize(v: Float32Array): void {
  let s = 0;
  for (let d = 0; d < v.length; d++) s += v[d] * v[d];
  const n = Math.sqrt(s) || 1;
  for (let d = 0; d < v.length; d++) v[d] /= n;
}

/** Spherical k-means of the given members into k groups; returns the group of each member. */
function kmeans(vectors: readonly Sparse[], dims: number, members: readonly number[], k: number, iterations: number, random: () => number): number[] {
  const assign = new Array<number>(members.length).fill(0);
  if (members.length <= 1 || k <= 1) return assign;
  k = Math.min(k, members.length);
  const centroids = new Float32Array(k * dims);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let m: number;
    do m = Math.floor(random() * members.length); while (picked.has(m));
    picked.add(m);
    const v = vectors[members[m]];
    for (let j = 0; j < v.idx.length; j++) centroids[c * dims + v.idx[j]] = v.val[j];
  }
  for (let it = 0; it < iterations; it++) {
    members.forEach((w, i) => {
      const v = vectors[w];
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const base = c * dims;
        for (let j = 0; j < v.idx.length; j++) dot += v.val[j] * centroids[base + v.idx[j]];
        if (dot > bestDot) { bestDot = dot; best = c; }
      }
      assign[i] = best;
    });
    centroids.fill(0);
    members.forEach((w, i) => {
      const v = vectors[w];
      const base = assign[i] * dims;
      for (let j = 0; j < v.idx.length; j++) centroids[base + v.idx[j]] += v.val[j];
    });
    for (let c = 0; c < k; c++) normalize(centroids.subarray(c * dims, (c + 1) * dims));
  }
  return assign;
}

/** word-key hash -> cluster path (CLUSTER_BITS levels packed, first level in the high bits). */
export function buildClusters(lines: readonly (readonly string[])[], options: Partial<ClusterOptions> = {}): Map<number, number> {
  const o = { ...DEFAULTS, ...options };
  const { words, vectors, dims } = contextVectors(lines, o);
  const random = rng(o.seed + 1);
  const paths = new Array<number>(words.length).fill(0);
  const split = (members: number[], level: number): void => {
    if (level >= CLUSTER_BITS.length || members.length === 0) return;
    const bits = CLUSTER_BITS[level];
    const assign = kmeans(vectors, dims, members, 1 << bits, o.iterations, random);
    const groups: number[][] = Array.from({ length: 1 << bits }, () => []);
    members.forEach((w, i) => {
      paths[w] = (paths[w] << bits) | assign[i];
      groups[assign[i]].push(w);
    });
    for (const g of groups) split(g, level + 1);
  };
  split(words.map((_, i) => i), 0);
  const out = new Map<number, number>();
  words.forEach((w, i) => out.set(hashString(w), paths[i]));
  return out;
}
