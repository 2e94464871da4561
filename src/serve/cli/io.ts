import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { normalizeDate } from '../../ingest/article.js';
import { isPostgresUrl, openStore, type Store } from '../../store/index.js';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

let pipeGuard = false;

/** The process's streams. A closed pipe (`dyad export | head`) ends the program quietly, as in other Unix tools. */
export function processIo(): Io {
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, internal: 70, interrupted: 130 } as const;

/** A mistake in how dyad was called (bad value, missing file): one line on stderr, exit 2. */
export class UsageError extends Error {}

/** A command ran but what was asked for is not there (no such article or actor): exit 1. */
export class NotFoundError extends Error {}

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || normalizeDate(value) !== value) throw new InvalidArgumentError('expected a date as YYYY-MM-DD.');
  return value;
}

export function parseDyad(value: string): [string, string] {
  const m = /^([A-Za-z]{3})[-–:/]([A-Za-z]{3})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected two ISO country codes, like KOR-CHN.');
  return [m[1].toUpperCase(), m[2].toUpperCase()];
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

/** The database: --db, else $DYAD_DB, else ./dyad.db. */
export function dbPath(opt: string | undefined, io: Io): string {
  const location = opt ?? io.env.DYAD_DB ?? 'dyad.db';
  return isPostgresUrl(location) ? location : resolve(location);
}

/** Opens the store; for queries the database must already exist. */
export function openDb(opt: string | undefined, io: Io, mode: 'write' | 'read', engine: { durable?: boolean; cacheMiB?: number } = {}): Store {
  const path = dbPath(opt, io);
  if (mode === 'read' && !isPostgresUrl(path) && !existsSync(path)) throw new UsageError(`no database at ${path} (run "dyad ingest FILE…" first, or give --db FILE)`);
  try {
    // an older database is upgraded on open: say so, since rewriting its tables can take a while
    const upgrading = (from: number, to: number) => io.stderr.write(`dyad: upgrading ${path} from schema ${from} to ${to} (once; large databases take a while)\n`);
    return openStore(path, { ...engine, upgrading });
  } catch (err) {
    throw new UsageError(`cannot open database ${path}: ${(err as Error).message}`);
  }
}

/** Paths that do not exist are a usage error, caught before anything is read. */
export function requireExisting(paths: readonly string[]): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
}

export function printJson(io: Io, value: unknown): void {
  io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** "12 events" / "1 event" */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
