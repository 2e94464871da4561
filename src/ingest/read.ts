import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Article } from './article.js';
import { detect, EXTENSIONS, sniff } from './detect.js';
import { JsonLinesReader, PlainTextLinesReader, type LineReader } from './line-readers.js';
import { linesOfBuffer, readLines } from './lines.js';
import { readMarkup } from './markup.js';
import { DEFAULT_MAX_ARTICLE } from './plaintext.js';
import { PROBLEM, problem, type Problem } from './problem.js';
import { readSmallFile, SMALL_FILE_BYTES } from './small-file.js';

/** What the readers stream: an article (with the line where it starts) or a problem. */
export type IngestItem =
  | { kind: 'article'; article: Article; source: string; line: number }
  | { kind: 'problem'; problem: Problem };

export interface ReadOptions {
  /** publication date (YYYY-MM-DD) for articles that carry none; never the clock */
  published?: string | null;
  /** size cap of one article (plain text) or one record line (JSON Lines), in bytes; default 5 MiB */
  maxArticleBytes?: number;
  /** called with byte counts as files are read: once for a file read whole, chunk by chunk for one streamed */
  onBytes?: (bytes: number) => void;
  /** files of at most this many bytes are read whole, larger ones streamed (default SMALL_FILE_BYTES, 1 MiB); -1 streams every file */
  wholeFileMaxBytes?: number;
}

/** A file to read, found by `listInputs`. */
export interface InputFile { path: string; size: number }

/**
 * Streams the articles of one file (plain text, JSON Lines, HTML, RSS/Atom, TimeML, MEANTIME); problems are items,
 * never exceptions. A small file (small-file.ts) is read once, whole, and sniffed, split and assembled from
 * that buffer; a larger one is sniffed from its first bytes and then streamed with bounded memory. Both give the
 * same items: the lines go through the same LineReader.
 */
export async function* readFile(path: string, opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const source = path;
  const bytes = readSmallFile(path, opts.wholeFileMaxBytes ?? SMALL_FILE_BYTES);
  const found = bytes ? sniff(path, bytes.length, bytes, source) : await detect(path, source);
  if (!found.ok) { yield { kind: 'problem', problem: found.problem }; return; }
  const max = opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE;
  if (found.format === 'html' || found.format === 'feed' || found.format === 'xml') {
    // pages and feeds are read whole: a feed may hold many articles, so its cap is 8 times an article's
    const items = await readMarkup(path, found.format, { source, published: opts.published, maxBytes: 8 * max, onBytes: opts.onBytes, bytes: bytes ?? undefined });
    for (const it of items) yield it.kind === 'article' ? { ...it, source } : it;
    return;
  }
  const readerOpts = { source, published: opts.published, maxArticleChars: max };
  const reader: LineReader = found.format === 'jsonl' ? new JsonLinesReader(readerOpts) : new PlainTextLinesReader(readerOpts);
  const lineOpts = { source, maxLineBytes: max, onBytes: opts.onBytes };
  if (bytes) {
    opts.onBytes?.(bytes.length);
    for (const line of linesOfBuffer(bytes, lineOpts)) {
      for (const it of reader.push(line)) yield it;
      if (reader.done) return;
    }
  } else {
    for await (const line of readLines(path, lineOpts)) {
      for (const it of reader.push(line)) yield it;
      if (reader.done) return;
    }
  }
  for (const it of reader.end()) yield it;
}

/**
 * Expands paths into the files to read: files as given (any extension), folders recursively (sorted; hidden
 * files and folders skipped; only the extensions of EXTENSIONS read). Files of other types in a folder are
 * reported once per extension, as a warning. A path that does not exist is a problem.
 */
export async function listInputs(paths: readonly string[]): Promise<{ files: InputFile[]; problems: Problem[] }> {
  const files: InputFile[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    let st;
    try { st = await stat(path); } catch (err) {
      problems.push(problem(PROBLEM.READ, `cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message}`, path));
      continue;
    }
    if (!st.isDirectory()) { files.push({ path, size: st.size }); continue; }
    const skipped = new Map<string, number>();
    await walk(path, files, skipped, problems);
    for (const [ext, n] of skipped) {
      problems.push(problem(PROBLEM.SKIPPED, ext.startsWith('documentation') ? `skipped ${n} ${ext} file${n > 1 ? 's' : ''}` : `skipped ${n} file${n > 1 ? 's' : ''} of type ${ext || '(no extension)'} (dyad reads ${Object.keys(EXTENSIONS).join(', ')})`, path));
    }
  }
  return { files, problems };
}

const DOC_FILE = /^(readme|licen[cs]e|copying|notice|source|changelog|authors)(\.(txt|text|md))?$/i;

async function walk(dir: string, files: InputFile[], skipped: Map<string, number>, problems: Problem[]): Promise<void> {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch (err) {
    problems.push(problem(PROBLEM.READ, `cannot read folder: ${(err as Error).message}`, dir));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) { await walk(path, files, skipped, problems); continue; }
    // symbolic links are followed to files only, so a link cannot make the walk loop
    const st = e.isFile() ? await stat(path).catch(() => null) : e.isSymbolicLink() ? await stat(path).catch(() => null) : null;
    if (!st || !st.isFile()) continue;
    const ext = extname(e.name).toLowerCase();
    // a data folder's README, LICENSE or SOURCE notes are not articles (named explicitly, they are read)
    if (DOC_FILE.test(e.name)) skipped.set('documentation (README, LICENSE …)', (skipped.get('documentation (README, LICENSE …)') ?? 0) + 1);
    else if (EXTENSIONS[ext]) files.push({ path, size: st.size });
    else skipped.set(ext, (skipped.get(ext) ?? 0) + 1);
  }
}

/** Streams every article of the given files and folders, problems included, in order. */
export async function* readPaths(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const { files, problems } = await listInputs(paths);
  for (const p of problems) yield { kind: 'problem', problem: p };
  for (const f of files) yield* readFile(f.path, opts);
}

/** Collects a stream of items (convenient for tests and small inputs). */
export async function collect(items: AsyncIterable<IngestItem>): Promise<{ articles: Article[]; problems: Problem[] }> {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for await (const it of items) it.kind === 'article' ? articles.push(it.article) : problems.push(it.problem);
  return { articles, problems };
}
