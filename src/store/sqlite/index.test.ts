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

describe('the SQLite store', () => {
  it('opens one file in WAL with foreign keys and the latest schema version', () => {
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('re-opens an existing database without migrating it again', async () => {
    await loadAll();
    await store.close();
    store = openSqliteStore(path);
    expect((await store.counts()).articles).toBe(3);
  });

  it('stores an article once: the second time it is "present" and nothing is added', async () => {
    const [a] = fixtureCorpus();
    expect(await store.addArticle(a)).toBe('added');
    const before = await store.counts();
    expect(await store.addArticle(a)).toBe('present');
    expect(await store.counts()).toEqual(before);
    expect(before).toMatchObject({ articles: 1, entities: 2, mentions: 3, times: 1, quotes: 1, events: 1, relations: 1 });
  });

  it('replaces an article\'s facts when asked, in one transaction, leaving no orphans', async () => {
    await loadAll();
    const before = await store.counts();
    const [, , third] = fixtureCorpus();
    // without Cho Hyun: his actor goes too, as nothing else refers to him
    const fewer = { ...third, entities: third.entities.slice(0, 2), events: third.events.slice(0, 1), quotes: [], relations: [] };
    expect(await store.addArticle(fewer, { replace: true })).toBe('replaced');
    expect(await store.counts()).toEqual({ ...before, entities: before.entities - 1, mentions: before.mentions - 1, actors: before.actors - 1, events: before.events - 1, quotes: before.quotes - 1, relations: before.relations - 1 });
    expect(await store.actor('Cho Hyun')).toEqual([]);
    expect((await store.search('coast guard'))).toHaveLength(1);
    expect((await store.article(third.article.id)).found?.events.map((e) => e.id)).toEqual(['v1']);
    expect(await store.addArticle(third, { replace: true })).toBe('replaced');
    expect(await store.counts()).toEqual(before);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('stores all of an article or none of it', async () => {
    const [a] = fixtureCorpus();
    a.events.push({ ...a.events[0] }); // the same event id twice: the second insert fails inside the transaction
    await expect(store.addArticle(a)).rejects.toThrow(/UNIQUE/);
    expect(await store.hasArticle(a.article.id)).toBe(false);
    expect(await store.counts()).toMatchObject({ articles: 0, entities: 0, actors: 0, events: 0 });
  });

  it('refuses an analysis whose span does not cover its text', async () => {
    const [a] = fixtureCorpus();
    a.quotes[0] = { ...a.quotes[0], start: a.quotes[0].start + 1 };
    await expect(store.addArticle(a)).rejects.toThrow(/E_SPAN: quote 0/);
    expect((await store.counts()).articles).toBe(0);
  });

  it('keeps every span through a round trip (UTF-16 offsets, emoji included)', async () => {
    await loadAll();
    let checked = 0;
    for (const original of fixtureCorpus()) {
      const lookup = await store.article(original.article.id);
      const got = lookup.found!;
      const text = got.article.text;
      expect(text).toBe(original.article.text);
      const spans = [
        ...got.entities.flatMap((e) => e.mentions), ...got.times, ...got.quotes, ...got.quotes.flatMap((q) => (q.cue ? [q.cue] : [])),
        ...got.events.map((e) => e.trigger),
      ];
      for (const s of spans) { expect(text.slice(s.start, s.end)).toBe(s.text); checked++; }
      expect(got.events).toEqual(original.events);
      expect(got.quotes).toEqual(original.quotes);
      expect(got.times).toEqual(original.times);
      expect(got.relations).toEqual(original.relations);
      expect(got.entities.map(({ actorId: _a, ...e }) => e)).toEqual(original.entities);
    }
    expect(checked).toBeGreaterThan(15);
    const [ev] = await store.events({ type: 'REQUEST' });
    expect(ev.sentenceText).toContain('🇰🇷');
    const t = (await store.article(ev.articleId)).found!.article.text;
    expect(t.slice(ev.sentence.start, ev.sentence.end)).toBe(ev.sentenceText);
  });
});

describe('actors across articles', () => {
  it('merges "Recep Erdogan" into "Recep Tayyip Erdogan" and keeps the roles with their dates', async () => {
    await loadAll();
    const persons = await store.actors({ type: 'PERSON' });
    expect(persons.map((a) => a.name).sort()).toEqual(['Cho Hyun', 'Kyriakos Mitsotakis', 'Recep Tayyip Erdogan']);
    const [erdogan] = await store.actor('recep erdogan');
    expect(erdogan).toMatchObject({ name: 'Recep Tayyip Erdogan', country: 'TUR', articles: 2, events: 2, quotes: 1, firstSeen: '2025-12-04', lastSeen: '2025-12-20', role: 'President' });
    expect(erdogan.names).toEqual(['Recep Tayyip Erdogan', 'Recep Erdogan']);
    expect(erdogan.roles).toEqual([{ role: 'President', country: 'TUR', from: '2025-12-04', to: '2025-12-20', articles: 2 }]);
  });

  it('does not merge people of different countries or types', async () => {
    const [a] = fixtureCorpus();
    await store.addArticle(a);
    const [, b] = fixtureCorpus();
    b.entities[0] = { ...b.entities[0], country: 'AZE' };
    b.events[0] = { ...b.events[0], source: { ...b.events[0].source, country: 'AZE' } };
    await store.addArticle(b);
    expect((await store.actors({ type: 'PERSON' })).map((x) => x.name).sort()).toEqual(['Kyriakos Mitsotakis', 'Recep Erdogan', 'Recep Tayyip Erdogan']);
  });

  it('finds an actor by any part of a name, best match first, and nothing for an unknown name', async () => {
    await loadAll();
    expect((await store.actor('Mitsotakis')).map((a) => a.name)).toEqual(['Kyriakos Mitsotakis']);
    expect(await store.actor('Nobody Known')).toEqual([]);
  });
});

describe('queries', () => {
  beforeEach(loadAll);

  it('filters events by dyad in either order, actor, dates, type and modality', async () => {
    const ids = async (f: Parameters<Store['events']>[0]) => (await store.events(f)).map((e) => `${e.type}:${e.date}`);
    expect(await ids({})).toEqual(['CONSULT:2025-12-02', 'CONSULT:2026-01', 'ACCUSE:2026-01-12', 'REQUEST:2026-01-12']);
    expect(await ids({ dyad: ['GRC', 'TUR'] })).toEqual(['CONSULT:2025-12-02', 'CONSULT:2026-01']);
    expect(await ids({ dyad: ['KOR', 'CHN'], type: 'request' })).toEqual(['REQUEST:2026-01-12']);
    expect(await ids({ actor: 'Erdogan' })).toEqual(['CONSULT:2025-12-02', 'CONSULT:2026-01']);
    expect(await ids({ actor: 'china' })).toEqual(['ACCUSE:2026-01-12', 'REQUEST:2026-01-12']);
    expect(await ids({ since: '2026-01-01' })).toEqual(['CONSULT:2026-01', 'ACCUSE:2026-01-12', 'REQUEST:2026-01-12'].slice(1));
    expect(await ids({ until: '2026-01-11' })).toEqual(['CONSULT:2025-12-02', 'CONSULT:2026-01']);
    expect(await ids({ modality: 'planned' })).toEqual(['CONSULT:2026-01']);
    const [, second, third] = fixtureCorpus().map((a) => a.article.id);
    expect(await ids({ articleIds: [second, third] })).toEqual(['CONSULT:2026-01', 'ACCUSE:2026-01-12', 'REQUEST:2026-01-12']);
    expect((await store.quotes({ articleIds: [second] }))).toEqual([]);
    expect((await store.dyads({ articleIds: [second] })).map((d) => d.dyad)).toEqual([['GRC', 'TUR']]);
    const [planned] = await store.events({ modality: 'planned' });
    expect(planned).toMatchObject({ mode: 'visit', dateSource: 'text', source: { name: 'Recep Erdogan', country: 'TUR' }, target: { name: 'Greece', country: 'GRC' } });
    expect(planned.source.actorId).toBe((await store.actor('Erdogan'))[0].id);
  });

  it('finds quotes by speaker, whatever form of the name is asked', async () => {
    expect((await store.quotes()).map((q) => q.text)).toEqual(['frank and useful', 'restraint']);
    expect((await store.quotes({ speaker: 'Recep Erdogan' })).map((q) => [q.text, q.cue?.text])).toEqual([['frank and useful', 'said']]);
    expect(await store.quotes({ speaker: 'Xi Jinping' })).toEqual([]);
  });

  it('finds an article by an id prefix and says when a prefix is ambiguous', async () => {
    const id = fixtureCorpus()[2].article.id;
    expect((await store.article(id.slice(0, 8))).found?.article.title).toContain('Seoul protests');
    expect((await store.article(''))).toEqual({ found: null, matches: 0 });
    expect((await store.article('zz'))).toEqual({ found: null, matches: 0 });
    const ids = fixtureCorpus().map((a) => a.article.id);
    const shared = ids.some((x) => x[0] === ids[0][0] && x !== ids[0]);
    if (shared) expect((await store.article(ids[0][0])).matches).toBe(2);
  });

  it('sums dyads across articles in either order', async () => {
    expect(await store.dyads()).toEqual([
      { dyad: ['GRC', 'TUR'], articles: 2, events: 2, goldstein: 2.9, direction: 'cooperative' },
      { dyad: ['CHN', 'KOR'], articles: 1, events: 2, goldstein: -7, direction: 'conflictual' },
    ]);
  });

  it('searches titles and texts', async () => {
    const hits = await store.search('coast guard');
    expect(hits.map((h) => h.title)).toEqual(['Seoul protests Chinese coast guard move 🚢']);
    expect(hits[0].snippet).toContain('[coast]');
    expect(await store.search('"unbalanced AND (')).toEqual([]);
  });

  it('exports one flat row per event with GDELT-like columns and the evidence offsets', async () => {
    const rows = [];
    for await (const r of store.exportRows()) rows.push(r);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ sqldate: '20251202', actor1_country: 'TUR', actor2_country: 'GRC', event_code: '040', event_root_code: '04', quad_class: 1, modality: 'asserted', date_source: 'text', location_name: 'Ankara', trigger: 'met' });
    expect(rows[1]).toMatchObject({ sqldate: null, date: '2026-01', modality: 'planned' });
    expect(rows[3]).toMatchObject({ event_root_code: '10', quad_class: 3 });
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
