import { readJsonRecord } from './jsonl.js';
import type { LineItem } from './lines.js';
import { PlainTextAssembler, type TextItem } from './plaintext.js';
import { PROBLEM, problem, type Problem } from './problem.js';
import type { IngestItem } from './read.js';

/**
 * Turns the lines of one file into items, a line at a time. It does not care where the lines come from, so a
 * file read whole and a file streamed go through the same code and give the same items.
 */
export interface LineReader {
  /** The items this line completes (often none). */
  push(item: LineItem): IngestItem[];
  /** The items left when the file ends. */
  end(): IngestItem[];
  /** True once the rest of the file is not wanted (a JSON document given as JSON Lines). */
  readonly done: boolean;
}

export interface LineReaderOptions {
  source: string;
  published?: string | null;
  /** the size cap of one plain-text article, in UTF-16 code units */
  maxArticleChars: number;
}

/** JSON Lines: one article record a line (jsonl.ts); a bad line is a problem and the next lines still count. */
export class JsonLinesReader implements LineReader {
  done = false;
  private records = 0;

  constructor(private readonly opts: LineReaderOptions) {}

  push(item: LineItem): IngestItem[] {
    const { source, published } = this.opts;
    if (item.kind === 'problem') { this.records++; return [skipped(item.problem, 'line')]; }
    const first = item.text.trim();
    if (first === '') return [];
    if (this.records === 0 && (first === '{' || first.startsWith('['))) {
      this.done = true;
      return [{ kind: 'problem', problem: problem(PROBLEM.RECORD, 'this is a JSON document, not JSON Lines (one article object per line); file skipped', source, item.line) }];
    }
    this.records++;
    const rec = readJsonRecord(item.text.replace(/^\uFEFF/, ''), item.line, { source, published });
    const out: IngestItem[] = rec.problems.map((p) => ({ kind: 'problem', problem: p }));
    if (rec.article) out.push({ kind: 'article', article: rec.article, source, line: item.line });
    return out;
  }

  end(): IngestItem[] {
    return this.done || this.records > 0 ? [] : [{ kind: 'problem', problem: problem(PROBLEM.EMPTY, 'no records found (the file is blank)', this.opts.source, 1) }];
  }
}

/** Plain text (plaintext.ts); a line that cannot be read skips its whole article. A lone CR ends a line too. */
export class PlainTextLinesReader implements LineReader {
  readonly done = false;
  private readonly asm: PlainTextAssembler;

  constructor(private readonly opts: LineReaderOptions) {
    this.asm = new PlainTextAssembler({ source: opts.source, published: opts.published, maxArticleChars: opts.maxArticleChars });
  }

  push(item: LineItem): IngestItem[] {
    if (item.kind === 'problem') { this.asm.fail(); return [skipped(item.problem, 'article')]; }
    if (!item.text.includes('\r')) return this.withSource(this.asm.push(item.text, item.line));
    const out: IngestItem[] = [];
    for (const part of item.text.split('\r')) out.push(...this.withSource(this.asm.push(part, item.line)));
    return out;
  }

  end(): IngestItem[] {
    return this.withSource(this.asm.end());
  }

  private withSource(items: TextItem[]): IngestItem[] {
    return items.length === 0 ? [] : items.map((it) => (it.kind === 'article' ? { ...it, source: this.opts.source } : it));
  }
}

/** A line's problem, saying what was skipped for it (a read error says nothing more: the rest of the file is lost). */
function skipped(p: Problem, what: 'line' | 'article'): IngestItem {
  return { kind: 'problem', problem: p.code === PROBLEM.READ ? p : { ...p, message: `${p.message}; ${what === 'line' ? 'line' : 'its article is'} skipped` } };
}
