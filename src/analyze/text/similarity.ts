/** Content words of a passage, for comparing passages: lower-cased, without function words, crude plural folding. */
const STOP = new Set(('a an the and or but of to in on at by for with from as is are was were be been being has have had do does did ' +
  'it its this that these those he she they them his her their him we our you your i me my who whom which what when where while ' +
  'not no so than then there here also into over after before during about against between since until up down out off very just ' +
  'said says will would can could may might should must more most other some such only own same too s').split(' '));

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) addContentWord(out, raw);
  return out;
}

function addContentWord(out: Set<string>, raw: string): void {
  const w = contentWord(raw);
  if (w !== null) out.add(w);
}

/** The content word of a raw lower-case word (plural folded), or null for a stop word or a single character. */
function contentWord(raw: string): string | null {
  if (raw.length < 2 || STOP.has(raw)) return null;
  return raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
}

/**
 * contentWords of each span of `text` (sentences), the same sets, from one lower-cased copy of the whole text scanned
 * in place: no copy, lower-casing and split array per span.
 */
export function spanContentWords(text: string, spans: readonly { start: number; end: number }[]): Set<string>[] {
  const sets = spans.map(() => new Set<string>());
  let s = 0;
  scanContentWords(text, spans, (w) => sets[s].add(w), () => s++);
  return sets;
}

/**
 * Calls `word` for each content word of each span in turn (a word may come more than once), and `endSpan` after
 * each span. Lower-casing the whole text lower-cases every span at the same offsets unless a letter changes length
 * ("İ") or is lower-cased by its context (a final "Σ"): such a text is read span by span as contentWords does.
 */
export function scanContentWords(text: string, spans: readonly { start: number; end: number }[], word: (w: string) => void, endSpan: () => void): void {
  const lower = text.toLowerCase();
  if (lower.length !== text.length || text.includes('Σ')) {
    for (const span of spans) {
      for (const w of contentWords(text.slice(span.start, span.end))) word(w);
      endSpan();
    }
    return;
  }
  for (const span of spans) {
    let i = span.start;
    while (i < span.end) {
      let w = wordCharWidth(lower, i, span.end);
      if (w === 0) { i += lower.charCodeAt(i) >= 0xd800 && lower.charCodeAt(i) <= 0xdbff && i + 1 < span.end && isLowSurrogate(lower.charCodeAt(i + 1)) ? 2 : 1; continue; }
      const start = i;
      while (w > 0) { i += w; w = i < span.end ? wordCharWidth(lower, i, span.end) : 0; }
      if (i - start >= 2) {
        const c = contentWord(lower.slice(start, i));
        if (c !== null) word(c);
      }
    }
    endSpan();
  }
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** Code units of the letter or digit at i (a surrogate pair is one character, as the 'u' flag reads it), or 0. */
function wordCharWidth(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLowSurrogate(s.charCodeAt(i + 1))) return WORD_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  return WORD_CHAR.test(s[i]) ? 1 : 0;
}

/** Overlap of two word sets relative to the smaller one (containment), and the number of shared words. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return { score: small.size ? shared / small.size : 0, shared };
}
