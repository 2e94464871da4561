import type { Event, Modality } from '../../analyze/schema.js';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An event row as the analysis's Event (the same mapping as the SQLite engine's). */
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
