/**
 * Word starts: where a rule may begin.
 *
 * Most rules open with \b and one of a few words ("the", "last", a month name, a digit…), but a global regex tries its
 * whole alternation at every offset of the text. One pass over the text instead finds every word start and keys it by
 * its first three letters; a rule that declares the words it may begin with (`Rule.starts`) is then tried, anchored
 * (sticky), only at the word starts whose key is one of theirs. A start may also be two words ("the weekend"): then
 * the key of the word after the first, past white space, must match too, which keeps a common first word ("the")
 * from sending every rule that may begin with it to each of its places. Keys are prefixes, so they may let through a
 * word a rule cannot begin with ("there" for "the"), never the other way: the matches are the same as a global scan's.
 */

/** Keys are three letters, each a-z as 1-26 or 0 past the word's end; 0 (no first letter) stands for a digit or '_'. */
const KEYS = 27 * 27 * 27;
const DIGIT_KEY = 0;
/** The key after a first word that white space and a word do not follow. */
const NO_WORD = KEYS;
/** The word a rule may begin with when it may begin with a digit. */
export const DIGIT = '#';

/** Letter index (1-26) of each ASCII code, 0 for the rest; and which ASCII codes are \w (the rules have no 'u' flag). */
const LETTER = new Uint8Array(128);
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) LETTER[c] = c - 64;
  else if (c >= 97 && c <= 122) LETTER[c] = c - 96;
  WORD[c] = LETTER[c] || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
}
/** \s as the rules read it (without the 'u' flag), for the characters past ASCII. */
const SPACE = /\s/;

const letterAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i); // NaN past the end: not a letter
  return c < 128 ? LETTER[c] : 0;
};
const isWord = (c: number): boolean => c < 128 && WORD[c] === 1;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(String.fromCharCode(c)));

/** The key of the word at `at` (first letters, case folded, up to three; DIGIT_KEY for a digit or '_'). */
function keyAt(s: string, at: number): number {
  const a = letterAt(s, at);
  if (!a) return DIGIT_KEY;
  const b = letterAt(s, at + 1);
  if (!b) return a * 729;
  return a * 729 + b * 27 + letterAt(s, at + 2);
}

/** The key of the word after the one at `at`: past the rest of that word and white space (NO_WORD if none follows). */
function nextKeyAt(s: string, at: number): number {
  let i = at + 1;
  while (isWord(s.charCodeAt(i))) i++;
  const space = i;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i > space && isWord(s.charCodeAt(i)) ? keyAt(s, i) : NO_WORD;
}

/** The key of a start word (DIGIT, "the", "year-earlier", "new year's day"): of its leading letters, as in a text. */
function wordKey(word: string): number {
  if (word === DIGIT || (word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57)) return DIGIT_KEY;
  if (!letterAt(word, 0)) throw new Error(`times: a start word must begin with a letter or a digit: "${word}"`);
  return keyAt(word, 0);
}
const LETTERS_SPACE = /^[a-z]+ /i;

/**
 * The word starts of one text that some rule may begin at, with the rules (one bit each, at most 32) that may begin
 * there. The offsets live in buffers kept from text to text (findTimes is not re-entered while they are read).
 */
export class StartIndex {
  /** per key, the rules that may begin with a word of that key */
  private readonly first = new Uint32Array(KEYS);
  /** per key of a first word, whether some rule's start is two words beginning with it; and those rules per pair of keys */
  private readonly leads = new Uint8Array(KEYS);
  private readonly pairs = new Map<number, number>();
  at = new Int32Array(512);
  rules = new Uint32Array(512);
  count = 0;

  /**
   * `starts[i]` is rule i's start words (bit 1 << i), or undefined for a rule left to a global scan. A start of several
   * words ("the first half", "a few") stands for its first two when its first is letters and a space (in the rule, a
   * run of white space), else for its first word ("valentine's day").
   */
  constructor(starts: readonly (readonly string[] | undefined)[]) {
    if (starts.length > 32) throw new Error('times: at most 32 rules can have start words');
    starts.forEach((words, i) => {
      for (const w of words ?? []) {
        const key = wordKey(w);
        if (!LETTERS_SPACE.test(w)) { this.first[key] |= 1 << i; continue; }
        const pair = key * (KEYS + 1) + wordKey(w.slice(w.indexOf(' ') + 1));
        this.leads[key] = 1;
        this.pairs.set(pair, (this.pairs.get(pair) ?? 0) | (1 << i));
      }
    });
  }

  /** Finds the word starts of `text` (a word character after a non-word character or the text's start). */
  scan(text: string): void {
    const first = this.first, leads = this.leads;
    let n = 0, inWord = false;
    for (let i = 0; i < text.length; i++) {
      const word = isWord(text.charCodeAt(i));
      if (word && !inWord) {
        const key = keyAt(text, i);
        let rules = first[key];
        if (leads[key] === 1) rules |= this.pairs.get(key * (KEYS + 1) + nextKeyAt(text, i)) ?? 0;
        if (rules !== 0) {
          if (n === this.at.length) this.grow();
          this.at[n] = i;
          this.rules[n++] = rules;
        }
      }
      inWord = word;
    }
    this.count = n;
  }

  private grow(): void {
    const at = new Int32Array(this.at.length * 2), rules = new Uint32Array(this.at.length * 2);
    at.set(this.at);
    rules.set(this.rules);
    this.at = at;
    this.rules = rules;
  }
}

/** Start words for a rule whose match may open with "the" before any of `words` ("(?:the )?(?:early|late)"). */
export const maybeThe = (words: readonly string[]): string[] => [...words, ...words.map((w) => `the ${w}`)];
