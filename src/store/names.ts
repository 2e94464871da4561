/** How names are compared across articles: accents, case, punctuation and hyphens do not count. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** First and last token of a normalized name: "recep tayyip erdogan" → "recep erdogan". */
export function firstLast(norm: string): string {
  const t = norm.split(' ').filter(Boolean);
  return t.length === 0 ? '' : `${t[0]} ${t[t.length - 1]}`;
}

export function tokenCount(name: string): number {
  return normTokenCount(normalizeName(name));
}

/** `tokenCount` of a name already normalized: the same count without normalizing again. */
export function normTokenCount(norm: string): number {
  return norm.split(' ').filter(Boolean).length;
}
