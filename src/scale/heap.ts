// How far V8 lets a heap grow past what its last full collection kept alive. By default, on a program that spends
// little time collecting (an ingest: most of what it allocates dies young), V8 sets the next full collection at up to
// four times the live heap: `dyad ingest --workers 0` kept ~95 MB alive and grew its heap to ~390 MB before
// collecting, 580 MB resident at 20,000 articles. At 1.6× (heap_growing_percent 60) the same run peaked at 350 MB
// on 6,000 articles (500 MB before) in the same time, and the default ingest (one analyzer thread) at 389 MB instead
// of 436 on 20,000: a dozen full collections instead of four, each a few milliseconds.
import v8 from 'node:v8';

/** Heap growth allowed after a full collection, in percent of the heap it kept. */
export const HEAP_GROWING_PERCENT = 60;

let done = false;

/**
 * Bounds heap growth for this process and the threads it starts after the call (a V8 flag, read at each collection):
 * long batch jobs (ingest, worker) call it first. The flag given to node on its command line wins (`node
 * --heap-growing-percent=N`). Returns whether it set the flag.
 */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (done || execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return false;
  done = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
