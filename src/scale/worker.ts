// `dyad worker`: takes article jobs from the queue, analyzes them on worker threads and stores each one in its own
// transaction (an upsert keyed by the article's content id: a job delivered twice is stored once).
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Store } from '../store/store.js';
import { AnalyzerPool } from './pool.js';
import { DEFAULT_QUEUE, redisConnection, type ArticleJob } from './queue.js';

export interface WorkerOptions {
  url: string;
  name?: string;
  /** analyzer threads (0: on the main thread) */
  threads: number;
  /** jobs in hand at once (default: twice the threads, at least 2) */
  concurrency?: number;
  /** how long a job's lock lasts without renewal: a worker gone this long has its jobs taken back (default 30 s) */
  lockMs?: number;
}

export interface RunningWorker {
  /** stops taking jobs, lets the jobs in hand finish (or, with `force`, leaves them to be taken back), closes */
  close(force?: boolean): Promise<void>;
  /** jobs stored so far by this worker: added, and already present (a redelivered or repeated article) */
  readonly counts: { added: number; present: number; failed: number };
}

export function startWorker(store: Store, opts: WorkerOptions, log: (line: string) => void = () => undefined): RunningWorker {
  const pool = new AnalyzerPool(opts.threads);
  const counts = { added: 0, present: 0, failed: 0 };
  const lockDuration = opts.lockMs ?? 30_000;
  const connection = redisConnection(opts.url);
  const worker = new Worker<ArticleJob, string>(opts.name ?? DEFAULT_QUEUE, async (job: Job<ArticleJob>) => {
    const { article } = job.data;
    // already stored (a redelivered job, or the same article queued twice): nothing to analyze
    if (await store.hasArticle(article.id)) { counts.present++; return 'present'; }
    let analysis;
    try {
      analysis = await pool.analyze(article);
    } catch (err) {
      // the analysis is deterministic: trying again would fail again
      throw new UnrecoverableError(`${job.data.source}:${job.data.line}: analysis failed: ${(err as Error).message}`);
    }
    const result = await store.addArticle(analysis); // throws on a store error: the job is retried with backoff
    if (result === 'added') counts.added++;
    else counts.present++;
    return result;
  }, {
    connection,
    concurrency: opts.concurrency ?? Math.max(2, 2 * opts.threads),
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: 10,
  });
  worker.on('failed', (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) counts.failed++;
    log(`dyad worker: job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
  });
  // a connection error repeats while Redis is away: said once, then again only when it changes
  let lastError = '';
  worker.on('error', (err) => { if (err.message !== lastError) log(`dyad worker: ${err.message}`); lastError = err.message; });
  return {
    counts,
    async close(force = false) {
      await worker.close(force);
      await pool.close();
      connection.disconnect();
    },
  };
}
