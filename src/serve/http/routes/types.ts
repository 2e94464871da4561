import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../../../store/store.js';

export type App = OpenAPIHono;

/** What the routes share. */
export interface Deps {
  store: Store;
  /** largest ingest body in bytes */
  maxBody: number;
  /** most articles in one ingest batch */
  maxBatch: number;
}

/** One page out of a query that takes a limit: ask for one more row to know whether there is a next page. */
export async function paged<T>(limit: number, offset: number, fetch: (limit: number) => Promise<T[]>) {
  const rows = await fetch(offset + limit + 1);
  const items = rows.slice(offset, offset + limit);
  return { items, offset, limit, next: rows.length > offset + limit ? offset + limit : null };
}
