// TESTING.md 10: one store contract, two engines. The same tests over the same fixture corpus give the same
// results on SQLite and on PostgreSQL (DYAD_PG_URL, default the local server; a schema of its own per test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze/index.js';
import { makeArticle } from '../ingest/article.js';
import { readPlainText } from '../ingest/plaintext.js';
import { fixtureCorpus } from './fixture.js';
import { openStore } from './index.js';
import { dropSchemas, freshSchemaUrl, pgTestUrl, pgUnreachable, shouldRun } from './postgres/testing.js';
import type { Store } from './store.js';

const examples = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..', 'examples');
const readExample = (name: string) => readPlainText(readFileSync(join(examples, name), 'utf8'), { source: name }).articles[0];
const pact = () => readExample('japan-australia-defence.txt');
const variant = (title: string, body: string[], published: string, source: string) => makeArticle({ title, body, published, source });

interface Engine { name: string; run: boolean; location(): string; cleanup(): Promise<void> }

const tmp = mkdtempSync(join(tmpdir(), 'dyad-contract-'));
let n = 0;
const sqlite: Engine = { name: 'sqlite', run: true, location: () => join(tmp, `s${n++}.db`), cleanup: async () => rmSync(tmp, { recursive: true, force: true }) };

const PG = pgTestUrl();
const schemas: string[] = [];
const postgres: Engine = {
  name: 'postgres',
  run: shouldRun('PostgreSQL', PG, await pgUnreachable(PG)),
  location: () => { const f = freshSchemaUrl(PG); schemas.push(f.schema); return f.url; },
  cleanup: () => dropSchemas(PG, schemas),
};

afterAll(async () => { await sqlite.cleanup(); if (postgres.run) await postgres.cleanup(); });

