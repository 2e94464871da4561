import type Database from 'better-sqlite3';
import { normalizeName } from '../names.js';
import type { SearchQuery, SearchResult } from '../store.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ACTOR_IDS = `SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE ?`;

/**
 * Full-text search (FTS5 over titles and texts, every word required) with filters on the article's entities and
 * events; without words, the articles matching the filters, newest first. Event filters (dyad, type, modality,
 * and the dates when one of them is given) must hold for one and the same event.
 */
export function querySearchArticles(db: Database.Database, q: SearchQuery): SearchResult[] {
  const words = q.text?.match(/[\p{L}\p{N}]+/gu) ?? [];
  const where: string[] = [];
  const args: unknown[] = [];
  const ev: string[] = [];
  const evArgs: unknown[] = [];
  if (q.dyad) {
    ev.push('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))');
    evArgs.push(q.dyad[0].toUpperCase(), q.dyad[1].toUpperCase(), q.dyad[1].toUpperCase(), q.dyad[0].toUpperCase());
  }
  if (q.type) { ev.push('e.type = ?'); evArgs.push(q.type.toUpperCase()); }
  if (q.modality) { ev.push('e.modality = ?'); evArgs.push(q.modality); }
  const eventFilter = ev.length > 0;
  if (eventFilter && q.since) { ev.push('e.date >= ?'); evArgs.push(q.since); }
  if (eventFilter && q.until) { ev.push('substr(e.date, 1, 10) <= ?'); evArgs.push(q.until); }
  if (q.since) { where.push('(a.published >= ? OR a.published IS NULL AND ?)'); args.push(q.since, eventFilter ? 1 : 0); }
  if (q.until) { where.push('(a.published <= ? OR a.published IS NULL AND ?)'); args.push(q.until, eventFilter ? 1 : 0); }
  if (q.actor) {
    const like = `% ${normalizeName(q.actor)} %`;
    where.push(`(EXISTS (SELECT 1 FROM entities en WHERE en.article_seq = a.seq AND en.actor_id IN (${ACTOR_IDS}))
      OR EXISTS (SELECT 1 FROM events x WHERE x.article_seq = a.seq AND (' ' || lower(x.source_name) || ' ' LIKE ? OR ' ' || lower(x.target_name) || ' ' LIKE ?)))`);
    args.push(like, like, like);
  }
  if (q.country) {
    const c = q.country.toUpperCase();
    where.push(`(EXISTS (SELECT 1 FROM entities en WHERE en.article_seq = a.seq AND en.country = ?)
      OR EXISTS (SELECT 1 FROM events x WHERE x.article_seq = a.seq AND (x.source_country = ? OR x.target_country = ?)))`);
    args.push(c, c, c);
  }
  const evWhere = ev.length ? ev.join(' AND ') : '1';
  if (eventFilter) { where.push(`EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND ${evWhere})`); args.push(...evArgs); }
  const limit = Math.max(1, Math.floor(q.limit ?? 20));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const storyCol = `(SELECT story_id FROM story_members sm WHERE sm.article_id = a.id) AS story`;
  const eventsCol = `(SELECT COUNT(*) FROM events e WHERE e.article_seq = a.seq AND ${evWhere}) AS events`;
  let rows: Row[];
  if (words.length > 0) {
    rows = db.prepare(`SELECT a.id, a.title, a.published, a.source, a.url, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet, ${storyCol}, ${eventsCol}
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH ? ${where.length ? `AND ${where.join(' AND ')}` : ''}
      ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?`).all(...evArgs, words.map((w) => `"${w}"`).join(' '), ...args, limit, offset) as Row[];
  } else {
    rows = db.prepare(`SELECT a.id, a.title, a.published, a.source, a.url, substr(a.text, length(a.title) + 2, 160) AS snippet, ${storyCol}, ${eventsCol}
      FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ? OFFSET ?`).all(...evArgs, ...args, limit, offset) as Row[];
  }
  return rows.map((r) => ({ id: r.id, title: r.title, published: r.published, snippet: r.snippet, source: r.source, url: r.url, story: r.story ?? null, events: r.events }));
}
