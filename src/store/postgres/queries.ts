// The store's queries in PostgreSQL: the same results as the SQLite engine's (`../sqlite/queries.ts`) on the same
// data; NULLS FIRST/LAST spelled out where SQLite's defaults differ from PostgreSQL's.
import type pg from 'pg';
import type { Analysis, Direction } from '../../analyze/schema.js';
import { firstLast, normalizeName } from '../names.js';
import type { ActorDetail, ActorRow, ArticleListRow, ArticleLookup, Counts, DyadRow, EventFilter, EventRow, ExportRow, QuoteFilter, QuoteRow, SearchHit, StoredArticle } from '../store.js';
import { ACTOR_COLUMNS, toActor, toEvent, toExportRow, toQuote } from '../rows.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Db = pg.Pool | pg.PoolClient;

/** Builds `$n` placeholders as arguments are added. */
class Args {
  readonly values: unknown[] = [];
  add(v: unknown): string { this.values.push(v); return `$${this.values.length}`; }
}

const ACTOR_IDS = (p: string) => `SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE ${p}`;
const wordsLike = (name: string) => `% ${normalizeName(name)} %`;
const limitOf = (n?: number) => (n ? `LIMIT ${Math.max(1, Math.floor(n))}` : '');

export async function pgEvents(db: Db, f: EventFilter = {}): Promise<EventRow[]> {
  const where: string[] = [];
  const x = new Args();
  if (f.dyad) {
    const [a, b] = [x.add(f.dyad[0]), x.add(f.dyad[1])];
    where.push(`((e.source_country = ${a} AND e.target_country = ${b}) OR (e.source_country = ${b} AND e.target_country = ${a}))`);
  }
  if (f.actor) {
    const like = x.add(wordsLike(f.actor));
    where.push(`(e.source_actor_id IN (${ACTOR_IDS(like)}) OR e.target_actor_id IN (${ACTOR_IDS(like)}) OR ' ' || lower(e.source_name) || ' ' LIKE ${like} OR ' ' || lower(e.target_name) || ' ' LIKE ${like})`);
  }
  if (f.since) where.push(`e.date >= ${x.add(f.since)}`);
  if (f.until) where.push(`substr(e.date, 1, 10) <= ${x.add(f.until)}`);
  if (f.type) where.push(`e.type = ${x.add(f.type.toUpperCase())}`);
  if (f.modality) where.push(`e.modality = ${x.add(f.modality)}`);
  if (f.articleIds) where.push(`a.id = ANY(${x.add([...f.articleIds])}::text[])`);
  const sql = `SELECT e.*, a.id AS article_id, a.title AS article_title, a.published, a.url FROM events e JOIN articles a ON a.seq = e.article_seq
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date IS NULL, e.date, a.published NULLS FIRST, a.seq, e.seq ${limitOf(f.limit)}`;
  return (await db.query(sql, x.values)).rows.map((r: Row) => {
    const ev = toEvent(r);
    return {
      ...ev,
      articleId: r.article_id, articleTitle: r.article_title, published: r.published, url: r.url, sentenceText: r.sentence_text,
      source: { ...ev.source, actorId: r.source_actor_id },
      target: ev.target ? { ...ev.target, actorId: r.target_actor_id } : null,
    };
  });
}


export async function pgQuotes(db: Db, f: QuoteFilter = {}): Promise<QuoteRow[]> {
  const where: string[] = [];
  const x = new Args();
  if (f.articleIds) where.push(`a.id = ANY(${x.add([...f.articleIds])}::text[])`);
  if (f.speaker) {
    const like = x.add(wordsLike(f.speaker));
    where.push(`(q.speaker_actor_id IN (${ACTOR_IDS(like)}) OR ' ' || lower(q.speaker_name) || ' ' LIKE ${like})`);
  }
  const sql = `SELECT q.*, a.id AS article_id, a.title AS article_title, a.published FROM quotes q JOIN articles a ON a.seq = q.article_seq
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.published IS NULL, a.published, a.seq, q.idx ${limitOf(f.limit)}`;
  return (await db.query(sql, x.values)).rows.map((r: Row) => ({
    ...toQuote(r), articleId: r.article_id, articleTitle: r.article_title, published: r.published, speakerActorId: r.speaker_actor_id,
  }));
}



