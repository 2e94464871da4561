import type { Mention, Token } from '../document.js';
import type { Sentence, TextSpan } from '../schema.js';
import { lexicon, matchAt, type Lexicon, type Phrase } from '../lexicon/index.js';
import { lowerWords } from '../tokens/lower.js';

/**
 * Finds the mentions of a document: names (from the NER tags and the lexicons), titles and role descriptions,
 * demonyms and pronouns, and attaches titles, countries and roles to the names they introduce.
 */

const PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'himself', 'herself']);
/** PRONOUNS.has(w) of a lower-case word, asked of its first letter first (every token is asked). */
const isPronoun = (w: string): boolean => (w.charCodeAt(0) === 104 /* h */ || w.charCodeAt(0) === 115 /* s */) && PRONOUNS.has(w);
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'inside', 'across', 'around', 'into', 'toward', 'towards', 'visited', 'visiting', 'via', 'through', 'reached', 'arrived', 'left', 'leaving', 'landed']);
const RELATION_NOUNS = new Set(['predecessor', 'successor', 'counterpart', 'counterparts']);
/** RELATION_NOUNS.has(w) of a lower-case word, asked only of words as long as the shortest of them (every token is asked). */
const isRelationNoun = (w: string): boolean => w.length >= 9 && RELATION_NOUNS.has(w);
const ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

interface NerSpan { start: number; end: number; type: string }

const NAME_PARTICLES = new Set(['de', 'da', 'di', 'do', 'dos', 'van', 'von', 'der', 'den', 'bin', 'bint', 'ibn', 'al', 'el', 'la', 'le', 'du', 'del', 'della', 'ter', 'y']);
const ORG_JOINERS = new Set(['of', 'and', 'the', 'for', '&', 'on', 'de', 'du', 'des', 'in', 'es', 'upon', 'sur', 'am', 'an', ...NAME_PARTICLES]);

// regular expressions are made once, here and below: a literal in a function is a new RegExp object each time it runs
const LOWER_CASE = /^\p{Ll}/u;
/** "al-Assad", "bin-Salman" */
const LOWER_PREFIXED_NAME = /^\p{Ll}+-\p{Lu}/u;

/**
 * A tagged span never runs across an ordinary lower-case word ("Lee met Xi" is two names): split it there,
 * keeping name particles ("Ursula von der Leyen") and the joiners of organisation names ("Bank of England").
 */
function splitSpan(words: readonly string[], from: number, to: number, type: string, out: NerSpan[]): void {
  const keep = type === 'PER' ? NAME_PARTICLES : ORG_JOINERS;
  let start = from;
  for (let i = from; i < to; i++) {
    const w = words[i];
    if (LOWER_CASE.test(w) && !keep.has(w) && !LOWER_PREFIXED_NAME.test(w)) {
      if (i > start) out.push({ start, end: i, type });
      start = i + 1;
    }
  }
  if (to > start) out.push({ start, end: to, type });
}

/** BIO tags to token spans; given the words, split as splitSpan does. */
export function nerSpans(tags: readonly string[], from: number, to: number, words?: readonly string[]): NerSpan[] {
  const out: NerSpan[] = [];
  appendNerSpans(tags, from, to, words, out);
  return out;
}

/** Appends nerSpans(tags, from, to, words) to `out`: each span made once, as it closes. */
function appendNerSpans(tags: readonly string[], from: number, to: number, words: readonly string[] | undefined, out: NerSpan[]): void {
  let start = -1; // the open span's first token, -1 when none is open
  let type = '';
  for (let i = from; i < to; i++) {
    const t = tags[i];
    if (t === 'O' || !t) { if (start >= 0) closeSpan(words, start, i, type, out); start = -1; continue; }
    const tagged = typeOfTag(t);
    if (t.startsWith('B-') || start < 0 || type !== tagged) { if (start >= 0) closeSpan(words, start, i, type, out); start = i; type = tagged; }
  }
  if (start >= 0) closeSpan(words, start, to, type, out);
}

function closeSpan(words: readonly string[] | undefined, start: number, end: number, type: string, out: NerSpan[]): void {
  if (words) splitSpan(words, start, end, type, out);
  else out.push({ start, end, type });
}

