import { describe, expect, it } from 'vitest';
import { createPipeline, type Stage } from './pipeline.js';
import { createDocument } from './document.js';
import { makeArticle } from '../ingest/article.js';

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
});
