// `npm run eval -- stories DIR [--build MEANTIME_DIR [--seed N]] [--errors N]`: ingests DIR/corpus.jsonl (each record with
// its gold `story`) into a fresh database through the whole pipeline (analysis, store, story grouping) and prints
// pairwise precision and recall of the story grouping: over all pairs of stored articles, a pair is predicted
// together when the store puts both in one story, and gold-together when their records name one story.
// --build writes DIR/corpus.jsonl anew from the MEANTIME texts (see eval/stories-corpus.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze/index.js';
import { makeArticle } from '../src/ingest/article.js';
import { openStore } from '../src/store/index.js';
import { buildCorpus, type CorpusRecord } from './stories-corpus.js';

export interface PairScore { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number; goldPairs: number }

/** Pairwise precision and recall of a clustering against gold labels (both keyed by item). */
export function pairwise(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PairScore {
  const items = [...gold.keys()];
  let tp = 0, pp = 0, gp = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const p = predicted.get(items[i]) === predicted.get(items[j]);
      const g = gold.get(items[i]) === gold.get(items[j]);
      if (p) pp++;
      if (g) gp++;
      if (p && g) tp++;
    }
  }
  const precision = pp ? tp / pp : 1, recall = gp ? tp / gp : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs: tp, predictedPairs: pp, goldPairs: gp };
}

export async function run(args: string[]): Promise<number> {
  const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!dir) { console.error('usage: npm run eval -- stories DIR [--build MEANTIME_DIR [--seed N]] [--errors N]'); return 2; }
  const build = flag('--build');
  if (build) {
    const records = buildCorpus(build, 30, Number(flag('--seed') ?? 20260125));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'corpus.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`wrote ${records.length} articles (${new Set(records.map((r) => r.story)).size} stories) to ${join(dir, 'corpus.jsonl')}`);
  }
  let records: CorpusRecord[];
  try {
    records = readFileSync(join(dir, 'corpus.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRecord);
  } catch (err) {
    console.error(`eval stories: cannot read ${join(dir, 'corpus.jsonl')}: ${(err as Error).message}`);
    return 2;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-eval-stories-'));
  const store = openStore(join(tmp, 'stories.db'));
  const gold = new Map<string, string>();
  const kind = new Map<string, string>();
  const t0 = performance.now();
  try {
    for (const r of records) {
      const a = makeArticle({ title: r.title, body: r.body, published: r.published, source: r.source, url: r.url });
      if (gold.has(a.id) && gold.get(a.id) !== r.story) throw new Error(`the same text is given two stories: ${r.story} and ${gold.get(a.id)}`);
      gold.set(a.id, r.story);
      kind.set(a.id, r.variant);
      await store.addArticle(analyze(a));
    }
    const seconds = (performance.now() - t0) / 1000;
    const predicted = new Map<string, string>();
    for (const id of gold.keys()) predicted.set(id, (await store.storyOf!(id)) ?? id);
    const s = pairwise(predicted, gold);
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    console.log(`${join(dir, 'corpus.jsonl')}: ${gold.size} articles, ${new Set(gold.values()).size} gold stories, ${new Set(predicted.values()).size} predicted stories`);
    console.log(`story grouping, pairwise: precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePairs} of ${s.predictedPairs} predicted pairs right, ${s.goldPairs} gold pairs)`);
    // recall per kind of variant: is it with its original?
    const originals = new Map([...gold].filter(([id]) => kind.get(id) === 'original').map(([id, story]) => [story, id]));
    const byKind = new Map<string, [number, number]>();
    for (const [id, story] of gold) {
      const k = kind.get(id)!;
      if (k === 'original') continue;
      const c = byKind.get(k) ?? [0, 0];
      c[1]++;
      if (predicted.get(id) === predicted.get(originals.get(story)!)) c[0]++;
      byKind.set(k, c);
    }
    console.log(`with their original: ${[...byKind].map(([k, [n, d]]) => `${k} ${n}/${d}`).join(', ')}`);
    console.log(`ingested in ${seconds.toFixed(1)} s (${(gold.size / seconds).toFixed(1)} articles/s, analysis included)`);
    const show = Number(flag('--errors') ?? 0);
    if (show > 0) {
      const title = new Map(records.map((r) => [makeArticle({ title: r.title, body: r.body }).id, `${r.variant} ${r.story.slice(0, 40)}`]));
      const ids = [...gold.keys()];
      let shown = 0;
      for (let i = 0; i < ids.length && shown < show; i++) for (let j = i + 1; j < ids.length && shown < show; j++) {
        const p = predicted.get(ids[i]) === predicted.get(ids[j]), g = gold.get(ids[i]) === gold.get(ids[j]);
        if (p !== g) { shown++; console.log(`  ${p ? 'wrongly together' : 'missed'}: ${title.get(ids[i])} | ${title.get(ids[j])}`); }
      }
    }
    return s.precision >= 0.9 && s.recall >= 0.9 ? 0 : 1;
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
