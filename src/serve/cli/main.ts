import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { readPlainText } from '../../ingest/plaintext.js';
import { analyze } from '../../analyze/index.js';
import { formatProblem } from '../../ingest/problem.js';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2, internal: 70 } as const;

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('dyad')
    .description('Reads news articles and keeps an evidence-linked record of who did what to whom, and when.')
    .exitOverride();

  program
    .command('analyze')
    .description('analyze article files and print what was found (nothing is stored)')
    .argument('<files...>')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for articles that carry none')
    .option('--json', 'one JSON analysis document (the first article)')
    .option('--jsonl', 'one JSON analysis document a line')
    .action((files: string[], opts: { published?: string; json?: boolean; jsonl?: boolean }) => {
      for (const file of files) {
        const { articles, problems } = readPlainText(readFileSync(file, 'utf8'), { source: file, published: opts.published });
        for (const p of problems) { console.error(formatProblem(p)); code = EXIT.someFailed; }
        for (const article of articles) {
          const result = analyze(article);
          process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : JSON.stringify(result) + '\n');
        }
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return code;
}
