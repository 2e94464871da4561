import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relationsCorpus } from '../relations.fixture.js';
import { aggregateRelations, isoWeek, periodOf, type DyadSeries, type RelationEventInput } from '../relations.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './index.js';

let dir: string;
let path: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-relations-'));
  path = join(dir, 'test.db');
  store = openSqliteStore(path);
  for (const a of relationsCorpus()) await store.addArticle(a);
});
afterEach(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

const ids = (xs: { articleId: string; eventId: string }[]) => xs.map((x) => `${x.articleId.slice(0, 4)}:${x.eventId}`);
const art = (i: number) => relationsCorpus()[i].article.id;
const ref = (i: number, v: string) => `${art(i).slice(0, 4)}:${v}`;
const korChn = async (q = {}): Promise<DyadSeries> => {
  const [s] = await store.relations({ dyad: ['KOR', 'CHN'], ...q });
  return s;
};

describe('relations across the store', () => {
  it('counts what happened per month, each event once per article, with the events behind every figure', async () => {
    const s = await korChn();
    expect(s.dyad).toEqual(['CHN', 'KOR']);
    expect(s.periods.map((p) => p.period)).toEqual(['2026-01', '2026-02']);
    const [jan, feb] = s.periods;
    // the headline restates the body's meeting; the second article is its own story until stories are kept
    expect(jan).toMatchObject({ events: 5, cooperative: 3, conflictual: 2, neutral: 0, goldstein: 0, cooperativeShare: 0.6, conflictualShare: 0.4, direction: 'mixed', fromFirst: 3, fromSecond: 2 });
    expect(jan.types).toEqual([{ type: 'CONSULT', events: 2 }, { type: 'ACCUSE', events: 1 }, { type: 'AGREE', events: 1 }, { type: 'SANCTION', events: 1 }]);
    expect(ids(jan.counted)).toEqual([ref(0, 'v1'), ref(0, 'v3'), ref(1, 'v1'), ref(2, 'v1'), ref(2, 'v2')]);
    expect(ids(jan.counted[0].repeats)).toEqual([ref(0, 'v2')]);
    // figures recomputed from the counted events
    expect(jan.counted.reduce((x, e) => x + e.goldstein, 0)).toBe(jan.goldstein);
    expect(jan.counted.filter((e) => e.goldstein > 0)).toHaveLength(jan.cooperative);
    expect(feb).toMatchObject({ events: 1, goldstein: 1, direction: 'cooperative' });
    expect(s.undated).toMatchObject({ events: 1 });
    expect(ids(s.undated!.counted)).toEqual([ref(3, 'v3')]);
    expect(s.total).toMatchObject({ events: 7, articles: 4, stories: 4, first: '2026-01-05', last: '2026-02' });
  });

  it('counts reported events as happened and reports planned ones apart; hypothetical and negated ones not at all', async () => {
    const s = await korChn();
    const [jan] = s.periods;
    expect(jan.counted.find((e) => e.type === 'SANCTION')?.modality).toBe('reported');
    expect(jan.planned).toMatchObject({ events: 2, types: [{ type: 'CONSULT', events: 2 }] });
    expect(ids(jan.planned.counted)).toEqual([ref(0, 'v4'), ref(1, 'v2')]);
    expect(s.total.counted.every((e) => e.modality === 'asserted' || e.modality === 'reported')).toBe(true);
    expect([...s.total.counted, ...s.total.planned.counted].some((e) => e.articleId === art(2) && e.eventId === 'v3')).toBe(false);
    const all = await store.relations();
    expect(all.map((d) => [d.dyad.join('-'), d.total.events])).toEqual([['CHN-KOR', 7], ['CHN-JPN', 1]]); // the negated CHN–JPN deal is not there
  });

  it('counts an event once per story when articles repeat each other (a story id in the store)', async () => {
    await store.close();
    const db = new Database(path);
    db.prepare('UPDATE story_members SET story_id = ? WHERE article_id IN (?, ?)').run('story-1', art(0), art(1)); // as if clustered together
    db.close();
    store = openSqliteStore(path);
    const s = await korChn();
    const [jan] = s.periods;
    expect(jan).toMatchObject({ events: 4, cooperative: 2, conflictual: 2, goldstein: -1 });
    expect(ids(jan.counted[0].repeats)).toEqual([ref(0, 'v2'), ref(1, 'v1')]); // the same meeting, either direction
    expect(jan.planned.events).toBe(1);
    expect(s.total).toMatchObject({ events: 6, stories: 3, articles: 4 });
  });

  it('buckets by day and by ISO week; a date too coarse for the period is undated there', async () => {
    const day = await korChn({ by: 'day' });
    expect(day.periods.map((p) => [p.period, p.events, p.planned.events])).toEqual([['2026-01-05', 3, 0], ['2026-01-06', 0, 2], ['2026-01-19', 1, 0], ['2026-01-20', 1, 0]]);
    expect(day.undated?.events).toBe(2); // "in February" and no date
    const week = await korChn({ by: 'week' });
    expect(week.periods.map((p) => [p.period, p.events])).toEqual([['2026-W02', 3], ['2026-W04', 2]]);
  });

  it('filters on the event date, leaving undated events out', async () => {
    const s = await korChn({ since: '2026-01-10', until: '2026-01-31' });
    expect(s.periods.map((p) => [p.period, p.events, p.goldstein])).toEqual([['2026-01', 2, -10]]);
    expect(s.periods[0].direction).toBe('conflictual');
    expect(s.undated).toBeNull();
    expect(await store.relations({ dyad: ['KOR', 'JPN'] })).toEqual([]);
    expect(await store.relations({ limit: 1 })).toHaveLength(1);
  });
});

describe('periods', () => {
  it('gives ISO weeks, also across the new year', () => {
    expect(isoWeek('2026-01-05')).toBe('2026-W02');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('places a date by its precision', () => {
    expect(periodOf('2026-01-05', 'month')).toBe('2026-01');
    expect(periodOf('2026-01-05T10:00', 'day')).toBe('2026-01-05');
    expect(periodOf('2026-01', 'month')).toBe('2026-01');
    expect(periodOf('2026-01', 'week')).toBeNull();
    expect(periodOf('2026-W03', 'week')).toBe('2026-W03');
    expect(periodOf('XXXX-01-05', 'day')).toBeNull();
    expect(periodOf(null, 'month')).toBeNull();
  });
});

describe('aggregateRelations', () => {
  const ev = (eventId: string, date: string | null, modality: RelationEventInput['modality'] = 'asserted'): RelationEventInput => ({
    articleId: 'a', eventId, type: 'CONSULT', mode: 'meet', cameo: '040', goldstein: 1, modality, date, source: 'KOR', target: 'CHN',
  });
  it('spans first to last over calendar dates only, and leaves out what is neither happened nor planned', () => {
    const [s] = aggregateRelations([ev('v1', '2026-01-05'), ev('v2', '2026-W09'), ev('v3', 'XXXX-03'), ev('v4', '2026-02'), ev('v5', '2026-03-01', 'negated')], (id) => id);
    expect(s.total).toMatchObject({ events: 4, first: '2026-01-05', last: '2026-02' });
    expect(s.undated?.events).toBe(2);
  });
});
