import type { EntityType, Event, Modality, Quote } from '../analyze/schema.js';
import type { ActorRow, ExportRow } from './store.js';

// Rows of the tables as the analysis and the store's types: one mapping for both engines (same schema).

export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An event row as the analysis's Event. */
export function toEvent(r: Row): Event {
  return {
    id: r.id, type: r.type, mode: r.mode, cameo: r.cameo, goldstein: r.goldstein,
    source: { entity: r.source_entity, name: r.source_name, country: r.source_country },
    target: r.target_name == null && r.target_country == null ? null : { entity: r.target_entity, name: r.target_name, country: r.target_country },
    location: r.location_name == null && r.location_country == null ? null : { name: r.location_name, country: r.location_country },
    date: r.date, dateSource: r.date_source, modality: r.modality as Modality,
    sentence: { start: r.sentence_start, end: r.sentence_end },
    trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
    confidence: r.confidence,
  };
}

/** A quote row as the analysis's Quote. */
export const toQuote = (q: Row): Quote => ({
  start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerName: q.speaker_name,
  cue: q.cue_start == null ? null : { start: q.cue_start, end: q.cue_end, text: q.cue_text },
});

/** The columns of an actor listing: counts over its entities, its latest role, first and last article dates. */
export const ACTOR_COLUMNS = `a.id, a.name, a.type, a.country,
  (SELECT COUNT(DISTINCT en.article_seq) FROM entities en WHERE en.actor_id = a.id) AS articles,
  (SELECT COUNT(*) FROM mentions m JOIN entities en ON en.article_seq = m.article_seq AND en.id = m.entity_id WHERE en.actor_id = a.id) AS mentions,
  (SELECT r.role FROM actor_roles r WHERE r.actor_id = a.id
    ORDER BY r.date IS NULL, r.date DESC, r.article_seq DESC, r.role LIMIT 1) AS role,
  (SELECT MIN(ar.published) FROM entities en JOIN articles ar ON ar.seq = en.article_seq WHERE en.actor_id = a.id) AS first_seen,
  (SELECT MAX(ar.published) FROM entities en JOIN articles ar ON ar.seq = en.article_seq WHERE en.actor_id = a.id) AS last_seen`;

export const toActor = (r: Row): ActorRow => ({
  id: r.id, name: r.name, type: r.type as EntityType, country: r.country, role: r.role,
  articles: r.articles, mentions: r.mentions, firstSeen: r.first_seen, lastSeen: r.last_seen,
});

/** GDELT QuadClass of a CAMEO code: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export function quadClass(cameo: string): number | null {
  const root = parseInt(cameo.slice(0, 2), 10);
  if (!(root >= 1 && root <= 20)) return null;
  return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/** An event row as a flat export row: GDELT-like columns plus dyad's own. */
export function toExportRow(r: Row): ExportRow {
  return {
    event_id: `${r.article_id.slice(0, 12)}-${r.id}`, article_id: r.article_id, date: r.date, date_source: r.date_source,
    sqldate: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.date) ? r.date.slice(0, 10).replaceAll('-', '') : null,
    actor1_name: r.source_name, actor1_country: r.source_country, actor1_actor_id: r.source_actor_id,
    actor2_name: r.target_name, actor2_country: r.target_country, actor2_actor_id: r.target_actor_id,
    event_code: r.cameo, event_root_code: String(r.cameo).slice(0, 2), quad_class: quadClass(String(r.cameo)), goldstein: r.goldstein,
    plover_type: r.type, plover_mode: r.mode, modality: r.modality, confidence: r.confidence,
    location_name: r.location_name, location_country: r.location_country,
    trigger: r.trigger_text, trigger_start: r.trigger_start, trigger_end: r.trigger_end,
    sentence_start: r.sentence_start, sentence_end: r.sentence_end, source_url: r.url, published: r.published,
  };
}
