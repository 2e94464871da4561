import { describe, expect, it } from 'vitest';
import { analyze, makeArticle, collect, readPaths } from './index.js';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the library', () => {
  it('analyzes an article built in code, with no storage', () => {
    const a = analyze(makeArticle({ title: 'Talks', body: ['Kenyan President Joseph Mwangi met Ethiopian Prime Minister Yonas Bekele in Addis Ababa on Monday.'], published: '2026-02-24' }));
    const [e] = a.events;
    expect(e).toMatchObject({ type: 'CONSULT', date: '2026-02-23', modality: 'asserted' });
    expect([e.source.country, e.target?.country]).toEqual(['KEN', 'ETH']);
  });

  it('is what `import … from \'dyad\'` gives (the package exports the built library and its types)', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { exports: { '.': { types: string; default: string } } };
    expect(existsSync(new URL(`../${pkg.exports['.'].types}`, import.meta.url))).toBe(true);
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', "import('dyad').then((m) => console.log(typeof m.analyze, typeof m.makeArticle))"], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('function function');
  });

  it('reads files into articles and problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-lib-'));
    writeFileSync(join(dir, 'a.txt'), 'Headline\nStandfirst.\nBody.');
    writeFileSync(join(dir, 'b.jsonl'), '{"title":"T","text":"Body text."}\nnot json\n');
    const { articles, problems } = await collect(readPaths([dir]));
    expect(articles.map((a) => a.title).sort()).toEqual(['Headline', 'T']);
    expect(problems.some((p) => p.source.endsWith('b.jsonl') && p.line === 2)).toBe(true);
  });
});
