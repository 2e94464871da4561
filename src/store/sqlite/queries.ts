import type Database from 'better-sqlite3';
import type { Analysis, Direction } from '../../analyze/schema.js';
import { firstLast, normalizeName } from '../names.js';
import { ACTOR_COLUMNS, toActor, toEvent, toExportRow, toQuote } from '../rows.js';
import type { ActorDetail, ActorRow, ArticleListRow, ArticleLookup, Counts, DyadRow, EventFilter, EventRow, ExportRow, QuoteFilter, QuoteRow, SearchHit, StoredArticle } from '../store.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** SQL matching actor ids whose known names contain the normalized name as whole words. */
const ACTOR_IDS = `SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE ?`;
const wordsLike = (name: string) => `% ${normalizeName(name)} %`;


export function queryEvents(db: Database.Database, f: EventFilter = {}): EventRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.dyad) {
    where.push('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))');
    args.push(f.dyad[0], f.dyad[1], f.dyad[1], f.dyad[0]);
  }
  if (f.actor) {
    const like = wordsLike(f.actor);
    where.push(`(e.source_actor_id IN (${ACTOR_IDS}) OR e.target_actor_id IN (${ACTOR_IDS}) OR ' ' || lower(e.source_name) || ' ' LIKE ? OR ' ' || lower(e.target_name) || ' ' LIKE ?)`);
    args.push(like, like, like, like);
  }
  if (f.since) { where.push('e.date >= ?'); args.push(f.since); }
  if (f.until) { where.push('substr(e.date, 1, 10) <= ?'); args.push(f.until); }
  if (f.type) { where.push('e.type = ?'); args.push(f.type.toUpperCase()); }
  if (f.modality) { where.push('e.modality = ?'); args.push(f.modality); }
  if (f.articleIds) { where.push(`a.id IN (SELECT value FROM json_each(?))`); args.push(JSON.stringify(f.articleIds)); }
  const sql = `SELECT e.*, a.id AS article_id, a.title AS article_title, a.published, a.url FROM events e JOIN articles a ON a.seq = e.article_seq
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date IS NULL, e.date, a.published, a.seq, e.rowid ${f.limit ? `LIMIT ${Math.max(1, Math.floor(f.limit))}` : ''}`;
  return (db.prepare(sql).all(...args) as Row[]).map((r) => {
    const ev = toEvent(r);
    return {
      ...ev,
      articleId: r.article_id, articleTitle: r.article_title, published: r.published, url: r.url, sentenceText: r.sentence_text,
      source: { ...ev.source, actorId: r.source_actor_id },
      target: ev.target ? { ...ev.target, actorId: r.target_actor_id } : null,
    };
  });
}

export function queryQuotes(db: Database.Database, f: QuoteFilter = {}): QuoteRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.articleIds) { where.push(`a.id IN (SELECT value FROM json_each(?))`); args.push(JSON.stringify(f.articleIds)); }
  if (f.speaker) {
    const like = wordsLike(f.speaker);
    where.push(`(q.speaker_actor_id IN (${ACTOR_IDS}) OR ' ' || lower(q.speaker_name) || ' ' LIKE ?)`);
    args.push(like, like);
  }
  const sql = `SELECT q.*, a.id AS article_id, a.title AS article_title, a.published FROM quotes q JOIN articles a ON a.seq = q.article_seq
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.published IS NULL, a.published, a.seq, q.idx
    ${f.limit ? `LIMIT ${Math.max(1, Math.floor(f.limit))}` : ''}`;
  return (db.prepare(sql).all(...args) as Row[]).map((r) => ({
    ...toQuote(r),
    articleId: r.article_id, articleTitle: r.article_title, published: r.published, speakerActorId: r.speaker_actor_id,
  }));
}



export function queryActors(db: Database.Database, f: { type?: string; limit?: number } = {}): ActorRow[] {
  const sql = `SELECT ${ACTOR_COLUMNS} FROM actors a ${f.type ? 'WHERE a.type = ?' : ''}
    ORDER BY articles DESC, mentions DESC, a.name ${f.limit ? `LIMIT ${Math.max(1, Math.floor(f.limit))}` : ''}`;
  return (db.prepare(sql).all(...(f.type ? [f.type.toUpperCase()] : [])) as Row[]).map(toActor);
}

