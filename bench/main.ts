// `npm run bench [-- NAME…]`: each benchmark is a module bench/NAME.ts exporting `run(args): Promise<void>`;
// without names, every available one runs in order. Benchmarks print figures; they are never unit tests.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundHeapGrowth } from '../src/scale/heap.js';

// the heap growth `dyad ingest` and `dyad worker` set (src/scale/heap.ts), in this process and every child it starts
boundHeapGrowth();

const ALL = ['ner', 'pipeline', 'scale', 'peers', 'ingest'];
const here = dirname(fileURLToPath(import.meta.url));
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const rest = process.argv.slice(2).filter((a) => a.startsWith('-'));
for (const name of names.length ? names : ALL) {
  if (!existsSync(join(here, `${name}.js`))) { console.error(`bench: "${name}" is not available`); continue; }
  const mod = (await import(`./${name}.js`)) as { run(args: string[]): Promise<void> };
  await mod.run(rest);
}
