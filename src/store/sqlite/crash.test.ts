// TESTING.md 1 and 2 for the SQLite engine: kill -9 the ingester at random points and restart it; run two ingests
// of the same file at once. Needs the built dist/ (`npm test` builds first).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const child = join(here, 'crash-child.mjs');
const built = existsSync(join(here, '../../../dist/src/store/index.js'));
const ARTICLES = 1500;

let dir: string;
let corpus: string;

/**
 * Runs the child; kills it with SIGKILL after `killAfterMs`, or as soon as it reports `killAtStored` articles stored
 * (the next write is then in hand: a kill that lands mid-ingest whatever the machine's speed).
 */
function ingest(db: string, killAfterMs?: number, batch?: number, killAtStored?: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, db, corpus, ...(batch ? [String(batch)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => {
      err += d;
      if (killAtStored == null) return;
      const counts = String(d).match(/stored \d+/g) ?? [];
      if (counts.some((c) => Number(c.slice(7)) >= killAtStored)) p.kill('SIGKILL');
    });
    const timer = killAfterMs != null ? setTimeout(() => p.kill('SIGKILL'), killAfterMs) : null;
    p.on('error', reject);
    p.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code && code !== 0) reject(new Error(`child failed (${code}): ${err.replace(/^stored \d+\n/gm, '')}`));
      else resolve({ code, signal, out });
    });
  });
}

/** Every article with the number of rows it owns in each table: a half-stored article would show. */
function snapshot(db: string) {
  const d = new Database(db, { readonly: true });
  const integrity = d.pragma('integrity_check', { simple: true });
  // killed before the first migration committed: an empty file, which the next open migrates
  if (!d.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'articles'`).get()) { d.close(); return { integrity, rows: [], actors: [], fts: 0 }; }
  const rows = d.prepare(`SELECT a.id,
      (SELECT COUNT(*) FROM entities e WHERE e.article_seq = a.seq) AS entities,
      (SELECT COUNT(*) FROM mentions m WHERE m.article_seq = a.seq) AS mentions,
      (SELECT COUNT(*) FROM quotes q WHERE q.article_seq = a.seq) AS quotes,
      (SELECT COUNT(*) FROM events v WHERE v.article_seq = a.seq AND v.source_actor_id IS NOT NULL) AS events,
      (SELECT COUNT(*) FROM relations r WHERE r.article_seq = a.seq) AS relations
    FROM articles a ORDER BY a.id`).all();
  const actors = d.prepare('SELECT name FROM actors ORDER BY name').pluck().all();
  const fts = d.prepare(`SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH '"talks"'`).pluck().get();
  d.close();
  return { integrity, rows, actors, fts };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-crash-'));
  corpus = join(dir, 'corpus.jsonl');
  const lines = [];
  // 1500 articles by 40 ministers; the same minister under a short and a long name, to exercise actor merging
  for (let i = 0; i < ARTICLES; i++) {
    const who = i % 3 === 0 ? `Minister${i % 40} Pierre Ducas${i % 40}` : `Minister${i % 40} Ducas${i % 40}`;
    lines.push(JSON.stringify({ title: `${who} meets Spanish counterpart, round ${i}`, text: `Talks number ${i} were held.`, published: '2026-01-05' }));
  }
  writeFileSync(corpus, lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('SQLite under crashes and concurrent writers', () => {
  it('kill -9 at random points, then restart: nothing lost, nothing doubled, nothing half-stored', async () => {
    const clean = join(dir, 'clean.db');
    const t0 = Date.now();
    expect(JSON.parse((await ingest(clean)).out)).toEqual({ added: ARTICLES, present: 0 });
    const took = Date.now() - t0; // kills land anywhere in a run, however loaded the machine
    const expected = snapshot(clean);
    expect(expected.rows).toHaveLength(ARTICLES);
    expect(expected.actors).toHaveLength(40);

    const crashed = join(dir, 'crashed.db');
    let killed = 0;
    let partial = 0;
    for (let i = 0; i < 12; i++) {
      // at a random time (anywhere: reading, writing, grouping stories), or every other time once a random number of articles is in
      const r = i % 2 ? await ingest(crashed, Math.floor(took * (0.1 + 0.8 * Math.random())))
        : await ingest(crashed, undefined, undefined, 1 + Math.floor((ARTICLES - 2) * Math.random()));
      if (r.signal === 'SIGKILL') {
        killed++;
        const n = existsSync(crashed) ? snapshot(crashed) : null;
        if (n) expect(n.integrity).toBe('ok');
        if (n && n.rows.length > 0 && n.rows.length < ARTICLES) partial++;
      }
    }
    const last = JSON.parse((await ingest(crashed)).out);
    expect(last.added + last.present).toBe(ARTICLES);
    expect(snapshot(crashed)).toEqual(expected);
    expect(killed).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(0); // some kills did land mid-batch
  }, 120_000);

  it('kill -9 in the middle of batches: every committed batch whole, nothing of the one in hand', async () => {
    const batched = join(dir, 'batched.db');
    const t0 = Date.now();
    expect(JSON.parse((await ingest(batched, undefined, 100)).out)).toEqual({ added: ARTICLES, present: 0 });
    const took = Date.now() - t0;
    const expected = snapshot(join(dir, 'clean.db'));
    expect(snapshot(batched)).toEqual(expected);

    const crashed = join(dir, 'crashed-batches.db');
    let partial = 0;
    for (let i = 0; i < 8; i++) {
      const r = i % 2 ? await ingest(crashed, Math.floor(took * (0.1 + 0.8 * Math.random())), 100)
        : await ingest(crashed, undefined, 100, 100 * (1 + Math.floor((ARTICLES / 100 - 1) * Math.random())));
      if (r.signal !== 'SIGKILL' || !existsSync(crashed)) continue;
      const n = snapshot(crashed);
      expect(n.integrity).toBe('ok');
      // batches are read in order from the same file: what survives is every article of the first k batches
      expect(n.rows.length % 100).toBe(0);
      if (n.rows.length > 0) expect(expected.rows).toEqual(expect.arrayContaining(n.rows));
      if (n.rows.length > 0 && n.rows.length < ARTICLES) partial++;
    }
    const last = JSON.parse((await ingest(crashed, undefined, 100)).out);
    expect(last.added + last.present).toBe(ARTICLES);
    expect(snapshot(crashed)).toEqual(expected);
    expect(partial).toBeGreaterThan(0);
  }, 120_000);

  it('two ingests of the same file at once add each article once', async () => {
    const db = join(dir, 'together.db');
    const [a, b] = await Promise.all([ingest(db), ingest(db)]);
    const ra = JSON.parse(a.out);
    const rb = JSON.parse(b.out);
    expect(ra.added + rb.added).toBe(ARTICLES);
    expect(ra.present + rb.present).toBe(ARTICLES);
    expect(snapshot(db)).toEqual(snapshot(join(dir, 'clean.db')));
  }, 120_000);
});
