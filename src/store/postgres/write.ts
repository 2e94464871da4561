import type pg from 'pg';
import type { Analysis, EntityType, EventActor } from '../../analyze/schema.js';
import type { AddOptions, AddResult } from '../store.js';
import { firstLast, normalizeName, tokenCount } from '../names.js';
import { checkSpans } from '../sqlite/write.js';

type Q = pg.PoolClient;
type Candidate = { id: number; name: string; country: string | null };

/** INSERT of many rows in one statement: `cols` per row, `$n` placeholders numbered across rows. */
async function insertRows(c: Q, head: string, cols: number, rows: unknown[][], tail = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.map((_, r) => `(${Array.from({ length: cols }, (_, k) => `$${r * cols + k + 1}`).join(', ')})`).join(', ');
    await c.query(`${head} VALUES ${values} ${tail}`, chunk.flat());
  }
}

const compatible = (c: Candidate, country: string | null) => !c.country || !country || c.country === country;

/** The same actor resolution as the SQLite engine (see `../sqlite/write.ts`), one query at a time. */
async function resolveActor(c: Q, name: string, type: EntityType, country: string | null): Promise<number | null> {
  const norm = normalizeName(name);
  if (!norm) return null;
  let found = (await c.query<Candidate>(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id
    WHERE n.norm = $1 AND n.type = $2 ORDER BY a.id`, [norm, type])).rows.find((x) => compatible(x, country));
  if (!found && type === 'PERSON' && tokenCount(name) >= 2) {
    found = (await c.query<Candidate>(`SELECT id, name, country FROM actors WHERE type = $1 AND first_last = $2 ORDER BY id`, [type, firstLast(norm)])).rows
      .find((x) => compatible(x, country));
  }
  let id: number;
  if (found) {
    id = found.id;
    if (tokenCount(name) > tokenCount(found.name)) await c.query(`UPDATE actors SET name = $1, norm = $2 WHERE id = $3`, [name, norm, id]);
    if (country) await c.query(`UPDATE actors SET country = $1 WHERE id = $2 AND country IS NULL`, [country, id]);
  } else {
    id = (await c.query<{ id: number }>(`INSERT INTO actors (name, norm, first_last, type, country) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [name, norm, firstLast(norm), type, country])).rows[0].id;
  }
  await c.query(`INSERT INTO actor_names (norm, type, actor_id, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [norm, type, id, name]);
  return id;
}

async function actorOf(c: Q, side: EventActor | null, byEntity: Map<string, number | null>): Promise<number | null> {
  if (!side) return null;
  if (side.entity && byEntity.has(side.entity)) return byEntity.get(side.entity) ?? null;
  const norm = normalizeName(side.name ?? '');
  if (!norm) return null;
  const rows = (await c.query<Candidate>(`SELECT a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = $1 ORDER BY a.id`, [norm])).rows;
  return rows.find((x) => compatible(x, side.country))?.id ?? null;
}

/**
 * Stores one article and all its facts in one transaction, or nothing. The article row is an upsert keyed by its
 * content id (`ON CONFLICT DO NOTHING`), so a retried job or a second writer stores nothing twice. Actors are
 * resolved under a transaction-scoped advisory lock: two writers never create the same actor twice.
 */
export async function addArticlePg(c: Q, a: Analysis, opts: AddOptions = {}, ingestedAt = new Date().toISOString()): Promise<AddResult> {
  checkSpans(a);
  const art = a.article;
  const id = art.id;
  await c.query('BEGIN');
  try {
    let oldActors: number[] = [];
    let replaced = false;
    if (opts.replace) {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dyad-actors'))`);
      oldActors = (await c.query<{ actor_id: number }>(`SELECT DISTINCT actor_id FROM entities WHERE article_id = $1 AND actor_id IS NOT NULL`, [id])).rows.map((r) => r.actor_id);
      replaced = ((await c.query(`DELETE FROM articles WHERE id = $1`, [id])).rowCount ?? 0) > 0;
    }
    const ins = await c.query(`INSERT INTO articles (id, title, standfirst, text, published, source, url, lang, analysis, ingested_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [id, art.title, art.standfirst ?? null, art.text, art.published ?? null, art.source ?? null, art.url ?? null, art.lang ?? 'en', JSON.stringify({ ...a, article: undefined }), ingestedAt]);
    if ((ins.rowCount ?? 0) === 0) { await c.query('COMMIT'); return 'present'; }
    await c.query(`INSERT INTO story_pending (article_id, seq) SELECT id, seq FROM articles WHERE id = $1`, [id]);
    if (!opts.replace) await c.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dyad-actors'))`);

    const byEntity = new Map<string, number | null>();
    const entityRows: unknown[][] = [];
    const mentionRows: unknown[][] = [];
    const roleRows: unknown[][] = [];
    for (const e of a.entities) {
      const actorId = await resolveActor(c, e.name, e.type, e.country);
      byEntity.set(e.id, actorId);
      entityRows.push([id, e.id, e.name, e.type, e.country, e.role, JSON.stringify(e.aliases ?? []), actorId]);
      for (const m of e.mentions) mentionRows.push([id, e.id, m.start, m.end, m.text]);
      if (actorId != null && e.role) roleRows.push([actorId, id, e.role, e.country, art.published ?? null]);
    }
    await insertRows(c, `INSERT INTO entities (article_id, id, name, type, country, role, aliases, actor_id)`, 8, entityRows);
    await insertRows(c, `INSERT INTO mentions (article_id, entity_id, start, "end", text)`, 5, mentionRows, 'ON CONFLICT DO NOTHING');
    await insertRows(c, `INSERT INTO actor_roles (actor_id, article_id, role, country, date)`, 5, roleRows, 'ON CONFLICT DO NOTHING');
    await insertRows(c, `INSERT INTO times (article_id, idx, start, "end", text, type, value, unresolved)`, 8,
      a.times.map((t, i) => [id, i, t.start, t.end, t.text, t.type, t.value, t.unresolved ? 1 : 0]));
    await insertRows(c, `INSERT INTO quotes (article_id, idx, start, "end", text, speaker, speaker_name, speaker_actor_id, cue_start, cue_end, cue_text)`, 11,
      a.quotes.map((q, i) => [id, i, q.start, q.end, q.text, q.speaker, q.speakerName, q.speaker ? byEntity.get(q.speaker) ?? null : null, q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null]));
    const eventRows: unknown[][] = [];
    for (const e of a.events) {
      eventRows.push([id, e.id, e.type, e.mode, e.cameo, e.goldstein,
        e.source.entity, e.source.name, e.source.country, await actorOf(c, e.source, byEntity),
        e.target?.entity ?? null, e.target?.name ?? null, e.target?.country ?? null, await actorOf(c, e.target, byEntity),
        e.location?.name ?? null, e.location?.country ?? null, e.date, e.dateSource, e.modality,
        e.sentence.start, e.sentence.end, art.text.slice(e.sentence.start, e.sentence.end), e.trigger.start, e.trigger.end, e.trigger.text, e.confidence]);
    }
    await insertRows(c, `INSERT INTO events (article_id, id, type, mode, cameo, goldstein, source_entity, source_name, source_country, source_actor_id,
      target_entity, target_name, target_country, target_actor_id, location_name, location_country, date, date_source, modality,
      sentence_start, sentence_end, sentence_text, trigger_start, trigger_end, trigger_text, confidence)`, 26, eventRows);
    await insertRows(c, `INSERT INTO relations (article_id, country_a, country_b, events, goldstein, direction, event_ids)`, 7,
      a.relations.map((r) => [id, r.dyad[0], r.dyad[1], r.events, r.goldstein, r.direction, JSON.stringify(r.eventIds ?? [])]), 'ON CONFLICT DO NOTHING');
    for (const actor of oldActors) {
      await c.query(`DELETE FROM actors WHERE id = $1
        AND NOT EXISTS (SELECT 1 FROM entities WHERE actor_id = $1) AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_actor_id = $1)
        AND NOT EXISTS (SELECT 1 FROM events WHERE source_actor_id = $1 OR target_actor_id = $1)`, [actor]);
    }
    await c.query('COMMIT');
    return replaced ? 'replaced' : 'added';
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
