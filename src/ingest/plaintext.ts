import { makeArticle, normalizeLine, type Article } from './article.js';
import { PROBLEM, problem, type Problem } from './problem.js';
import { formatBytes } from './lines.js';

export const END_MARKER = /^\s*End of Article\s*$/i;
const GLUED_MARKER = /^(.*\S)\s*End of Article$/;

export interface ReadResult { articles: Article[]; problems: Problem[] }

export interface PlainTextOptions {
  source: string;
  published?: string | null;
  /** articles longer than this (in UTF-16 code units) are reported and skipped; default 5 MiB */
  maxArticleChars?: number;
}

export const DEFAULT_MAX_ARTICLE = 5 * 1024 * 1024;

/** An article or a problem, with the line where it starts in its source. */
export type TextItem = { kind: 'article'; article: Article; line: number } | { kind: 'problem'; problem: Problem };

/**
 * Builds articles of the sample's plain-text format from lines fed one at a time, so that a file can be
 * streamed: line 1 headline, line 2 standfirst, then one paragraph a line; a line "End of Article" separates
 * articles (and is never content), also when glued to the end of the last paragraph. Blank lines are ignored.
 * A block with a single non-empty line is a headline-only article.
 */
export class PlainTextAssembler {
  private block: string[] = [];
  private blockLine = 1;
  private chars = 0;
  private oversized = false;
  private failed = false;
  private articles = 0;
  private readonly max: number;

  constructor(private readonly opts: PlainTextOptions) {
    this.max = opts.maxArticleChars ?? DEFAULT_MAX_ARTICLE;
  }

  /** Feeds one line (without its line ending); returns what it completes. */
  push(line: string, lineNo: number): TextItem[] {
    if (this.block.length === 0 && !this.oversized && !this.failed && line.trim() === '') { this.blockLine = lineNo + 1; return []; }
    const trimmed = line.trimEnd();
    if (END_MARKER.test(trimmed)) return this.flush(lineNo + 1);
    // the regular expression backtracks through the whole line: run it only on lines that can match
    const glued = trimmed.endsWith('End of Article') ? GLUED_MARKER.exec(trimmed) : null;
    if (glued && this.block.length > 0) { this.add(glued[1]); return this.flush(lineNo + 1); }
    this.add(line);
    return [];
  }

  /** A line of the current article could not be read (and was reported): the whole article is skipped. */
  fail(): void {
    this.failed = true;
    this.block = [];
  }

  /** Ends the input; an input without any article gives an E_EMPTY problem. */
  end(): TextItem[] {
    const out = this.flush(this.blockLine);
    if (this.articles === 0 && out.length === 0) out.push({ kind: 'problem', problem: problem(PROBLEM.EMPTY, 'no article text found (the file is empty or blank)', this.opts.source, 1) });
    return out;
  }

  private add(line: string): void {
    this.chars += line.length + 1;
    if (this.chars > this.max) { this.oversized = true; this.block = []; return; }
    if (!this.oversized && !this.failed) this.block.push(line);
  }

  private flush(nextLine: number): TextItem[] {
    const out: TextItem[] = [];
    const start = this.blockLine;
    if (this.failed) {
      this.articles++;
    } else if (this.oversized) {
      this.articles++;
      out.push({ kind: 'problem', problem: problem(PROBLEM.TOO_LARGE, `article is over the limit of ${formatBytes(this.max)} (${formatBytes(this.chars)}); skipped`, this.opts.source, start) });
    } else {
      const paras = this.block.map(normalizeLine).filter((l) => l.length > 0);
      if (paras.length > 0) {
        const [title, standfirst, ...body] = paras;
        this.articles++;
        out.push({ kind: 'article', line: start, article: makeArticle({ title, standfirst: body.length > 0 ? standfirst : null, body: body.length > 0 ? body : standfirst ? [standfirst] : [], published: this.opts.published ?? null, source: this.opts.source }) });
      }
    }
    this.block = [];
    this.chars = 0;
    this.oversized = false;
    this.failed = false;
    this.blockLine = nextLine;
    return out;
  }
}

/** Reads plain text held in memory (see PlainTextAssembler for the format). */
export function readPlainText(content: string, opts: PlainTextOptions): ReadResult {
  const result: ReadResult = { articles: [], problems: [] };
  const asm = new PlainTextAssembler(opts);
  const take = (items: TextItem[]) => { for (const it of items) it.kind === 'article' ? result.articles.push(it.article) : result.problems.push(it.problem); };
  content.replace(/^\uFEFF/, '').split(/\r\n?|\n/).forEach((line, i) => take(asm.push(line, i + 1)));
  take(asm.end());
  return result;
}
