import { describe, expect, it } from 'vitest';
import { readPlainText } from './plaintext.js';

describe('readPlainText', () => {
  it('reads headline, standfirst and one paragraph a line', () => {
    const { articles, problems } = readPlainText('Head line\nThe standfirst.\nPara one.\nPara two.\n', { source: 'a.txt' });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('Head line');
    expect(articles[0].standfirst).toBe('The standfirst.');
    expect(articles[0].body).toEqual(['Para one.', 'Para two.']);
    expect(articles[0].text).toBe('Head line\nThe standfirst.\nPara one.\nPara two.');
  });

  it('splits on "End of Article" and never keeps the marker as content', () => {
    const { articles } = readPlainText('A\nB\nC\nEnd of Article\nD\nE\nF\nEnd of Article', { source: 'x.txt' });
    expect(articles.map((a) => a.title)).toEqual(['A', 'D']);
    expect(articles.every((a) => !a.text.includes('End of Article'))).toBe(true);
  });

  it('accepts the marker glued to the end of the last paragraph, as in the sample', () => {
    const { articles } = readPlainText('A\nB\nC ends here.\nEnd of Article', { source: 'x.txt' });
    const glued = readPlainText('A\nB\nC ends here.End of Article', { source: 'x.txt' });
    expect(glued.articles[0].text).toBe(articles[0].text);
  });

  it('gives the same id whatever the line endings, BOM or Unicode form', () => {
    const a = readPlainText('Caf\u00e9 talks\nStand.\nBody.', { source: 'a' }).articles[0];
    const b = readPlainText('\uFEFFCafe\u0301 talks\r\nStand.\r\nBody.\r\n', { source: 'b' }).articles[0];
    expect(b.id).toBe(a.id);
  });

  it('reports an empty file as a problem naming the source', () => {
    const { articles, problems } = readPlainText('\n  \n', { source: 'empty.txt' });
    expect(articles).toEqual([]);
    expect(problems[0]).toMatchObject({ code: 'E_EMPTY', source: 'empty.txt', line: 1 });
  });

  it('takes the publication date it is given', () => {
    expect(readPlainText('A\nB\nC', { source: 'a', published: '2026-01-05' }).articles[0].published).toBe('2026-01-05');
  });
});
