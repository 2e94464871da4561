// `npm run bench -- peers [--dir=DIR] [--limit=N] [--seconds=S] [--warm-seconds=W]`: the same real article text through dyad's whole
// analysis and through the JS libraries a user might reach for instead, on one core, in the same run: compromise
// (sentences, people/places/organizations, dates) and wink-nlp with wink-eng-lite-web-model (sentences, entities,
// which include dates). Tokens are dyad's count of the same text for every row, so the rates compare.
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze } from '../src/analyze/index.js';
import { createDocument } from '../src/analyze/document.js';
import { segmentStage } from '../src/analyze/sentences/index.js';
import type { Article } from '../src/ingest/article.js';
import { benchDir, benchFiles, opt } from './corpus.js';

interface Found { sentences: number; entities: number; dates: number }
interface Tool { name: string; does: string; run(a: Article): Found }

function tools(): Tool[] {
  const wink = winkNLP(model);
  const its = wink.its;
  return [
    {
      name: 'dyad', does: 'whole analysis: sentences, NER, entities, times, quotes, events, relations',
      run(a) { const x = analyze(a); return { sentences: x.sentences.length, entities: x.entities.length, dates: x.times.length }; },
    },
    {
      name: 'compromise', does: 'sentences, people + places + organizations, #Date terms',
      run(a) {
        const doc = nlp(a.text);
        return { sentences: doc.sentences().length, entities: doc.people().length + doc.places().length + doc.organizations().length, dates: doc.match('#Date+').length };
      },
    },
    {
      name: 'wink-nlp', does: 'sentences, entities (lite web model; DATE among them)',
      run(a) {
        const doc = wink.readDoc(a.text);
        const types = doc.entities().out(its.type) as string[];
        return { sentences: doc.sentences().length(), entities: types.length, dates: types.filter((t) => t === 'DATE').length };
      },
    },
  ];
}

export async function run(args: string[]): Promise<void> {
  const dir = benchDir(args);
  const { articles } = benchFiles(dir, Number(opt(args, '--limit') ?? 300));
  const budget = Number(opt(args, '--seconds') ?? 3) * 1000;
  const warm = Number(opt(args, '--warm-seconds') ?? 3) * 1000;
  const tokens = articles.map((a) => segmentStage.run(createDocument(a)).tokens?.length ?? 0);
  const results: { tool: Tool; rate: number; tokRate: number; found: Found; n: number }[] = [];
  for (const tool of tools()) {
    // warm-up, the same for every tool: models loaded, then passes over the articles for `warm` ms (the JIT settles)
    const w0 = performance.now();
    do { for (const a of articles) tool.run(a); } while (performance.now() - w0 < warm);
    const found: Found = { sentences: 0, entities: 0, dates: 0 };
    let n = 0;
    let tok = 0;
    const t0 = performance.now();
    // whole passes over the articles until the time budget is spent (at least one)
    do {
      for (let i = 0; i < articles.length; i++) {
        const f = tool.run(articles[i]);
        if (n < articles.length) { found.sentences += f.sentences; found.entities += f.entities; found.dates += f.dates; }
        n++;
        tok += tokens[i];
      }
    } while (performance.now() - t0 < budget);
    const s = (performance.now() - t0) / 1000;
    results.push({ tool, rate: n / s, tokRate: tok / s, found, n });
  }
  const dyad = results[0];
  console.log(`peers: ${articles.length} articles from ${dir} (${(tokens.reduce((x, y) => x + y, 0) / articles.length).toFixed(0)} tokens/article), one core, Node ${process.version}; each tool warmed up for ${warm / 1000} s, then timed for ${budget / 1000} s`);
  console.log('  tool         articles/s   tokens/s   × dyad time   sentences   entities   dates   what it does');
  for (const r of results) {
    const per = (v: number) => (v / articles.length).toFixed(1).padStart(5);
    console.log(`  ${r.tool.name.padEnd(11)}  ${r.rate.toFixed(0).padStart(10)}   ${(r.tokRate / 1000).toFixed(1).padStart(7)}k   ${(dyad.rate / r.rate).toFixed(2).padStart(10)}×   ${per(r.found.sentences)}/art  ${per(r.found.entities)}/art  ${per(r.found.dates)}/art  ${r.tool.does}`);
  }
  console.log('  (× dyad time: the tool\'s time per article relative to dyad\'s; below 1 it is faster than dyad while doing less)');
}
