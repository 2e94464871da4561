// `dyad analyze --workers N`: the same output as on one thread (real analysis, real worker threads), in reading
// order, problems included.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findRoot } from '../../analyze/lexicon/root.js';
import { main, type Io } from './main.js';

const here = dirname(fileURLToPath(import.meta.url));
const built = existsSync(join(here, '../../../dist/src/scale/analyze-worker.js'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-analyze-workers-'));
  const examples = join(findRoot(), 'examples');
  for (const f of readdirSync(examples).filter((f) => f.endsWith('.txt'))) copyFileSync(join(examples, f), join(dir, f));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 0, 3, 0, 4]));
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ title: `Talks ${i}`, text: `The foreign ministers of France and Germany met in Paris on Monday, round ${i}.`, published: '2026-01-05' }));
  lines.splice(17, 0, '{not json');
  writeFileSync(join(dir, 'wire.jsonl'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (s: string) => { out += s; return true; } }, stderr: { write: (s: string) => { err += s; return true; }, isTTY: false }, env: {} };
  const code = await main(argv, io);
  return { code, out, err };
}

describe.skipIf(!built)('dyad analyze --workers', () => {
  it('prints what one thread prints, in reading order, problems included', async () => {
    const one = await run(['analyze', dir, '--jsonl']);
    const two = await run(['analyze', dir, '--jsonl', '--workers', '2']);
    expect(one.code).toBe(1); // the binary file and the bad line
    expect(one.err).toContain('E_JSON');
    expect(one.out.trim().split('\n').length).toBeGreaterThan(40);
    expect(two).toEqual(one);
    const summaries = await run(['analyze', dir, '--workers', '1']);
    expect(summaries).toEqual(await run(['analyze', dir]));
  }, 60_000);

  it('prints one article pretty with --json, as on one thread', async () => {
    const file = join(tmpdir(), `dyad-analyze-one-${process.pid}.txt`);
    writeFileSync(file, 'Ministers meet in Paris\n\nThe foreign ministers of France and Germany met in Paris on Monday. "We agreed on a plan," the French minister said.\n');
    onTestFinished(() => rmSync(file, { force: true }));
    const one = await run(['analyze', file, '--json']);
    expect(one.code).toBe(0);
    expect(one.out.startsWith('{\n  "article"')).toBe(true);
    expect(await run(['analyze', file, '--json', '--workers', '1'])).toEqual(one);
  }, 60_000);

  it('refuses --workers with --dictionaries', async () => {
    const r = await run(['analyze', dir, '--workers', '2', '--dictionaries', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--workers cannot be combined with --dictionaries');
  });
});
