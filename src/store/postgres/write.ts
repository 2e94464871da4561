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

/** Inserts `c` into a list kept in actor-id order (as the queries' ORDER BY a.id), once. */
function insertById(list: Candidate[], c: Candidate): void {
  if (list.some((x) => x.id === c.id)) return;
  let at = list.length;
  while (at > 0 && list[at - 1].id > c.id) at--;
  list.splice(at, 0, c);
}

/**
 * The same actor resolution as the SQLite engine (see `../sqlite/write.ts`), with the article's candidates read in
 * two queries up front instead of one query per entity: the lists below mirror what each per-entity query would
 * return at that point (the caller holds the actors lock, so only this transaction changes them). New actors are
 * inserted one at a time (their ids are needed); names are recorded in one statement at the end (`flush`).
 */
class ActorResolver {
  private readonly byId = new Map<number, Candidate>();
  /** type + norm → actors with that name (actor_names), in id order */
  private readonly byName = new Map<string, Candidate[]>();
  /** type + first_last → actors, in id order (persons only) */
  private readonly byFirstLast = new Map<string, Candidate[]>();
  private readonly names: unknown[][] = [];

  private constructor(private readonly c: Q) {}

  static async load(c: Q, entities: readonly { name: string; type: EntityType }[]): Promise<ActorResolver> {
    const r = new ActorResolver(c);
    const norms = [...new Set(entities.map((e) => normalizeName(e.name)).filter(Boolean))];
    const fls = [...new Set(entities.filter((e) => e.type === 'PERSON' && tokenCount(e.name) >= 2).map((e) => firstLast(normalizeName(e.name))))];
    const own = (row: Candidate): Candidate => {
      let x = r.byId.get(Number(row.id));
      if (!x) r.byId.set(Number(row.id), (x = { id: Number(row.id), name: row.name, country: row.country }));
      return x;
    };
    if (norms.length) {
      const rows = (await c.query<Candidate & { norm: string; type: string }>(`SELECT n.norm, n.type, a.id, a.name, a.country
        FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.norm = ANY($1::text[]) ORDER BY a.id`, [norms])).rows;
      for (const row of rows) r.list(r.byName, row.type, row.norm).push(own(row));
    }
    if (fls.length) {
      const rows = (await c.query<Candidate & { first_last: string }>(`SELECT id, name, country, first_last FROM actors
        WHERE type = 'PERSON' AND first_last = ANY($1::text[]) ORDER BY id`, [fls])).rows;
      for (const row of rows) r.list(r.byFirstLast, 'PERSON', row.first_last).push(own(row));
    }
    return r;
  }

  private list(map: Map<string, Candidate[]>, type: string, key: string): Candidate[] {
    const k = `${type}\u0000${key}`;
    let l = map.get(k);
    if (!l) map.set(k, (l = []));
    return l;
  }

