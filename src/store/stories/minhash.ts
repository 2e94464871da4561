/**
 * MinHash signatures of article texts and their LSH band keys: two texts whose sets of word 3-shingles overlap
 * (Jaccard) by J share a band with probability 1 - (1 - J^ROWS)^BANDS, so near-duplicates meet in an index
 * lookup without comparing every pair. Deterministic: the same text gives the same signature on every machine.
 */
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
 * The distinct hashed word k-shingles of a text, ascending: the values of `shingles` without building a string per
 * shingle: the 32-bit FNV-1a hash of "w1 w2 w3" is fed word by word with the separating space, so it is the hash of
 * the joined words; sorting the hashes and dropping repeats replaces a Set (a MinHash does not depend on order).
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
  hashes.sort();
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (hashes[i] !== hashes[distinct - 1]) hashes[distinct++] = hashes[i];
  return hashes.subarray(0, distinct);
}

export interface Signature { mins: Uint32Array; size: number }

/** The MinHash signature of a set of shingles, with the set's size (for containment estimates). */
export function signature(set: ReadonlySet<number>): Signature {
  return signatureOfHashes(Uint32Array.from(set));
}

/**
 * The signature of distinct shingle hashes. One permutation at a time over all the hashes keeps its minimum in a
 * local; the mixed values are compared as signed integers with the top bit flipped (the same order as unsigned),
 * so the loop stays in 32-bit integer arithmetic instead of doubles.
 */
export function signatureOfHashes(hashes: Uint32Array): Signature {
  const mins = new Uint32Array(MINHASH.perms).fill(0xffffffff);
  const n = hashes.length;
  if (n === 0) return { mins, size: 0 };
  const values = new Int32Array(hashes.buffer, hashes.byteOffset, n);
  for (let i = 0; i < mins.length; i++) {
    const seed = SEEDS[i] | 0;
    let min = 0x7fffffff; // 0xffffffff with the top bit flipped
    for (let j = 0; j < n; j++) {
      let x = values[j] ^ seed;
      x ^= x >>> 16; x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13; x = Math.imul(x, 0xc2b2ae35);
      x = (x ^ (x >>> 16)) ^ 0x80000000;
      if (x < min) min = x;
    }
    mins[i] = min ^ 0x80000000;
  }
  return { mins, size: n };
}

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
