// For tests (API and browser): a temporary database holding the sample article and the examples, served on an
// ephemeral port of 127.0.0.1. The sample lives in ../shared beside the repository.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInputs } from '../../ingest/read.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/store.js';
import { ingestFiles } from '../cli/ingest.js';
import type { AppOptions } from './app.js';
import { startServer, type Running } from './server.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLE = resolve(REPO, '../shared/seed/lee-xi-beijing.txt');
export const EXAMPLES = join(REPO, 'examples');
export const hasSample = () => existsSync(SAMPLE);

const quiet = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };

/** A store in a temporary folder with the sample (published 2026-01-05) and the examples ingested. */
export async function seededStore(opts: { sample?: boolean; examples?: boolean } = {}): Promise<{ store: Store; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-'));
  const store = openStore(join(dir, 'test.db'));
  if (opts.sample !== false && hasSample()) {
    const { files } = await listInputs([SAMPLE]);
    await ingestFiles(store, files, { published: '2026-01-05' }, quiet);
  }
  if (opts.examples !== false) {
    // as the demo does: the plain-text examples take their dates from published.json
    const dates = JSON.parse(readFileSync(join(EXAMPLES, 'published.json'), 'utf8')) as Record<string, string>;
    const { files } = await listInputs([EXAMPLES]);
    await ingestFiles(store, files, { published: (file) => dates[basename(file)] }, quiet);
  }
  return { store, dir, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A running server over a seeded store; `close` stops both and removes the folder. */
export async function seededServer(app: Partial<AppOptions> & { headersTimeoutMs?: number; empty?: boolean } = {}): Promise<Running & { store: Store }> {
  const seeded = await seededStore(app.empty ? { sample: false, examples: false } : {});
  const running = await startServer({ ...app, store: seeded.store, host: '127.0.0.1', port: 0 });
  return { ...running, store: seeded.store, close: async () => { await running.close(); await seeded.cleanup(); } };
}
