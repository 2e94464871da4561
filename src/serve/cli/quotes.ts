import type { Command } from 'commander';
import { EXIT, openDb, parseCount, printJson, type Io } from './io.js';
import { formatTable } from './table.js';
import { storedQuoteColumns } from './views.js';

interface Options { db?: string; speaker?: string; limit?: number; json?: boolean }

export async function runQuotes(opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const rows = await store.quotes({ speaker: opts.speaker, limit: opts.limit });
    if (opts.json) printJson(io, rows);
    else if (rows.length === 0) io.stderr.write('no quotes match\n');
    else io.stdout.write(formatTable(rows, storedQuoteColumns));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('quotes')
    .description('list stored quotes')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--speaker <name>', 'quotes by this speaker (any form of the name)')
    .option('--limit <n>', 'at most n quotes', parseCount)
    .option('--json', 'JSON output')
    .action(async (opts: Options) => done(await runQuotes(opts, io)));
}
