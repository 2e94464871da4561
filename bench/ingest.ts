// `npm run bench -- ingest [--count=N] [--workers=N] [--dir=DIR] [--no-lookup]`: what `dyad ingest` does, end to end, on N
// articles (default 10,000) made by combining real article texts (the BBC set in ../shared/data, read at run
// time and never copied into the repo): reading JSON Lines, analysis on worker threads, batched writes, story
// grouping. Prints articles/s, then the time of one story (near-duplicate) lookup as the index grows to 1k, 10k
// and 100k signatures.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { findRoot } from '../src/analyze/lexicon/root.js';
import { readPlainText } from '../src/ingest/plaintext.js';
import { listInputs } from '../src/ingest/read.js';
import { ingestParallel } from '../src/scale/ingest.js';
import { defaultWorkers } from '../src/scale/pool.js';
import { openStore } from '../src/store/index.js';
import { migrate } from '../src/store/sqlite/migrations.js';
import { createStoryIndex } from '../src/store/sqlite/stories.js';
import { ingestCacheMiB } from '../src/store/sqlite/index.js';
import { bandKeys, MINHASH, signatureOf, toBlob, type Signature } from '../src/store/stories/minhash.js';
import { rng } from '../src/random.js';

const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const p = join(dir, name);
  return statSync(p).isDirectory() ? filesUnder(p) : name.endsWith('.txt') && !/^(README|SOURCE)/i.test(name) ? [p] : [];
});

/** Real texts read from a folder: headline and paragraphs of each article. */
export function realArticles(dir: string): { title: string; paras: string[] }[] {
  const out: { title: string; paras: string[] }[] = [];
  for (const f of filesUnder(dir)) {
    let text: string;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(f)); } catch { text = readFileSync(f, 'latin1'); }
    for (const a of readPlainText(text, { source: f }).articles) out.push({ title: a.title, paras: [...(a.standfirst ? [a.standfirst] : []), ...a.body] });
  }
  return out;
}

/** n articles, each the headline of one real article and paragraphs of two or three, in varied orders and cuts. */
export function combine(texts: { title: string; paras: string[] }[], n: number, next: () => number): string[] {
  const lines: string[] = [];
  const pick = () => texts[Math.floor(next() * texts.length)];
  for (let i = 0; i < n; i++) {
    const parts = [pick(), pick(), ...(next() < 0.5 ? [pick()] : [])];
    const paras = parts.flatMap((t) => { const k = 1 + Math.floor(next() * Math.min(4, t.paras.length)); const from = Math.floor(next() * Math.max(1, t.paras.length - k)); return t.paras.slice(from, from + k); });
    const day = 1 + Math.floor(next() * 28);
    lines.push(JSON.stringify({ title: parts[0].title, body: next() < 0.3 ? paras.reverse() : paras, published: `2005-0${1 + Math.floor(next() * 9)}-${String(day).padStart(2, '0')}`, source: 'bench' }));
  }
  return lines;
}

const quiet = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };

