import type { Stage } from '../pipeline.js';
import type { Token } from '../document.js';
import type { Sentence, Span } from '../schema.js';
import { tokenize, isAbbreviation } from '../tokens/tokenize.js';

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);
const TERMINALS = new Set(['.', '!', '?', '...', '…']);
/** TERMINALS.has(word), asked of the first character first: most tokens are words, and are not looked up at all. */
function isTerminal(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c === 46 || c === 33 || c === 63 || c === 0x2026) && TERMINALS.has(word);
}

function startsSentence(word: string): boolean {
  const c = word.codePointAt(0)!;
  // an upper-case letter, a digit, or an opening quote/bracket
  return (word[0] !== word[0].toLowerCase()) || (c >= 48 && c <= 57) || word === '"' || word === '“' || word === '‘' || word === '(';
}

export interface Segmentation { paragraphs: Span[]; sentences: Sentence[]; tokens: Token[] }

/** Splits text into paragraphs (lines), sentences and tokens, all by offset. */
export function segment(text: string): Segmentation {
  const paragraphs: Span[] = [];
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart) {
      const p = paragraphs.length;
      paragraphs.push({ start: lineStart, end: lineEnd });
      const raw = tokenize(text, lineStart, lineEnd);
      const words = raw.map((t) => text.slice(t.start, t.end));
      let sStartTok = 0;
      for (let i = 0; i < raw.length; i++) {
        const w = words[i];
        let boundary = i === raw.length - 1;
        let last = i;
        if (!boundary && isTerminal(w) && !(w === '.' && i > 0 && isInitial(text, raw[i - 1]))) {
          while (last + 1 < raw.length && CLOSERS.has(words[last + 1]) && !opensQuote(text, raw[last + 1])) last++;
          boundary = last + 1 >= raw.length || startsSentence(words[last + 1]);
        } else if (!boundary && w.length > 2 && w.endsWith('.') && !isAbbreviationTitle(w) && isAbbreviation(w)) {
          // "… in the U.S. The next …": an initialism closing a sentence, followed by a function word that starts one
          boundary = i + 1 < raw.length && SENTENCE_OPENERS.has(words[i + 1]);
        }
        if (boundary) {
          const sIndex = sentences.length;
          for (let k = sStartTok; k <= last; k++) tokens.push({ start: raw[k].start, end: raw[k].end, text: words[k], sentence: sIndex });
          sentences.push({ start: raw[sStartTok].start, end: raw[last].end, paragraph: p });
          sStartTok = last + 1;
          i = last;
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { paragraphs, sentences, tokens };
}

/** "M" in "Robert M. Smith": a single capital letter right before the period is an initial, not a sentence end. */
function isInitial(text: string, t: { start: number; end: number }): boolean {
  return t.end - t.start === 1 && /\p{Lu}/u.test(text[t.start]) && (t.start === 0 || /\s/.test(text[t.start - 1]));
}

/** A straight quote with a space before it and a word right after it opens a quotation ('said. "We …'). */
function opensQuote(text: string, t: { start: number; end: number }): boolean {
  const c = text[t.start];
  if (c !== '"' && c !== "'") return c === '“' || c === '‘';
  return t.start > 0 && /\s/.test(text[t.start - 1]) && t.end < text.length && /\S/.test(text[t.end]);
}

const TITLE_ABBR = /^(?:mr|mrs|ms|dr|prof|gen|gov|sen|rep|lt|col|st|rev)\.$/i;
function isAbbreviationTitle(w: string): boolean { return TITLE_ABBR.test(w); }
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'But', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'On', 'At', 'As', 'And']);

export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  run: (doc) => segment(doc.text),
};
