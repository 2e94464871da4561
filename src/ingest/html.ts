import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { makeArticle, normalizeDate, normalizeLine, type Article } from './article.js';
import { INERT, paragraphsOf } from './html-text.js';
import { PROBLEM, problem, type Problem } from './problem.js';

export interface HtmlOptions { source: string; published?: string | null }

export interface HtmlResult { article: Article | null; problems: Problem[] }

type Json = Record<string, unknown>;

/** What a page says about itself in meta tags and JSON-LD, before its main text is found. */
export interface PageMeta { title: string | null; byline: string | null; published: string | null; description: string | null; siteName: string | null; url: string | null; body: string | null }

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|BackgroundNewsArticle|WebPage|Report)$/;

/** A metadata string as clean text: any markup inside it (a hostile <title>) is dropped, whitespace collapsed. */
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? normalizeLine(v.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>?/g, ' ').replace(/\s+/g, ' ')) || null : null);

function names(v: unknown): string | null {
  const list = Array.isArray(v) ? v : v == null ? [] : [v];
  const out = list.map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as Json).name : null)).map(text).filter((x): x is string => !!x);
  return out.length ? out.join(', ') : null;
}

/** JSON-LD objects of a page, `@graph`s flattened; unreadable blocks are ignored. */
function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const add = (v: unknown, depth: number) => {
    if (depth > 4 || v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v.slice(0, 50)) add(x, depth + 1); return; }
    out.push(v as Json);
    if ((v as Json)['@graph']) add((v as Json)['@graph'], depth + 1);
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try { add(JSON.parse(el.textContent ?? ''), 0); } catch { /* a broken block says nothing */ }
  }
  return out;
}

function metaOf(doc: Document): PageMeta {
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const el = doc.querySelector(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`);
      const v = text(el?.getAttribute('content'));
      if (v) return v;
    }
    return null;
  };
  const ld = jsonLd(doc).find((o) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage'))
    ?? jsonLd(doc).find((o) => o.headline || o.datePublished) ?? {};
  const publisher = ld.publisher && typeof ld.publisher === 'object' ? text((ld.publisher as Json).name) : null;
  return {
    // the page's own headline: JSON-LD, Open Graph, else its first <h1>, else <title> without the site's name
    title: text(ld.headline) ?? meta('og:title', 'twitter:title', 'headline') ?? text(doc.querySelector('article h1, main h1, h1')?.textContent)
      ?? text(doc.querySelector('title')?.textContent?.replace(/\s+[|\-–—·:]\s+[^|\-–—·:]{2,40}$/, '')),
    byline: names(ld.author) ?? meta('author', 'article:author', 'byl', 'dc.creator', 'DC.creator'),
    published: normalizeDate(ld.datePublished) ?? normalizeDate(meta('article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date', 'dcterms.created'))
      ?? normalizeDate(doc.querySelector('time[datetime]')?.getAttribute('datetime')),
    description: text(ld.description) ?? meta('og:description', 'description', 'twitter:description'),
    siteName: publisher ?? meta('og:site_name', 'application-name'),
    url: text(ld.url) ?? text(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta('og:url'),
    body: typeof ld.articleBody === 'string' ? ld.articleBody : null,
  };
}

/**
 * One saved web page: its main text by Mozilla Readability on a server-side DOM (linkedom: nothing in the page
 * runs, scripts and styles are dropped before reading), title, byline and date from JSON-LD and meta tags.
 * A page without readable text is a problem.
 */
export function readHtml(html: string, opts: HtmlOptions): HtmlResult {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const meta = metaOf(doc);
  for (const el of doc.querySelectorAll(INERT.replace(', head', ''))) el.remove();
  let paragraphs: string[] = [];
  let rTitle: string | null = null;
  try {
    const parsed = new Readability(doc, { charThreshold: 200 }).parse();
    rTitle = text(parsed?.title);
    if (parsed?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
      paragraphs = paragraphsOf(content.body as never);
    }
  } catch { /* Readability gives up on odd pages: the fallbacks below read them */ }
  if (paragraphs.join(' ').length < 80 && meta.body) paragraphs = meta.body.split(/\n+/).map(normalizeLine).filter(Boolean);
  if (paragraphs.length === 0) {
    const { document: again } = parseHTML(html);
    for (const el of again.querySelectorAll(INERT)) el.remove();
    paragraphs = again.body ? paragraphsOf(again.body as never) : [];
  }
  const title = meta.title ?? rTitle ?? paragraphs[0] ?? null;
  if (!title || paragraphs.length === 0) return { article: null, problems: [problem(PROBLEM.NO_TEXT, 'no article text found in the page', opts.source, 1)] };
  // the headline often opens the extracted text too; the description often repeats the lead
  if (paragraphs[0] === title) paragraphs = paragraphs.slice(1);
  const lead = paragraphs[0] ?? '';
  const standfirst = meta.description && !lead.startsWith(meta.description.replace(/…$|\.\.\.$/, '').trim()) && meta.description !== title ? meta.description : null;
  const article = makeArticle({
    title, standfirst, body: paragraphs.length ? paragraphs : [standfirst ?? title],
    published: meta.published ?? opts.published ?? null, url: meta.url, source: meta.siteName ?? opts.source,
  });
  return { article: meta.byline ? { ...article, byline: meta.byline } : article, problems: [] };
}
