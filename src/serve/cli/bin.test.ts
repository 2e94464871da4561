// The real executable, as a shell runs it: exit codes reach the shell, and a reader that closes the pipe early
// (`dyad export | head`) ends the program quietly. Needs the built dist/ (`npm test` builds first).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../ingest/article.js';
import { openStore } from '../../store/index.js';
import { fixtureCorpus } from '../../store/fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(root, 'bin', 'dyad.js');
const built = existsSync(join(root, 'dist/src/serve/cli/main.js'));

let dir: string;
let db: string;

function dyad(args: string[], closeAfterFirstChunk = false): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; if (closeAfterFirstChunk) p.stdout.destroy(); });
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-bin-'));
  db = join(dir, 'many.db');
  const store = openStore(db);
  // 2000 copies of the fixture's Korea–China article, each with one more paragraph at the end (spans stay valid)
  const base = fixtureCorpus()[2];
  for (let i = 0; i < 2000; i++) {
    const { body: _b, ...article } = makeArticle({ title: base.article.title, standfirst: base.article.standfirst, body: [...base.article.text.split('\n').slice(2), `Copy ${i}.`] });
    await store.addArticle({ ...base, article });
  }
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('bin/dyad.js', () => {
  it('exits 0, 1 and 2 as documented', async () => {
    expect((await dyad(['--help'])).code).toBe(0);
    const usage = await dyad(['analyze', join(dir, 'missing.txt')]);
    expect(usage.code, usage.err).toBe(2);
    expect(usage.err).toBe(`dyad: no such file or folder: ${join(dir, 'missing.txt')}\n`);
    expect((await dyad(['actor', 'Nobody', '--db', db])).code).toBe(1);
    const ok = await dyad(['events', '--db', db, '--limit', '3', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toHaveLength(3);
  });

  it('ends quietly when the reader closes the pipe early', async () => {
    const r = await dyad(['export', '--db', db, '--format', 'csv'], true);
    expect(r.out.slice(0, 17), r.err).toBe('event_id,sqldate,');
    expect(r.err).not.toMatch(/EPIPE|Error|at /);
    expect(r.code, r.err).toBe(0);
  });
});
