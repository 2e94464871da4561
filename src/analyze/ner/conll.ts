import { readFileSync } from 'node:fs';

/** One sentence of a CoNLL file: its tokens and their gold BIO tags. */
export interface TaggedSentence { words: string[]; tags: string[] }

/**
 * Parses CoNLL-2003-style text: "TOKEN … TAG" per line (the tag is the last column), a blank line between
 * sentences; -DOCSTART- lines are document separators and are skipped.
 */
export function parseConll(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) out.push({ words, tags });
    words = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { flush(); continue; }
    if (line.startsWith('-DOCSTART-')) { flush(); continue; }
    const cols = line.split(/\s+/);
    words.push(cols[0]);
    tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  flush();
  return out;
}

export function readConll(path: string): TaggedSentence[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/** The three-column "token gold predicted" text that conlleval scores, a blank line between sentences. */
export function formatPredictions(sentences: readonly TaggedSentence[], predicted: readonly (readonly string[])[]): string {
  const lines: string[] = [];
  sentences.forEach((s, i) => {
    s.words.forEach((w, j) => lines.push(`${w} ${s.tags[j]} ${predicted[i][j]}`));
    lines.push('');
  });
  return lines.join('\n');
}
