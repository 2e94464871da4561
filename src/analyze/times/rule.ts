import type { TimeType } from '../schema.js';
import type { Ymd } from './calendar.js';
import type { Dir } from './tense.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const SPACE = /\s/;
const WORD_CHAR_BEFORE = /[\p{L}\p{N}'’$%-]/u;
const WORD_CHAR_AFTER = /[\p{L}\p{N}'’%-]/u;

/** What a rule makes of one match, before overlaps are settled and references resolved. */
export interface Found {
  type: TimeType;
  value: string;
  unresolved?: boolean;
  /** a span inside the match to keep (defaults to the `x` group, else the whole match) */
  start?: number;
  end?: number;
  /** resolved later against the discourse: "a year earlier", "the quarter", "two days later" */
  ref?: { kind: 'yearBefore' | 'quarter' | 'dayAfter' | 'shift'; n: number; gran?: 'D' | 'W' | 'M' | 'Y' | 'Q'; year?: number; dow?: number };
  /** a clock time that may join a date that follows it ("10 p.m. Wednesday") */
  clock?: string;
  /** higher wins between candidates of equal length */
  priority?: number;
}

export interface Ctx {
  readonly text: string;
  readonly anchor: Ymd | null;
  /** tense direction of the clause around [start, end) */
  dir(start: number, end: number): Dir;
}

export interface Rule {
  name: string;
  re: RegExp;
  /**
   * a cheap test every match needs (a word it must contain): the rule is skipped on a text without it. Only worth it
   * when much cheaper than the rule: a case-insensitive alternation of words is tried at every offset as the rule is.
   * A rule with start words rarely gains from one (the test scans the whole text; the tries at its starts are few)
   */
  pre?: RegExp;
  /**
   * the words every match begins with (lower case; DIGIT for a digit; a phrase stands for its first word): the rule is
   * tried only where a word with the same first three letters begins (see starts.ts). Only for a rule whose every
   * match begins at a word start (\b and a word character); a rule without it is scanned at every offset
   */
  starts?: readonly string[];
  build(m: RegExpExecArray, ctx: Ctx): Found | null;
}

/**
 * Rules whose every match begins with a word character open with \b before their lookbehind (\b(?<![\w-])): the same
 * matches, as the lookbehind already rules out a word character before the match, but the engine rejects the offsets
 * inside words on \b before it tries the lookbehind and the alternatives (10-25% faster scans). A rule whose match
 * may begin otherwise ("'90s", "12/3/2004" after a letter) keeps the lookbehind alone.
 *
 * Builds a global regex with match indices (case-insensitive unless told; see matchSpan for the rules without indices); one space in the source means any run of
 * whitespace, outside character classes. No 'u' flag: the rules use no Unicode properties, and the engine is faster without.
 */
export function rx(source: string, flags = 'gid'): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { out += c + source[++i]; continue; }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c === ' ' && !inClass ? '\\s+' : c === ' ' ? '\\s' : c;
  }
  return new RegExp(out, flags);
}

/**
 * A rule's `x` group, [start, end], for the rules built without match indices: every rule's x group is its whole match
 * (what stands around it is lookaround) but for the-year's, and the 'd' flag doubles what a match allocates (an array
 * of offsets per group), so only the rules that read another group's offsets (or the-year) keep it.
 */
export const matchSpan = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

/** The word just before offset `at` (lower-cased), or ''. */
export function wordBefore(text: string, at: number): string {
  let e = at;
  while (e > 0 && SPACE.test(text[e - 1])) e--;
  let s = e;
  while (s > 0 && WORD_CHAR_BEFORE.test(text[s - 1])) s--;
  return text.slice(s, e).toLowerCase();
}

/** The word just after offset `at` (lower-cased), or ''. */
export function wordAfter(text: string, at: number): string {
  let s = at;
  while (s < text.length && SPACE.test(text[s])) s++;
  let e = s;
  while (e < text.length && WORD_CHAR_AFTER.test(text[e])) e++;
  return text.slice(s, e).toLowerCase();
}

export const isCap = (s: string): boolean => s.length > 0 && s[0] !== s[0].toLowerCase();
