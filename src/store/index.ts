import type { Store } from './store.js';
import { openSqliteStore, type SqliteOptions } from './sqlite/index.js';

export type * from './store.js';
export type * from './relations.js';
export { normalizeName } from './names.js';

/**
 * Opens the store at `location`: a file path (SQLite, the default engine). A `postgres://` URL is reserved for
 * the PostgreSQL engine, which implements the same `Store` interface.
 */
export function openStore(location: string, opts: SqliteOptions = {}): Store {
  if (/^postgres(ql)?:\/\//.test(location)) throw new Error('E_ENGINE: the PostgreSQL engine is not available yet; use a SQLite file');
  return openSqliteStore(location, opts);
}
