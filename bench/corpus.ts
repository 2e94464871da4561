// The benchmarks' text: real articles from ../shared/data/bbc-news (else the examples), each a plain-text file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findRoot } from '../src/analyze/lexicon/root.js';
import { readPlainText } from '../src/ingest/plaintext.js';
import type { Article } from '../src/ingest/article.js';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : name.endsWith('.txt') && !/^(README|SOURCE)/i.test(name) ? [p] : [];
  });
}

/** The corpus folder: --dir=DIR, else bbc-news beside the repository, else examples/. */
export function benchDir(args: string[]): string {
  const given = args.find((a) => a.startsWith('--dir='))?.slice(6);
  const bbc = join(findRoot(), '..', 'shared', 'data', 'bbc-news');
  return given ?? (existsSync(bbc) ? bbc : join(findRoot(), 'examples'));
}

/** `limit` files spread over every section of the folder (every k-th file), with their articles. */
export function benchFiles(dir: string, limit: number): { files: string[]; articles: Article[] } {
  const all = filesUnder(dir);
  const step = Math.max(1, Math.floor(all.length / limit));
  const files = all.filter((_, i) => i % step === 0).slice(0, limit);
  const articles = files.flatMap((f) => readPlainText(readFileSync(f, 'utf8'), { source: f }).articles);
  return { files, articles };
}

export const opt = (args: string[], name: string) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
