import type { Store } from './store.js';
import { openSqliteStore, type SqliteOptions } from './sqlite/index.js';
import { openPostgresStore, type PostgresOptions } from './postgres/index.js';

export type * from './store.js';
export type * from './relations.js';
export { normalizeName } from './names.js';

/** A `postgres://` or `postgresql://` URL (the PostgreSQL engine) rather than a file path (SQLite). */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens the store at `location`: a file path (SQLite, the default engine) or a `postgres://…` URL (the PostgreSQL
 * engine, `?schema=NAME` to keep the tables in a schema of their own); both implement the same `Store`.
 */
export function openStore(location: string, opts: SqliteOptions & PostgresOptions = {}): Store {
  if (isPostgresUrl(location)) return openPostgresStore(location, opts);
  return openSqliteStore(location, opts);
}
