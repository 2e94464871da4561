// `npm run bench -- pipeline [--dir=DIR] [--rounds=N] [--threads=N]`: the whole analysis (every stage, no storage)
// on real article text, in groups of 32 articles stage by stage (as `dyad ingest` runs it): on one core in this
// thread, with the time of each stage (so the slowest is visible), then
// on N analyzer threads (default: every core) through the same AnalyzerPool `dyad ingest` uses, analyses posted
// back to the main thread (in a fresh process, so that its peak memory is its own). Prints articles/s, tokens/s, the ratio and peak resident memory (all threads).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultPipeline } from '../src/analyze/index.js';
import { createDocument } from '../src/analyze/document.js';
import type { Article } from '../src/ingest/article.js';
import { AnalyzerPool } from '../src/scale/pool.js';
import { GROUP } from '../src/scale/analyze-worker.js';
import { benchDir, benchFiles, opt } from './corpus.js';

/** cpu: CPU seconds of the whole process (every thread: analysis, collector, compiler) over the timed run */
interface Rate { articles: number; seconds: number; peak: number; cpu: number }

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

function oneCore(articles: readonly Article[], rounds: number): Rate & { perStage: Map<string, number>; tokens: number } {
  const stages = defaultPipeline.stages;
  const perStage = new Map(stages.map((s) => [s.name, 0]));
  let tokens = 0;
  let peak = process.memoryUsage().rss;
  // warm-up: loads models and lexicons, lets the JIT settle
  for (const a of articles.slice(0, 50)) defaultPipeline.run(createDocument(a));
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    // as the analyzer threads do: groups of articles, stage by stage
    for (let i = 0; i < articles.length; i += GROUP) {
      const docs = defaultPipeline.runMany(articles.slice(i, i + GROUP).map((a) => createDocument(a)), (stage, ms) => perStage.set(stage.name, perStage.get(stage.name)! + ms));
      if (r === 0) for (const d of docs) if (!(d instanceof Error)) tokens += d.tokens!.length;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { articles: articles.length * rounds, seconds: (performance.now() - start) / 1000, peak, perStage, tokens, cpu: cpuSeconds(cpu0) };
}

/** The same articles through `threads` analyzer threads, two groups in flight per thread. */
async function allCores(articles: readonly Article[], rounds: number, threads: number): Promise<Rate> {
  const pool = new AnalyzerPool(threads);
  try {
    await pool.warm(articles[0]);
    for (const a of articles.slice(1, 50)) await pool.analyze(a); // every thread's JIT settles
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const window = 2 * GROUP * threads; // a group in work and the next one waiting, per thread (as dyad ingest's read-ahead)
    let next = 0;
    const total = articles.length * rounds;
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const send = () => {
        while (next < total && next - done < window) {
          pool.analyze(articles[next++ % articles.length]).then(() => { if (++done === total) resolve(); else send(); }, reject);
        }
      };
      send();
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds(cpu0);
    clearInterval(timer);
    return { articles: total, seconds, peak: Math.max(peak, process.memoryUsage().rss), cpu };
  } finally {
    await pool.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const rounds = Number(opt(args, '--rounds') ?? 2);
  const threads = Number(opt(args, '--threads') ?? availableParallelism());
  const limit = Number(opt(args, '--limit') ?? 100_000);
  const { articles } = benchFiles(dir, limit);
  const child = opt(args, '--child-threads');
  if (child !== undefined) { console.log(JSON.stringify(await allCores(articles, rounds, Number(child)))); return; }
  if (args.includes('--child-one')) { const { perStage: _, ...rate } = oneCore(articles, rounds); console.log(JSON.stringify(rate)); return; }
  console.log(`pipeline: ${articles.length} articles from ${dir} × ${rounds} rounds; machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; load average before: ${loadavg()[0].toFixed(1)}`);
  const one = oneCore(articles, rounds);
  const perToken = one.tokens / articles.length;
  const line = (label: string, r: Rate) =>
    `  ${label.padEnd(22)} ${(r.articles / r.seconds).toFixed(0).padStart(6)} articles/s · ${((r.articles * perToken) / r.seconds / 1000).toFixed(1).padStart(6)}k tokens/s · CPU ${((1000 * r.cpu) / r.articles).toFixed(2)} ms/article · peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB`;
  console.log(`  ${perToken.toFixed(0)} tokens/article`);
  console.log(line('one thread', one));
  const total = [...one.perStage.values()].reduce((a, b) => a + b, 0);
  console.log('    stage          ms/article   share');
  for (const [name, ms] of one.perStage) console.log(`    ${name.padEnd(14)} ${(ms / one.articles).toFixed(3).padStart(10)}   ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  const main = join(fileURLToPath(import.meta.url), '..', 'main.js');
  // V8 collects garbage and compiles on helper threads: the run above borrows the idle second core for them. Pinned
  // to one core with taskset (Linux), the same run pays for them itself.
  const pinned = spawnSync('taskset', ['-c', '0', process.execPath, main, 'pipeline', '--child-one', `--rounds=${rounds}`, `--limit=${limit}`, `--dir=${dir}`], { encoding: 'utf8' });
  if (pinned.status === 0) console.log(line('one core, pinned', JSON.parse(pinned.stdout.trim().split('\n').pop()!) as Rate));
  if (threads < 1) return;
  // a fresh process, so that its peak memory is its own
  const r = spawnSync(process.execPath, [main, 'pipeline', `--child-threads=${threads}`, `--rounds=${rounds}`, `--limit=${limit}`, `--dir=${dir}`], { encoding: 'utf8' });
  if (r.status !== 0) { console.log(`  ${threads} threads: failed: ${r.stderr.trim().split('\n').pop()}`); return; }
  const many = JSON.parse(r.stdout.trim().split('\n').pop()!) as Rate;
  console.log(line(`${threads} analyzer threads`, many));
  const ratio = (r: Rate) => ((many.articles / many.seconds) / (r.articles / r.seconds)).toFixed(2);
  const pinnedRate = pinned.status === 0 ? JSON.parse(pinned.stdout.trim().split('\n').pop()!) as Rate : null;
  console.log(`  ${threads} threads vs one thread: ${ratio(one)}×${pinnedRate ? `; vs one pinned core: ${ratio(pinnedRate)}×` : ''} (load average after: ${loadavg()[0].toFixed(1)}; other processes share these cores)`);
  // what the machine gives N independent copies of the one-thread run at once: the ceiling for N threads, whatever
  // dyad does (cores that share a physical core or its caches give less than N×)
  const copies = await Promise.all(Array.from({ length: threads }, () => new Promise<Rate | null>((resolve) => {
    const p = spawn(process.execPath, [main, 'pipeline', '--child-one', `--rounds=${rounds}`, `--limit=${limit}`, `--dir=${dir}`]);
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.on('close', (code) => resolve(code === 0 ? JSON.parse(out.trim().split('\n').pop()!) as Rate : null));
  })));
  if (copies.every((c) => c)) {
    const sum = copies.reduce((n, c) => n + c!.articles / c!.seconds, 0);
    console.log(`  ${threads} separate one-thread processes at once: ${sum.toFixed(0)} articles/s together, ${(sum / (one.articles / one.seconds)).toFixed(2)}× one thread alone (this machine's ceiling for ${threads} threads)`);
  }
}
