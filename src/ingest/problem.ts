/** A problem with one input, reported with its position and collected; it never stops a batch. */
export interface Problem {
  code: string;
  message: string;
  source: string;
  line?: number;
  /** 'error' (default): the input or part of it was not ingested. 'warning': noted, nothing lost that was wanted. */
  severity?: 'error' | 'warning';
}

/** The catalog of problem codes, one place to read what each means. */
export const PROBLEM = {
  EMPTY: 'E_EMPTY', // the file (or its only article) holds no text
  BINARY: 'E_BINARY', // NUL bytes or mostly control characters: not a text file
  UTF16: 'E_UTF16', // a UTF-16 byte-order mark: save the file as UTF-8
  UTF8: 'E_UTF8', // a line is not valid UTF-8
  TOO_LARGE: 'E_TOO_LARGE', // a line or an article over the size cap
  READ: 'E_READ', // the file could not be read (permissions, vanished, a directory …)
  JSON: 'E_JSON', // a JSON Lines line that is not valid JSON
  RECORD: 'E_RECORD', // valid JSON, but not an article record (not an object, no title/text)
  DATE: 'W_DATE', // a record's date could not be read; the fallback date was used
  SKIPPED: 'W_SKIPPED', // files in a folder of a type dyad does not read
  MARKUP: 'E_MARKUP', // an XML feed or document that cannot be parsed
  FORMAT: 'E_FORMAT', // an XML file of a kind dyad does not read (its root element says what it is)
  NO_TEXT: 'E_NO_TEXT', // a page or document without readable article text
  ANALYZE: 'E_ANALYZE', // the analysis failed on this article
  STORE: 'E_STORE', // storing this article failed
} as const;

export function problem(code: string, message: string, source: string, line?: number): Problem {
  const p: Problem = { code, message, source, ...(line != null ? { line } : {}) };
  if (code.startsWith('W_')) p.severity = 'warning';
  return p;
}

export function isError(p: Problem): boolean {
  return p.severity !== 'warning';
}

export function formatProblem(p: Problem): string {
  const where = `${p.source}${p.line != null ? `:${p.line}` : ''}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message} [${p.code}]`;
}
