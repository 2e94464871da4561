import type { Mention, Token } from '../document.js';
import type { Sentence } from '../schema.js';
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

/**
 * A tagged span never runs across an ordinary lower-case word ("Lee met Xi" is two names): split it there,
 * keeping name particles ("Ursula von der Leyen") and the joiners of organisation names ("Bank of England").
 */
function splitSpan(words: readonly string[], sp: NerSpan, out: NerSpan[]): void {
  const keep = sp.type === 'PER' ? NAME_PARTICLES : ORG_JOINERS;
  let start = sp.start;
  for (let i = sp.start; i < sp.end; i++) {
    const w = words[i];
    if (/^\p{Ll}/u.test(w) && !keep.has(w) && !/^\p{Ll}+-\p{Lu}/u.test(w)) {
      if (i > start) out.push({ start, end: i, type: sp.type });
      start = i + 1;
    }
  }
  if (sp.end > start) out.push({ start, end: sp.end, type: sp.type });
}

/** BIO tags to token spans. */
export function nerSpans(tags: readonly string[], from: number, to: number, words?: readonly string[]): NerSpan[] {
  if (words) {
    const out: NerSpan[] = [];
    for (const sp of nerSpans(tags, from, to)) splitSpan(words, sp, out);
    return out;
  }
  const out: NerSpan[] = [];
  let cur: NerSpan | null = null;
  for (let i = from; i < to; i++) {
    const t = tags[i];
    if (t === 'O' || !t) { if (cur) out.push(cur); cur = null; continue; }
    const type = t.slice(2);
    if (t.startsWith('B-') || !cur || cur.type !== type) { if (cur) out.push(cur); cur = { start: i, end: i + 1, type }; }
    else cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}

const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);
const isNameWord = (w: string) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w);

interface Piece { kind: 'name' | 'demonym' | 'title' | 'pronoun' | 'agent'; start: number; end: number; type: Mention['type']; country: string | null; phrase?: Phrase; canonical?: string }

