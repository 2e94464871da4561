import type Database from 'better-sqlite3';
import type { Analysis, EntityType, EventActor, Span, TextSpan } from '../../analyze/schema.js';
import type { AddOptions, AddResult, BatchResult } from '../store.js';
import { firstLast, normalizeName, tokenCount } from '../names.js';

/** Thrown (and the article not stored) when a fact's span does not point at its text: offsets are the truth. */
export class SpanError extends Error {
  readonly code = 'E_SPAN';
}

function checkSpan(text: string, what: string, span: Span, expected?: string): void {
  const ok = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length;
  if (!ok) throw new SpanError(`E_SPAN: ${what} [${span.start}, ${span.end}) is outside the text (length ${text.length})`);
  if (expected !== undefined && text.slice(span.start, span.end) !== expected) {
    throw new SpanError(`E_SPAN: ${what} [${span.start}, ${span.end}) covers ${JSON.stringify(text.slice(span.start, span.end))}, not ${JSON.stringify(expected)}`);
  }
}

/** Checks every span of an analysis against its text before anything is stored. */
export function checkSpans(a: Analysis): void {
  const t = a.article.text;
  const ts = (what: string, s: TextSpan) => checkSpan(t, what, s, s.text);
  a.sentences.forEach((s, i) => checkSpan(t, `sentence ${i}`, s));
  for (const e of a.entities) e.mentions.forEach((m, i) => ts(`mention ${i} of ${e.id}`, m));
  a.times.forEach((x, i) => ts(`time ${i}`, x));
  a.quotes.forEach((q, i) => { ts(`quote ${i}`, q); if (q.cue) ts(`cue of quote ${i}`, q.cue); });
  for (const e of a.events) { checkSpan(t, `sentence of event ${e.id}`, e.sentence); ts(`trigger of event ${e.id}`, e.trigger); }
  a.summary.forEach((s, i) => ts(`summary ${i}`, s));
}

