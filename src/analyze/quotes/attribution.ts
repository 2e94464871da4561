import { CLAUSE_OPENERS, CUE_VERBS, DETERMINERS, PARTICIPLES, SKIP_BEFORE_VERB } from './lexicon.js';
import { type Context, ED_ING_END, isCap, isInitialDot, isMark, npRight, npWord, sameSentence, SUBJECT_PRONOUN, verbLike } from './context.js';

// regular expressions are made once, here: a literal in a function is a new RegExp object each time it runs
const ASKING_VERB = /^(?:say|tell|add|urge|warn|ask)$/;
const LY_END = /ly$/;
const TIME_PREPOSITION = /^(?:in|on|at|during|since|last|this|next|early|late)$/;
const WHO_WHICH = /^(?:who|which)$/;
const PARTY_STATE = /^[A-Z]-[A-Z][a-z]*\.?$/;
const LETTER = /\p{L}/u;
const AFTER_NAME = /^(?:,|\.|who|$)/;
const DASH = /^(?:―|—|–|--)$/;
const AFTER_SUBJECT = /^[.,(]$/;

/** Token ranges [start, end) of the cue and of the subject noun phrase that says the quote. */
export interface Attribution {
  cue: [number, number] | null;
  subject: [number, number] | null;
  /** where the cue stands: right after the quote, before it, at the end of its sentence, a colon, or none */
  how: 'after' | 'before' | 'final' | 'colon';
  /** tokens between the cue and the quote */
  distance: number;
}

const PREPOSITIONS = new Set(['in', 'at', 'on', 'through', 'across', 'into', 'from', 'with', 'near', 'under', 'over', 'around', 'during', 'outside', 'inside', 'behind', 'toward', 'towards', 'against', 'among', 'between', 'to']);
const LEADING = new Set(['then', 'but', 'and', 'so', 'also', 'now', 'still', 'yet', 'meanwhile', 'however', 'indeed', 'finally', 'later', 'earlier', 'instead', 'thus', 'separately', 'similarly', 'likewise']);
const TIME_NOUNS = new Set(['time', 'times', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'ago', 'once', 'twice', 'occasions']);
const BE = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be']);
const NOUN_BEFORE_CUE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'these', 'those', 'despite', 'amid', 'of', 'to', 'new', 'many', 'repeated']);

/** A cue verb at token i, used as a verb; returns the end of the cue phrase, or 0. */
export function cueAt(c: Context, i: number): number {
  const w = c.lower[i];
  if (w === undefined || c.quoted[i] || !CUE_VERBS.has(w)) return 0;
  if (w === 'according') return c.lower[i + 1] === 'to' ? i + 2 : 0;
  const prev = c.lower[i - 1];
  if (prev !== undefined && sameSentence(c, i - 1, i) && NOUN_BEFORE_CUE.has(prev)) {
    if (!(prev === 'to' && ASKING_VERB.test(w))) return 0; // "despite calls for", "the notes"
  }
  if (isCap(c, i) && i !== c.sentenceStart[c.sent[i]]) return 0; // "Said" as a name
  if ((w === 'called' || w === 'calling' || w === 'calls') && c.lower[i + 1] === 'for') return i + 2;
  return i + 1;
}

