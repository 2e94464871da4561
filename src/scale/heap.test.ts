import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRoot } from '../analyze/lexicon/root.js';

const heapModule = pathToFileURL(join(findRoot(), 'dist', 'src', 'scale', 'heap.js')).href;

// A program shaped like an ingest: a live set that stays (models, caches) and objects that live long enough to be
// promoted to the old generation (articles in flight), then die. Prints whether the flag was set and the largest
// heap in use it saw.
const child = `
import v8 from 'node:v8';
const { boundHeapGrowth } = await import(${JSON.stringify(heapModule)});
const set = process.argv[1] === 'bound' ? boundHeapGrowth() : false;
const live = Array.from({ length: 200_000 }, (_, i) => ({ i, s: 'x'.repeat(40) + i }));
const ring = new Array(150_000);
let peak = 0;
for (let i = 0; i < 3_000_000; i++) {
  ring[i % ring.length] = { i, a: [i, i + 1, i + 2], s: 'y' + i };
  if (i % 10_000 === 0) peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
}
console.log(JSON.stringify({ set, live: live.length, peakMB: peak / 2 ** 20 }));
`;

function run(mode: 'bound' | 'free', nodeArgs: string[] = []): { set: boolean; peakMB: number } {
  return JSON.parse(execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', child, mode], { encoding: 'utf8' }));
}

describe('boundHeapGrowth', () => {
  it('keeps the heap of an ingest-shaped program well below what V8 grows it to by default', () => {
    const free = run('free');
    const bound = run('bound');
    expect(bound.set).toBe(true);
    expect(free.peakMB).toBeGreaterThan(100);
    expect(bound.peakMB, JSON.stringify({ free, bound })).toBeLessThan(0.7 * free.peakMB);
  }, 60_000);

  it('leaves a growth given on the node command line alone', () => {
    expect(run('bound', ['--heap-growing-percent=300']).set).toBe(false);
  }, 60_000);
});