const TAG_TYPES = new Map<string, string>();
/** The type of a BIO tag ("B-PER" → "PER"), one string per tag rather than a new slice per tagged token. */
function typeOfTag(tag: string): string {
  let type = TAG_TYPES.get(tag);
  if (type === undefined) TAG_TYPES.set(tag, (type = tag.slice(2)));
  return type;
}

const CAPITALIZED = /^\p{Lu}/u;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
const isCapitalized = (w: string) => CAPITALIZED.test(w);
const isNameWord = (w: string) => NAME_WORD.test(w);

/** Every piece has all fields (one shape); `used`: taken into a mention with another piece (set by buildMentions). */
interface Piece { kind: 'name' | 'demonym' | 'title' | 'pronoun' | 'agent'; start: number; end: number; type: Mention['type']; country: string | null; phrase: Phrase | null; used: boolean }

/** What the sentences of one document share while their mentions are found. */
interface Context {
  lex: Lexicon;
  text: string;
  tokens: readonly Token[];
  words: readonly string[];
  /** the words in lower case */
  lower: readonly string[];
  /** token bounds of each sentence: bounds[s] .. bounds[s + 1] */
  bounds: Int32Array;
  /** the tagged spans of all sentences in order, split at lower-case words; sentence s has spans[spanBounds[s] .. spanBounds[s + 1]] */
  spans: NerSpan[];
  spanBounds: Int32Array;
}

export function findMentions(text: string, sentences: readonly Sentence[], tokens: readonly Token[], tags: readonly string[]): Mention[] {
  const n = sentences.length;
  const words = tokens.map((t) => t.text);
  const bounds = sentenceBounds(tokens, n);
  // the tagged spans, made once for both passes
  const spans: NerSpan[] = [];
  const spanBounds = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) {
    spanBounds[s] = spans.length;
    appendNerSpans(tags, bounds[s], bounds[s + 1], words, spans);
  }
  spanBounds[n] = spans.length;
  const cx: Context = { lex: lexicon(), text, tokens, words, lower: lowerWords(tokens), bounds, spans, spanBounds };

  // first pass: the words of full person names; second pass: those words alone are that person too ("Xi" after
  // "Xi Jinping"). The first pass notes where such words would have changed its pieces (see sentencePieces), and
  // only a sentence with such a place is built again; every other keeps its mentions.
  const checks = new Uint8Array(tokens.length);
  const first: Mention[] = [];
  const firstBounds = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) {
    firstBounds[s] = first.length;
    buildMentions(cx, sentencePieces(cx, s, NO_WORDS, checks), s, first);
  }
  firstBounds[n] = first.length;
  const personWords = fullNameWords(first, words);
  if (personWords.size === 0) return ordered(first);
  let mentions = first;
  for (let s = 0; s < n; s++) {
    const changes = anyCheckIn(cx, s, checks, personWords);
    // from the first sentence that changes on, the mentions go to a new list
    if (changes && mentions === first) mentions = first.slice(0, firstBounds[s]);
    if (changes) buildMentions(cx, sentencePieces(cx, s, personWords), s, mentions);
    else if (mentions !== first) for (let k = firstBounds[s]; k < firstBounds[s + 1]; k++) mentions.push(first[k]);
  }
  return ordered(mentions);
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Token bounds of each sentence: bounds[s] .. bounds[s + 1]. */
function sentenceBounds(tokens: readonly Token[], n: number): Int32Array {
  const bounds = new Int32Array(n + 1);
  let t = 0;
  for (let s = 0; s < n; s++) {
    bounds[s] = t;
    while (t < tokens.length && tokens[t].sentence === s) t++;
  }
  bounds[n] = t;
  return bounds;
}

/** The capitalized words of the full (two or more word) person names among the mentions. */
function fullNameWords(mentions: readonly Mention[], words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || m.kind !== 'name' || m.tokenEnd - m.tokenStart < 2) continue;
    for (let k = m.tokenStart; k < m.tokenEnd; k++) if (isCapitalized(words[k])) out.add(words[k]);
  }
  return out;
}

/** Where the first pass tested a word (CHECK_WORD) or a tagged span starting at the token (CHECK_SPAN), see sentencePieces. */
const CHECK_WORD = 1, CHECK_SPAN = 2;

