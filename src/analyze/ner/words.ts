// Word-level normalization and shapes, shared by training and tagging.

const PUNCT_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2013': '-', '\u2014': '--', '\u2015': '--', '\u2212': '-', '\u2026': '...', '\u00a0': ' ',
};
const SPECIAL = '[\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u00ab\u00bb\u2013-\u2015\u2212\u2026\u00a0]';
const HAS_SPECIAL = new RegExp(SPECIAL);
const ALL_SPECIAL = new RegExp(SPECIAL, 'g');

/** Maps typographic quotes, dashes and ellipses to the ASCII forms of CoNLL (Reuters) text. */
export function normalizeWord(w: string): string {
  return HAS_SPECIAL.test(w) ? w.replace(ALL_SPECIAL, (c) => PUNCT_MAP[c] ?? c) : w;
}

/** Lowercase with every digit mapped to 0: the key of a word in features and lexicons. */
export function wordKey(w: string): string {
  return w.toLowerCase().replace(/[0-9]/g, '0');
}

function charClass(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return c;
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  if (lo !== up) return c === up ? 'X' : 'x';
  return c;
}

/** The shape of a word: X upper, x lower, d digit, other characters kept; runs longer than `maxRun` cut. */
export function wordShape(w: string, maxRun = 4): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const c of w) {
    const k = charClass(c);
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= maxRun) out += k;
  }
  return out;
}

/** 0 no letters, 1 lowercase, 2 Initial capital, 3 ALL CAPS, 4 mixed (McDonald, iPhone). */
export function capClass(w: string): number {
  let upper = 0;
  let lower = 0;
  for (const c of w) {
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    if (lo === up) continue;
    if (c === up) upper++;
    else lower++;
  }
  if (upper + lower === 0) return 0;
  if (upper === 0) return 1;
  if (lower === 0) return 3;
  const first = w.charAt(0);
  if (first === first.toUpperCase() && first !== first.toLowerCase() && upper === 1) return 2;
  return 4;
}