for (const engine of [sqlite, postgres]) {
  describe.runIf(engine.run)(`the store contract on ${engine.name}`, () => {
    let location: string;
    let store: Store;
    beforeEach(() => { location = engine.location(); store = openStore(location); });
    afterEach(async () => { await store.close(); });
    const loadAll = async () => { for (const a of fixtureCorpus()) await store.addArticle(a); };

    it('is the engine asked for, and re-opens an existing database without migrating it again', async () => {
      expect(store.engine).toBe(engine.name);
      await loadAll();
      await store.close();
      store = openStore(location);
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

    it('stores a batch, each article whole: a failing one is its own result', async () => {
      const [a, b, c] = fixtureCorpus();
      b.events.push({ ...b.events[0] });
      const results = await store.addArticles([a, b, c, a]);
      expect(results[1]).toBeInstanceOf(Error);
      expect([results[0], ...results.slice(2)]).toEqual(['added', 'added', 'present']);
      expect(await store.counts()).toMatchObject({ articles: 2, events: 3, relations: 2 });
    });

    it('replaces an article\'s facts when asked, in one transaction, leaving no orphans', async () => {
      await loadAll();
      const before = await store.counts();
      const [, , third] = fixtureCorpus();
      const fewer = { ...third, entities: third.entities.slice(0, 2), events: third.events.slice(0, 1), quotes: [], relations: [] };
      expect(await store.addArticle(fewer, { replace: true })).toBe('replaced');
      expect(await store.counts()).toEqual({ ...before, entities: before.entities - 1, mentions: before.mentions - 1, actors: before.actors - 1, events: before.events - 1, quotes: before.quotes - 1, relations: before.relations - 1 });
      expect(await store.actor('Cho Hyun')).toEqual([]);
      expect((await store.search('coast guard'))).toHaveLength(1);
      expect((await store.article(third.article.id)).found?.events.map((e) => e.id)).toEqual(['v1']);
      expect(await store.addArticle(third, { replace: true })).toBe('replaced');
      expect(await store.counts()).toEqual(before);
    });

    it('two writers at once store each article once, and each actor once', async () => {
      await store.counts(); // the schema is in place before the second writer opens
      const other = openStore(location);
      try {
        const corpus = [...fixtureCorpus(), ...fixtureCorpus()];
        const [a, b] = await Promise.all([store.addArticles(corpus), other.addArticles([...corpus].reverse())]);
        expect([...a, ...b].filter((r) => r === 'added')).toHaveLength(3);
        expect([...a, ...b].filter((r) => r === 'present')).toHaveLength(9);
      } finally {
        await other.close();
      }
      expect(await store.counts()).toMatchObject({ articles: 3, actors: 6, events: 4 });
      expect((await store.actors({ type: 'PERSON' })).map((x) => x.name).sort()).toEqual(['Cho Hyun', 'Kyriakos Mitsotakis', 'Recep Tayyip Erdogan']);
    });

    it('stores all of an article or none of it', async () => {
      const [a] = fixtureCorpus();
      a.events.push({ ...a.events[0] });
      await expect(store.addArticle(a)).rejects.toThrow(/unique/i);
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
        const got = (await store.article(original.article.id)).found!;
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
        const stored = (await store.analysis(original.article.id))!;
        expect({ ...stored.article, story: undefined }).toEqual({ ...original.article, story: undefined });
        expect(stored.events).toEqual(original.events);
      }
      expect(checked).toBeGreaterThan(15);
      const [ev] = await store.events({ type: 'REQUEST' });
      expect(ev.sentenceText).toContain('🇰🇷');
      const t = (await store.article(ev.articleId)).found!.article.text;
      expect(t.slice(ev.sentence.start, ev.sentence.end)).toBe(ev.sentenceText);
    });

    it('merges "Recep Erdogan" into "Recep Tayyip Erdogan" and keeps the roles with their dates', async () => {
      await loadAll();
      const persons = await store.actors({ type: 'PERSON' });
      expect(persons.map((a) => a.name).sort()).toEqual(['Cho Hyun', 'Kyriakos Mitsotakis', 'Recep Tayyip Erdogan']);
      const [erdogan] = await store.actor('recep erdogan');
      expect(erdogan).toMatchObject({ name: 'Recep Tayyip Erdogan', country: 'TUR', articles: 2, events: 2, quotes: 1, firstSeen: '2025-12-04', lastSeen: '2025-12-20', role: 'President' });
      expect(erdogan.names).toEqual(['Recep Tayyip Erdogan', 'Recep Erdogan']);
      expect(erdogan.roles).toEqual([{ role: 'President', country: 'TUR', from: '2025-12-04', to: '2025-12-20', articles: 2 }]);
      expect((await store.actor('Mitsotakis')).map((a) => a.name)).toEqual(['Kyriakos Mitsotakis']);
      expect(await store.actor('Nobody Known')).toEqual([]);
    });

    it('does not merge people of different countries', async () => {
      const [a, b] = fixtureCorpus();
      await store.addArticle(a);
      b.entities[0] = { ...b.entities[0], country: 'AZE' };
      b.events[0] = { ...b.events[0], source: { ...b.events[0].source, country: 'AZE' } };
      await store.addArticle(b);
      expect((await store.actors({ type: 'PERSON' })).map((x) => x.name).sort()).toEqual(['Kyriakos Mitsotakis', 'Recep Erdogan', 'Recep Tayyip Erdogan']);
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
        expect(await ids({ since: '2026-01-02' })).toEqual(['ACCUSE:2026-01-12', 'REQUEST:2026-01-12']);
        expect(await ids({ until: '2026-01-11' })).toEqual(['CONSULT:2025-12-02', 'CONSULT:2026-01']);
        expect(await ids({ modality: 'planned' })).toEqual(['CONSULT:2026-01']);
        expect(await ids({ limit: 1 })).toEqual(['CONSULT:2025-12-02']);
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

      it('lists articles newest first', async () => {
        const list = await store.articles();
        expect(list.map((a) => a.published)).toEqual(['2026-01-12', '2025-12-20', '2025-12-04']);
        expect(list.map((a) => [a.events, a.quotes])).toEqual([[2, 1], [1, 0], [1, 1]]);
        expect((await store.articles({ limit: 1, offset: 1 }))[0].id).toBe(list[1].id);
        expect(await store.analysis('0'.repeat(64))).toBeNull();
      });

      it('gives relations per dyad and period', async () => {
        const series = await store.relations({ by: 'month' });
        expect(series.map((s) => [s.dyad, s.total.events, s.total.planned.events])).toEqual(
          (await openSqliteReference()).map((s) => [s.dyad, s.total.events, s.total.planned.events]));
      });

      it('exports one flat row per event with GDELT-like columns and the evidence offsets', async () => {
        const rows = [];
        for await (const r of store.exportRows()) rows.push(r);
        expect(rows).toHaveLength(4);
        expect(rows[0]).toMatchObject({ sqldate: '20251202', actor1_country: 'TUR', actor2_country: 'GRC', event_code: '040', event_root_code: '04', quad_class: 1, modality: 'asserted', date_source: 'text', location_name: 'Ankara', trigger: 'met' });
        expect(rows[1]).toMatchObject({ sqldate: null, date: '2026-01', modality: 'planned' });
        expect(rows[3]).toMatchObject({ event_root_code: '10', quad_class: 3 });
        for await (const _ of store.exportRows()) break; // stopping early frees the cursor
        expect((await store.counts()).events).toBe(4);
      });
    });

    describe('stories and search with filters', () => {
      const ids: Record<string, string> = {};
      beforeEach(async () => {
        const p = pact();
        const arts = {
          original: { ...p, published: '2026-02-10' },
          copy: variant('Tokyo, Canberra seal defence logistics deal', [p.standfirst!, ...p.body.slice(0, -1)].map((x) => x.replace('Tuesday', 'Tuesday morning')), '2026-02-10', 'Wire B'),
          rewrite: variant('Japan, Australia agree to share military supplies', [
            'Japan and Australia will let their forces share fuel and repair yards under a pact signed in Canberra, the two governments said.',
            ...[p.body[3], p.body[1], p.body[0], p.body[2]],
            'Analysts said the deal deepens a quasi-alliance that has grown quickly since 2022.'], '2026-02-11', 'Outlet C'),
          other: readExample('canada-iran-sanctions.txt'),
        };
        await store.addArticles(Object.values(arts).map((a) => analyze(a)));
        for (const [k, a] of Object.entries(arts)) ids[k] = a.id;
      });

      it('groups a copy and a rewrite with the original, under the id of the first stored article', async () => {
        expect(await store.storyOf!(ids.copy)).toBe(ids.original);
        expect(await store.storyOf!(ids.rewrite)).toBe(ids.original);
        expect(await store.storyOf!(ids.other)).toBe(ids.other);
        const [top] = await store.stories!({ minArticles: 2 });
        expect(top).toMatchObject({ id: ids.original, articles: 3, first: '2026-02-10', last: '2026-02-11' });
        expect(top.articleIds).toEqual([ids.original, ids.copy, ids.rewrite]);
        expect(top.brief).toHaveLength(3);
        expect((await store.analysis(ids.copy))?.article.story).toBe(ids.original);
        expect((await store.article(ids.rewrite.slice(0, 12))).found?.article.story).toBe(ids.original);
      });

      it('puts an article like two stories in the closer one, and never merges the two', async () => {
        const both = variant('Roundup: defence pact and sanctions', [...pact().body, ...readExample('canada-iran-sanctions.txt').body.slice(0, 2)], '2026-02-12', 'Roundup');
        await store.addArticle(analyze(both));
        expect(await store.storyOf!(both.id)).toBe(ids.original);
        expect(await store.storyOf!(ids.other)).toBe(ids.other);
      });

      it('searches with filters on actors, countries, dyads, event types, modality and dates', async () => {
        const all = await store.searchArticles!({ text: 'logistics' });
        expect(all.map((h) => h.id)).toContain(ids.original);
        expect(all.every((h) => h.story === ids.original)).toBe(true);
        expect(await store.searchArticles!({ text: 'logistics', country: 'IRN' })).toEqual([]);
        expect((await store.searchArticles!({ country: 'IRN' })).map((h) => h.id)).toEqual([ids.other]);
        expect((await store.searchArticles!({ actor: 'Morioka', since: '2026-02-11' })).map((h) => h.id)).toEqual([ids.rewrite]);
        expect((await store.searchArticles!({ dyad: ['AUS', 'JPN'], type: 'consult' })).length).toBeGreaterThan(0);
        expect(await store.searchArticles!({ dyad: ['AUS', 'JPN'], modality: 'negated' })).toEqual([]);
        expect(await store.searchArticles!({ text: 'sanctions', until: '2026-01-01' })).toEqual([]);
      });
    });
  });
}

/** The relations of the fixture corpus as the SQLite engine gives them: the reference both engines must match. */
async function openSqliteReference() {
  const s = openStore(sqlite.location());
  try {
    for (const a of fixtureCorpus()) await s.addArticle(a);
    return await s.relations({ by: 'month' });
  } finally {
    await s.close();
  }
}