/** Whether person words fill the word or the whole span of one of the first pass's checks in sentence s. */
function anyCheckIn(cx: Context, s: number, checks: Uint8Array, personWords: ReadonlySet<string>): boolean {
  const { words, spans } = cx;
  let k = cx.spanBounds[s]; // the sentence's spans, walked along with the tokens
  for (let i = cx.bounds[s]; i < cx.bounds[s + 1]; i++) {
    if (checks[i] === CHECK_WORD && personWords.has(words[i])) return true;
    if (checks[i] !== CHECK_SPAN) continue;
    while (spans[k].start < i) k++;
    if (allIn(words, i, spans[k].end, personWords)) return true;
  }
  return false;
}

/** The mentions of all sentences in text order, with the possessors of relational descriptions as indexes. */
function ordered(mentions: Mention[]): Mention[] {
  mentions.sort(byPosition);
  // relational descriptions are few: their possessors are looked up one by one
  for (const m of mentions) {
    const owner = m.relation ? possessors.get(m) : undefined;
    if (m.relation && owner) {
      const k = mentions.indexOf(owner);
      m.relation.possessor = k >= 0 ? k : null;
    }
  }
  return mentions;
}

const byPosition = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end;

/**
 * The pieces of sentence s. Words of person names (personWords) change them only at a tagged span that is not a
 * person's and at an untagged word: the first pass, given none, notes in `checks` where those places are (at the
 * place's first token), for anyCheckIn to tell which sentences can come out otherwise.
 */
function sentencePieces(cx: Context, s: number, personWords: ReadonlySet<string>, checks?: Uint8Array): Piece[] {
  const { lex, words, lower, spans } = cx;
  const from = cx.bounds[s], to = cx.bounds[s + 1];
  const lastSpan = cx.spanBounds[s + 1];
  let next = cx.spanBounds[s]; // the first of the sentence's spans that does not start before token i
  const pieces: Piece[] = [];
  for (let i = from; i < to; ) {
    while (next < lastSpan && spans[next].start < i) next++;
    const span = next < lastSpan && spans[next].start === i ? spans[next] : undefined;
    const w = words[i];
    const phrase = matchAt(lex, words, i, to, undefined, lower);
    if (phrase && phrase.kind === 'title') {
      // a title in lower case is a role word; capitalized at sentence start it still is, when a name or "of" follows
      pieces.push({ kind: 'title', start: i, end: i + phrase.words.length, type: 'PERSON', country: null, phrase, used: false });
      i += phrase.words.length;
      continue;
    }
    if (phrase && phrase.kind === 'agent') {
      const prev = pieces[pieces.length - 1];
      if (prev && prev.end === i && (prev.kind === 'demonym' || (prev.kind === 'name' && prev.type === 'COUNTRY'))) {
        pieces.push({ kind: 'agent', start: i, end: i + phrase.words.length, type: 'ORGANIZATION', country: prev.country, phrase, used: false });
      }
      i += phrase.words.length;
      continue;
    }
    // a name the article already gave a person is that person, whatever the tagger says here ("He met Xi Jinping")
    if (span && span.type !== 'PER') {
      if (checks) checks[i] = CHECK_SPAN;
      if (allIn(words, span.start, span.end, personWords)) { pieces.push(namePiece(span.start, span.end, 'PERSON')); i = span.end; continue; }
    }
    const lexLen = phrase ? phrase.words.length : 0;
    if (span && (span.type === 'PER' || span.type === 'ORG') && span.end - span.start > lexLen) {
      pieces.push(nerPiece(span));
      i = span.end;
      continue;
    }
    if (phrase) {
      const kind = phrase.kind === 'demonym' ? 'demonym' : 'name';
      const type: Mention['type'] = phrase.kind === 'org' ? 'ORGANIZATION' : phrase.kind === 'place' ? 'LOCATION' : 'COUNTRY';
      pieces.push({ kind, start: i, end: i + lexLen, type, country: phrase.country, phrase, used: false });
      i += lexLen;
      continue;
    }
    if (span && span.type !== 'MISC') { pieces.push(nerPiece(span)); i = span.end; continue; }
    if (!span) {
      // (personWords holds only capitalized words: the check of this place need not ask isCapitalized)
      if (checks) checks[i] = CHECK_WORD;
      if (personWords.has(w) && isCapitalized(w)) {
        let j = i + 1;
        while (j < to && personWords.has(words[j]) && !spanStartsAt(spans, next, lastSpan, j)) j++;
        pieces.push(namePiece(i, j, 'PERSON'));
        i = j;
        continue;
      }
    }
    if (span) { i = span.end; continue; }
    if (isPronoun(lower[i])) pieces.push({ kind: 'pronoun', start: i, end: i + 1, type: 'PERSON', country: null, phrase: null, used: false });
    i++;
  }
  return pieces;
}

