import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from '../lexicon/root.js';
import { expandBlock, type ReducedBlock } from './cameo-triggers.js';

export interface CameoCode { code: string; name: string; goldstein: number; plover: string | null; mode: string | null }

export interface TriggerEntry {
  words: string[];
  /** the CAMEO code, or null for a phrase that codes no event ("killed himself") and stops plainer entries */
  cameo: string | null;
  nominal: boolean;
  /** one of these words must follow the trigger */
  next: string[] | null;
  /** one of these phrases must follow within four words ("asked … for help") */
  object: string[][] | null;
  /** which dictionary: dyad's hand-kept event-triggers.json, or the one generated from PETRARCH's CAMEO.2.0.txt */
  from: 'hand' | 'cameo';
}

export interface EventLexicon {
  cameo: Map<string, CameoCode>;
  byFirst: Map<string, TriggerEntry[]>;
  /** the entries that can start at a word followed by `second`, in byFirst's order (see `triggerCandidates`) */
  byPair: Map<string, PairIndex>;
  /** the phrases ("words joined by spaces") that some nominal entry lists */
  nominalPhrases: Set<string>;
  /** first words of a hand-kept one-word verb entry */
  handVerbs: Set<string>;
  /** every first word of an object phrase (no entry's object can follow where none of these occurs) */
  objectWords: Set<string>;
}

/** Entries of one first word: those whose second word is the key (with the one-word entries), or the one-word ones. */
export interface PairIndex { bySecond: Map<string, TriggerEntry[]>; single: TriggerEntry[] }

/**
 * Indexes entries by their first two words, keeping byFirst's order in each list, so that matching a token tries
 * only the entries that can match its next word (some first words have over 200 entries).
 */
export function pairIndex(byFirst: ReadonlyMap<string, TriggerEntry[]>): Map<string, PairIndex> {
  const out = new Map<string, PairIndex>();
  for (const [first, list] of byFirst) {
    const seconds = new Set(list.filter((e) => e.words.length > 1).map((e) => e.words[1]));
    const bySecond = new Map<string, TriggerEntry[]>();
    for (const second of seconds) bySecond.set(second, list.filter((e) => e.words.length === 1 || e.words[1] === second));
    out.set(first, { bySecond, single: list.filter((e) => e.words.length === 1) });
  }
  return out;
}

/** The entries that may match at a word `first` followed by `second` (undefined at the end of a sentence). */
export function triggerCandidates(lex: EventLexicon, first: string, second: string | undefined): readonly TriggerEntry[] | undefined {
  const index = lex.byPair.get(first);
  if (!index) return undefined;
  return (second !== undefined ? index.bySecond.get(second) : undefined) ?? index.single;
}

let loaded: EventLexicon | null = null;

export interface RawEntry { forms: string[]; cameo: string | null; next?: string[]; nextFor?: Record<string, string[]>; object?: string[] }
export interface RawTriggers { verbs: RawEntry[]; nouns: RawEntry[] }
/** data/lexicon/event-triggers-cameo.json, made by scripts/build-event-triggers.ts */
export interface GeneratedTriggers { blocks: ReducedBlock[] }

/**
 * Builds the trigger index from dyad's hand-kept dictionary and, second, a generated one. Hand-kept entries win: a
 * generated entry whose words the hand-kept dictionary lists (as a verb or a noun) is dropped, and the others are
 * tried only where no hand-kept entry matches ("negotiate" + "with" stays 046 although "negotiate with" is 050).
 */
export function buildTriggerIndex(cameo: ReadonlyMap<string, CameoCode>, hand: RawTriggers, generated: GeneratedTriggers | null = null): Map<string, TriggerEntry[]> {
  const byFirst = new Map<string, TriggerEntry[]>();
  const handForms = new Set<string>();
  // 130k entries share a few thousand word lists: each list is kept once
  const interned = new Map<string, string[]>();
  const words = (phrase: string): string[] => {
    let w = interned.get(phrase);
    if (!w) interned.set(phrase, (w = phrase.split(' ')));
    return w;
  };
  const objectLists = new Map<string, string[][]>();
  const objects = (list: string[]): string[][] => {
    const k = list.join('|').toLowerCase();
    let o = objectLists.get(k);
    if (!o) objectLists.set(k, (o = list.map((x) => words(x.toLowerCase()))));
    return o;
  };
  const add = (e: RawEntry, nominal: boolean, from: TriggerEntry['from']) => {
    if (e.cameo !== null && !cameo.has(e.cameo)) throw new Error(`E_LEXICON: trigger code ${e.cameo} is not in cameo.json`);
    for (const form of e.forms) {
      const key = form.toLowerCase();
      if (from === 'hand') handForms.add(key);
      else if (handForms.has(key)) continue;
      const entry: TriggerEntry = {
        words: words(key), cameo: e.cameo, nominal, next: e.nextFor?.[form] ?? e.next ?? null,
        object: e.object ? objects(e.object) : null, from,
      };
      const list = byFirst.get(entry.words[0]);
      if (list) list.push(entry); else byFirst.set(entry.words[0], [entry]);
    }
  };
  for (const v of hand.verbs) add(v, false, 'hand');
  for (const n of hand.nouns) add(n, true, 'hand');
  for (const b of generated?.blocks ?? []) {
    for (const e of expandBlock(b)) add({ forms: [e.words], cameo: e.cameo, ...(e.object ? { object: [e.object] } : {}) }, false, 'cameo');
  }
  // hand-kept entries first (a generated entry codes only where none of them matches); then longest first, verbs
  // before nouns, an entry that asks for an object before one that does not
  const rank = (e: TriggerEntry) => (e.from === 'hand' ? 0 : 1);
  for (const list of byFirst.values()) list.sort((a, b) => rank(a) - rank(b) || b.words.length - a.words.length || Number(a.nominal) - Number(b.nominal) || Number(!a.object) - Number(!b.object));
  return byFirst;
}

/** The CAMEO table and the trigger dictionaries of data/lexicon, loaded once. */
export function eventLexicon(): EventLexicon {
  if (loaded) return loaded;
  const dir = join(findRoot(), 'data', 'lexicon');
  const cameoRaw = JSON.parse(readFileSync(join(dir, 'cameo.json'), 'utf8')).codes as Record<string, Omit<CameoCode, 'code'>>;
  const cameo = new Map(Object.entries(cameoRaw).map(([code, c]) => [code, { code, ...c }]));
  const hand = JSON.parse(readFileSync(join(dir, 'event-triggers.json'), 'utf8')) as RawTriggers;
  const generatedPath = join(dir, 'event-triggers-cameo.json');
  const generated = existsSync(generatedPath) ? JSON.parse(readFileSync(generatedPath, 'utf8')) as GeneratedTriggers : null;
  const byFirst = buildTriggerIndex(cameo, hand, generated);
  const all = [...byFirst.values()].flat();
  return (loaded = {
    cameo, byFirst, byPair: pairIndex(byFirst),
    nominalPhrases: new Set(all.filter((e) => e.nominal).map((e) => e.words.join(' '))),
    handVerbs: new Set(all.filter((e) => !e.nominal && e.words.length === 1 && e.from === 'hand').map((e) => e.words[0])),
    objectWords: new Set(all.flatMap((e) => (e.object ?? []).map((o) => o[0]))),
  });
}