/** Actors matching a name: exact normalized name first, then same first and last name, then containing it. */
export function queryActor(db: Database.Database, name: string): ActorDetail[] {
  const norm = normalizeName(name);
  if (!norm) return [];
  const rows = db.prepare(`SELECT ${ACTOR_COLUMNS},
      CASE WHEN EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id AND n.norm = @norm) THEN 0
           WHEN a.first_last = @fl THEN 1 ELSE 2 END AS rank
    FROM actors a
    WHERE a.id IN (SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE @like) OR a.first_last = @fl
    ORDER BY rank, articles DESC, a.name LIMIT 20`).all({ norm, fl: firstLast(norm), like: `% ${norm} %` }) as Row[];
  const names = db.prepare(`SELECT DISTINCT name FROM actor_names WHERE actor_id = ? ORDER BY length(name) DESC, name`).pluck();
  const roles = db.prepare(`SELECT role, country, MIN(date) AS "from", MAX(date) AS "to", COUNT(*) AS articles FROM actor_roles
    WHERE actor_id = ? GROUP BY role, country ORDER BY MIN(date) IS NULL, MIN(date), role`);
  const events = db.prepare(`SELECT COUNT(*) FROM events WHERE source_actor_id = @id OR target_actor_id = @id`).pluck();
  const quotes = db.prepare(`SELECT COUNT(*) FROM quotes WHERE speaker_actor_id = ?`).pluck();
  return rows.map((r) => ({
    ...toActor(r),
    names: names.all(r.id) as string[],
    roles: (roles.all(r.id) as Row[]).map((x) => ({ role: x.role, country: x.country, from: x.from, to: x.to, articles: x.articles })),
    events: events.get({ id: r.id }) as number,
    quotes: quotes.get(r.id) as number,
  }));
}

