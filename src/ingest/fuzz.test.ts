// TESTING.md 5 for the readers: thousands of generated hostile inputs. Each must give articles or problems that
// name their source, never an exception, and every article's text must be clean (no NUL, no CR, no leading BOM).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, readFile } from './read.js';
import { rng } from '../random.js';

const PIECES = ['{', '}', '"title"', ':', '"text"', '"body"', '[', ']', ',', '"', '\\', '\n', '\r\n', '\r', 'End of Article', '\uFEFF', 'é', '😀', '\u0000', ' ', 'null', '1e999', '"published":"2026-02-30"'];

function hostile(next: () => number): Buffer {
  const kind = Math.floor(next() * 3);
  const len = Math.floor(next() * 400);
  if (kind === 0) return Buffer.from(Array.from({ length: len }, () => Math.floor(next() * 256))); // random bytes
  const parts: Buffer[] = [];
  for (let i = 0; i < len / 4; i++) {
    if (kind === 2 && next() < 0.05) parts.push(Buffer.from([0x80 + Math.floor(next() * 0x80)])); // stray continuation / lead bytes
    else parts.push(Buffer.from(PIECES[Math.floor(next() * PIECES.length)]));
  }
  return Buffer.concat(parts);
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-fuzz-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readers under hostile input', () => {
  for (const ext of ['txt', 'jsonl', 'data']) {
    it(`never throw on generated .${ext} files, and say where each problem is`, async () => {
      const next = rng(ext.length * 7919);
      for (let i = 0; i < 700; i++) {
        const path = join(dir, `f${i}.${ext}`);
        writeFileSync(path, hostile(next));
        const { articles, problems } = await collect(readFile(path, { maxArticleBytes: 256 }));
        for (const p of problems) {
          expect(p.source).toBe(path);
          expect(p.code).toMatch(/^[EW]_[A-Z0-9_]+$/);
          expect(p.message.length).toBeGreaterThan(0);
        }
        for (const a of articles) {
          expect(a.text).not.toMatch(/[\u0000\r]|^\uFEFF/); // (a U+FEFF inside a line is kept: article.ts's text rule)
          expect(a.id).toMatch(/^[0-9a-f]{64}$/);
          expect(a.title.length).toBeGreaterThan(0);
        }
        expect(articles.length + problems.length).toBeGreaterThan(0);
      }
    });
  }
});
