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
 * Cuts bytes into lines (LF or CRLF) as they come, in chunks of any size, decoding each line as strict UTF-8.
 * It holds at most `maxLineBytes` of the line in progress: an over-long line is counted, reported and skipped.
 * Invalid UTF-8 becomes a problem naming the line; the lines after it still come. Like a TextDecoder that is
 * given one line at a time, it drops a byte-order mark at the start of every line, not only the file's first.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parts: Buffer[] = [];
  private length = 0;
  private oversized = false;
  /** the number of the line in progress */
  lineNo = 1;

  constructor(private readonly opts: LineOptions) {}

  /**
   * The lines `chunk` completes. Their bytes are decoded before this returns; only the unfinished line at the
   * end of the chunk is copied out of it, so the caller may reuse the chunk's memory for the next read.
   */
  push(chunk: Buffer): LineItem[] {
    const out: LineItem[] = [];
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, pos);
      const end = nl < 0 ? chunk.length : nl;
      if (end > pos) {
        if (!this.oversized && this.length + (end - pos) > this.opts.maxLineBytes) { this.oversized = true; this.parts = []; }
        if (!this.oversized) this.parts.push(nl < 0 ? Buffer.from(chunk.subarray(pos, end)) : chunk.subarray(pos, end));
        this.length += end - pos;
      }
      if (nl < 0) return out;
      out.push(this.emit());
      pos = nl + 1;
    }
  }

  /** The last line, when the bytes do not end with a line feed. */
  end(): LineItem[] {
    return this.length > 0 || this.oversized ? [this.emit()] : [];
  }

  private emit(): LineItem {
    const no = this.lineNo;
    const size = this.length;
    const buf = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    const over = this.oversized;
    this.parts = []; this.length = 0; this.oversized = false; this.lineNo++;
    if (over) return { kind: 'problem', problem: problem(PROBLEM.TOO_LARGE, `line is ${formatBytes(size)}, over the limit of ${formatBytes(this.opts.maxLineBytes)}`, this.opts.source, no) };
    try {
      let text = this.decoder.decode(buf);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      return { kind: 'line', line: no, text };
    } catch {
      return { kind: 'problem', problem: problem(PROBLEM.UTF8, `invalid UTF-8 at byte ${firstInvalidByte(buf) + 1} of the line`, this.opts.source, no) };
    }
  }
}

/**
 * Streams a file line by line (see LineSplitter). Memory stays bounded by `maxLineBytes` plus one read chunk.
 * Read errors become problems naming the line.
 */
export async function* readLines(path: string, opts: LineOptions): AsyncGenerator<LineItem> {
  const splitter = new LineSplitter(opts);
  // one reused read buffer; only the bytes of the current line (at most maxLineBytes) are copied out of it
  const chunk = Buffer.allocUnsafe(CHUNK);
  try {
    const fh = await open(path, 'r');
    try {
      for (;;) {
        const { bytesRead } = await fh.read(chunk, 0, CHUNK, null);
        if (bytesRead === 0) break;
        opts.onBytes?.(bytesRead);
        yield* splitter.push(chunk.subarray(0, bytesRead));
      }
      yield* splitter.end();
    } finally {
      await fh.close();
    }
  } catch (err) {
    yield { kind: 'problem', problem: problem(PROBLEM.READ, `cannot read: ${(err as Error).message}`, opts.source, splitter.lineNo) };
  }
}

const wholeDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The lines of a file held in memory, the same as `readLines` gives for that file. The usual case, valid UTF-8
 * no longer than the line cap (so no line can be over it), is decoded in one go and split as text: a line feed
 * never occurs inside a multi-byte sequence, so the whole is valid exactly when every line is. Anything else
 * goes through LineSplitter, which finds the bad line. (Lines may be slices of the one decoded string, which
 * then lives as long as one of them: fine for the small files read this way, SMALL_FILE_BYTES at most.)
 */
export function linesOfBuffer(buf: Buffer, opts: LineOptions): LineItem[] {
  if (buf.length <= opts.maxLineBytes) {
    let text: string | null = null;
    try { text = wholeDecoder.decode(buf); } catch { /* a line is invalid: LineSplitter names it */ }
    if (text !== null) return linesOfText(text);
  }
  const splitter = new LineSplitter(opts);
  const out = splitter.push(buf);
  for (const last of splitter.end()) out.push(last);
  return out;
}

/** Valid text into lines as LineSplitter cuts them: a BOM dropped at the start of each line, then one trailing CR. */
function linesOfText(text: string): LineItem[] {
  const lines = text.split('\n');
  // a final line feed ends the last line; it does not start an empty one
  const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const out: LineItem[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let line = lines[i];
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
    out[i] = { kind: 'line', line: i + 1, text: line };
  }
  return out;
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
