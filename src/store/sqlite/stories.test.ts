import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analyze/index.js';
import { makeArticle } from '../../ingest/article.js';
import { readPlainText } from '../../ingest/plaintext.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './index.js';

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
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path);
    raw.exec('DELETE FROM story_members; DELETE FROM story_bands; DELETE FROM story_signatures;');
    raw.close();
    const again = openSqliteStore(path);
    expect(await again.storyOf!(pact().id)).toBe(pact().id);
    await again.close();
  });

});
