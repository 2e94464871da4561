import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture.js';
import type { Store } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { ingestCacheMiB, openSqliteStore, ROOMY_CACHE_MIB, WRITER_CACHE_MIB } from './index.js';

let dir: string;
let path: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  path = join(dir, 'test.db');
  store = openSqliteStore(path);
});
afterEach(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

const loadAll = async () => { for (const a of fixtureCorpus()) await store.addArticle(a); };

// What is SQLite's own; the behaviour both engines share is tested once, on both, in ../contract.test.ts.
describe('the SQLite store', () => {
  it('opens one file in WAL with foreign keys and the latest schema version', () => {
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('gives an ingest with at most one analyzer thread the larger page cache, and works with any', async () => {
    expect(ingestCacheMiB(0)).toBe(ROOMY_CACHE_MIB);
    expect(ingestCacheMiB(1)).toBe(ROOMY_CACHE_MIB);
    expect(ingestCacheMiB(2)).toBe(WRITER_CACHE_MIB);
    expect(ROOMY_CACHE_MIB).toBeGreaterThan(WRITER_CACHE_MIB);
    for (const cacheMiB of [1, ROOMY_CACHE_MIB]) {
      const other = openSqliteStore(join(dir, `cache-${cacheMiB}.db`), { cacheMiB });
      const [a] = fixtureCorpus();
      expect(await other.addArticle(a)).toBe('added');
      expect((await other.counts()).articles).toBe(1);
      await other.close();
    }
  });
});

describe('queries', () => {
  it('finds an actor by any part of a name, best match first, and nothing for an unknown name', async () => {
    await loadAll();
    expect((await store.actor('Mitsotakis')).map((a) => a.name)).toEqual(['Kyriakos Mitsotakis']);
    expect(await store.actor('Nobody Known')).toEqual([]);
  });

  it('lists articles newest first and gives back each stored analysis document as it was stored', async () => {
    await loadAll();
    const list = await store.articles();
    expect(list).toHaveLength(3);
    const dates = list.map((a) => a.published ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await store.articles({ limit: 1, offset: 1 }))[0].id).toBe(list[1].id);
    // as stored, with the article's story (near-duplicate group) set by the store
    for (const a of fixtureCorpus()) expect(await store.analysis(a.article.id)).toEqual({ ...a, article: { ...a.article, story: a.article.id } });
    expect(await store.analysis('0'.repeat(64))).toBeNull();
  });
});

describe('batches', () => {
  /** Every row of every table of articles and facts but the ingestion time, rowids included (stories are grouped
   * after each write, so their rowids follow the writes, not the articles). */
  function rowsOf(file: string) {
    const db = new Database(file, { readonly: true });
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' AND name NOT LIKE 'story%' ORDER BY name`).all() as { name: string; sql: string }[];
    const out = Object.fromEntries(tables.map(({ name, sql }) => {
      const rowid = /WITHOUT ROWID/i.test(sql) ? '' : 'rowid AS _rowid, ';
      return [name, db.prepare(`SELECT ${rowid}* FROM "${name}" ORDER BY 1, 2, 3`).all().map((r) => ({ ...(r as object), ingested_at: undefined }))];
    }));
    out.fts = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'erdogan OR korea OR china' ORDER BY rowid`).pluck().all();
    db.close();
    return out;
  }

  /** The fixture again under other ids; a copy that names new people, then fails on a repeated entity id; a bad span. */
  function batch() {
    const [x1, x2, x3] = fixtureCorpus();
    const copy = (a: (typeof x1), id: string) => ({ ...structuredClone(a), article: { ...a.article, id } });
    const failing = copy(x3, 'c'.repeat(64));
    failing.entities.push({ ...failing.entities[0], name: 'A Person Only The Failing Article Names' });
    failing.entities.unshift({ ...x3.entities[2], id: 'e9', name: 'Cho Hyun Junior' });
    const badSpan = copy(x1, 'd'.repeat(64));
    badSpan.times[0] = { ...badSpan.times[0], start: -1 };
    const noUrl = copy(x2, 'f'.repeat(64)); // from JSON that left the null out, say
    delete (noUrl.article as { url?: string | null }).url;
    return [x1, x2, failing, badSpan, copy(x3, 'e'.repeat(64)), x1, noUrl];
  }

  it('stores what storing the articles one at a time stores, failing articles and all', async () => {
    const results = (await store.addArticles(batch())).map((r) => (r instanceof Error ? r.message : r));
    await store.close();

    const single = join(dir, 'single.db');
    const alone = openSqliteStore(single);
    const one = [];
    for (const a of batch()) one.push(await alone.addArticle(a).catch((e: Error) => e.message));
    await alone.close();

    expect(results).toEqual(one);
    expect(results).toEqual(['added', 'added', 'UNIQUE constraint failed: entities.article_seq, entities.id', expect.stringMatching(/^E_SPAN/), 'added', 'present',
      'Missing named parameter "url"']);
    expect(rowsOf(path)).toEqual(rowsOf(single));
    const db = new Database(path, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) FROM actors WHERE name LIKE '%Junior' OR name LIKE '%Failing%'`).pluck().get()).toBe(0);
    db.close();
    store = openSqliteStore(path); // for afterEach
  });

  it('stores a batch of new articles as one at a time does, the full-text index included', async () => {
    const [x1, x2, x3] = fixtureCorpus();
    const copy = (a: (typeof x1), id: string) => ({ ...structuredClone(a), article: { ...a.article, id } });
    const bare = { ...copy(x2, '9'.repeat(64)), entities: [], times: [], quotes: [], events: [], relations: [] }; // no facts to collide
    const articles = [x1, x2, x3, copy(x1, 'a'.repeat(64)), bare, copy(x3, 'b'.repeat(64)), x2, bare];
    expect(await store.addArticles(articles)).toEqual(['added', 'added', 'added', 'added', 'added', 'added', 'present', 'present']);
    const bare2 = { ...bare, article: { ...bare.article, id: '8'.repeat(64) } };
    expect(await store.addArticles([bare2, bare2, bare])).toEqual(['added', 'present', 'present']); // nothing to fail on a repeat
    articles.push(bare2);
    await store.close();
    const single = join(dir, 'single.db');
    const alone = openSqliteStore(single);
    for (const a of articles) await alone.addArticle(a);
    await alone.close();
    expect(rowsOf(path)).toEqual(rowsOf(single));
    // the index is cut in other segments (one per batch, not per article), and holds the same terms at the same places
    const terms = (file: string) => {
      const db = new Database(file, { readonly: true });
      db.exec(`CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'articles_fts', 'instance')`);
      const out = db.prepare('SELECT * FROM temp.terms ORDER BY term, doc, col, offset').all();
      db.close();
      return out;
    };
    expect(terms(path).length).toBeGreaterThan(100);
    expect(terms(path)).toEqual(terms(single));
    store = openSqliteStore(path);
    const again = openSqliteStore(single);
    const found = await store.searchArticles!({ text: 'coast guard' });
    expect(found.length).toBe(2);
    expect(found).toEqual(await again.searchArticles!({ text: 'coast guard' }));
    await again.close();
  });

  it('replaces in a batch as one at a time does', async () => {
    await store.addArticles(fixtureCorpus());
    const [x1, x2, x3] = fixtureCorpus();
    // the renamed copy leaves the actor of Mitsotakis to no article: it is dropped, and made anew by the last one
    const renamed = structuredClone(x1);
    renamed.entities[1] = { ...renamed.entities[1], name: 'Kyriakos Mitsotakis Second' };
    const replacing = [x3, x1, renamed, x2, x1];
    const results = await store.addArticles(replacing, { replace: true });
    await store.close();

    const single = join(dir, 'single.db');
    const alone = openSqliteStore(single);
    for (const a of fixtureCorpus()) await alone.addArticle(a);
    for (const a of replacing) await alone.addArticle(a, { replace: true });
    await alone.close();

    expect(results).toEqual(['replaced', 'replaced', 'replaced', 'replaced', 'replaced']);
    expect(rowsOf(path)).toEqual(rowsOf(single));
    store = openSqliteStore(path);
  });
});
