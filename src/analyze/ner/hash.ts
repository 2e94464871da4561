// 32-bit hashing for hashed features: FNV-1a over UTF-16 code units, and an avalanche mix of two hashes.

export const FNV_SEED = 0x811c9dc5;

/** FNV-1a of s.slice(from, to), continuing from `seed`. */
export function hashString(s: string, seed = FNV_SEED, from = 0, to = s.length): number {
  let h = seed;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An order-sensitive mix of two 32-bit values (murmur3 finalizer over a ^ b·φ). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The same bits as mix, as a signed 32-bit integer: a small integer to V8, so that no call allocates a boxed number
 * (mix's unsigned results above 2^31 do, wherever the call is not inlined). For feature hashes, which only ever go
 * into Uint32Arrays and bit masks; mix stays for hashes used as map keys (the gazetteer).
 */
export function mixBits(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
