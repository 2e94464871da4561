import { Command, CommanderError } from 'commander';
import { EXIT, NotFoundError, processIo, UsageError, type Io } from './io.js';
import * as analyzeCmd from './analyze.js';
import * as ingestCmd from './ingest.js';
import * as eventsCmd from './events.js';
import * as quotesCmd from './quotes.js';
import * as actorsCmd from './actors.js';
import * as showCmd from './show.js';
import * as exportCmd from './export.js';
import * as searchCmd from './search.js';
import * as storiesCmd from './stories.js';
import * as demoCmd from './demo.js';
import * as workerCmd from '../../scale/cli.js';
import * as relationsCmd from './relations.js';
import * as serveCmd from './serve.js';

export { EXIT } from './io.js';
export type { Io } from './io.js';

const COMMANDS = [analyzeCmd, ingestCmd, eventsCmd, quotesCmd, actorsCmd, showCmd, exportCmd, searchCmd, demoCmd, relationsCmd, serveCmd, storiesCmd, workerCmd];

/**
 * The `dyad` command line, callable in process: returns the exit code (0 ok, 1 some inputs failed or nothing
 * found, 2 usage error, 70 internal error) and never throws. Errors are one line on stderr; DYAD_DEBUG=1 adds the stack.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const done = (c: number) => { code = c; };
  const program = new Command('dyad')
    .description('Reads news articles and keeps an evidence-linked record of who did what to whom, and when.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const cmd of COMMANDS) cmd.register(program, io, done);
  for (const cmd of program.commands) cmd.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError) { io.stderr.write(`dyad: ${err.message}\n`); return EXIT.usage; }
    if (err instanceof NotFoundError) { io.stderr.write(`dyad: ${err.message}\n`); return EXIT.someFailed; }
    const e = err as Error;
    io.stderr.write(`dyad: internal error: ${e?.message ?? String(err)}\n`);
    if (io.env.DYAD_DEBUG === '1' && e?.stack) io.stderr.write(e.stack + '\n');
    return EXIT.internal;
  }
}
