import type Database from 'better-sqlite3';

/**
 * The schema, as an append-only list: migration N brings a database from user_version N-1 to N.
 * Never edit a released migration; add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: articles, their facts, actors across articles, full-text search
  `
  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    standfirst TEXT,
    text TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    lang TEXT NOT NULL DEFAULT 'en',
    analysis TEXT NOT NULL, -- the analysis document without its "article" (these columns hold it)
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);

  CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  END;

  CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    first_last TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT
  );
  CREATE INDEX actors_first_last ON actors(type, first_last);
  -- every normalized form an actor was seen under
  CREATE TABLE actor_names (
    norm TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (norm, type, actor_id)
  );
  CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    country TEXT,
    date TEXT,
    PRIMARY KEY (actor_id, article_id, role)
  );

  CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    role TEXT,
    aliases TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors(id),
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX entities_actor ON entities(actor_id);

  CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id, start, "end"),
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
  );

  CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    unresolved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
  );

  CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_name TEXT,
    speaker_actor_id INTEGER REFERENCES actors(id),
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    PRIMARY KEY (article_id, idx)
  );
  CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);

  CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    goldstein REAL NOT NULL,
    source_entity TEXT,
    source_name TEXT NOT NULL,
    source_country TEXT,
    source_actor_id INTEGER REFERENCES actors(id),
    target_entity TEXT,
    target_name TEXT,
    target_country TEXT,
    target_actor_id INTEGER REFERENCES actors(id),
    location_name TEXT,
    location_country TEXT,
    date TEXT,
    date_source TEXT,
    modality TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX events_dyad ON events(source_country, target_country);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_source_actor ON events(source_actor_id);
  CREATE INDEX events_target_actor ON events(target_actor_id);

  CREATE TABLE relations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    country_a TEXT NOT NULL,
    country_b TEXT NOT NULL,
    events INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    direction TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    PRIMARY KEY (article_id, country_a, country_b)
  );
  `,
  // stories: near-duplicate articles grouped by MinHash signatures and an LSH band index (src/store/stories)
  `
  CREATE TABLE story_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB NOT NULL, -- MINHASH.perms little-endian uint32 minimums
    size INTEGER NOT NULL -- number of distinct shingles
  );
  CREATE TABLE story_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, article_id)
  ) WITHOUT ROWID;
  CREATE INDEX story_bands_article ON story_bands(article_id);
  CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL, -- the id of the story's first article (first stored), kept as articles join
    seq INTEGER NOT NULL, -- the article's seq when it was grouped: articles past the largest are pending
    similarity REAL -- to the closest article it joined by (null for a story's first article)
  );
  CREATE INDEX story_members_story ON story_members(story_id);
  CREATE INDEX story_members_seq ON story_members(seq);
  `,
  // 3: the story index keyed by the article's seq (an integer) instead of its 64-character id. Each article puts a
  // row in each of MINHASH.bands buckets, at random places in the index: with rows a sixth of the size, the index
  // stays in the page cache for six times as many articles and a write dirties a sixth of the pages. A bucket is
  // read in seq order (the first articles stored), not in the random order of ids.
  `
  CREATE TABLE story_bands_by_seq (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    PRIMARY KEY (band, key, seq)
  ) WITHOUT ROWID;
  INSERT INTO story_bands_by_seq (band, key, seq) SELECT b.band, b.key, a.seq FROM story_bands b JOIN articles a ON a.id = b.article_id;
  DROP TABLE story_bands;
  ALTER TABLE story_bands_by_seq RENAME TO story_bands;
  CREATE INDEX story_bands_seq ON story_bands(seq);
  CREATE TABLE story_signatures_by_seq (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    signature BLOB NOT NULL,
    size INTEGER NOT NULL
  );
  INSERT INTO story_signatures_by_seq (seq, signature, size) SELECT a.seq, s.signature, s.size FROM story_signatures s JOIN articles a ON a.id = s.article_id;
  DROP TABLE story_signatures;
  ALTER TABLE story_signatures_by_seq RENAME TO story_signatures;
  `,
  // 4: an article's facts keyed by its seq (an integer, in storing order) instead of its 64-character id. Every
  // fact table's primary key began with the random id: each article's rows landed on a random page of each index,
  // and once the indexes outgrew the page cache each batch dirtied (and read back) a page per article per table.
  // Keyed by seq, an article's rows go at the end of each index, next to those of the article before it: at
  // 13,000 articles a batch wrote 40% fewer bytes and the cost per article stopped growing with the corpus. The
  // article's id is a join away (articles.seq is its rowid).
  `
  CREATE TABLE actor_roles_v4 (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    role TEXT NOT NULL,
    country TEXT,
    date TEXT,
    PRIMARY KEY (actor_id, article_seq, role)
  );
  INSERT INTO actor_roles_v4 SELECT r.actor_id, a.seq, r.role, r.country, r.date FROM actor_roles r JOIN articles a ON a.id = r.article_id ORDER BY r.rowid;
  CREATE INDEX actor_roles_article ON actor_roles_v4(article_seq);

  CREATE TABLE entities_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    role TEXT,
    aliases TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors(id),
    PRIMARY KEY (article_seq, id)
  );
  INSERT INTO entities_v4 SELECT a.seq, e.id, e.name, e.type, e.country, e.role, e.aliases, e.actor_id FROM entities e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.rowid;

  CREATE TABLE mentions_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_seq, entity_id, start, "end"),
    FOREIGN KEY (article_seq, entity_id) REFERENCES entities_v4(article_seq, id) ON DELETE CASCADE
  );
  INSERT INTO mentions_v4 SELECT a.seq, m.entity_id, m.start, m."end", m.text FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.seq, m.rowid;

  CREATE TABLE times_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    unresolved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_seq, idx)
  );
  INSERT INTO times_v4 SELECT a.seq, t.idx, t.start, t."end", t.text, t.type, t.value, t.unresolved FROM times t JOIN articles a ON a.id = t.article_id ORDER BY a.seq, t.idx;

  CREATE TABLE quotes_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_name TEXT,
    speaker_actor_id INTEGER REFERENCES actors(id),
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    PRIMARY KEY (article_seq, idx)
  );
  INSERT INTO quotes_v4 SELECT a.seq, q.idx, q.start, q."end", q.text, q.speaker, q.speaker_name, q.speaker_actor_id, q.cue_start, q.cue_end, q.cue_text
    FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.seq, q.idx;

  CREATE TABLE events_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT NOT NULL,
    goldstein REAL NOT NULL,
    source_entity TEXT,
    source_name TEXT NOT NULL,
    source_country TEXT,
    source_actor_id INTEGER REFERENCES actors(id),
    target_entity TEXT,
    target_name TEXT,
    target_country TEXT,
    target_actor_id INTEGER REFERENCES actors(id),
    location_name TEXT,
    location_country TEXT,
    date TEXT,
    date_source TEXT,
    modality TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_seq, id)
  );
  INSERT INTO events_v4 SELECT a.seq, e.id, e.type, e.mode, e.cameo, e.goldstein, e.source_entity, e.source_name, e.source_country, e.source_actor_id,
    e.target_entity, e.target_name, e.target_country, e.target_actor_id, e.location_name, e.location_country, e.date, e.date_source, e.modality,
    e.sentence_start, e.sentence_end, e.sentence_text, e.trigger_start, e.trigger_end, e.trigger_text, e.confidence
    FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.rowid;

  CREATE TABLE relations_v4 (
    article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    country_a TEXT NOT NULL,
    country_b TEXT NOT NULL,
    events INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    direction TEXT NOT NULL,
    event_ids TEXT NOT NULL,
    PRIMARY KEY (article_seq, country_a, country_b)
  );
  INSERT INTO relations_v4 SELECT a.seq, r.country_a, r.country_b, r.events, r.goldstein, r.direction, r.event_ids
    FROM relations r JOIN articles a ON a.id = r.article_id ORDER BY a.seq, r.rowid;

  DROP TABLE mentions;
  DROP TABLE entities;
  DROP TABLE times;
  DROP TABLE quotes;
  DROP TABLE events;
  DROP TABLE relations;
  DROP TABLE actor_roles;
  ALTER TABLE entities_v4 RENAME TO entities;
  ALTER TABLE mentions_v4 RENAME TO mentions;
  ALTER TABLE times_v4 RENAME TO times;
  ALTER TABLE quotes_v4 RENAME TO quotes;
  ALTER TABLE events_v4 RENAME TO events;
  ALTER TABLE relations_v4 RENAME TO relations;
  ALTER TABLE actor_roles_v4 RENAME TO actor_roles;
  CREATE INDEX entities_actor ON entities(actor_id);
  CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
  CREATE INDEX events_dyad ON events(source_country, target_country);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_source_actor ON events(source_actor_id);
  CREATE INDEX events_target_actor ON events(target_actor_id);
  `,
];

/**
 * Brings the database up to the latest schema, one transaction per migration. Each step re-reads the version
 * under the write lock, so two processes opening a new database at once do not both migrate it. `upgrading` is told
 * before each step of a database that had a schema already (a step may rewrite whole tables: minutes for millions
 * of articles).
 */
export function migrate(db: Database.Database, upgrading?: (from: number, to: number) => void): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  let found: number | undefined; // the version the database had: 0 is a new one
  for (;;) {
    const done = db.transaction(() => {
      const v = version();
      if (v > MIGRATIONS.length) {
        throw new Error(`E_SCHEMA_NEWER: the database has schema version ${v}, newer than this dyad knows (${MIGRATIONS.length}); upgrade dyad`);
      }
      if (v === MIGRATIONS.length) return true;
      found ??= v;
      if (found > 0) upgrading?.(v, v + 1);
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
      return false;
    }).immediate();
    if (done) return MIGRATIONS.length;
  }
}
