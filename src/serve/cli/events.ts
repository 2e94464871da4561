import { Option, type Command } from 'commander';
import type { Modality } from '../../analyze/schema.js';
import type { EventFilter } from '../../store/store.js';
import { EXIT, openDb, parseCount, parseDate, parseDyad, printJson, type Io } from './io.js';
import { formatTable } from './table.js';
import { storedEventColumns } from './views.js';

const MODALITIES: Modality[] = ['asserted', 'planned', 'reported', 'hypothetical', 'negated'];

interface Options { db?: string; dyad?: [string, string]; actor?: string; since?: string; until?: string; type?: string; modality?: Modality; limit?: number; sentences?: boolean; json?: boolean }

export async function runEvents(opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const filter: EventFilter = { dyad: opts.dyad, actor: opts.actor, since: opts.since, until: opts.until, type: opts.type, modality: opts.modality, limit: opts.limit };
    const rows = await store.events(filter);
    if (opts.json) printJson(io, rows);
    else if (rows.length === 0) io.stderr.write('no events match\n');
    else if (!opts.sentences) io.stdout.write(formatTable(rows, storedEventColumns));
    else {
      // each row followed by its evidence sentence
      const [header, ...lines] = formatTable(rows, storedEventColumns).trimEnd().split('\n');
      io.stdout.write([header, ...lines.flatMap((l, i) => [l, `    ${rows[i].sentenceText}`])].join('\n') + '\n');
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('events')
    .description('list stored events (a date marked * is the publication date: the text gave none)')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--dyad <A-B>', 'two countries, either direction (ISO alpha-3, like KOR-CHN)', parseDyad)
    .option('--actor <name>', 'source or target actor (any part of the name)')
    .option('--since <date>', 'events on or after this date (YYYY-MM-DD)', parseDate)
    .option('--until <date>', 'events on or before this date (YYYY-MM-DD)', parseDate)
    .option('--type <type>', 'PLOVER event type, like CONSULT')
    .addOption(new Option('--modality <modality>', 'asserted, planned, reported, hypothetical or negated').choices(MODALITIES))
    .option('--limit <n>', 'at most n events', parseCount)
    .option('--sentences', 'print each event\'s evidence sentence under it')
    .option('--json', 'JSON output')
    .action(async (opts: Options) => done(await runEvents(opts, io)));
}
