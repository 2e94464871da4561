/** The BIO labels of the tagger; label id = index. B-X and I-X of a type are adjacent. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export const LABEL_COUNT = LABELS.length;
export const LABEL_ID: ReadonlyMap<string, number> = new Map(LABELS.map((l, i) => [l, i]));

/** Whether label y may follow label prev (-1: sentence start): I-X only after B-X or I-X. */
export function allowedAfter(prev: number, y: number): boolean {
  if (y === 0 || (y & 1) === 1) return true;
  return prev > 0 && (prev + 1) >> 1 === y >> 1;
}
