import { describe, expect, it } from 'vitest';
import { HISTORY_INTS, ROLE_INTS, WordTables } from './word-tables.js';
import type { WordInfo } from './features.js';

const word = (): WordInfo => ({ key: 0, raw: 0, shape: 0, short: 0, cap: 0, affixes: [], clusters: [], caseClass: 0, hyphenFirst: 0, hyphenLast: 0, slot: -1, rolesDone: 0, hits: 0 });

describe('WordTables', () => {
  it('grows by doubling, but not past the slots it expects, and keeps what the slots hold', () => {
    const tables = new WordTables(3000);
    const words = Array.from({ length: 3000 }, word);
    for (const w of words) {
      const slot = tables.slotOf(w);
      tables.roles[slot * ROLE_INTS] = slot + 1;
    }
    expect(tables.roles.length).toBe(3000 * ROLE_INTS);
    expect(tables.history.length).toBe(3000 * HISTORY_INTS);
    expect(words.every((w, i) => w.slot === i && tables.roles[i * ROLE_INTS] === i + 1)).toBe(true);
    expect(tables.history[2999 * HISTORY_INTS]).toBe(-1);
  });

  it('still gives a slot past the expected count', () => {
    const tables = new WordTables(1500);
    const words = Array.from({ length: 1502 }, word);
    for (const w of words) tables.slotOf(w);
    expect(words[1501].slot).toBe(1501);
    expect(tables.roles.length).toBeGreaterThanOrEqual(1502 * ROLE_INTS);
  });

  it('a word keeps its slot', () => {
    const tables = new WordTables();
    const a = word();
    expect(tables.slotOf(a)).toBe(0);
    expect(tables.slotOf(a)).toBe(0);
    expect(tables.slotOf(word())).toBe(1);
    expect(tables.size).toBe(2);
  });

  it('compacts: kept words move to the lowest slots in their old order, with their rows; the others are forgotten', () => {
    const tables = new WordTables();
    const words = Array.from({ length: 6 }, word);
    for (const w of words) {
      const slot = tables.slotOf(w);
      tables.roles.fill(100 + slot, slot * ROLE_INTS, (slot + 1) * ROLE_INTS);
      tables.history.fill(200 + slot, slot * HISTORY_INTS, (slot + 1) * HISTORY_INTS);
      w.rolesDone = 0b101;
    }
    const unslotted = word();
    // out of slot order, and a word without a slot (looked up, never scored): skipped
    tables.compact([words[4], unslotted, words[1], words[5]]);
    expect([words[1].slot, words[4].slot, words[5].slot, unslotted.slot]).toEqual([0, 1, 2, -1]);
    expect(tables.size).toBe(3);
    for (const [w, old] of [[words[1], 1], [words[4], 4], [words[5], 5]] as const) {
      expect([...tables.roles.slice(w.slot * ROLE_INTS, (w.slot + 1) * ROLE_INTS)]).toEqual(new Array(ROLE_INTS).fill(100 + old));
      expect([...tables.history.slice(w.slot * HISTORY_INTS, (w.slot + 1) * HISTORY_INTS)]).toEqual(new Array(HISTORY_INTS).fill(200 + old));
      expect(w.rolesDone).toBe(0b101);
    }
    // the next word gets the slot after the kept ones, cleared
    const fresh = word();
    expect(tables.slotOf(fresh)).toBe(3);
    expect(tables.roles.slice(3 * ROLE_INTS, 4 * ROLE_INTS).every((x) => x === 0)).toBe(true);
    expect(tables.history.slice(3 * HISTORY_INTS, 4 * HISTORY_INTS).every((x) => x === -1)).toBe(true);
    expect(fresh.rolesDone).toBe(0);
    tables.compact([]);
    expect(tables.size).toBe(0);
  });
});
