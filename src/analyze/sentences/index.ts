import type { Stage } from '../pipeline.js';
import type { Token } from '../document.js';
import type { Sentence, Span } from '../schema.js';
import { tokenizeInto, bounds, isAbbreviation } from '../tokens/tokenize.js';

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

/**
 * The words of the line being split (its first `count` entries), one array for every line: they become the tokens'
 * texts, and the array around them was a temporary per line.
 */
const lineWords: string[] = [];

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
      // token k of the line: b[2k] .. b[2k + 1]
      const count = tokenizeInto(text, lineStart, lineEnd);
      const b = bounds;
      const words = lineWords;
      for (let k = 0; k < count; k++) words[k] = text.slice(b[2 * k], b[2 * k + 1]);
      let sStartTok = 0;
      for (let i = 0; i < count; i++) {
        const w = words[i];
        let boundary = i === count - 1;
        let last = i;
        if (!boundary && isTerminal(w) && !(w === '.' && i > 0 && isInitial(text, b[2 * i - 2], b[2 * i - 1]))) {
          while (last + 1 < count && CLOSERS.has(words[last + 1]) && !opensQuote(text, b[2 * last + 2], b[2 * last + 3])) last++;
          boundary = last + 1 >= count || startsSentence(words[last + 1]);
        } else if (!boundary && w.length > 2 && w.endsWith('.') && !isAbbreviationTitle(w) && isAbbreviation(w)) {
          // "… in the U.S. The next …": an initialism closing a sentence, followed by a function word that starts one
          boundary = i + 1 < count && SENTENCE_OPENERS.has(words[i + 1]);
        }
        if (boundary) {
          const sIndex = sentences.length;
          for (let k = sStartTok; k <= last; k++) tokens.push({ start: b[2 * k], end: b[2 * k + 1], text: words[k], sentence: sIndex });
          sentences.push({ start: b[2 * sStartTok], end: b[2 * last + 1], paragraph: p });
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
function isInitial(text: string, start: number, end: number): boolean {
  return end - start === 1 && UPPER.test(text[start]) && (start === 0 || SPACE.test(text[start - 1]));
}

/** A straight quote with a space before it and a word right after it opens a quotation ('said. "We …'). */
function opensQuote(text: string, start: number, end: number): boolean {
  const c = text[start];
  if (c !== '"' && c !== "'") return c === '“' || c === '‘';
  return start > 0 && SPACE.test(text[start - 1]) && end < text.length && NOT_SPACE.test(text[end]);
}
// made once: a regular expression literal in a function is a new RegExp object per call
const UPPER = /\p{Lu}/u;
const SPACE = /\s/;
const NOT_SPACE = /\S/;

const TITLE_ABBR = /^(?:mr|mrs|ms|dr|prof|gen|gov|sen|rep|lt|col|st|rev)\.$/i;
function isAbbreviationTitle(w: string): boolean { return TITLE_ABBR.test(w); }
const SENTENCE_OPENERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'But', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'On', 'At', 'As', 'And']);

export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  run: (doc) => segment(doc.text),
};
