import Database from 'better-sqlite3';
import type { Analysis } from '../../analyze/schema.js';
import type { Store } from '../store.js';
import { migrate } from './migrations.js';
import { iterateExport, queryActor, queryActors, queryAnalysis, queryArticle, queryArticles, queryCounts, queryDyads, queryEvents, queryQuotes, querySearch } from './queries.js';
import { createWriter } from './write.js';
import { queryRelations } from './relations.js';

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

  return {
    engine: 'sqlite',
    async addArticle(a: Analysis, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      return writer.add(a, addOpts);
    },
    async addArticles(as, addOpts) {
      if (!writer) throw new Error('E_READONLY: the store was opened read-only');
      return writer.addMany(as, addOpts);
    },
    async hasArticle(id) { return has.get(id) !== undefined; },
    async article(idOrPrefix) { return queryArticle(db, idOrPrefix); },
    async events(filter) { return queryEvents(db, filter); },
    async quotes(filter) { return queryQuotes(db, filter); },
    async actors(filter) { return queryActors(db, filter); },
    async actor(name) { return queryActor(db, name); },
    async dyads(filter) { return queryDyads(db, filter); },
    async relations(query) { return queryRelations(db, query); },
    async search(query, limit) { return querySearch(db, query, limit); },
    async articles(filter) { return queryArticles(db, filter); },
    async analysis(id) { return queryAnalysis(db, id); },
    async counts() { return queryCounts(db); },
    async *exportRows() { yield* iterateExport(db); },
    async close() { if (db.open) db.close(); },
  };
}
