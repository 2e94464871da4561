import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** Files up to this size are read whole, in memory; larger ones stream through lines.ts with bounded memory. */
export const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * The bytes of a regular file of at most `limit` bytes, read whole; null for anything else — a larger file, a
 * folder, a pipe or a device, a file that cannot be opened or read, one that shrank while read — which the
 * caller then reads the streaming way, where errors get their usual problems and messages.
 *
 * The read is synchronous on purpose. A news article is a few KB, and each trip through libuv's thread pool
 * (open, stat, read, close: at least four per file) costs tens of µs of CPU in thread wake-ups — measured, more
 * than decoding and assembling the article itself — while a synchronous read of a small file from the page cache
 * takes a few µs. The event loop waits for at most one read of `limit` bytes. The path is stat'ed before it is
 * opened because opening a named pipe blocks until a writer comes; such files are left to the async reader.
 */
export function readSmallFile(path: string, limit = SMALL_FILE_BYTES): Buffer | null {
  let fd: number;
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size > limit) return null;
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > limit) return null;
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) return null;
      got += n;
    }
    return buf;
  } catch {
    return null;
  } finally {
    try { closeSync(fd); } catch { /* the bytes are read; nothing to report */ }
  }
}
