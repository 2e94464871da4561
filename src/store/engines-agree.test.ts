// The two engines resolve actors alike on real news: the same articles stored in SQLite (one query per entity) and
// in PostgreSQL (the article's candidates read up front, then resolved in memory) give the same actors, with the
// same names, countries and counts, and the same actors on every exported event. Needs PostgreSQL (DYAD_PG_URL);
// skipped with a notice when unreachable, required under CI=true.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.js';
import { findRoot } from '../analyze/lexicon/root.js';
import type { Article } from '../ingest/article.js';
import { readPlainText } from '../ingest/plaintext.js';
import { openStore } from './index.js';
import { dropSchemas, freshSchemaUrl, pgTestUrl, pgUnreachable, shouldRun } from './postgres/testing.js';
import type { Store } from './store.js';

const PG = pgTestUrl();
const run = shouldRun('PostgreSQL', PG, await pgUnreachable(PG));

/** Articles that name many people, places and organisations again and again: politics news from the BBC set when it is there, else the examples. */
function articles(): Article[] {
  const root = findRoot();
  const bbc = join(root, '..', 'shared', 'data', 'bbc-news', 'politics');
  const dir = existsSync(bbc) ? bbc : join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 120);
  return files.flatMap((f) => readPlainText(readFileSync(join(dir, f), 'utf8'), { source: f }).articles);
}

async function snapshot(store: Store) {
  const actors = (await store.actors()).map(({ id: _id, ...rest }) => rest).sort((a, b) => `${a.type}${a.name}${a.country}`.localeCompare(`${b.type}${b.name}${b.country}`));
  const byId = new Map((await store.actors()).map((a) => [a.id, `${a.type}:${a.name}:${a.country}`]));
  const events: string[] = [];
  for await (const r of store.exportRows()) {
    const row = r as unknown as Record<string, unknown>;
    events.push(JSON.stringify(Object.entries(row).map(([k, v]) => (/actor_?id$/i.test(k) && v != null ? byId.get(Number(v)) : v))));
  }
  return { actors, events: events.sort(), counts: await store.counts() };
}

describe.runIf(run)('SQLite and PostgreSQL agree', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-agree-'));
  const pg = freshSchemaUrl(PG);
  afterAll(async () => { rmSync(tmp, { recursive: true, force: true }); await dropSchemas(PG, [pg.schema]); });

  it('on the actors of a hundred and twenty news articles and on every event\'s actors', async () => {
    const analyses = articles().map((a) => analyze(a));
    const [lite, post] = [openStore(join(tmp, 'agree.db')), openStore(pg.url)];
    try {
      for (const a of analyses) { await lite.addArticle(a); await post.addArticle(a); }
      const [x, y] = [await snapshot(lite), await snapshot(post)];
      expect(x.counts.actors).toBeGreaterThan(50);
      expect(x.events.length).toBeGreaterThan(20);
      expect(y.counts).toEqual(x.counts);
      expect(y.actors).toEqual(x.actors);
      expect(y.events).toEqual(x.events);
    } finally {
      await lite.close();
      await post.close();
    }
  }, 120_000);
});
