// Labels: the tagger predicts BIO (IOB2) labels directly; decoding keeps them well formed (I-X only after B-X
// or I-X).
import { chunks } from './score.js';

export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

/** Label id = index: 0 is O, then B- and I- of each type. */
export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const LABEL_COUNT = LABELS.length;

/** BIO tag of each label id. */
export const BIO_OF: readonly string[] = LABELS;

/** Whether label y may follow label prev (-1: sentence start): I-X only after B-X or I-X. */
export function allowedAfter(prev: number, y: number, _last: boolean): boolean {
  if (y === 0 || (y & 1) === 1) return true;
  return prev > 0 && (prev + 1) >> 1 === y >> 1;
}

/** Label ids of a BIO tag sequence (an I- that starts a chunk becomes B-, as conlleval reads it). */
export function encodeBio(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  for (const c of chunks(tags)) {
    const t = TYPES.indexOf(c.type as (typeof TYPES)[number]);
    if (t < 0) throw new Error(`E_NER_TAG: unknown entity type "${c.type}"`);
    out[c.start] = 1 + 2 * t;
    for (let i = c.start + 1; i < c.end; i++) out[i] = 2 + 2 * t;
  }
  return out;
}
