// `npm run bench -- scale [--dir=DIR] [--limit=N]`: the whole of `dyad ingest` (read, analyze, store in SQLite in
// batches) on one core (no worker thread), on 1 analyzer thread and on every core, over real article text:
// articles/s, tokens/s, CPU seconds and peak memory (resident, all threads).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocument } from '../src/analyze/document.js';
import { segmentStage } from '../src/analyze/sentences/index.js';
import { ingestParallel } from '../src/scale/ingest.js';
import { AnalyzerPool } from '../src/scale/pool.js';
import { openStore } from '../src/store/index.js';
import { benchDir, benchFiles, opt } from './corpus.js';

/** Peak resident memory of the process (all its threads), sampled every 20 ms. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  return { stop() { clearInterval(t); return Math.max(peak, process.memoryUsage().rss); } };
}

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const limit = Number(opt(args, '--limit') ?? 500);
  const { files, articles } = benchFiles(dir, limit);
  const tokens = articles.reduce((n, a) => n + (segmentStage.run(createDocument(a)).tokens?.length ?? 0), 0);
  const cores = availableParallelism();
  const silent = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };
  console.log(`scale: dyad ingest (read → analyze on worker threads → SQLite, batches of 100) over ${articles.length} articles from ${dir}`);
  console.log(`  ${(tokens / articles.length).toFixed(0)} tokens/article; machine: ${cores} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}`);
  console.log('  threads   articles/s   tokens/s   seconds   CPU s   peak RSS');
  const rows: { threads: number; rate: number }[] = [];
  for (const threads of [...new Set([0, 1, cores])]) {
    const tmp = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
    const store = openStore(join(tmp, 'bench.db'));
    const rss = sampleRss();
    const pool = new AnalyzerPool(threads);
    await pool.warm(articles[0]); // models loaded in every thread: the steady state is timed
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sum = await ingestParallel(store, files.map((path) => ({ path, size: statSync(path).size })), { workers: threads, pool }, silent);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peak = rss.stop();
    await pool.close();
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
    if (sum.failed) console.log(`  (failed ${sum.failed})`);
    rows.push({ threads, rate: articles.length / seconds });
    console.log(`  ${String(threads).padStart(7)}   ${(articles.length / seconds).toFixed(0).padStart(10)}   ${((tokens / seconds) / 1000).toFixed(1).padStart(7)}k   ${seconds.toFixed(2).padStart(7)}   ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(5)}   ${(peak / 2 ** 20).toFixed(0).padStart(5)} MB`);
  }
  const one = rows[0];
  const all = rows[rows.length - 1];
  console.log(`  threads 0: everything on the main thread, one core; 1: one analyzer thread beside the reading and writing thread`);
  console.log(`  ${cores} cores vs one core: ${(all.rate / one.rate).toFixed(2)}× (load average of the machine: ${loadavg()[0].toFixed(1)}; other processes share the cores)`);
}
