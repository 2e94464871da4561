import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCorpus } from '../store/fixture.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';

let dir: string;
let store: Store;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-batch-')); store = openStore(join(dir, 'b.db')); });
afterEach(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

describe('batched writes (SQLite)', () => {
  it('stores a batch in one transaction, each article whole: a bad one fails alone', async () => {
    const [a, b, c] = fixtureCorpus();
    b.events.push({ ...b.events[0] }); // the same event id twice: b fails inside its savepoint
    const results = await store.addArticles([a, b, c, a]);
    expect(results[0]).toBe('added');
    expect(results[1]).toBeInstanceOf(Error);
    expect(results.slice(2)).toEqual(['added', 'present']);
    expect(await store.hasArticle(b.article.id)).toBe(false);
    const counts = await store.counts();
    expect(counts).toMatchObject({ articles: 2, events: 3, relations: 2 });
    expect((await store.actors({ type: 'PERSON' })).map((x) => x.name).sort()).toEqual(['Cho Hyun', 'Kyriakos Mitsotakis', 'Recep Tayyip Erdogan']);
    expect(await store.addArticles([])).toEqual([]);
  });
});
