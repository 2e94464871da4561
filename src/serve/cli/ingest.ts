import type { Command } from 'commander';
import { analyze } from '../../analyze/index.js';
import { formatProblem, isError, PROBLEM, problem, type Problem } from '../../ingest/problem.js';
import { listInputs, type InputFile } from '../../ingest/read.js';
import { startIngestRun } from './ingest-run.js';
import type { Store } from '../../store/store.js';
import { EXIT, openDb, parseDate, printJson, requireExisting, type Io } from './io.js';
import { ingestParallel, parseWorkers } from '../../scale/ingest.js';
import { defaultWorkers } from '../../scale/pool.js';
import { ingestCacheMiB } from '../../store/sqlite/index.js';
import { boundHeapGrowth } from '../../scale/heap.js';
import { runEnqueue } from '../../scale/cli.js';
import { watchPaths } from './watch.js';
import type { Pipeline } from '../../analyze/pipeline.js';
import { pipelineFor } from './dictionaries.js';

export interface IngestSummary {
  added: number;
  present: number;
  failed: number;
  problems: Problem[];
  /** of the articles already present, those analysed again and stored anew (--reanalyze) */
  reanalyzed: number;
  /** ids of the articles read (added or already present), in order, when `collectIds` is set */
  ids: string[];
}

export interface IngestOptions {
  /** a date for all, or one per file */
  published?: string | ((file: string) => string | undefined);
  reanalyze?: boolean;
  collectIds?: boolean;
  /** stops the batch between two articles */
  signal?: AbortSignal;
  /** the analysis pipeline (default: dyad's; `--dictionaries` adds PETRARCH events) */
  pipeline?: Pipeline;
}

interface Options { dictionaries?: string; db?: string; published?: string; reanalyze?: boolean; durable?: boolean; json?: boolean; workers?: number; queue?: string; queueName?: string; watch?: boolean; watchInterval?: number; signal?: AbortSignal }

/**
 * Reads files, analyses each article not yet stored, stores it (one transaction each). Problems are collected,
 * never thrown: the rest of the batch goes in.
 */
export async function ingestFiles(store: Store, files: readonly InputFile[], opts: IngestOptions, io: Io): Promise<IngestSummary> {
  const run = startIngestRun(files, opts, io);
  const { sum, report } = run;
  try {
    // the signal stops the reading between articles: every stored article is whole
    for await (const item of run.items()) {
      if (item.kind === 'problem') { report(item.problem); continue; }
      const { article } = item;
      try {
        // an article already stored is not analysed again, unless asked
        if (!opts.reanalyze && await store.hasArticle(article.id)) { sum.present++; if (opts.collectIds) sum.ids.push(article.id); continue; }
      } catch (err) {
        report(problem(PROBLEM.STORE, `cannot read the database: ${(err as Error).message}`, item.source, item.line));
        continue;
      }
      let analysis;
      try {
        analysis = analyze(article, opts.pipeline);
      } catch (err) {
        report(problem(PROBLEM.ANALYZE, `analysis failed: ${(err as Error).message}`, item.source, item.line));
        continue;
      }
      try {
        const result = await store.addArticle(analysis, { replace: opts.reanalyze });
        if (result === 'added') sum.added++;
        else sum.present++;
        if (result === 'replaced') sum.reanalyzed++;
        if (opts.collectIds) sum.ids.push(article.id);
      } catch (err) {
        report(problem(PROBLEM.STORE, `not stored: ${(err as Error).message}`, item.source, item.line));
      }
      run.progress();
    }
    // what was stored is grouped into stories now, not at the next batches (`--watch` waits for more files)
    await store.settle?.();
  } finally {
    run.end();
  }
  return sum;
}

export const countLine = (s: IngestSummary) => `added ${s.added}, already present ${s.present}, failed ${s.failed}${s.reanalyzed ? `; re-analyzed ${s.reanalyzed}` : ''}`;

