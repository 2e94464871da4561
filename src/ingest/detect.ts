import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { PROBLEM, problem, type Problem } from './problem.js';

export type Format = 'text' | 'jsonl' | 'html' | 'feed' | 'xml';

/** Extensions a folder is searched for; a file named explicitly may have any extension. */
export const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.rss': 'feed', '.atom': 'feed',
  // XML files go to a reader by their root element: <rss>/<feed>/<rdf:RDF> feeds, <TimeML>, MEANTIME <Document>
  '.xml': 'xml', '.tml': 'xml',
};

export type Detection = { ok: true; format: Format; size: number } | { ok: false; problem: Problem };

/** How much of the start of a file the checks look at. */
export const SNIFF_BYTES = 8192;

/**
 * Looks at a file before it is read: empty, binary (NUL bytes or mostly control characters) and UTF-16 files
 * are problems; otherwise the format comes from the extension, or, for an unknown one, from the first
 * non-blank character (`{` → JSON Lines, `<` → HTML or XML, anything else → plain text).
 */
export async function detect(path: string, source = path): Promise<Detection> {
  let head: Buffer;
  let size: number;
  try {
    const fh = await open(path, 'r');
    try {
      size = (await fh.stat()).size;
      const buf = Buffer.alloc(Math.min(SNIFF_BYTES, size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    return { ok: false, problem: problem(PROBLEM.READ, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, source) };
  }
  return sniff(path, size, head, source);
}

/**
 * The checks of `detect` on bytes already read: `head` is the start of the file (its first SNIFF_BYTES bytes,
 * or all of a shorter file) and `size` its length. A file read whole is not opened a second time to be sniffed.
 */
export function sniff(path: string, size: number, head: Buffer, source = path): Detection {
  if (head.length > SNIFF_BYTES) head = head.subarray(0, SNIFF_BYTES);
  if (size === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    if (size <= SNIFF_BYTES) return { ok: false, problem: problem(PROBLEM.EMPTY, 'the file is empty', source, 1) };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { ok: false, problem: problem(PROBLEM.UTF16, 'the file is UTF-16; save it as UTF-8', source, 1) };
  }
  if (isBinary(head)) return { ok: false, problem: problem(PROBLEM.BINARY, 'not a text file (binary content); skipped', source) };
  const byExt = EXTENSIONS[extname(path).toLowerCase()];
  if (byExt) return { ok: true, format: byExt, size };
  const start = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (start[0] === '<') return { ok: true, format: /^(<\?xml|<!--[\s\S]*?-->\s*)*<!doctype html|^<html/i.test(start) ? 'html' : 'xml', size };
  return { ok: true, format: start[0] === '{' ? 'jsonl' : 'text', size };
}

/** NUL bytes, or more than 10% control characters other than tab, LF, CR, FF and ESC. */
export function isBinary(head: Uint8Array): boolean {
  let control = 0;
  // an indexed loop: a buffer's iterator costs a call per byte
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}
