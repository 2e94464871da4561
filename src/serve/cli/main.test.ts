import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../ingest/article.js';
import type { Analysis } from '../../analyze/schema.js';
import { openStore } from '../../store/index.js';
import { fixtureCorpus } from '../../store/fixture.js';
import { main, type Io } from './main.js';

// The CLI is tested apart from the analysis, whose layers other work fills in: analyze() here returns the
// article with empty layers (and fails on an article titled "Boom", to show a failure does not stop a batch);
// analyzeMany, as the real one, gives each article's analysis or its error.
vi.mock('../../analyze/index.js', () => {
  const analyze = (article: Article): Analysis => {
    if (article.title === 'Boom') throw new Error('stage exploded');
    if (article.title === 'Stop here') process.emit('SIGTERM', 'SIGTERM'); // as if the signal came during this analysis
    const { body: _b, ...record } = article;
    return { article: record, sentences: [], entities: [], times: [], quotes: [], events: [], relations: [], duplicates: [], summary: [] };
  };
  const analyzeMany = (articles: Article[]): (Analysis | Error)[] => articles.map((a) => { try { return analyze(a); } catch (err) { return err as Error; } });
  return { analyze, analyzeMany };
});

let dir: string;
let fixtureDb: string;

interface Run { code: number; out: string; err: string }
async function run(argv: string[], opts: { env?: Record<string, string>; tty?: boolean; failWrite?: boolean } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => { if (opts.failWrite) throw new Error('write EPIPE'); out += s; return true; } },
    stderr: { write: (s: string) => { err += s; return true; }, isTTY: opts.tty ?? false },
    // the analysis is mocked in this process, and worker threads would not see the mock: analyze on this thread
    env: { DYAD_WORKERS: '0', ...opts.env },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const file = (name: string, content: string | Buffer) => { const p = join(dir, name); mkdirSync(join(p, '..'), { recursive: true }); writeFileSync(p, content); return p; };
