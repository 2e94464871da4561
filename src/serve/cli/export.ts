import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { csvHeader, csvRow, jsonlRow } from '../../store/export.js';
import { EXIT, openDb, plural, UsageError, type Io } from './io.js';

interface Options { db?: string; format: 'jsonl' | 'csv'; out?: string }

/** `dyad export`: every stored event as a flat row, streamed to a file or stdout. */
export async function runExport(opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'read');
  const file = opts.out ? createWriteStream(opts.out) : null;
  if (file) {
    try { await once(file, 'open'); } catch (err) { await store.close(); throw new UsageError(`cannot write ${opts.out}: ${(err as Error).message}`); }
  }
  const target = file ?? io.stdout;
  const write = async (s: string) => {
    // wait for a slow reader instead of buffering the whole export in memory
    if (target.write(s) === false && typeof (target as Partial<Writable>).once === 'function') await once(target as Writable, 'drain');
  };
  let n = 0;
  try {
    if (opts.format === 'csv') await write(csvHeader());
    for await (const row of store.exportRows()) {
      await write(opts.format === 'csv' ? csvRow(row) : jsonlRow(row));
      n++;
    }
  } finally {
    await store.close();
    if (file) { file.end(); await once(file, 'finish'); }
  }
  io.stderr.write(`exported ${plural(n, 'event')}${opts.out ? ` to ${opts.out}` : ''}\n`);
  return EXIT.ok;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('export')
    .description('export every stored event: GDELT-like columns plus modality, date source and evidence offsets')
    .addOption(new Option('--format <format>', 'jsonl or csv').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db)')
    .action(async (opts: Options) => done(await runExport(opts, io)));
}
