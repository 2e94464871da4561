import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../fixture.js';
import type { Store } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteStore } from './index.js';

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
