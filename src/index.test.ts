import { describe, expect, it } from 'vitest';
import { analyze, makeArticle, collect, readPaths } from './index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the library', () => {
  it('analyzes an article built in code, with no storage', () => {
    const a = analyze(makeArticle({ title: 'Talks', body: ['Kenyan President Joseph Mwangi met Ethiopian Prime Minister Yonas Bekele in Addis Ababa on Monday.'], published: '2026-02-24' }));
    const [e] = a.events;
    expect(e).toMatchObject({ type: 'CONSULT', date: '2026-02-23', modality: 'asserted' });
    expect([e.source.country, e.target?.country]).toEqual(['KEN', 'ETH']);
  });

  it('reads files into articles and problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-lib-'));
    writeFileSync(join(dir, 'a.txt'), 'Headline\nStandfirst.\nBody.');
    writeFileSync(join(dir, 'b.jsonl'), '{"title":"T","text":"Body text."}\nnot json\n');
    const { articles, problems } = await collect(readPaths([dir]));
    expect(articles.map((a) => a.title).sort()).toEqual(['Headline', 'T']);
    expect(problems.some((p) => p.source.endsWith('b.jsonl') && p.line === 2)).toBe(true);
  });
});
