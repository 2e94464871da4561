// `npm run bench -- pipeline [--dir=DIR] [--rounds=N] [--threads=N] [--pairs=N] [--seconds=S]`: the whole analysis
// (every stage, no storage) on real article text, in groups of GROUP (8) articles stage by stage (as `dyad ingest`
// runs it): on one thread, with the time of each stage (so the slowest is visible); then, in processes of their own
// timed in turn over N short rounds (default 10 of 2 s), one core pinned, N analyzer threads (default: every core)
// through the AnalyzerPool `dyad ingest` uses (analyses posted back to the main thread), N - 1 of them with the main
// thread analyzing too (as `dyad analyze --workers N-1`), and N pinned copies of the one-core loop at once. Prints
// articles/s, tokens/s, CPU per article, peak resident memory (all threads), ratios.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
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

/**
 * A benchmark child: warms up (the one-core loop, or a pool of `threads` analyzer threads, each thread warmed on as many
 * articles as the one-core loop), prints "ready", then for each line "N" on its input analyzes the next N articles
 * (cycling through `articles`) and prints a Rate as JSON. Between requests it is idle: the parent times the one-core
 * child and the threaded one alternately, in short rounds, on the same minute of a shared machine.
 */
async function serve(articles: readonly Article[], threads: number, warm: number, inline = false): Promise<void> {
  let cursor = 0;
  const next = (n: number) => Array.from({ length: n }, () => articles[cursor++ % articles.length]);
  // inline: this thread is one of the `threads`, beside threads - 1 analyzer threads
  const pool = threads > 0 ? new AnalyzerPool(inline ? threads - 1 : threads, { inline }) : null;
  const window = 2 * GROUP * threads;
  if (pool) {
    await pool.warm(articles[0]);
    await feed(pool, next(articles.length * warm * threads), window);
  } else for (let w = 0; w < warm; w++) pass(next(articles.length));
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    const batch = next(Number(line));
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    if (pool) await feed(pool, batch, window);
    else pass(batch);
    const rate: Rate = { articles: batch.length, seconds: (performance.now() - start) / 1000, peak: process.resourceUsage().maxRSS * 1024, cpu: cpuSeconds(cpu0) };
    process.stdout.write(`${JSON.stringify(rate)}\n`);
  }
  await pool?.close();
}

/** A running benchmark child (see serve), pinned to `core` when given (Linux taskset). */
class Child {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;

  constructor(main: string, args: string[], core?: number) {
    const cmd = core === undefined ? [process.execPath, main, 'pipeline', ...args] : ['taskset', '-c', String(core), process.execPath, main, 'pipeline', ...args];
    this.proc = spawn(cmd[0], cmd.slice(1));
    this.lines = createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]();
    this.proc.stderr.on('data', (d) => process.stderr.write(d));
  }

  private async line(): Promise<string> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error('bench: a benchmark child exited early');
    return value;
  }

  async ready(): Promise<void> {
    while ((await this.line()) !== 'ready');
  }

  async run(articles: number): Promise<Rate> {
    this.proc.stdin.write(`${articles}\n`);
    return JSON.parse(await this.line()) as Rate;
  }

  close(): void {
    this.proc.stdin.end();
  }
}

