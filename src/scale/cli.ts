// The command line of the distributed mode: `dyad ingest --queue redis://…` (enqueue) and `dyad worker`.
import type { Command } from 'commander';
import { formatProblem, isError } from '../ingest/problem.js';
import { listInputs } from '../ingest/read.js';
import { EXIT, openDb, parseCount, printJson, requireExisting, UsageError, type Io } from '../serve/cli/io.js';
import { parseWorkers } from './ingest.js';
import { defaultWorkers } from './pool.js';
import { boundHeapGrowth } from './heap.js';
import { DEFAULT_QUEUE, enqueueFiles } from './queue.js';
import { startWorker } from './worker.js';

const queueUrl = (url: string) => {
  if (!/^rediss?:\/\//.test(url)) throw new UsageError(`--queue expects a Redis URL like redis://127.0.0.1:6379, not ${url}`);
  return url;
};

/** `dyad ingest PATH… --queue redis://…`: one job per article, for `dyad worker`s to analyze and store. */
export async function runEnqueue(paths: string[], opts: { queue: string; queueName?: string; published?: string; json?: boolean }, io: Io): Promise<number> {
  requireExisting(paths);
  const { files, problems } = await listInputs(paths);
  for (const p of problems) io.stderr.write(formatProblem(p) + '\n');
  const stop = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => stop.abort(sig);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  let sum;
  try {
    sum = await enqueueFiles(files, { url: queueUrl(opts.queue), name: opts.queueName, published: opts.published, signal: stop.signal }, io);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  sum.failed += problems.filter(isError).length;
  const name = opts.queueName ?? DEFAULT_QUEUE;
  if (opts.json) printJson(io, { queued: sum.queued, failed: sum.failed, queue: name, problems: [...problems, ...sum.problems] });
  else io.stdout.write(`queued ${sum.queued} in ${name}, failed ${sum.failed}\n`);
  return sum.failed > 0 ? EXIT.someFailed : EXIT.ok;
}

interface WorkerCliOptions { queue: string; queueName?: string; db?: string; workers?: number; concurrency?: number; lockMs?: number; untilEmpty?: boolean }

/** `dyad worker`: runs until SIGTERM or Ctrl-C (or, with --until-empty, until the queue is empty), then lets the jobs in hand finish and exits 0. */
export async function runWorker(opts: WorkerCliOptions, io: Io): Promise<number> {
  boundHeapGrowth(); // src/scale/heap.ts
  const store = openDb(opts.db, io, 'write');
  const threads = opts.workers ?? defaultWorkers(io.env);
  const name = opts.queueName ?? DEFAULT_QUEUE;
  const log = (line: string) => io.stderr.write(line + '\n');
  const w = startWorker(store, { url: queueUrl(opts.queue), name, threads, concurrency: opts.concurrency, lockMs: opts.lockMs }, log);
  log(`dyad worker: taking jobs from ${name} (${threads} analyzer thread${threads === 1 ? '' : 's'}); stop with SIGTERM or Ctrl-C${opts.untilEmpty ? ', or once the queue is empty' : ''}`);
  let onSignal: (sig: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<string>((resolve) => {
    onSignal = (sig) => resolve(`${sig}: finishing the jobs in hand`);
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
  const why = await Promise.race([signalled, ...(opts.untilEmpty ? [w.empty().then(() => 'the queue is empty')] : [])]);
  log(`dyad worker: ${why}`);
  try {
    await w.close();
  } finally {
    await store.close();
    // until here a signal changes nothing: the jobs in hand are finishing
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  io.stdout.write(`stored: added ${w.counts.added}, already present ${w.counts.present}, failed ${w.counts.failed}\n`);
  return EXIT.ok;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('worker')
    .description('take article jobs from a Redis queue (dyad ingest --queue), analyze them and store them; many can run on many machines')
    .requiredOption('--queue <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--queue-name <name>', `queue name (default: ${DEFAULT_QUEUE})`)
    .option('--db <location>', 'database: postgres://… (for many workers) or a SQLite file (default: $DYAD_DB or ./dyad.db)')
    .option('--workers <n>', 'analyzer threads (default: $DYAD_WORKERS or one per core but one)', parseWorkers)
    .option('--concurrency <n>', 'jobs in hand at once (default: twice the threads)', parseCount)
    .option('--lock-ms <ms>', 'job lock duration: a worker silent this long has its jobs taken back (default 30000)', parseCount)
    .option('--until-empty', 'exit (0) once the queue holds no job waiting, delayed or in any worker\'s hands: for a batch run')
    .action(async (opts: WorkerCliOptions) => done(await runWorker(opts, io)));
}
