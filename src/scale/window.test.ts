// The read-ahead window of `dyad ingest`: while a batch is written (which blocks the reading thread), the analyzer
// threads must already hold further articles, or they sit idle for the whole write.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../analyze/schema.js';
import { listInputs } from '../ingest/read.js';
import type { BatchResult, Store } from '../store/store.js';
import { defaultWindow, ingestParallel } from './ingest.js';
import { AnalyzerPool } from './pool.js';
import { corpus } from './testing.js';

const here = dirname(fileURLToPath(import.meta.url));
const built = existsSync(join(here, '../../dist/src/scale/analyze-worker.js'));
const quiet = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-window-'));
  writeFileSync(join(dir, 'corpus.jsonl'), corpus(1200));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the read-ahead window', () => {
  it('grows with the batch and the threads', () => {
    expect(defaultWindow(100, 1)).toBeGreaterThanOrEqual(3 * 100);
    expect(defaultWindow(100, 2)).toBeGreaterThanOrEqual(5 * 100);
    expect(defaultWindow(100, 0)).toBe(defaultWindow(100, 1));
  });

  it.skipIf(!built)('keeps two batches per analyzer thread in hand while a batch is written', async () => {
    const pool = new AnalyzerPool(1);
    let sent = 0;
    const analyze = pool.analyze.bind(pool);
    pool.analyze = (article) => { sent++; return analyze(article); };
    let written = 0;
    const inHand: number[] = [];
    const store = {
      engine: 'counting',
      hasArticle: async () => false,
      addArticles: async (analyses: readonly Analysis[]): Promise<BatchResult[]> => {
        inHand.push(sent - written - analyses.length);
        written += analyses.length;
        return analyses.map(() => 'added');
      },
    } as unknown as Store;
    const { files } = await listInputs([dir]);
    try {
      const sum = await ingestParallel(store, files, { workers: 1, batchSize: 100, pool }, quiet);
      expect(sum.added).toBe(1200);
    } finally {
      await pool.close();
    }
    // every write but the last few (the end of the input) leaves the thread two batches beyond it
    const whileReading = inHand.filter((_, i) => (i + 1) * 100 + defaultWindow(100, 1) <= 1200);
    expect(whileReading.length).toBeGreaterThan(5);
    for (const n of whileReading) expect(n).toBeGreaterThanOrEqual(2 * 100);
  });
});
