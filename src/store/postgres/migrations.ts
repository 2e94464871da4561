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