export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const root = findRoot();
  const bbc = join(root, '..', 'shared', 'data', 'bbc-news');
  const dir = opt('--dir') ?? (existsSync(bbc) ? bbc : join(root, 'examples'));
  const count = Number(opt('--count') ?? 10_000);
  const workers = Number(opt('--workers') ?? defaultWorkers(process.env));
  const next = rng(7);
  const texts = realArticles(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-bench-ingest-'));
  try {
    // ten files of JSON Lines, as a crawl dump would come
    const lines = combine(texts, count, next);
    for (let f = 0; f < 10; f++) writeFileSync(join(tmp, `part-${f}.jsonl`), lines.slice((f * lines.length) / 10, ((f + 1) * lines.length) / 10).join('\n') + '\n');
    const { files } = await listInputs([tmp]);
    const store = openStore(join(tmp, 'bench.db'), { cacheMiB: ingestCacheMiB(workers) });
    let peak = process.memoryUsage().rss;
    let atPeak = process.memoryUsage();
    const timer = setInterval(() => { const m = process.memoryUsage(); if (m.rss > peak) { peak = m.rss; atPeak = m; } }, 20);
    const t0 = performance.now();
    const sum = await ingestParallel(store, files, { workers }, quiet);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    if (process.env.DYAD_BENCH_MEM) console.log(JSON.stringify(Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(v / 2 ** 20)]))));
    const stories = store.stories ? (await store.stories({ minArticles: 2 })).length : 0;
    await store.close();
    console.log(`ingest: ${count} articles combined from ${texts.length} real texts in ${dir}, ${workers} analyzer thread${workers === 1 ? '' : 's'}`);
    console.log(`  ${(sum.added / seconds).toFixed(1)} articles/s end to end (read, analyze, store, group into stories): added ${sum.added}, present ${sum.present}, failed ${sum.failed} in ${seconds.toFixed(1)} s; ${stories} stories of 2+ articles; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (all threads)`);
    const again = performance.now();
    const store2 = openStore(join(tmp, 'bench.db'), { cacheMiB: ingestCacheMiB(workers) });
    const sum2 = await ingestParallel(store2, files, { workers }, quiet);
    await store2.close();
    console.log(`  second ingest of the same files: added ${sum2.added}, present ${sum2.present} in ${((performance.now() - again) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!args.includes('--no-lookup')) lookupBench(texts, next);
}

/** The time of one near-duplicate lookup (LSH bands, then signature checks) as the index grows. */
function lookupBench(texts: { title: string; paras: string[] }[], next: () => number): void {
  const db = new Database(':memory:');
  migrate(db);
  const index = createStoryIndex(db);
  // an empty article row per signature: the index reads an article's id and story by its seq
  const addArticle = db.prepare(`INSERT INTO articles (seq, id, title, text, analysis, ingested_at) VALUES (?, ?, '', '', '{}', '')`);
  const addSig = db.prepare(`INSERT INTO story_signatures (seq, signature, size) VALUES (?, ?, ?)`);
  const addBand = db.prepare(`INSERT INTO story_bands (band, key, seq) VALUES (?, ?, ?)`);
  const addMember = db.prepare(`INSERT INTO story_members (article_id, story_id, seq, similarity) VALUES (?, ?, ?, NULL)`);
  // real signatures of the texts, and more made by drawing minimums from them (same value distribution)
  const real = texts.slice(0, 2000).map((t) => signatureOf([t.title, ...t.paras].join('\n')));
  const queries = texts.slice(2000, 2200).map((t) => signatureOf([t.title, ...t.paras].join('\n')));
  const fake = (): Signature => {
    const mins = new Uint32Array(MINHASH.perms);
    for (let i = 0; i < mins.length; i++) mins[i] = real[Math.floor(next() * real.length)].mins[i] ^ Math.floor(next() * 0xffff);
    return { mins, size: 300 };
  };
  let n = 0;
  const insert = db.transaction((upTo: number) => {
    for (; n < upTo; n++) {
      const sig = n < real.length ? real[n] : fake();
      const id = `a${n}`;
      addArticle.run(n + 1, id);
      addSig.run(n + 1, toBlob(sig), sig.size);
      bandKeys(sig).forEach((k, b) => addBand.run(b, k, n + 1));
      addMember.run(id, id, n + 1);
    }
  });
  console.log('  story lookup (LSH bands + signature checks), per lookup:');
  for (const size of [1_000, 10_000, 100_000]) {
    insert(size);
    const t = performance.now();
    let found = 0;
    for (let r = 0; r < 5; r++) for (const q of queries) found += index.lookupSignature(q).length;
    const ms = (performance.now() - t) / (5 * queries.length);
    console.log(`    ${String(size).padStart(7)} signatures: ${(ms * 1000).toFixed(0)} µs (${(found / 5 / queries.length).toFixed(2)} matches per lookup)`);
  }
  db.close();
}