/** Whether one of spans[k .. end) starts at token j (spans in order). */
function spanStartsAt(spans: readonly NerSpan[], k: number, end: number, j: number): boolean {
  while (k < end && spans[k].start < j) k++;
  return k < end && spans[k].start === j;
}

function namePiece(start: number, end: number, type: Mention['type']): Piece {
  return { kind: 'name', start, end, type, country: null, phrase: null, used: false };
}

function nerPiece(span: NerSpan): Piece {
  return namePiece(span.start, span.end, span.type === 'PER' ? 'PERSON' : span.type === 'ORG' ? 'ORGANIZATION' : 'LOCATION');
}

function allIn(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (!set.has(words[k])) return false;
  return true;
}

/** Extends a title to a following run of capitalized words when the tagger found no name there. */
function nameAfter(words: readonly string[], i: number, to: number): number {
  let j = i;
  while (j < to && isNameWord(words[j]) && j - i < 4) j++;
  return j;
}

/**
 * Appends the mentions of sentence `sentence` to `out` (which may hold earlier sentences' mentions). Each mention is
 * one object literal with all its fields, in the order the JSON output has always had: start, end, text, kind, type,
 * country, role, sentence, tokenStart, tokenEnd, then the optional ones.
 */
function buildMentions(cx: Context, pieces: Piece[], sentence: number, out: Mention[]): void {
  const { lex, text, tokens, words, lower } = cx;
  const from = cx.bounds[sentence], to = cx.bounds[sentence + 1];
  const own = out.length; // out[own ..]: this sentence's mentions

  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.used || p.kind !== 'title') continue;
    // look left for modifiers, a demonym or "Country's", and an article/possessive
    let left = p.start;
    let country: string | null = null;
    let former = false;
    let qualifier: string | undefined;
    const prev = pieces[k - 1];
    for (let guard = 0; guard < 4 && left > 0; guard++) {
      const w = lower[left - 1];
      if (lex.formerModifiers.has(w)) { former = true; left--; continue; }
      if (lex.qualifiers.has(w)) { qualifier = w; left--; continue; }
      // the nationality of a title still names its country ("Chinese" in "Chinese President Xi Jinping")
      if (prev && !prev.used && prev.end === left && prev.kind === 'demonym') { country = prev.country; prev.used = true; out.push(pieceMention(text, tokens, prev, sentence)); left = prev.start; continue; }
      if (prev && !prev.used && left >= 2 && POSSESSIVE.has(words[left - 1]) && prev.end === left - 1 && prev.kind === 'name' && prev.type === 'COUNTRY') {
        country = prev.country; prev.used = true; out.push(pieceMention(text, tokens, prev, sentence)); left = prev.start; continue;
      }
      break;
    }
    const phrase = p.phrase!;
    let role = phrase.canonical;
    // title + name: "Chinese Premier Li Qiang", "impeached president Yoon Suk Yeol"
    const next = pieces[k + 1];
    let nameEnd = -1;
    let namePiece: Piece | null = null;
    if (next && next.start === p.end && next.kind === 'name' && next.type === 'PERSON') { namePiece = next; nameEnd = next.end; }
    else if (next && next.start === p.end && next.kind === 'name' && next.type !== 'COUNTRY' && isCapitalized(words[p.end])) { namePiece = next; nameEnd = next.end; }
    else if (isCapitalized(words[p.start]) || isCapitalized(words[p.end] ?? '')) {
      // the tagger saw no name here: only a run of two or more capitalized words is taken as one ("President Lee Jae Myung")
      const j = nameAfter(words, p.end, to);
      if (j - p.end >= 2 && !(next && next.start < j)) nameEnd = j;
    }
    if (nameEnd > p.end && (isCapitalized(words[p.start]) || country || qualifier || former || isCapitalized(words[p.end]))) {
      if (namePiece) namePiece.used = true;
      p.used = true;
      // strip honorifics inside the name ("Mr.")
      let ns = p.end;
      while (ns < nameEnd - 1 && lex.honorifics.has(words[ns])) ns++;
      out.push({
        start: tokens[ns].start, end: tokens[nameEnd - 1].end, text: textOf(text, tokens, ns, nameEnd),
        kind: 'name', type: 'PERSON', country, role: roleText(role, former, qualifier), sentence, tokenStart: ns, tokenEnd: nameEnd,
        full: spanOf(text, tokens, left, nameEnd), leader: phrase.leader, former, qualifier,
      });
      continue;
    }
    // a role description: "the Chinese leader", "the president", "Israel's prime minister"
    const det = left > 0 ? lower[left - 1] : '';
    if (ARTICLES.has(det) || country) {
      p.used = true;
      const start = ARTICLES.has(det) ? left - 1 : left;
      out.push({
        start: tokens[start].start, end: tokens[p.end - 1].end, text: textOf(text, tokens, start, p.end),
        kind: 'title', type: 'PERSON', country, role: roleText(role, former, qualifier), sentence, tokenStart: start, tokenEnd: p.end,
        leader: phrase.leader, former, qualifier, generic: det === 'a' || det === 'an',
      });
    }
  }

  // "Israeli commandos", "Chinese officials": a country's people or institutions, an actor with that country
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k], prev = pieces[k - 1];
    if (p.kind !== 'agent' || prev.used) continue;
    p.used = true;
    out.push({
      start: tokens[prev.start].start, end: tokens[p.end - 1].end, text: textOf(text, tokens, prev.start, p.end),
      kind: 'title', type: 'ORGANIZATION', country: p.country, role: null, sentence, tokenStart: prev.start, tokenEnd: p.end, generic: true,
    });
  }
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.used || p.kind === 'title' || p.kind === 'agent') continue;
    // (a bare demonym names the country: its piece has the type COUNTRY; "South Korean leader", "his Turkish
    // counterpart" were handled with titles)
    if (p.kind === 'pronoun' || p.kind === 'demonym') { out.push(pieceMention(text, tokens, p, sentence)); continue; }
    if (p.phrase?.kind === 'seat' || p.phrase?.kind === 'country') {
      const before = p.start > 0 && tokens[p.start - 1].sentence === sentence ? lower[p.start - 1] : '';
      const locative = LOCATIVE.has(before);
      out.push(placeMention(text, tokens, p, sentence, p.phrase.kind === 'seat' && locative ? 'LOCATION' : 'COUNTRY', locative));
      continue;
    }
    // honorific before a person's name: "Mr. Netanyahu"
    if (p.type === 'PERSON' && p.start > 0 && lex.honorifics.has(words[p.start - 1])) out.push(honorificMention(text, tokens, p, sentence));
    else out.push(pieceMention(text, tokens, p, sentence));
  }

  // relational descriptions: "Lee's predecessor", "his predecessor", "his Turkish counterpart"
  for (let i = from; i < to; i++) if (isRelationNoun(lower[i])) addRelation(cx, sentence, i, out);

  // a coordinated title shares the nationality of the first: "Chinese Premier Li Qiang and parliament chairman Zhao Leji"
  let a: Mention | null = null; // the titled name before b
  for (let k = own; k < out.length; k++) {
    const b = out[k];
    if (!b.full || b.kind !== 'name') continue;
    if (a && !b.country && a.country && b.full.start > a.end && COORDINATION.test(text.slice(a.end, b.full.start))) b.country = a.country;
    a = b;
  }
}

