// `npm run bench -- pipeline [--dir=DIR] [--rounds=N] [--threads=N] [--pairs=N]`: the whole analysis (every stage, no storage)
// on real article text, in groups of GROUP (8) articles stage by stage (as `dyad ingest` runs it): on one core in this
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
import type { Stage } from '../src/analyze/pipeline.js';
import { AnalyzerPool } from '../src/scale/pool.js';
import { GROUP } from '../src/scale/group.js';
import { benchDir, benchFiles, opt } from './corpus.js';

/** cpu: CPU seconds of the whole process (every thread: analysis, collector, compiler) over the timed run */
interface Rate { articles: number; seconds: number; peak: number; cpu: number }

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}

/** One pass over the articles as the analyzer threads run them: groups of GROUP articles, stage by stage. */
function pass(articles: readonly Article[], onStage?: (stage: Stage, ms: number) => void): number {
  let tokens = 0;
  for (let i = 0; i < articles.length; i += GROUP) {
    const docs = defaultPipeline.runMany(articles.slice(i, i + GROUP).map((a) => createDocument(a)), onStage);
    for (const d of docs) if (!(d instanceof Error)) tokens += d.tokens!.length;
  }
  return tokens;
}

/**
 * The steady state on this thread, after `warm` passes over the articles: V8 compiles the hot functions with its
 * optimizing compiler over the first few thousand articles (on helper threads, and again after each deoptimization),
 * which a corpus of many thousands pays once; the first pass is timed on its own.
 */
function oneCore(articles: readonly Article[], rounds: number, warm: number): Rate & { perStage: Map<string, number>; tokens: number; first: Rate } {
  const stages = defaultPipeline.stages;
  const perStage = new Map(stages.map((s) => [s.name, 0]));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const tokens = pass(articles);
  const first: Rate = { articles: articles.length, seconds: (performance.now() - t0) / 1000, peak: process.memoryUsage().rss, cpu: cpuSeconds(c0) };
  for (let w = 1; w < warm; w++) pass(articles);
  let peak = process.memoryUsage().rss;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    pass(articles, (stage, ms) => perStage.set(stage.name, perStage.get(stage.name)! + ms));
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { articles: articles.length * rounds, seconds: (performance.now() - start) / 1000, peak, perStage, tokens, cpu: cpuSeconds(cpu0), first };
}

/** The same articles through `threads` analyzer threads, two groups in flight per thread, after `warm` passes per thread. */
async function allCores(articles: readonly Article[], rounds: number, threads: number, warm: number): Promise<Rate> {
  const pool = new AnalyzerPool(threads);
  try {
    await pool.warm(articles[0]);
    // every thread warms up on as many articles as the one-thread run did (its JIT settles on its own)
    await feed(pool, articles, articles.length * warm * threads, 2 * GROUP * threads);
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    const total = articles.length * rounds;
    await feed(pool, articles, total, 2 * GROUP * threads);
    const seconds = (performance.now() - start) / 1000;
    const cpu = cpuSeconds(cpu0);
    clearInterval(timer);
    return { articles: total, seconds, peak: Math.max(peak, process.memoryUsage().rss), cpu };
  } finally {
    await pool.close();
  }
}

/** The run with the median rate (the upper one of an even count). */
function median(runs: Rate[], rate: (r: Rate) => number): Rate {
  return [...runs].sort((a, b) => rate(a) - rate(b))[runs.length >> 1];
}

