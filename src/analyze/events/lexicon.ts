import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from '../lexicon/root.js';
import { expandBlock, type ReducedBlock } from './cameo-triggers.js';
import { TriggerTableBuilder, type TriggerTable } from './trigger-table.js';

export interface CameoCode { code: string; name: string; goldstein: number; plover: string | null; mode: string | null }

export type { TriggerEntry, TriggerShape } from './trigger-table.js';

export interface EventLexicon {
  cameo: Map<string, CameoCode>;
  /** the trigger entries, by first word and by first two words (see trigger-table.ts) */
  triggers: TriggerTable;
  /** first words of a hand-kept one-word verb entry */
  handVerbs: Set<string>;
  /** every first word of an object phrase (no entry's object can follow where none of these occurs) */
  objectWords: Set<string>;
}

/**
 * The candidate list of the entries that may match at a word `first` followed by `second` (undefined at the end of
 * a sentence), in the order they are tried, or -1 when no entry starts with `first` (see TriggerTable.candidates).
 */
export function triggerCandidates(lex: EventLexicon, first: string, second: string | undefined): number {
  return lex.triggers.candidates(first, second);
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
export function buildTriggerIndex(cameo: ReadonlyMap<string, CameoCode>, hand: RawTriggers, generated: GeneratedTriggers | null = null): TriggerTable {
  const table = new TriggerTableBuilder();
  const known = (code: string | null) => {
    if (code !== null && !cameo.has(code)) throw new Error(`E_LEXICON: trigger code ${code} is not in cameo.json`);
  };
  const handForms = new Set<string>();
  const addHand = (e: RawEntry, nominal: boolean) => {
    known(e.cameo);
    for (const form of e.forms) {
      const key = form.toLowerCase();
      handForms.add(key);
      table.add(key, table.shape(e.cameo, nominal, e.nextFor?.[form] ?? e.next ?? null, e.object ?? null, 'hand'));
    }
  };
  for (const v of hand.verbs) addHand(v, false);
  for (const n of hand.nouns) addHand(n, true);
  // the 130k generated entries have a few thousand shapes (code and object): found by the file's own strings, whose
  // hashes V8 keeps, rather than by a key made for each entry
  const shapes = new Map<string | null, Map<string | null, number>>();
  for (const b of generated?.blocks ?? []) {
    for (const e of expandBlock(b)) {
      known(e.cameo);
      const key = e.words.toLowerCase();
      if (handForms.has(key)) continue;
      const object = e.object || null;
      let byCode = shapes.get(object);
      if (!byCode) shapes.set(object, (byCode = new Map()));
      let shape = byCode.get(e.cameo);
      if (shape === undefined) byCode.set(e.cameo, (shape = table.shape(e.cameo, false, null, object === null ? null : [object], 'cameo')));
      table.add(key, shape);
    }
  }
  return table.build();
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
  const triggers = buildTriggerIndex(cameo, hand, generated);
  const handVerbs = new Set<string>();
  for (let e = 0; e < triggers.size; e++) {
    const s = triggers.shape(e);
    if (s.from === 'hand' && !s.nominal && triggers.words(e).length === 1) handVerbs.add(triggers.words(e)[0]);
  }
  const objectWords = new Set(triggers.allShapes().flatMap((s) => (s.object ?? []).map((o) => o[0])));
  return (loaded = { cameo, triggers, handVerbs, objectWords });
}