const ARTICLE = 'Ministers meet in Lisbon\nThe talks covered fishing rights.\nPortugal and Spain held talks on Monday.\nThey agreed to meet again.\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
  fixtureDb = join(dir, 'fixture.db');
  const store = openStore(fixtureDb);
  for (const a of fixtureCorpus()) await store.addArticle(a);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dyad analyze', () => {
  it('prints a summary of each article by default', async () => {
    const p = file('an/two.txt', `${ARTICLE}End of Article\nSecond title\nSecond stand.\nBody.\n`);
    const r = await run(['analyze', p]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ministers meet in Lisbon\n  id ');
    expect(r.out).toContain('Second title');
    expect(r.out).toMatch(/0 sentences, 0 entities, 0 times, 0 quotes, 0 events, 0 relations/);
  });

  it('prints one pretty document with --json for one article, JSON Lines for several', async () => {
    const one = await run(['analyze', file('an/one.txt', ARTICLE), '--json', '--published', '2026-02-02']);
    const doc = JSON.parse(one.out);
    expect(one.out).toContain('\n  "article": {');
    expect(doc.article).toMatchObject({ title: 'Ministers meet in Lisbon', published: '2026-02-02', standfirst: 'The talks covered fishing rights.' });
    expect(Object.keys(doc)).toEqual(['article', 'sentences', 'entities', 'times', 'quotes', 'events', 'relations', 'duplicates', 'summary']);
    const many = await run(['analyze', join(dir, 'an', 'two.txt'), '--json']);
    expect(many.out.trim().split('\n').map((l) => JSON.parse(l).article.title)).toEqual(['Ministers meet in Lisbon', 'Second title']);
    const jl = await run(['analyze', join(dir, 'an', 'one.txt'), '--jsonl']);
    expect(jl.out.trim().split('\n')).toHaveLength(1);
  });

  it('reads JSON Lines and folders, reports bad inputs by file and line, and exits 1 with the rest printed', async () => {
    file('mixed/a.jsonl', '{"title":"From JSON","body":"Para."}\n{oops\n');
    file('mixed/b.txt', Buffer.from([0, 1, 2, 3]));
    const r = await run(['analyze', join(dir, 'mixed'), '--jsonl']);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).article.title)).toEqual(['From JSON']);
    expect(r.err).toContain(`${join(dir, 'mixed', 'a.jsonl')}:2: not valid JSON`);
    expect(r.err).toContain(`${join(dir, 'mixed', 'b.txt')}: not a text file`);
  });

  it('reports a failing analysis as a problem and goes on', async () => {
    const r = await run(['analyze', file('an/boom.jsonl', '{"title":"Boom","text":"x"}\n{"title":"Fine","text":"y"}\n'), '--jsonl']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/boom\.jsonl:1: analysis failed: stage exploded \[E_ANALYZE\]/);
    expect(JSON.parse(r.out).article.title).toBe('Fine');
  });

  it('is a usage error (exit 2) to give a missing file or a bad date, with one line and no stack', async () => {
    const missing = await run(['analyze', join(dir, 'nope.txt')]);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe(`dyad: no such file or folder: ${join(dir, 'nope.txt')}\n`);
    const bad = await run(['analyze', join(dir, 'an', 'one.txt'), '--published', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--published.*expected a date as YYYY-MM-DD/);
    expect((await run(['analyze', '--bogus', 'x'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('dyad ingest', () => {
  it('stores a folder once: the second run adds nothing, and the same article with CRLF and a BOM is already present', async () => {
    const db = join(dir, 'ingest.db');
    file('in/a.txt', ARTICLE);
    file('in/sub/b.jsonl', '{"title":"Second","text":"Body two.","published":"2026-01-09"}\n{"title":"Third","body":["P"]}\n');
    const first = await run(['ingest', join(dir, 'in'), '--db', db, '--published', '2026-01-10']);
    expect(first).toMatchObject({ code: 0, out: 'added 3, already present 0, failed 0\n', err: '' });
    const second = await run(['ingest', join(dir, 'in'), '--db', db]);
    expect(second.out).toBe('added 0, already present 3, failed 0\n');
    const crlf = await run(['ingest', file('crlf.txt', '\uFEFF' + ARTICLE.replaceAll('\n', '\r\n')), '--db', db]);
    expect(crlf.out).toBe('added 0, already present 1, failed 0\n');
    const again = await run(['ingest', join(dir, 'in'), '--db', db, '--reanalyze', '--published', '2026-01-10']);
    expect(again.out).toBe('added 0, already present 3, failed 0; re-analyzed 3\n');
    const store = openStore(db);
    const ids = (await store.search('Second')).map((h) => h.published);
    expect(ids).toEqual(['2026-01-09']); // the record's own date wins over --published
    expect((await store.search('Lisbon'))[0].published).toBe('2026-01-10');
    expect((await store.search('Third'))[0].published).toBe('2026-01-10');
    await store.close();
  });

  it('goes on past bad files and lines, prints each problem as file:line: message, and exits 1', async () => {
    const db = join(dir, 'bad.db');
    file('bad/1.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    file('bad/2.txt', Buffer.concat([Buffer.from('Head\nStand\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    file('bad/3.jsonl', '{"title":"Good one","text":"ok"}\nnot json\n{"title":"Boom","text":"x"}\n');
    file('bad/4.txt', '');
    const r = await run(['ingest', join(dir, 'bad'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('added 1, already present 0, failed 5\n');
    const lines = r.err.trim().split('\n');
    expect(lines).toEqual([
      `${join(dir, 'bad', '1.txt')}: not a text file (binary content); skipped [E_BINARY]`,
      `${join(dir, 'bad', '2.txt')}:3: invalid UTF-8 at byte 4 of the line; its article is skipped [E_UTF8]`,
      expect.stringMatching(/3\.jsonl:2: not valid JSON .*line skipped \[E_JSON\]$/),
      `${join(dir, 'bad', '3.jsonl')}:3: analysis failed: stage exploded [E_ANALYZE]`,
      `${join(dir, 'bad', '4.txt')}:1: the file is empty [E_EMPTY]`,
    ]);
    const json = await run(['ingest', join(dir, 'bad'), '--db', db, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ added: 0, present: 1, failed: 5 });
  });

  it('uses $DYAD_DB when no --db is given, and draws a progress bar only on a terminal', async () => {
    const db = join(dir, 'env.db');
    const r = await run(['ingest', join(dir, 'in', 'a.txt')], { env: { DYAD_DB: db } });
    expect(r.out).toBe('added 1, already present 0, failed 0\n');
    expect(r.err).toBe('');
    expect(existsSync(db)).toBe(true);
    const tty = await run(['ingest', join(dir, 'in', 'sub'), '--db', db], { tty: true });
    expect(tty.out).toBe('added 2, already present 0, failed 0\n');
    expect(tty.err).toContain('ingesting');
  });
});

describe('dyad ingest under SIGTERM', () => {
  it('stores the article in hand, stops, exits 0, and a second run goes on where it stopped', async () => {
    const db = join(dir, 'term.db');
    const p = file('term.jsonl', ['One', 'Two', 'Stop here', 'Four', 'Five'].map((t) => JSON.stringify({ title: t, text: `About ${t}.` })).join('\n'));
    const r = await run(['ingest', p, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('added 3, already present 0, failed 0\n');
    expect(r.err).toContain('dyad: interrupted by SIGTERM; stopped after a whole article');
    expect(process.listenerCount('SIGTERM')).toBe(0);
    expect((await run(['ingest', p, '--db', db])).out).toBe('added 2, already present 3, failed 0\n');
  });
});

describe('query commands', () => {
  const q = (...argv: string[]) => run([...argv, '--db', fixtureDb]);

  it('events: an aligned table, filters, and JSON', async () => {
    const r = await q('events', '--dyad', 'CHN-KOR');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE\s+TYPE\s+CAMEO\s+SOURCE\s+TARGET\s+MODALITY\s+TRIGGER\s+ARTICLE$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[1])).toEqual(['ACCUSE', 'REQUEST']);
    expect(lines[0].indexOf('MODALITY')).toBe(lines[1].indexOf('asserted'));
    const planned = JSON.parse((await q('events', '--modality', 'planned', '--json')).out);
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ type: 'CONSULT', mode: 'visit', date: '2026-01', source: { name: 'Recep Erdogan', country: 'TUR' } });
    const dated = JSON.parse((await q('events', '--actor', 'Erdogan', '--since', '2025-12-01', '--until', '2025-12-31', '--json')).out);
    expect(dated.map((e: { trigger: { text: string } }) => e.trigger.text)).toEqual(['met']);
    const withSentences = (await q('events', '--dyad', 'KOR-CHN', '--sentences')).out.trimEnd().split('\n');
    expect(withSentences).toHaveLength(5);
    expect(withSentences[2]).toBe('    South Korea’s foreign ministry protested to Beijing on Monday 🇰🇷 over a coast guard structure, and Foreign Minister Cho Hyun urged “restraint”.');
    const none = await q('events', '--type', 'COERCE');
    expect(none).toMatchObject({ code: 0, out: '', err: 'no events match\n' });
  });

  it('events: bad filter values are usage errors', async () => {
    for (const argv of [['--since', 'yesterday'], ['--dyad', 'KOREA'], ['--modality', 'maybe'], ['--limit', '0']]) {
      const r = await q('events', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('quotes: by speaker, any form of the name', async () => {
    const r = await q('quotes', '--speaker', 'Recep Erdogan');
    expect(r.out).toMatch(/^PUBLISHED\s+SPEAKER\s+CUE\s+QUOTE\s+ARTICLE\n2025-12-04\s+Recep Tayyip Erdogan\s+said\s+“frank and useful”/);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    expect(JSON.parse((await q('quotes', '--json')).out)).toHaveLength(2);
  });

  it('actors and actor: one actor per person, roles over time', async () => {
    const list = await q('actors');
    expect(list.out.match(/Erdogan/g)).toHaveLength(1);
    expect(list.out).toMatch(/Recep Tayyip Erdogan\s+PERSON\s+TUR\s+President\s+2\s+3\s+2025-12-04\s+2025-12-20/);
    const one = await q('actor', 'erdogan');
    expect(one.code).toBe(0);
    expect(one.out).toContain('Recep Tayyip Erdogan  (PERSON, TUR)\n  also: Recep Erdogan\n  2 articles, 2025-12-04 to 2025-12-20; 2 events, 1 quote');
    expect(one.out).toMatch(/President\s+TUR\s+2025-12-04\s+2025-12-20\s+2/);
    expect(JSON.parse((await q('actor', 'Mitsotakis', '--json')).out).roles[0].role).toBe('Prime Minister');
    const several = await q('actor', 'korea');
    expect(several.out).toMatch(/^South Korea  \(COUNTRY, KOR\)\n/);
    expect(several.out).not.toContain('other matches');
    const none = await q('actor', 'Nobody');
    expect(none).toMatchObject({ code: 1, out: '', err: 'dyad: no actor matches "Nobody" (see "dyad actors")\n' });
  });

  it('show: an article by id prefix with its facts', async () => {
    const id = fixtureCorpus()[2].article.id;
    const r = await q('show', id.slice(0, 6));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`id         ${id}`);
    expect(r.out).toContain('facts      3 entities, 1 time, 1 quote, 2 events, 1 relation');
    expect(r.out).toContain('v2 urged: South Korea’s foreign ministry protested');
    expect(JSON.parse((await q('show', id, '--json')).out).events).toHaveLength(2);
    expect((await q('show', 'ffffffffff')).code).toBe(1);
  });

  it('export: CSV with GDELT-like columns, quoted fields, to stdout or a file; and JSON Lines', async () => {
    const r = await q('export', '--format', 'csv');
    const rows = r.out.split('\r\n');
    expect(rows[0].split(',').slice(0, 8)).toEqual(['event_id', 'sqldate', 'actor1_name', 'actor1_country', 'actor2_name', 'actor2_country', 'event_code', 'event_root_code']);
    expect(rows[0]).toContain('modality,plover_type');
    expect(rows[0]).toContain('trigger_start,trigger_end,sentence_start,sentence_end');
    expect(rows).toHaveLength(6); // header, 4 events, the final empty string
    expect(rows[3]).toContain(',"https://example.org/kr-cn, ""quoted""",');
    expect(r.err).toBe('exported 4 events\n');
    const out = join(dir, 'events.jsonl');
    const f = await q('export', '--format', 'jsonl', '--out', out);
    expect(f.out).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.modality)).toEqual(['asserted', 'planned', 'asserted', 'asserted']);
    expect((await q('export', '--format', 'xml')).code).toBe(2);
  });

  it('search: full text over titles and bodies', async () => {
    expect((await q('search', 'maritime')).out).toContain('Recep Tayyip Erdogan meets Greek prime minister');
  });

  it('a query without a database is a usage error naming the path', async () => {
    const r = await run(['events', '--db', join(dir, 'none.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dyad: no database at ${join(dir, 'none.db')} (run "dyad ingest FILE…" first, or give --db FILE)\n`);
    const notDb = file('notdb.db', 'this is not sqlite, just text that is long enough to be read as a header....................');
    expect((await run(['events', '--db', notDb])).code).toBe(2);
  });
});

describe('dyad demo and internal errors', () => {
  it('ingests the examples and prints counts and tables; a second run finds them present', async () => {
    const db = join(dir, 'demo.db');
    const r = await run(['demo', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('added 7, already present 0, failed 0');
    expect(r.out).toContain('In the database: 7 articles');
    expect(r.out).toMatch(/Events .*:\n[\s\S]*Quotes:\n[\s\S]*Relations between countries:\n/);
    // the examples are analysed again on each run, so the demo shows what the analysis finds now
    expect((await run(['demo', '--db', db])).out).toContain('added 0, already present 7, failed 0; re-analyzed 7');
    const json = JSON.parse((await run(['demo', '--db', db, '--json'])).out);
    expect(json).toMatchObject({ ingest: { added: 0, present: 7, reanalyzed: 7, failed: 0 }, counts: { articles: 7 } });
    expect(Object.keys(json)).toEqual(['ingest', 'counts', 'events', 'quotes', 'dyads']);
    const store = openStore(db);
    expect((await store.search('Canberra'))[0].published).toBe('2026-02-10');
    expect((await store.search('Ganges'))[0].published).toBe('2026-03-12');
    await store.close();
  });

  it('an unexpected error is exit 70 with one line, and the stack only with DYAD_DEBUG=1', async () => {
    const r = await run(['events', '--db', fixtureDb], { failWrite: true });
    expect(r).toMatchObject({ code: 70, err: 'dyad: internal error: write EPIPE\n' });
    const debug = await run(['events', '--db', fixtureDb], { failWrite: true, env: { DYAD_DEBUG: '1' } });
    expect(debug.err).toMatch(/^dyad: internal error: write EPIPE\nError: write EPIPE\n\s+at /);
  });
});
