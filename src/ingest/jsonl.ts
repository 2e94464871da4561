import { makeArticle, normalizeDate, type Article } from './article.js';
import { PROBLEM, problem, type Problem } from './problem.js';

export interface JsonlOptions { source: string; published?: string | null }

export type RecordResult = { article: Article; problems: Problem[] } | { article: null; problems: Problem[] };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * One JSON Lines record: `{"title", "text"|"body", "published"?, "url"?, "source"?, "standfirst"?}`.
 * `text`/`body` is a string (paragraphs separated by newlines or blank lines) or an array of paragraphs.
 * The record's own date wins over `opts.published`; an unreadable date falls back to it, with a warning.
 */
export function readJsonRecord(line: string, lineNo: number, opts: JsonlOptions): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { article: null, problems: [problem(PROBLEM.JSON, `not valid JSON (${(err as Error).message}); line skipped`, opts.source, lineNo)] };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { article: null, problems: [problem(PROBLEM.RECORD, 'expected a JSON object per line; line skipped', opts.source, lineNo)] };
  }
  const rec = value as Record<string, unknown>;
  const rawBody = rec.text ?? rec.body;
  const body = typeof rawBody === 'string' ? rawBody : Array.isArray(rawBody) && rawBody.every((p) => typeof p === 'string') ? (rawBody as string[]) : null;
  const title = str(rec.title);
  if (!title) return { article: null, problems: [problem(PROBLEM.RECORD, 'record has no "title"; line skipped', opts.source, lineNo)] };
  if (rawBody === undefined) return { article: null, problems: [problem(PROBLEM.RECORD, 'record has no "text" or "body"; line skipped', opts.source, lineNo)] };
  if (body === null) return { article: null, problems: [problem(PROBLEM.RECORD, '"text"/"body" must be a string or an array of strings; line skipped', opts.source, lineNo)] };
  const problems: Problem[] = [];
  let published = normalizeDate(rec.published);
  if (published === null && rec.published != null && rec.published !== '') {
    problems.push(problem(PROBLEM.DATE, `cannot read "published": ${JSON.stringify(rec.published).slice(0, 40)}; using ${opts.published ?? 'no date'}`, opts.source, lineNo));
  }
  published ??= opts.published ?? null;
  const article = makeArticle({ title, standfirst: str(rec.standfirst), body: body ?? [], published, url: str(rec.url), source: str(rec.source) ?? opts.source });
  return { article, problems };
}
