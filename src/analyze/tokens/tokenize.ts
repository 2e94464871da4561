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

/** The same pattern, sticky: tried only where a token starts (the first non-space character), and with test(), which
 * builds no match array: the tokenizer allocates its tokens and nothing else per word. */
const TOKEN_AT = new RegExp(TOKEN_RE.source, 'uy');

/** What \s matches (the separators TOKEN_RE skips). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

export function tokenize(text: string, from = 0, to = text.length): RawToken[] {
  const n = tokenizeInto(text, from, to);
  const out: RawToken[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = { start: bounds[2 * k], end: bounds[2 * k + 1] };
  return out;
}

/** Token k of the last tokenizeInto call is bounds[2k] .. bounds[2k + 1]; read before the next call, which reuses it. */
export let bounds = new Int32Array(1024);

function push(count: number, start: number, end: number): number {
  if (2 * count + 2 > bounds.length) {
    const grown = new Int32Array(bounds.length * 2);
    grown.set(bounds);
    bounds = grown;
  }
  bounds[2 * count] = start;
  bounds[2 * count + 1] = end;
  return count + 1;
}

/**
 * Tokenizes text[from, to) into `bounds` (start and end offsets of each token, in order) and returns the token
 * count: no object per token, for the segmenter, which makes its own.
 */
export function tokenizeInto(text: string, from = 0, to = text.length): number {
  let count = 0;
  const slice = to === text.length ? text : text.slice(0, to);
  let pos = from;
  for (;;) {
    while (pos < to && isSpace(slice.charCodeAt(pos))) pos++;
    if (pos >= to) break;
    // every token starts at the first non-space character (the pattern's last alternative takes any one)
    TOKEN_AT.lastIndex = pos;
    TOKEN_AT.test(slice);
    const start = pos;
    let end = TOKEN_AT.lastIndex;
    pos = end;
    // a clitic ('s, 're, n't …) has its apostrophe two or three characters before the end
    if (end - start > 2 && (isApostrophe(slice.charCodeAt(end - 2)) || isApostrophe(slice.charCodeAt(end - 3)))) {
      const c = CLITIC_RE.exec(slice.slice(start, end));
      if (c && c.index > 0) {
        count = push(count, start, start + c.index);
        count = push(count, start + c.index, end);
        continue;
      }
    }
    // "Mr." and the like: keep the period with a known abbreviation
    if (slice.charCodeAt(end) === 46 /* . */ && end - start <= 6 && ABBREVIATIONS.has(slice.slice(start, end).toLowerCase())) {
      end += 1;
      pos = end;
    }
    count = push(count, start, end);
  }
  return count;
}

export function isAbbreviation(token: string): boolean {
  return token.length > 1 && token.endsWith('.') && (ABBREVIATIONS.has(token.slice(0, -1).toLowerCase()) || /^(?:[A-Za-z]\.){2,}$/.test(token));
}
