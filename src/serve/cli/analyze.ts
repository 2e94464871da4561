import type { Command } from 'commander';
import { analyze } from '../../analyze/index.js';
import type { Analysis } from '../../analyze/schema.js';
import { readPaths } from '../../ingest/read.js';
import { formatProblem, isError, PROBLEM, problem, type Problem } from '../../ingest/problem.js';
import { parseWorkers } from '../../scale/ingest.js';
import { GROUP } from '../../scale/group.js';
import { boundHeapGrowth } from '../../scale/heap.js';
import { AnalyzerPool } from '../../scale/pool.js';
import { EXIT, parseDate, plural, requireExisting, UsageError, type Io } from './io.js';
import { formatTable, shortId } from './table.js';
import { eventColumns, quoteColumns } from './views.js';
import { pipelineFor } from './dictionaries.js';

interface Options { published?: string; json?: boolean; jsonl?: boolean; dictionaries?: string; workers?: number }

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

/**
 * Prints analyses as they come: a summary each, or JSON Lines; with --json, one article alone prints pretty. Takes
 * the analysis or its JSON text (from an analyzer thread).
 */
function printer(opts: Options, io: Io) {
  const json = Boolean(opts.json || opts.jsonl);
  let held: string | null = null; // with --json, one article prints pretty; from the second on, JSON Lines
  let count = 0;
  const text = (a: Analysis | string) => (typeof a === 'string' ? a : JSON.stringify(a));
  return {
    add(a: Analysis | string) {
      count++;
      if (!json) { io.stdout.write((count > 1 ? '\n' : '') + summarize(typeof a === 'string' ? JSON.parse(a) as Analysis : a)); return; }
      if (opts.json && !opts.jsonl && count === 1) { held = text(a); return; }
      if (held !== null) { io.stdout.write(held + '\n'); held = null; }
      io.stdout.write(text(a) + '\n');
    },
    end() {
      if (held !== null) io.stdout.write(JSON.stringify(JSON.parse(held), null, 2) + '\n');
    },
  };
}

/** `dyad analyze FILE…`: analyses articles and prints them; nothing is stored. */
export async function runAnalyze(files: string[], opts: Options, io: Io): Promise<number> {
  requireExisting(files);
  const workers = opts.workers ?? 0;
  boundHeapGrowth(); // resident memory stays near what the analysis keeps alive (src/scale/heap.ts)
  if (workers > 0 && opts.dictionaries) throw new UsageError('--workers cannot be combined with --dictionaries: PETRARCH events are coded on this thread (leave --workers out)');
  const pipeline = pipelineFor(opts.dictionaries); // --dictionaries DIR: PETRARCH events added (src/analyze/events/petrarch-events.ts)
  let code: number = EXIT.ok;
  const out = printer(opts, io);
  const report = (p: Problem) => {
    io.stderr.write(formatProblem(p) + '\n');
    if (isError(p)) code = EXIT.someFailed;
  };
  // --workers N: analyzed on N threads and this one (which only reads and prints: it takes a group whenever its queue
  // is the shortest), up to four groups per thread ahead of the printing, printed in reading order
  const pool = workers > 0 ? new AnalyzerPool(workers, { inline: true }) : null;
  const ahead: ({ problem: Problem } | { json: Promise<string>; source: string; line?: number })[] = [];
  const takeOne = async () => {
    const e = ahead.shift()!;
    if ('problem' in e) { report(e.problem); return; }
    try {
      out.add(await e.json);
    } catch (err) {
      report(problem(PROBLEM.ANALYZE, `analysis failed: ${(err as Error).message}`, e.source, e.line));
    }
  };
  try {
    for await (const item of readPaths(files, { published: opts.published })) {
      if (pool) {
        if (item.kind === 'problem') ahead.push({ problem: item.problem });
        else {
          const json = pool.analyzeJson(item.article);
          json.catch(() => undefined); // handled when taken
          ahead.push({ json, source: item.source, line: item.line });
        }
        if (ahead.length >= 4 * GROUP * (workers + 1)) await takeOne();
        continue;
      }
      if (item.kind === 'problem') { report(item.problem); continue; }
      let result: Analysis;
      try {
        result = analyze(item.article, pipeline);
      } catch (err) {
        report(problem(PROBLEM.ANALYZE, `analysis failed: ${(err as Error).message}`, item.source, item.line));
        continue;
      }
      out.add(result);
    }
    while (ahead.length) await takeOne();
  } finally {
    await pool?.close();
  }
  out.end();
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
    .option('--workers <n>', 'analyze on N worker threads as well as this one, printed in reading order (default 0: on this thread only; N = cores - 1 uses every core)', parseWorkers)
    .action(async (files: string[], opts: Options) => done(await runAnalyze(files, opts, io)));
}
