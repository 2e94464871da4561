// `npm run bench -- ner [--file F] [--rounds N]`: tokens/s of the NER tagger alone over all sentences of
// CoNLL-2003 valid.txt (after a warm-up pass), by wall clock and by CPU time (steadier on a busy machine), and
// the peak resident memory.
import { join } from 'node:path';
import { readConll } from '../src/analyze/ner/conll.js';
import { defaultTagger } from '../src/analyze/ner/index.js';
import { packageRoot } from '../src/analyze/ner/model.js';

export async function run(args: string[]): Promise<void> {
  const opt = (name: string): string | undefined => {
    const hit = args.find((a) => a.startsWith(`${name}=`));
    return hit?.slice(name.length + 1);
  };
  const file = opt('--file') ?? join(packageRoot(), '..', 'shared', 'data', 'conll2003', 'valid.txt');
  const rounds = Number(opt('--rounds') ?? 5);
  const sentences = readConll(file).map((s) => s.words);
  const tokens = sentences.reduce((a, s) => a + s.length, 0);
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const tagger = defaultTagger();
  const loadMs = performance.now() - t0;
  for (const s of sentences) tagger.tag(s);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const s of sentences) tagger.tag(s);
    times.push((performance.now() - start) / 1000);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const best = Math.min(...times);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`ner: ${tokens} tokens × ${rounds} rounds; model load ${loadMs.toFixed(0)} ms`);
  console.log(`ner: ${Math.round(tokens / mean)} tokens/s mean, ${Math.round(tokens / best)} tokens/s best (wall clock); ${Math.round((tokens * rounds) / cpuSeconds)} tokens per CPU second; peak RSS ${(peak / 1048576).toFixed(0)} MB`);
}
