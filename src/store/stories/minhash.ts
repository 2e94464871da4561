/**
 * MinHash signatures of article texts and their LSH band keys: two texts whose sets of word 3-shingles overlap
 * (Jaccard) by J share a band with probability 1 - (1 - J^ROWS)^BANDS, so near-duplicates meet in an index
 * lookup without comparing every pair. Deterministic: the same text gives the same signature on every machine.
 */
import { createSimdMinHash } from './minhash-simd.js';

export const MINHASH = { perms: 128, bands: 42, rows: 3, shingle: 3 } as const;

/** murmur3's finalizer: a good 32-bit mix */
const mix = (x: number): number => {
  x ^= x >>> 16; x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13; x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

const SEEDS = Uint32Array.from({ length: MINHASH.perms }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Lower-cased words of a text (letters and digits), quotes and punctuation ignored. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The set of hashed word k-shingles of a text (a text shorter than k words is one shingle). */
export function shingles(text: string, k: number = MINHASH.shingle): Set<number> {
  return new Set(shingleHashes(text, k));
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/**
 * The distinct hashed word k-shingles of a text, in the order first met: the values of `shingles` without building
 * a string per shingle. The 32-bit FNV-1a hash of "w1 w2 w3" is fed word by word with the separating space, so it
 * is the hash of the joined words.
 */
export function shingleHashes(text: string, k: number = MINHASH.shingle): Uint32Array {
  const w = words(text);
  if (w.length === 0) return new Uint32Array(0);
  const n = w.length < k ? 1 : w.length - k + 1;
  const width = Math.min(k, w.length);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = FNV_BASIS;
    for (let j = i; j < i + width; j++) {
      if (j > i) h = Math.imul(h ^ SPACE, FNV_PRIME);
      const word = w[j];
      for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), FNV_PRIME);
    }
    hashes[i] = h;
  }
  return distinctInPlace(hashes);
}

/** the slots of `distinctInPlace`, kept between calls (cleared after each) */
let slots = new Uint32Array(1024);

/**
 * Drops repeated values, keeping first occurrences in order (what a Set keeps), in place: an open-addressing table
 * of twice as many slots as values, a fifth of the time of sorting a typed array. 0 marks a free slot, so a
 * value 0 is remembered apart.
 */
export function distinctInPlace(values: Uint32Array): Uint32Array {
  const n = values.length;
  let bits = 10;
  while (1 << bits < 2 * n) bits++;
  const size = 1 << bits;
  if (slots.length < size) slots = new Uint32Array(size);
  const mask = size - 1;
  let kept = 0;
  let zero = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === 0) {
      if (!zero) values[kept++] = 0;
      zero = true;
      continue;
    }
    // Fibonacci hashing: the top bits of the value times 2^32 / golden ratio
    let slot = Math.imul(v, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const there = slots[slot];
      if (there === 0) {
        slots[slot] = v;
        values[kept++] = v;
        break;
      }
      if (there === v) break;
      slot = (slot + 1) & mask;
    }
  }
  slots.fill(0, 0, size);
  return values.subarray(0, kept);
}

export interface Signature { mins: Uint32Array; size: number }

/** The MinHash signature of a set of shingles, with the set's size (for containment estimates). */
export function signature(set: ReadonlySet<number>): Signature {
  return signatureOfHashes(Uint32Array.from(set));
}

/**
 * The signature of distinct shingle hashes: with WebAssembly SIMD where the runtime has it (`minhash-simd.ts`),
 * else the scalar loop; the two give the same minimums.
 */
export function signatureOfHashes(hashes: Uint32Array): Signature {
  const mins = new Uint32Array(MINHASH.perms).fill(0xffffffff);
  if (hashes.length === 0) return { mins, size: 0 };
  if (simdMinHash) simdMinHash(hashes, mins);
  else scalarMins(hashes, mins);
  return { mins, size: hashes.length };
}

/**
 * The scalar signature loop. One permutation at a time over all the hashes keeps its minimum in a local; the mixed
 * values are compared as signed integers with the top bit flipped (the same order as unsigned), so the loop stays
 * in 32-bit integer arithmetic instead of doubles. `mins` comes in filled with 0xffffffff.
 */
export function scalarMins(hashes: Uint32Array, mins: Uint32Array): void {
  const n = hashes.length;
  const values = new Int32Array(hashes.buffer, hashes.byteOffset, n);
  for (let i = 0; i < mins.length; i++) {
    const seed = SEEDS[i] | 0;
    let min = (mins[i] ^ 0x80000000) | 0;
    for (let j = 0; j < n; j++) {
      let x = values[j] ^ seed;
      x ^= x >>> 16; x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13; x = Math.imul(x, 0xc2b2ae35);
      x = (x ^ (x >>> 16)) ^ 0x80000000;
      if (x < min) min = x;
    }
    mins[i] = min ^ 0x80000000;
  }
}

/** the SIMD loop, made once for the seeds; null without WebAssembly SIMD */
const simdMinHash = createSimdMinHash(SEEDS);
/** whether signatures are made with WebAssembly SIMD here (tests, benchmarks) */
export const MINHASH_SIMD = simdMinHash !== null;

export const signatureOf = (text: string): Signature => signatureOfHashes(shingleHashes(text));

/** One key per band: the hash of its rows, so that equal bands give equal keys. */
export function bandKeys(sig: Signature): number[] {
  const out: number[] = [];
  for (let b = 0; b < MINHASH.bands; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < MINHASH.rows; r++) h = Math.imul(h ^ sig.mins[b * MINHASH.rows + r], 0x01000193);
    out.push(mix(h) | 0);
  }
  return out;
}

/** Estimated Jaccard similarity: the share of equal minimums. */
export function jaccard(a: Signature, b: Signature): number {
  if (a.size === 0 || b.size === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.mins.length; i++) if (a.mins[i] === b.mins[i]) same++;
  return same / a.mins.length;
}

/** Estimated containment of the smaller set in the larger: |A∩B| / min(|A|, |B|), from Jaccard and the sizes. */
export function containment(a: Signature, b: Signature, j = jaccard(a, b)): number {
  if (a.size === 0 || b.size === 0) return 0;
  const inter = (j * (a.size + b.size)) / (1 + j);
  return Math.min(1, inter / Math.min(a.size, b.size));
}

export const toBlob = (sig: Signature): Buffer => Buffer.from(sig.mins.buffer, sig.mins.byteOffset, sig.mins.byteLength);
export const fromBlob = (blob: Buffer, size: number): Signature => {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return { mins: new Uint32Array(copy.buffer), size };
};
