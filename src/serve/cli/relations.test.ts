import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { relationsCorpus } from '../../store/relations.fixture.js';
import { EXPORT_COLUMNS } from '../../store/export.js';
import { main, type Io } from './main.js';

let dir: string;
let db: string;

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; } }, env: {} };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-cli-relations-'));
  db = join(dir, 'relations.db');
  const store = openStore(db);
  for (const a of relationsCorpus()) await store.addArticle(a);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dyad relations', () => {
  it('prints a dyad\'s series by month: events, cooperative and conflictual share, Goldstein, direction, planned, top types', async () => {
    const r = await run(['relations', 'kor', 'CHN', '--db', db]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('CHN–KOR by month: 7 events in 4 stories (5 cooperative, 2 conflictual), Goldstein 2.0, cooperative; 2 planned; CHN→KOR 3, KOR→CHN 4');
    expect(lines[1]).toMatch(/^PERIOD\s+EVENTS\s+COOPERATIVE\s+CONFLICTUAL\s+GOLDSTEIN\s+DIRECTION\s+PLANNED\s+TOP TYPES$/);
    expect(lines[2]).toMatch(/^2026-01\s+5\s+3 \(60%\)\s+2 \(40%\)\s+0\.0\s+mixed\s+2\s+CONSULT 2, ACCUSE 1, AGREE 1, …$/);
    expect(lines[3]).toMatch(/^2026-02\s+1\s+1 \(100%\)\s+0 \(0%\)\s+1\.0\s+cooperative\s+0\s+CONSULT 1$/);
    expect(lines[4]).toMatch(/^undated\s+1\s/);
  });

  it('buckets by day, filters by date, lists the events behind each period, and answers in JSON', async () => {
    const day = await run(['relations', 'KOR', 'CHN', '--by', 'day', '--db', db]);
    expect(day.out).toMatch(/\n2026-01-06\s+0\s+0\s+0\s+0\.0\s+–\s+2\s+\(planned: CONSULT 2\)\n/);
    const since = await run(['relations', 'KOR', 'CHN', '--since', '2026-01-10', '--until', '2026-01-31', '--events', '--db', db]);
    const [articleId] = [relationsCorpus()[2].article.id];
    expect(since.out).toContain(`\n    ${articleId.slice(0, 10)}:v2  2026-01-20  SANCTION/embargo  CHN→KOR  reported  -8\n`);
    const json = JSON.parse((await run(['relations', 'KOR', 'CHN', '--by', 'week', '--json', '--db', db])).out);
    expect(json.periods.map((p: { period: string; events: number }) => [p.period, p.events])).toEqual([['2026-W02', 3], ['2026-W04', 2]]);
    expect(json.periods[0].counted[0]).toMatchObject({ articleId: relationsCorpus()[0].article.id, eventId: 'v1', repeats: [{ eventId: 'v2' }] });
    const none = await run(['relations', 'KOR', 'JPN', '--db', db]);
    expect(none).toMatchObject({ code: 0, out: '', err: 'no events between KOR and JPN\n' });
  });

  it('lists the most active dyads without countries', async () => {
    const r = await run(['relations', '--db', db]);
    expect(r.code).toBe(0);
    const [header, first, second] = r.out.trimEnd().split('\n');
    expect(header).toMatch(/^DYAD\s+EVENTS\s+COOPERATIVE\s+CONFLICTUAL\s+GOLDSTEIN\s+DIRECTION\s+PLANNED\s+STORIES\s+FIRST\s+LAST\s+TOP TYPES$/);
    expect(first).toMatch(/^CHN–KOR\s+7\s+5\s+2\s+2\.0\s+cooperative\s+2\s+4\s+2026-01-05\s+2026-02\s+CONSULT 4, ACCUSE 1, AGREE 1, …$/);
    expect(second).toMatch(/^CHN–JPN\s+1\s+1\s+0\s+8\.0\s+cooperative\s/);
    const json = JSON.parse((await run(['relations', '--json', '--limit', '1', '--db', db])).out);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ dyad: ['CHN', 'KOR'], events: 7, planned: { events: 2 } });
  });

  it('is a usage error to give one country, a bad code or a bad period', async () => {
    expect(await run(['relations', 'KOR', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('give two countries') });
    expect(await run(['relations', 'KOREA', 'CHN', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('not an ISO alpha-3') });
    expect(await run(['relations', 'KOR', 'KOR', '--db', db])).toMatchObject({ code: 2 });
    expect((await run(['relations', 'KOR', 'CHN', '--by', 'year', '--db', db])).code).toBe(2);
    expect((await run(['relations', 'KOR', 'CHN', '--db', join(dir, 'missing.db')])).code).toBe(2);
  });
});

describe('dyad export --format csv', () => {
  it('writes GDELT-like event columns and dyad\'s own, one row per stored event', async () => {
    const out = join(dir, 'events.csv');
    const r = await run(['export', '--format', 'csv', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    const cols = header.split(',');
    expect(cols).toEqual([...EXPORT_COLUMNS]);
    for (const c of ['event_id', 'sqldate', 'actor1_name', 'actor1_country', 'actor2_name', 'actor2_country', 'event_code', 'event_root_code', 'quad_class', 'goldstein',
      'location_name', 'location_country', 'source_url', 'plover_type', 'plover_mode', 'modality', 'date_source', 'sentence_start', 'sentence_end', 'trigger_start', 'trigger_end', 'confidence', 'article_id']) {
      expect(cols).toContain(c);
    }
    expect(rows).toHaveLength(relationsCorpus().reduce((n, a) => n + a.events.length, 0));
    const sanction = rows.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v]))).find((x) => x.event_code === '163')!;
    expect(sanction).toMatchObject({ sqldate: '20260120', actor1_country: 'CHN', actor2_country: 'KOR', event_root_code: '16', quad_class: '4', goldstein: '-8', plover_type: 'SANCTION', plover_mode: 'embargo', modality: 'reported' });
  });
});
