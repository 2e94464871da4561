/**
 * A fast, lossless, offset-keeping tokenizer for English news (Penn-Treebank-like, as CoNLL-2003 is tokenized):
 * clitics ('s, n't, 're …) split off, abbreviations ("U.S.", "Mr.") kept whole, hyphenated words kept whole.
 */
export interface RawToken { start: number; end: number }

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'rev', 'hon', 'pres', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'dept', 'est', 'fig', 'vol', 'cf',
]);

// word-ish run: letters, marks, digits, joined by inner hyphens, apostrophes, periods, ampersands, slashes or commas in numbers
const TOKEN_RE = /(?:[A-Za-z]\.){2,}(?![\p{L}])|\p{Lu}\.(?=\s+\p{Lu}\p{Ll})|[\p{L}\p{M}\p{N}]+(?:(?:[-'’&/]|[.,:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\.{2,}|-{2,}|[^\s]/gu;
const CLITIC_RE = /(?:['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)|n['’]t|N['’]T)$/u;

export function tokenize(text: string, from = 0, to = text.length): RawToken[] {
  const out: RawToken[] = [];
  TOKEN_RE.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    const start = m.index;
    let end = start + m[0].length;
    const word = m[0];
    const c = CLITIC_RE.exec(word);
    if (c && c.index > 0) {
      out.push({ start, end: start + c.index });
      out.push({ start: start + c.index, end });
      continue;
    }
    // "Mr." and the like: keep the period with a known abbreviation
    if (slice.charCodeAt(end) === 46 /* . */ && ABBREVIATIONS.has(word.toLowerCase())) {
      end += 1;
      TOKEN_RE.lastIndex = end;
    }
    out.push({ start, end });
  }
  return out;
}

export function isAbbreviation(token: string): boolean {
  return token.length > 1 && token.endsWith('.') && (ABBREVIATIONS.has(token.slice(0, -1).toLowerCase()) || /^(?:[A-Za-z]\.){2,}$/.test(token));
}
