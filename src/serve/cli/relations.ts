import { Option, type Command } from 'commander';
import type { DyadSeries, RelationFigures, RelationPeriodUnit } from '../../store/relations.js';
import { EXIT, openDb, parseCount, parseDate, plural, printJson, UsageError, type Io } from './io.js';
import { formatTable, shortId, type Column } from './table.js';

interface Options { db?: string; by: RelationPeriodUnit; since?: string; until?: string; limit?: number; events?: boolean; json?: boolean }

const topTypes = (f: Pick<RelationFigures, 'types'>, n = 3) => f.types.slice(0, n).map((t) => `${t.type} ${t.events}`).join(', ') + (f.types.length > n ? ', …' : '');
const num = (x: number) => x.toFixed(1);

type PeriodRow = RelationFigures & { period: string };
const periodColumns: Column<PeriodRow>[] = [
  { header: 'PERIOD', value: (p) => p.period },
  { header: 'EVENTS', value: (p) => p.events, align: 'right' },
  { header: 'COOPERATIVE', value: (p) => p.events ? `${p.cooperative} (${Math.round(p.cooperativeShare * 100)}%)` : '0', align: 'right' },
  { header: 'CONFLICTUAL', value: (p) => p.events ? `${p.conflictual} (${Math.round(p.conflictualShare * 100)}%)` : '0', align: 'right' },
  { header: 'GOLDSTEIN', value: (p) => num(p.goldstein), align: 'right' },
  { header: 'DIRECTION', value: (p) => p.direction },
  { header: 'PLANNED', value: (p) => p.planned.events, align: 'right' },
  { header: 'TOP TYPES', value: (p) => topTypes(p) || (p.planned.events ? `(planned: ${topTypes(p.planned)})` : '') },
];

const dyadColumns: Column<DyadSeries>[] = [
  { header: 'DYAD', value: (s) => s.dyad.join('–') },
  { header: 'EVENTS', value: (s) => s.total.events, align: 'right' },
  { header: 'COOPERATIVE', value: (s) => s.total.cooperative, align: 'right' },
  { header: 'CONFLICTUAL', value: (s) => s.total.conflictual, align: 'right' },
  { header: 'GOLDSTEIN', value: (s) => num(s.total.goldstein), align: 'right' },
  { header: 'DIRECTION', value: (s) => s.total.direction },
  { header: 'PLANNED', value: (s) => s.total.planned.events, align: 'right' },
  { header: 'STORIES', value: (s) => s.total.stories, align: 'right' },
  { header: 'FIRST', value: (s) => s.total.first },
  { header: 'LAST', value: (s) => s.total.last },
  { header: 'TOP TYPES', value: (s) => topTypes(s.total) },
];

function parseCountry(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new UsageError(`"${value}" is not an ISO alpha-3 country code, like KOR`);
  return value.toUpperCase();
}

/** The events behind one period's figures, one line each: counted ones, then planned ones. */
function eventLines(p: RelationFigures): string[] {
  const line = (e: RelationFigures['counted'][number]) => `    ${shortId(e.articleId)}:${e.eventId}  ${e.date ?? '–'}  ${e.type}${e.mode ? `/${e.mode}` : ''}  ${e.source}→${e.target}  ${e.modality}  ${e.goldstein}`
    + (e.repeats.length ? `  (+${e.repeats.length} repeated: ${e.repeats.map((r) => `${shortId(r.articleId)}:${r.eventId}`).join(', ')})` : '');
  return [...p.counted.map(line), ...p.planned.counted.map(line)];
}

function printSeries(s: DyadSeries, opts: Options, io: Io): void {
  const t = s.total;
  io.stdout.write(`${s.dyad.join('–')} by ${s.by}: ${plural(t.events, 'event')} in ${plural(t.stories, 'story', 'stories')} (${t.cooperative} cooperative, ${t.conflictual} conflictual),`
    + ` Goldstein ${num(t.goldstein)}, ${t.direction ?? 'no events that happened'}; ${t.planned.events} planned; ${s.dyad[0]}→${s.dyad[1]} ${t.fromFirst}, ${s.dyad[1]}→${s.dyad[0]} ${t.fromSecond}\n`);
  const rows: PeriodRow[] = [...s.periods, ...(s.undated ? [{ ...s.undated, period: 'undated' }] : [])];
  const table = formatTable(rows, periodColumns).trimEnd().split('\n');
  if (!opts.events) { io.stdout.write(table.join('\n') + '\n'); return; }
  const [header, ...lines] = table;
  io.stdout.write([header, ...lines.flatMap((l, i) => [l, ...eventLines(rows[i])])].join('\n') + '\n');
}

export async function runRelations(countries: string[], opts: Options, io: Io): Promise<number> {
  if (countries.length === 1 || countries.length > 2) throw new UsageError('give two countries (like "dyad relations KOR CHN"), or none to list the most active dyads');
  const dyad = countries.length === 2 ? countries.map(parseCountry) as [string, string] : undefined;
  if (dyad && dyad[0] === dyad[1]) throw new UsageError('a dyad is two different countries');
  const store = openDb(opts.db, io, 'read');
  try {
    const series = await store.relations({ dyad, by: opts.by, since: opts.since, until: opts.until, limit: dyad ? undefined : opts.limit ?? 20 });
    if (dyad) {
      const s = series[0];
      if (opts.json) printJson(io, s ?? { dyad: [...dyad].sort(), by: opts.by, periods: [], undated: null, total: null });
      else if (!s) io.stderr.write(`no events between ${dyad[0]} and ${dyad[1]}${opts.since || opts.until ? ' in that time' : ''}\n`);
      else printSeries(s, opts, io);
    } else if (opts.json) {
      printJson(io, series.map((s) => ({ dyad: s.dyad, ...s.total })));
    } else if (series.length === 0) {
      io.stderr.write('no events between two countries stored\n');
    } else {
      io.stdout.write(formatTable(series, dyadColumns));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('relations')
    .description('relations between two countries over time (events that happened, once per story; planned ones apart), or the most active dyads')
    .argument('[countries...]', 'two ISO alpha-3 codes, like KOR CHN; none to list dyads')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .addOption(new Option('--by <period>', 'day, week (ISO) or month').choices(['day', 'week', 'month']).default('month'))
    .option('--since <date>', 'events on or after this date (YYYY-MM-DD)', parseDate)
    .option('--until <date>', 'events on or before this date (YYYY-MM-DD)', parseDate)
    .option('--limit <n>', 'at most n dyads in the list (default 20)', parseCount)
    .option('--events', 'print the events behind each period (article:event, date, type, direction, modality, Goldstein)')
    .option('--json', 'JSON output, with the events behind every figure')
    .action(async (countries: string[], opts: Options) => done(await runRelations(countries, opts, io)));
}
