import pg from 'pg';
import type { BatchResult, Store } from '../store.js';
import { migratePg } from './migrations.js';
import { pgActor, pgActors, pgAnalysis, pgArticle, pgArticles, pgCounts, pgDyads, pgEvents, pgExport, pgQuotes, pgSearch } from './queries.js';
import { pgRelations } from './relations.js';
import { pgSearchArticles } from './search.js';
import { pgStories, pgStoryOf, syncStoriesPg } from './stories.js';
import { addArticlePg } from './write.js';

export interface PostgresOptions {
  /** connections in the pool (default 4) */
  max?: number;
}

/** Counts (int8) and sums come back as numbers, as from SQLite. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** `postgres://…/db?schema=NAME`: the tables live in that schema (created if missing), else in the default one. */
export function parsePgUrl(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`E_SCHEMA_NAME: "${schema}" is not a plain lower-case schema name`);
  return { connectionString: u.toString(), schema };
}

/**
 * The PostgreSQL engine: the same `Store` as SQLite over the same schema (`migrations.ts`), for many writers on
 * many machines. Opening is immediate; the connection and the migration happen on first use.
 */
export function openPostgresStore(url: string, opts: PostgresOptions = {}): Store {
  const { connectionString, schema } = parsePgUrl(url);
  const pool = new pg.Pool({
    connectionString, max: opts.max ?? 4, types, application_name: 'dyad', ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle connection dropped by the server: the next query reconnects
  const ready = (async () => {
    const c = await pool.connect();
    try {
      if (schema) {
        await c.query(`SELECT pg_advisory_lock(hashtext('dyad-create-schema'))`);
        try { await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`); } finally { await c.query(`SELECT pg_advisory_unlock(hashtext('dyad-create-schema'))`); }
      }
      await migratePg(c);
      await syncStoriesPg(c); // articles left ungrouped (a writer that died after storing, an old database)
    } finally {
      c.release();
    }
  })();
  ready.catch(() => undefined); // reported by the first call
  const db = async () => { await ready; return pool; };
  const write = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const c = await (await db()).connect();
    try { return await fn(c); } finally { c.release(); }
  };

  return {
    engine: 'postgres',
    // stories are grouped right after articles are stored (every writer; one grouper at a time)
    addArticle: (a, o) => write(async (c) => {
      const r = await addArticlePg(c, a, o);
      if (r !== 'present') await syncStoriesPg(c);
      return r;
    }),
    addArticles: (as, o) => write(async (c) => {
      const out: BatchResult[] = [];
      for (const a of as) {
        try { out.push(await addArticlePg(c, a, o)); } catch (err) { out.push(err instanceof Error ? err : new Error(String(err))); }
      }
      if (out.some((r) => r === 'added' || r === 'replaced')) await syncStoriesPg(c);
      return out;
    }),
    async hasArticle(id) { return (await (await db()).query('SELECT 1 FROM articles WHERE id = $1', [id])).rowCount! > 0; },
    async article(x) {
      const got = await pgArticle(await db(), x);
      if (got.found) got.found.article.story = await pgStoryOf(await db(), got.found.article.id);
      return got;
    },
    events: async (f) => pgEvents(await db(), f),
    quotes: async (f) => pgQuotes(await db(), f),
    actors: async (f) => pgActors(await db(), f),
    actor: async (n) => pgActor(await db(), n),
    dyads: async (f) => pgDyads(await db(), f),
    search: async (q, l) => pgSearch(await db(), q, l),
    articles: async (f) => pgArticles(await db(), f),
    async analysis(id) {
      const a = await pgAnalysis(await db(), id);
      if (a) a.article.story = await pgStoryOf(await db(), id);
      return a;
    },
    searchArticles: async (q) => pgSearchArticles(await db(), q),
    stories: async (f) => pgStories(await db(), f),
    storyOf: async (id) => pgStoryOf(await db(), id),
    relations: async (q) => pgRelations(await db(), q),
    counts: async () => pgCounts(await db()),
    async *exportRows() { yield* pgExport(await db()); },
    async close() { await ready.catch(() => undefined); await pool.end(); },
  };
}
