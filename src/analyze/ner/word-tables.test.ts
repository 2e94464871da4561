import { describe, expect, it } from 'vitest';
import { HISTORY_INTS, ROLE_INTS, WordTables } from './word-tables.js';
import type { WordInfo } from './features.js';

const word = (): WordInfo => ({ key: 0, raw: 0, shape: 0, short: 0, cap: 0, affixes: [], clusters: [], caseClass: 0, hyphenFirst: 0, hyphenLast: 0, slot: -1, rolesDone: 0 });

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

  it('a word keeps its slot; reset starts the numbering again', () => {
    const tables = new WordTables();
    const a = word();
    expect(tables.slotOf(a)).toBe(0);
    expect(tables.slotOf(a)).toBe(0);
    tables.reset();
    expect(tables.slotOf(word())).toBe(0);
    expect(tables.roles.length).toBe(1024 * ROLE_INTS);
  });
});
