// The HTTP API over a real server on 127.0.0.1 (ephemeral port), on a temporary database holding the sample
// article (../shared/seed, published 2026-01-05) and the examples.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { createApp } from './app.js';
import { hasSample, seededServer, seededStore } from './testing.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let srv: Awaited<ReturnType<typeof seededServer>>;
const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(srv.url + path, init);
  const text = await res.text();
  let body: Json = null;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: res.status, headers: res.headers, body, text };
};
const post = (path: string, body: string, type = 'application/json') => get(path, { method: 'POST', body, headers: { 'content-type': type } });

beforeAll(async () => { srv = await seededServer({ maxBody: 64 * 1024, maxBatch: 20 }); });
afterAll(async () => { await srv?.close(); });

function expectSecurityHeaders(h: Headers) {
  const csp = h.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('x-frame-options')).toBe('DENY');
}

describe('the OpenAPI document', () => {
  it('is served at /api/openapi.json and documents every API route of the app', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\.1/);
    const app = createApp({ store: srv.store, webRoot: null });
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.path !== '/api/openapi.json' && r.method !== 'ALL');
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(body.paths[path], `${r.method} ${r.path} is documented`).toBeDefined();
      expect(body.paths[path][r.method.toLowerCase()], `${r.method} ${r.path} is documented`).toBeDefined();
    }
  });
});

