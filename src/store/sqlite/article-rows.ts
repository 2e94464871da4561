import type Database from 'better-sqlite3';
import type { Article } from '../../ingest/article.js';

/** the columns of an article row taken from the article itself, in the order of the INSERT */
const ARTICLE_COLUMNS = ['id', 'title', 'standfirst', 'text', 'published', 'source', 'url', 'lang'] as const;

/** rows per INSERT statement; a larger batch takes several */
export const ROWS_PER_STATEMENT = 128;

/** An article row to insert: the article, and the analysis document stored beside it (JSON). */
export interface ArticleRow { article: Omit<Article, 'body'>; analysis: string }

/**
 * Inserts the article rows of a batch with one statement (per `ROWS_PER_STATEMENT`), not one per article.
 *
 * The FTS5 index is kept by a trigger on `articles`; a statement that fires a trigger opens a statement savepoint
 * inside the transaction, and FTS5 writes its pending terms out as a new index segment at every savepoint (and
 * merges segments as they pile up). Row by row, that is a segment per article, a tenth of the cost of storing;
 * one statement for the batch leaves one segment per batch. The index holds the same terms, positions and sizes
 * either way (only how its segments are cut differs), so searches and their ranks do not change.
 *
 * Rows go in in order, as the same number of single inserts would (the same `seq`s); an id met before (stored, or
 * earlier in the batch) is skipped (ON CONFLICT DO NOTHING). Returns, per row, its `seq` if it was inserted, else null.
 */
export function createArticleRowInserter(db: Database.Database) {
  const statements = new Map<number, Database.Statement>();
  const statementFor = (rows: number) => {
    let st = statements.get(rows);
    if (!st) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      st = db.prepare(`INSERT INTO articles (id, title, standfirst, text, published, source, url, lang, analysis, ingested_at)
        VALUES ${values} ON CONFLICT(id) DO NOTHING RETURNING id, seq`).raw();
      statements.set(rows, st);
    }
    return st;
  };

  return {
    /** Whether every column value is given: a missing one is left to the row-by-row insert, which reports it. */
    complete: (a: ArticleRow['article']) => ARTICLE_COLUMNS.every((c) => a[c] !== undefined),

    insert(rows: readonly ArticleRow[], ingestedAt: string): (number | null)[] {
      const inserted: (number | null)[] = [];
      for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(from, from + ROWS_PER_STATEMENT);
        const params: unknown[] = [];
        for (const { article: a, analysis } of chunk) params.push(a.id, a.title, a.standfirst, a.text, a.published, a.source, a.url, a.lang, analysis, ingestedAt);
        // the ids inserted, with their seqs; a repeated id is inserted at its first row only
        const seqs = new Map(statementFor(chunk.length).all(params) as [string, number][]);
        for (const { article } of chunk) {
          const seq = seqs.get(article.id);
          seqs.delete(article.id);
          inserted.push(seq ?? null);
        }
      }
      return inserted;
    },
  };
}
