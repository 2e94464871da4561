import type { Command } from 'commander';
import type { ActorDetail } from '../../store/store.js';
import { EXIT, NotFoundError, openDb, parseCount, plural, printJson, type Io } from './io.js';
import { formatTable } from './table.js';
import { actorColumns } from './views.js';

interface ListOptions { db?: string; type?: string; limit?: number; json?: boolean }
interface OneOptions { db?: string; json?: boolean }

export async function runActors(opts: ListOptions, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const rows = await store.actors({ type: opts.type, limit: opts.limit });
    if (opts.json) printJson(io, rows);
    else if (rows.length === 0) io.stderr.write('no actors stored\n');
    else io.stdout.write(formatTable(rows, actorColumns));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

function describe(a: ActorDetail): string {
  const out = [`${a.name}  (${[a.type, a.country].filter(Boolean).join(', ')})`];
  const others = a.names.filter((n) => n !== a.name);
  if (others.length) out.push(`  also: ${others.join('; ')}`);
  out.push(`  ${plural(a.articles, 'article')}${a.firstSeen ? `, ${a.firstSeen} to ${a.lastSeen}` : ''}; ${plural(a.events, 'event')}, ${plural(a.quotes, 'quote')}`);
  if (a.roles.length) {
    out.push('  roles:');
    out.push(formatTable(a.roles, [
      { header: 'ROLE', value: (r) => r.role, max: 40 }, { header: 'COUNTRY', value: (r) => r.country },
      { header: 'FROM', value: (r) => r.from }, { header: 'TO', value: (r) => r.to }, { header: 'ARTICLES', value: (r) => r.articles, align: 'right' },
    ]).trimEnd().split('\n').map((l) => `    ${l}`).join('\n'));
  }
  return out.join('\n') + '\n';
}

export async function runActor(name: string, opts: OneOptions, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const found = await store.actor(name);
    if (found.length === 0) throw new NotFoundError(`no actor matches "${name}" (see "dyad actors")`);
    if (opts.json) { printJson(io, found[0]); return EXIT.ok; }
    io.stdout.write(describe(found[0]));
    if (found.length > 1) {
      io.stdout.write(`other matches:\n${formatTable(found.slice(1), actorColumns.slice(0, 5)).trimEnd().split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('actors')
    .description('list actors across all articles (one per real person, organization or country)')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--type <type>', 'PERSON, ORGANIZATION, COUNTRY, LOCATION or OTHER')
    .option('--limit <n>', 'at most n actors', parseCount)
    .option('--json', 'JSON output')
    .action(async (opts: ListOptions) => done(await runActors(opts, io)));
  program
    .command('actor')
    .description('one actor: names, roles over time, counts')
    .argument('<name>', 'any part of the name')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--json', 'JSON output')
    .action(async (name: string, opts: OneOptions) => done(await runActor(name, opts, io)));
}
