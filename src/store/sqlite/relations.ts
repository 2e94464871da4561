import type Database from 'better-sqlite3';
import { aggregateRelations, RELATION_MODALITIES, type DyadSeries, type RelationEventInput, type RelationsQuery } from '../relations.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Which story an article belongs to: its `story_members.story_id` (migration 2) (near-duplicate articles
 * clustered into stories), else the article is its own story. The one place to switch when stories arrive.
 */
export function storyResolver(db: Database.Database): (articleId: string) => string {
  const hasStories = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_members'`).get() !== undefined;
  if (!hasStories) return (articleId) => articleId;
  const get = db.prepare(`SELECT story_id FROM story_members WHERE article_id = ?`).pluck();
  const cache = new Map<string, string>();
  return (articleId) => {
    let story = cache.get(articleId);
    if (story === undefined) {
      const s = get.get(articleId);
      story = s == null ? articleId : String(s);
      cache.set(articleId, story);
    }
    return story;
  };
}

/** The candidate events of relations, in reading order (earliest article first), streamed from the events table. */
function* candidates(db: Database.Database, q: RelationsQuery): Generator<RelationEventInput> {
  const where = [
    'e.source_country IS NOT NULL', 'e.target_country IS NOT NULL', 'e.source_country <> e.target_country',
    `e.modality IN (${RELATION_MODALITIES.map(() => '?').join(', ')})`,
  ];
  const args: unknown[] = [...RELATION_MODALITIES];
  if (q.dyad) {
    const [a, b] = q.dyad.map((c) => c.toUpperCase());
    where.push('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))');
    args.push(a, b, b, a);
  }
  if (q.since) { where.push('e.date >= ?'); args.push(q.since); }
  if (q.until) { where.push('substr(e.date, 1, 10) <= ?'); args.push(q.until); }
  const sql = `SELECT a.id AS article_id, e.id, e.type, e.mode, e.cameo, e.goldstein, e.modality, e.date, e.source_country, e.target_country
    FROM events e JOIN articles a ON a.seq = e.article_seq WHERE ${where.join(' AND ')}
    ORDER BY a.published IS NULL, a.published, a.seq, e.rowid`;
  for (const r of db.prepare(sql).iterate(...args) as IterableIterator<Row>) {
    yield {
      articleId: r.article_id, eventId: r.id, type: r.type, mode: r.mode, cameo: r.cameo, goldstein: r.goldstein,
      modality: r.modality, date: r.date, source: r.source_country, target: r.target_country,
    };
  }
}

/** Relations across the store: one series per dyad, each event counted once per story, planned events apart. */
export function queryRelations(db: Database.Database, q: RelationsQuery = {}): DyadSeries[] {
  return aggregateRelations(candidates(db, q), storyResolver(db), q);
}
