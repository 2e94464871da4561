import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeArticle, normalizeDate, normalizeLine } from './article.js';
import { decodeEntities, dropTags, htmlToParagraphs, lineAt } from './html-text.js';
import { PROBLEM, problem } from './problem.js';
import type { TextItem } from './plaintext.js';

export interface FeedOptions { source: string; published?: string | null }

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author' || name === 'dc:creator' || name === 'category',
});

/** The text of a parsed node: a string, `#text`, or the concatenated text of an (X)HTML subtree. */
function textOf(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(textOf).join(' ');
  if (typeof v === 'object') {
    const n = v as Node;
    if ('#text' in n && Object.keys(n).every((k) => k === '#text' || k.startsWith('@'))) return textOf(n['#text']);
    return Object.entries(n).filter(([k]) => !k.startsWith('@')).map(([, x]) => textOf(x)).join(' ');
  }
  return '';
}

const clean = (v: unknown) => normalizeLine(dropTags(decodeEntities(textOf(v))).replace(/\s+/g, ' '));

/** Paragraphs of a feed text field: HTML is parsed (never run) and stripped, plain text split at line breaks. */
function paragraphsOf(v: unknown): string[] {
  if (v == null) return [];
  const raw = textOf(v);
  const type = typeof v === 'object' && !Array.isArray(v) ? String((v as Node)['@type'] ?? '') : '';
  if (type === 'text') return raw.split(/\n+/).map((p) => normalizeLine(dropTags(p).replace(/\s+/g, ' '))).filter(Boolean);
  return htmlToParagraphs(raw);
}

function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as (Node | string)[];
  const pick = list.find((l) => typeof l === 'object' && (l['@rel'] == null || l['@rel'] === 'alternate')) ?? list[0];
  if (!pick) return null;
  return typeof pick === 'string' ? pick.trim() || null : clean(pick['@href'] ?? pick['#text']) || null;
}

/** The element name of a document's root, skipping the XML declaration, comments, processing instructions and a DOCTYPE. */
export function rootElement(head: string): string | null {
  const s = head.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
  const m = /<([A-Za-z_][\w.:-]*)/.exec(s);
  return m ? m[1] : null;
}

export const FEED_ROOTS = /^(rss|feed|rdf:RDF|RDF)$/;

/**
 * An RSS 2.0 (or RSS 1.0/RDF) or Atom feed: one article per item or entry, with its link, date and author, and
 * the fullest text the feed holds (content:encoded, then content, then description or summary), HTML stripped.
 * Entity declarations in a DOCTYPE are dropped, never expanded. A feed that cannot be parsed is one problem
 * with its line; an item without a title or text is a problem with the item's line.
 */
export function readFeed(xml: string, opts: FeedOptions): TextItem[] {
  const body = xml.replace(/^\uFEFF/, '').replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, (m) => m.replace(/[^\n]/g, ' '));
  const valid = XMLValidator.validate(body);
  if (valid !== true) return [{ kind: 'problem', problem: problem(PROBLEM.MARKUP, `not well-formed XML: ${valid.err.msg}; feed skipped`, opts.source, valid.err.line) }];
  let doc: Node;
  try {
    doc = parser.parse(body) as Node;
  } catch (err) {
    return [{ kind: 'problem', problem: problem(PROBLEM.MARKUP, `not a readable feed: ${(err as Error).message}`, opts.source, 1) }];
  }
  const rss = doc.rss as Node | undefined;
  const rdf = (doc['rdf:RDF'] ?? doc.RDF) as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const channel = ((rss?.channel ?? rdf?.channel ?? {}) as Node);
  const items = ((atom ? atom.entry : rss ? channel.item : rdf?.item) ?? []) as Node[];
  const feedTitle = clean(atom ? atom.title : channel.title) || null;
  const feedDate = normalizeDate(clean(atom ? atom.updated : channel.pubDate ?? channel.lastBuildDate ?? channel['dc:date']));
  // each item's line: the n-th opening tag of an item in the source
  const tag = atom ? /<(?:[\w-]+:)?entry[\s>/]/g : /<(?:[\w-]+:)?item[\s>/]/g;
  const lines: number[] = [];
  for (let m = tag.exec(body); m; m = tag.exec(body)) lines.push(lineAt(body, m.index));
  if (!rss && !rdf && !atom) {
    return [{ kind: 'problem', problem: problem(PROBLEM.FORMAT, `not an RSS or Atom feed (root element <${rootElement(body) ?? '?'}>)`, opts.source, 1) }];
  }
  const out: TextItem[] = [];
  if (!Array.isArray(items) || items.length === 0) {
    return [{ kind: 'problem', problem: problem(PROBLEM.EMPTY, 'the feed holds no items', opts.source, 1) }];
  }
  items.forEach((it, i) => {
    const line = lines[i] ?? 1;
    if (!it || typeof it !== 'object') { out.push({ kind: 'problem', problem: problem(PROBLEM.RECORD, 'an empty item; skipped', opts.source, line) }); return; }
    const title = clean(it.title);
    const full = atom ? it.content : it['content:encoded'];
    const short = atom ? it.summary : it.description;
    let body = paragraphsOf(full);
    let standfirst: string | null = null;
    if (body.length === 0) body = paragraphsOf(short);
    else {
      const s = paragraphsOf(short).join(' ');
      if (s && s.length < 400 && !body[0].startsWith(s.replace(/(…|\.\.\.|\[…\])$/, '').trim())) standfirst = s;
    }
    if (!title && body.length === 0) { out.push({ kind: 'problem', problem: problem(PROBLEM.RECORD, 'an item with neither title nor text; skipped', opts.source, line) }); return; }
    const dateRaw = clean(atom ? it.published ?? it.updated : it.pubDate ?? it['dc:date']);
    const published = normalizeDate(dateRaw) ?? feedDate ?? opts.published ?? null;
    if (dateRaw && !normalizeDate(dateRaw)) out.push({ kind: 'problem', problem: problem(PROBLEM.DATE, `cannot read the item's date "${dateRaw.slice(0, 40)}"; using ${published ?? 'no date'}`, opts.source, line) });
    const authors = atom ? ((it.author ?? []) as Node[]).map((a) => clean(a?.name ?? a)) : [...((it['dc:creator'] ?? []) as unknown[]), ...((it.author ?? []) as unknown[])].map(clean);
    const url = atomLink(it.link) || (it.guid && typeof it.guid === 'object' && (it.guid as Node)['@isPermaLink'] !== 'false' ? clean(it.guid) : null) || null;
    const article = makeArticle({ title: title || body[0], standfirst, body: title ? body : body.slice(1), published, url, source: feedTitle ?? opts.source });
    const byline = authors.filter(Boolean).join(', ') || null;
    out.push({ kind: 'article', line, article: byline ? { ...article, byline } : article });
  });
  return out;
}
