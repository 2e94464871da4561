// `dyad serve` as a shell runs it (the built executable): it prints where it listens, serves the API and the
// page on one port, and stops cleanly with exit 0 on SIGTERM. Needs the built dist/ (`npm test` builds first).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = join(root, 'bin', 'dyad.js');
const built = existsSync(join(root, 'dist/src/serve/http/server.js'));
const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('dyad serve', () => {
  it('serves the API on a free port of 127.0.0.1 and exits 0 on SIGTERM', async () => {
    const p = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'new.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => p.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      p.stdout.on('data', (d) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out); if (m) resolve(m[1]); });
      p.on('close', () => reject(new Error(`dyad serve ended before listening: ${out}`)));
    });
    try {
      const res = await fetch(`${url}/api/overview`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { counts: { articles: number } }).counts.articles).toBe(0);
      expect((await fetch(`${url}/api/openapi.json`)).status).toBe(200);
    } finally {
      p.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits 2 with a one-line error when the port is taken', async () => {
    const first = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'a.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<string>((resolve) => { let out = ''; first.stdout.on('data', (d) => { out += d; const m = /127\.0\.0\.1:(\d+)\//.exec(out); if (m) resolve(m[1]); }); });
    try {
      const second = spawn(process.execPath, [bin, 'serve', '--db', join(dir, 'b.db'), '--port', port], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      second.stderr.on('data', (d) => { err += d; });
      expect(await new Promise((resolve) => second.on('close', resolve))).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(`cannot listen on 127.0.0.1:${port}`);
    } finally {
      first.kill('SIGTERM');
    }
  });
});