export function findMentions(text: string, sentences: readonly Sentence[], tokens: readonly Token[], tags: readonly string[]): Mention[] {
  const lex = lexicon();
  const words = tokens.map((t) => t.text);
  const lower = lowerWords(tokens);
  // token bounds of each sentence: bounds[s] .. bounds[s + 1]
  const bounds = new Array<number>(sentences.length + 1);
  let t = 0;
  for (let s = 0; s < sentences.length; s++) {
    bounds[s] = t;
    while (t < tokens.length && tokens[t].sentence === s) t++;
  }
  bounds[sentences.length] = t;
  const inSentence = (s: number, personWords: ReadonlySet<string>): Mention[] => {
    const out: Mention[] = [];
    buildMentions(lex, text, tokens, words, lower, sentencePieces(lex, words, lower, tags, bounds[s], bounds[s + 1], personWords), s, bounds[s], bounds[s + 1], out);
    return out;
  };
  // first pass: the words of full person names; second pass: those words alone are that person too ("Xi" after
  // "Xi Jinping"). Only a sentence with one of those words can come out otherwise the second time.
  const first = sentences.map((_, s) => inSentence(s, NO_WORDS));
  const personWords = new Set<string>();
  for (const ms of first) {
    for (const m of ms) {
      if (m.type !== 'PERSON' || m.kind !== 'name' || m.tokenEnd - m.tokenStart < 2) continue;
      for (let k = m.tokenStart; k < m.tokenEnd; k++) if (isCapitalized(tokens[k].text)) personWords.add(tokens[k].text);
    }
  }
  if (personWords.size === 0) return ordered(first);
  return ordered(first.map((ms, s) => (anyIn(words, bounds[s], bounds[s + 1], personWords) ? inSentence(s, personWords) : ms)));
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** The mentions of all sentences in text order, with the possessors of relational descriptions as indexes. */
function ordered(bySentence: readonly Mention[][]): Mention[] {
  const mentions = bySentence.flat();
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const index = new Map(mentions.map((m, i) => [m, i]));
  for (const m of mentions) {
    const owner = possessors.get(m);
    if (m.relation && owner) m.relation.possessor = index.get(owner) ?? null;
  }
  return mentions;
}

function anyIn(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (set.has(words[k])) return true;
  return false;
}

/** `lower`: the words in lower case. */
function sentencePieces(lex: Lexicon, words: readonly string[], lower: readonly string[], tags: readonly string[], from: number, to: number, personWords: ReadonlySet<string>): Piece[] {
  // the tagged span starting at each token of the sentence (index i - from)
  const ner = new Array<NerSpan | undefined>(to - from);
  for (const sp of nerSpans(tags, from, to, words)) ner[sp.start - from] = sp;
  const pieces: Piece[] = [];
  for (let i = from; i < to; ) {
    const w = words[i];
    const span = ner[i - from];
    const phrase = matchAt(lex, words, i, to, undefined, lower);
    if (phrase && phrase.kind === 'title') {
      // a title in lower case is a role word; capitalized at sentence start it still is, when a name or "of" follows
      pieces.push({ kind: 'title', start: i, end: i + phrase.words.length, type: 'PERSON', country: null, phrase });
      i += phrase.words.length;
      continue;
    }
    if (phrase && phrase.kind === 'agent') {
      const prev = pieces[pieces.length - 1];
      if (prev && prev.end === i && (prev.kind === 'demonym' || (prev.kind === 'name' && prev.type === 'COUNTRY'))) {
        pieces.push({ kind: 'agent', start: i, end: i + phrase.words.length, type: 'ORGANIZATION', country: prev.country, phrase });
      }
      i += phrase.words.length;
      continue;
    }
    // a name the article already gave a person is that person, whatever the tagger says here ("He met Xi Jinping")
    if (span && span.type !== 'PER' && allIn(words, span.start, span.end, personWords)) { pieces.push({ kind: 'name', start: span.start, end: span.end, type: 'PERSON', country: null }); i = span.end; continue; }
    const lexLen = phrase ? phrase.words.length : 0;
    if (span && (span.type === 'PER' || span.type === 'ORG') && span.end - span.start > lexLen) {
      pieces.push(nerPiece(span));
      i = span.end;
      continue;
    }
    if (phrase) {
      const kind = phrase.kind === 'demonym' ? 'demonym' : 'name';
      const type: Mention['type'] = phrase.kind === 'org' ? 'ORGANIZATION' : phrase.kind === 'place' ? 'LOCATION' : 'COUNTRY';
      pieces.push({ kind, start: i, end: i + lexLen, type, country: phrase.country, phrase, canonical: phrase.canonical });
      i += lexLen;
      continue;
    }
    if (span && span.type !== 'MISC') { pieces.push(nerPiece(span)); i = span.end; continue; }
    if (!span && personWords.has(w) && isCapitalized(w)) {
      let j = i + 1;
      while (j < to && personWords.has(words[j]) && !ner[j - from]) j++;
      pieces.push({ kind: 'name', start: i, end: j, type: 'PERSON', country: null });
      i = j;
      continue;
    }
    if (span) { i = span.end; continue; }
    if (isPronoun(lower[i])) pieces.push({ kind: 'pronoun', start: i, end: i + 1, type: 'PERSON', country: null });
    i++;
  }
  return pieces;
}

function nerPiece(span: NerSpan): Piece {
  const type: Mention['type'] = span.type === 'PER' ? 'PERSON' : span.type === 'ORG' ? 'ORGANIZATION' : 'LOCATION';
  return { kind: 'name', start: span.start, end: span.end, type, country: null };
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

/** Appends the mentions of one sentence (tokens from .. to) to `out`, which holds no other sentence's. `lower`: the words in lower case. */
function buildMentions(lex: Lexicon, text: string, tokens: readonly Token[], words: readonly string[], lower: readonly string[], pieces: Piece[], sentence: number, from: number, to: number, out: Mention[]): void {
  const span = (a: number, b: number) => ({ start: tokens[a].start, end: tokens[b - 1].end, text: text.slice(tokens[a].start, tokens[b - 1].end) });
  const used = new Set<Piece>();
  // built field by field (object spread is slow here); same fields in the same order as a spread would give
  const base = (p: Piece, extra?: Partial<Mention>): Mention => {
    const m: Mention = {
      start: tokens[p.start].start, end: tokens[p.end - 1].end, text: text.slice(tokens[p.start].start, tokens[p.end - 1].end),
      kind: p.kind as Mention['kind'], type: p.type, country: p.country, role: null, sentence, tokenStart: p.start, tokenEnd: p.end,
    };
    return extra ? Object.assign(m, extra) : m;
  };

  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (used.has(p) || p.kind !== 'title') continue;
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
      if (prev && !used.has(prev) && prev.end === left && prev.kind === 'demonym') { country = prev.country; used.add(prev); out.push(base(prev)); left = prev.start; continue; }
      if (prev && !used.has(prev) && left >= 2 && POSSESSIVE.has(words[left - 1]) && prev.end === left - 1 && prev.kind === 'name' && prev.type === 'COUNTRY') {
        country = prev.country; used.add(prev); out.push(base(prev)); left = prev.start; continue;
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
      if (namePiece) used.add(namePiece);
      used.add(p);
      // strip honorifics inside the name ("Mr.")
      let ns = p.end;
      while (ns < nameEnd - 1 && lex.honorifics.has(words[ns])) ns++;
      out.push({
        ...span(ns, nameEnd), kind: 'name', type: 'PERSON', country, role: roleText(role, former, qualifier), sentence, tokenStart: ns, tokenEnd: nameEnd,
        full: span(left, nameEnd), leader: phrase.leader, former, qualifier,
      });
      continue;
    }
    // a role description: "the Chinese leader", "the president", "Israel's prime minister"
    const det = left > 0 ? lower[left - 1] : '';
    if (ARTICLES.has(det) || country) {
      used.add(p);
      const start = ARTICLES.has(det) ? left - 1 : left;
      out.push({
        ...span(start, p.end), kind: 'title', type: 'PERSON', country, role: roleText(role, former, qualifier), sentence, tokenStart: start, tokenEnd: p.end,
        leader: phrase.leader, former, qualifier, generic: det === 'a' || det === 'an',
      });
    }
  }

  // "Israeli commandos", "Chinese officials": a country's people or institutions, an actor with that country
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k], prev = pieces[k - 1];
    if (p.kind !== 'agent' || used.has(prev)) continue;
    used.add(p);
    out.push({ ...span(prev.start, p.end), kind: 'title', type: 'ORGANIZATION', country: p.country, role: null, sentence, tokenStart: prev.start, tokenEnd: p.end, generic: true });
  }
  for (const p of pieces) {
    if (used.has(p) || p.kind === 'title' || p.kind === 'agent') continue;
    if (p.kind === 'pronoun') { out.push(base(p)); continue; }
    if (p.kind === 'demonym') {
      // "South Korean leader", "his Turkish counterpart" are handled with titles; a bare demonym names the country
      out.push(base(p, { kind: 'demonym', type: 'COUNTRY' }));
      continue;
    }
    if (p.phrase?.kind === 'seat' || p.phrase?.kind === 'country') {
      const before = p.start > 0 && tokens[p.start - 1].sentence === sentence ? lower[p.start - 1] : '';
      const locative = LOCATIVE.has(before);
      out.push(base(p, { type: p.phrase.kind === 'seat' && locative ? 'LOCATION' : 'COUNTRY', locative }));
      continue;
    }
    const m = base(p);
    // honorific before a person's name: "Mr. Netanyahu"
    if (m.type === 'PERSON' && p.start > 0 && lex.honorifics.has(words[p.start - 1])) m.full = span(p.start - 1, p.end);
    out.push(m);
  }

  // relational descriptions: "Lee's predecessor", "his predecessor", "his Turkish counterpart"
  for (let i = from; i < to; i++) {
    if (!isRelationNoun(lower[i])) continue;
    let j = i - 1;
    let country: string | null = null;
    const dem = out.find((m) => m.sentence === sentence && m.kind === 'demonym' && m.tokenEnd === i);
    if (dem) { country = dem.country; j = dem.tokenStart - 1; out.splice(out.indexOf(dem), 1); }
    if (j < 0) continue;
    let start = j;
    let owner: Mention | undefined;
    const pw = lower[j];
    if (POSSESSIVE.has(words[j]) && j > 0) {
      owner = out.find((m) => m.sentence === sentence && m.tokenEnd === j && (m.type === 'PERSON' || m.type === 'COUNTRY'));
      if (!owner) continue;
      start = owner.tokenStart;
    } else if (pw === 'his' || pw === 'her' || pw === 'their') {
      owner = out.find((m) => m.sentence === sentence && m.tokenStart === j && m.kind === 'pronoun');
      if (!owner && pw !== 'their') continue;
    } else if (pw !== 'the') continue;
    const m: Mention = {
      ...span(start, i + 1), kind: 'title', type: 'PERSON', country, role: null, sentence, tokenStart: start, tokenEnd: i + 1,
      relation: { noun: lower[i].replace(/s$/, ''), possessor: null }, former: lower[i] === 'predecessor',
    };
    if (owner) possessors.set(m, owner);
    out.push(m);
    // "Macron's predecessor, Francois Hollande, …": a capitalized name in apposition, even when the tagger missed it
    if (words[i + 1] === ',' && !out.some((x) => x.sentence === sentence && (x.full ? tokenOf(tokens, x.full.start) : x.tokenStart) <= i + 3 && x.tokenEnd > i + 2) && !matchAt(lex, words, i + 2, to, (ph) => ph.kind === 'title')) {
      const j = nameAfter(words, i + 2, to);
      if (j - (i + 2) >= 2 && (words[j] === ',' || j === to - 1)) {
        out.push({ ...span(i + 2, j), kind: 'name', type: 'PERSON', country: null, role: null, sentence, tokenStart: i + 2, tokenEnd: j });
      }
    }
  }

  // a coordinated title shares the nationality of the first: "Chinese Premier Li Qiang and parliament chairman Zhao Leji"
  const titled = out.filter((m) => m.sentence === sentence && m.full && m.kind === 'name');
  for (let k = 1; k < titled.length; k++) {
    const a = titled[k - 1], b = titled[k];
    if (!b.country && a.country && b.full!.start > a.end && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(a.end, b.full!.start))) b.country = a.country;
  }
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
