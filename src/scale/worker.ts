// `dyad worker`: takes article jobs from the queue, analyzes them on worker threads and stores each one in its own
// transaction (an upsert keyed by the article's content id: a job delivered twice is stored once).
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
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
  /**
   * Resolves once the queue holds no job to do, here or on any other worker: none waiting, prioritized, delayed (a
   * retry's backoff) or active (a job a worker that died still holds stays active until it is taken back), seen
   * twice `everyMs` apart.
   */
  empty(everyMs?: number): Promise<void>;
}

/** The job states that are work still to do (finished ones, completed or failed for good, are not). */
export const TO_DO = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children'] as const;

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
  let queue: Queue | null = null;
  let polling: NodeJS.Timeout | undefined;
  let closing = false;
  return {
    counts,
    empty(everyMs = 500) {
      queue ??= new Queue(opts.name ?? DEFAULT_QUEUE, { connection });
      const q = queue;
      return new Promise<void>((resolve) => {
        let seen = 0;
        const check = async () => {
          if (closing) return;
          try {
            const n = Object.values(await q.getJobCounts(...TO_DO)).reduce((a, b) => a + b, 0);
            seen = n === 0 ? seen + 1 : 0;
          } catch {
            seen = 0; // Redis away: the worker says so (its error event); try again
          }
          if (seen >= 2) resolve();
          else if (!closing) polling = setTimeout(check, everyMs);
        };
        void check();
      });
    },
    async close(force = false) {
      closing = true; // a check in flight schedules no other
      clearTimeout(polling);
      await worker.close(force);
      await queue?.close();
      await pool.close();
      connection.disconnect();
    },
  };
}
