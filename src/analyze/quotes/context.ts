import type { Document, Mention, Token } from '../document.js';
import type { Entity, Sentence, Span } from '../schema.js';
import { DETERMINERS, NP_STOP, TIME_WORDS } from './lexicon.js';
import { lowerWords } from '../tokens/lower.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const ONE_CAPITAL = /^\p{Lu}$/u;
const CAPITAL_FIRST = /^\p{Lu}/u;
const SHORT_CAPITALIZED = /^\p{Lu}[\p{L}-]{0,5}$/u;
/** a participle or gerund ending ("-ed", "-ing") */
export const ED_ING_END = /(?:ed|ing)$/;
const COMMON_VERB = /^(?:met|took|gave|made|went|came|got|saw|sent|said|says|told|tells|spoke|wrote|left|led|held|kept|put|set|ran|won|lost|paid|sought|thought|felt|heard|became|began|brought|bought|drew|flew|grew|knew|rose|fell|struck|stood|sat|read|found|signed|wants|needs|plans|seeks|hopes|expects|sees|calls|urges|warns|adds|notes|argues|insists|asks|replies)$/;
export const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it)$/;
const S_END = /s$/;
const DIGIT_FIRST = /^\d/;
const WORD_FIRST = /^[\p{L}\p{N}]/u;
const POSSESSIVE = /^['’]s?$/;

/** What the quote finder reads of a document, with token-level helpers. */
export interface Context {
  text: string;
  tokens: readonly Token[];
  lower: readonly string[];
  sentences: readonly Sentence[];
  /** the sentence of each token, with the splitter's breaks after a middle initial ("Robert M. Price") undone */
  sent: Int32Array;
  /** the first token of each sentence (by `sent`) */
  sentenceStart: number[];
  /** 1 for a token inside a quotation (its marks included) */
  quoted: Uint8Array;
  mentions: readonly Mention[];
  mentionEntity: readonly (string | null)[];
  entities: Map<string, Entity>;
}

export const QUOTE_CHARS = /^(?:["“”‘’'`«»„]|``|'')$/;

export function makeContext(doc: Document, quoteSpans: readonly { open: Span; close: Span | null; end: number }[]): Context {
  const tokens = doc.tokens ?? [];
  const sentences = doc.sentences ?? [];
  const sent = new Int32Array(tokens.length);
  let id = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i].sentence !== tokens[i - 1].sentence && !initialBreak(tokens, i)) id++;
    sent[i] = id;
  }
  // an opening quote mark the splitter left at the end of the sentence before belongs to the next one
  for (const q of quoteSpans) {
    const i = tokenAt(tokens, q.open.start);
    if (i + 1 < tokens.length && sent[i + 1] !== sent[i] && (i === 0 || sent[i - 1] === sent[i])) sent[i] = sent[i + 1];
  }
  const sentenceStart: number[] = new Array(id + 1).fill(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) sentenceStart[sent[i]] = i;
  const quoted = new Uint8Array(tokens.length);
  for (const q of quoteSpans) {
    const to = q.close ? q.close.end : q.end;
    for (let i = tokenAt(tokens, q.open.start); i < tokens.length && tokens[i].start < to; i++) quoted[i] = 1;
  }
  return {
    text: doc.text,
    tokens,
    lower: lowerWords(tokens),
    sentences,
    sent,
    sentenceStart,
    quoted,
    mentions: doc.mentions ?? [],
    mentionEntity: doc.mentionEntity ?? [],
    entities: new Map((doc.entities ?? []).map((e) => [e.id, e])),
  };
}

/** A sentence break right after "M." of "Robert M. Price" (an initial followed by a capitalized word). */
function initialBreak(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i - 2], b = tokens[i - 1];
  return !!a && b.text === '.' && ONE_CAPITAL.test(a.text) && a.end === b.start && CAPITAL_FIRST.test(tokens[i].text);
}

