import { mkdtempSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, listInputs, readFile, readPaths } from './read.js';
import { firstInvalidByte } from './lines.js';

let dir: string;
const put = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'dyad-read-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plain-text files', () => {
  it('reads several articles from one file, each starting at its line', async () => {
    const p = put('two.txt', 'First head\nFirst stand.\nPara.\nEnd of Article\n\nSecond head\nSecond stand.\nPara two.End of Article\n');
    const items = [];
    for await (const it of readFile(p)) items.push(it);
    expect(items.map((i) => (i.kind === 'article' ? [i.article.title, i.line] : i.kind))).toEqual([['First head', 1], ['Second head', 6]]);
  });

  it('gives the same id to the same article with CRLF endings and a BOM', async () => {
    const a = await collect(readFile(put('lf.txt', 'Head\nStand.\nBody one.\nBody two.\n')));
    const b = await collect(readFile(put('crlf.txt', '\uFEFFHead\r\nStand.\r\nBody one.\r\nBody two.\r\n')));
    expect(b.problems).toEqual([]);
    expect(b.articles[0].id).toBe(a.articles[0].id);
    expect(b.articles[0].text).toBe('Head\nStand.\nBody one.\nBody two.');
  });

  it('sets --published on articles and never invents a date', async () => {
    const p = put('dated.txt', 'H\nS\nB\n');
    expect((await collect(readFile(p, { published: '2026-02-03' }))).articles[0].published).toBe('2026-02-03');
    expect((await collect(readFile(p))).articles[0].published).toBeNull();
  });
});

describe('JSON Lines files', () => {
  it('reads text or body, keeps paragraphs, and reports a malformed line with its number while reading the others', async () => {
    const p = put('batch.jsonl', [
      JSON.stringify({ title: 'One', text: 'Para a.\n\nPara b.', published: '2026-01-05', url: 'https://example.org/1', source: 'Wire' }),
      '{"title": "broken", "text": ',
      '',
      JSON.stringify({ title: 'Two', standfirst: 'Stand two.', body: 'Only para.' }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ title: 'Three', body: ['P1', 'P2'], published: 'sometime' }),
      JSON.stringify({ title: 'No text' }),
    ].join('\n'));
    const { articles, problems } = await collect(readFile(p, { published: '2026-03-01' }));
    expect(articles.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);
    expect(articles[0]).toMatchObject({ body: ['Para a.', 'Para b.'], published: '2026-01-05', url: 'https://example.org/1', source: 'Wire' });
    expect(articles[1]).toMatchObject({ standfirst: 'Stand two.', body: ['Only para.'], published: '2026-03-01', source: p });
    expect(articles[2]).toMatchObject({ body: ['P1', 'P2'], published: '2026-03-01' });
    expect(problems.map((x) => [x.code, x.line, x.source])).toEqual([
      ['E_JSON', 2, p], ['E_RECORD', 5, p], ['W_DATE', 6, p], ['E_RECORD', 7, p],
    ]);
  });

  it('reports a pretty-printed JSON document or array once, not once a line', async () => {
    for (const [name, value] of [['doc.json', { title: 'A', text: 'B' }], ['list.jsonl', [{ title: 'A', text: 'B' }]]] as const) {
      const { articles, problems } = await collect(readFile(put(name, JSON.stringify(value, null, 2))));
      expect(articles).toEqual([]);
      expect(problems).toMatchObject([{ code: 'E_RECORD', line: 1, message: expect.stringContaining('not JSON Lines') }]);
    }
  });

  it('finds JSON Lines by content when the extension says nothing', async () => {
    const { articles } = await collect(readFile(put('feed.data', '{"title":"T","text":"B"}\n')));
    expect(articles[0].title).toBe('T');
  });
});