export function queryArticle(db: Database.Database, idOrPrefix: string): ArticleLookup {
  const prefix = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(prefix)) return { found: null, matches: 0 };
  const rows = db.prepare(`SELECT * FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`).all(prefix, prefix + 'g') as Row[];
  if (rows.length !== 1) return { found: null, matches: rows.length };
  const a = rows[0];
  const id = a.id as string;
  const seq = a.seq as number; // its facts are keyed by it
  const mentions = db.prepare(`SELECT entity_id, start, "end", text FROM mentions WHERE article_seq = ? ORDER BY rowid`).all(seq) as Row[];
  const found: StoredArticle = {
    article: { id, title: a.title, standfirst: a.standfirst, published: a.published, source: a.source, url: a.url, lang: a.lang, text: a.text, ingestedAt: a.ingested_at },
    entities: (db.prepare(`SELECT * FROM entities WHERE article_seq = ? ORDER BY rowid`).all(seq) as Row[]).map((e) => ({
      id: e.id, name: e.name, type: e.type, country: e.country, role: e.role, aliases: JSON.parse(e.aliases), actorId: e.actor_id,
      mentions: mentions.filter((m) => m.entity_id === e.id).map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    times: (db.prepare(`SELECT * FROM times WHERE article_seq = ? ORDER BY idx`).all(seq) as Row[]).map((t) => ({
      start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.unresolved ? { unresolved: true } : {}),
    })),
    quotes: queryQuotesOf(db, id, seq),
    events: (db.prepare(`SELECT *, ? AS article_id FROM events WHERE article_seq = ? ORDER BY rowid`).all(id, seq) as Row[]).map(toEvent),
    relations: (db.prepare(`SELECT * FROM relations WHERE article_seq = ? ORDER BY rowid`).all(seq) as Row[]).map((r) => ({
      dyad: [r.country_a, r.country_b] as [string, string], events: r.events, goldstein: r.goldstein, direction: r.direction as Direction, eventIds: JSON.parse(r.event_ids),
    })),
  };
  return { found };
}

function queryQuotesOf(db: Database.Database, id: string, seq: number) {
  return (db.prepare(`SELECT *, ? AS article_id FROM quotes WHERE article_seq = ? ORDER BY idx`).all(id, seq) as Row[]).map(toQuote);
}

/** Dyads across the corpus, counting each article's relation once; a dyad is unordered. */
export function queryDyads(db: Database.Database, f: { articleIds?: readonly string[] } = {}): DyadRow[] {
  const rows = db.prepare(`SELECT min(country_a, country_b) AS a, max(country_a, country_b) AS b, COUNT(DISTINCT article_seq) AS articles,
      SUM(events) AS events, SUM(goldstein) AS goldstein, GROUP_CONCAT(DISTINCT direction) AS directions
    FROM relations ${f.articleIds ? 'WHERE article_seq IN (SELECT seq FROM articles WHERE id IN (SELECT value FROM json_each(?)))' : ''}
    GROUP BY 1, 2 ORDER BY events DESC, articles DESC, a, b`).all(...(f.articleIds ? [JSON.stringify(f.articleIds)] : [])) as Row[];
  return rows.map((r) => {
    const dirs = String(r.directions).split(',');
    return { dyad: [r.a, r.b], articles: r.articles, events: r.events, goldstein: Math.round(r.goldstein * 100) / 100, direction: (dirs.length === 1 ? dirs[0] : 'mixed') as Direction };
  });
}

/** Full-text search over titles and texts; the query's words must all appear (no FTS syntax needed). */
export function querySearch(db: Database.Database, query: string, limit = 20): SearchHit[] {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const match = words.map((w) => `"${w}"`).join(' ');
  return (db.prepare(`SELECT a.id, a.title, a.published, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
    FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?`)
    .all(match, Math.max(1, Math.floor(limit))) as Row[]).map((r) => ({ id: r.id, title: r.title, published: r.published, snippet: r.snippet }));
}

/** Stored articles, newest publication date first (undated last), with their event and quote counts. */
export function queryArticles(db: Database.Database, f: { limit?: number; offset?: number } = {}): ArticleListRow[] {
  const limit = Math.max(1, Math.floor(f.limit ?? 50));
  const offset = Math.max(0, Math.floor(f.offset ?? 0));
  return (db.prepare(`SELECT a.id, a.title, a.standfirst, a.published, a.source, a.url, a.ingested_at,
      (SELECT COUNT(*) FROM events e WHERE e.article_seq = a.seq) AS events, (SELECT COUNT(*) FROM quotes q WHERE q.article_seq = a.seq) AS quotes
    FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ? OFFSET ?`).all(limit, offset) as Row[]).map((r) => ({
    id: r.id, title: r.title, standfirst: r.standfirst, published: r.published, source: r.source, url: r.url, ingestedAt: r.ingested_at, events: r.events, quotes: r.quotes,
  }));
}

/** The analysis document as stored: the `analysis` column with the article rebuilt from its own columns. */
export function queryAnalysis(db: Database.Database, id: string): Analysis | null {
  const a = db.prepare(`SELECT * FROM articles WHERE id = ?`).get(id) as Row | undefined;
  if (!a) return null;
  const layers = JSON.parse(a.analysis) as Omit<Analysis, 'article'>;
  return {
    article: { id: a.id, title: a.title, standfirst: a.standfirst, published: a.published, source: a.source, url: a.url, lang: a.lang, text: a.text },
    ...layers,
  };
}

export function queryCounts(db: Database.Database): Counts {
  const n = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
  return { articles: n('articles'), entities: n('entities'), actors: n('actors'), mentions: n('mentions'), times: n('times'), quotes: n('quotes'), events: n('events'), relations: n('relations') };
}


export function* iterateExport(db: Database.Database): Generator<ExportRow> {
  const it = db.prepare(`SELECT e.*, a.id AS article_id, a.url, a.published FROM events e JOIN articles a ON a.seq = e.article_seq
    ORDER BY e.date IS NULL, e.date, a.seq, e.rowid`).iterate() as IterableIterator<Row>;
  for (const r of it) {
    yield toExportRow(r);
  }
}
