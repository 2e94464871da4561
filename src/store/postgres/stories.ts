// Stories in PostgreSQL: the same grouping as the SQLite engine's (`../sqlite/stories.ts`): MinHash signatures, LSH
// bands, an article joins the story of the closest article it matches, a story's id is its first stored article's
// and never changes (stories never merge). Grouping
// runs after articles are stored, under an advisory lock (one grouper at a time across all writers), over every
// article waiting in `story_pending` (written with the article), so an article stored by a worker that died before
// grouping is grouped by the next one.
import type pg from 'pg';
import type { Analysis } from '../../analyze/schema.js';
import { storyBrief, type BriefArticle } from '../../analyze/summary/story.js';
import { bandKeys, fromBlob, signatureOf, toBlob, type Signature } from '../stories/minhash.js';
import { compare } from '../stories/match.js';
import { BUCKET_READ } from '../sqlite/stories.js';
import type { StoryFilter, StoryRow } from '../store.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Db = pg.Pool | pg.PoolClient;

async function matches(c: pg.PoolClient, sig: Signature, self: number): Promise<{ id: string; story: string; similarity: number }[]> {
  const keys = bandKeys(sig);
  // the first BUCKET_READ articles of each bucket, in the order SQLite reads them (band, then seq)
  const { rows: inBands } = await c.query({
    name: 'dyad-story-buckets',
    // per bucket, the first BUCKET_READ rows straight from the primary key (band, key, seq): a bucket that every
    // article of a big story shares costs no more than a small one
    text: `SELECT k.band, b.seq FROM unnest($1::int[], $2::bigint[]) AS k(band, key)
      CROSS JOIN LATERAL (SELECT seq FROM story_bands s WHERE s.band = k.band AND s.key = k.key ORDER BY s.seq LIMIT ${BUCKET_READ}) b
      ORDER BY k.band, b.seq`,
    values: [keys.map((_, i) => i), keys],
  });
  const seqs = [...new Set(inBands.map((r: Row) => Number(r.seq)))].filter((seq) => seq !== self);
  if (seqs.length === 0) return [];
  const { rows: info } = await c.query({
    name: 'dyad-story-signatures',
    text: `SELECT s.seq, a.id, s.signature, s.size, m.story_id FROM story_signatures s JOIN articles a ON a.seq = s.seq
    LEFT JOIN story_members m ON m.article_id = a.id WHERE s.seq = ANY($1::bigint[])`,
    values: [seqs],
  });
  const bySeq = new Map(info.map((r: Row) => [Number(r.seq), r]));
  const seen = new Set<number>([self]);
  const found = new Set<string>();
  const out: { id: string; story: string; similarity: number }[] = [];
  for (const row of inBands as Row[]) {
    const seq = Number(row.seq);
    if (seen.has(seq)) continue;
    seen.add(seq);
    const r = bySeq.get(seq);
    if (!r) continue;
    const id = r.id as string;
    const story = (r.story_id as string | null) ?? id;
    if (found.has(story)) continue;
    const m = compare(sig, fromBlob(r.signature, r.size));
    if (m.same) { found.add(story); out.push({ id, story, similarity: m.similarity }); }
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}

async function assign(c: pg.PoolClient, seq: number, id: string, text: string): Promise<void> {
  const sig = signatureOf(text);
  const found = await matches(c, sig, seq);
  await c.query(`INSERT INTO story_signatures (seq, signature, size) VALUES ($1, $2, $3)
    ON CONFLICT (seq) DO UPDATE SET signature = EXCLUDED.signature, size = EXCLUDED.size`, [seq, toBlob(sig), sig.size]);
  const keys = bandKeys(sig);
  await c.query(`INSERT INTO story_bands (band, key, seq) SELECT band, key, $3 FROM unnest($1::int[], $2::bigint[]) AS k(band, key)
    ON CONFLICT DO NOTHING`, [keys.map((_, i) => i), keys, seq]);
  // the story of the closest article; stories never merge (as the SQLite engine: single-link merging chains
  // unrelated stories through mixed articles)
  const story = found.length > 0 ? found[0].story : id;
  await c.query(`INSERT INTO story_members (article_id, story_id, seq, similarity) VALUES ($1, $2, $3, $4)
    ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, seq = EXCLUDED.seq, similarity = EXCLUDED.similarity`,
  [id, story, seq, found.length > 0 ? found[0].similarity : null]);
}

/** Groups every article not in a story yet, in the order they were stored; returns how many. */
export async function syncStoriesPg(c: pg.PoolClient): Promise<number> {
  await c.query('BEGIN');
  try {
    // grouping is derived data: if the server crashed before this commit reached the disk, the whole transaction
    // is lost, its articles are back in story_pending and the next grouping redoes them; so it need not wait for
    // the flush (one disk sync per article instead of two)
    await c.query(`SET LOCAL synchronous_commit = off`);
    await c.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dyad-stories'))`);
    const { rows } = await c.query(`SELECT a.seq, a.id, a.text FROM story_pending p JOIN articles a ON a.id = p.article_id ORDER BY p.seq`);
    for (const r of rows as Row[]) await assign(c, Number(r.seq), r.id, r.text);
    if (rows.length > 0) await c.query(`DELETE FROM story_pending WHERE article_id = ANY($1::text[])`, [rows.map((r: Row) => r.id)]);
    await c.query('COMMIT');
    return rows.length;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

export async function pgStoryOf(db: Db, articleId: string): Promise<string | null> {
  return ((await db.query(`SELECT story_id FROM story_members WHERE article_id = $1`, [articleId])).rows[0]?.story_id as string | undefined) ?? null;
}

const BRIEF_ARTICLES = 12;

/** Stories, largest and latest first (as `../sqlite/story-queries.ts`). */
export async function pgStories(db: Db, f: StoryFilter = {}): Promise<StoryRow[]> {
  const args: unknown[] = [f.minArticles ?? 1];
  let where = '';
  if (f.articleIds) { args.push([...f.articleIds]); where = `WHERE m.story_id IN (SELECT story_id FROM story_members WHERE article_id = ANY($2::text[]))`; }
  const limit = f.limit ? `LIMIT ${Math.max(1, Math.floor(f.limit))}` : '';
  const offset = f.offset ? `OFFSET ${Math.max(0, Math.floor(f.offset))}` : '';
  const { rows } = await db.query(`SELECT m.story_id AS id, COUNT(*) AS n, MIN(a.published) AS first, MAX(a.published) AS last, MIN(a.seq) AS seq
    FROM story_members m JOIN articles a ON a.id = m.article_id ${where}
    GROUP BY m.story_id HAVING COUNT(*) >= $1 ORDER BY n DESC, MAX(a.published) IS NULL, MAX(a.published) DESC, MIN(a.seq) ${limit} ${offset}`, args);
  const out: StoryRow[] = [];
  for (const r of rows as Row[]) {
    const arts = (await db.query(`SELECT a.id, a.title, a.text, a.analysis FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.story_id = $1 ORDER BY a.seq`, [r.id])).rows as Row[];
    const actors = (await db.query(`SELECT ac.name, ac.type, ac.country, COUNT(DISTINCT en.article_seq) AS articles, COUNT(*) AS entities
      FROM story_members m JOIN articles a ON a.id = m.article_id JOIN entities en ON en.article_seq = a.seq JOIN actors ac ON ac.id = en.actor_id
      WHERE m.story_id = $1 AND ac.type IN ('PERSON', 'ORGANIZATION', 'COUNTRY')
      GROUP BY ac.id ORDER BY articles DESC, ac.type = 'COUNTRY', entities DESC, ac.name LIMIT 5`, [r.id])).rows as Row[];
    const brief: BriefArticle[] = arts.slice(0, BRIEF_ARTICLES).map((a) => {
      const layers = JSON.parse(a.analysis) as Partial<Analysis>;
      return { id: a.id, text: a.text, sentences: layers.sentences ?? [], events: layers.events ?? [] };
    });
    out.push({
      id: r.id, title: arts[0]?.title ?? '', articles: r.n, articleIds: arts.map((a) => a.id as string), first: r.first, last: r.last,
      topActors: actors.map((x) => ({ name: x.name, type: x.type, country: x.country, articles: x.articles })),
      brief: storyBrief(brief),
    });
  }
  return out;
}
