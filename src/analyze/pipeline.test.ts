import { describe, expect, it } from 'vitest';
import { createPipeline, type Stage } from './pipeline.js';
import { createDocument } from './document.js';
import { makeArticle } from '../ingest/article.js';
import { analyze, analyzeMany } from './index.js';

const stage = (name: string, requires: Stage['requires'], assigns: Stage['assigns'], run: Stage['run'] = () => ({})): Stage => ({ name, requires, assigns, run });

describe('pipeline', () => {
  it('refuses, when built, a stage whose requirement no earlier stage assigns', () => {
    expect(() => createPipeline([stage('events', ['times'], ['events'])])).toThrow(/E_PIPELINE_ORDER.*events.*times/);
  });

  it('refuses a stage that returns a layer it did not declare', () => {
    const p = createPipeline([stage('bad', [], ['times'], () => ({ events: [] }))]);
    expect(() => p.run(createDocument(makeArticle({ title: 'x', body: 'y' })))).toThrow(/E_STAGE_ASSIGNS/);
  });

  it('adds layers without changing the document it was given', () => {
    const p = createPipeline([stage('s', [], ['duplicates'], () => ({ duplicates: [] }))]);
    const doc = createDocument(makeArticle({ title: 'x', body: 'y' }));
    const out = p.run(doc);
    expect(out.duplicates).toEqual([]);
    expect(doc.duplicates).toBeUndefined();
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('runs many documents stage by stage: each as run alone would give, one failing document failing alone', () => {
    const seen: string[] = [];
    const p = createPipeline([
      stage('a', [], ['duplicates'], (d) => { seen.push(`a:${d.article.title}`); if (d.article.title === 'bad') throw new Error('boom'); return { duplicates: [] }; }),
      stage('b', ['duplicates'], ['summary'], (d) => { seen.push(`b:${d.article.title}`); return { summary: [] }; }),
    ]);
    const docs = ['one', 'bad', 'two'].map((t) => createDocument(makeArticle({ title: t, body: 'y' })));
    const stages: string[] = [];
    const out = p.runMany(docs, (s) => stages.push(s.name));
    expect(seen).toEqual(['a:one', 'a:bad', 'a:two', 'b:one', 'b:two']); // stage by stage, the failed one left out
    expect(stages).toEqual(['a', 'b']);
    expect((out[1] as Error).message).toBe('boom');
    expect(out[0]).toEqual(p.run(docs[0]));
    expect(out[2]).toEqual(p.run(docs[2]));
  });

  it('gives, for real articles analyzed together, the analyses each gets alone', () => {
    const articles = [
      makeArticle({ title: 'Talks in Seoul', body: ['South Korean President Lee Jae-myung met Japanese Prime Minister Sanae Takaichi in Seoul on Monday.', '"We agreed to work together," Lee said.'], published: '2026-01-13' }),
      makeArticle({ title: 'Sanctions', body: ['The European Union imposed new sanctions on Russia on Friday, officials in Brussels said.'], published: '2026-02-20' }),
    ];
    expect(analyzeMany(articles)).toEqual(articles.map((a) => analyze(a)));
  });
});