/** Prepared statements and the write path of the SQLite engine. */
export function createWriter(db: Database.Database) {
  const st = {
    article: db.prepare(`INSERT INTO articles (id, title, standfirst, text, published, source, url, lang, analysis, ingested_at)
      VALUES (@id, @title, @standfirst, @text, @published, @source, @url, @lang, @analysis, @ingestedAt) ON CONFLICT(id) DO NOTHING`),
    namesByNorm: db.prepare(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? AND n.type = ? ORDER BY a.id`),
    namesAnyType: db.prepare(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ? ORDER BY a.id`),
    byFirstLast: db.prepare(`SELECT id, name, country FROM actors WHERE type = ? AND first_last = ? ORDER BY id`),
    newActor: db.prepare(`INSERT INTO actors (name, norm, first_last, type, country) VALUES (?, ?, ?, ?, ?)`),
    rename: db.prepare(`UPDATE actors SET name = ?, norm = ? WHERE id = ?`),
    setCountry: db.prepare(`UPDATE actors SET country = ? WHERE id = ? AND country IS NULL`),
    actorName: db.prepare(`INSERT OR IGNORE INTO actor_names (norm, type, actor_id, name) VALUES (?, ?, ?, ?)`),
    role: db.prepare(`INSERT OR IGNORE INTO actor_roles (actor_id, article_id, role, country, date) VALUES (?, ?, ?, ?, ?)`),
    entity: db.prepare(`INSERT INTO entities (article_id, id, name, type, country, role, aliases, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    mention: db.prepare(`INSERT OR IGNORE INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)`),
    time: db.prepare(`INSERT INTO times (article_id, idx, start, "end", text, type, value, unresolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    quote: db.prepare(`INSERT INTO quotes (article_id, idx, start, "end", text, speaker, speaker_name, speaker_actor_id, cue_start, cue_end, cue_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    event: db.prepare(`INSERT INTO events (article_id, id, type, mode, cameo, goldstein,
      source_entity, source_name, source_country, source_actor_id, target_entity, target_name, target_country, target_actor_id,
      location_name, location_country, date, date_source, modality, sentence_start, sentence_end, sentence_text,
      trigger_start, trigger_end, trigger_text, confidence)
      VALUES (@articleId, @id, @type, @mode, @cameo, @goldstein, @sEntity, @sName, @sCountry, @sActor, @tEntity, @tName, @tCountry, @tActor,
      @locName, @locCountry, @date, @dateSource, @modality, @sentStart, @sentEnd, @sentText, @trigStart, @trigEnd, @trigText, @confidence)`),
    remove: db.prepare(`DELETE FROM articles WHERE id = ?`),
    actorsOf: db.prepare(`SELECT DISTINCT actor_id FROM entities WHERE article_id = ? AND actor_id IS NOT NULL`).pluck(),
    dropOrphan: db.prepare(`DELETE FROM actors WHERE id = @id
      AND NOT EXISTS (SELECT 1 FROM entities WHERE actor_id = @id) AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_id = @id)
      AND NOT EXISTS (SELECT 1 FROM events WHERE source_actor_id = @id OR target_actor_id = @id)`),
    relation: db.prepare(`INSERT OR IGNORE INTO relations (article_id, country_a, country_b, events, goldstein, direction, event_ids) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };

  type Candidate = { id: number; name: string; country: string | null };
  const compatible = (c: Candidate, country: string | null) => !c.country || !country || c.country === country;

  /**
   * One actor per real person (or organization, country …) across articles, keyed by the normalized name.
   * A person also matches an actor of the same type with the same first and last name tokens
   * ("Recep Erdogan" = "Recep Tayyip Erdogan"), unless their countries differ. The fullest name wins.
   */
  function resolveActor(name: string, type: EntityType, country: string | null): number | null {
    const norm = normalizeName(name);
    if (!norm) return null;
    let found = (st.namesByNorm.all(norm, type) as Candidate[]).find((c) => compatible(c, country));
    if (!found && type === 'PERSON' && tokenCount(name) >= 2) {
      found = (st.byFirstLast.all(type, firstLast(norm)) as Candidate[]).find((c) => compatible(c, country));
    }
    let id: number;
    if (found) {
      id = found.id;
      if (tokenCount(name) > tokenCount(found.name)) st.rename.run(name, norm, id);
      if (country) st.setCountry.run(country, id);
    } else {
      id = Number(st.newActor.run(name, norm, firstLast(norm), type, country).lastInsertRowid);
    }
    st.actorName.run(norm, type, id, name);
    return id;
  }

  /** An event side without an entity is linked to an actor only if its exact name is already known. */
  function actorOf(side: EventActor | null, byEntity: Map<string, number | null>): number | null {
    if (!side) return null;
    if (side.entity && byEntity.has(side.entity)) return byEntity.get(side.entity) ?? null;
    const norm = normalizeName(side.name ?? '');
    const rows = norm ? (st.namesAnyType.all(norm) as Candidate[]) : [];
    return rows.find((c) => compatible(c, side.country))?.id ?? null;
  }

  const add = db.transaction((a: Analysis, ingestedAt: string, replace: boolean): AddResult => {
    const art = a.article;
    // its facts go with it (ON DELETE CASCADE); its actors stay unless nothing else refers to them (see below)
    const oldActors = replace ? (st.actorsOf.all(art.id) as number[]) : [];
    const replaced = replace && st.remove.run(art.id).changes > 0;
    // the analysis column holds the layers; the article's own columns hold the article (its text is not stored twice)
    const info = st.article.run({ ...art, analysis: JSON.stringify({ ...a, article: undefined }), ingestedAt });
    if (info.changes === 0) return 'present';
    const id = art.id;
    const byEntity = new Map<string, number | null>();
    for (const e of a.entities) {
      const actorId = resolveActor(e.name, e.type, e.country);
      byEntity.set(e.id, actorId);
      st.entity.run(id, e.id, e.name, e.type, e.country, e.role, JSON.stringify(e.aliases ?? []), actorId);
      for (const m of e.mentions) st.mention.run(id, e.id, m.start, m.end, m.text);
      if (actorId != null && e.role) st.role.run(actorId, id, e.role, e.country, art.published);
    }
    a.times.forEach((t, i) => st.time.run(id, i, t.start, t.end, t.text, t.type, t.value, t.unresolved ? 1 : 0));
    a.quotes.forEach((q, i) => st.quote.run(id, i, q.start, q.end, q.text, q.speaker, q.speakerName, q.speaker ? byEntity.get(q.speaker) ?? null : null, q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null));
    for (const e of a.events) {
      st.event.run({
        articleId: id, id: e.id, type: e.type, mode: e.mode, cameo: e.cameo, goldstein: e.goldstein,
        sEntity: e.source.entity, sName: e.source.name, sCountry: e.source.country, sActor: actorOf(e.source, byEntity),
        tEntity: e.target?.entity ?? null, tName: e.target?.name ?? null, tCountry: e.target?.country ?? null, tActor: actorOf(e.target, byEntity),
        locName: e.location?.name ?? null, locCountry: e.location?.country ?? null, date: e.date, dateSource: e.dateSource, modality: e.modality,
        sentStart: e.sentence.start, sentEnd: e.sentence.end, sentText: art.text.slice(e.sentence.start, e.sentence.end),
        trigStart: e.trigger.start, trigEnd: e.trigger.end, trigText: e.trigger.text, confidence: e.confidence,
      });
    }
    for (const r of a.relations) st.relation.run(id, r.dyad[0], r.dyad[1], r.events, r.goldstein, r.direction, JSON.stringify(r.eventIds ?? []));
    for (const id of oldActors) st.dropOrphan.run({ id });
    return replaced ? 'replaced' : 'added';
  });

  /** Many articles in one transaction, each in its own savepoint: a failing article is rolled back alone. */
  const addMany = db.transaction((as: readonly Analysis[], ingestedAt: string, replace: boolean): BatchResult[] => as.map((a) => {
    try {
      checkSpans(a);
      return add(a, ingestedAt, replace); // nested: a savepoint
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }));

  return {
    /** Stores articles in one transaction, each whole or not at all; a failure is that article's result. */
    addMany(as: readonly Analysis[], opts: AddOptions = {}, ingestedAt = new Date().toISOString()): BatchResult[] {
      return as.length === 0 ? [] : addMany.immediate(as, ingestedAt, opts.replace ?? false);
    },
    /** Stores one article and all its facts, or nothing; 'present' when its id is already stored (unless replacing). */
    add(a: Analysis, opts: AddOptions = {}, ingestedAt = new Date().toISOString()): AddResult {
      checkSpans(a);
      return add.immediate(a, ingestedAt, opts.replace ?? false);
    },
  };
}
