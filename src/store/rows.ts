import type { EntityType, Event, Modality, Quote } from '../analyze/schema.js';
import type { ActorRow } from './store.js';

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
  (SELECT COUNT(DISTINCT en.article_id) FROM entities en WHERE en.actor_id = a.id) AS articles,
  (SELECT COUNT(*) FROM mentions m JOIN entities en ON en.article_id = m.article_id AND en.id = m.entity_id WHERE en.actor_id = a.id) AS mentions,
  (SELECT r.role FROM actor_roles r WHERE r.actor_id = a.id ORDER BY r.date IS NULL, r.date DESC LIMIT 1) AS role,
  (SELECT MIN(ar.published) FROM entities en JOIN articles ar ON ar.id = en.article_id WHERE en.actor_id = a.id) AS first_seen,
  (SELECT MAX(ar.published) FROM entities en JOIN articles ar ON ar.id = en.article_id WHERE en.actor_id = a.id) AS last_seen`;

export const toActor = (r: Row): ActorRow => ({
  id: r.id, name: r.name, type: r.type as EntityType, country: r.country, role: r.role,
  articles: r.articles, mentions: r.mentions, firstSeen: r.first_seen, lastSeen: r.last_seen,
});
