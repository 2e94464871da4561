import type { Command } from 'commander';
import { analyze } from '../../analyze/index.js';
import type { Analysis } from '../../analyze/schema.js';
import { readPaths } from '../../ingest/read.js';
import { formatProblem, isError, PROBLEM, problem } from '../../ingest/problem.js';
import { EXIT, parseDate, plural, requireExisting, type Io } from './io.js';
import { formatTable, shortId } from './table.js';
import { eventColumns, quoteColumns } from './views.js';
import { pipelineFor } from './dictionaries.js';

interface Options { published?: string; json?: boolean; jsonl?: boolean; dictionaries?: string }

export function summarize(a: Analysis): string {
  const art = a.article;
  const lines = [
    art.title,
    `  id ${shortId(art.id)}  published ${art.published ?? '–'}  source ${art.source ?? '–'}`,
    `  ${plural(a.sentences.length, 'sentence')}, ${plural(a.entities.length, 'entity', 'entities')}, ${plural(a.times.length, 'time')}, ` +
      `${plural(a.quotes.length, 'quote')}, ${plural(a.events.length, 'event')}, ${plural(a.relations.length, 'relation')}`,
  ];
  const indent = (s: string) => s.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
  if (a.entities.length) lines.push('  entities: ' + a.entities.map((e) => `${e.name} (${[e.type, e.country, e.role].filter(Boolean).join(', ')})`).join('; '));
  if (a.events.length) lines.push('  events:', indent(formatTable(a.events, eventColumns)));
  if (a.quotes.length) lines.push('  quotes:', indent(formatTable(a.quotes, quoteColumns)));
  if (a.relations.length) lines.push('  relations: ' + a.relations.map((r) => `${r.dyad.join('–')} ${r.direction} (${plural(r.events, 'event')}, Goldstein ${r.goldstein})`).join('; '));
  return lines.join('\n') + '\n';
}

/** `dyad analyze FILE…`: analyses articles and prints them; nothing is stored. */
export async function runAnalyze(files: string[], opts: Options, io: Io): Promise<number> {
  requireExisting(files);
  const pipeline = pipelineFor(opts.dictionaries); // --dictionaries DIR: PETRARCH events added (src/analyze/events/petrarch-events.ts)
  let code: number = EXIT.ok;
  let held: Analysis | null = null; // with --json, one article prints pretty; from the second on, JSON Lines
  let count = 0;
  const emit = (a: Analysis) => {
    if (opts.json || opts.jsonl) io.stdout.write(JSON.stringify(a) + '\n');
    else io.stdout.write((count > 1 ? '\n' : '') + summarize(a));
  };
  for await (const item of readPaths(files, { published: opts.published })) {
    if (item.kind === 'problem') {
      io.stderr.write(formatProblem(item.problem) + '\n');
      if (isError(item.problem)) code = EXIT.someFailed;
      continue;
    }
    let result: Analysis;
    try {
      result = analyze(item.article, pipeline);
    } catch (err) {
      io.stderr.write(formatProblem(problem(PROBLEM.ANALYZE, `analysis failed: ${(err as Error).message}`, item.source, item.line)) + '\n');
      code = EXIT.someFailed;
      continue;
    }
    count++;
    if (opts.json && !opts.jsonl && count === 1) { held = result; continue; }
    if (held) { emit(held); held = null; }
    emit(result);
  }
  if (held) io.stdout.write(JSON.stringify(held, null, 2) + '\n');
  return code;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('analyze')
    .description('analyze articles (plain text, JSON Lines, web pages, RSS/Atom feeds, TimeML, folders) and print what was found; nothing is stored')
    .argument('<files...>', 'files or folders')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none', parseDate)
    .option('--json', 'the analysis document as JSON (pretty for one article, else one a line)')
    .option('--jsonl', 'one analysis document a line')
    .option('--dictionaries <dir>', 'PETRARCH-format dictionaries (verbs, actors, agents): their events are added, marked coder "petrarch"')
    .action(async (files: string[], opts: Options) => done(await runAnalyze(files, opts, io)));
}
