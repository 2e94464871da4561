// For tests against a real PostgreSQL (the store contract, the queue workers): where it is, whether it answers,
// and a schema of its own per test, dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const pgTestUrl = (env: Record<string, string | undefined> = process.env): string =>
  env.DYAD_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** null when PostgreSQL answers at `url`, else why not. */
export async function pgUnreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A new schema name, unique to this run (`dyad_test_…`), and the store URL that keeps its tables there. */
export function freshSchemaUrl(url: string): { url: string; schema: string } {
  const schema = `dyad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return { url: u.toString(), schema };
}

export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await c.end();
  }
}

/**
 * Whether the tests needing a service at `url` run: always under CI=true (where the machine provides it, so an
 * unreachable service fails them), else only when it answers, with a clear notice when it does not.
 */
export function shouldRun(what: string, url: string, unreachable: string | null, env: Record<string, string | undefined> = process.env): boolean {
  if (!unreachable || env.CI === 'true') return true;
  console.warn(`\n  NOTICE: ${what} at ${url} is unreachable (${unreachable}); its tests are SKIPPED here. They run (and are required) under CI=true.\n`);
  return false;
}
