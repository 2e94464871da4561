import { type Context, isCap, isMark, isPossessive } from './context.js';
import { NAMING, NAMING_ADVERBS, PRONOUNS, SO_CALLED, WORK_NOUNS } from './lexicon.js';

/**
 * Quote marks that do not quote anyone: a "so-called" term, a name given ("commonly called “apps”", "a screen
 * dubbed a “retina display”"), a nickname (Ernesto “Che” Guevara), the title of a work ("his “Iron Curtain” speech",
 * "ABC's “This Week With David Brinkley”"). Scare quotes with no speech cue nearby are left out later, for want of one.
 */
export function notSpeech(c: Context, content: string, words: number, open: number, after: number): boolean {
  const prev = open - 1;
  if (prev >= 0 && (SO_CALLED.has(c.lower[prev]) || (c.lower[prev] === 'called' && c.lower[prev - 1] === 'so'))) return true;
  // a nickname between a first and a last name
  const capBefore = isCap(c, prev) || (c.lower[prev] === '.' && ONE_CAPITAL.test(c.tokens[prev - 1]?.text ?? '')); // "Robert C. “Bobby” Scott"
  if (words <= 2 && capBefore && isCap(c, after) && !ENDS_PUNCT.test(content) && prev > c.sentenceStart[c.sent[open]]) return true;
  if (words <= 6 && namedBefore(c, open)) return true;
  // a title-cased phrase: the name of a work, a campaign, an organisation
  // a programme or publication: "on CNN's “State of the Union.”", "appeared on “Fox and Friends.”"
  const title = titleCase(content);
  if (title && words >= 2 && !ENDS_ASKING.test(content) && (isPossessive(c, prev) || c.lower[prev] === 'on' || c.lower[prev] === 'in')) return true;
  if (title && !ENDS_CLAUSE.test(content)) {
    // "his “Iron Curtain” speech", "the film “Titanic”", "ABC's “This Week”"
    if (WORK_NOUNS.has(c.lower[after]) || WORK_NOUNS.has(c.lower[prev]) || words >= 2) return true;
  }
  return false;
}
// regular expressions as module constants: a literal in a function is a new RegExp object per call
const ONE_CAPITAL = /^\p{Lu}$/u;
const ENDS_PUNCT = /[,.!?]$/;
const ENDS_ASKING = /[?!]$/;
const ENDS_CLAUSE = /[,.!?:;]$/;

/** "commonly called “…”", "dubbed Cuba's “…”", "known as “…”", "a program called “…”" */
function namedBefore(c: Context, open: number): boolean {
  let k = open - 1;
  // step over an article and a possessor: "dubbed Cuba's “boy hero”", "called a “ruffian”"
  while (k >= 0 && ARTICLE.test(c.lower[k])) k--;
  if (k >= 1 && isPossessive(c, k) && isCap(c, k - 1)) k -= 2;
  if (k < 0) return false;
  if (c.lower[k] === 'as') {
    for (let m = k - 1; m >= 0 && m >= k - 6; m--) if (c.lower[m] === 'known' || c.lower[m] === 'referred') return true;
    return false;
  }
  if (!NAMING.has(c.lower[k])) return false;
  const p = k - 1;
  if (p < 0) return true;
  const w = c.lower[p];
  if (w === ',' || NAMING_ADVERBS.has(w) || BE_FORM.test(w)) return true;
  // "a new program called “…”": a common noun names; a subject ("he called", "Obama called") speaks
  return !isCap(c, p) && !PRONOUNS.has(w) && LETTER_FIRST.test(w) && !CLAUSE_WORD.test(w) && !w.endsWith('ly');
}
const ARTICLE = /^(?:a|an|the)$/;
const BE_FORM = /^(?:is|was|are|were|be|been|being)$/;
const LETTER_FIRST = /^\p{L}/u;
const CLAUSE_WORD = /^(?:and|who|which|that|what)$/;

const SMALL = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'for', 'in', 'on', 'to', 'with', 'at', 'by', 'de', 'la', 'von', 'van', '&']);

/**
 * Every word capitalized but the small ones: a title or a name. Words are the runs of non-space holding a letter; the
 * first lower-case word ends the scan (a quoted sentence is rarely title-cased, and used to be split whole first).
 */
export function titleCase(s: string): boolean {
  let n = 0;
  for (let i = nextRun(s, 0); i < s.length; i = nextRun(s, RUN.lastIndex)) {
    RUN.lastIndex = i;
    RUN.test(s);
    if (!runHas(RUN_LETTER, s, i)) continue;
    if (!runHas(TITLE_FIRST, s, i) && !(n > 0 && SMALL.has(s.slice(i, RUN.lastIndex).toLowerCase()))) return false;
    n++;
  }
  return n > 0;
}
/*
 * titleCase reads the runs in place with sticky expressions (no match arrays, no word strings): a run ends where
 * RUN leaves lastIndex, and RUN_LETTER and TITLE_FIRST are tried at its start (neither can cross a space).
 */
const SPACES = /\s*/y;
const RUN = /\S+/y;
const RUN_LETTER = /[^\s\p{L}]*\p{L}/uy;
const TITLE_FIRST = /[\p{Lu}\d]/uy;
/** The start of the first run of non-space at or after i (s.length if none). */
function nextRun(s: string, i: number): number {
  SPACES.lastIndex = i;
  SPACES.test(s);
  return SPACES.lastIndex;
}
function runHas(sticky: RegExp, s: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(s);
}

/**
 * The runs of non-space holding a letter or a digit. Counted with test() on one global expression (no match arrays):
 * from a run's start it matches through the run when the run holds a letter or digit, and nowhere in it otherwise.
 */
export function wordCount(s: string): number {
  WORD_RUN.lastIndex = 0;
  let n = 0;
  while (WORD_RUN.test(s)) n++; // a failed test() leaves lastIndex at 0
  return n;
}
const WORD_RUN = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

/**
 * Quote marks with no cue in reach still quote someone when they hold whole sentences of speech: they open a
 * sentence (or follow a colon or comma), start with a capital and run over a few words, or ask or exclaim.
 */
export function speechLike(c: Context, content: string, words: number, open: number): boolean {
  if (titleCase(content)) return false;
  if (!SENTENCE_FIRST.test(content)) return false;
  if (!(words >= 3 || (words >= 1 && ENDS_ASKING.test(content)))) return false;
  const sentenceStart = c.sentenceStart[c.sent[open]];
  let k = open - 1;
  while (k >= sentenceStart && isMark(c, k)) k--;
  return k < sentenceStart || c.lower[k] === ':' || c.lower[k] === ',' || c.lower[k] === '.';
}
const SENTENCE_FIRST = /^[\p{Lu}\d(.…]/u;
