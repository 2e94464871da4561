// Child process of crash.test.ts: ingests a file into a database with the built readers and store, giving each
// article a few deterministic facts (no analysis stages involved). Prints {"added","present"} when done. With a
// third argument N, stores N articles at a time (addArticles: one transaction per batch) instead of one by one.
import { readPaths } from '../../../dist/src/ingest/read.js';
import { openStore } from '../../../dist/src/store/index.js';

const [db, input, batchSize] = process.argv.slice(2);
const store = openStore(db);
let added = 0;
let present = 0;
let batch = [];
const count = (r) => { if (r instanceof Error) throw r; r === 'added' ? added++ : present++; };
// progress on stderr, for a parent that kills at a given count: `stored N` once N articles are in
const progress = () => process.stderr.write(`stored ${added + present}\n`);
for await (const it of readPaths([input])) {
  if (it.kind !== 'article') continue;
  const { body: _body, ...article } = it.article;
  const name = article.title.slice(0, article.title.indexOf(' meets'));
  const mention = { start: 0, end: name.length, text: name };
  const trigger = { start: name.length + 1, end: name.length + 6, text: 'meets' };
  const analysis = {
    article, sentences: [{ start: 0, end: article.title.length, paragraph: 0 }],
    entities: [{ id: 'e1', name, type: 'PERSON', country: 'FRA', role: 'Minister', aliases: [], mentions: [mention] }],
    times: [], quotes: [{ ...trigger, speaker: 'e1', speakerName: name, cue: null }],
    events: [{ id: 'v1', type: 'CONSULT', mode: 'meet', cameo: '040', goldstein: 1, source: { entity: 'e1', name, country: 'FRA' },
      target: { entity: null, name: 'Spain', country: 'ESP' }, location: null, date: article.published, dateSource: 'published',
      modality: 'asserted', sentence: { start: 0, end: article.title.length }, trigger, confidence: 0.5 }],
    relations: [{ dyad: ['FRA', 'ESP'], events: 1, goldstein: 1, direction: 'cooperative', eventIds: ['v1'] }],
    duplicates: [], summary: [],
  };
  if (!batchSize) { count(await store.addArticle(analysis)); progress(); continue; }
  batch.push(analysis);
  if (batch.length >= Number(batchSize)) { (await store.addArticles(batch)).forEach(count); batch = []; progress(); }
}
if (batch.length > 0) (await store.addArticles(batch)).forEach(count);
await store.close();
process.stdout.write(JSON.stringify({ added, present }) + '\n');
