import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rng } from '../../random.js';
import { MINHASH, MINHASH_SIMD, bandKeys, distinctInPlace, scalarMins, shingleHashes, shingles, signature, signatureOf, signatureOfHashes, toBlob, words } from './minhash.js';

/*
 * Stored signatures and band keys outlive the code that made them (a database is grouped by them for years), so the
 * fast paths of minhash.ts must give exactly what the plain definition gives: FNV-1a of the joined words of each
 * shingle, a Set of them, and per permutation the minimum of murmur3's finalizer over the set.
 */
const fnv = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};
const mix = (x: number): number => {
  x ^= x >>> 16; x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13; x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};
function referenceShingles(text: string, k = MINHASH.shingle): Set<number> {
  const w = words(text);
  if (w.length === 0) return new Set();
  if (w.length < k) return new Set([fnv(w.join(' '))]);
  const out = new Set<number>();
  for (let i = 0; i + k <= w.length; i++) out.add(fnv(w.slice(i, i + k).join(' ')));
  return out;
}
function referenceMins(text: string): number[] {
  const set = referenceShingles(text);
  return Array.from({ length: MINHASH.perms }, (_, i) => {
    const seed = mix(0x9e3779b9 + i * 0x632be5ab);
    let min = 0xffffffff;
    for (const s of set) min = Math.min(min, mix(s ^ seed));
    return min;
  });
}

/** Texts of every shape: few words, repeats, accents, astral letters, digits, case that lengthens when lowered. */
function randomTexts(count: number, seed: number): string[] {
  const random = rng(seed);
  const vocab = ['the', 'Minister', 'said', 'İstanbul', 'Straße', 'ÉTÉ', 'talks', '2024', 'naïve', '𝒜𝒷𝒸', 'Ω', 'war', 'peace', 'x', "Erdogan's", '—', '“quoted”', '42.5%'];
  return Array.from({ length: count }, () => {
    const n = Math.floor(random() * random() * 300);
    return Array.from({ length: n }, () => vocab[Math.floor(random() * vocab.length)]).join(random() < 0.5 ? ' ' : ', ');
  });
}

describe('minhash', () => {
  it('gives the shingles and signatures of the plain definition', () => {
    const texts = ['', '!!!', 'one', 'two words', 'a b c', 'a b c a b c a b c', ...randomTexts(300, 20260125)];
    for (const text of texts) {
      const ref = referenceShingles(text);
      expect([...shingles(text)].sort()).toEqual([...ref].sort());
      expect([...shingleHashes(text)]).toEqual([...ref]); // the same values in the same order
      const sig = signatureOf(text);
      expect(sig.size).toBe(ref.size);
      expect([...sig.mins]).toEqual(ref.size === 0 ? Array(MINHASH.perms).fill(0xffffffff) : referenceMins(text));
      expect(signature(ref)).toEqual(sig);
    }
  });

  it('keeps distinct values in the order first met, 0 included', () => {
    const random = rng(11);
    for (const n of [0, 1, 2, 5, 700, 5000]) {
      const values = Uint32Array.from({ length: n }, () => (random() < 0.3 ? Math.floor(random() * 8) : Math.floor(random() * 2 ** 32)));
      expect([...distinctInPlace(values.slice())]).toEqual([...new Set(values)]);
    }
  });

  it('gives the same minimums with WebAssembly SIMD as with the scalar loop, however many hashes', () => {
    const random = rng(5);
    for (const n of [1, 2, 3, 4, 5, 17, 384, 20_000, 70_000]) { // past the first page of the module's memory too
      const hashes = distinctInPlace(Uint32Array.from({ length: n }, () => Math.floor(random() * 2 ** 32)));
      const scalar = new Uint32Array(MINHASH.perms).fill(0xffffffff);
      scalarMins(hashes, scalar);
      expect([...signatureOfHashes(hashes).mins]).toEqual([...scalar]);
    }
    expect(MINHASH_SIMD).toBe(true); // Node 20 has WebAssembly SIMD: the comparison above is not scalar to scalar
  });

  it('keeps the signatures and band keys stored by earlier versions', () => {
    const text = "Turkey's President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis in Ankara on Tuesday. «Straße», İstanbul — 2024: the talks “went well”, officials said.";
    const sig = signatureOf(text);
    expect(sig.size).toBe(24);
    expect(createHash('sha256').update(toBlob(sig)).digest('hex')).toBe('668906c8d53f195adbbf8f699e45a7c2f508c2fa1537f05c3865119894e826a5');
    expect([...sig.mins.slice(0, 4)]).toEqual([160875929, 114464883, 428331618, 489405075]);
    expect(bandKeys(sig).slice(0, 3)).toEqual([-1338558053, -281224043, -848306810]);
    expect([...signatureOf('two words').mins.slice(0, 3)]).toEqual([1426165307, 3304144887, 592708085]);
  });
});
