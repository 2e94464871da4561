import type pg from 'pg';

/** Text compared byte-wise, as SQLite does, so both engines sort the same. */
const T = 'TEXT COLLATE "C"';

/**
 * The PostgreSQL schema, the same tables and columns as the SQLite engine's (`../sqlite/migrations.ts`), as an
 * append-only list: migration N brings a database from version N-1 to N (kept in `dyad_schema`). Where SQLite has
 * an implicit rowid, tables here have a `seq` column for insertion order; full-text search is a generated tsvector.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: articles, their facts, actors across articles, full-text search
  `
  CREATE TABLE articles (
    seq BIGSERIAL PRIMARY KEY,
    id ${T} NOT NULL UNIQUE,
    title ${T} NOT NULL,
    standfirst ${T},
    text ${T} NOT NULL,
    published ${T},
    source ${T},
    url ${T},
    lang ${T} NOT NULL DEFAULT 'en',
    analysis ${T} NOT NULL,
    ingested_at ${T} NOT NULL,
    fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_fts ON articles USING gin(fts);

  CREATE TABLE actors (
    id BIGSERIAL PRIMARY KEY,
    name ${T} NOT NULL,
    norm ${T} NOT NULL,
    first_last ${T} NOT NULL,
    type ${T} NOT NULL,
    country ${T}
  );
  CREATE INDEX actors_first_last ON actors(type, first_last);
  CREATE TABLE actor_names (
    norm ${T} NOT NULL,
    type ${T} NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name ${T} NOT NULL,
    PRIMARY KEY (norm, type, actor_id)
  );
  CREATE INDEX actor_names_actor ON actor_names(actor_id);
  CREATE TABLE actor_roles (
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role ${T} NOT NULL,
    country ${T},
    date ${T},
    PRIMARY KEY (actor_id, article_id, role)
  );
  CREATE INDEX actor_roles_article ON actor_roles(article_id);

  CREATE TABLE entities (
    seq BIGSERIAL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id ${T} NOT NULL,
    name ${T} NOT NULL,
    type ${T} NOT NULL,
    country ${T},
    role ${T},
    aliases ${T} NOT NULL,
    actor_id BIGINT REFERENCES actors(id),
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX entities_actor ON entities(actor_id);

  CREATE TABLE mentions (
    seq BIGSERIAL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id ${T} NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    PRIMARY KEY (article_id, entity_id, start, "end"),
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
  );

  CREATE TABLE times (
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    type ${T} NOT NULL,
    value ${T} NOT NULL,
    unresolved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE quotes (
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    speaker ${T},
    speaker_name ${T},
    speaker_actor_id BIGINT REFERENCES actors(id),
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text ${T},
    PRIMARY KEY (article_id, idx)
  );
  CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);

  CREATE TABLE events (
    seq BIGSERIAL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id ${T} NOT NULL,
    type ${T} NOT NULL,
    mode ${T},
    cameo ${T} NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    source_entity ${T},
    source_name ${T} NOT NULL,
    source_country ${T},
    source_actor_id BIGINT REFERENCES actors(id),
    target_entity ${T},
    target_name ${T},
    target_country ${T},
    target_actor_id BIGINT REFERENCES actors(id),
    location_name ${T},
    location_country ${T},
    date ${T},
    date_source ${T},
    modality ${T} NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text ${T} NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text ${T} NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX events_dyad ON events(source_country, target_country);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_source_actor ON events(source_actor_id);
  CREATE INDEX events_target_actor ON events(target_actor_id);

  CREATE TABLE relations (
    seq BIGSERIAL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    country_a ${T} NOT NULL,
    country_b ${T} NOT NULL,
    events INTEGER NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    direction ${T} NOT NULL,
    event_ids ${T} NOT NULL,
    PRIMARY KEY (article_id, country_a, country_b)
  );
  `,
  // 2: stories, near-duplicate articles grouped by MinHash signatures and an LSH band index (../stories)
  `
  CREATE TABLE story_signatures (
    article_id ${T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BYTEA NOT NULL,
    size INTEGER NOT NULL
  );
  CREATE TABLE story_bands (
    band INTEGER NOT NULL,
    key BIGINT NOT NULL,
    article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, article_id)
  );
  CREATE INDEX story_bands_article ON story_bands(article_id);
  CREATE TABLE story_members (
    article_id ${T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id ${T} NOT NULL,
    seq BIGINT NOT NULL,
    similarity DOUBLE PRECISION
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE INDEX story_members_seq ON story_members(seq);
  `,
  // 3: the articles waiting to be grouped into stories, written with the article: finding them costs nothing
  // however large the corpus (PostgreSQL only: SQLite has one writer and reads the articles past the last grouped)
  `
  CREATE TABLE story_pending (
    article_id ${T} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL
  );
  INSERT INTO story_pending (article_id, seq)
    SELECT a.id, a.seq FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id);
  `,
  // 4: the story index keyed by the article's seq instead of its 64-character id (as SQLite's migration 3): rows a
  // sixth of the size in an index that every article writes at MINHASH.bands random places; a bucket is read in seq order
  `
  CREATE TABLE story_bands_by_seq (
    band INTEGER NOT NULL,
    key BIGINT NOT NULL,
    seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    PRIMARY KEY (band, key, seq)
  );
  INSERT INTO story_bands_by_seq (band, key, seq) SELECT b.band, b.key, a.seq FROM story_bands b JOIN articles a ON a.id = b.article_id;
  DROP TABLE story_bands;
  ALTER TABLE story_bands_by_seq RENAME TO story_bands;
  ALTER INDEX story_bands_by_seq_pkey RENAME TO story_bands_pkey;
  CREATE INDEX story_bands_seq ON story_bands(seq);
  CREATE TABLE story_signatures_by_seq (
    seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    signature BYTEA NOT NULL,
    size INTEGER NOT NULL
  );
  INSERT INTO story_signatures_by_seq (seq, signature, size) SELECT a.seq, s.signature, s.size FROM story_signatures s JOIN articles a ON a.id = s.article_id;
  DROP TABLE story_signatures;
  ALTER TABLE story_signatures_by_seq RENAME TO story_signatures;
  ALTER INDEX story_signatures_by_seq_pkey RENAME TO story_signatures_pkey;
  `,
  // 5: an article's facts keyed by its seq instead of its 64-character id (as SQLite's migration 4). Every fact
  // table's primary key began with the random id: each article's rows landed on a random page of each index, and
  // once the indexes outgrow shared_buffers each article dirties (and reads back) a page per index. Keyed by seq,
  // an article's rows go at the end of each index, next to those of the article before it (articles.seq comes from
  // a sequence); the article's id is a join away. New tables, filled in article order, rather than ALTER TABLE: an
  // UPDATE of every row would leave each row twice in the heap, and a dropped column keeps its 64 bytes in every
  // old row. The tables' own `seq` columns (insertion order, where SQLite has a rowid) keep their values and their
  // sequences, handed to the new tables before the old ones are dropped; primary keys get back their usual names,
  // and the same secondary indexes are made again.
  `
  CREATE TABLE actor_roles_v5 (
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    role ${T} NOT NULL,
    country ${T},
    date ${T},
    PRIMARY KEY (actor_id, article_seq, role)
  );
  INSERT INTO actor_roles_v5 (actor_id, article_seq, role, country, date)
    SELECT r.actor_id, a.seq, r.role, r.country, r.date FROM actor_roles r JOIN articles a ON a.id = r.article_id ORDER BY a.seq, r.actor_id, r.role;

  CREATE TABLE entities_v5 (
    seq BIGINT NOT NULL DEFAULT nextval('entities_seq_seq'),
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    id ${T} NOT NULL,
    name ${T} NOT NULL,
    type ${T} NOT NULL,
    country ${T},
    role ${T},
    aliases ${T} NOT NULL,
    actor_id BIGINT REFERENCES actors(id),
    PRIMARY KEY (article_seq, id)
  );
  INSERT INTO entities_v5 (seq, article_seq, id, name, type, country, role, aliases, actor_id)
    SELECT e.seq, a.seq, e.id, e.name, e.type, e.country, e.role, e.aliases, e.actor_id FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.seq;
  ALTER SEQUENCE entities_seq_seq OWNED BY entities_v5.seq;

  CREATE TABLE mentions_v5 (
    seq BIGINT NOT NULL DEFAULT nextval('mentions_seq_seq'),
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    entity_id ${T} NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    PRIMARY KEY (article_seq, entity_id, start, "end"),
    FOREIGN KEY (article_seq, entity_id) REFERENCES entities_v5(article_seq, id) ON DELETE CASCADE
  );
  INSERT INTO mentions_v5 (seq, article_seq, entity_id, start, "end", text)
    SELECT m.seq, a.seq, m.entity_id, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.seq, m.seq;
  ALTER SEQUENCE mentions_seq_seq OWNED BY mentions_v5.seq;

  CREATE TABLE times_v5 (
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    type ${T} NOT NULL,
    value ${T} NOT NULL,
    unresolved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_seq, idx)
  );
  INSERT INTO times_v5 (article_seq, idx, start, "end", text, type, value, unresolved)
    SELECT a.seq, t.idx, t.start, t."end", t.text, t.type, t.value, t.unresolved FROM times t JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.idx;

  CREATE TABLE quotes_v5 (
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text ${T} NOT NULL,
    speaker ${T},
    speaker_name ${T},
    speaker_actor_id BIGINT REFERENCES actors(id),
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text ${T},
    PRIMARY KEY (article_seq, idx)
  );
  INSERT INTO quotes_v5 (article_seq, idx, start, "end", text, speaker, speaker_name, speaker_actor_id, cue_start, cue_end, cue_text)
    SELECT a.seq, q.idx, q.start, q."end", q.text, q.speaker, q.speaker_name, q.speaker_actor_id, q.cue_start, q.cue_end, q.cue_text
    FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.seq, q.idx;

  CREATE TABLE events_v5 (
    seq BIGINT NOT NULL DEFAULT nextval('events_seq_seq'),
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    id ${T} NOT NULL,
    type ${T} NOT NULL,
    mode ${T},
    cameo ${T} NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    source_entity ${T},
    source_name ${T} NOT NULL,
    source_country ${T},
    source_actor_id BIGINT REFERENCES actors(id),
    target_entity ${T},
    target_name ${T},
    target_country ${T},
    target_actor_id BIGINT REFERENCES actors(id),
    location_name ${T},
    location_country ${T},
    date ${T},
    date_source ${T},
    modality ${T} NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text ${T} NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text ${T} NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_seq, id)
  );
  INSERT INTO events_v5 (seq, article_seq, id, type, mode, cameo, goldstein, source_entity, source_name, source_country, source_actor_id,
    target_entity, target_name, target_country, target_actor_id, location_name, location_country, date, date_source, modality,
    sentence_start, sentence_end, sentence_text, trigger_start, trigger_end, trigger_text, confidence)
    SELECT e.seq, a.seq, e.id, e.type, e.mode, e.cameo, e.goldstein, e.source_entity, e.source_name, e.source_country, e.source_actor_id,
      e.target_entity, e.target_name, e.target_country, e.target_actor_id, e.location_name, e.location_country, e.date, e.date_source, e.modality,
      e.sentence_start, e.sentence_end, e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, e.confidence
    FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.seq;
  ALTER SEQUENCE events_seq_seq OWNED BY events_v5.seq;

  CREATE TABLE relations_v5 (
    seq BIGINT NOT NULL DEFAULT nextval('relations_seq_seq'),
    article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    country_a ${T} NOT NULL,
    country_b ${T} NOT NULL,
    events INTEGER NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    direction ${T} NOT NULL,
    event_ids ${T} NOT NULL,
    PRIMARY KEY (article_seq, country_a, country_b)
  );
  INSERT INTO relations_v5 (seq, article_seq, country_a, country_b, events, goldstein, direction, event_ids)
    SELECT r.seq, a.seq, r.country_a, r.country_b, r.events, r.goldstein, r.direction, r.event_ids
    FROM relations r JOIN articles a ON a.id = r.article_id ORDER BY a.seq, r.seq;
  ALTER SEQUENCE relations_seq_seq OWNED BY relations_v5.seq;

  DROP TABLE mentions, entities, times, quotes, events, relations, actor_roles;
  ALTER TABLE actor_roles_v5 RENAME TO actor_roles;
  ALTER INDEX actor_roles_v5_pkey RENAME TO actor_roles_pkey;
  ALTER TABLE entities_v5 RENAME TO entities;
  ALTER INDEX entities_v5_pkey RENAME TO entities_pkey;
  ALTER TABLE mentions_v5 RENAME TO mentions;
  ALTER INDEX mentions_v5_pkey RENAME TO mentions_pkey;
  ALTER TABLE times_v5 RENAME TO times;
  ALTER INDEX times_v5_pkey RENAME TO times_pkey;
  ALTER TABLE quotes_v5 RENAME TO quotes;
  ALTER INDEX quotes_v5_pkey RENAME TO quotes_pkey;
  ALTER TABLE events_v5 RENAME TO events;
  ALTER INDEX events_v5_pkey RENAME TO events_pkey;
  ALTER TABLE relations_v5 RENAME TO relations;
  ALTER INDEX relations_v5_pkey RENAME TO relations_pkey;
  CREATE INDEX actor_roles_article ON actor_roles(article_seq);
  CREATE INDEX entities_actor ON entities(actor_id);
  CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
  CREATE INDEX events_dyad ON events(source_country, target_country);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_source_actor ON events(source_actor_id);
  CREATE INDEX events_target_actor ON events(target_actor_id);
  `,
];

/**
 * Brings the schema up to date, one transaction per migration, under an advisory lock so that two processes
 * opening a new database at once do not both migrate it.
 */
export async function migratePg(client: pg.PoolClient): Promise<number> {
  for (;;) {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':dyad-migrate'))`);
      await client.query('CREATE TABLE IF NOT EXISTS dyad_schema (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM dyad_schema');
      const v = rows[0]?.version ?? 0;
      if (v > PG_MIGRATIONS.length) {
        throw new Error(`E_SCHEMA_NEWER: the database has schema version ${v}, newer than this dyad knows (${PG_MIGRATIONS.length}); upgrade dyad`);
      }
      if (v === PG_MIGRATIONS.length) { await client.query('COMMIT'); return v; }
      await client.query(PG_MIGRATIONS[v]);
      if (rows.length === 0) await client.query('INSERT INTO dyad_schema (version) VALUES ($1)', [v + 1]);
      else await client.query('UPDATE dyad_schema SET version = $1', [v + 1]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}
