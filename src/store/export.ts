import type { ExportRow } from './store.js';

/** The columns of an event export, in order: GDELT-like first, then what dyad adds. */
export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'event_id', 'sqldate', 'actor1_name', 'actor1_country', 'actor2_name', 'actor2_country', 'event_code', 'event_root_code',
  'quad_class', 'goldstein', 'location_name', 'location_country', 'source_url',
  'article_id', 'published', 'date', 'date_source', 'modality', 'plover_type', 'plover_mode', 'confidence',
  'actor1_actor_id', 'actor2_actor_id', 'trigger', 'trigger_start', 'trigger_end', 'sentence_start', 'sentence_end',
];

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvHeader = () => EXPORT_COLUMNS.join(',') + '\r\n';
export const csvRow = (r: ExportRow) => EXPORT_COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n';
export const jsonlRow = (r: ExportRow) => JSON.stringify(r) + '\n';
