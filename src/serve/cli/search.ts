import type { Command } from 'commander';
import { EXIT, openDb, parseCount, printJson, type Io } from './io.js';
import { formatTable, shortId } from './table.js';

interface Options { db?: string; limit?: number; json?: boolean }

export async function runSearch(words: string[], opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const hits = await store.search(words.join(' '), opts.limit ?? 20);
    if (opts.json) printJson(io, hits);
    else if (hits.length === 0) io.stderr.write('no articles match\n');
    else io.stdout.write(formatTable(hits, [
      { header: 'ARTICLE', value: (h) => shortId(h.id) }, { header: 'PUBLISHED', value: (h) => h.published },
      { header: 'TITLE', value: (h) => h.title, max: 50 }, { header: 'MATCH', value: (h) => h.snippet, max: 80 },
    ]));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('search')
    .description('full-text search over stored titles and texts (all words must appear)')
    .argument('<words...>')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--limit <n>', 'at most n articles', parseCount)
    .option('--json', 'JSON output')
    .action(async (words: string[], opts: Options) => done(await runSearch(words, opts, io)));
}
