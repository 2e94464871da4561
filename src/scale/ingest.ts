// The one-machine scale-out of `dyad ingest`: the streaming readers feed a pool of analyzer threads through a
// bounded window (backpressure: reading waits while the window is full), and analyses are written in batches,
// one transaction per batch, each article whole or not at all. Results are taken in reading order, so counts,
// ids and problems come out as with one thread.
import { InvalidArgumentError } from 'commander';
import type { Analysis } from '../analyze/schema.js';
import { PROBLEM, problem, type Problem } from '../ingest/problem.js';
import type { InputFile } from '../ingest/read.js';
import type { BatchResult, Store } from '../store/store.js';
import type { IngestOptions, IngestSummary } from '../serve/cli/ingest.js';
import type { Io } from '../serve/cli/io.js';
import { startIngestRun } from '../serve/cli/ingest-run.js';
import { GROUP } from './group.js';
import { AnalyzerPool } from './pool.js';

export interface ParallelOptions extends IngestOptions {
  /** analyzer threads (0: on this thread) */
  workers: number;
  /** articles per write transaction (default 100) */
  batchSize?: number;
  /** articles read ahead of the writer, at most (default: `defaultWindow`) */
  window?: number;
  /** an analyzer pool to use (and leave open) instead of starting one */
  pool?: AnalyzerPool;
}

/** What was read, in order: an article with its analysis on the way (null: already stored), or a problem. */
type Pending =
  | { kind: 'article'; analysis: Promise<Analysis> | null; source: string; line: number; id: string }
  | { kind: 'problem'; problem: Problem };
/** The same, once analyzed: what the next write takes, in reading order. */
type Ready =
  | { kind: 'article'; analysis: Analysis | null; id: string; source: string; line: number }
  | { kind: 'problem'; problem: Problem };

export async function ingestParallel(store: Store, files: readonly InputFile[], opts: ParallelOptions, io: Io): Promise<IngestSummary> {
  const run = startIngestRun(files, opts, io);
  const { sum, report } = run;
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  const windowSize = Math.max(1, opts.window ?? defaultWindow(batchSize, opts.workers));
  const pool = opts.pool ?? new AnalyzerPool(opts.workers);
  const window: Pending[] = [];
  let batch: Ready[] = [];
  let articlesInBatch = 0;

  /** Writes the batch in one transaction, then reports each entry in reading order. */
  const flush = async () => {
    if (batch.length === 0) return;
    const todo = batch;
    batch = [];
    articlesInBatch = 0;
    const analyses = todo.flatMap((b) => (b.kind === 'article' && b.analysis ? [b.analysis] : []));
    let results: BatchResult[];
    try {
      results = await store.addArticles(analyses, { replace: opts.reanalyze });
    } catch (err) {
      results = analyses.map(() => err as Error);
    }
    let k = 0;
    for (const b of todo) {
      if (b.kind === 'problem') { report(b.problem); continue; }
      const r: BatchResult = b.analysis ? results[k++] : 'present';
      if (r instanceof Error) { report(problem(PROBLEM.STORE, `not stored: ${r.message}`, b.source, b.line)); continue; }
      if (r === 'added') sum.added++;
      else sum.present++;
      if (r === 'replaced') sum.reanalyzed++;
      if (opts.collectIds) sum.ids.push(b.id);
    }
    run.progress();
  };
  /** Moves the oldest item of the window into the batch once analyzed; writes the batch when it holds enough articles. */
  const takeOne = async () => {
    const p = window.shift()!;
    if (p.kind === 'problem') { batch.push(p); return; }
    try {
      batch.push({ kind: 'article', analysis: p.analysis && await p.analysis, id: p.id, source: p.source, line: p.line });
      if (p.analysis) articlesInBatch++;
    } catch (err) {
      batch.push({ kind: 'problem', problem: problem(PROBLEM.ANALYZE, `analysis failed: ${(err as Error).message}`, p.source, p.line) });
    }
    if (articlesInBatch >= batchSize || batch.length >= 4 * batchSize) await flush();
  };
  const push = async (p: Pending) => {
    window.push(p);
    if (window.length >= windowSize) await takeOne();
  };

  try {
    // the signal stops the reading; what was read is still analyzed and written below
    for await (const item of run.items()) {
      if (item.kind === 'problem') { await push({ kind: 'problem', problem: item.problem }); continue; }
      const { article } = item;
      let present = false;
      try {
        present = !opts.reanalyze && await store.hasArticle(article.id);
      } catch (err) {
        await push({ kind: 'problem', problem: problem(PROBLEM.STORE, `cannot read the database: ${(err as Error).message}`, item.source, item.line) });
        continue;
      }
      let analysis: Promise<Analysis> | null = null;
      if (!present) {
        analysis = pool.analyze(article);
        analysis.catch(() => undefined); // handled when taken
      }
      await push({ kind: 'article', analysis, source: item.source, line: item.line, id: article.id });
    }
    while (window.length) await takeOne();
    await flush();
    // what was stored is grouped into stories now, not at the next batches (`--watch` waits for more files)
    await store.settle?.();
  } finally {
    if (!opts.pool) await pool.close();
    run.end();
  }
  return sum;
}

/**
 * How many articles are read ahead of the writer by default. A batch's write blocks this thread, so nothing new reaches
 * the analyzer threads meanwhile: they must already hold enough to stay busy. When the batch is taken, the window
 * still holds what was read beyond it, and writing a batch takes about as long as one thread analyzing it (on a
 * 2-core machine both cost ~1.5 ms an article), so each thread is given two batches beyond the one being written, and
 * a group (GROUP) to start on. With one batch beyond (the earlier default) the analyzer thread of a 2-core ingest sat
 * idle 20% of the time, and the writer 25%.
 */
export function defaultWindow(batchSize: number, workers: number): number {
  const threads = Math.max(1, workers);
  return batchSize * (1 + 2 * threads) + GROUP * threads;
}

/** `--workers N`: a whole number, 0 or more. */
export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number of worker threads (0 or more).');
  return n;
}
