import type { QuoteSpan } from './marks.js';
import { type Context, isCap, isMark, isPossessive } from './context.js';
import { NAMING, NAMING_ADVERBS, PRONOUNS, SO_CALLED, WORK_NOUNS } from './lexicon.js';

/**
 * Quote marks that do not quote anyone: a "so-called" term, a name given ("commonly called “apps”", "a screen
 * dubbed a “retina display”"), a nickname (Ernesto “Che” Guevara), the title of a work ("his “Iron Curtain” speech",
 * "ABC's “This Week With David Brinkley”"). Scare quotes with no speech cue nearby are left out later, for want of one.
 */
export function notSpeech(c: Context, q: QuoteSpan, open: number, after: number): boolean {
  const content = c.text.slice(q.start, q.end);
  const words = wordCount(content);
  const prev = open - 1;
  if (prev >= 0 && (SO_CALLED.has(c.lower[prev]) || (c.lower[prev] === 'called' && c.lower[prev - 1] === 'so'))) return true;
  // a nickname between a first and a last name
  const capBefore = isCap(c, prev) || (c.lower[prev] === '.' && /^\p{Lu}$/u.test(c.tokens[prev - 1]?.text ?? '')); // "Robert C. “Bobby” Scott"
  if (words <= 2 && capBefore && isCap(c, after) && !/[,.!?]$/.test(content) && prev > c.sentenceStart[c.sent[open]]) return true;
  if (words <= 6 && namedBefore(c, open)) return true;
  // a title-cased phrase: the name of a work, a campaign, an organisation
  // a programme or publication: "on CNN's “State of the Union.”", "appeared on “Fox and Friends.”"
  const title = titleCase(content);
  if (title && words >= 2 && !/[?!]$/.test(content) && (isPossessive(c, prev) || /^(?:on|in)$/.test(c.lower[prev]))) return true;
  if (title && !/[,.!?:;]$/.test(content)) {
    // "his “Iron Curtain” speech", "the film “Titanic”", "ABC's “This Week”"
    if (WORK_NOUNS.has(c.lower[after]) || WORK_NOUNS.has(c.lower[prev]) || words >= 2) return true;
  }
  return false;
}

/** "commonly called “…”", "dubbed Cuba's “…”", "known as “…”", "a program called “…”" */
function namedBefore(c: Context, open: number): boolean {
  let k = open - 1;
  // step over an article and a possessor: "dubbed Cuba's “boy hero”", "called a “ruffian”"
  while (k >= 0 && /^(?:a|an|the)$/.test(c.lower[k])) k--;
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
  if (w === ',' || NAMING_ADVERBS.has(w) || /^(?:is|was|are|were|be|been|being)$/.test(w)) return true;
  // "a new program called “…”": a common noun names; a subject ("he called", "Obama called") speaks
  return !isCap(c, p) && !PRONOUNS.has(w) && /^\p{L}/u.test(w) && !/^(?:and|who|which|that|what)$/.test(w) && !/(?:ly)$/.test(w);
}

const SMALL = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'for', 'in', 'on', 'to', 'with', 'at', 'by', 'de', 'la', 'von', 'van', '&']);

/**
 * Every word capitalized but the small ones: a title or a name. Words are the runs of non-space holding a letter; the
 * first lower-case word ends the scan (a quoted sentence is rarely title-cased, and used to be split whole first).
 */
export function titleCase(s: string): boolean {
  const runs = /\S+/g;
  let n = 0;
  for (let m = runs.exec(s); m !== null; m = runs.exec(s)) {
    const w = m[0];
    if (!/\p{L}/u.test(w)) continue;
    if (!/^[\p{Lu}\d]/u.test(w) && !(n > 0 && SMALL.has(w.toLowerCase()))) return false;
    n++;
  }
  return n > 0;
}

/** The runs of non-space holding a letter or a digit. */
export function wordCount(s: string): number {
  const runs = /\S+/g;
  let n = 0;
  for (let m = runs.exec(s); m !== null; m = runs.exec(s)) if (/[\p{L}\p{N}]/u.test(m[0])) n++;
  return n;
}

/**
 * Quote marks with no cue in reach still quote someone when they hold whole sentences of speech: they open a
 * sentence (or follow a colon or comma), start with a capital and run over a few words, or ask or exclaim.
 */
export function speechLike(c: Context, q: QuoteSpan, open: number): boolean {
  const content = c.text.slice(q.start, q.end);
  const words = wordCount(content);
  if (titleCase(content)) return false;
  if (!/^[\p{Lu}\d(.…]/u.test(content)) return false;
  if (!(words >= 3 || (words >= 1 && /[?!]$/.test(content)))) return false;
  const sentenceStart = c.sentenceStart[c.sent[open]];
  let k = open - 1;
  while (k >= sentenceStart && isMark(c, k)) k--;
  return k < sentenceStart || c.lower[k] === ':' || c.lower[k] === ',' || c.lower[k] === '.';
}
