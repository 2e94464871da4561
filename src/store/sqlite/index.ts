import Database from 'better-sqlite3';
import type { Analysis } from '../../analyze/schema.js';
import type { Store } from '../store.js';
import { migrate } from './migrations.js';
import { iterateExport, queryActor, queryActors, queryAnalysis, queryArticle, queryArticles, queryCounts, queryDyads, queryEvents, queryQuotes, querySearch } from './queries.js';
import { createWriter } from './write.js';
import { queryRelations } from './relations.js';
import { createStoryIndex } from './stories.js';
import { queryStories } from './story-queries.js';
import { querySearchArticles } from './search.js';

export interface SqliteOptions {
  /** synchronous=FULL: commits survive power loss, not only a crash of the program (default NORMAL) */
  durable?: boolean;
  /** open an existing database without writing (no migration) */
  readonly?: boolean;
}

/** The embedded engine: one file, WAL, foreign keys, migrations on open. */
export function openSqliteStore(path: string, opts: SqliteOptions = {}): Store {
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // a writer's page cache of 16 MiB, not 2: articles land all over the indexes keyed by article id, actor name
      // and LSH band, and past a few thousand articles a small cache reads those pages back from the file at every
      // batch (64 MiB saved a little more, 1.22 -> 1.15 ms of CPU per article at 10,000 articles, but is resident
      // memory that the 500 MB budget of an ingest needs for its analyzer threads)
      db.pragma('cache_size = -16384');
      migrate(db);
    }
    db.pragma(`synchronous = ${opts.durable ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  const writer = opts.readonly ? null : createWriter(db);
  const has = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
  // stories: articles are grouped right after they are stored; on open, any left ungrouped (a crash, an old database)
  const stories = createStoryIndex(db);
  if (writer) stories.sync(true);

  return {
    engine: 'sqlite',
    async addArticle(a: Analysis, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      const result = writer.add(a, addOpts);
      if (result !== 'present') stories.sync();
      return result;
    },
    async addArticles(as, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      const results = writer.addMany(as, addOpts);
      stories.sync();
      return results;
    },
    async hasArticle(id) { return has.get(id) !== undefined; },
    async article(idOrPrefix) {
      const got = queryArticle(db, idOrPrefix);
      if (got.found) got.found.article.story = stories.storyOf(got.found.article.id);
      return got;
    },
    async events(filter) { return queryEvents(db, filter); },
    async quotes(filter) { return queryQuotes(db, filter); },
    async actors(filter) { return queryActors(db, filter); },
    async actor(name) { return queryActor(db, name); },
    async dyads(filter) { return queryDyads(db, filter); },
    async relations(query) { return queryRelations(db, query); },
    async search(query, limit) { return querySearch(db, query, limit); },
    async articles(filter) { return queryArticles(db, filter); },
    async analysis(id) {
      const a = queryAnalysis(db, id);
      if (a) a.article.story = stories.storyOf(a.article.id);
      return a;
    },
    async searchArticles(query) { return querySearchArticles(db, query); },
    async stories(filter) { return queryStories(db, filter); },
    async storyOf(articleId) { return stories.storyOf(articleId); },
    async counts() { return queryCounts(db); },
    async *exportRows() { yield* iterateExport(db); },
    async close() { if (db.open) db.close(); },
  };
}