describe('security and limits', () => {
  it('puts the security headers on every response: API, errors, the page and its assets', async () => {
    for (const path of ['/api/overview', '/api/events?since=nope', '/api/nothing', '/', '/index.html', '/no-such-file.js']) {
      expectSecurityHeaders((await get(path)).headers);
    }
    expectSecurityHeaders((await post('/api/ingest', '{', 'application/json')).headers);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const r = await get('/api/nothing');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('refuses cross-site writes and foreign Host headers (DNS rebinding)', async () => {
    const r = await get('/api/ingest', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    expect(r.status).toBe(403);
    const site = await get('/api/ingest', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    const host = await new Promise<number>((resolve, reject) => {
      request(srv.url + '/api/overview', { headers: { host: 'evil.example' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
    });
    expect(host).toBe(403);
  });

  it('limits the rate of requests per client: 429 with Retry-After', async () => {
    const limited = await seededServer({ empty: true, rateLimit: { api: { max: 3, windowMs: 60_000 } } });
    try {
      const codes: number[] = [];
      let retry: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/api/articles`);
        codes.push(res.status);
        if (res.status === 429) { retry = res.headers.get('retry-after'); expect((await res.json()).error.code).toBe('E_RATE_LIMITED'); } else await res.text();
      }
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retry)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('rejects a body over the limit with 413, with a Content-Length and when chunked', async () => {
    const big = JSON.stringify({ title: 'Big', text: 'x'.repeat(70 * 1024) });
    const r = await post('/api/ingest', big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('E_TOO_LARGE');
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${srv.url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write(`${JSON.stringify({ title: `T${i}`, text: 'y'.repeat(8 * 1024) })}\n`);
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('E_TOO_LARGE');
    expect((await get('/api/events?article=' + 'f'.repeat(64))).body.items).toEqual([]);
  });

  it('cuts off a client that is slow to send its headers', async () => {
    const slow = await seededServer({ empty: true, headersTimeoutMs: 500 });
    try {
      const closedAfter = await new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const sock = connect(slow.port, '127.0.0.1', () => sock.write('GET /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
        sock.on('error', () => undefined);
        sock.on('data', () => undefined);
        sock.on('close', () => resolve(Date.now() - started));
        setTimeout(() => { sock.destroy(); reject(new Error('the slow client was not cut off within 8 s')); }, 8000);
      });
      expect(closedAfter).toBeLessThan(8000);
    } finally {
      await slow.close();
    }
  });

  it('never shows a stack trace to the client: 500 with a generic message, the details in the log', async () => {
    const { store, cleanup } = await seededStore({ sample: false, examples: false });
    const logged: string[] = [];
    const broken: Store = { ...store, events: async () => { throw new Error('SQLITE_CORRUPT at /secret/path/db.ts:12'); } };
    const app = createApp({ store: broken, webRoot: null, log: (m) => logged.push(m) });
    try {
      const res = await app.request('/api/events');
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'E_INTERNAL', message: 'internal error' } });
      expect(text).not.toMatch(/secret|SQLITE|at \//);
      expectSecurityHeaders(res.headers);
      expect(logged.join('\n')).toContain('SQLITE_CORRUPT');
    } finally {
      await cleanup();
    }
  });
});

describe.skipIf(!hasSample())('queries over the sample and the examples', () => {
  let sampleId: string;
  beforeAll(async () => {
    const r = await get('/api/search?q=Lee%20Jae%20Myung%20Beijing');
    sampleId = r.body.items[0].id;
  });

  it('lists articles newest first, paginated, and searches them', async () => {
    const page = await get('/api/articles?limit=3');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ offset: 0, limit: 3, next: 3 });
    expect(page.body.items).toHaveLength(3);
    const all = await get('/api/articles?limit=500');
    expect(all.body.limit).toBe(200); // clamped
    expect(all.body.items.length).toBeGreaterThanOrEqual(8);
    expect(all.body.next).toBeNull();
    const dates = all.body.items.map((a: Json) => a.published ?? '');
    expect(dates.slice(0, 3)).toEqual([...dates].sort().reverse().slice(0, 3));
    const hits = await get('/api/search?q=Lee%20Jae%20Myung%20Beijing');
    expect(hits.body.items[0].title).toMatch(/Lee Jae Myung/);
    expect((await get('/api/search?q=')).status).toBe(400);
    const filtered = (await get('/api/search?q=visit&dyad=KOR-CHN&modality=planned')).body.items;
    expect(filtered.map((a: Json) => a.id)).toContain(sampleId);
    expect(filtered.every((a: Json) => a.events > 0)).toBe(true);
    const words = new Set((await get('/api/search?q=visit&limit=200')).body.items.map((a: Json) => a.id));
    expect(filtered.every((a: Json) => words.has(a.id))).toBe(true); // the filters narrow the words' hits
    expect((await get('/api/search?country=CAN')).body.items.map((a: Json) => a.title).join('|')).toMatch(/Canada/);
    expect((await get('/api/search?q=visit&country=CANADA')).status).toBe(400);
  });

  it('lists stories with their articles and brief, and the story of an article', async () => {
    const r = await get('/api/stories?limit=100');
    expect(r.status).toBe(200);
    const mine = r.body.items.find((s: Json) => s.articleIds.includes(sampleId));
    expect(mine.brief.length).toBeGreaterThan(0);
    const of = (await get(`/api/stories?article=${sampleId}`)).body.items;
    expect(of.map((s: Json) => s.id)).toEqual([mine.id]);
    expect((await get('/api/stories?min=0')).status).toBe(400);
  });

  it('gives one article with its facts by an id prefix, and its analysis document in the SCHEMA.md shape', async () => {
    const one = await get(`/api/articles/${sampleId.slice(0, 10)}`);
    expect(one.status).toBe(200);
    expect(one.body.article).toMatchObject({ id: sampleId, published: '2026-01-05' });
    const doc = (await get(`/api/articles/${sampleId}/analysis`)).body;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['article', 'sentences', 'entities', 'times', 'quotes', 'events', 'relations', 'duplicates', 'summary']));
    expect(Object.keys(doc.article)).toEqual(expect.arrayContaining(['id', 'lang', 'published', 'source', 'standfirst', 'text', 'title', 'url']));
    const text: string = doc.article.text;
    for (const e of doc.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const e of doc.events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    expect(doc.entities.map((e: Json) => e.name)).toEqual(expect.arrayContaining(['Lee Jae Myung', 'Xi Jinping']));
    expect(doc.relations.map((r: Json) => [...r.dyad].sort().join('-'))).toContain('CHN-KOR');
    expect((await get('/api/articles/' + '0'.repeat(64))).status).toBe(404);
    expect((await get('/api/articles/not-an-id')).status).toBe(400);
  });

  it('filters events as the CLI does: a dyad either way, modality, type, dates, article', async () => {
    const a = (await get('/api/events?dyad=KOR-CHN&limit=200')).body.items;
    const b = (await get('/api/events?dyad=chn-kor&limit=200')).body.items;
    expect(a.length).toBeGreaterThanOrEqual(5);
    expect(b).toEqual(a);
    for (const e of a) expect([e.source.country, e.target.country].sort()).toEqual(['CHN', 'KOR']);
    const planned = (await get('/api/events?dyad=KOR-CHN&modality=planned')).body.items;
    expect(planned.map((e: Json) => e.target.name)).toContain('Li Qiang');
    expect(planned.every((e: Json) => e.modality === 'planned')).toBe(true);
    const met = (await get('/api/events?dyad=KOR-CHN&type=consult&since=2026-01-05&until=2026-01-05')).body.items;
    expect(met.some((e: Json) => e.trigger.text === 'met' && e.source.name === 'Lee Jae Myung' && e.date === '2026-01-05')).toBe(true);
    const ofArticle = (await get(`/api/events?article=${sampleId}&limit=200`)).body.items;
    expect(ofArticle.every((e: Json) => e.articleId === sampleId)).toBe(true);
    expect(ofArticle[0].sentenceText).toContain(ofArticle[0].trigger.text);
  });

  it('pages events with offset and next, and clamps page sizes', async () => {
    const all = (await get('/api/events?limit=200')).body;
    expect(all.items.length).toBeGreaterThan(4);
    const p1 = (await get('/api/events?limit=2')).body;
    const p2 = (await get(`/api/events?limit=2&offset=${p1.next}`)).body;
    expect([...p1.items, ...p2.items]).toEqual(all.items.slice(0, 4));
    expect((await get('/api/events?limit=0')).body.limit).toBe(1);
    expect((await get('/api/events?limit=99999')).body.limit).toBe(200);
  });

  it('answers bad parameters with 400 and each problem named', async () => {
    for (const q of ['since=2026-13-01', 'since=yesterday', 'dyad=KOREA', 'modality=maybe', 'limit=ten', 'offset=-1', 'type=<script>']) {
      const r = await get(`/api/events?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('E_BAD_REQUEST');
      expect(r.body.error.issues[0].path).toBe(q.split('=')[0]);
    }
  });

  it('lists quotes by speaker, and actors with their roles over time, events and quotes', async () => {
    const quotes = (await get('/api/quotes?speaker=Lee%20Jae%20Myung')).body.items;
    expect(quotes.map((q: Json) => q.text)).toContain('new phase');
    const actors = (await get('/api/actors?type=PERSON&limit=5')).body;
    expect(actors.items.length).toBe(5);
    expect(actors.items.every((a: Json) => a.type === 'PERSON')).toBe(true);
    const xi = (await get('/api/actors/Xi%20Jinping')).body;
    expect(xi.actor).toMatchObject({ name: 'Xi Jinping', country: 'CHN' });
    expect(xi.actor.roles[0]).toMatchObject({ role: 'President', from: '2026-01-05' });
    expect(xi.asTarget.some((e: Json) => e.source.name === 'Lee Jae Myung' && e.trigger.text === 'met')).toBe(true);
    expect(xi.asSource.length + xi.asTarget.length).toBe(xi.actor.events);
    expect((await get('/api/actors/Nobody%20Atall')).status).toBe(404);
  });

  it('gives the overview, the KOR–CHN series by month and by week, and the actor network', async () => {
    const o = (await get('/api/overview')).body;
    expect(o.counts.articles).toBeGreaterThanOrEqual(8);
    const kc = o.dyads.find((d: Json) => d.dyad.join('-') === 'CHN-KOR');
    expect(kc.planned).toBeGreaterThanOrEqual(1); // the two planned meetings of 6 January are one dyad event of one story
    expect(kc.events).toBeGreaterThanOrEqual(5);
    expect(o.recent.length).toBeGreaterThan(0);
    const jan = (await get('/api/overview?since=2026-01-01&until=2026-01-31')).body;
    expect(jan.period).toEqual({ since: '2026-01-01', until: '2026-01-31' });
    expect((await get('/api/relations?since=2026-01-01&until=2026-01-31')).body.items[0].dyad).toEqual(['CHN', 'KOR']);
    const month = (await get('/api/relations/KOR-CHN/series?by=month')).body;
    const p = month.points.find((x: Json) => x.period === '2026-01');
    expect(p.events).toBeGreaterThanOrEqual(4);
    expect(p.cooperative).toBeGreaterThan(0);
    expect(p.planned).toBeGreaterThanOrEqual(1);
    expect(month.total.stories).toBeGreaterThanOrEqual(1);
    const week = (await get('/api/relations/KOR-CHN/series?by=week&since=2026-01-01')).body;
    expect(week.points.map((x: Json) => x.period)).toContain('2026-W02');
    expect((await get('/api/relations/KOREA/series')).status).toBe(400);
    const net = (await get('/api/network')).body;
    const names = new Map(net.nodes.map((n: Json) => [n.id, n.name]));
    expect(net.edges.some((e: Json) => [names.get(e.source), names.get(e.target)].sort().join('|') === 'Lee Jae Myung|Xi Jinping')).toBe(true);
  });
});

describe('ingest', () => {
  const article = { title: 'Norway and Chile sign a fisheries agreement', text: 'Norway and Chile signed a fisheries agreement in Oslo on Monday.', published: '2026-02-02' };

  it('stores one article posted as JSON, and the same article again adds nothing', async () => {
    const first = await post('/api/ingest', JSON.stringify(article));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ added: 1, present: 0, failed: 0 });
    expect(first.body.ids[0]).toMatch(/^[0-9a-f]{64}$/);
    const again = await post('/api/ingest', JSON.stringify(article));
    expect(again.body).toMatchObject({ added: 0, present: 1, failed: 0, ids: first.body.ids });
    expect((await get(`/api/articles/${first.body.ids[0]}`)).body.article.title).toBe(article.title);
  });

  it('takes a JSON Lines batch and reports each bad line with its problem, storing the rest', async () => {
    const lines = [
      JSON.stringify({ ...article, title: 'Peru and Chile hold talks', text: 'Peru and Chile held talks in Lima.' }),
      '{not json',
      JSON.stringify({ title: 'no text' }),
      '',
      JSON.stringify({ title: 'Undated', body: ['Canada criticized Iran.'] }),
    ].join('\n');
    const r = await post('/api/ingest?published=2026-02-03', lines, 'application/x-ndjson');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ added: 2, failed: 2 });
    expect(r.body.items.map((i: Json) => [i.item, i.status])).toEqual([[1, 'added'], [2, 'failed'], [3, 'failed'], [5, 'added']]);
    expect(r.body.items[1].problems[0].code).toBe('E_JSON');
    expect(r.body.items[2].problems[0].code).toBe('E_RECORD');
    const undated = (await get(`/api/articles/${r.body.items[3].id}`)).body.article;
    expect(undated.published).toBe('2026-02-03');
  });

  it('answers 422 when nothing could be stored, 415 for other body types, 400 for bad JSON or a bad date, 413 for too many articles', async () => {
    expect((await post('/api/ingest', '[{"title": 1}]')).status).toBe(422);
    expect((await post('/api/ingest', 'title: x', 'text/plain')).status).toBe(415);
    expect((await post('/api/ingest', '{"title": ')).status).toBe(400);
    expect((await post('/api/ingest', '')).status).toBe(400);
    expect((await post('/api/ingest?published=tomorrow', JSON.stringify(article))).status).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => JSON.stringify({ title: `t${i}`, text: 'x' })).join('\n');
    expect((await post('/api/ingest', many, 'application/x-ndjson')).status).toBe(413);
  });
});
