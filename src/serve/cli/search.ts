import { Option, type Command } from 'commander';
import type { Modality } from '../../analyze/schema.js';
import type { SearchQuery } from '../../store/store.js';
import { EXIT, openDb, parseCount, parseDate, parseDyad, printJson, UsageError, type Io } from './io.js';
import { formatTable, shortId } from './table.js';

const MODALITIES: Modality[] = ['asserted', 'planned', 'reported', 'hypothetical', 'negated'];

interface Options {
  db?: string; limit?: number; json?: boolean;
  actor?: string; country?: string; dyad?: [string, string]; type?: string; modality?: Modality; since?: string; until?: string;
}

export async function runSearch(words: string[], opts: Options, io: Io): Promise<number> {
  const query: SearchQuery = {
    text: words.join(' '), actor: opts.actor, country: opts.country?.toUpperCase(), dyad: opts.dyad, type: opts.type,
    modality: opts.modality, since: opts.since, until: opts.until, limit: opts.limit ?? 20,
  };
  const filtered = Object.entries(query).some(([k, v]) => k !== 'text' && k !== 'limit' && v !== undefined);
  if (!/[\p{L}\p{N}]/u.test(query.text ?? '') && !filtered) throw new UsageError('give words to search for, or a filter (--actor, --country, --dyad, --type, --modality, --since, --until)');
  if (opts.country && !/^[A-Z]{3}$/.test(query.country!)) throw new UsageError('--country takes an ISO alpha-3 code, like KOR');
  const store = openDb(opts.db, io, 'read');
  try {
    const hits = store.searchArticles ? await store.searchArticles(query) : filtered ? null : await store.search(query.text ?? '', query.limit);
    if (hits === null) throw new UsageError(`the ${store.engine} engine cannot filter searches yet`);
    if (opts.json) printJson(io, hits);
    else if (hits.length === 0) io.stderr.write('no articles match\n');
    else io.stdout.write(formatTable(hits, [
      { header: 'ARTICLE', value: (h) => shortId(h.id) }, { header: 'PUBLISHED', value: (h) => h.published },
      { header: 'STORY', value: (h) => ('story' in h && h.story ? shortId(h.story as string) : null) },
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
    .description('full-text search over stored titles and texts (all words must appear), with filters on entities and events')
    .argument('[words...]')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--actor <name>', 'the article names this actor (any form of the name)')
    .option('--country <ISO3>', 'the article names this country or one of its people or bodies')
    .option('--dyad <A-B>', 'an event between two countries, either direction (like KOR-CHN)', parseDyad)
    .option('--type <type>', 'an event of this PLOVER type, like CONSULT')
    .addOption(new Option('--modality <modality>', 'an event of this modality').choices(MODALITIES))
    .option('--since <date>', 'published (and events, with an event filter) on or after this date', parseDate)
    .option('--until <date>', 'published (and events, with an event filter) on or before this date', parseDate)
    .option('--limit <n>', 'at most n articles', parseCount)
    .option('--json', 'JSON output')
    .action(async (words: string[], opts: Options) => done(await runSearch(words, opts, io)));
}
