import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../ingest/article.js';
import { AnalyzerPool, defaultWorkers, workerScript } from './pool.js';

const article = (i: number) => makeArticle({ title: `Ministers meet, round ${i}`, body: [`Japanese Foreign Minister Kenji Morioka met Claire Whitfield in Tokyo on Tuesday.`], published: '2026-02-10' });

describe.skipIf(!existsSync(workerScript()))('the analyzer pool', () => {
  it('analyzes on threads what the main thread analyzes', async () => {
    const threads = new AnalyzerPool(2);
    const inline = new AnalyzerPool(0);
    try {
      // the same document to the byte (the thread sends its layers; the pool puts the article back in front)
      const a = makeArticle({ title: 'Ministers meet', standfirst: 'Talks in Tokyo', body: ['Japanese Foreign Minister Kenji Morioka met Claire Whitfield in Tokyo on Tuesday.', '“We agreed,” Morioka said.'], published: '2026-02-10', source: 'Wire', url: 'https://example.org/a' });
      expect(JSON.stringify(await threads.analyze(a))).toBe(JSON.stringify(await inline.analyze(a)));
      expect((await threads.analyze(article(1))).article.text).toBe(article(1).text);
    } finally {
      await threads.close();
    }
  });

  it('analyzes on the calling thread too when inline, the same documents in the same order', async () => {
    const inline = new AnalyzerPool(1, { inline: true });
    const alone = new AnalyzerPool(0);
    try {
      const here = inline as unknown as { here: unknown[] };
      let queuedHere = 0;
      const articles = Array.from({ length: 40 }, (_, i) => article(i));
      const results = articles.map((a) => { const r = inline.analyzeJson(a); queuedHere = Math.max(queuedHere, here.here.length); return r; });
      // the calling thread took a share (its queue was shorter than the thread's), the thread the rest
      expect(queuedHere).toBeGreaterThan(0);
      expect(queuedHere).toBeLessThan(articles.length);
      const expected = await Promise.all(articles.map((a) => alone.analyzeJson(a)));
      expect(await Promise.all(results)).toEqual(expected);
      expect((await inline.analyze(article(41))).article.title).toBe('Ministers meet, round 41');
    } finally {
      await inline.close();
    }
  });

  it('rejects what is still queued on the calling thread when closed', async () => {
    const inline = new AnalyzerPool(1, { inline: true });
    const here = inline as unknown as { here: unknown[] };
    // the articles queued on this thread (its queue grew with them); the thread's own are left to it, as before
    const queuedHere: Promise<string>[] = [];
    for (let i = 0; i < 20; i++) {
      const before = here.here.length;
      const r = inline.analyze(article(i)).then(() => 'done', (e: Error) => e.message);
      if (here.here.length > before) queuedHere.push(r);
    }
    expect(queuedHere.length).toBeGreaterThan(0);
    await inline.close();
    expect(new Set(await Promise.all(queuedHere))).toEqual(new Set(['E_WORKER: the pool is closed']));
  });

  it('replaces a thread that dies and gives it the articles in hand', async () => {
    const pool = new AnalyzerPool(1);
    try {
      const pending = [1, 2, 3].map((i) => pool.analyze(article(i)));
      await (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0].worker.terminate();
      const done = await Promise.all(pending);
      expect(done.map((x) => x.article.title)).toEqual(['Ministers meet, round 1', 'Ministers meet, round 2', 'Ministers meet, round 3']);
      expect((await pool.analyze(article(4))).events.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('uses every core unless told otherwise: one analyzer thread per core but the writer\'s', () => {
    expect(defaultWorkers({})).toBeGreaterThan(0);
    expect(defaultWorkers({}, 8)).toBe(7);
    expect(defaultWorkers({}, 2)).toBe(1);
    expect(defaultWorkers({}, 1)).toBe(1);
    expect(defaultWorkers({ DYAD_WORKERS: '0' })).toBe(0);
    expect(defaultWorkers({ DYAD_WORKERS: '3' })).toBe(3);
  });
});
