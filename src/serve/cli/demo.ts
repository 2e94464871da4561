import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { listInputs } from '../../ingest/read.js';
import { formatProblem, isError } from '../../ingest/problem.js';
import { countLine, ingestFiles } from './ingest.js';
import { dbPath, EXIT, openDb, plural, printJson, type Io } from './io.js';
import { formatTable } from './table.js';
import { dyadColumns, storedEventColumns, storedQuoteColumns } from './views.js';

/** The examples/ folder of this package, from src/ (tests) or dist/src/ (built). */
export function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return join(dir, 'examples');
    dir = dirname(dir);
  }
  throw new Error('E_NO_EXAMPLES: the examples/ folder of the package is missing');
}

/** examples/published.json gives the plain-text examples their publication dates (JSON Lines records carry their own). */
function publishedDates(dir: string): Record<string, string> {
  const file = join(dir, 'published.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

interface Options { db?: string; json?: boolean }

const shown = (p: string) => { const r = relative(process.cwd(), p); return r && !r.startsWith('..') ? r : p; };

/** `dyad demo` (and `npm start`): ingests the examples into the database and prints what was found. */
export async function runDemo(opts: Options, io: Io): Promise<number> {
  const dir = examplesDir();
  const dates = publishedDates(dir);
  const path = dbPath(opts.db, io);
  if (!opts.json) io.stdout.write(`dyad demo: analyzing the example articles in ${shown(dir)} into ${path}\n`);
  const { files, problems } = await listInputs([dir]);
  const store = openDb(opts.db, io, 'write');
  try {
    // re-analyzed every time (they are few), so the demo always shows what the analysis finds now
    const sum = await ingestFiles(store, files, { published: (file) => dates[basename(file)], reanalyze: true, collectIds: true }, io);
    // the folder also holds this README and published.json: skipped-file notes are not news here
    for (const p of problems.filter(isError)) io.stderr.write(formatProblem(p) + '\n');
    // what the examples hold, even when the database holds more
    const articleIds = sum.ids;
    const c = await store.counts();
    const dyads = await store.dyads({ articleIds });
    const events = await store.events({ articleIds });
    const quotes = await store.quotes({ articleIds });
    const code = sum.failed > 0 ? EXIT.someFailed : EXIT.ok;
    if (opts.json) {
      printJson(io, { ingest: { added: sum.added, present: sum.present, reanalyzed: sum.reanalyzed, failed: sum.failed }, counts: c, events, quotes, dyads });
      return code;
    }
    io.stdout.write(countLine(sum) + '\n\n');
    io.stdout.write(`In the database: ${plural(c.articles, 'article')}, ${plural(c.entities, 'entity', 'entities')} (${plural(c.actors, 'actor')} across articles), ` +
      `${plural(c.times, 'time expression')}, ${plural(c.quotes, 'quote')}, ${plural(c.events, 'event')}, ${plural(dyads.length, 'dyad')}.\n`);
    io.stdout.write(`\nIn the ${plural(articleIds.length, 'example article')}:\n\nEvents (a date marked * is the publication date):\n`);
    io.stdout.write(events.length ? formatTable(events, storedEventColumns) : '  none found yet\n');
    io.stdout.write('\nQuotes:\n');
    io.stdout.write(quotes.length ? formatTable(quotes, storedQuoteColumns) : '  none found yet\n');
    io.stdout.write('\nRelations between countries:\n');
    io.stdout.write(dyads.length ? formatTable(dyads, dyadColumns) : '  none found yet\n');
    const db = opts.db ? ` --db ${opts.db}` : '';
    io.stdout.write(`\nTry next:\n  dyad events${db} --dyad ${dyads[0]?.dyad.join('-') ?? 'KOR-CHN'}\n  dyad quotes${db}\n  dyad actors${db}\n` +
      `  dyad show${db} ${events[0]?.articleId.slice(0, 10) ?? 'ARTICLE-ID'}\n  dyad export${db} --format csv --out events.csv\n`);
    return code;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('demo')
    .description('analyze the bundled example articles into the database and show what was found')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--json', 'JSON output: counts, events, quotes, dyads')
    .action(async (opts: Options) => done(await runDemo(opts, io)));
}
