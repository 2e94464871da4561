import type Database from 'better-sqlite3';
import type { Analysis } from '../../analyze/schema.js';
import { storyBrief, type BriefArticle } from '../../analyze/summary/story.js';
import type { StoryFilter, StoryRow } from '../store.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** articles read for a story's brief: the first ones stored tell it, later ones mostly repeat it */
const BRIEF_ARTICLES = 12;

/** Stories, largest and latest first, each with its articles, dates, top actors and a brief. */
export function queryStories(db: Database.Database, f: StoryFilter = {}): StoryRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.articleIds) { where.push(`m.story_id IN (SELECT story_id FROM story_members WHERE article_id IN (SELECT value FROM json_each(?)))`); args.push(JSON.stringify(f.articleIds)); }
  const limit = f.limit ? Math.max(1, Math.floor(f.limit)) : -1;
  const offset = f.offset ? Math.max(0, Math.floor(f.offset)) : 0;
  const rows = db.prepare(`SELECT m.story_id AS id, COUNT(*) AS n, MIN(a.published) AS first, MAX(a.published) AS last, MIN(a.seq) AS seq
    FROM story_members m JOIN articles a ON a.id = m.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY m.story_id HAVING COUNT(*) >= ? ORDER BY n DESC, last IS NULL, last DESC, seq LIMIT ? OFFSET ?`).all(...args, f.minArticles ?? 1, limit, offset) as Row[];
  const members = db.prepare(`SELECT a.id, a.title, a.text, a.analysis FROM story_members m JOIN articles a ON a.id = m.article_id
    WHERE m.story_id = ? ORDER BY a.seq`);
  const actors = db.prepare(`SELECT ac.name, ac.type, ac.country, COUNT(DISTINCT en.article_seq) AS articles, COUNT(*) AS entities
    FROM story_members m JOIN articles a ON a.id = m.article_id JOIN entities en ON en.article_seq = a.seq JOIN actors ac ON ac.id = en.actor_id
    WHERE m.story_id = ? AND ac.type IN ('PERSON', 'ORGANIZATION', 'COUNTRY')
    GROUP BY ac.id ORDER BY articles DESC, ac.type = 'COUNTRY', entities DESC, ac.name LIMIT 5`);
  return rows.map((r) => {
    const arts = members.all(r.id) as Row[];
    const brief: BriefArticle[] = arts.slice(0, BRIEF_ARTICLES).map((a) => {
      const layers = JSON.parse(a.analysis) as Partial<Analysis>;
      return { id: a.id, text: a.text, sentences: layers.sentences ?? [], events: layers.events ?? [] };
    });
    return {
      id: r.id, title: arts[0]?.title ?? '', articles: r.n, articleIds: arts.map((a) => a.id as string), first: r.first, last: r.last,
      topActors: (actors.all(r.id) as Row[]).map((x) => ({ name: x.name, type: x.type, country: x.country, articles: x.articles })),
      brief: storyBrief(brief),
    };
  });
}
