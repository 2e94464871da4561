import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import { makeArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plaintext.js';
import type { Store } from '../store.js';
import { openSqliteStore, STORY_SYNC_EVERY } from './index.js';
import { MIGRATIONS } from './migrations.js';
import { bandKeys, signatureOf, toBlob } from '../stories/minhash.js';
import Database from 'better-sqlite3';
import { writeFileSync, statSync } from 'node:fs';
import { ingestParallel } from '../../scale/ingest.js';

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string) => readPlainText(readFileSync(join(examples, name), 'utf8'), { source: name }).articles[0];
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-stories-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pact = () => read('japan-australia-defence.txt');
const variant = (title: string, body: string[], published: string, source: string) => makeArticle({ title, body, published, source });

// Grouping, the closer story and filtered search are tested on both engines in ../contract.test.ts; here what is SQLite's own.
describe('stories', () => {
  let store: Store;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    store = openSqliteStore(join(dir, 'a.db'));
    const p = pact();
    const arts = {
      original: { ...p, published: '2026-02-10' },
      // a syndicated copy: another headline, one word changed, the last paragraph cut
      copy: variant('Tokyo, Canberra seal defence logistics deal', [p.standfirst!, ...p.body.slice(0, -1)].map((x) => x.replace('Tuesday', 'Tuesday morning')), '2026-02-10', 'Wire B'),
      // a rewrite: a new lead, paragraphs reordered, one added
      rewrite: variant('Japan, Australia agree to share military supplies', [
        'Japan and Australia will let their forces share fuel and repair yards under a pact signed in Canberra, the two governments said.',
        ...[p.body[3], p.body[1], p.body[0], p.body[2]],
        'Analysts said the deal deepens a quasi-alliance that has grown quickly since 2022.'], '2026-02-11', 'Outlet C'),
      other: read('canada-iran-sanctions.txt'),
    };
    for (const [k, a] of Object.entries(arts)) { ids[k] = a.id; await store.addArticle(analyze(a)); }
  });
  afterAll(() => store.close());

  it('keeps the story id when an article joins later, and carries it in the stored analysis', async () => {
    const late = variant('Pact lets Japan, Australia share fuel', pact().body.slice(0, 3), '2026-02-09', 'Late');
    await store.addArticle(analyze(late));
    expect(await store.storyOf!(late.id)).toBe(ids.original);
    expect((await store.analysis(ids.copy))?.article.story).toBe(ids.original);
    const got = await store.article(ids.rewrite.slice(0, 12));
    expect(got.found?.article.story).toBe(ids.original);
    expect(analyze(late).article.story).toBeNull();
  });

  it('groups the articles of a database stored before stories existed when it is opened', async () => {
    const path = join(dir, 'old.db');
    const s = openSqliteStore(path);
    await s.addArticle(analyze(pact()));
    await s.close();
    const raw = new Database(path);
    raw.exec('DELETE FROM story_members; DELETE FROM story_bands; DELETE FROM story_signatures;');
    raw.close();
    const again = openSqliteStore(path);
    expect(await again.storyOf!(pact().id)).toBe(pact().id);
    await again.close();
  });

  it('groups the articles stored since the last grouping before anything is read, and on close', async () => {
    const path = join(dir, 'deferred.db');
    const s = openSqliteStore(path);
    const p = pact();
    const copy = variant('Tokyo, Canberra seal defence logistics deal', [p.standfirst!, ...p.body.slice(0, -1)], '2026-02-10', 'Wire B');
    expect(STORY_SYNC_EVERY).toBeGreaterThan(2);
    await s.addArticles([analyze(p), analyze(copy)]);
    const members = () => {
      const raw = new Database(path, { readonly: true });
      try { return raw.prepare('SELECT article_id, story_id FROM story_members ORDER BY seq').all(); } finally { raw.close(); }
    };
    expect(members()).toEqual([]); // stored, not grouped yet
    expect(await s.storyOf!(copy.id)).toBe(p.id); // a read groups them first
    expect(members()).toEqual([{ article_id: p.id, story_id: p.id }, { article_id: copy.id, story_id: p.id }]);
    const late = variant('Pact lets Japan, Australia share fuel', p.body.slice(0, 3), '2026-02-09', 'Late');
    await s.addArticle(analyze(late));
    await s.close(); // closing groups it
    expect(members()).toContainEqual({ article_id: late.id, story_id: p.id });
  });

  it('has every article an ingest stored grouped when the ingest returns, for readers in other processes (--watch keeps the store open)', async () => {
    const path = join(dir, 'ingested.db');
    const s = openSqliteStore(path);
    const p = pact();
    const input = join(dir, 'two.jsonl');
    writeFileSync(input, [p, { ...p, title: 'Tokyo, Canberra seal defence logistics deal', source: 'Wire B' }]
      .map((a) => JSON.stringify({ title: a.title, standfirst: a.standfirst, body: a.body, published: a.published, source: a.source })).join('\n') + '\n');
    const silent = { stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, env: {} };
    const sum = await ingestParallel(s, [{ path: input, size: statSync(input).size }], { workers: 0 }, silent);
    expect(sum.added).toBe(2);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT COUNT(DISTINCT story_id) AS stories, COUNT(*) AS members FROM story_members').get()).toEqual({ stories: 1, members: 2 });
    raw.close();
    await s.close();
  });

  it('moves the story index of a version-2 database to seq keys (migration 3), and articles go on joining its stories', async () => {
    const path = join(dir, 'v2.db');
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    raw.exec(MIGRATIONS[0]);
    raw.exec(MIGRATIONS[1]);
    raw.pragma('user_version = 2');
    // an article grouped by a dyad of schema 2: its id in the story index
    const p = pact();
    raw.prepare(`INSERT INTO articles (seq, id, title, text, analysis, ingested_at) VALUES (7, ?, ?, ?, '{}', '2026-02-10')`).run(p.id, p.title, p.text);
    const sig = signatureOf(p.text);
    raw.prepare('INSERT INTO story_signatures (article_id, signature, size) VALUES (?, ?, ?)').run(p.id, toBlob(sig), sig.size);
    bandKeys(sig).forEach((key, band) => raw.prepare('INSERT INTO story_bands (band, key, article_id) VALUES (?, ?, ?)').run(band, key, p.id));
    raw.prepare('INSERT INTO story_members (article_id, story_id, seq, similarity) VALUES (?, ?, 7, NULL)').run(p.id, p.id);
    raw.close();

    const s = openSqliteStore(path);
    const copy = variant('Tokyo, Canberra seal defence logistics deal', [p.standfirst!, ...p.body.slice(0, -1)], '2026-02-10', 'Wire B');
    await s.addArticle(analyze(copy));
    expect(await s.storyOf!(copy.id)).toBe(p.id);
    await s.close();
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(after.prepare('SELECT COUNT(*) FROM story_bands WHERE seq = 7').pluck().get()).toBe(new Set(bandKeys(sig).map((k, b) => `${b}:${k}`)).size);
    expect(after.prepare('SELECT size FROM story_signatures WHERE seq = 7').pluck().get()).toBe(sig.size);
    expect(after.prepare(`SELECT COUNT(*) FROM pragma_table_info('story_bands') WHERE name = 'article_id'`).pluck().get()).toBe(0);
    after.close();
  });
});
