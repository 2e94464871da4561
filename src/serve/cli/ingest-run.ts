// What both ingest loops (one article at a time here, and over analyzer threads in src/scale/ingest.ts) do around
// their work: read every file in order, show a progress bar on a terminal, count and report problems.
import cliProgress from 'cli-progress';
import { formatProblem, isError, type Problem } from '../../ingest/problem.js';
import { readFile, type IngestItem, type InputFile } from '../../ingest/read.js';
import type { IngestSummary } from './ingest.js';
import type { Io } from './io.js';

export interface IngestRun {
  /** the counts so far */
  readonly sum: IngestSummary;
  /** counts a problem; printed now, or after the progress bar on a terminal */
  report(p: Problem): void;
  /** every item of every file, in order; ends early, between two items, once `signal` aborts */
  items(): AsyncGenerator<IngestItem>;
  /** shows the articles stored or found so far */
  progress(): void;
  /** closes the progress bar and prints what it held back; the summary */
  end(): IngestSummary;
}

export function startIngestRun(files: readonly InputFile[], opts: { published?: string | ((file: string) => string | undefined); signal?: AbortSignal }, io: Io): IngestRun {
  const sum: IngestSummary = { added: 0, present: 0, failed: 0, reanalyzed: 0, problems: [], ids: [] };
  const tty = Boolean(io.stderr.isTTY);
  const bar = tty ? new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WritableStream, format: 'ingesting {bar} {percentage}% | {articles} articles | {file}', hideCursor: true, clearOnComplete: true,
  }, cliProgress.Presets.shades_classic) : null;
  const total = files.reduce((n, f) => n + f.size, 0);
  let bytes = 0;
  bar?.start(Math.max(total, 1), 0, { articles: 0, file: '' });
  let ended = false;
  return {
    sum,
    report(p) {
      if (isError(p)) sum.failed++;
      sum.problems.push(p);
      if (!tty) io.stderr.write(formatProblem(p) + '\n'); // with a progress bar, problems print after it
    },
    async *items() {
      for (const file of files) {
        if (opts.signal?.aborted) return;
        bar?.update(bytes, { file: file.path.slice(-40) });
        const published = typeof opts.published === 'function' ? opts.published(file.path) : opts.published;
        const onBytes = (n: number) => { bytes += n; bar?.update(bytes); };
        for await (const item of readFile(file.path, { published, onBytes })) {
          if (opts.signal?.aborted) return;
          yield item;
        }
      }
    },
    progress() { bar?.update(bytes, { articles: sum.added + sum.present }); },
    end() {
      if (!ended) {
        ended = true;
        bar?.stop();
        if (tty) for (const p of sum.problems) io.stderr.write(formatProblem(p) + '\n');
      }
      return sum;
    },
  };
}
