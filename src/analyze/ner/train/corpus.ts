// Unlabeled news text from /work/shared for word clusters and case profiles: each line of each file becomes a
// token list (dyad's own tokenizer, so features see the same tokens at run time).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../tokens/tokenize.js';

function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.includes('\ufffd') ? buf.toString('latin1') : text;
}

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

function lines(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split('\n')) {
    const toks = tokenize(line).map((t) => line.slice(t.start, t.end));
    if (toks.length) out.push(toks);
  }
  return out;
}

/** Token lines of the plain-text news in `shared` (BBC News, PolNeAR train+dev, TimeBank/AQUAINT). */
export function unlabeledLines(shared: string): string[][] {
  const out: string[][] = [];
  const data = join(shared, 'data');
  for (const f of filesUnder(join(data, 'bbc-news'), '.txt')) {
    if (f.endsWith('README.TXT') || f.endsWith('SOURCE.txt')) continue;
    out.push(...lines(decode(readFileSync(f))));
  }
  for (const split of ['train', 'dev']) {
    for (const f of filesUnder(join(data, 'polnear', split, 'text'), '.txt')) out.push(...lines(decode(readFileSync(f))));
  }
  for (const f of filesUnder(join(data, 'timeml'), '.tml')) {
    const xml = readFileSync(f, 'utf8');
    const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
    if (m) out.push(...lines(m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')));
  }
  return out;
}
