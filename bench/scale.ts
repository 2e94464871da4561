// `npm run bench -- scale [--dir=DIR] [--limit=N] [--warm=0]`: the whole of `dyad ingest` (read, analyze, store in SQLite in
// batches) on one core (no worker thread), on 1 analyzer thread and on every core, over real article text:
// articles/s, tokens/s, CPU time and peak memory (resident, all threads). Each run is a fresh process, so its peak
// memory is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../src/analyze/document.js';
import { segmentStage } from '../src/analyze/sentences/index.js';
import { ingestParallel } from '../src/scale/ingest.js';
import { AnalyzerPool, defaultWorkers } from '../src/scale/pool.js';
import { openStore } from '../src/store/index.js';
import { ingestCacheMiB } from '../src/store/sqlite/index.js';
import type { Article } from '../src/ingest/article.js';
import { benchDir, benchFiles, opt } from './corpus.js';

interface Measure { threads: number; articles: number; failed: number; seconds: number; cpu: number; peak: number }

/**
 * One run in this process: a pool warmed first (models loaded in every thread), then, unless warm is false, the same
 * files ingested once into a database that is thrown away (V8 compiles the hot code of the analysis and of the
 * writer over the first thousands of articles: a long ingest pays that once), then the timed ingest into a new one.
 */
async function measure(files: string[], warmWith: Article, threads: number, warm: boolean): Promise<Measure> {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const pool = new AnalyzerPool(threads);
  await pool.warm(warmWith);
  const silent = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };
  const inputs = files.map((path) => ({ path, size: statSync(path).size }));
  if (warm) {
    const scratch = openStore(join(tmp, 'warm.db'), { cacheMiB: ingestCacheMiB(threads) });
    await ingestParallel(scratch, inputs, { workers: threads, pool }, silent);
    await scratch.close();
  }
  const store = openStore(join(tmp, 'bench.db'), { cacheMiB: ingestCacheMiB(threads) });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sum = await ingestParallel(store, inputs, { workers: threads, pool }, silent);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await pool.close();
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
  return { threads, articles: sum.added + sum.present, failed: sum.failed, seconds, cpu: (cpu.user + cpu.system) / 1e6, peak };
}

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const limit = Number(opt(args, '--limit') ?? 100_000);
  const warm = opt(args, '--warm') !== '0';
  const { files, articles } = benchFiles(dir, limit);
  const child = opt(args, '--child');
  if (child !== undefined) { console.log(JSON.stringify(await measure(files, articles[0], Number(child), warm))); return; }
  const tokens = articles.reduce((n, a) => n + (segmentStage.run(createDocument(a)).tokens?.length ?? 0), 0);
  const cores = availableParallelism();
  console.log(`scale: dyad ingest (read → analyze on worker threads → SQLite, batches of 100) over ${articles.length} articles from ${dir}${warm ? ', after one warm-up ingest of the same files (--warm=0: none)' : ', cold (no warm-up)'}`);
  console.log(`  ${(tokens / articles.length).toFixed(0)} tokens/article; machine: ${cores} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; load average before: ${loadavg()[0].toFixed(1)}`);
  console.log('  threads   articles/s   tokens/s   seconds   CPU ms/article   peak RSS');
  const main = join(fileURLToPath(import.meta.url), '..', 'main.js');
  const rows: Measure[] = [];
  const byDefault = defaultWorkers({}, cores);
  for (const threads of [...new Set([0, 1, byDefault, cores])]) {
    const r = spawnSync(process.execPath, [main, 'scale', `--child=${threads}`, `--limit=${limit}`, `--dir=${dir}`, `--warm=${warm ? 1 : 0}`], { encoding: 'utf8' });
    if (r.status !== 0) { console.log(`  ${threads}: failed: ${r.stderr.trim().split('\n').pop()}`); continue; }
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
    rows.push(m);
    console.log(`  ${String(threads).padStart(7)}   ${(m.articles / m.seconds).toFixed(0).padStart(10)}   ${(tokens / m.seconds / 1000).toFixed(1).padStart(7)}k   ${m.seconds.toFixed(2).padStart(7)}   ${(1000 * m.cpu / m.articles).toFixed(2).padStart(14)}   ${(m.peak / 2 ** 20).toFixed(0).padStart(5)} MB`);
  }
  if (rows.length < 2) return;
  const one = rows[0];
  const all = rows.find((r) => r.threads === byDefault) ?? rows[rows.length - 1];
  console.log(`  threads 0: everything on the main thread (one core); ${byDefault}: the default here, one analyzer thread per core but the reading and writing thread's`);
  console.log(`  ${cores} cores (default, ${byDefault} analyzer threads) vs one core, measured: ${((all.articles / all.seconds) / (one.articles / one.seconds)).toFixed(2)}× (load average after: ${loadavg()[0].toFixed(1)}; other processes share these cores)`);
  console.log(`  on idle cores, from the CPU time: one core ${(1000 / (1000 * one.cpu / one.articles)).toFixed(0)} articles/s; ${cores} cores up to ${(cores * 1000 / (1000 * all.cpu / all.articles)).toFixed(0)} articles/s (${((cores * one.cpu / one.articles) / (all.cpu / all.articles)).toFixed(2)}×)`);
}