/** Skips adverbs, auxiliaries and time words leftwards from token i; returns the new index. */
function skipLeft(c: Context, i: number, floor: number): number {
  for (;;) {
    while (i >= floor && (SKIP_BEFORE_VERB.has(c.lower[i]) || (LY_END.test(c.lower[i]) && !isCap(c, i)))) i--;
    // "who in 2010 said", "on Monday said", "last week said"
    if (i - 1 >= floor && TIME_HEADS.test(c.lower[i]) && TIME_PREPOSITION.test(c.lower[i - 1])) { i -= 2; continue; }
    return i;
  }
}
const TIME_HEADS = /^(?:\d{4}|week|weekend|month|year|night|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** The noun phrase that ends at token i (inclusive), read leftwards, stepping over appositions and relative clauses. */
export function npLeft(c: Context, i: number, floor: number, depth = 0, pp = true): [number, number] | null {
  i = skipLeft(c, i, floor);
  if (i < floor) return null;
  if (c.lower[i] === ')') {
    // "Rep. Jason Chaffetz (R-Utah) said"
    let k = i - 1;
    while (k >= floor && k > i - 12 && c.lower[k] !== '(') k--;
    if (k >= floor && c.lower[k] === '(') i = skipLeft(c, k - 1, floor);
    if (i < floor) return null;
  }
  if (WHO_WHICH.test(c.lower[i]) && c.lower[i - 1] === ',') i -= 1; // "X, a professor, who stated"
  if (c.lower[i] === ',' || c.lower[i] === '--' || c.lower[i] === '—') {
    // "Burton, the committee's chairman, said"; "Mr. Perlman, who is …, said"; "Slepian's lawyer, Glenn Murray, said"
    let k = i - 1;
    while (k >= floor && k > i - 30 && c.lower[k] !== ',' && c.lower[k] !== '--' && c.lower[k] !== '—' && !isMark(c, k)) k--;
    if (k < floor || c.lower[k] !== c.lower[i]) return null;
    const inner = k + 1;
    const before = npLeft(c, k - 1, floor, depth + 1, false);
    // "Mitch McConnell, R-Ky., said": a party and state is no name
    const tag = i - inner <= 2 && PARTY_STATE.test(c.tokens[inner].text);
    const innerIsName = !tag && isCap(c, inner) && !DETERMINERS.has(c.lower[inner]) && npRun(c, inner, i) === i;
    if (innerIsName) return [inner, i];
    // a chain of appositions: "Jose Basulto, founder of Brothers to the Rescue, a Cuban exile group …, called"
    if (before && depth < 3 && !(isCap(c, before[0]) && !DETERMINERS.has(c.lower[before[0]]))) {
      let m = before[0] - 1;
      while (m >= floor && m > before[0] - 10 && c.lower[m] !== ',' && !isMark(c, m) && c.lower[m] !== '.') m--;
      const outer = m >= floor && c.lower[m] === ',' ? npLeft(c, m - 1, floor, depth + 1, false) : null;
      if (outer && isCap(c, outer[0]) && !DETERMINERS.has(c.lower[outer[0]])) return outer;
    }
    return before;
  }
  if (SUBJECT_PRONOUN.test(c.lower[i])) return [i, i + 1];
  const end = i + 1;
  let j = i;
  while (j >= floor && end - j < 12) {
    const w = c.lower[j];
    if (w === 'of' || w === 'for') { if (j - 1 >= floor && npWord(c, j - 1)) { j--; continue; } break; }
    // "the Project on Government Oversight", "Australians for a Constitutional Monarchy"
    if ((w === 'on' || w === 'in' || w === 'at') && isCap(c, j - 1) && isCap(c, j + 1) && j < i) { j--; continue; }
    if (!npWord(c, j)) break;
    // a lower-case verb ends the phrase ("the company has", "experts say")
    if (j < i && verbLike(c, j) && !isCap(c, j)) break;
    j--;
  }
  let start = j + 1;
  while (start < end - 1 && LEADING.has(c.lower[start])) start++;
  if (start >= end) return null;
  // the phrase must hold a noun-like word; a bare determiner or number is no subject
  if (!holdsNoun(c, start, end)) return null;
  // the object of a preposition is no subject: "Protesters marching through the streets chanted"
  if (pp && depth < 2 && PREPOSITIONS.has(c.lower[start - 1])) {
    let k = start - 2;
    while (k >= floor && ED_ING_END.test(c.lower[k]) && !isCap(c, k)) k--;
    const outer = k < start - 2 || PREPOSITIONS.has(c.lower[start - 1]) ? npLeft(c, k, floor, depth + 1) : null;
    if (outer) return outer;
  }
  return [start, end];
}

/** Whether tokens [start, end) hold a word with a letter that is no determiner (read in place, not on a copy). */
function holdsNoun(c: Context, start: number, end: number): boolean {
  for (let k = start, to = Math.min(end, c.lower.length); k < to; k++) if (LETTER.test(c.lower[k]) && !DETERMINERS.has(c.lower[k])) return true;
  return false;
}

function npRun(c: Context, from: number, to: number): number {
  let j = from;
  while (j < to && (npWord(c, j) || c.lower[j] === 'of')) j++;
  return j;
}

/** "his daughter, Rosa, who said": the name in apposition to a description. */
function withName(c: Context, np: [number, number]): [number, number] {
  if (isCap(c, np[0]) && !DETERMINERS.has(c.lower[np[0]])) return np;
  if (c.lower[np[1]] !== ',' || !isCap(c, np[1] + 1)) return np;
  const name = npRight(c, np[1] + 1, sentenceEnd(c, np[1] + 1));
  if (name && !DETERMINERS.has(c.lower[name[0]]) && AFTER_NAME.test(c.lower[name[1]] ?? '')) return name;
  return np;
}

/** The subject of the sentence of token i: the first noun phrase after any opening adverbial clause. */
export function mainSubject(c: Context, i: number): [number, number] | null {
  let k = c.sentenceStart[c.sent[i]];
  while (k < i && (isMark(c, k) || c.quoted[k])) k++;
  // step over opening adverbial clauses, a comma at a time: "Following a swiftly called, late-afternoon meeting, the Council …"
  for (let tries = 0; tries < 3 && k < i; tries++) {
    const opener = CLAUSE_OPENERS.has(c.lower[k]) || (ED_ING_END.test(c.lower[k]) && c.lower[k + 1] !== 'of');
    if (!opener) {
      const np = npRight(c, k, i);
      if (np) return np;
    }
    let depth = 0;
    let j = k;
    for (; j < i; j++) {
      if (c.lower[j] === '(') depth++;
      else if (c.lower[j] === ')') depth--;
      else if (c.lower[j] === ',' && depth === 0 && !c.quoted[j]) break;
    }
    k = j + 1;
  }
  return null;
}

/** An epigraph's attribution: "“…” ― Steve Quinlan." */
export function attributionDash(c: Context, after: number): Attribution | null {
  if (!DASH.test(c.lower[after] ?? '') || !isCap(c, after + 1)) return null;
  const np = npRight(c, after + 1, sentenceEnd(c, after + 1));
  return np && (np[1] >= c.tokens.length || AFTER_SUBJECT.test(c.lower[np[1]]) || c.tokens[np[1]].start > c.tokens[np[1] - 1].end + 1 || !sameSentence(c, np[1] - 1, np[1])) ? { cue: null, subject: np, how: 'after', distance: 1 } : null;
}

/** The cue right after a quote that closes at token `after` (", Kavan said", "said Mr. Price", "he was quoted as saying"). */
export function attributionAfter(c: Context, after: number): Attribution | null {
  // the splitter may end a sentence after a quoted question ("“What right …?” Gonzalez said")
  let last = after - 1;
  while (last > 0 && isMark(c, last)) last--;
  if (!sameSentence(c, after - 1, after) && c.lower[last] !== '?' && c.lower[last] !== '!') return null;
  let j = after;
  if (c.lower[j] === ',') j++;
  if (j >= c.tokens.length || !sameSentence(c, after, j)) return null;
  const cueEnd = cueAt(c, j);
  if (cueEnd) {
    // inverted: "said a U.S. Embassy official", "added Mr. Archuleta"
    const np = npRight(c, cueEnd, sentenceEnd(c, j));
    if (np && c.lower[np[0]] !== 'that') return { cue: [j, cueEnd], subject: withName(c, np), how: 'after', distance: j - after };
  }
  for (let k = j; k < j + 25 && k < c.tokens.length && sameSentence(c, j, k); k++) {
    // a nickname inside the speaker's name: Del. Marcia "Cia" Price
    if (isMark(c, k) && isCap(c, k - 1) && isCap(c, k + 1) && isMark(c, k + 2) && isCap(c, k + 3)) { k += 2; continue; }
    if (isMark(c, k) || (c.lower[k] === '.' && !isInitialDot(c, k)) || c.lower[k] === ';') return null;
    const end = cueAt(c, k);
    if (!end) continue;
    const cue: [number, number] = c.lower[k] === 'saying' && c.lower[k - 1] === 'as' && c.lower[k - 2] === 'quoted' ? [k - 2, k + 1] : [k, end];
    const subject = npLeft(c, cue[0] - 1, j);
    return subject && subject[0] === j ? { cue, subject, how: 'after', distance: k - after } : null;
  }
  return null;
}

/** ", Castro said." or ", a U.S. official said." closing the sentence in which the quote stands. */
export function attributionFinal(c: Context, after: number): Attribution | null {
  if (!sameSentence(c, after - 1, after)) return null;
  const end = sentenceEnd(c, after);
  for (let k = end - 1; k >= after && k > end - 10; k--) {
    if (isMark(c, k)) return null;
    const cueEnd = cueAt(c, k);
    if (!cueEnd) continue;
    // the cue must stand in a clause opened by a comma
    const np = npLeft(c, k - 1, after);
    if (np && c.lower[np[0] - 1] === ',') return { cue: [k, cueEnd], subject: np, how: 'final', distance: k - after };
    const inv = c.lower[k - 1] === ',' ? npRight(c, cueEnd, end) : null;
    if (inv) return { cue: [k, cueEnd], subject: inv, how: 'final', distance: k - after };
    return null;
  }
  return null;
}

/** The nearest cue before a quote that opens at token `open`, in the same sentence, and its subject. */
export function attributionBefore(c: Context, open: number, maxDistance: number): Attribution | null {
  const floor = c.sentenceStart[c.sent[open]];
  let distance = 0;
  for (let k = open - 1; k >= floor && distance <= maxDistance; k--) {
    const w = c.lower[k];
    if (w === '--' || w === '—') {
      // step over a parenthetical "-- who reportedly drove a taxi --"
      let m = k - 1;
      while (m >= floor && c.lower[m] !== w) m--;
      if (m >= floor) { k = m; continue; }
    }
    if (!c.quoted[k]) distance++;
    const end = cueAt(c, k);
    if (!end) continue;
    let cue: [number, number] = [k, end];
    if (w === 'saying' && c.lower[k - 1] === 'as' && c.lower[k - 2] === 'quoted') cue = [k - 2, k + 1];
    const subject = subjectOfCue(c, cue, open, floor);
    if (subject === undefined) continue; // "being asked to …": someone else's cue
    return { cue, subject, how: 'before', distance };
  }
  return null;
}

/** The subject of a cue that stands before its quote. */
function subjectOfCue(c: Context, cue: [number, number], open: number, floor: number): [number, number] | null | undefined {
  const w = c.lower[cue[0]];
  if (w === 'according') return npRight(c, cue[1], open);
  const prevIndex = skipLeft(c, cue[0] - 1, floor);
  const prev = c.lower[prevIndex];
  // passive with an agent: "praised by Jobs as …"
  if (prev !== undefined && BE.has(prev) && c.lower[cue[0]] !== 'quoted') {
    for (let k = cue[1]; k < open; k++) if (c.lower[k] === 'by') return npRight(c, k + 1, open);
    if (!PARTICIPLES.has(w)) return undefined;
  }
  if (PARTICIPLES.has(w) && !(prev !== undefined && BE.has(prev))) {
    // "with UBS analyst David Strauss saying …": the phrase before the participle
    const own = npLeft(c, cue[0] - 1, floor, 0, false);
    if (own && c.lower[own[0] - 1] === 'with') return own;
    // ", calling it …": the subject of the main clause; a sentence that opens with the participle has its subject later
    return cue[0] === floor ? null : mainSubject(c, cue[0]);
  }
  if (prev === 'and' || prev === 'but') return mainSubject(c, cue[0]);
  const np = npLeft(c, cue[0] - 1, floor);
  // "and several times described": a time phrase, not a subject
  if (np && TIME_NOUNS.has(c.lower[np[1] - 1])) {
    const before = c.lower[skipLeft(c, np[0] - 1, floor)];
    return before === 'and' || before === 'but' || before === ',' ? mainSubject(c, cue[0]) : npLeft(c, np[0] - 1, floor);
  }
  if (np) return np;
  // inverted before the quote: "Replied State Department spokesman Richard Boucher, “…”"
  const inv = npRight(c, cue[1], open);
  if (inv && (c.lower[inv[1]] === ',' || c.lower[inv[1]] === ':')) return inv;
  return mainSubject(c, cue[0]);
}

/** "Secretary of the Air Force James Roche: “…”" */
export function attributionColon(c: Context, open: number): Attribution | null {
  if (c.lower[open - 1] !== ':') return null;
  const floor = Math.max(0, open - 14);
  const np = npLeft(c, open - 2, floor);
  if (!np || !isCap(c, np[0])) return null;
  return { cue: null, subject: np, how: 'colon', distance: 1 };
}

export function sentenceEnd(c: Context, i: number): number {
  let j = i;
  while (j < c.tokens.length && c.sent[j] === c.sent[i]) j++;
  return j;
}

