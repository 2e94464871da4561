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
];

/**
 * Brings the database up to the latest schema, one transaction per migration. Each step re-reads the version
 * under the write lock, so two processes opening a new database at once do not both migrate it.
 */
export function migrate(db: Database.Database): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  for (;;) {
    const done = db.transaction(() => {
      const v = version();
      if (v > MIGRATIONS.length) {
        throw new Error(`E_SCHEMA_NEWER: the database has schema version ${v}, newer than this dyad knows (${MIGRATIONS.length}); upgrade dyad`);
      }
      if (v === MIGRATIONS.length) return true;
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
      return false;
    }).immediate();
    if (done) return MIGRATIONS.length;
  }
}
