// Migration 4 keys every fact table by the article's seq instead of its id. A database of schema 3 holding the same
// articles as one written by this version must, once migrated, answer every query the same.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import { readPlainText } from '../../ingest/plaintext.js';
import { fixtureCorpus } from '../fixture.js';
import { FACT_TABLES, storeAnswers } from '../answers.fixture.js';
import { openSqliteStore } from './index.js';
import { MIGRATIONS } from './migrations.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-migration4-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A schema-3 copy of a database written by this version: the same rows (the same seqs, the same row order), facts
 * keyed by the article's id as schema 3 had them.
 */
function downgrade(from: string, to: string): void {
  const db = new Database(to);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.slice(0, 3)) db.exec(m);
  db.pragma('user_version = 3');
  db.prepare('ATTACH ? AS n').run(from);
  const cols = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?, 'n')`).pluck().all(table) as string[]);
  db.transaction(() => {
    for (const t of ['articles', 'actors', 'actor_names', 'story_signatures', 'story_bands', 'story_members']) {
      const c = cols(t).map((x) => `"${x}"`).join(', ');
      db.exec(`INSERT INTO main.${t} (${c}) SELECT ${c} FROM n.${t}`);
    }
    for (const t of FACT_TABLES) {
      const c = cols(t);
      const into = c.map((x) => (x === 'article_seq' ? 'article_id' : `"${x}"`)).join(', ');
      const select = c.map((x) => (x === 'article_seq' ? `(SELECT id FROM n.articles WHERE seq = x.article_seq)` : `x."${x}"`)).join(', ');
      db.exec(`INSERT INTO main.${t} (${into}) SELECT ${select} FROM n.${t} x ORDER BY x.rowid`);
    }
  })();
  db.close();
}

describe('migration 4: facts keyed by article seq', () => {
  it('gives a schema-3 database the same answers as one written with seq keys', async () => {
    const texts = ['brazil-argentina.txt', 'canada-iran-sanctions.txt', 'japan-australia-defence.txt']
      .map((name) => analyze(readPlainText(readFileSync(join(examples, name), 'utf8'), { source: name }).articles[0]));
    const corpus = [...fixtureCorpus(), ...texts];
    const fresh = join(dir, 'v4.db');
    const steps: [number, number][] = [];
    const s = openSqliteStore(fresh, { upgrading: (from, to) => steps.push([from, to]) });
    expect(steps).toEqual([]); // a new database is made, not upgraded
    expect((await s.addArticles(corpus)).every((r) => r === 'added')).toBe(true);
    const want = await storeAnswers(s);
    await s.close();
    expect(want.events.length).toBeGreaterThan(5);
    expect(want.actors.length).toBeGreaterThan(5);
    expect(want.exported.length).toBe(want.events.length);

    const old = join(dir, 'v3.db');
    downgrade(fresh, old);
    const raw = new Database(old, { readonly: true });
    expect(raw.prepare(`SELECT COUNT(*) FROM pragma_table_info('entities') WHERE name = 'article_id'`).pluck().get()).toBe(1);
    expect(raw.prepare('SELECT COUNT(*) FROM mentions').pluck().get()).toBe(want.counts.mentions);
    raw.close();

    const migrated = openSqliteStore(old, { upgrading: (from, to) => steps.push([from, to]) });
    expect(steps).toEqual([[3, 4]]);
    expect(await storeAnswers(migrated)).toEqual(want);
    // and it goes on storing: a replaced article's facts follow its new seq
    const again = analyze(readPlainText(readFileSync(join(examples, 'brazil-argentina.txt'), 'utf8'), { source: 'again' }).articles[0]);
    expect(await migrated.addArticle(again, { replace: true })).toBe('replaced');
    const before = want.articles.find((x) => x.lookup.found?.article.id === again.article.id)!.lookup.found!;
    const now = (await migrated.article(again.article.id)).found!;
    expect(now.entities).toEqual(before.entities);
    expect(now.events).toEqual(before.events);
    expect(now.entities.length).toBeGreaterThan(0);
    await migrated.close();

    const after = new Database(old, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    for (const t of FACT_TABLES) {
      const names = after.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[];
      expect(names, t).toContain('article_seq');
      expect(names, t).not.toContain('article_id');
    }
    expect(after.pragma('foreign_key_check')).toEqual([]);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
