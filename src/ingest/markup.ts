import { readFile as readBytes } from 'node:fs/promises';
import { FEED_ROOTS, readFeed, rootElement } from './feed.js';
import { readHtml } from './html.js';
import { formatBytes, firstInvalidByte } from './lines.js';
import type { TextItem } from './plaintext.js';
import { PROBLEM, problem } from './problem.js';
import { readMeantime, readTimeMl } from './timeml.js';

/** Markup read whole (not line by line): web pages, feeds, XML documents. */
export type MarkupFormat = 'html' | 'feed' | 'xml';

export interface MarkupOptions {
  source: string;
  published?: string | null;
  maxBytes: number;
  onBytes?: (n: number) => void;
  /** the file's bytes when the caller has already read it whole (a small file), so that it is not read twice */
  bytes?: Buffer;
}

/** The charset a page declares in its first bytes (`<meta charset>` or an XML declaration), if any. */
function declaredCharset(head: string): string | null {
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/**
 * Decodes a whole markup file: strict UTF-8, or the legacy charset the file declares (windows-1252, ISO-8859-x …).
 * Undeclared invalid UTF-8 is a problem naming its line.
 */
export function decodeMarkup(buf: Buffer, source: string): { text: string } | { problem: ReturnType<typeof problem> } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    const cs = declaredCharset(buf.subarray(0, 4096).toString('latin1'));
    if (cs && !/^utf-?8$/i.test(cs)) {
      try { return { text: new TextDecoder(cs.toLowerCase()).decode(buf) }; } catch { /* unknown label: reported below */ }
    }
    const at = firstInvalidByte(buf);
    const line = at < 0 ? 1 : buf.subarray(0, at).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
    return { problem: problem(PROBLEM.UTF8, `invalid UTF-8 on this line${cs ? ` (declared charset ${cs} is not known)` : ''}; file skipped`, source, line) };
  }
}

/** Reads one markup file whole (within the size cap) and hands it to its reader; an XML file is sent by its root element. */
export async function readMarkup(path: string, format: MarkupFormat, opts: MarkupOptions): Promise<TextItem[]> {
  const fail = (code: string, message: string, line?: number): TextItem[] => [{ kind: 'problem', problem: problem(code, message, opts.source, line) }];
  let buf: Buffer;
  try {
    buf = opts.bytes ?? await readBytes(path);
  } catch (err) {
    return fail(PROBLEM.READ, `cannot read: ${(err as Error).message}`);
  }
  opts.onBytes?.(buf.length);
  if (buf.length > opts.maxBytes) return fail(PROBLEM.TOO_LARGE, `file is ${formatBytes(buf.length)}, over the limit of ${formatBytes(opts.maxBytes)} for a ${format === 'html' ? 'web page' : 'feed or XML document'}; skipped`, 1);
  const decoded = decodeMarkup(buf, opts.source);
  if ('problem' in decoded) return [{ kind: 'problem', problem: decoded.problem }];
  const text = decoded.text.replace(/^\uFEFF/, '');
  try {
    const root = rootElement(text.slice(0, 65536)) ?? '';
    if (format === 'html' || /^html$/i.test(root)) {
      const r = readHtml(text, opts);
      return [...r.problems.map((p) => ({ kind: 'problem' as const, problem: p })), ...(r.article ? [{ kind: 'article' as const, article: r.article, line: 1 }] : [])];
    }
    if (FEED_ROOTS.test(root)) return readFeed(text, opts);
    if (root === 'TimeML') return readTimeMl(text, opts);
    if (root === 'Document' && /<token\b/.test(text)) return readMeantime(text, opts);
    if (format === 'feed') return readFeed(text, opts);
    return fail(PROBLEM.FORMAT, root ? `an XML document of a kind dyad does not read (root element <${root}>); skipped` : 'no XML root element found; skipped', 1);
  } catch (err) {
    return fail(PROBLEM.MARKUP, `cannot read this document: ${(err as Error).message}`, 1);
  }
}
