import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRoot } from '../lexicon/root.js';
import { expandBlock } from './cameo-triggers.js';
import { buildTriggerIndex, eventLexicon, triggerCandidates, type CameoCode, type GeneratedTriggers, type RawEntry, type RawTriggers, type TriggerEntry } from './lexicon.js';
import { ploverOf } from './plover.js';
import type { TriggerTable } from './trigger-table.js';

/**
 * The reference: the index dyad kept before trigger-table.ts, one object per entry and a copy of the candidate
 * lists per first and second word, written plainly. The packed table must answer exactly as it did.
 */
function referenceIndex(cameo: ReadonlyMap<string, CameoCode>, hand: RawTriggers, generated: GeneratedTriggers | null) {
  const byFirst = new Map<string, TriggerEntry[]>();
  const handForms = new Set<string>();
  const add = (e: RawEntry, nominal: boolean, from: TriggerEntry['from']) => {
    if (e.cameo !== null && !cameo.has(e.cameo)) throw new Error(`E_LEXICON: trigger code ${e.cameo} is not in cameo.json`);
    for (const form of e.forms) {
      const key = form.toLowerCase();
      if (from === 'hand') handForms.add(key);
      else if (handForms.has(key)) continue;
      const entry: TriggerEntry = {
        words: key.split(' '), cameo: e.cameo, nominal, next: e.nextFor?.[form] ?? e.next ?? null,
        object: e.object ? e.object.map((x) => x.toLowerCase().split(' ')) : null, from,
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
  const rank = (e: TriggerEntry) => (e.from === 'hand' ? 0 : 1);
  for (const list of byFirst.values()) list.sort((a, b) => rank(a) - rank(b) || b.words.length - a.words.length || Number(a.nominal) - Number(b.nominal) || Number(!a.object) - Number(!b.object));
  const byPair = new Map<string, { bySecond: Map<string, TriggerEntry[]>; single: TriggerEntry[] }>();
  for (const [first, list] of byFirst) {
    const seconds = new Set(list.filter((e) => e.words.length > 1).map((e) => e.words[1]));
    const bySecond = new Map<string, TriggerEntry[]>();
    for (const second of seconds) bySecond.set(second, list.filter((e) => e.words.length === 1 || e.words[1] === second));
    byPair.set(first, { bySecond, single: list.filter((e) => e.words.length === 1) });
  }
  const candidates = (first: string, second: string | undefined): TriggerEntry[] | undefined => {
    const index = byPair.get(first);
    if (!index) return undefined;
    return (second !== undefined ? index.bySecond.get(second) : undefined) ?? index.single;
  };
  const all = [...byFirst.values()].flat();
  return {
    byFirst, candidates,
    nominalPhrases: new Set(all.filter((e) => e.nominal).map((e) => e.words.join(' '))),
    handVerbs: new Set(all.filter((e) => !e.nominal && e.words.length === 1 && e.from === 'hand').map((e) => e.words[0])),
    objectWords: new Set(all.flatMap((e) => (e.object ?? []).map((o) => o[0]))),
  };
}

const show = (e: TriggerEntry) => JSON.stringify([e.words, e.cameo, e.nominal, e.next, e.object, e.from]);
const showAll = (list: readonly TriggerEntry[] | undefined) => (list ? list.map(show).join('\n') : 'none');
const listOf = (table: TriggerTable, list: number) => (list < 0 ? undefined : table.entriesIn(list));

/**
 * Every difference between the table and the reference: first words and their entries in order, the candidate
 * list for each second word some entry of the first word has, for the end of a sentence, for a word no entry has
 * second and for each other first word (most pairs a text offers are of this kind), and the facts findTriggers
 * reads from each list.
 */
function differences(table: TriggerTable, ref: ReturnType<typeof referenceIndex>): string[] {
  const out: string[] = [];
  const firsts = [...ref.byFirst.keys()];
  if (JSON.stringify([...table.firstWords()]) !== JSON.stringify(firsts)) out.push('first words differ');
  for (const [first, list] of ref.byFirst) {
    if (showAll(table.entriesOf(first)) !== showAll(list)) out.push(`entries of "${first}"`);
    const seconds = new Set(list.filter((e) => e.words.length > 1).map((e) => e.words[1]));
    for (const second of [...seconds, undefined, 'no-such-word', first, firsts[0], firsts[firsts.length - 1]]) {
      const got = table.candidates(first, second);
      const want = ref.candidates(first, second)!;
      if (showAll(listOf(table, got)) !== showAll(want)) { out.push(`candidates of "${first}" "${second}"`); continue; }
      const longest = Math.max(0, ...want.filter((e) => e.object).map((e) => e.words.length));
      if (table.objectWordsIn(got) !== longest) out.push(`object words of "${first}" "${second}"`);
      if (table.hasFree(got) !== want.some((e) => !e.object)) out.push(`free entries of "${first}" "${second}"`);
    }
  }
  for (let e = 0; e < table.size; e++) {
    if (table.nominalWords(e) !== ref.nominalPhrases.has(table.words(e).join(' '))) out.push(`nominal words of entry ${e}`);
  }
  for (const absent of ['no-such-word', '', 'The']) if (table.candidates(absent, undefined) !== -1 || ref.candidates(absent, undefined)) out.push(`"${absent}" has candidates`);
  return out;
}

describe('the packed trigger table answers as the object-per-entry index did', () => {
  it('on the shipped dictionaries: every first word, every second word of its entries, none, and absent ones', () => {
    const dir = join(findRoot(), 'data', 'lexicon');
    const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const hand = read('event-triggers.json') as RawTriggers;
    const generated = read('event-triggers-cameo.json') as GeneratedTriggers;
    const lex = eventLexicon();
    const ref = referenceIndex(lex.cameo, hand, generated);
    expect(lex.triggers.size).toBe([...ref.byFirst.values()].flat().length);
    expect(lex.triggers.size).toBeGreaterThan(100_000);
    expect(differences(lex.triggers, ref)).toEqual([]);
    expect([...lex.handVerbs].sort()).toEqual([...ref.handVerbs].sort());
    expect([...lex.objectWords].sort()).toEqual([...ref.objectWords].sort());
    // triggerCandidates is the table's lookup
    expect(lex.triggers.entriesIn(triggerCandidates(lex, 'called', 'for'))).toEqual(ref.candidates('called', 'for'));
    expect(triggerCandidates(lex, 'no-such-word', 'for')).toBe(-1);
  });

  it('on a small dictionary with hand-kept and generated entries of the same first words', () => {
    const cameo = new Map<string, CameoCode>(['020', '040', '046', '050', '111', '041', '042'].map((c) => [c, { code: c, name: c, goldstein: 0, ...ploverOf(c) }]));
    const hand: RawTriggers = {
      verbs: [
        { forms: ['negotiate'], cameo: '046', next: ['with'] }, { forms: ['meet', 'met', 'Met With'], cameo: '040' },
        { forms: ['called on'], cameo: '020', nextFor: { 'called on': ['the'] } }, { forms: ['visit'], cameo: '042', object: ['Capital', 'the city'] },
      ],
      nouns: [{ forms: ['talks', 'visit'], cameo: '040' }],
    };
    const generated: GeneratedTriggers = {
      blocks: [
        { block: 'BARGAIN', verbs: [{ cameo: '050', forms: ['negotiate', 'talks', 'bargain', 'met'] }], patterns: [{ particles: 'with', cameo: '050' }, { object: 'deal', cameo: null }] },
        { block: 'CALL', verbs: [{ cameo: '041', forms: ['called'] }, { cameo: null, forms: ['rang'] }], patterns: [{ object: 'liar', cameo: '111' }, { particles: 'for', cameo: '020' }, { particles: 'on', object: 'help', cameo: '020' }, { particles: 'up for', cameo: '020' }] },
      ],
    };
    const table = buildTriggerIndex(cameo, hand, generated);
    const ref = referenceIndex(cameo, hand, generated);
    expect(differences(table, ref)).toEqual([]);
    // what the cases are: the hand-kept "called on" (with its own `next`) drops the generated one; the one-word
    // entries follow in their order
    expect(table.entriesIn(table.candidates('called', 'on')).map((e) => `${e.words.join(' ')} ${e.cameo} ${e.from} ${e.next}`)).toEqual([
      'called on 020 hand the', 'called 111 cameo null', 'called 041 cameo null',
    ]);
    expect(table.entriesIn(table.candidates('called', 'up')).map((e) => e.words.join(' '))).toEqual(['called up for', 'called', 'called']);
    expect(table.entriesIn(table.candidates('called', 'off')).map((e) => e.words.join(' '))).toEqual(['called', 'called']);
    expect(table.entriesIn(table.candidates('rang', undefined)).map((e) => [e.cameo, e.object])).toEqual([['111', [['liar']]]]);
    expect(table.entriesOf('met').map((e) => e.words.join(' '))).toEqual(['met with', 'met']);
    expect(table.entriesOf('visit').map((e) => [e.nominal, e.object])).toEqual([[false, [['capital'], ['the', 'city']]], [true, null]]);
  });
});
