import type { Command } from 'commander';
import type { StoredArticle } from '../../store/store.js';
import { EXIT, NotFoundError, openDb, plural, printJson, UsageError, type Io } from './io.js';
import { formatTable } from './table.js';
import { eventColumns, quoteColumns } from './views.js';

interface Options { db?: string; json?: boolean }

function render(s: StoredArticle): string {
  const a = s.article;
  const indent = (t: string) => t.trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
  const out = [
    a.title,
    ...(a.standfirst ? [a.standfirst] : []),
    '',
    `id         ${a.id}`,
    `published  ${a.published ?? '–'}`,
    `source     ${a.source ?? '–'}`,
    `url        ${a.url ?? '–'}`,
    `ingested   ${a.ingestedAt}`,
    `facts      ${plural(s.entities.length, 'entity', 'entities')}, ${plural(s.times.length, 'time')}, ${plural(s.quotes.length, 'quote')}, ${plural(s.events.length, 'event')}, ${plural(s.relations.length, 'relation')}`,
  ];
  if (s.entities.length) out.push('', 'entities:', indent(formatTable(s.entities, [
    { header: 'ID', value: (e) => e.id }, { header: 'NAME', value: (e) => e.name, max: 34 }, { header: 'TYPE', value: (e) => e.type },
    { header: 'COUNTRY', value: (e) => e.country }, { header: 'ROLE', value: (e) => e.role, max: 28 }, { header: 'MENTIONS', value: (e) => e.mentions.length, align: 'right' },
  ])));
  if (s.times.length) out.push('', 'times:', indent(formatTable(s.times, [
    { header: 'TEXT', value: (t) => t.text, max: 30 }, { header: 'TYPE', value: (t) => t.type }, { header: 'VALUE', value: (t) => t.value },
    { header: 'AT', value: (t) => `${t.start}-${t.end}` },
  ])));
  if (s.quotes.length) out.push('', 'quotes:', indent(formatTable(s.quotes, quoteColumns)));
  if (s.events.length) {
    out.push('', 'events:', indent(formatTable(s.events, eventColumns)));
    for (const e of s.events) out.push(`  ${e.id} ${e.trigger.text}: ${a.text.slice(e.sentence.start, e.sentence.end)}`);
  }
  if (s.relations.length) out.push('', 'relations:', ...s.relations.map((r) => `  ${r.dyad.join('–')} ${r.direction} (${plural(r.events, 'event')}, Goldstein ${r.goldstein})`));
  return out.join('\n') + '\n';
}

export async function runShow(id: string, opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    const got = await store.article(id);
    if (!got.found) {
      if (got.matches > 1) throw new UsageError(`"${id}" matches several articles; give more characters of the id`);
      throw new NotFoundError(`no article with id ${id}`);
    }
    if (opts.json) printJson(io, got.found);
    else io.stdout.write(render(got.found));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('show')
    .description('one stored article with its facts')
    .argument('<article-id>', 'the id or its first characters')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--json', 'JSON output')
    .action(async (id: string, opts: Options) => done(await runShow(id, opts, io)));
}
