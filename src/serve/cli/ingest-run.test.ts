// The reading side shared by both ingest loops: files in order, problems counted and printed (after the progress
// bar on a terminal), reading stopped between two articles by the signal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem, PROBLEM } from '../../ingest/problem.js';
import { listInputs } from '../../ingest/read.js';
import { startIngestRun } from './ingest-run.js';
import type { Io } from './io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-run-'));
  const line = (i: number) => JSON.stringify({ title: `Talks ${i}`, text: `Ministers met on day ${i}.`, published: '2026-01-05' });
  writeFileSync(join(dir, 'a.jsonl'), [1, 2].map(line).join('\n') + '\n{not json\n');
  writeFileSync(join(dir, 'b.jsonl'), [3, 4, 5].map(line).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(isTTY: boolean): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: { write: () => true }, stderr: { write: (s: string) => { err.push(s); return true; }, isTTY }, env: {} } as unknown as Io & { err: string[] };
}

describe('startIngestRun', () => {
  it('reads every file in order and reports problems as they come, off a terminal', async () => {
    const { files } = await listInputs([dir]);
    const out = io(false);
    const run = startIngestRun(files, {}, out);
    const titles: string[] = [];
    for await (const item of run.items()) {
      if (item.kind === 'problem') { run.report(item.problem); expect(out.err.join('')).toContain('a.jsonl:3'); continue; }
      titles.push(item.article.title);
    }
    expect(titles).toEqual(['Talks 1', 'Talks 2', 'Talks 3', 'Talks 4', 'Talks 5']);
    run.report(problem('W_TEST', 'only a warning', 'x.txt'));
    const sum = run.end();
    expect(sum.failed).toBe(1); // the warning is reported, not counted as a failure
    expect(sum.problems.map((p) => p.code)).toEqual([PROBLEM.JSON, 'W_TEST']);
  });

  it('on a terminal, prints problems once the progress bar is closed', async () => {
    const { files } = await listInputs([dir]);
    const out = io(true);
    const run = startIngestRun(files, {}, out);
    for await (const item of run.items()) if (item.kind === 'problem') run.report(item.problem);
    expect(out.err.join('')).not.toContain('a.jsonl:3');
    run.end();
    run.end(); // twice: printed once
    expect(out.err.join('').split('a.jsonl:3').length - 1).toBe(1);
  });

  it('stops between two articles once the signal aborts', async () => {
    const { files } = await listInputs([dir]);
    const stop = new AbortController();
    const run = startIngestRun(files, { signal: stop.signal }, io(false));
    const seen: string[] = [];
    for await (const item of run.items()) {
      if (item.kind === 'article') seen.push(item.article.title);
      if (seen.length === 2) stop.abort();
    }
    expect(seen).toEqual(['Talks 1', 'Talks 2']);
  });
});
