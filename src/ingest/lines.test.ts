// The two ways lines are cut from bytes (lines.ts) must agree: LineSplitter fed chunk by chunk (files streamed)
// and linesOfBuffer on the whole file (small files), which decodes valid text in one go and splits it as a string.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineSplitter, linesOfBuffer, readLines, type LineItem, type LineOptions } from './lines.js';
import { rng } from '../random.js';

const CHUNK = 64 * 1024; // readLines' read size
const opts = (maxLineBytes = 5 * 1024 * 1024): LineOptions => ({ source: 'x.txt', maxLineBytes });
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

/** The lines of `buf` fed to a LineSplitter `size` bytes at a time, each chunk's memory reused as readLines does. */
function inChunks(buf: Buffer, o: LineOptions, size: number): LineItem[] {
  const splitter = new LineSplitter(o);
  const chunk = Buffer.alloc(size);
  const out: LineItem[] = [];
  for (let at = 0; at < buf.length; at += size) {
    const n = buf.copy(chunk, 0, at, at + size);
    out.push(...splitter.push(chunk.subarray(0, n)));
    chunk.fill(0x21); // what a reused buffer holds next must not leak into the lines already given
  }
  return [...out, ...splitter.end()];
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-lines-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function streamed(buf: Buffer, o: LineOptions): Promise<LineItem[]> {
  const p = join(dir, 'f.txt');
  writeFileSync(p, buf);
  const out: LineItem[] = [];
  for await (const it of readLines(p, { ...o, source: 'x.txt' })) out.push(it);
  return out;
}

describe('linesOfBuffer', () => {
  it('cuts LF and CRLF lines, drops one BOM at the start of every line, keeps a lone CR and needs no final line feed', () => {
    expect(linesOfBuffer(bytes('\uFEFFa\r\n\uFEFF\uFEFFb\n\nc\rd\r\r\ne'), opts())).toEqual([
      { kind: 'line', line: 1, text: 'a' }, { kind: 'line', line: 2, text: '\uFEFFb' }, { kind: 'line', line: 3, text: '' },
      { kind: 'line', line: 4, text: 'c\rd\r' }, { kind: 'line', line: 5, text: 'e' },
    ]);
    expect(linesOfBuffer(bytes('a\n'), opts())).toEqual([{ kind: 'line', line: 1, text: 'a' }]);
  });

  it('names the line and byte of invalid UTF-8 and keeps the lines around it', () => {
    expect(linesOfBuffer(bytes('ok\nCaf', [0xe9], '\nnext'), opts())).toEqual([
      { kind: 'line', line: 1, text: 'ok' },
      { kind: 'problem', problem: { code: 'E_UTF8', message: 'invalid UTF-8 at byte 4 of the line', source: 'x.txt', line: 2 } },
      { kind: 'line', line: 3, text: 'next' },
    ]);
  });

  it('reports a line over the cap with its size, also in a file the cap does not let be decoded whole', () => {
    // 20 bytes and the CR before the line feed
    expect(linesOfBuffer(bytes('short\n', 'x'.repeat(20), '\r\nafter'), opts(10))).toEqual([
      { kind: 'line', line: 1, text: 'short' },
      { kind: 'problem', problem: { code: 'E_TOO_LARGE', message: 'line is 21 bytes, over the limit of 10 bytes', source: 'x.txt', line: 2 } },
      { kind: 'line', line: 3, text: 'after' },
    ]);
  });
});

describe('the whole buffer and the stream give the same lines', () => {
  const cases: [string, Buffer][] = [
    ['invalid UTF-8 just before, at and after the chunk boundary', Buffer.concat([-1, 0, 1].map((d) => bytes('a'.repeat(CHUNK + d), [0xe9], 'z\n')))],
    ['a 4-byte character cut by the chunk boundary', bytes('a'.repeat(CHUNK - 2), '😀 tail\nmore')],
    ['a lead byte left alone at the chunk boundary', bytes('a'.repeat(CHUNK - 1), [0xe2], '\nnext\n')],
    ['CRLF cut by the chunk boundary', bytes('a'.repeat(CHUNK - 1), '\r\nline two\r\n')],
    ['a lone CR at the chunk boundary', bytes('a'.repeat(CHUNK - 1), '\rafter\r')],
    ['a BOM starting the line after the boundary', bytes('a'.repeat(CHUNK - 1), '\n\uFEFFbom line')],
    ['a long line over several chunks', bytes('head\n', 'é'.repeat(CHUNK * 2), '\nend')],
    ['blank lines and no final line feed', bytes('\n\n\r\n \nlast')],
    ['only a CR', bytes('\r')],
  ];
  for (const [name, buf] of cases) {
    it(name, async () => {
      for (const cap of [5 * 1024 * 1024, CHUNK, 100]) {
        const whole = linesOfBuffer(buf, opts(cap));
        expect(whole).toEqual(await streamed(buf, opts(cap)));
        expect(whole).toEqual(inChunks(buf, opts(cap), 7));
      }
    });
  }

  it('for generated text with hostile bytes, in chunks of any size', () => {
    const next = rng(2024);
    const PIECES = ['word ', 'é', '😀', '\n', '\r\n', '\r', '\uFEFF', ' \n', 'End of Article', '\u2028', '\u0000'];
    for (let i = 0; i < 300; i++) {
      const parts: Buffer[] = [];
      for (let k = Math.floor(next() * 120); k > 0; k--) {
        parts.push(next() < 0.03 ? Buffer.from([0x80 + Math.floor(next() * 0x80)]) : Buffer.from(PIECES[Math.floor(next() * PIECES.length)]));
      }
      const buf = Buffer.concat(parts);
      const cap = next() < 0.5 ? 5 * 1024 * 1024 : 1 + Math.floor(next() * 40);
      const whole = linesOfBuffer(buf, opts(cap));
      for (const size of [1, 2, 3, 5, 64]) expect(inChunks(buf, opts(cap), size)).toEqual(whole);
    }
  });
});
