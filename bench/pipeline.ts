// `npm run bench -- pipeline [--dir=DIR] [--rounds=N]`: the whole analysis on real article text, one core:
// articles/s, tokens/s, time per stage (so the slowest is visible) and peak resident memory.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readPlainText } from '../src/ingest/plaintext.js';
import { defaultPipeline } from '../src/analyze/index.js';
import { createDocument, type Document } from '../src/analyze/document.js';
import { findRoot } from '../src/analyze/lexicon/root.js';
import type { Article } from '../src/ingest/article.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : name.endsWith('.txt') && !name.startsWith('README') ? [p] : [];
  });
}

export async function run(args: string[]): Promise<void> {
  const opt = (name: string) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const root = findRoot();
  const bbc = join(root, '..', 'shared', 'data', 'bbc-news');
  const dir = opt('--dir') ?? (existsSync(bbc) ? bbc : join(root, 'examples'));
  const rounds = Number(opt('--rounds') ?? 2);
  const articles: Article[] = [];
  for (const f of filesUnder(dir)) articles.push(...readPlainText(readFileSync(f, 'utf8'), { source: f }).articles);
  const stages = defaultPipeline.stages;
  const perStage = new Map(stages.map((s) => [s.name, 0]));
  let tokens = 0;
  let peak = process.memoryUsage().rss;
  // warm-up: loads models and lexicons, lets the JIT settle
  for (const a of articles.slice(0, 50)) defaultPipeline.run(createDocument(a));
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      let doc: Document = createDocument(a);
      for (const stage of stages) {
        const t = performance.now();
        doc = Object.freeze({ ...doc, ...stage.run(doc) });
        perStage.set(stage.name, perStage.get(stage.name)! + performance.now() - t);
      }
      if (r === 0) tokens += doc.tokens!.length;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  const n = articles.length * rounds;
  console.log(`pipeline: ${articles.length} articles from ${dir} × ${rounds} rounds, one core`);
  console.log(`  ${(n / seconds).toFixed(0)} articles/s · ${((tokens * rounds) / seconds / 1000).toFixed(1)}k tokens/s · ${(tokens / articles.length).toFixed(0)} tokens/article · peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
  const total = [...perStage.values()].reduce((a, b) => a + b, 0);
  console.log('  stage          ms/article   share');
  for (const [name, ms] of perStage) console.log(`  ${name.padEnd(14)} ${(ms / n).toFixed(3).padStart(10)}   ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
}