/** Sends `total` articles (cycling through `articles`) to the pool, `window` in flight: a group in work and the next one waiting, per thread (as dyad ingest's read-ahead). */
function feed(pool: AnalyzerPool, articles: readonly Article[], total: number, window: number): Promise<void> {
  let next = 0;
  return new Promise<void>((resolve, reject) => {
    let done = 0;
    const send = () => {
      while (next < total && next - done < window) {
        pool.analyze(articles[next++ % articles.length]).then(() => { if (++done === total) resolve(); else send(); }, reject);
      }
    };
    send();
  });
}

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const rounds = Number(opt(args, '--rounds') ?? 2);
  const pairs = Math.max(1, Number(opt(args, '--pairs') ?? 3));
  const warm = Math.max(1, Number(opt(args, '--warm') ?? 1));
  const threads = Number(opt(args, '--threads') ?? availableParallelism());
  const limit = Number(opt(args, '--limit') ?? 100_000);
  const { articles } = benchFiles(dir, limit);
  const child = opt(args, '--child-threads');
  if (child !== undefined) { console.log(JSON.stringify(await allCores(articles, rounds, Number(child), warm))); return; }
  if (args.includes('--child-one')) { const { perStage: _, ...rate } = oneCore(articles, rounds, warm); console.log(JSON.stringify(rate)); return; }
  console.log(`pipeline: ${articles.length} articles from ${dir}, ${warm} warm-up pass${warm > 1 ? 'es' : ''} then ${rounds} timed; machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; load average before: ${loadavg()[0].toFixed(1)}`);
  const one = oneCore(articles, rounds, warm);
  const perToken = one.tokens / articles.length;
  const rate = (r: Rate) => r.articles / r.seconds;
  const line = (label: string, r: Rate) =>
    `  ${label.padEnd(22)} ${rate(r).toFixed(0).padStart(6)} articles/s · ${((r.articles * perToken) / r.seconds / 1000).toFixed(1).padStart(6)}k tokens/s · CPU ${((1000 * r.cpu) / r.articles).toFixed(2)} ms/article · peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB`;
  console.log(`  ${perToken.toFixed(0)} tokens/article`);
  console.log(line('first pass (JIT warm)', one.first));
  console.log(line('one thread', one));
  const total = [...one.perStage.values()].reduce((a, b) => a + b, 0);
  console.log('    stage          ms/article   share');
  for (const [name, ms] of one.perStage) console.log(`    ${name.padEnd(14)} ${(ms / one.articles).toFixed(3).padStart(10)}   ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  const main = join(fileURLToPath(import.meta.url), '..', 'main.js');
  const childArgs = [`--rounds=${rounds}`, `--warm=${warm}`, `--limit=${limit}`, `--dir=${dir}`];
  const last = (out: string) => JSON.parse(out.trim().split('\n').pop()!) as Rate;
  // V8 collects garbage and compiles on helper threads: the run above borrows the idle second core for them. Pinned
  // to one core with taskset (Linux), the same run pays for them itself: what "one core" gives. Other tenants of a
  // shared machine slow some minutes more than others: the pinned run and the threaded one (each in a fresh process,
  // so that its peak memory is its own) alternate, `pairs` times, and each ratio is of a pair run back to back.
  const pinnedRun = () => {
    const r = spawnSync('taskset', ['-c', '0', process.execPath, main, 'pipeline', '--child-one', ...childArgs], { encoding: 'utf8' });
    return r.status === 0 ? last(r.stdout) : null;
  };
  const threadsRun = () => {
    const r = spawnSync(process.execPath, [main, 'pipeline', `--child-threads=${threads}`, ...childArgs], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${threads} threads: failed: ${r.stderr.trim().split('\n').pop()}`);
    return last(r.stdout);
  };
  if (threads < 1) { const p = pinnedRun(); if (p) console.log(line('one core, pinned', p)); return; }
  const runs: { pinned: Rate | null; many: Rate }[] = [];
  for (let i = 0; i < pairs; i++) runs.push({ pinned: pinnedRun(), many: threadsRun() });
  runs.forEach(({ pinned, many }, i) => {
    if (pinned) console.log(line(`one core, pinned (${i + 1})`, pinned));
    console.log(line(`${threads} threads (${i + 1})`, many) + (pinned ? ` · ${(rate(many) / rate(pinned)).toFixed(2)}× pinned` : ''));
  });
  const paired = runs.filter((r): r is { pinned: Rate; many: Rate } => r.pinned !== null);
  const pinned = paired.length ? median(paired.map((r) => r.pinned), rate) : null;
  const many = median(runs.map((r) => r.many), rate);
  if (pinned) console.log(line('one core, pinned: median', pinned));
  console.log(line(`${threads} threads: median`, many));
  const ratios = paired.map((r) => rate(r.many) / rate(r.pinned)).sort((a, b) => a - b);
  // from CPU time, what the threads would give on otherwise idle cores: cores / (their CPU per article / one core's)
  const cpuRatios = paired.map((r) => threads * (r.pinned.cpu / r.pinned.articles) / (r.many.cpu / r.many.articles)).sort((a, b) => a - b);
  const range = (xs: number[]) => `${xs[0].toFixed(2)}–${xs[xs.length - 1].toFixed(2)}×, median ${xs[xs.length >> 1].toFixed(2)}×`;
  if (ratios.length) {
    console.log(`  ${threads} threads vs one pinned core, ${ratios.length} pairs: ${range(ratios)}; vs one thread: ${(rate(many) / rate(one)).toFixed(2)}× (load average after: ${loadavg()[0].toFixed(1)}; other processes share these cores)`);
    console.log(`  from CPU time (on idle cores: ${threads} × one core's CPU per article / the threads'): ${range(cpuRatios)}`);
  }
  // what the machine gives N independent copies of the one-core run at once, each pinned to its own core: the
  // ceiling for N threads, whatever dyad does (cores that share a physical core or its caches give less than N×)
  const copies = await Promise.all(Array.from({ length: threads }, (_, core) => new Promise<Rate | null>((resolve) => {
    const p = spawn('taskset', ['-c', String(core), process.execPath, main, 'pipeline', '--child-one', ...childArgs]);
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.on('close', (code) => resolve(code === 0 ? last(out) : null));
  })));
  if (pinned && copies.every((c) => c)) {
    const sum = copies.reduce((n, c) => n + rate(c!), 0);
    console.log(`  ${threads} separate pinned processes at once: ${sum.toFixed(0)} articles/s together, ${(sum / rate(pinned)).toFixed(2)}× one pinned core alone (this machine's ceiling for ${threads} threads)`);
  }
}
