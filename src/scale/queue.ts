// Many machines: articles become BullMQ jobs in Redis (`dyad ingest --queue redis://…`), and `dyad worker`s anywhere
// analyze them and store them (PostgreSQL). Delivery is at least once (retries with backoff, stalled jobs taken
// back); storage is exactly once, because the store's writes are upserts keyed by the article's content id, one
// transaction per article. Job ids are article ids, which saves work, but deduplication lives in the database.
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { formatProblem, isError, type Problem } from '../ingest/problem.js';
import { readFile, type InputFile } from '../ingest/read.js';
import type { Article } from '../ingest/article.js';
import type { Io } from '../serve/cli/io.js';

/** The queue's name when none is given. */
export const DEFAULT_QUEUE = 'dyad-articles';

/** What a job carries: the article as read. */
export interface ArticleJob { article: Article; source: string; line: number }

/**
 * A Redis connection for BullMQ from `redis://[user:password@]host:port[/db]` (or `rediss://`). BullMQ does not
 * close a connection it was given: the caller quits it after closing the queue or worker.
 */
export function redisConnection(url: string): Redis {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`E_QUEUE_URL: expected redis://host:port, not ${url}`);
  // maxRetriesPerRequest null: what BullMQ workers require (block and retry while Redis is away)
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** Retries with exponential backoff (1 s, 2 s, 4 s …); finished jobs are trimmed so Redis stays small. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 10000 },
};

export interface EnqueueSummary { queued: number; failed: number; problems: Problem[] }

/** Reads the files and adds one job per article, in bulks of `bulk` (reading waits for Redis: memory stays bounded). */
export async function enqueueFiles(files: readonly InputFile[], opts: { url: string; name?: string; published?: string; bulk?: number; signal?: AbortSignal }, io: Io): Promise<EnqueueSummary> {
  const sum: EnqueueSummary = { queued: 0, failed: 0, problems: [] };
  const connection = redisConnection(opts.url);
  const queue = new Queue<ArticleJob>(opts.name ?? DEFAULT_QUEUE, { connection });
  const bulk = Math.max(1, opts.bulk ?? 200);
  let pending: ArticleJob[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const jobs = pending;
    pending = [];
    await queue.addBulk(jobs.map((data) => ({ name: 'article', data, opts: { ...JOB_OPTIONS, jobId: data.article.id } })));
    sum.queued += jobs.length;
  };
  try {
    for (const file of files) {
      if (opts.signal?.aborted) break;
      for await (const item of readFile(file.path, { published: opts.published })) {
        if (opts.signal?.aborted) break;
        if (item.kind === 'problem') {
          if (isError(item.problem)) sum.failed++;
          sum.problems.push(item.problem);
          io.stderr.write(formatProblem(item.problem) + '\n');
          continue;
        }
        pending.push({ article: item.article, source: item.source, line: item.line });
        if (pending.length >= bulk) await flush();
      }
    }
    await flush();
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return sum;
}
