import { open } from 'node:fs/promises';
import { PROBLEM, problem, type Problem } from './problem.js';

export type LineItem = { kind: 'line'; line: number; text: string } | { kind: 'problem'; problem: Problem };

export interface LineOptions {
  source: string;
  /** lines longer than this many bytes are reported and skipped, never held in memory */
  maxLineBytes: number;
  /** called with the number of bytes read, chunk by chunk (for progress bars) */
  onBytes?: (bytes: number) => void;
}

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
export const formatBytes = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);

/**
 * Streams a file line by line (LF or CRLF), decoding each line as strict UTF-8. Memory stays bounded by
 * `maxLineBytes` plus one read chunk: an over-long line is counted, reported and skipped. Invalid UTF-8 and
 * read errors become problems naming the line; the lines after them still come.
 */
export async function* readLines(path: string, opts: LineOptions): AsyncGenerator<LineItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let length = 0;
  let oversized = false;
  let lineNo = 1;

  const emit = (): LineItem => {
    const no = lineNo;
    const size = length;
    const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    const over = oversized;
    parts = []; length = 0; oversized = false; lineNo++;
    if (over) return { kind: 'problem', problem: problem(PROBLEM.TOO_LARGE, `line is ${formatBytes(size)}, over the limit of ${formatBytes(opts.maxLineBytes)}`, opts.source, no) };
    try {
      let text = decoder.decode(buf);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      return { kind: 'line', line: no, text };
    } catch {
      return { kind: 'problem', problem: problem(PROBLEM.UTF8, `invalid UTF-8 at byte ${firstInvalidByte(buf) + 1} of the line`, opts.source, no) };
    }
  };

  // one reused read buffer; only the bytes of the current line (at most maxLineBytes) are copied out of it
  const chunk = Buffer.allocUnsafe(CHUNK);
  try {
    const fh = await open(path, 'r');
    try {
      for (;;) {
        const { bytesRead } = await fh.read(chunk, 0, CHUNK, null);
        if (bytesRead === 0) break;
        opts.onBytes?.(bytesRead);
        let pos = 0;
        while (pos <= bytesRead) {
          const found = chunk.indexOf(0x0a, pos);
          const nl = found >= 0 && found < bytesRead ? found : -1;
          const end = nl < 0 ? bytesRead : nl;
          if (end > pos) {
            if (!oversized && length + (end - pos) > opts.maxLineBytes) { oversized = true; parts = []; }
            if (!oversized) parts.push(Buffer.from(chunk.subarray(pos, end)));
            length += end - pos;
          }
          if (nl < 0) break;
          yield emit();
          pos = nl + 1;
        }
      }
      if (length > 0 || oversized) yield emit();
    } finally {
      await fh.close();
    }
  } catch (err) {
    yield { kind: 'problem', problem: problem(PROBLEM.READ, `cannot read: ${(err as Error).message}`, opts.source, lineNo) };
  }
}

/** Byte offset of the first invalid UTF-8 sequence in `b` (the line is known to be invalid), or -1. */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80; // no overlong forms
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf; // no surrogates, nothing past U+10FFFF
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}
