import { describe, expect, it } from 'vitest';
import { compactWeights, decodeBeam, Scratch } from './decode.js';
import { gazetteerBits, staticFeatures, type WordInfo } from './features.js';
import { LABEL_COUNT } from './labels.js';
import { emptyLexicon } from './lexicon.js';
import { loadModel } from './model.js';
import { StaticScorer } from './static-scores.js';
import { Tagger } from './tagger.js';
import { WordInfos } from './word-cache.js';
import { HISTORY_INTS, ROLE_INTS, WordTables } from './word-tables.js';
import { rng, shuffle } from '../../random.js';

// Sentences written for this test: names repeated across sentences, sentence starts, an all-caps headline, digits,
// hyphenated words; about 120 word types, so that a cache of 50 is trimmed many times.
const SENTENCES = [
  'Bill Clinton met Boris Yeltsin in Moscow on Tuesday .',
  'Yeltsin told reporters in Moscow that the talks with Clinton had gone well .',
  'SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .',
  'Shares in Deutsche Bank rose 3.5 percent to 120 marks in Frankfurt on Tuesday .',
  'The U.N. Security Council voted 14-0 on a British-drafted resolution on Iraq , diplomats said .',
  '" We will not accept this , " said the prime minister of New Zealand , Jim Bolger .',
  'Real Madrid beat Barcelona 2-1 at the Bernabeu and Madrid fans celebrated in Madrid .',
  'Deutsche Bank said on Thursday that its chief executive would meet Clinton in Washington next week .',
  'The European Union and NATO agreed that the talks would resume in Geneva after the Easter holiday .',
  'Officials from both sides told Reuters late on Thursday that Yeltsin and Bolger would attend .',
  'Barcelona fans said the Bernabeu result was a surprise for Real Madrid and for Japan .',
  'Hello',
];

const model = loadModel();

/** A word cache of the empty lexicon, with n words added in order: w0 … w(n-1). */
function filled(maxSize: number, n: number, tables?: WordTables): { infos: WordInfos; words: WordInfo[] } {
  const infos = new WordInfos(emptyLexicon(), maxSize, tables);
  return { infos, words: Array.from({ length: n }, (_, i) => infos.get(`w${i}`)) };
}