/** Sends `batch` to the pool, `window` in flight: a group in work and the next one waiting, per thread (as dyad ingest's read-ahead). */
function feed(pool: AnalyzerPool, batch: readonly Article[], window: number): Promise<void> {
  let next = 0;
  let done = 0;
  return new Promise<void>((resolve, reject) => {
    const send = () => {
      while (next < batch.length && next - done < window) {
        pool.analyze(batch[next++]).then(() => { if (++done === batch.length) resolve(); else send(); }, reject);
      }
    };
    send();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const rounds = Number(opt(args, '--rounds') ?? 2);
  const pairs = Math.max(1, Number(opt(args, '--pairs') ?? 10));
  const seconds = Math.max(0.2, Number(opt(args, '--seconds') ?? 2));
  const warm = Math.max(1, Number(opt(args, '--warm') ?? 1));
  const threads = Number(opt(args, '--threads') ?? availableParallelism());
  const limit = Number(opt(args, '--limit') ?? 100_000);
  const { articles } = benchFiles(dir, limit);
  const serving = opt(args, '--serve');
  if (serving !== undefined) { await serve(articles, Number(serving), warm, args.includes('--inline')); return; }
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
  if (threads < 1 || spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return;
  // V8 collects garbage and compiles on helper threads: the run above borrows the idle second core for them. Pinned
  // to one core with taskset (Linux), the same loop pays for them itself: what "one core" gives. The pinned loop,
  // the pool of analyzer threads (the one `dyad ingest` uses) and `threads` copies of the pinned loop at once, one per
  // core (what this machine gives N of anything: its ceiling), each a process of its own, warmed once, then timed in
  // alternating rounds of a few seconds each: other tenants of a shared machine slow some minutes more than others,
  // and each ratio is of one round.
  const main = join(fileURLToPath(import.meta.url), '..', 'main.js');
  const childArgs = [`--warm=${warm}`, `--limit=${limit}`, `--dir=${dir}`];
  const cores = availableParallelism();
  const copies = Array.from({ length: threads }, (_, i) => new Child(main, ['--serve=0', ...childArgs], i % cores));
  const pinned = copies[0];
  // the threaded ways: `threads` analyzer threads beside a main thread that only receives (the pool `dyad ingest`
  // uses), and threads - 1 of them with the main thread analyzing too (`dyad analyze --workers N-1`)
  const ways = [
    { label: `${threads} threads`, head: `${threads} analyzer thread${threads === 1 ? '' : 's'}`, child: new Child(main, [`--serve=${threads}`, ...childArgs]) },
    ...(threads > 1 ? [{ label: `${threads - 1} + main`, head: `${threads - 1} analyzer thread${threads > 2 ? 's' : ''} and the main thread`, child: new Child(main, [`--serve=${threads}`, '--inline', ...childArgs]) }] : []),
  ];
  const children = [...copies, ...ways.map((w) => w.child)];
  try {
    await Promise.all(children.map((c) => c.ready()));
    // a round is `seconds` long for each: sizes from a first short run of each
    const size = (r: Rate) => Math.max(GROUP, Math.round((rate(r) * seconds) / GROUP) * GROUP);
    const nOne = size(await pinned.run(16 * GROUP));
    const nWays: number[] = [];
    for (const w of ways) nWays.push(size(await w.child.run(16 * GROUP * threads)));
    const together = (rs: Rate[]): Rate => ({ articles: rs.reduce((n, r) => n + r.articles, 0), seconds: Math.max(...rs.map((r) => r.seconds)), peak: Math.max(...rs.map((r) => r.peak)), cpu: rs.reduce((n, r) => n + r.cpu, 0) });
    const results: { one: Rate; ways: Rate[]; copies: Rate }[] = [];
    console.log(`  ${pairs} rounds of ~${seconds} s each, in turn: one core pinned · ${ways.map((w) => w.head).join(' · ')} · ${threads} pinned processes at once`);
    console.log(`    round   one core${ways.map((w) => `${w.label.padStart(12)}    ratio`).join('')}  ${threads} processes    ratio`);
    for (let i = 0; i < pairs; i++) {
      const r = { ways: [] as Rate[] } as unknown as { one: Rate; ways: Rate[]; copies: Rate };
      const steps: (() => Promise<void>)[] = [
        async () => { r.one = await pinned.run(nOne); },
        ...ways.map((w, k) => async () => { r.ways[k] = await w.child.run(nWays[k]); }),
        async () => { r.copies = together(await Promise.all(copies.map((c) => c.run(nOne)))); },
      ];
      // each round starts with a different one
      for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]();
      results.push(r);
      const cells = r.ways.map((w) => `${rate(w).toFixed(0).padStart(12)}   ${(rate(w) / rate(r.one)).toFixed(2).padStart(5)}×`).join('');
      const sum = rate(r.copies);
      console.log(`    ${String(i + 1).padStart(5)}   ${rate(r.one).toFixed(0).padStart(8)}${cells}   ${sum.toFixed(0).padStart(11)}   ${(sum / rate(r.one)).toFixed(2).padStart(5)}×`);
    }
    const byRate = (rs: Rate[]) => [...rs].sort((a, b) => rate(a) - rate(b))[rs.length >> 1];
    console.log(line('one core, pinned: median', byRate(results.map((r) => r.one))));
    ways.forEach((w, k) => console.log(line(`${w.label}: median`, byRate(results.map((r) => r.ways[k])))));
    ways.forEach((w, k) => {
      const ratios = results.map((r) => rate(r.ways[k]) / rate(r.one)).sort((a, b) => a - b);
      const q = (f: number) => ratios[Math.min(ratios.length - 1, Math.floor(f * ratios.length))];
      // from CPU time, what the threads would give on otherwise idle cores: cores / (their CPU per article / one core's)
      const cpu = median(results.map((r) => threads * (r.one.cpu / r.one.articles) / (r.ways[k].cpu / r.ways[k].articles)));
      console.log(`  ${w.head} vs one pinned core, ${pairs} rounds: median ${median(ratios).toFixed(2)}× (middle half ${q(0.25).toFixed(2)}–${q(0.75).toFixed(2)}×, all ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}×); from CPU time ${cpu.toFixed(2)}×`);
    });
    console.log(`  ${threads} separate pinned processes at once: median ${median(results.map((r) => rate(r.copies) / rate(r.one))).toFixed(2)}× one pinned core alone (this machine's ceiling for ${threads} threads); load average after: ${loadavg()[0].toFixed(1)} (other processes share these cores)`);
  } finally {
    for (const c of children) c.close();
  }
}