/** `dyad ingest PATH…` */
export async function runIngest(paths: string[], opts: Options, io: Io): Promise<number> {
  if (opts.queue) return runEnqueue(paths, { ...opts, queue: opts.queue }, io); // many machines: src/scale/queue.ts
  requireExisting(paths);
  boundHeapGrowth(); // resident memory stays near what the ingest keeps alive (src/scale/heap.ts)
  // --dictionaries DIR: PETRARCH events added; analysed on this thread (the worker threads run dyad's own pipeline)
  const pipeline = pipelineFor(opts.dictionaries);
  const { files, problems } = await listInputs(paths);
  const workers = opts.workers ?? defaultWorkers(io.env);
  // the writer's page cache takes the room of the analyzer threads it does not start (src/store/sqlite/index.ts)
  const store = openDb(opts.db, io, 'write', { durable: opts.durable, cacheMiB: ingestCacheMiB(pipeline ? 0 : workers) });
  // SIGTERM or Ctrl-C: finish the article being stored, close the database, report, exit (a second Ctrl-C kills)
  const stop = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => { removeSignals(); stop.abort(sig); };
  const removeSignals = () => { process.off('SIGTERM', onSignal); process.off('SIGINT', onSignal); };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  let sum: IngestSummary;
  try {
    for (const p of problems) io.stderr.write(formatProblem(p) + '\n');
    // analysis on worker threads (all cores by default), writes batched: src/scale
    const ingest = (found: readonly InputFile[]) => pipeline
      ? ingestFiles(store, found, { published: opts.published, reanalyze: opts.reanalyze, signal: stop.signal, pipeline }, io)
      : ingestParallel(store, found, { published: opts.published, reanalyze: opts.reanalyze, signal: stop.signal, workers }, io);
    sum = await ingest(files);
    sum.failed += problems.filter(isError).length;
    sum.problems.unshift(...problems);
    if (opts.watch && !stop.signal.aborted) {
      // --watch: then every new or changed file, until Ctrl-C (src/serve/cli/watch.ts)
      io.stdout.write(countLine(sum) + '\n');
      io.stderr.write(`dyad: watching ${paths.join(', ')} for new files (Ctrl-C to stop)\n`);
      opts.signal?.addEventListener('abort', () => stop.abort('SIGINT'));
      await watchPaths(paths, async (found) => {
        const one = await ingest(found);
        io.stdout.write(`${found.map((f) => f.path).join(', ')}: ${countLine(one)}\n`);
        sum.added += one.added; sum.present += one.present; sum.failed += one.failed; sum.problems.push(...one.problems);
      }, { signal: stop.signal, intervalMs: opts.watchInterval, known: files, io });
    }
  } finally {
    removeSignals();
    await store.close();
  }
  if (opts.watch) { io.stdout.write(`watched: ${countLine(sum)}\n`); return sum.failed > 0 ? EXIT.someFailed : EXIT.ok; }
  if (stop.signal.aborted) io.stderr.write(`dyad: interrupted by ${stop.signal.reason}; stopped after a whole article (run the same command again to go on)\n`);
  if (opts.json) printJson(io, { added: sum.added, present: sum.present, reanalyzed: sum.reanalyzed, failed: sum.failed, problems: sum.problems });
  else io.stdout.write(countLine(sum) + '\n');
  if (stop.signal.reason === 'SIGINT') return EXIT.interrupted;
  return sum.failed > 0 ? EXIT.someFailed : EXIT.ok;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('ingest')
    .description('analyze articles and store them in the database (an article already stored is skipped)')
    .argument('<paths...>', 'files or folders (.txt, .jsonl, .ndjson, .html, .rss, .atom, .xml, .tml)')
    .option('--db <file>', 'SQLite database file or postgres://… URL (default: $DYAD_DB or ./dyad.db)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none', parseDate)
    .option('--reanalyze', 'analyze again the articles already stored and replace them with their facts (give the same --published)')
    .option('--durable', 'synchronous=FULL: each stored article also survives a power loss (slower)')
    .option('--json', 'print the counts and problems as JSON')
    .option('--workers <n>', 'analyzer threads (default: $DYAD_WORKERS or one per core but one, whose core the reading and writing thread keeps; 0 analyzes on the main thread)', parseWorkers)
    .option('--watch', 'after the paths, ingest every new or changed file in them as it appears, until Ctrl-C')
    .option('--dictionaries <dir>', 'PETRARCH-format dictionaries (verbs, actors, agents): their events are added (analysed on one thread)')
    .option('--queue <url>', 'enqueue the articles as jobs in Redis (redis://…) for `dyad worker`s instead of analyzing them here')
    .option('--queue-name <name>', 'queue name with --queue (default: dyad-articles)')
    .action(async (paths: string[], opts: Options) => done(await runIngest(paths, opts, io)));
}
