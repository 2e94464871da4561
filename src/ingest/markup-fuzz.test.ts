// TESTING.md 5 for the markup readers: generated hostile pages, feeds and XML documents (random bytes, broken
// tags, deep nesting, huge attributes, entity tricks). Each gives articles or problems naming the source, never
// an exception, and every article's text is clean.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, readFile } from './read.js';
import { rng } from '../random.js';

const PIECES = ['<', '>', '</', '/>', '<p>', '</p>', '<div>', '<item>', '</item>', '<entry>', '<title>', '</title>', '<description>', '<![CDATA[', ']]>',
  '<content:encoded>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;', '&lt;', '&#0;', '&#xD800;', '&unknown;', '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '"', "'", ' a="', 'Talks resumed in Geneva on Monday.', '\n', '\u0000', 'é', '😀', '<?xml version="1.0"?>', '<rss>', '</rss>', '<feed>', '<html>', '<TimeML>', '<TEXT>'];

function hostile(next: () => number): Buffer {
  const kind = Math.floor(next() * 4);
  if (kind === 0) return Buffer.from(Array.from({ length: Math.floor(next() * 400) }, () => Math.floor(next() * 256)));
  if (kind === 1) return Buffer.from('<div>'.repeat(2000 + Math.floor(next() * 3000)) + 'Deep text of the page, with enough words to read.');
  if (kind === 2) return Buffer.from(`<html><body><p title="${'x'.repeat(100_000)}">Huge attribute.</p></body></html>`);
  const parts: string[] = [];
  for (let i = 0; i < 40 + next() * 200; i++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
  return Buffer.from(parts.join(''));
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-mfuzz-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('markup readers under hostile input', () => {
  for (const ext of ['html', 'rss', 'xml']) {
    it(`never throw on generated .${ext} files`, async () => {
      const next = rng(ext.length * 104729);
      for (let i = 0; i < (ext === 'html' ? 100 : 250); i++) {
        const path = join(dir, `f${i}.${ext}`);
        writeFileSync(path, hostile(next));
        const { articles, problems } = await collect(readFile(path));
        for (const p of problems) {
          expect(p.source).toBe(path);
          expect(p.code).toMatch(/^[EW]_[A-Z0-9_]+$/);
        }
        for (const a of articles) {
          expect(a.text).not.toMatch(/[\u0000\r]|^\uFEFF|<script|onerror=/);
          expect(a.title.length).toBeGreaterThan(0);
        }
        expect(articles.length + problems.length).toBeGreaterThan(0);
      }
    });
  }
});
