import type pg from 'pg';
import { aggregateRelations, RELATION_MODALITIES, type DyadSeries, type RelationEventInput, type RelationsQuery } from '../relations.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Relations across the store, counted by the engine-independent `aggregateRelations` (as the SQLite engine does). */
export async function pgRelations(db: pg.Pool, q: RelationsQuery = {}): Promise<DyadSeries[]> {
  const where = ['e.source_country IS NOT NULL', 'e.target_country IS NOT NULL', 'e.source_country <> e.target_country', 'e.modality = ANY($1::text[])'];
  const args: unknown[] = [[...RELATION_MODALITIES]];
  const add = (v: unknown) => { args.push(v); return `$${args.length}`; };
  if (q.dyad) {
    const [a, b] = q.dyad.map((c) => add(c.toUpperCase()));
    where.push(`((e.source_country = ${a} AND e.target_country = ${b}) OR (e.source_country = ${b} AND e.target_country = ${a}))`);
  }
  if (q.since) where.push(`e.date >= ${add(q.since)}`);
  if (q.until) where.push(`substr(e.date, 1, 10) <= ${add(q.until)}`);
  const { rows } = await db.query(`SELECT a.id AS article_id, e.id, e.type, e.mode, e.cameo, e.goldstein, e.modality, e.date, e.source_country, e.target_country
      , (SELECT m.story_id FROM story_members m WHERE m.article_id = a.id) AS story_id
    FROM events e JOIN articles a ON a.seq = e.article_seq WHERE ${where.join(' AND ')}
    ORDER BY a.published IS NULL, a.published, a.seq, e.seq`, args);
  const stories = new Map<string, string>();
  const input: RelationEventInput[] = rows.map((r: Row) => {
    stories.set(r.article_id, r.story_id == null ? r.article_id : String(r.story_id));
    return {
      articleId: r.article_id, eventId: r.id, type: r.type, mode: r.mode, cameo: r.cameo, goldstein: r.goldstein,
      modality: r.modality, date: r.date, source: r.source_country, target: r.target_country,
    };
  });
  return aggregateRelations(input, (id) => stories.get(id) ?? id, q);
}