export async function pgActors(db: Db, f: { type?: string; limit?: number } = {}): Promise<ActorRow[]> {
  const sql = `SELECT ${ACTOR_COLUMNS} FROM actors a ${f.type ? 'WHERE a.type = $1' : ''} ORDER BY articles DESC, mentions DESC, a.name ${limitOf(f.limit)}`;
  return (await db.query(sql, f.type ? [f.type.toUpperCase()] : [])).rows.map(toActor);
}

export async function pgActor(db: Db, name: string): Promise<ActorDetail[]> {
  const norm = normalizeName(name);
  if (!norm) return [];
  const { rows } = await db.query(`SELECT ${ACTOR_COLUMNS},
      CASE WHEN EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id AND n.norm = $1) THEN 0
           WHEN a.first_last = $2 THEN 1 ELSE 2 END AS rank
    FROM actors a
    WHERE a.id IN (SELECT actor_id FROM actor_names WHERE ' ' || norm || ' ' LIKE $3) OR a.first_last = $2
    ORDER BY rank, articles DESC, a.name LIMIT 20`, [norm, firstLast(norm), `% ${norm} %`]);
  const out: ActorDetail[] = [];
  for (const r of rows as Row[]) {
    const names = (await db.query(`SELECT name FROM actor_names WHERE actor_id = $1 GROUP BY name ORDER BY length(name) DESC, name`, [r.id])).rows.map((x: Row) => x.name as string);
    const roles = (await db.query(`SELECT role, country, MIN(date) AS "from", MAX(date) AS "to", COUNT(*) AS articles FROM actor_roles
      WHERE actor_id = $1 GROUP BY role, country ORDER BY MIN(date) IS NULL, MIN(date), role`, [r.id])).rows
      .map((x: Row) => ({ role: x.role, country: x.country, from: x.from, to: x.to, articles: x.articles }));
    const events = (await db.query(`SELECT COUNT(*) AS n FROM events WHERE source_actor_id = $1 OR target_actor_id = $1`, [r.id])).rows[0].n as number;
    const quotes = (await db.query(`SELECT COUNT(*) AS n FROM quotes WHERE speaker_actor_id = $1`, [r.id])).rows[0].n as number;
    out.push({ ...toActor(r), names, roles, events, quotes });
  }
  return out;
}

