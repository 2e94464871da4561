import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../testing.js';

describe('duplicates and summary', () => {
  const doc = analyzeLines([
    'Australia and Japan sign defence pact',
    'Australian Prime Minister Anthony Albanese and Japanese Prime Minister Fumio Kishida signed a defence pact in Perth on Saturday.',
    'Australian Prime Minister Anthony Albanese and Japanese Prime Minister Fumio Kishida signed a new defence pact in Perth on Saturday, officials said.',
    'The pact allows the two militaries to train together.',
    'China criticised the agreement on Sunday.',
  ]);

  it('reports a paragraph that restates another', () => {
    expect(doc.duplicates!.length).toBeGreaterThanOrEqual(1);
    const d = doc.duplicates![0];
    expect(doc.text.slice(d.a.start, d.a.end)).toContain('new defence pact');
    expect(d.similarity).toBeGreaterThan(0.8);
  });

  it('never puts two near-duplicate sentences in the summary', () => {
    const texts = doc.summary!.map((s) => s.text);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.filter((t) => t.includes('signed')).length).toBe(1);
    for (const s of doc.summary!) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });
});
