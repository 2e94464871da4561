import type { Span } from '../schema.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013]/u;
const DIGIT = /\d/;
const N_FIRST = /^['’]n['’](?:\s|$)/;
const N_SECOND = /^\s['’]n$/;
const SENTENCE_END = /[.?!]\s+$/;
const SPACE = /\s/;
const SPACE_OR_COMMA = /[\s,]/;
const DOUBLE_MARK = /["“”]|``|''/;

/**
 * Finds the stretches of text between quotation marks: straight and curly, double and single, `` '' (typewriter
 * TeX style), nested quotes inside them, and quotes that run over paragraph breaks (a paragraph that leaves the
 * quote open and a next paragraph that opens with a quote mark). Apostrophes (Lee’s, ’90s, rock ’n’ roll) are
 * not quote marks. Whether a stretch is speech is decided later (see ./speech.ts).
 */
export interface QuoteSpan extends Span {
  /** the opening mark */
  open: Span;
  /** the closing mark; null when the paragraph ended with the quote still open */
  close: Span | null;
  kind: 'double' | 'single';
  /** the quote runs over one or more paragraph breaks */
  paragraphs: number;
}

type Role = 'open' | 'close' | 'either';
interface Mark { at: number; len: number; kind: 'double' | 'single'; role: Role }

const LETTER = /[\p{L}\p{N}]/u;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:]/u;
const ELISION = /^(?:em|til|tis|twas|cause)\b/i;

const isLetter = (c: string | undefined) => c !== undefined && LETTER.test(c);
const opensAfter = (c: string | undefined) => c === undefined || OPEN_CONTEXT.test(c);

/** Whether a UTF-16 code unit is one of the marks marksOf looks at: “ „ « ” » ` ' " ‘ ’. */
function isMarkCode(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x60 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e && code !== 0x201a && code !== 0x201b);
}

/** The quote marks of one paragraph, with the role their context allows. */
export function marksOf(text: string, from: number, to: number): Mark[] {
  const out: Mark[] = [];
  for (let i = from; i < to; i++) {
    // most characters are no mark: tested by code, without making strings of them and their neighbours
    if (!isMarkCode(text.charCodeAt(i))) continue;
    const c = text[i];
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    if (c === '“' || c === '„' || c === '«') out.push({ at: i, len: 1, kind: 'double', role: 'open' });
    else if (c === '”' || c === '»') out.push({ at: i, len: 1, kind: 'double', role: 'close' });
    else if (c === '`') {
      if (next === '`') { out.push({ at: i, len: 2, kind: 'double', role: 'open' }); i++; }
      else out.push({ at: i, len: 1, kind: 'single', role: 'open' });
    } else if (c === "'" && next === "'" && text[i + 2] === "'" && i + 2 < to) {
      // ''' closes a single quote and the double quote around it
      out.push({ at: i, len: 1, kind: 'single', role: 'close' }, { at: i + 1, len: 2, kind: 'double', role: 'close' }); i += 2;
    } else if (c === "'" && next === "'") {
      out.push({ at: i, len: 2, kind: 'double', role: 'close' }); i++;
    } else if (c === '"') {
      const before = opensAfter(prev), after = next === undefined || CLOSE_CONTEXT.test(next);
      out.push({ at: i, len: 1, kind: 'double', role: before && !after ? 'open' : after && !before ? 'close' : 'either' });
    } else if (c === '‘' || c === '’' || c === "'") {
      const role = singleRole(text, i, from, to);
      if (role) out.push({ at: i, len: 1, kind: 'single', role });
    }
  }
  return out;
}

