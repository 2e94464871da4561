import { createHash } from 'node:crypto';

/** What every reader produces: clean text and its metadata. `id` is the SHA-256 of `text`. */
export interface Article {
  id: string;
  title: string;
  standfirst: string | null;
  /** body paragraphs, one per element, never empty strings */
  body: string[];
  published: string | null;
  url: string | null;
  source: string | null;
  lang: string;
  /** the author line of a web page or feed item, where it gives one (not part of `text`) */
  byline?: string | null;
  /** headline, newline, standfirst (if any), newline, paragraphs joined by newlines: what offsets point into */
  text: string;
}

export interface ArticleInput {
  title: string;
  standfirst?: string | null;
  body: string[] | string;
  published?: string | null;
  url?: string | null;
  source?: string | null;
  lang?: string;
}

/** Text below U+0300 (Latin-1, Latin Extended, IPA) is already NFC: none of it is a combining mark or composes. */
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02FF]/;

/**
 * NFC, no BOM, LF line endings, no NULs, collapsed inner runs of spaces/tabs, trimmed. Every line read passes
 * here twice (the reader, then makeArticle), so each rewrite runs only when a cheap search finds something
 * for it to change: a regular expression replacing every single space by a space costs more than the rest.
 */
export function normalizeLine(s: string): string {
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (MAY_CHANGE_UNDER_NFC.test(s)) s = s.normalize('NFC');
  if (s.includes('\u0000') || s.includes('\u200B')) s = s.replace(/[\u0000\u200B]/g, '');
  if (s.includes('\t') || s.includes('\u00A0') || s.includes('  ')) s = s.replace(/[ \t\u00A0]+/g, ' ');
  return s.trim();
}

export function splitParagraphs(body: string): string[] {
  if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
  return (body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body).split('\n').map(normalizeLine).filter((p) => p.length > 0);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Accepts YYYY-MM-DD or an ISO / RFC date-time; returns YYYY-MM-DD or null when absent or unreadable. */
export function normalizeDate(value: unknown): string | null {
  if (value == null || value === '') return null;
  const s = String(value).trim();
  const m = DATE_RE.exec(s);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
    return null;
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

export function articleId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makeArticle(input: ArticleInput): Article {
  const title = normalizeLine(input.title ?? '');
  const standfirst = input.standfirst ? normalizeLine(input.standfirst) || null : null;
  const body = Array.isArray(input.body) ? input.body.flatMap(splitParagraphs) : splitParagraphs(input.body ?? '');
  const text = [title, ...(standfirst ? [standfirst] : []), ...body].join('\n');
  return {
    id: articleId(text),
    title,
    standfirst,
    body,
    published: normalizeDate(input.published),
    url: input.url ?? null,
    source: input.source ?? null,
    lang: input.lang ?? 'en',
    text,
  };
}