/**
 * Appends the relational description ending in the relation noun at token i, if it has a possessor or an article
 * (kept out of buildMentions' loop over tokens: the closures here would make that loop allocate a context per token).
 */
function addRelation(cx: Context, sentence: number, i: number, out: Mention[]): void {
  const { lex, text, tokens, words, lower } = cx;
  const to = cx.bounds[sentence + 1];
  let j = i - 1;
  let country: string | null = null;
  const dem = out.find((m) => m.sentence === sentence && m.kind === 'demonym' && m.tokenEnd === i);
  if (dem) { country = dem.country; j = dem.tokenStart - 1; out.splice(out.indexOf(dem), 1); }
  if (j < 0) return;
  let start = j;
  let owner: Mention | undefined;
  const pw = lower[j];
  if (POSSESSIVE.has(words[j]) && j > 0) {
    owner = out.find((m) => m.sentence === sentence && m.tokenEnd === j && (m.type === 'PERSON' || m.type === 'COUNTRY'));
    if (!owner) return;
    start = owner.tokenStart;
  } else if (pw === 'his' || pw === 'her' || pw === 'their') {
    owner = out.find((m) => m.sentence === sentence && m.tokenStart === j && m.kind === 'pronoun');
    if (!owner && pw !== 'their') return;
  } else if (pw !== 'the') return;
  const m: Mention = {
    start: tokens[start].start, end: tokens[i].end, text: textOf(text, tokens, start, i + 1),
    kind: 'title', type: 'PERSON', country, role: null, sentence, tokenStart: start, tokenEnd: i + 1,
    relation: { noun: lower[i].replace(PLURAL_S, ''), possessor: null }, former: lower[i] === 'predecessor',
  };
  if (owner) possessors.set(m, owner);
  out.push(m);
  // "Macron's predecessor, Francois Hollande, …": a capitalized name in apposition, even when the tagger missed it
  if (words[i + 1] === ',' && !out.some((x) => x.sentence === sentence && (x.full ? tokenOf(tokens, x.full.start) : x.tokenStart) <= i + 3 && x.tokenEnd > i + 2) && !matchAt(lex, words, i + 2, to, isTitle)) {
    const j = nameAfter(words, i + 2, to);
    if (j - (i + 2) >= 2 && (words[j] === ',' || j === to - 1)) {
      out.push({
        start: tokens[i + 2].start, end: tokens[j - 1].end, text: textOf(text, tokens, i + 2, j),
        kind: 'name', type: 'PERSON', country: null, role: null, sentence, tokenStart: i + 2, tokenEnd: j,
      });
    }
  }
}

