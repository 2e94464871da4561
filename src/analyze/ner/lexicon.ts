// Word lexicons derived from data by the training script and shipped inside the model: word clusters,
// case profiles and a gazetteer of entity names. Keys are hashes (no text is stored).
import { hashString, mix } from './hash.js';

/** Entity types of the gazetteer, in bit order. */
export const GAZ_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
/** Longest gazetteer entry, in tokens. */
export const GAZ_MAX_LEN = 6;

export interface Lexicon {
  /** wordKey hash -> hierarchical cluster path (CLUSTER_BITS levels packed, most significant first) */
  clusters: Map<number, number>;
  /** wordKey hash -> case profile class (see scripts: how often the word is capitalized mid-sentence) */
  caseClass: Map<number, number>;
  /** entry hash (see gazetteerKey) -> bit mask of GAZ_TYPES */
  gazetteer: Map<number, number>;
}

/** Bits of each level of the cluster path, most significant level first. */
export const CLUSTER_BITS = [4, 4, 4] as const;

export function emptyLexicon(): Lexicon {
  return { clusters: new Map(), caseClass: new Map(), gazetteer: new Map() };
}

export function keyHash(key: string): number {
  return hashString(key);
}

/** Hash of a token sequence by its word-key hashes; extend one token at a time. */
export const GAZ_SEED = 0x2545f491;
export function gazetteerStep(h: number, wordKeyHash: number): number {
  return mix(h, wordKeyHash);
}
export function gazetteerKey(wordKeyHashes: readonly number[]): number {
  let h = GAZ_SEED;
  for (const w of wordKeyHashes) h = gazetteerStep(h, w);
  return h;
}