  async resolve(name: string, type: EntityType, country: string | null): Promise<number | null> {
    const norm = normalizeName(name);
    if (!norm) return null;
    const c = this.c;
    let found = this.list(this.byName, type, norm).find((x) => compatible(x, country));
    if (!found && type === 'PERSON' && tokenCount(name) >= 2) found = this.list(this.byFirstLast, type, firstLast(norm)).find((x) => compatible(x, country));
    if (found) {
      if (tokenCount(name) > tokenCount(found.name)) {
        await c.query(`UPDATE actors SET name = $1, norm = $2 WHERE id = $3`, [name, norm, found.id]);
        found.name = name;
      }
      if (country && !found.country) {
        await c.query(`UPDATE actors SET country = $1 WHERE id = $2 AND country IS NULL`, [country, found.id]);
        found.country = country;
      }
    } else {
      const id = Number((await c.query<{ id: number }>(`INSERT INTO actors (name, norm, first_last, type, country) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [name, norm, firstLast(norm), type, country])).rows[0].id);
      found = { id, name, country };
      this.byId.set(id, found);
      insertById(this.list(this.byFirstLast, type, firstLast(norm)), found);
    }
    const named = this.list(this.byName, type, norm);
    if (!named.includes(found)) { insertById(named, found); this.names.push([norm, type, found.id, name]); }
    return found.id;
  }

  /** Records the names the article gave its actors. */
  async flush(): Promise<void> {
    await insertRows(this.c, `INSERT INTO actor_names (norm, type, actor_id, name)`, 4, this.names, 'ON CONFLICT DO NOTHING');
    this.names.length = 0;
  }
}

/** Event sides without an entity: linked to an actor only if their exact name is already known (any type). */
async function sideActors(c: Q, sides: readonly (EventActor | null)[]): Promise<(side: EventActor | null, byEntity: Map<string, number | null>) => number | null> {
  const norms = [...new Set(sides.filter((s): s is EventActor => !!s).map((s) => normalizeName(s.name ?? '')).filter(Boolean))];
  const byNorm = new Map<string, Candidate[]>();
  if (norms.length) {
    const rows = (await c.query<Candidate & { norm: string }>(`SELECT n.norm, a.id, a.name, a.country FROM actor_names n JOIN actors a ON a.id = n.actor_id
      WHERE n.norm = ANY($1::text[]) ORDER BY a.id`, [norms])).rows;
    for (const row of rows) {
      const l = byNorm.get(row.norm) ?? [];
      l.push({ id: Number(row.id), name: row.name, country: row.country });
      byNorm.set(row.norm, l);
    }
  }
  return (side, byEntity) => {
    if (!side) return null;
    if (side.entity && byEntity.has(side.entity)) return byEntity.get(side.entity) ?? null;
    const norm = normalizeName(side.name ?? '');
    if (!norm) return null;
    return byNorm.get(norm)?.find((x) => compatible(x, side.country))?.id ?? null;
  };
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
      oldActors = (await c.query<{ actor_id: number }>(`SELECT DISTINCT e.actor_id FROM entities e JOIN articles a ON a.seq = e.article_seq
        WHERE a.id = $1 AND e.actor_id IS NOT NULL`, [id])).rows.map((r) => r.actor_id);
      replaced = ((await c.query(`DELETE FROM articles WHERE id = $1`, [id])).rowCount ?? 0) > 0;
    }
    // the article and its place in the grouping queue in one statement (a named, prepared one: planned once); its
    // seq keys its facts
    const ins = await c.query<{ seq: number }>({
      name: 'dyad-add-article',
      text: `WITH a AS (INSERT INTO articles (id, title, standfirst, text, published, source, url, lang, analysis, ingested_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id, seq)
        INSERT INTO story_pending (article_id, seq) SELECT id, seq FROM a RETURNING seq`,
      values: [id, art.title, art.standfirst ?? null, art.text, art.published ?? null, art.source ?? null, art.url ?? null, art.lang ?? 'en', JSON.stringify({ ...a, article: undefined }), ingestedAt],
    });
    if (ins.rows.length === 0) { await c.query('COMMIT'); return 'present'; }
    const seq = ins.rows[0].seq;
    // facts without actors go in before the actors lock (other writers wait only for the part that needs it)
    await insertRows(c, `INSERT INTO times (article_seq, idx, start, "end", text, type, value, unresolved)`, 8,
      a.times.map((t, i) => [seq, i, t.start, t.end, t.text, t.type, t.value, t.unresolved ? 1 : 0]));
    await insertRows(c, `INSERT INTO relations (article_seq, country_a, country_b, events, goldstein, direction, event_ids)`, 7,
      a.relations.map((r) => [seq, r.dyad[0], r.dyad[1], r.events, r.goldstein, r.direction, JSON.stringify(r.eventIds ?? [])]), 'ON CONFLICT DO NOTHING');
    if (!opts.replace) await c.query({ name: 'dyad-actors-lock', text: `SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dyad-actors'))` });

    const byEntity = new Map<string, number | null>();
    const entityRows: unknown[][] = [];
    const mentionRows: unknown[][] = [];
    const roleRows: unknown[][] = [];
    const actors = await ActorResolver.load(c, a.entities);
    for (const e of a.entities) {
      const actorId = await actors.resolve(e.name, e.type, e.country);
      byEntity.set(e.id, actorId);
      entityRows.push([seq, e.id, e.name, e.type, e.country, e.role, JSON.stringify(e.aliases ?? []), actorId]);
      for (const m of e.mentions) mentionRows.push([seq, e.id, m.start, m.end, m.text]);
      if (actorId != null && e.role) roleRows.push([actorId, seq, e.role, e.country, art.published ?? null]);
    }
    await actors.flush();
    await insertRows(c, `INSERT INTO entities (article_seq, id, name, type, country, role, aliases, actor_id)`, 8, entityRows);
    await insertRows(c, `INSERT INTO mentions (article_seq, entity_id, start, "end", text)`, 5, mentionRows, 'ON CONFLICT DO NOTHING');
    await insertRows(c, `INSERT INTO actor_roles (actor_id, article_seq, role, country, date)`, 5, roleRows, 'ON CONFLICT DO NOTHING');
    await insertRows(c, `INSERT INTO quotes (article_seq, idx, start, "end", text, speaker, speaker_name, speaker_actor_id, cue_start, cue_end, cue_text)`, 11,
      a.quotes.map((q, i) => [seq, i, q.start, q.end, q.text, q.speaker, q.speakerName, q.speaker ? byEntity.get(q.speaker) ?? null : null, q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null]));
    const eventRows: unknown[][] = [];
    const actorOf = await sideActors(c, a.events.flatMap((e) => [e.source, e.target]));
    for (const e of a.events) {
      eventRows.push([seq, e.id, e.type, e.mode, e.cameo, e.goldstein,
        e.source.entity, e.source.name, e.source.country, actorOf(e.source, byEntity),
        e.target?.entity ?? null, e.target?.name ?? null, e.target?.country ?? null, actorOf(e.target, byEntity),
        e.location?.name ?? null, e.location?.country ?? null, e.date, e.dateSource, e.modality,
        e.sentence.start, e.sentence.end, art.text.slice(e.sentence.start, e.sentence.end), e.trigger.start, e.trigger.end, e.trigger.text, e.confidence]);
    }
    await insertRows(c, `INSERT INTO events (article_seq, id, type, mode, cameo, goldstein, source_entity, source_name, source_country, source_actor_id,
      target_entity, target_name, target_country, target_actor_id, location_name, location_country, date, date_source, modality,
      sentence_start, sentence_end, sentence_text, trigger_start, trigger_end, trigger_text, confidence)`, 26, eventRows);
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