const PLURAL_S = /s$/;
const isTitle = (ph: Phrase) => ph.kind === 'title';

const COORDINATION = /^\s*(?:,|and|,\s*and)\s*$/;

/** The text of tokens a .. b - 1. */
const textOf = (text: string, tokens: readonly Token[], a: number, b: number): string => text.slice(tokens[a].start, tokens[b - 1].end);

/** Tokens a .. b - 1 as a span of the text. */
function spanOf(text: string, tokens: readonly Token[], a: number, b: number): TextSpan {
  return { start: tokens[a].start, end: tokens[b - 1].end, text: textOf(text, tokens, a, b) };
}

/** The mention of a piece as it is. */
function pieceMention(text: string, tokens: readonly Token[], p: Piece, sentence: number): Mention {
  return {
    start: tokens[p.start].start, end: tokens[p.end - 1].end, text: textOf(text, tokens, p.start, p.end),
    kind: p.kind as Mention['kind'], type: p.type, country: p.country, role: null, sentence, tokenStart: p.start, tokenEnd: p.end,
  };
}

/** The mention of a country's name or seat of government, as a place or as the country. */
function placeMention(text: string, tokens: readonly Token[], p: Piece, sentence: number, type: Mention['type'], locative: boolean): Mention {
  return {
    start: tokens[p.start].start, end: tokens[p.end - 1].end, text: textOf(text, tokens, p.start, p.end),
    kind: p.kind as Mention['kind'], type, country: p.country, role: null, sentence, tokenStart: p.start, tokenEnd: p.end, locative,
  };
}

/** The mention of a name after an honorific, which its full form includes ("Mr. Netanyahu"). */
function honorificMention(text: string, tokens: readonly Token[], p: Piece, sentence: number): Mention {
  return {
    start: tokens[p.start].start, end: tokens[p.end - 1].end, text: textOf(text, tokens, p.start, p.end),
    kind: p.kind as Mention['kind'], type: p.type, country: p.country, role: null, sentence, tokenStart: p.start, tokenEnd: p.end,
    full: spanOf(text, tokens, p.start - 1, p.end),
  };
}

/** Possessors of relational descriptions, kept by reference while mentions are collected and sorted. */
const possessors = new WeakMap<Mention, Mention>();

/** The index of the token starting at a character offset. */
function tokenOf(tokens: readonly Token[], offset: number): number {
  let lo = 0, hi = tokens.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].start < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

export function roleText(role: string, former: boolean, qualifier?: string): string {
  let r = former ? `former ${role.toLowerCase()}` : role;
  if (qualifier) r = `${r} (${qualifier})`;
  return r;
}
