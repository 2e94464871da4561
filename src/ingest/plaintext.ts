import { makeArticle, normalizeLine, type Article } from './article.js';
import type { Problem } from './problem.js';

export const END_MARKER = /^\s*End of Article\s*$/i;

export interface ReadResult { articles: Article[]; problems: Problem[] }

export interface PlainTextOptions { source: string; published?: string | null }

/**
 * The sample's plain-text format: line 1 headline, line 2 standfirst, then one paragraph a line;
 * a line "End of Article" separates articles (and is never content). Blank lines are ignored.
 * A file with a single non-empty line is a headline-only article.
 */
export function readPlainText(content: string, opts: PlainTextOptions): ReadResult {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let block: string[] = [];
  let blockLine = 1;
  const flush = (endLine: number) => {
    const paras = block.map(normalizeLine).filter((l) => l.length > 0);
    if (paras.length > 0) {
      const [title, standfirst, ...body] = paras;
      articles.push(makeArticle({ title, standfirst: body.length > 0 ? standfirst : null, body: body.length > 0 ? body : standfirst ? [standfirst] : [], published: opts.published ?? null, source: opts.source }));
    } else if (endLine > blockLine) {
      // nothing but blank lines between two separators: not worth a problem unless the whole file is empty
    }
    block = [];
    blockLine = endLine + 1;
  };
  lines.forEach((line, i) => {
    // "End of Article" may also close the last paragraph on the same line, as in the sample
    const trimmed = line.trimEnd();
    if (END_MARKER.test(trimmed)) return flush(i + 1);
    const glued = /^(.*\S)\s*End of Article$/.exec(trimmed);
    if (glued && block.length > 0) { block.push(glued[1]); return flush(i + 1); }
    block.push(line);
  });
  flush(lines.length);
  if (articles.length === 0) problems.push({ code: 'E_EMPTY', message: 'no article text found (the file is empty or blank)', source: opts.source, line: 1 });
  return { articles, problems };
}
