// `dyad ingest` on worker threads: the same stored result as on one thread; kill -9 at random points and restart
// (TESTING.md 1); SIGTERM commits what was read and exits 0 (TESTING.md 4). Runs the built executable.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from './testing.js';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '../../bin/dyad.js');
const built = existsSync(join(here, '../../dist/src/scale/analyze-worker.js'));
const ARTICLES = 300;

let dir: string;
let input: string;

function ingest(db: string, args: string[] = [], signalAfter?: { ms: number; signal: NodeJS.Signals }) {
  return new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve, reject) => {
    const p = spawn(process.execPath, [bin, 'ingest', input, '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    const timer = signalAfter ? setTimeout(() => p.kill(signalAfter.signal), signalAfter.ms) : null;
    p.on('error', reject);
    p.on('close', (code, signal) => { if (timer) clearTimeout(timer); resolve({ code, signal, out, err }); });
  });
}

/** Every article with the rows it owns in each table (a half-stored article would show), and the integrity check. */
function snapshot(db: string) {
  const d = new Database(db, { readonly: true });
  const integrity = d.pragma('integrity_check', { simple: true });
  if (!d.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'articles'`).get()) { d.close(); return { integrity, rows: [], actors: 0 }; }
  const rows = d.prepare(`SELECT a.id,
      (SELECT COUNT(*) FROM entities e WHERE e.article_seq = a.seq) AS entities, (SELECT COUNT(*) FROM mentions m WHERE m.article_seq = a.seq) AS mentions,
      (SELECT COUNT(*) FROM times t WHERE t.article_seq = a.seq) AS times, (SELECT COUNT(*) FROM quotes q WHERE q.article_seq = a.seq) AS quotes,
      (SELECT COUNT(*) FROM events v WHERE v.article_seq = a.seq) AS events, (SELECT COUNT(*) FROM relations r WHERE r.article_seq = a.seq) AS relations
    FROM articles a ORDER BY a.id`).all();
  const actors = d.prepare('SELECT COUNT(*) FROM actors').pluck().get();
  d.close();
  return { integrity, rows, actors };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-scale-'));
  input = join(dir, 'corpus.jsonl');
  writeFileSync(input, corpus(ARTICLES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('dyad ingest on worker threads', () => {
  let clean: ReturnType<typeof snapshot>;
  let took = 0;

  it('stores the same as on one thread, counts unchanged', async () => {
    const t0 = Date.now();
    const two = await ingest(join(dir, 'two.db'), ['--workers', '2']);
    took = Date.now() - t0;
    expect(two.out).toBe(`added ${ARTICLES}, already present 0, failed 0\n`);
    const one = await ingest(join(dir, 'one.db'), ['--workers', '0']);
    expect(one.out).toBe(two.out);
    clean = snapshot(join(dir, 'two.db'));
    expect(clean.rows).toHaveLength(ARTICLES);
    expect(snapshot(join(dir, 'one.db'))).toEqual(clean);
    expect((await ingest(join(dir, 'two.db'), ['--workers', '2'])).out).toBe(`added 0, already present ${ARTICLES}, failed 0\n`);
  }, 120_000);

  it('kill -9 at random points, then restart: nothing lost, nothing doubled, nothing half-stored', async () => {
    const db = join(dir, 'crashed.db');
    let killed = 0;
    for (let i = 0; i < 4; i++) {
      const r = await ingest(db, ['--workers', '2'], { ms: Math.floor(took * (0.2 + 0.6 * Math.random())), signal: 'SIGKILL' });
      if (r.signal === 'SIGKILL') {
        killed++;
        if (existsSync(db)) expect(snapshot(db).integrity).toBe('ok');
      }
    }
    const last = await ingest(db, ['--workers', '2']);
    expect(last.code).toBe(0);
    const s = snapshot(db);
    expect(s.rows).toEqual(clean.rows);
    expect(killed).toBeGreaterThan(0);
  }, 120_000);

  it('SIGTERM: what was read is analyzed and committed, exit 0, and a second run does the rest', async () => {
    const db = join(dir, 'term.db');
    const r = await ingest(db, ['--workers', '2'], { ms: Math.floor(took * 0.5), signal: 'SIGTERM' });
    expect(r.code).toBe(0);
    const added = Number(/^added (\d+)/.exec(r.out)?.[1]);
    expect(snapshot(db).rows).toHaveLength(added); // every article it counted is stored, whole
    if (added < ARTICLES) expect(r.err).toContain('interrupted by SIGTERM');
    const rest = await ingest(db, ['--workers', '2']);
    expect(rest.out).toBe(`added ${ARTICLES - added}, already present ${added}, failed 0\n`);
    expect(snapshot(db).rows).toEqual(clean.rows);
  }, 120_000);
});
