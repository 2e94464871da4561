/** Aligned plain-text tables for the terminal. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** longer cells are cut with an ellipsis */
  max?: number;
  align?: 'left' | 'right';
}

const width = (s: string) => [...s].length;

function cut(s: string, max: number | undefined): string {
  const clean = s.replace(/\s+/g, ' ');
  if (!max || width(clean) <= max) return clean;
  return [...clean].slice(0, max - 1).join('') + '…';
}

export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => cut(String(c.value(r) ?? '–'), c.max)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]))));
  const line = (row: string[]) => row.map((cell, i) => {
    const pad = ' '.repeat(widths[i] - width(cell));
    if (columns[i].align === 'right') return pad + cell;
    return i === row.length - 1 ? cell : cell + pad;
  }).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/** "1a2b3c4d" — the short form of an article id, as accepted by `dyad show`. */
export const shortId = (id: string) => id.slice(0, 10);
