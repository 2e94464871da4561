// PostgreSQL's migration 4 (the story index keyed by seq) on a database of schema 3 that holds a grouped article.
// Needs PostgreSQL (DYAD_PG_URL); skipped with a notice when unreachable, required under CI=true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import { findRoot } from '../../analyze/lexicon/root.js';
import { makeArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plaintext.js';
import { openStore } from '../index.js';
import { bandKeys, signatureOf, toBlob } from '../stories/minhash.js';
import { PG_MIGRATIONS } from './migrations.js';
import { dropSchemas, freshSchemaUrl, pgTestUrl, pgUnreachable, shouldRun } from './testing.js';

const PG = pgTestUrl();
const run = shouldRun('PostgreSQL', PG, await pgUnreachable(PG));
const schemas: string[] = [];
afterAll(() => dropSchemas(PG, schemas));

describe.runIf(run)('PostgreSQL migrations', () => {
  it('moves the story index of a schema-3 database to seq keys (migration 4), and articles go on joining its stories', async () => {
    const { url, schema } = freshSchemaUrl(PG);
    schemas.push(schema);
    const p = readPlainText(readFileSync(join(findRoot(), 'examples', 'japan-australia-defence.txt'), 'utf8'), { source: 'x' }).articles[0];
    const sig = signatureOf(p.text);
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA "${schema}"; SET search_path = "${schema}"`);
      for (const m of PG_MIGRATIONS.slice(0, 3)) await c.query(m);
      await c.query('CREATE TABLE dyad_schema (version INTEGER NOT NULL); INSERT INTO dyad_schema VALUES (3)');
      // an article grouped by a dyad of schema 3: its id in the story index
      await c.query(`INSERT INTO articles (seq, id, title, text, analysis, ingested_at) VALUES (7, $1, $2, $3, '{}', '2026-02-10')`, [p.id, p.title, p.text]);
      await c.query('INSERT INTO story_signatures (article_id, signature, size) VALUES ($1, $2, $3)', [p.id, toBlob(sig), sig.size]);
      const keys = bandKeys(sig);
      await c.query(`INSERT INTO story_bands (band, key, article_id) SELECT band, key, $3 FROM unnest($1::int[], $2::bigint[]) AS k(band, key) ON CONFLICT DO NOTHING`,
        [keys.map((_, i) => i), keys, p.id]);
      await c.query(`INSERT INTO story_members (article_id, story_id, seq, similarity) VALUES ($1, $1, 7, NULL)`, [p.id]);
      await c.query(`SELECT setval('articles_seq_seq', 7)`);
    } finally {
      await c.end();
    }

    const store = openStore(url);
    const copy = makeArticle({ title: 'Tokyo, Canberra seal defence logistics deal', body: [p.standfirst!, ...p.body.slice(0, -1)], published: '2026-02-10', source: 'Wire B' });
    await store.addArticle(analyze(copy));
    expect(await store.storyOf!(copy.id)).toBe(p.id);
    await store.close();

    const after = new pg.Client({ connectionString: PG });
    await after.connect();
    try {
      await after.query(`SET search_path = "${schema}"`);
      expect((await after.query('SELECT version FROM dyad_schema')).rows[0].version).toBe(PG_MIGRATIONS.length);
      expect(Number((await after.query('SELECT COUNT(*) AS n FROM story_bands WHERE seq = 7')).rows[0].n)).toBe(new Set(bandKeys(sig).map((k, b) => `${b}:${k}`)).size);
      expect((await after.query('SELECT size FROM story_signatures WHERE seq = 7')).rows[0].size).toBe(sig.size);
      expect((await after.query(`SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'story_bands' AND column_name = 'article_id'`, [schema])).rows[0].n).toBe('0');
    } finally {
      await after.end();
    }
  });
});