export async function pgArticle(db: Db, idOrPrefix: string): Promise<ArticleLookup> {
  const prefix = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(prefix)) return { found: null, matches: 0 };
  const { rows } = await db.query(`SELECT * FROM articles WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 2`, [prefix, prefix + 'g']);
  if (rows.length !== 1) return { found: null, matches: rows.length };
  const a = rows[0] as Row;
  const id = a.id as string;
  const seq = a.seq as number; // its facts are keyed by it
  const q = async (sql: string) => (await db.query(sql, [seq])).rows as Row[];
  const mentions = await q(`SELECT entity_id, start, "end", text FROM mentions WHERE article_seq = $1 ORDER BY seq`);
  const found: StoredArticle = {
    article: { id, title: a.title, standfirst: a.standfirst, published: a.published, source: a.source, url: a.url, lang: a.lang, text: a.text, ingestedAt: a.ingested_at },
    entities: (await q(`SELECT * FROM entities WHERE article_seq = $1 ORDER BY seq`)).map((e) => ({
      id: e.id, name: e.name, type: e.type, country: e.country, role: e.role, aliases: JSON.parse(e.aliases), actorId: e.actor_id,
      mentions: mentions.filter((m) => m.entity_id === e.id).map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    times: (await q(`SELECT * FROM times WHERE article_seq = $1 ORDER BY idx`)).map((t) => ({
      start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.unresolved ? { unresolved: true } : {}),
    })),
    quotes: (await q(`SELECT * FROM quotes WHERE article_seq = $1 ORDER BY idx`)).map(toQuote),
    events: (await q(`SELECT * FROM events WHERE article_seq = $1 ORDER BY seq`)).map(toEvent),
    relations: (await q(`SELECT * FROM relations WHERE article_seq = $1 ORDER BY seq`)).map((r) => ({
      dyad: [r.country_a, r.country_b] as [string, string], events: r.events, goldstein: r.goldstein, direction: r.direction as Direction, eventIds: JSON.parse(r.event_ids),
    })),
  };
  return { found };
}

export async function pgDyads(db: Db, f: { articleIds?: readonly string[] } = {}): Promise<DyadRow[]> {
  const { rows } = await db.query(`SELECT LEAST(country_a, country_b) AS a, GREATEST(country_a, country_b) AS b, COUNT(DISTINCT article_seq) AS articles,
      SUM(events) AS events, SUM(goldstein) AS goldstein, string_agg(DISTINCT direction, ',') AS directions
    FROM relations ${f.articleIds ? 'WHERE article_seq IN (SELECT seq FROM articles WHERE id = ANY($1::text[]))' : ''}
    GROUP BY 1, 2 ORDER BY events DESC, articles DESC, a, b`, f.articleIds ? [[...f.articleIds]] : []);
  return rows.map((r: Row) => {
    const dirs = String(r.directions).split(',');
    return { dyad: [r.a, r.b], articles: r.articles, events: r.events, goldstein: Math.round(r.goldstein * 100) / 100, direction: (dirs.length === 1 ? dirs[0] : 'mixed') as Direction };
  });
}

/** Full-text search over titles and texts; every word of the query must appear. */
export async function pgSearch(db: Db, query: string, limit = 20): Promise<SearchHit[]> {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const { rows } = await db.query(`SELECT a.id, a.title, a.published,
      ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM articles a, plainto_tsquery('simple', $1) q WHERE a.fts @@ q ORDER BY ts_rank(a.fts, q) DESC, a.seq LIMIT $2`,
  [words.join(' '), Math.max(1, Math.floor(limit))]);
  return rows.map((r: Row) => ({ id: r.id, title: r.title, published: r.published, snippet: r.snippet }));
}

export async function pgArticles(db: Db, f: { limit?: number; offset?: number } = {}): Promise<ArticleListRow[]> {
  const limit = Math.max(1, Math.floor(f.limit ?? 50));
  const offset = Math.max(0, Math.floor(f.offset ?? 0));
  const { rows } = await db.query(`SELECT a.id, a.title, a.standfirst, a.published, a.source, a.url, a.ingested_at,
      (SELECT COUNT(*) FROM events e WHERE e.article_seq = a.seq) AS events, (SELECT COUNT(*) FROM quotes q WHERE q.article_seq = a.seq) AS quotes
    FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT $1 OFFSET $2`, [limit, offset]);
  return rows.map((r: Row) => ({
    id: r.id, title: r.title, standfirst: r.standfirst, published: r.published, source: r.source, url: r.url, ingestedAt: r.ingested_at, events: r.events, quotes: r.quotes,
  }));
}

export async function pgAnalysis(db: Db, id: string): Promise<Analysis | null> {
  const a = (await db.query(`SELECT * FROM articles WHERE id = $1`, [id])).rows[0] as Row | undefined;
  if (!a) return null;
  const layers = JSON.parse(a.analysis) as Omit<Analysis, 'article'>;
  return { article: { id: a.id, title: a.title, standfirst: a.standfirst, published: a.published, source: a.source, url: a.url, lang: a.lang, text: a.text }, ...layers };
}

export async function pgCounts(db: Db): Promise<Counts> {
  const t = ['articles', 'entities', 'actors', 'mentions', 'times', 'quotes', 'events', 'relations'] as const;
  const { rows } = await db.query(`SELECT ${t.map((x) => `(SELECT COUNT(*) FROM ${x}) AS ${x}`).join(', ')}`);
  return rows[0] as Counts;
}

/** Every event, flat, through a server-side cursor: memory stays bounded whatever the corpus size. */
export async function* pgExport(pool: pg.Pool): AsyncGenerator<ExportRow> {
  const c = await pool.connect();
  let open = false;
  try {
    await c.query('BEGIN');
    open = true;
    await c.query(`DECLARE dyad_export NO SCROLL CURSOR FOR SELECT e.*, a.id AS article_id, a.url, a.published FROM events e JOIN articles a ON a.seq = e.article_seq
      ORDER BY e.date IS NULL, e.date, a.seq, e.seq`);
    for (;;) {
      const { rows } = await c.query('FETCH 500 FROM dyad_export');
      if (rows.length === 0) break;
      for (const r of rows as Row[]) yield toExportRow(r);
    }
  } finally {
    // also when the reader stops early: the cursor's transaction ends before the connection goes back
    if (open) await c.query('ROLLBACK').catch(() => undefined);
    c.release();
  }
}

