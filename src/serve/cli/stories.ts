import type { Command } from 'commander';
import type { StoryRow } from '../../store/store.js';
import { EXIT, openDb, parseCount, plural, printJson, UsageError, type Io } from './io.js';
import { formatTable, shortId } from './table.js';

interface Options { db?: string; min?: number; limit?: number; article?: string; json?: boolean }

function render(s: StoryRow): string {
  const dates = s.first ? (s.first === s.last ? s.first : `${s.first} to ${s.last}`) : 'undated';
  const actors = s.topActors.map((a) => `${a.name}${a.country && a.type !== 'COUNTRY' ? ` (${a.country})` : ''}`).join('; ');
  return [
    `story ${shortId(s.id)}  ${plural(s.articles, 'article')}  ${dates}`,
    `  ${s.title}`,
    ...(actors ? [`  actors: ${actors}`] : []),
    ...s.brief.map((b, i) => `  ${i + 1}. ${b.text}`),
    `  articles: ${s.articleIds.slice(0, 8).map(shortId).join(' ')}${s.articleIds.length > 8 ? ' …' : ''}`,
  ].join('\n') + '\n';
}

/** `dyad stories`: near-duplicate articles grouped into stories, each with its dates, top actors and brief. */
export async function runStories(opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  try {
    if (!store.stories) throw new UsageError(`the ${store.engine} engine does not keep stories yet`);
    const rows = await store.stories({ minArticles: opts.min, limit: opts.limit ?? (opts.json ? undefined : 20), articleIds: opts.article ? [opts.article] : undefined });
    if (opts.json) printJson(io, rows);
    else if (rows.length === 0) io.stderr.write('no stories match\n');
    else if (opts.limit === undefined && !opts.article && rows.length > 0 && rows.every((r) => r.articles === 1)) {
      io.stdout.write(formatTable(rows, [{ header: 'STORY', value: (r) => shortId(r.id) }, { header: 'FIRST', value: (r) => r.first }, { header: 'TITLE', value: (r) => r.title, max: 70 }]));
    } else io.stdout.write(rows.map(render).join('\n'));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('stories')
    .description('stories: copies, syndicated edits and rewrites of one story grouped, largest first, with a brief')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .option('--min <n>', 'only stories told by at least n articles', parseCount)
    .option('--article <id>', 'the story of this article (full id)')
    .option('--limit <n>', 'at most n stories (default 20; all with --json)', parseCount)
    .option('--json', 'JSON output')
    .action(async (opts: Options) => done(await runStories(opts, io)));
}
