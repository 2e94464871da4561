import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { runIngest } from './ingest.js';
import type { Io } from './io.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-watch-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = () => {
  let out = '', err = '';
  const io: Io = { stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } }, env: {} };
  return { io, out: () => out, err: () => err };
};

describe('dyad ingest --watch', () => {
  it('stores a file dropped into the folder while it watches, until stopped', async () => {
    const inbox = join(dir, 'inbox');
    const db = join(dir, 'w.db');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'first.txt'), 'First head\nFirst stand.\nThe first body paragraph.\n');
    const stop = new AbortController();
    const c = capture();
    const running = runIngest([inbox], { db, watch: true, watchInterval: 50, signal: stop.signal, workers: 0 }, c.io);
    // the first file goes in before watching starts
    await until(() => c.err().includes('watching')).catch((e) => { throw new Error(e.message + ' out=' + c.out() + ' err=' + c.err()); });
    expect(c.out()).toContain('added 1, already present 0, failed 0');
    writeFileSync(join(inbox, 'later.rss'), '<rss><channel><title>W</title><item><title>Dropped in later</title><description>Ministers met in Oslo on Monday.</description></item></channel></rss>');
    const store = openStore(db);
    try {
      await until(async () => (await store.search('Oslo')).length > 0).catch((e) => { throw new Error(e.message + ' out=' + c.out() + ' err=' + c.err()); });
    } finally {
      await store.close();
    }
    stop.abort();
    expect(await running).toBe(0);
    expect(c.out()).toMatch(/later\.rss: added 1, already present 0, failed 0/);
    expect(c.out()).toContain('watched: added 2');
  });
});

async function until(cond: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