describe('folders', () => {
  it('reads .txt/.jsonl/.ndjson recursively in name order, skips hidden entries and reports other types once per extension', async () => {
    const root = join(dir, 'corpus');
    mkdirSync(join(root, 'b', 'deep'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), 'A head\nA stand\nA body');
    writeFileSync(join(root, 'b', 'deep', 'c.ndjson'), '{"title":"C","text":"c"}\n');
    writeFileSync(join(root, 'b', 'b.jsonl'), '{"title":"B","body":"b"}\n');
    writeFileSync(join(root, '.hidden.txt'), 'H\nS\nB');
    writeFileSync(join(root, '.git', 'x.txt'), 'G\nS\nB');
    writeFileSync(join(root, 'x.pdf'), '%PDF');
    writeFileSync(join(root, 'b', 'y.pdf'), '%PDF');
    const { articles, problems } = await collect(readPaths([root]));
    expect(articles.map((a) => a.title)).toEqual(['A head', 'B', 'C']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'W_SKIPPED', severity: 'warning', source: root });
    expect(problems[0].message).toContain('2 files of type .pdf');
  });

  it('reports a missing path as a problem', async () => {
    const { problems } = await listInputs([join(dir, 'nope')]);
    expect(problems[0]).toMatchObject({ code: 'E_READ', source: join(dir, 'nope') });
  });
});

describe('bad inputs', () => {
  it('reports a binary file, an empty file and a UTF-16 file, and reads the rest of the batch', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'a.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    writeFileSync(join(bad, 'b.txt'), '');
    writeFileSync(join(bad, 'c.txt'), Buffer.from('\uFEFFHi', 'utf16le'));
    writeFileSync(join(bad, 'd.txt'), 'Good head\nGood stand\nGood body');
    const { articles, problems } = await collect(readPaths([bad]));
    expect(articles.map((a) => a.title)).toEqual(['Good head']);
    expect(problems.map((p) => [p.code, p.source])).toEqual([
      ['E_BINARY', join(bad, 'a.txt')], ['E_EMPTY', join(bad, 'b.txt')], ['E_UTF16', join(bad, 'c.txt')],
    ]);
  });

  it('names the line of invalid UTF-8, skips its article or record, and keeps the others', async () => {
    const txt = put('latin1.txt', Buffer.concat([Buffer.from('Head\nStand\nFine para.\nCaf'), Buffer.from([0xe9]), Buffer.from(' para.\nLast para.\nEnd of Article\nOther head\nOther stand\nOther body\n')]));
    const t = await collect(readFile(txt));
    expect(t.problems).toMatchObject([{ code: 'E_UTF8', source: txt, line: 4 }]);
    expect(t.problems[0].message).toBe('invalid UTF-8 at byte 4 of the line; its article is skipped');
    expect(t.articles.map((a) => a.title)).toEqual(['Other head']);
    const jl = put('latin1.jsonl', Buffer.concat([Buffer.from('{"title":"A","text":"a"}\n{"title":"B\xff","text":"b"}\n'.replace('\xff', '')), Buffer.from('{"title":"C'), Buffer.from([0xff]), Buffer.from('","text":"c"}\n')]));
    const j = await collect(readFile(jl));
    expect(j.articles.map((a) => a.title)).toEqual(['A', 'B']);
    expect(j.problems).toMatchObject([{ code: 'E_UTF8', line: 3 }]);
  });

  it('finds the first invalid byte of a line', () => {
    expect(firstInvalidByte(Buffer.from('abc'))).toBe(-1);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x61]))).toBe(3);
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // an encoded surrogate
    expect(firstInvalidByte(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short
  });

  it('reports a 50 MB single line in bounded memory and still ingests the rest of the batch', async () => {
    const big = join(dir, 'huge');
    mkdirSync(big);
    for (const [name, prefix, suffix] of [['a.jsonl', '{"title":"big","text":"', '"}\n{"title":"after","text":"ok"}\n'], ['b.txt', 'Big head\n', '\nEnd of Article\nNext head\nNext stand\nNext body\n']]) {
      const fd = openSync(join(big, name), 'w');
      writeSync(fd, prefix);
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < 50; i++) writeSync(fd, chunk);
      writeSync(fd, suffix);
      closeSync(fd);
    }
    writeFileSync(join(big, 'c.txt'), 'Small head\nSmall stand\nSmall body');
    const base = process.memoryUsage();
    let peak = 0;
    const sample = () => { const m = process.memoryUsage(); peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers); };
    const { articles, problems } = await collect(readPaths([big], { onBytes: sample }));
    expect(articles.map((a) => a.title)).toEqual(['after', 'Next head', 'Small head']);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['E_TOO_LARGE', 1], ['E_TOO_LARGE', 2]]);
    expect(problems[0].message).toMatch(/50\.0 MB, over the limit of 5\.0 MB/);
    expect(peak).toBeLessThan(20 * 1024 * 1024); // the 5 MB cap plus slack; the file holds 100 MB
  });
});
