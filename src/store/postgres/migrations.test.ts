// PostgreSQL's migrations on databases of the schema before them: 4 (the story index keyed by seq) on a database of
// schema 3 that holds a grouped article; 5 (facts keyed by the article's seq) on a schema-4 copy of a corpus written
// by this version, which must then answer every query the same. Needs PostgreSQL (DYAD_PG_URL); skipped with a
// notice when unreachable, required under CI=true.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import { findRoot } from '../../analyze/lexicon/root.js';
import { makeArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plaintext.js';
import { fixtureCorpus } from '../fixture.js';
import { openStore } from '../index.js';
import { bandKeys, signatureOf, toBlob } from '../stories/minhash.js';
import { PG_MIGRATIONS } from './migrations.js';
import { dropSchemas, freshSchemaUrl, pgTestUrl, pgUnreachable, shouldRun } from './testing.js';
import { FACT_TABLES, storeAnswers } from '../answers.fixture.js';

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

/** Runs `fn` on a connection of its own. */
async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

const columnsOf = async (c: pg.Client, schema: string, table: string) => (await c.query<{ column_name: string; is_generated: string }>(
  `SELECT column_name, is_generated FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [schema, table])).rows;

/**
 * The fact tables' columns (in order, with type, nullability, default), indexes and foreign keys, with schema
 * names left out: at schema 4, with `article_id`/`articles(id)` written as `article_seq`/`articles(seq)`, it must
 * be what migration 5 leaves.
 */
async function factShape(c: pg.Client, schema: string, asSeq = false) {
  // definitions name the schema (it is not on the search path): left out, so that two schemas compare
  const own = (x: string | null) => (x == null ? x : x.replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, ''));
  const seqOf = (x: string | null) => (asSeq && x ? x.replaceAll('article_id', 'article_seq').replaceAll('articles(id)', 'articles(seq)') : x);
  const columns = (await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
    WHERE table_schema = $1 AND table_name = ANY($2::text[]) ORDER BY table_name, ordinal_position`, [schema, FACT_TABLES])).rows
    .map((r) => ({ ...r, column_default: own(r.column_default) }))
    .map((r) => (asSeq && r.column_name === 'article_id' ? { ...r, column_name: 'article_seq', data_type: 'bigint' } : r));
  const indexes = (await c.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2::text[]) ORDER BY indexname`,
    [schema, FACT_TABLES])).rows.map((r) => ({ ...r, indexdef: seqOf(own(r.indexdef)) }));
  const fks = (await c.query(`SELECT t.relname AS table, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1 AND t.relname = ANY($2::text[]) AND k.contype = 'f' ORDER BY 1, 2`, [schema, FACT_TABLES])).rows
    .map((r) => ({ ...r, def: seqOf(own(r.def)) }));
  // the sequence each `seq` column draws from and is owned by
  const sequences = (await c.query(`SELECT t, pg_get_serial_sequence(quote_ident($1) || '.' || t, 'seq') AS s FROM unnest($2::text[]) AS t
    WHERE EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = t AND column_name = 'seq') ORDER BY t`, [schema, FACT_TABLES])).rows
    .map((r) => ({ table: r.t, sequence: own(r.s) }));
  return { columns, indexes, fks, sequences };
}

/** Every row of every fact table (their own `seq` included), in a fixed order. */
async function factRows(c: pg.Client, schema: string) {
  const out: Record<string, unknown[]> = {};
  for (const t of FACT_TABLES) out[t] = (await c.query(`SELECT * FROM "${schema}".${t} x ORDER BY x::text`)).rows;
  return out;
}

/**
 * A schema-4 copy of `from` (written by this version) in `to`: the same rows with the same seqs, facts keyed by
 * the article's id as schema 4 had them, and every sequence where it was.
 */
async function downgrade(c: pg.Client, from: string, to: string): Promise<void> {
  await c.query(`CREATE SCHEMA "${to}"; SET search_path = "${to}"`);
  await c.query('BEGIN');
  for (const m of PG_MIGRATIONS.slice(0, 4)) await c.query(m);
  await c.query('CREATE TABLE dyad_schema (version INTEGER NOT NULL); INSERT INTO dyad_schema VALUES (4)');
  for (const t of ['articles', 'actors', 'actor_names', 'story_signatures', 'story_bands', 'story_members', 'story_pending']) {
    const cols = (await columnsOf(c, from, t)).filter((x) => x.is_generated !== 'ALWAYS').map((x) => `"${x.column_name}"`).join(', ');
    await c.query(`INSERT INTO "${to}".${t} (${cols}) SELECT ${cols} FROM "${from}".${t}`);
  }
  for (const t of FACT_TABLES) {
    const cols = (await columnsOf(c, from, t)).map((x) => x.column_name);
    const into = cols.map((x) => (x === 'article_seq' ? 'article_id' : `"${x}"`)).join(', ');
    const select = cols.map((x) => (x === 'article_seq' ? `(SELECT id FROM "${from}".articles WHERE seq = x.article_seq)` : `x."${x}"`)).join(', ');
    const order = cols.includes('seq') ? 'x.seq' : 'x.article_seq';
    await c.query(`INSERT INTO "${to}".${t} (${into}) SELECT ${select} FROM "${from}".${t} x ORDER BY ${order}`);
  }
  // each serial column's sequence where the one it draws from in `from` is
  const serials = (await c.query(`SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = $1 AND column_default LIKE 'nextval(%'`, [to])).rows;
  const sequenceOf = async (schema: string, t: string, col: string) =>
    (await c.query(`SELECT pg_get_serial_sequence($1, $2) AS q`, [`"${schema}".${t}`, col])).rows[0].q as string;
  for (const { t, c: col } of serials) {
    const [src, dst] = [await sequenceOf(from, t, col), await sequenceOf(to, t, col)];
    const at = (await c.query(`SELECT last_value, is_called FROM ${src}`)).rows[0];
    await c.query(`SELECT setval($1, $2, $3)`, [dst, at.last_value, at.is_called]);
  }
  await c.query('COMMIT');
}

describe.runIf(run)('PostgreSQL migration 5: facts keyed by article seq', () => {
  it('gives a schema-4 database the same answers as one written with seq keys, and it goes on storing', async () => {
    const examples = join(findRoot(), 'examples');
    const read = (name: string, source = name) => readPlainText(readFileSync(join(examples, name), 'utf8'), { source }).articles[0];
    const corpus = [...fixtureCorpus(), ...['brazil-argentina.txt', 'canada-iran-sanctions.txt', 'japan-australia-defence.txt'].map((n) => analyze(read(n)))];
    const fresh = freshSchemaUrl(PG);
    const old = freshSchemaUrl(PG);
    schemas.push(fresh.schema, old.schema);

    const s = openStore(fresh.url);
    expect((await s.addArticles(corpus)).every((r) => r === 'added')).toBe(true);
    const want = await storeAnswers(s);
    await s.close();
    expect(want.events.length).toBeGreaterThan(5);
    expect(want.actors.length).toBeGreaterThan(5);
    expect(want.quotes.length).toBeGreaterThan(0);
    expect(want.exported.length).toBe(want.events.length);

    const before = await withClient(async (c) => {
      await downgrade(c, fresh.schema, old.schema);
      const n = await c.query(`SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = $1 AND table_name = ANY($2::text[]) AND column_name = 'article_id'`,
        [old.schema, FACT_TABLES]);
      expect(Number(n.rows[0].n)).toBe(FACT_TABLES.length);
      return { shape: await factShape(c, old.schema, true), mentions: Number((await c.query(`SELECT COUNT(*) AS n FROM "${old.schema}".mentions`)).rows[0].n) };
    });
    expect(before.mentions).toBe(want.counts.mentions);

    const migrated = openStore(old.url);
    expect(await storeAnswers(migrated)).toEqual(want);
    await withClient(async (c) => {
      expect((await c.query(`SELECT version FROM "${old.schema}".dyad_schema`)).rows[0].version).toBe(PG_MIGRATIONS.length);
      // every row, its own seq and its article's seq as written by this version; the same columns, indexes and keys as before, by seq
      expect(await factRows(c, old.schema)).toEqual(await factRows(c, fresh.schema));
      const after = await factShape(c, old.schema);
      expect(after).toEqual(before.shape);
      expect(after).toEqual(await factShape(c, fresh.schema));
      expect(after.columns.filter((x) => x.column_name === 'article_id')).toEqual([]);
      expect(after.indexes.map((x) => x.indexname)).toContain('actor_roles_article');
      expect(after.sequences.map((x) => x.table)).toEqual(['entities', 'events', 'mentions', 'relations']);
    });

    // and it goes on storing as the fresh store does: a replaced article's facts follow its new seq, a new article
    // joins a story, the facts' own seqs carry on from where they were
    const again = analyze(read('brazil-argentina.txt', 'again'));
    const p = read('japan-australia-defence.txt');
    const copy = analyze(makeArticle({ title: 'Tokyo, Canberra seal defence logistics deal', body: [p.standfirst!, ...p.body.slice(0, -1)], published: '2026-02-10', source: 'Wire B' }));
    const fresh2 = openStore(fresh.url);
    for (const store of [migrated, fresh2]) {
      expect(await store.addArticle(again, { replace: true })).toBe('replaced');
      expect(await store.addArticle(copy)).toBe('added');
      expect(await store.storyOf!(copy.article.id)).toBe(p.id);
    }
    const replaced = (await migrated.article(again.article.id)).found!;
    const first = want.articles.find((x) => x.lookup.found?.article.id === again.article.id)!.lookup.found!;
    expect(replaced.entities.length).toBeGreaterThan(0);
    expect(replaced.entities).toEqual(first.entities);
    expect(replaced.events).toEqual(first.events);
    // the two stores stored the two articles at different times
    const unstamped = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'ingestedAt' ? undefined : v)));
    const [got, now] = [await storeAnswers(migrated), await storeAnswers(fresh2)];
    await migrated.close();
    await fresh2.close();
    expect(unstamped(got)).toEqual(unstamped(now));
    expect(got.counts.articles).toBe(want.counts.articles + 1);
    // the same rows with the same seqs: the sequences carried on from where they were
    await withClient(async (c) => expect(await factRows(c, old.schema)).toEqual(await factRows(c, fresh.schema)));
  });
});
