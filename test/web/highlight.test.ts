// The article reader's cutting of text into runs: overlapping layers all shown, lines kept apart, bad spans dropped.
import { describe, expect, it } from 'vitest';
import { lines, runs, type Mark } from '../../web/src/highlight.js';

const text = 'Lee met Xi.\nHe said "a new phase".';
const m = (start: number, end: number, kind: Mark['kind']): Mark => ({ start, end, kind, info: kind });

describe('runs of an article text', () => {
  it('cover the whole text in order, each run with the marks covering all of it', () => {
    const quote = m(21, 32, 'quote');
    const inner = m(23, 26, 'entity');
    const r = runs(text.length, [m(0, 3, 'entity'), m(4, 7, 'event'), quote, inner]);
    expect(r.map((x) => text.slice(x.start, x.end)).join('')).toBe(text);
    expect(r.find((x) => text.slice(x.start, x.end) === 'new')!.marks).toEqual([quote, inner]);
    expect(r.find((x) => text.slice(x.start, x.end) === 'met')!.marks.map((k) => k.kind)).toEqual(['event']);
  });

  it('drop spans outside the text or empty ones rather than failing', () => {
    const r = runs(text.length, [m(-1, 3, 'entity'), m(5, 5, 'time'), m(30, 99, 'quote'), m(1.5, 3, 'event')]);
    expect(r).toEqual([{ start: 0, end: text.length, marks: [] }]);
  });

  it('split at line breaks, a span across two lines marking both parts', () => {
    const across = m(8, 15, 'dup');
    const ls = lines(text, runs(text.length, [across]));
    expect(ls).toHaveLength(2);
    expect(ls.map((l) => l.map((x) => text.slice(x.start, x.end)).join(''))).toEqual(text.split('\n'));
    expect(ls[0].at(-1)!.marks).toEqual([across]);
    expect(ls[1][0].marks).toEqual([across]);
  });
});
