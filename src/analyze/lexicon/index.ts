import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from './root.js';
import { tokenize } from '../tokens/tokenize.js';

/** What a lexicon phrase is: a country's name, a demonym, a seat of government, a place, an organisation, or a title. */
export type PhraseKind = 'country' | 'demonym' | 'seat' | 'place' | 'org' | 'title' | 'agent';

export interface Phrase {
  kind: PhraseKind;
  /** the words of the phrase, as tokens */
  words: string[];
  /** ISO 3166-1 alpha-3, where the phrase belongs to a country */
  country: string | null;
  /** canonical name: the country's short name, the organisation, the title's canonical role */
  canonical: string;
  leader?: boolean;
}

interface TitleSpec { forms: string[]; canonical: string; leader?: boolean }

export interface Lexicon {
  /** phrases indexed by their first word (case-folded for titles and leading "the") */
  byFirst: Map<string, Phrase[]>;
  countryName: Map<string, string>;
  formerModifiers: Set<string>;
  qualifiers: Set<string>;
  honorifics: Set<string>;
}

let loaded: Lexicon | null = null;

const wordsOf = (s: string) => tokenize(s).map((t) => s.slice(t.start, t.end));
/** Titles and a leading "the" match whatever their case; names match as written. */
const keyOf = (word: string, kind: PhraseKind) => (kind === 'title' || kind === 'agent' || word.toLowerCase() === 'the' ? word.toLowerCase() : word);

function add(lex: Lexicon, phrase: Phrase): void {
  const key = keyOf(phrase.words[0], phrase.kind);
  const list = lex.byFirst.get(key);
  if (list) list.push(phrase); else lex.byFirst.set(key, [phrase]);
}

/** The lexicons in data/lexicon, loaded once. */
export function lexicon(): Lexicon {
  if (loaded) return loaded;
  const dir = join(findRoot(), 'data', 'lexicon');
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const lex: Lexicon = { byFirst: new Map(), countryName: new Map(), formerModifiers: new Set(), qualifiers: new Set(), honorifics: new Set() };
  const countries = read('countries.json').countries as { iso3: string; name: string; names: string[]; demonyms: string[]; seats: string[] }[];
  for (const c of countries) {
    lex.countryName.set(c.iso3, c.name === 'Türkiye' ? 'Turkey' : c.name);
    for (const n of c.names) add(lex, { kind: 'country', words: wordsOf(n), country: c.iso3, canonical: c.name });
    for (const d of c.demonyms) add(lex, { kind: 'demonym', words: wordsOf(d), country: c.iso3, canonical: c.name });
    for (const s of c.seats) add(lex, { kind: 'seat', words: wordsOf(s), country: c.iso3, canonical: s.replace(/^the /, '') });
  }
  const places = read('places.json').places as Record<string, string[]>;
  for (const [iso3, names] of Object.entries(places)) for (const n of names) add(lex, { kind: 'place', words: wordsOf(n), country: iso3, canonical: n });
  for (const [name, iso3] of read('organizations.json').organizations as [string, string | null][]) {
    add(lex, { kind: 'org', words: wordsOf(name), country: iso3, canonical: name });
  }
  const titles = read('titles.json');
  for (const t of titles.titles as TitleSpec[]) {
    for (const f of t.forms) add(lex, { kind: 'title', words: wordsOf(f).map((w) => w.toLowerCase()), country: null, canonical: t.canonical, leader: t.leader ?? false });
  }
  for (const [sector, nouns] of Object.entries(read('agents.json').agents as Record<string, string[]>)) {
    for (const n of nouns) add(lex, { kind: 'agent', words: wordsOf(n).map((w) => w.toLowerCase()), country: null, canonical: sector });
  }
  for (const m of titles.modifiers.former as string[]) lex.formerModifiers.add(m);
  for (const q of titles.modifiers.qualifiers as string[]) lex.qualifiers.add(q);
  for (const h of titles.honorifics as string[]) lex.honorifics.add(h);
  // longest phrases first, so the first match at a position is the longest
  for (const list of lex.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return (loaded = lex);
}

/**
 * The longest phrase that starts at token i of `words` (and ends before `end`), or null.
 * `accept` can restrict the kinds considered; `lowerWords`, the words in lower case, spares lower-casing them again.
 */
export function matchAt(lex: Lexicon, words: readonly string[], i: number, end: number, accept?: (p: Phrase) => boolean, lowerWords?: readonly string[]): Phrase | null {
  const w = words[i];
  const exact = lex.byFirst.get(w);
  const folded = lowerWords ? lowerWords[i] : w.toLowerCase();
  const lower = folded === w ? undefined : lex.byFirst.get(folded);
  const candidates = exact && lower ? [...exact, ...lower].sort((a, b) => b.words.length - a.words.length) : exact ?? lower;
  if (!candidates) return null;
  outer: for (const p of candidates) {
    if (i + p.words.length > end) continue;
    if (accept && !accept(p)) continue;
    for (let k = 1; k < p.words.length; k++) {
      const got = words[i + k];
      if (p.kind === 'title' || p.kind === 'agent' ? (lowerWords ? lowerWords[i + k] : got.toLowerCase()) !== p.words[k] : got !== p.words[k]) continue outer;
    }
    if (p.kind !== 'title' && p.kind !== 'agent' && p.words[0].toLowerCase() !== 'the' && w !== p.words[0]) continue;
    return p;
  }
  return null;
}

let people: Map<string, string> | null = null;

/** The country of a well-known person by full name (data/lexicon/people.json), for when the article gives none. */
export function personCountry(name: string): string | null {
  if (!people) {
    const raw = JSON.parse(readFileSync(join(findRoot(), 'data', 'lexicon', 'people.json'), 'utf8')).people as Record<string, string>;
    people = new Map(Object.entries(raw));
  }
  const key = name.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!key.includes(' ')) return null;
  return people.get(key) ?? people.get(key.replace(/\b[a-z]\. /g, '')) ?? null;
}
