import type { Command } from 'commander';
import { startServer } from '../http/server.js';
import { openDb, parseCount, type Io } from './io.js';

interface Options { db?: string; port?: number; host?: string }

/** `dyad serve`: the HTTP API and the dashboard on one port, until SIGINT/SIGTERM. */
export async function runServe(opts: Options, io: Io): Promise<number> {
  const store = openDb(opts.db, io, 'write');
  const host = opts.host ?? '127.0.0.1';
  let running;
  try {
    running = await startServer({ store, host, port: opts.port ?? 8080 });
  } catch (err) {
    await store.close();
    io.stderr.write(`dyad: cannot listen on ${host}:${opts.port ?? 8080}: ${(err as Error).message}\n`);
    return 2;
  }
  io.stdout.write(`dyad: dashboard on ${running.url}/  (API ${running.url}/api, documented at ${running.url}/api/openapi.json); Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  await store.close();
  return 0;
}

export function register(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the dashboard and the HTTP JSON API on one port')
    .option('--db <file>', 'SQLite database (default: $DYAD_DB or ./dyad.db; created when missing)')
    .option('--port <n>', 'port (default 8080; 0 picks a free one)', (v) => (v === '0' ? 0 : parseCount(v)))
    .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only)')
    .action(async (opts: Options) => done(await runServe(opts, io)));
}
