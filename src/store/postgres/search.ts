import type pg from 'pg';
import { normalizeName } from '../names.js';
import type { SearchQuery, SearchResult } from '../store.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Full-text search with filters, as `../sqlite/search.ts`: every word required (here a tsvector over title and
 * text), filters on the article's entities and events; without words, the matching articles newest first. Event
 * filters (dyad, type, modality, and the dates when one of them is given) hold for one and the same event.
 */
export async function pgSearchArticles(db: pg.Pool, q: SearchQuery): Promise<SearchResult[]> {
  const words = q.text?.match(/[\p{L}\p{N}]+/gu) ?? [];
  const args: unknown[] = [];
  const add = (v: unknown) => { args.push(v); return `$${args.length}`; };
  const ev: string[] = [];
  if (q.dyad) {
    const [a, b] = [add(q.dyad[0].toUpperCase()), add(q.dyad[1].toUpperCase())];
    ev.push(`((e.source_country = ${a} AND e.target_country = ${b}) OR (e.source_country = ${b} AND e.target_country = ${a}))`);
  }
  if (q.type) ev.push(`e.type = ${add(q.type.toUpperCase())}`);
  if (q.modality) ev.push(`e.modality = ${add(q.modality)}`);
  const eventFilter = ev.length > 0;
  if (eventFilter && q.since) ev.push(`e.date >= ${add(q.since)}`);
  if (eventFilter && q.until) ev.push(`substr(e.date, 1, 10) <= ${add(q.until)}`);
  const evWhere = ev.length ? ev.join(' AND ') : 'TRUE';
  const where: string[] = [];
  if (q.since) where.push(`(a.published >= ${add(q.since)}${eventFilter ? ' OR a.published IS NULL' : ''})`);
  if (q.until) where.push(`(a.published <= ${add(q.until)}${eventFilter ? ' OR a.published IS NULL' : ''})`);
  if (q.actor) {
    const like = add(`% ${normalizeName(q.actor)} %`);
    where.push(`(EXISTS (SELECT 1 FROM entities en WHERE en.article_seq = a.seq AND en.actor_id IN (SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE ${like}))
      OR EXISTS (SELECT 1 FROM events x WHERE x.article_seq = a.seq AND (' ' || lower(x.source_name) || ' ' LIKE ${like} OR ' ' || lower(x.target_name) || ' ' LIKE ${like})))`);
  }
  if (q.country) {
    const c = add(q.country.toUpperCase());
    where.push(`(EXISTS (SELECT 1 FROM entities en WHERE en.article_seq = a.seq AND en.country = ${c})
      OR EXISTS (SELECT 1 FROM events x WHERE x.article_seq = a.seq AND (x.source_country = ${c} OR x.target_country = ${c})))`);
  }
  if (eventFilter) where.push(`EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND ${evWhere})`);
  const limit = Math.max(1, Math.floor(q.limit ?? 20));
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const cols = `a.id, a.title, a.published, a.source, a.url, (SELECT story_id FROM story_members sm WHERE sm.article_id = a.id) AS story,
    (SELECT COUNT(*) FROM events e WHERE e.article_seq = a.seq AND ${evWhere}) AS events`;
  let rows: Row[];
  if (words.length > 0) {
    const tsq = add(words.join(' '));
    rows = (await db.query(`SELECT ${cols},
        ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
      FROM articles a, plainto_tsquery('simple', ${tsq}) q WHERE a.fts @@ q ${where.length ? `AND ${where.join(' AND ')}` : ''}
      ORDER BY ts_rank(a.fts, q) DESC, a.seq LIMIT ${limit} OFFSET ${offset}`, args)).rows;
  } else {
    rows = (await db.query(`SELECT ${cols}, substr(a.text, length(a.title) + 2, 160) AS snippet
      FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ${limit} OFFSET ${offset}`, args)).rows;
  }
  return rows.map((r) => ({ id: r.id, title: r.title, published: r.published, snippet: r.snippet, source: r.source, url: r.url, story: r.story ?? null, events: r.events }));
}