describe('word cache', () => {
  it('when full, keeps the words used again, as the same infos, and drops the others', () => {
    const { infos, words } = filled(8, 8);
    infos.get('w1');
    infos.get('w3');
    infos.get('w3');
    expect(infos.computed).toBe(8);
    infos.get('new');
    expect(infos.trims).toBe(1);
    expect(infos.get('w1')).toBe(words[1]);
    expect(infos.get('w3')).toBe(words[3]);
    expect(infos.computed).toBe(9);
    const again = infos.get('w0');
    expect(again).not.toBe(words[0]);
    expect(again.hits).toBe(0);
    expect(infos.computed).toBe(10);
  });

  it('keeps the most used words up to 7/8 of its size, the newest first among words used as often', () => {
    const { infos, words } = filled(8, 8);
    for (const w of words) infos.get(`w${words.indexOf(w)}`);
    for (let i = 0; i < 3; i++) infos.get('w7');
    // w7: 4 hits, the others 1: seven of the eight fit, and w0 is the oldest of those with one hit
    infos.get('new');
    expect(infos.get('w0')).not.toBe(words[0]);
    for (let i = 1; i < 8; i++) expect(infos.get(`w${i}`)).toBe(words[i]);
    // counts decay by a quarter at each trim (then the lookups just made)
    expect(words[7].hits).toBe(3 + 1);
    expect(words[1].hits).toBe(1 + 1);
  });

  it('moves the slots of the words it keeps to the front of the tables and clears the slots of the others', () => {
    const tables = new WordTables();
    const { infos, words } = filled(6, 6, tables);
    for (const w of words) {
      const slot = tables.slotOf(w);
      tables.roles[slot * ROLE_INTS] = 1000 + slot;
    }
    infos.get('w2');
    infos.get('w5');
    infos.get('new');
    expect([words[2].slot, words[5].slot]).toEqual([0, 1]);
    expect([tables.roles[0], tables.roles[ROLE_INTS]]).toEqual([1002, 1005]);
    for (const i of [0, 1, 3, 4]) expect(words[i].slot).toBe(-1);
    expect(tables.size).toBe(2);
  });

  it('keeps the role sums and history rows of the words it keeps; dropped words are summed anew in fresh slots', () => {
    const weights = compactWeights({ values: model.weights, mask: (1 << model.header.bits) - 1 }, model.header.scale);
    const names = model.lexicon.gazetteer;
    const gazetteer = (h: number) => names.get(h) ?? 0;
    /** a word cache with its tables, scorer and decoder, as a tagger has them */
    const make = (maxSize: number) => {
      const tables = new WordTables();
      const scratch = new Scratch();
      scratch.words = tables;
      return { tables, infos: new WordInfos(model.lexicon, maxSize, tables), scorer: new StaticScorer(weights, tables), scratch };
    };
    const run = (m: ReturnType<typeof make>, words: WordInfo[]) => {
      const gaz = gazetteerBits(words, gazetteer);
      const statics = new Float32Array(words.length * LABEL_COUNT);
      m.scorer.score(words, gaz, statics);
      const out = new Uint8Array(words.length);
      decodeBeam(weights, staticFeatures(words, gaz), words, out, 8, m.scratch, undefined, statics);
      return { statics: [...statics], labels: [...out] };
    };
    const rows = (m: ReturnType<typeof make>, w: WordInfo) => ({
      roles: [...m.tables.roles.slice(w.slot * ROLE_INTS, (w.slot + 1) * ROLE_INTS)],
      history: [...m.tables.history.slice(w.slot * HISTORY_INTS, (w.slot + 1) * HISTORY_INTS)],
      rolesDone: w.rolesDone,
    });
    const first = 'Bill Clinton met Boris Yeltsin in Moscow on Tuesday .'.split(' ');
    const second = 'Moscow . Clinton left for Washington on Thursday'.split(' ');
    const small = make(first.length);
    const big = make(Infinity);
    const lookup = (m: ReturnType<typeof make>, words: string[]) => words.map((w) => m.infos.get(w));
    const held = lookup(small, first);
    expect(run(small, held)).toEqual(run(big, lookup(big, first)));
    const before = new Map(held.map((w, i) => [first[i], rows(small, w)]));
    expect(before.get('Clinton')!.history.some((r) => r >= 0)).toBe(true);
    // the second sentence's first three words are used again; its fourth fills the cache, which is trimmed to them:
    // their slots (given in the order of the first sentence) move to the front
    const words = lookup(small, second);
    expect(small.infos.trims).toBe(1);
    expect(words.slice(0, 3)).toEqual([held[6], held[9], held[1]]);
    expect(words.slice(0, 3).map((w) => w.slot)).toEqual([1, 2, 0]);
    for (const k of ['Clinton', 'Moscow', '.']) expect(rows(small, held[first.indexOf(k)]), k).toEqual(before.get(k));
    for (const w of held) if (!words.includes(w)) expect(w.slot).toBe(-1);
    expect(run(small, words)).toEqual(run(big, lookup(big, second)));
    // Bill again: a new info, in a fresh slot, summed as the unbounded cache's
    const bill = small.infos.get('Bill');
    expect(bill).not.toBe(held[0]);
    expect(run(small, lookup(small, first))).toEqual(run(big, lookup(big, first)));
    expect(bill.slot).toBeGreaterThanOrEqual(3);
    expect(rows(small, bill)).toEqual(rows(big, big.infos.get('Bill')));
  });

  it('tags a sentence whose words straddle a trim exactly as an unbounded cache does', () => {
    const big = new Tagger(model, undefined, undefined, Infinity);
    const first = 'Bill Clinton met Boris Yeltsin in Moscow .'.split(' ');
    const small = new Tagger(model, undefined, undefined, first.length);
    expect(small.tag(first)).toEqual(big.tag(first));
    // every cached word used again, then new ones: the trim keeps seven of the eight and drops Bill (the oldest),
    // whose info this sentence already holds, with a slot now given to Clinton
    const second = 'Yeltsin met Bill Clinton in Moscow . Boris Talks ended on Tuesday after the summit'.split(' ');
    for (let round = 0; round < 3; round++) {
      expect([...small.staticScores(second)]).toEqual([...big.staticScores(second)]);
      expect(small.tag(second)).toEqual(big.tag(second));
    }
    expect(small.wordCacheCounts().trims).toBeGreaterThanOrEqual(3);
  });

  it('a tagger with a cache of 50 words tags exactly as one whose cache never fills, across many trims', () => {
    const big = new Tagger(model, undefined, undefined, Infinity);
    const small = new Tagger(model, undefined, undefined, 50);
    const random = rng(11);
    for (let round = 0; round < 6; round++) {
      for (const s of shuffle([...SENTENCES], random)) {
        const words = s.split(' ');
        expect([...small.staticScores(words)], s).toEqual([...big.staticScores(words)]);
        expect(small.tag(words), s).toEqual(big.tag(words));
      }
    }
    expect(small.wordCacheCounts().trims).toBeGreaterThanOrEqual(10);
  });
});
