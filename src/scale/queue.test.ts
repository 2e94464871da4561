// TESTING.md 3 and the "done when": two workers against one Redis and one PostgreSQL, one killed with
// SIGKILL in the middle of the batch and replaced: every article stored once and whole, no job lost (10k articles
// under CI=true). Runs the built executable (npm test builds first). DYAD_REDIS_URL / DYAD_PG_URL; skipped with a
// notice when either is unreachable on a developer's machine, required under CI=true.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.js';
import { collect, readFile } from '../ingest/read.js';
import { corpus } from './testing.js';
import { dropSchemas, freshSchemaUrl, pgTestUrl, pgUnreachable, shouldRun } from '../store/postgres/testing.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '../../bin/dyad.js');
const built = existsSync(join(here, '../../dist/src/scale/cli.js'));
const REDIS = process.env.DYAD_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG = pgTestUrl();
// the batch of 10k articles under CI; 600 on a developer's machine unless DYAD_QUEUE_TEST_ARTICLES says otherwise
const ARTICLES = Number(process.env.DYAD_QUEUE_TEST_ARTICLES ?? (process.env.CI ? 10_000 : 600));
const DEADLINE = Math.max(150_000, ARTICLES * 60); // however loaded the machine

async function redisUnreachable(url: string): Promise<string | null> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try { await r.connect(); await r.ping(); return null; } catch (err) { return (err as Error).message || String(err); } finally { r.disconnect(); }
}

const [redisDown, pgDown] = await Promise.all([redisUnreachable(REDIS), pgUnreachable(PG)]);
const run = shouldRun('Redis', REDIS, redisDown) && shouldRun('PostgreSQL', PG, pgDown);

function start(args: string[]): { p: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string; err: string }> } {
  const p = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DYAD_WORKERS: '1' } });
  let out = '';
  let err = '';
  p.stdout!.on('data', (d) => { out += d; });
  p.stderr!.on('data', (d) => { err += d; });
  const done = new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) => p.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { p, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(run && built)('the queue: many workers, BullMQ on Redis, PostgreSQL', () => {
  const queueName = `dyad-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const { url: db, schema } = freshSchemaUrl(PG);
  let dir: string;
  let input: string;
  let client: pg.Client;
  let queue: Queue;
  let qconn: Redis;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-queue-'));
    input = join(dir, 'corpus.jsonl');
    writeFileSync(input, corpus(ARTICLES));
    client = new pg.Client({ connectionString: PG });
    await client.connect();
    qconn = new Redis(REDIS, { maxRetriesPerRequest: null });
    queue = new Queue(queueName, { connection: qconn });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    qconn?.disconnect();
    await client?.end();
    await dropSchemas(PG, [schema]);
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = async () => {
    const r = await client.query(`SELECT COUNT(*)::int AS n FROM "${schema}".articles`).catch(() => ({ rows: [{ n: 0 }] }));
    return r.rows[0].n as number;
  };

  it('two workers, one killed with SIGKILL mid-batch and replaced: nothing lost, nothing doubled, nothing half-stored', async () => {
    const enq = await start(['ingest', input, '--queue', REDIS, '--queue-name', queueName]).done;
    expect(enq.code, enq.err).toBe(0);
    expect(enq.out).toBe(`queued ${ARTICLES} in ${queueName}, failed 0\n`);

    const worker = () => start(['worker', '--queue', REDIS, '--queue-name', queueName, '--db', db, '--workers', '1', '--lock-ms', '2000']);
    const a = worker();
    const b = worker();
    const t0 = Date.now();
    while ((await stored()) < ARTICLES / 4 && Date.now() - t0 < 60_000) await sleep(50);
    a.p.kill('SIGKILL');
    const killedAt = await stored();
    expect((await a.done).signal).toBe('SIGKILL');
    expect(killedAt).toBeLessThan(ARTICLES); // the kill landed mid-batch
    const c = worker();
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      if ((await stored()) === ARTICLES && counts.waiting + counts.active + counts.delayed + counts.prioritized === 0) break;
      if (Date.now() - t0 > DEADLINE) throw new Error(`timed out: ${await stored()} stored, queue ${JSON.stringify(counts)}`);
      await sleep(200);
    }
    b.p.kill('SIGTERM');
    c.p.kill('SIGTERM');
    const [rb, rc] = await Promise.all([b.done, c.done]);
    expect([rb.code, rc.code], rb.err + rc.err).toEqual([0, 0]); // SIGTERM: the jobs in hand finish, exit 0
    expect((await queue.getJobCounts('failed')).failed).toBe(0);

    // each article exactly once, with all of its facts: as many rows in every table as its analysis has
    const { articles } = await collect(readFile(input));
    expect(new Set(articles.map((x) => x.id)).size).toBe(ARTICLES);
    const rows = (await client.query(`SELECT a.id,
        (SELECT COUNT(*)::int FROM "${schema}".entities e WHERE e.article_seq = a.seq) AS entities,
        (SELECT COUNT(*)::int FROM "${schema}".mentions m WHERE m.article_seq = a.seq) AS mentions,
        (SELECT COUNT(*)::int FROM "${schema}".times t WHERE t.article_seq = a.seq) AS times,
        (SELECT COUNT(*)::int FROM "${schema}".quotes q WHERE q.article_seq = a.seq) AS quotes,
        (SELECT COUNT(*)::int FROM "${schema}".events v WHERE v.article_seq = a.seq) AS events,
        (SELECT COUNT(*)::int FROM "${schema}".relations r WHERE r.article_seq = a.seq) AS relations
      FROM "${schema}".articles a`)).rows;
    expect(rows).toHaveLength(ARTICLES);
    const byId = new Map(rows.map((r) => [r.id, r]));
    let facts = 0;
    for (const article of articles) {
      const x = analyze(article);
      const want = {
        id: article.id, entities: x.entities.length, mentions: new Set(x.entities.flatMap((e) => e.mentions.map((m) => `${e.id}:${m.start}:${m.end}`))).size,
        times: x.times.length, quotes: x.quotes.length, events: x.events.length, relations: x.relations.length,
      };
      facts += want.events + want.quotes;
      expect(byId.get(article.id)).toEqual(want);
    }
    expect(facts).toBeGreaterThan(ARTICLES); // the articles do carry facts
  }, DEADLINE + 60_000);

  it('with --until-empty, a worker stops by itself once the queue holds nothing to do', async () => {
    const name = `${queueName}-drain`;
    const small = join(dir, 'small.jsonl');
    writeFileSync(small, corpus(40));
    const sqlite = join(dir, 'drain.db');
    const drainQueue = new Queue(name, { connection: qconn });
    try {
      expect((await start(['ingest', small, '--queue', REDIS, '--queue-name', name]).done).code).toBe(0);
      const first = await start(['worker', '--queue', REDIS, '--queue-name', name, '--db', sqlite, '--workers', '1', '--until-empty']).done;
      expect(first.code, first.err).toBe(0);
      expect(first.err).toContain('the queue is empty');
      expect(first.out).toBe('stored: added 40, already present 0, failed 0\n');
      const counts = await drainQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed');
      expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, prioritized: 0, completed: 40 });
      // on a queue already empty: nothing stored, and it does not wait for a signal
      const again = await start(['worker', '--queue', REDIS, '--queue-name', name, '--db', sqlite, '--workers', '0', '--until-empty']).done;
      expect(again.code, again.err).toBe(0);
      expect(again.out).toBe('stored: added 0, already present 0, failed 0\n');
    } finally {
      await drainQueue.obliterate({ force: true }).catch(() => undefined);
      await drainQueue.close();
    }
  }, 120_000);
});
