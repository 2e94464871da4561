import type Database from 'better-sqlite3';
import type { Analysis, Span, TextSpan } from '../../analyze/schema.js';
import type { AddOptions, AddResult, BatchResult } from '../store.js';
import { createActorResolver } from './actors.js';
import { createArticleRowInserter } from './article-rows.js';

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

/** An article failed while a batch was written without savepoints: the batch is rolled back and written again with them. */
class RetryWithSavepoints extends Error {}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** The analysis column holds the layers; the article's own columns hold the article (its text is not stored twice). */
const analysisColumn = (a: Analysis) => JSON.stringify({ ...a, article: undefined });

/**
 * Prepared statements and the write path of the SQLite engine.
 *
 * A batch is one transaction in which each article is stored whole or not at all. That used to take a savepoint
 * per article, which copies every page first changed under it to the statement journal and costs statements of
 * its own. Articles almost never fail once their spans are checked, so a batch is first written without
 * savepoints: the article rows with one statement (`article-rows.ts`: the full-text index then grows by a segment
 * per batch, not per article), then the facts of each. If an article fails, the whole transaction is rolled back
 * and the batch written again the old way, row by row with a savepoint per article, which gives the same tables
 * and results as always. Replacing articles (rare) goes that way from the start.
 */
export function createWriter(db: Database.Database) {
  const st = {
    article: db.prepare(`INSERT INTO articles (id, title, standfirst, text, published, source, url, lang, analysis, ingested_at)
      VALUES (@id, @title, @standfirst, @text, @published, @source, @url, @lang, @analysis, @ingestedAt) ON CONFLICT(id) DO NOTHING`),
    role: db.prepare(`INSERT OR IGNORE INTO actor_roles (actor_id, article_seq, role, country, date) VALUES (?, ?, ?, ?, ?)`),
    entity: db.prepare(`INSERT INTO entities (article_seq, id, name, type, country, role, aliases, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    mention: db.prepare(`INSERT OR IGNORE INTO mentions (article_seq, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)`),
    time: db.prepare(`INSERT INTO times (article_seq, idx, start, "end", text, type, value, unresolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    quote: db.prepare(`INSERT INTO quotes (article_seq, idx, start, "end", text, speaker, speaker_name, speaker_actor_id, cue_start, cue_end, cue_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // positional parameters: binding by name looks each one up on an object, twice as slow for 26 of them
    event: db.prepare(`INSERT INTO events (article_seq, id, type, mode, cameo, goldstein,
      source_entity, source_name, source_country, source_actor_id, target_entity, target_name, target_country, target_actor_id,
      location_name, location_country, date, date_source, modality, sentence_start, sentence_end, sentence_text,
      trigger_start, trigger_end, trigger_text, confidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    remove: db.prepare(`DELETE FROM articles WHERE id = ?`),
    actorsOf: db.prepare(`SELECT DISTINCT e.actor_id FROM entities e JOIN articles a ON a.seq = e.article_seq WHERE a.id = ? AND e.actor_id IS NOT NULL`).pluck(),
    dropOrphan: db.prepare(`DELETE FROM actors WHERE id = @id
      AND NOT EXISTS (SELECT 1 FROM entities WHERE actor_id = @id) AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_id = @id)
      AND NOT EXISTS (SELECT 1 FROM events WHERE source_actor_id = @id OR target_actor_id = @id)`),
    relation: db.prepare(`INSERT OR IGNORE INTO relations (article_seq, country_a, country_b, events, goldstein, direction, event_ids) VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
  const actors = createActorResolver(db);
  const articleRows = createArticleRowInserter(db);

  /** Writes one article and its facts in the open transaction; a failure leaves part of it written (roll back). */
  function write(a: Analysis, ingestedAt: string, replace: boolean): AddResult {
    const art = a.article;
    // its facts go with it (ON DELETE CASCADE); its actors stay unless nothing else refers to them (see below)
    const oldActors = replace ? (st.actorsOf.all(art.id) as number[]) : [];
    const replaced = replace && st.remove.run(art.id).changes > 0;
    const info = st.article.run({ ...art, analysis: analysisColumn(a), ingestedAt });
    if (info.changes === 0) return 'present';
    writeFacts(a, Number(info.lastInsertRowid));
    let dropped = 0;
    for (const id of oldActors) dropped += st.dropOrphan.run({ id }).changes;
    if (dropped > 0) actors.forget();
    return replaced ? 'replaced' : 'added';
  }

  /** Writes the facts of an article whose row is stored as `seq`: entities with their actors, mentions, times, quotes, events, relations. */
  function writeFacts(a: Analysis, seq: number): void {
    const art = a.article;
    const byEntity = new Map<string, number | null>();
    for (const e of a.entities) {
      const actorId = actors.resolve(e.name, e.type, e.country);
      byEntity.set(e.id, actorId);
      st.entity.run(seq, e.id, e.name, e.type, e.country, e.role, JSON.stringify(e.aliases ?? []), actorId);
      for (const m of e.mentions) st.mention.run(seq, e.id, m.start, m.end, m.text);
      if (actorId != null && e.role) st.role.run(actorId, seq, e.role, e.country, art.published);
    }
    a.times.forEach((t, i) => st.time.run(seq, i, t.start, t.end, t.text, t.type, t.value, t.unresolved ? 1 : 0));
    a.quotes.forEach((q, i) => st.quote.run(seq, i, q.start, q.end, q.text, q.speaker, q.speakerName, q.speaker ? byEntity.get(q.speaker) ?? null : null, q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null));
    for (const e of a.events) {
      st.event.run(seq, e.id, e.type, e.mode, e.cameo, e.goldstein,
        e.source.entity, e.source.name, e.source.country, actors.ofSide(e.source, byEntity),
        e.target?.entity ?? null, e.target?.name ?? null, e.target?.country ?? null, actors.ofSide(e.target, byEntity),
        e.location?.name ?? null, e.location?.country ?? null, e.date, e.dateSource, e.modality,
        e.sentence.start, e.sentence.end, art.text.slice(e.sentence.start, e.sentence.end),
        e.trigger.start, e.trigger.end, e.trigger.text, e.confidence);
    }
    for (const r of a.relations) st.relation.run(seq, r.dyad[0], r.dyad[1], r.events, r.goldstein, r.direction, JSON.stringify(r.eventIds ?? []));
  }

  /** One article in a transaction of its own, or in a savepoint when called inside one. */
  const add = db.transaction((a: Analysis, ingestedAt: string, replace: boolean): AddResult => write(a, ingestedAt, replace));

  /** One article by itself: the resolver's memory is started afresh under the write lock. */
  const addAlone = db.transaction((a: Analysis, ingestedAt: string, replace: boolean): AddResult => {
    actors.begin();
    return write(a, ingestedAt, replace);
  });

  /**
   * A batch of new articles without savepoints: the rows of the articles whose spans hold, then the facts of each
   * one inserted. An article that fails aborts the batch (the transaction is rolled back) for a retry.
   */
  const addAllOrRetry = db.transaction((as: readonly Analysis[], ingestedAt: string): BatchResult[] => {
    actors.begin();
    const results: BatchResult[] = new Array(as.length);
    const checked: number[] = [];
    as.forEach((a, i) => {
      try {
        checkSpans(a); // before anything of the article is written
        checked.push(i);
      } catch (err) {
        results[i] = asError(err);
      }
    });
    if (!checked.every((i) => articleRows.complete(as[i].article))) throw new RetryWithSavepoints('an article lacks a column');
    try {
      const inserted = articleRows.insert(checked.map((i) => ({ article: as[i].article, analysis: analysisColumn(as[i]) })), ingestedAt);
      checked.forEach((i, k) => {
        const seq = inserted[k];
        if (seq !== null) writeFacts(as[i], seq);
        results[i] = seq !== null ? 'added' : 'present';
      });
    } catch (err) {
      throw new RetryWithSavepoints('an article failed', { cause: err });
    }
    return results;
  });

  /** A batch with a savepoint per article: a failing article is rolled back alone. */
  const addEachInSavepoint = db.transaction((as: readonly Analysis[], ingestedAt: string, replace: boolean): BatchResult[] => {
    actors.begin();
    return as.map((a) => {
      try {
        checkSpans(a);
        return add(a, ingestedAt, replace); // nested: a savepoint
      } catch (err) {
        actors.forget(); // its actors were rolled back with it
        return asError(err);
      }
    });
  });

  return {
    /** Stores articles in one transaction, each whole or not at all; a failure is that article's result. */
    addMany(as: readonly Analysis[], opts: AddOptions = {}, ingestedAt = new Date().toISOString()): BatchResult[] {
      if (as.length === 0) return [];
      const replace = opts.replace ?? false;
      try {
        // replacing (re-analysis, rare) goes row by row with savepoints: a replaced article's `seq` depends on
        // what was removed before it
        if (replace) return addEachInSavepoint.immediate(as, ingestedAt, true);
        try {
          return addAllOrRetry.immediate(as, ingestedAt);
        } catch (err) {
          if (!(err instanceof RetryWithSavepoints)) throw err;
          actors.forget();
          return addEachInSavepoint.immediate(as, ingestedAt, false);
        }
      } finally {
        actors.forget(); // nothing of it is true once the write lock is released
      }
    },
    /** Stores one article and all its facts, or nothing; 'present' when its id is already stored (unless replacing). */
    add(a: Analysis, opts: AddOptions = {}, ingestedAt = new Date().toISOString()): AddResult {
      checkSpans(a);
      try {
        return addAlone.immediate(a, ingestedAt, opts.replace ?? false);
      } finally {
        actors.forget();
      }
    },
  };
}
