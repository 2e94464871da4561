// readFile reads a small file whole and streams a large one (read.ts); for the same bytes both must give the same
// items, problems and byte count. `wholeFileMaxBytes: -1` makes readFile stream every file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, type IngestItem, type ReadOptions } from './read.js';
import { rng } from '../random.js';

const CHUNK = 64 * 1024; // the streaming reader's read size
const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-whole-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function both(path: string, opts: ReadOptions = {}): Promise<{ whole: unknown[]; streamed: unknown[] }> {
  const run = async (wholeFileMaxBytes?: number) => {
    const items: (IngestItem | { bytes: number })[] = [];
    let n = 0;
    for await (const it of readFile(path, { ...opts, wholeFileMaxBytes, onBytes: (b) => { n += b; } })) items.push(it);
    items.push({ bytes: n });
    return items;
  };
  return { whole: await run(), streamed: await run(-1) };
}

const ARTICLE = 'Head line\nThe standfirst.\nFirst para.\nSecond para.\n';
const CASES: [string, Buffer][] = [
  ['a BOM, CRLF line endings and several articles', bytes('\uFEFF', ARTICLE.replace(/\n/g, '\r\n'), 'End of Article\r\n', ARTICLE, 'Glued.End of Article')],
  ['no final line feed', bytes(ARTICLE, 'Last para')],
  ['a lone CR as a line ending', bytes('Head\rStand\rBody one\r\rBody two')],
  ['invalid UTF-8 at the chunk boundary', bytes(ARTICLE, 'a'.repeat(CHUNK - ARTICLE.length), [0xe9], ' para\nEnd of Article\n', ARTICLE)],
  ['a multi-byte character cut by the chunk boundary', bytes(ARTICLE, 'é'.repeat(CHUNK), '\nEnd of Article\n', ARTICLE)],
  ['an article over the cap', bytes(ARTICLE, 'Body para. '.repeat(40), '\nEnd of Article\n', ARTICLE)],
  ['a line over the cap', bytes('Head\n', 'x'.repeat(600), '\r\nEnd of Article\n', ARTICLE)],
  ['BOMs starting lines', bytes('\uFEFF\uFEFFHead\n\uFEFF\uFEFF{"title":"T","text":"B"}\n\uFEFF\n\uFEFFStand\nBody\n')],
  ['blank lines only, after the first 8 KB', bytes('\n'.repeat(9000))],
  ['markers only', bytes('End of Article\nend of article\n')],
];

describe('a file read whole gives what the stream gives', () => {
  for (const [name, content] of CASES) {
    it(name, async () => {
      for (const ext of ['txt', 'jsonl', 'data']) {
        const p = join(dir, `case.${ext}`);
        writeFileSync(p, content);
        for (const opts of [{}, { maxArticleBytes: 256 }, { published: '2026-01-02' }]) {
          const { whole, streamed } = await both(p, opts);
          expect(whole).toEqual(streamed);
        }
      }
    });
  }

  it('names the line of invalid UTF-8 at the chunk boundary in both', async () => {
    const p = join(dir, 'boundary.txt');
    writeFileSync(p, CASES[3][1]);
    const { whole } = await both(p);
    expect(whole[0]).toMatchObject({ kind: 'problem', problem: { code: 'E_UTF8', line: 5, source: p, message: `invalid UTF-8 at byte ${CHUNK - ARTICLE.length + 1} of the line; its article is skipped` } });
    expect(whole.filter((it) => (it as IngestItem).kind === 'article')).toHaveLength(1);
  });

  it('for generated hostile files of JSON Lines and plain text', async () => {
    const PIECES = ['{"title":"T","text":"B"}', '{', '"', '\n', '\r\n', '\r', 'End of Article', '\uFEFF', 'é', '😀', '\u0000', ' ', 'Word '];
    const next = rng(31337);
    for (let i = 0; i < 120; i++) {
      const parts: Buffer[] = [];
      for (let k = Math.floor(next() * 300); k > 0; k--) {
        parts.push(next() < 0.02 ? Buffer.from([0x80 + Math.floor(next() * 0x80)]) : Buffer.from(PIECES[Math.floor(next() * PIECES.length)]));
      }
      const p = join(dir, `gen${i}.${['txt', 'jsonl', 'data'][i % 3]}`);
      writeFileSync(p, Buffer.concat(parts));
      const { whole, streamed } = await both(p, { maxArticleBytes: 64 + Math.floor(next() * 512) });
      expect(whole).toEqual(streamed);
    }
  });
});
