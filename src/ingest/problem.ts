/** A problem with one input, reported with its position and collected; it never stops a batch. */
export interface Problem {
  code: string;
  message: string;
  source: string;
  line?: number;
}

export function formatProblem(p: Problem): string {
  return `${p.source}${p.line != null ? `:${p.line}` : ''}: ${p.message} [${p.code}]`;
}