/** Index of the first token that starts at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

export const isMark = (c: Context, i: number) => QUOTE_CHARS.test(c.tokens[i]?.text ?? '');
export const isCap = (c: Context, i: number) => CAPITAL_FIRST.test(c.tokens[i]?.text ?? '');
export const isWord = (c: Context, i: number) => WORD_FIRST.test(c.tokens[i]?.text ?? '');
export const isPossessive = (c: Context, i: number) => POSSESSIVE.test(c.tokens[i]?.text ?? '') && !c.quoted[i];
export const sameSentence = (c: Context, i: number, j: number) => i >= 0 && j >= 0 && i < c.sent.length && j < c.sent.length && c.sent[i] === c.sent[j];

/** The char span of tokens [from, to). */
export const spanOf = (c: Context, from: number, to: number): Span => ({ start: c.tokens[from].start, end: c.tokens[to - 1].end });

/** The period of a middle initial or a short abbreviation inside a name ("Robert M. Price", "Del. Marcia Price", "R-Ky."). */
export const isInitialDot = (c: Context, i: number) => c.lower[i] === '.' && i > 0 && i + 1 < c.tokens.length
  && SHORT_CAPITALIZED.test(c.tokens[i - 1].text) && c.tokens[i - 1].end === c.tokens[i].start
  && c.sent[i] === c.sent[i + 1] && (isCap(c, i + 1) || c.lower[i + 1] === ',' || c.lower[i + 1] === ')');

/** A word that may stand inside a noun phrase. */
export function npWord(c: Context, i: number): boolean {
  const w = c.lower[i];
  if (w === undefined || c.quoted[i]) return false;
  if (isPossessive(c, i) || w === '&' || w === '-' || isInitialDot(c, i)) return true;
  if (!isWord(c, i)) return false;
  if (isCap(c, i)) return true;
  return !NP_STOP.has(w);
}

/** A lower-case word that is probably a finite verb (ends a noun phrase read rightwards). */
export function verbLike(c: Context, i: number): boolean {
  const w = c.lower[i];
  if (isCap(c, i)) return false;
  return ED_ING_END.test(w) || COMMON_VERB.test(w);
}

/** A noun phrase read rightwards from token i (a subject after an inverted cue, or the subject of a sentence). */
export function npRight(c: Context, i: number, limit: number): [number, number] | null {
  let j = i;
  while (j < limit && TIME_WORDS.has(c.lower[j])) j++;
  const start = j;
  const opensPhrase = isCap(c, j) || DETERMINERS.has(c.lower[j]) || SUBJECT_PRONOUN.test(c.lower[j])
    || (c.lower[j + 1] === 'of' && S_END.test(c.lower[j]))
    || (DIGIT_FIRST.test(c.lower[j]) && (isCap(c, j + 1) || isCap(c, j + 2))); // "said 9/11 widow Terry Strada"
  if (j >= limit || !opensPhrase) return null;
  if (SUBJECT_PRONOUN.test(c.lower[j])) return [j, j + 1];
  if (c.lower[j + 1] === 'of' && !isCap(c, j) && !DETERMINERS.has(c.lower[j])) j += 2; // "hundreds of children"
  while (j < limit && j - start < 12) {
    const w = c.lower[j];
    if (w === 'of' || w === 'for' || w === 'in' || w === 'at' || w === 'on' || w === 'by' || w === 'from') {
      // "Secretary of State", "a U.S. Embassy official in Nairobi": only before a capitalized word or a determiner
      if (j + 1 < limit && (isCap(c, j + 1) || (DETERMINERS.has(c.lower[j + 1]) && isCap(c, j + 2)))) { j++; continue; }
      break;
    }
    if (!npWord(c, j)) break;
    if (j > start && verbLike(c, j)) break;
    j++;
  }
  while (j > start && (c.lower[j - 1] === 'of' || c.lower[j - 1] === 'the' || isPossessive(c, j - 1))) j--;
  return j > start ? [start, j] : null;
}