/** A single mark's role, or null for an apostrophe. */
function singleRole(text: string, i: number, from: number, to: number): Role | null {
  const prev = i > from ? text[i - 1] : undefined;
  const next = i + 1 < to ? text[i + 1] : undefined;
  if (isLetter(prev) && isLetter(next)) return null; // Lee’s, don’t
  if (!isLetter(prev) && DIGIT.test(next ?? '')) return null; // ’90s
  if (opensAfter(prev) && N_FIRST.test(text.slice(i, i + 4))) return null; // rock ’n’ roll (first)
  if (i - 3 >= from && N_SECOND.test(text.slice(i - 3, i))) return null; // rock ’n’ roll (second)
  if (opensAfter(prev) && ELISION.test(text.slice(i + 1, i + 7))) return null; // ’em, ’til
  if (text[i] === '‘') return 'open';
  if (opensAfter(prev) && isLetter(next)) return 'open';
  if (!opensAfter(prev) && !isLetter(next)) return 'close';
  return null;
}

interface Open { start: number; open: Span; kind: 'double' | 'single'; paragraphs: number; nested: number }

/** All quotation-mark stretches of a text whose paragraphs are the given spans. */
export function findQuoteSpans(text: string, paragraphs: readonly Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // a text that quotes with double marks uses single marks only inside them (and perhaps in its headline)
  const doubles = DOUBLE_MARK.test(text);
  let cur: Open | null = null;
  const finish = (end: number, close: Span | null) => {
    if (!cur) return;
    const span = trim(text, cur.start, end);
    if (span.end > span.start) out.push({ start: span.start, end: span.end, open: cur.open, close, kind: cur.kind, paragraphs: cur.paragraphs });
    cur = null;
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: from, end: to } = paragraphs[p];
    const marks = marksOf(text, from, to);
    // laterClose[k]: a single mark that may close follows mark k in the paragraph
    const laterClose = new Uint8Array(marks.length + 1);
    for (let k = marks.length - 1; k >= 0; k--) laterClose[k] = laterClose[k + 1] || (marks[k + 1]?.kind === 'single' && marks[k + 1].role !== 'open') ? 1 : 0;
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k];
      if (!cur) {
        if (m.role === 'close') continue;
        // a single quote opens only if a closing single follows in the paragraph
        if (m.kind === 'single' && ((doubles && p > 0) || !laterClose[k])) continue;
        cur = { start: m.at + m.len, open: markSpan(m), kind: m.kind, paragraphs: 0, nested: 0 };
        continue;
      }
      const c: Open = cur;
      if (m.kind !== c.kind) {
        // a quote inside the quote: count it so that its marks close nothing
        if (m.role === 'open' || (m.role === 'either' && c.nested === 0)) c.nested++;
        else if (c.nested > 0) c.nested--;
        continue;
      }
      const straight = text[m.at] === '"';
      if (m.role === 'open' && m.kind === 'double' && (!straight || SENTENCE_END.test(text.slice(Math.max(c.start, m.at - 3), m.at)))) {
        // an opening mark while a quote is open: the first quote lost its closing mark (or its paragraph break)
        finish(m.at, null);
        cur = { start: m.at + m.len, open: markSpan(m), kind: m.kind, paragraphs: 0, nested: 0 };
        continue;
      }
      if (m.role === 'open' && m.kind === 'single') continue;
      finish(m.at, markSpan(m));
    }
    if (cur) {
      const c: Open = cur;
      // continued in the next paragraph when that one opens with a quote mark of the same kind
      const next = paragraphs[p + 1];
      const first = next ? marksOf(text, next.start, Math.min(next.end, next.start + 3))[0] : undefined;
      if (next && first && first.at === next.start && first.kind === c.kind && first.role !== 'close') {
        c.paragraphs++;
        c.nested = 0;
        // skip the reopening mark in the next paragraph
        paragraphs = withSkip(paragraphs, p + 1, first.len);
        continue;
      }
      finish(to, null);
    }
  }
  return out;
}

/** A mark's span, made only for the marks that open or close a quote. */
const markSpan = (m: Mark): Span => ({ start: m.at, end: m.at + m.len });

function withSkip(paragraphs: readonly Span[], p: number, by: number): Span[] {
  const copy = paragraphs.slice();
  copy[p] = { start: copy[p].start + by, end: copy[p].end };
  return copy;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && SPACE.test(text[start])) start++;
  while (end > start && SPACE_OR_COMMA.test(text[end - 1])) end--;
  return { start, end };
}
