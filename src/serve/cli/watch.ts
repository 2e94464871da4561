import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { listInputs, type InputFile } from '../../ingest/read.js';
import type { Io } from './io.js';

export interface WatchOptions {
  signal: AbortSignal;
  /** how often the folders are listed again (fs events only wake the loop sooner); default 1000 ms */
  intervalMs?: number;
  /** files already ingested (as listed before the first pass): any other file found is new */
  known?: readonly InputFile[];
  io: Io;
}

/** size and modification time: a file that keeps both for one interval is written and ready */
const stamp = (size: number, mtimeMs: number) => `${size}:${mtimeMs}`;

/**
 * Watches folders (and files) for new or changed inputs until the signal aborts, handing each file to `ingest`
 * once it has stopped changing (the same size and time on two looks in a row, so a file still being copied is
 * not read half-written). Files of `known` (read by the first pass) are not read again unless they change. Folder events (fs.watch)
 * only wake the loop early; the periodic listing is what finds files, so it also works where events are lost.
 */
export async function watchPaths(paths: readonly string[], ingest: (files: InputFile[]) => Promise<void>, opts: WatchOptions): Promise<void> {
  const interval = opts.intervalMs ?? 1000;
  const done = new Map<string, string>();
  const pending = new Map<string, string>();
  const look = async () => {
    const { files } = await listInputs(paths);
    const out: { file: InputFile; stamp: string }[] = [];
    for (const f of files) {
      const st = await stat(f.path).catch(() => null);
      if (st) out.push({ file: { path: f.path, size: st.size }, stamp: stamp(st.size, st.mtimeMs) });
    }
    return out;
  };
  const known = new Map((opts.known ?? []).map((f) => [f.path, f.size]));

  let wake: (() => void) | null = null;
  const watchers: FSWatcher[] = [];
  for (const p of paths) {
    try { watchers.push(watch(p, { recursive: true }, () => wake?.())); } catch { /* polling alone */ }
  }
  const onAbort = () => wake?.();
  opts.signal.addEventListener('abort', onAbort);
  try {
    while (!opts.signal.aborted) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, interval);
        wake = () => { clearTimeout(t); wake = null; setTimeout(resolve, Math.min(interval, 150)); };
      });
      if (opts.signal.aborted) break;
      const ready: InputFile[] = [];
      for (const { file, stamp: s } of await look()) {
        if (known.has(file.path)) {
          // as it was when the first pass read it: done, from now on by its full stamp
          if (known.get(file.path) === file.size) done.set(file.path, s);
          known.delete(file.path);
        }
        if (done.get(file.path) === s) continue;
        if (pending.get(file.path) === s) { ready.push(file); pending.delete(file.path); done.set(file.path, s); } else pending.set(file.path, s);
      }
      if (ready.length > 0) await ingest(ready);
    }
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
    for (const w of watchers) w.close();
  }
}
