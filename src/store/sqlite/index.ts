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
  /** told before each migration step of a database made by an older dyad */
  upgrading?: (from: number, to: number) => void;
  /** the writer's page cache in MiB (default WRITER_CACHE_MIB); `dyad ingest` gives more when it runs few threads */
  cacheMiB?: number;
}

/**
 * The writer's SQLite page cache by default, in MiB. Articles land all over the indexes keyed by actor, LSH band and
 * content id: past tens of thousands of articles a small cache reads those pages back from the file at every batch.
 */
export const WRITER_CACHE_MIB = 64;

/**
 * The page cache `dyad ingest` asks for with at most one analyzer thread: the memory a second thread would take. 5,000
 * new articles into a database of 100,000 (one analyzer thread): 43% fewer page reads and 20% fewer page writes than
 * with 64 MiB (system calls counted with strace), 4–16% less time (two runs each), 65–70 MB more resident memory.
 */
export const ROOMY_CACHE_MIB = 128;

/** The cache for an ingest with `threads` analyzer threads (the rest of its memory grows with the threads). */
export const ingestCacheMiB = (threads: number): number => (threads <= 1 ? ROOMY_CACHE_MIB : WRITER_CACHE_MIB);

/**
 * Articles stored between two groupings into stories (src/store/stories), at most, unless something is read: each
 * article adds a row to each of MINHASH.bands buckets all over the story index, and a grouping dirties each page
 * it touches once, however many of its rows it adds; 1,000 articles at a time wrote a tenth of the pages that 100
 * did, once the index was larger than the page cache.
 */
export const STORY_SYNC_EVERY = 1000;

/** The embedded engine: one file, WAL, foreign keys, migrations on open. */
export function openSqliteStore(path: string, opts: SqliteOptions = {}): Store {
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma('busy_timeout = 10000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // a writer's page cache of 32 MiB, not 2: articles land all over the indexes keyed by article id, actor name
      // and LSH band, and past a few thousand articles a small cache reads those pages back from the file at every
      // batch. With a WAL of up to 10,000 pages (40 MiB on disk) before it is copied back into the database, a page
      // that many batches change is copied once per checkpoint. Both together: 50,000 articles ingested in 128 s
      // instead of 138–139 (two runs each), for 16–20 MB more resident memory (448–453 MB at the peak then). Since the
      // analyzer threads hold less (an ingest peaked at ~330 MB), 64 MiB: 5,000 new articles into a database of
      // 100,000 made 24% fewer page reads and 12% fewer page writes (system calls counted with strace; 128 MiB:
      // 56% and 29% fewer, but two analyzer threads and the writer would pass 500 MB: see ingestCacheMiB).
      db.pragma(`cache_size = ${-1024 * Math.max(2, Math.round(opts.cacheMiB ?? WRITER_CACHE_MIB))}`);
      db.pragma('wal_autocheckpoint = 10000');
      migrate(db, opts.upgrading);
    }
    db.pragma(`synchronous = ${opts.durable ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  const writer = opts.readonly ? null : createWriter(db);
  const has = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
  // stories: articles are grouped once STORY_SYNC_EVERY have been stored since the last grouping, before anything is
  // read, on settle() (the end of an ingest) and on close; on open, any left ungrouped (a crash, an old database)
  const stories = createStoryIndex(db);
  if (writer) stories.sync(true);
  let ungrouped = 0;
  const group = () => { if (ungrouped > 0) { ungrouped = 0; stories.sync(); } };
  const stored = (n: number) => { ungrouped += n; if (ungrouped >= STORY_SYNC_EVERY) group(); };

  return {
    engine: 'sqlite',
    async addArticle(a: Analysis, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      const result = writer.add(a, addOpts);
      if (result !== 'present') stored(1);
      return result;
    },
    async addArticles(as, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      const results = writer.addMany(as, addOpts);
      stored(results.filter((r) => r === 'added' || r === 'replaced').length);
      return results;
    },
    async hasArticle(id) { return has.get(id) !== undefined; },
    async article(idOrPrefix) {
      group();
      const got = queryArticle(db, idOrPrefix);
      if (got.found) got.found.article.story = stories.storyOf(got.found.article.id);
      return got;
    },
    async events(filter) { group(); return queryEvents(db, filter); },
    async quotes(filter) { group(); return queryQuotes(db, filter); },
    async actors(filter) { group(); return queryActors(db, filter); },
    async actor(name) { group(); return queryActor(db, name); },
    async dyads(filter) { group(); return queryDyads(db, filter); },
    async relations(query) { group(); return queryRelations(db, query); },
    async search(query, limit) { group(); return querySearch(db, query, limit); },
    async articles(filter) { group(); return queryArticles(db, filter); },
    async analysis(id) {
      group();
      const a = queryAnalysis(db, id);
      if (a) a.article.story = stories.storyOf(a.article.id);
      return a;
    },
    async searchArticles(query) { group(); return querySearchArticles(db, query); },
    async stories(filter) { group(); return queryStories(db, filter); },
    async storyOf(articleId) { group(); return stories.storyOf(articleId); },
    async counts() { group(); return queryCounts(db); },
    async *exportRows() { group(); yield* iterateExport(db); },
    async settle() { group(); },
    async close() {
      if (!db.open) return;
      group();
      db.close();
    },
  };
}
