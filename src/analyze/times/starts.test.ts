import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../sentences/index.js';
import { candidates, context } from './recognize.js';
import { StartIndex, maybeThe } from './starts.js';

/** The candidates of every rule over `text`, tried at word starts (atStarts) or at every offset. */
function cands(text: string, atStarts: boolean): string[] {
  const sentences = segment(text).sentences;
  const ctx = context(text, sentences.length ? sentences : [{ start: 0, end: text.length, paragraph: 0 }], '2026-01-05');
  return candidates(ctx, atStarts).map((c) => `${c.rule} ${c.start}-${c.end} ${c.type} ${c.value}`);
}

/** Forms at the edges of the start words: case, white space, two-word starts, hyphens, apostrophes, digits. */
const EDGES = [
  'THE WEEKEND was quiet; the\u00a0weekend before too, and the\nfollowing day the\tnext morning.',
  'Valentine\'s Day, Valentine’s Day, New Year\'s Eve and Christmas Day; Easter Sunday 2020.',
  'the the two years, the two-week visit, the 1990s, the \'90s, mid-1990s, midafternoon, mid-morning yesterday.',
  'Q3 2025 and 12/3/2004, 2004-12-03, 2013-W12 at 10:35 a.m. EST and 14:48 UTC; noon Thursday.',
  '1999 was a year; 2000s. The fiscal year ended Jan. 31. the year-earlier period, year-end, the year\'s end.',
  'Early yesterday, late tomorrow evening, the day before yesterday; that same week the same month.',
  'a few days later, a couple of weeks ago, the past few years, the next couple of years, a number of months back.',
  'nineteen ninety-six, the year two thousand, the nineteen nineties, the twenties, the 21st century.',
  'the first half of 1989, the end of the year, the third quarter, third-quarter, the fiscal first quarter.',
  'Monday, Oct. 26, this coming Friday, the following Monday, every other Monday, on Fridays, daily, each year.',
  'at present, right now, these days, so far, to date, in recent years, the present, the near future, the short term.',
  '5th of January, the 5th of January 2026, Saturday, April 25, JANUARY 5, mid-November, late November 1999.',
];

describe('StartIndex', () => {
  it('keys a word by its first three letters and a two-word start by the next word too', () => {
    const index = new StartIndex([['the weekend'], ['yesterday'], ['#']]);
    index.scan('The  weekend, there weekends; yesterdays 12 x1 the-weekend');
    const found = [...index.at.slice(0, index.count)].map((at, i) => [at, index.rules[i]]);
    // "The  weekend" and "there weekends" (a prefix of each word), "yesterdays", "12"; not "x1" nor "the-weekend"
    expect(found).toEqual([[0, 1], [14, 1], [30, 2], [41, 4]]);
  });
  it('adds "the" before each word for maybeThe', () => expect(maybeThe(['early', '#'])).toEqual(['early', '#', 'the early', 'the #']));
});

describe('candidates: trying the rules only at their start words finds what a scan at every offset finds', () => {
  it.each(EDGES.map((t) => [t.slice(0, 40), t]))('%s…', (_, text) => expect(cands(text, true)).toEqual(cands(text, false)));

  // news texts when the shared corpora are there: the BBC articles (one in five) and TimeBank
  const dirs = ['../../../../shared/data/bbc-news', '../../../../shared/data/timeml/tbaq-cleaned/TimeBank']
    .map((d) => new URL(d, import.meta.url).pathname).filter((d) => existsSync(d));
  const files = dirs.flatMap((d) => readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /\d+\.txt$|\.tml$/.test(f)).map((f) => join(d, f)));
  it.runIf(files.length > 0)(`in ${files.length / 5 | 0} news texts`, () => {
    for (const f of files.filter((_, i) => i % 5 === 0)) {
      const text = readFileSync(f, 'utf8');
      expect(cands(text, true), f).toEqual(cands(text, false));
    }
  });
});
