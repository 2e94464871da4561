import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../document.js';
import { segmentStage } from '../sentences/index.js';
import { readConll } from './conll.js';
import { nerStage, tagTokens } from './index.js';
import { packageRoot } from './model.js';
import { chunks, score } from './score.js';

const entities = (words: string[]) => chunks(tagTokens(words)).map((c) => `${c.type}:${words.slice(c.start, c.end).join(' ')}`);

describe('tagTokens (shipped model)', () => {
  it('finds the people, places and nationalities of a news sentence', () => {
    const words = 'South Korean President Lee Jae Myung met Chinese President Xi Jinping in Beijing .'.split(' ');
    expect(entities(words)).toEqual(['MISC:South Korean', 'PER:Lee Jae Myung', 'MISC:Chinese', 'PER:Xi Jinping', 'LOC:Beijing']);
  });

  it('tags curly-quoted text as it tags the straight-quoted one', () => {
    const curly = 'Lee met Xi in Beijing , calling for a “ new phase ” in relations with China .'.split(' ');
    const straight = curly.map((w) => w.replace(/[“”]/g, '"'));
    expect(tagTokens(curly)).toEqual(tagTokens(straight));
    expect(entities(curly)).toContain('LOC:China');
  });

  it('returns one tag per word, and none for no words', () => {
    expect(tagTokens([])).toEqual([]);
    expect(tagTokens(['Beijing'])).toHaveLength(1);
  });

  const valid = join(packageRoot(), '..', 'shared', 'data', 'conll2003', 'valid.txt');
  it.skipIf(!existsSync(valid))('scores at least 88 F1 on CoNLL-2003 valid.txt', () => {
    const sentences = readConll(valid);
    const s = score(sentences.map((x) => x.tags), sentences.map((x) => tagTokens(x.words)));
    expect(s.overall.f1).toBeGreaterThanOrEqual(88);
  });
});

describe('nerStage', () => {
  it('tags a document sentence by sentence, one tag per token', () => {
    const text = 'Lee Jae Myung arrived in Beijing. He met Chinese President Xi Jinping on Monday.';
    let doc = createDocument({ id: 'a', title: '', body: text, text, lang: 'en' } as never);
    doc = { ...doc, ...segmentStage.run(doc) };
    const tokens = doc.tokens!;
    const tags = nerStage.run(doc).nerTags!;
    expect(tags).toHaveLength(tokens.length);
    const found = chunks(tags).map((c) => `${c.type}:${tokens.slice(c.start, c.end).map((t) => t.text).join(' ')}`);
    expect(found).toEqual(['PER:Lee Jae Myung', 'LOC:Beijing', 'MISC:Chinese', 'PER:Xi Jinping']);
  });

  it('declares what it needs and what it adds', () => {
    expect(nerStage).toMatchObject({ name: 'ner', requires: ['tokens'], assigns: ['nerTags'] });
  });
});
