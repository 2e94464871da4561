import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSmallFile } from './small-file.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-small-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readSmallFile', () => {
  it('reads a regular file up to the limit whole, and leaves anything else to the streaming reader', () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, 'Head\nStand\nBody\n');
    expect(readSmallFile(p)?.toString()).toBe('Head\nStand\nBody\n');
    expect(readSmallFile(p, 16)?.length).toBe(16);
    expect(readSmallFile(p, 15)).toBeNull();
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(readSmallFile(join(dir, 'empty.txt'))?.length).toBe(0);
    mkdirSync(join(dir, 'folder'));
    expect(readSmallFile(join(dir, 'folder'))).toBeNull();
    expect(readSmallFile(join(dir, 'missing.txt'))).toBeNull();
    expect(readSmallFile(join(dir, 'a.txt', 'below-a-file'))).toBeNull();
  });

  it('never opens a named pipe (that would wait for a writer)', () => {
    const fifo = join(dir, 'pipe.txt');
    try { execFileSync('mkfifo', [fifo]); } catch { return; } // no mkfifo here (Windows): nothing to test
    expect(readSmallFile(fifo)).toBeNull();
  });
});
