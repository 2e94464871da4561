/**
 * MinHash signatures of article texts and their LSH band keys: two texts whose sets of word 3-shingles overlap
 * (Jaccard) by J share a band with probability 1 - (1 - J^ROWS)^BANDS, so near-duplicates meet in an index
 * lookup without comparing every pair. Deterministic: the same text gives the same signature on every machine.
 */
export const MINHASH = { perms: 128, bands: 42, rows: 3, shingle: 3 } as const;

const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

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
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < k) { out.add(fnv(w.join(' '))); return out; }
  for (let i = 0; i + k <= w.length; i++) out.add(fnv(w.slice(i, i + k).join(' ')));
  return out;
}

export interface Signature { mins: Uint32Array; size: number }

/** The MinHash signature of a set of shingles, with the set's size (for containment estimates). */
export function signature(set: ReadonlySet<number>): Signature {
  const mins = new Uint32Array(MINHASH.perms).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < mins.length; i++) {
      const h = mix(s ^ SEEDS[i]);
      if (h < mins[i]) mins[i] = h;
    }
  }
  return { mins, size: set.size };
}

export const signatureOf = (text: string): Signature => signature(shingles(text));

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
