/**
 * Schema of the SQLite store, as an ordered list of migrations. `PRAGMA user_version` records how many
 * have been applied; opening a store applies the missing ones in one transaction. Never edit a released
 * migration: add a new one.
 *
 * Stories and summaries are numbered by SQLite (`seq`); their public ids are `s<seq>` and `sum<seq>`.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: articles, stories, near-duplicate bands, inverted index for candidate stories, full-text search,
  // summaries.
  `
  CREATE TABLE stories (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    merged_into INTEGER,
    title TEXT,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    first_time INTEGER NOT NULL,
    last_time INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    centroid_terms BLOB NOT NULL,
    centroid_weights BLOB NOT NULL,
    entity_terms BLOB NOT NULL,
    entity_weights BLOB NOT NULL
  );
  CREATE INDEX stories_live_updated ON stories(updated) WHERE merged_into IS NULL;
  CREATE INDEX stories_merged_into ON stories(merged_into) WHERE merged_into IS NOT NULL;

  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    text_key TEXT NOT NULL,
    story INTEGER NOT NULL,
    duplicate_of TEXT,
    duplicate_kind TEXT,
    title TEXT,
    url TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    text TEXT NOT NULL,
    origin TEXT NOT NULL,
    ingested INTEGER NOT NULL,
    time INTEGER NOT NULL,
    signature BLOB NOT NULL,
    shingles INTEGER NOT NULL
  );
  CREATE INDEX articles_story ON articles(story, seq);
  CREATE INDEX articles_text_key ON articles(text_key);

  CREATE TABLE bands (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, article)
  ) WITHOUT ROWID;

  CREATE TABLE postings (
    term INTEGER NOT NULL,
    story INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (term, story)
  ) WITHOUT ROWID;
  CREATE INDEX postings_recent ON postings(term, seq);

  CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2');

  CREATE TABLE summaries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    story INTEGER NOT NULL,
    kind TEXT NOT NULL,
    parent TEXT,
    last_seq INTEGER NOT NULL,
    covers TEXT NOT NULL,
    body TEXT NOT NULL,
    created INTEGER NOT NULL
  );
  CREATE INDEX summaries_story ON summaries(story, seq);
  `,
  // 2: whether a story's title is guessed from an untitled article's first words (a later headline replaces
  // it). Stories whose title is no article's headline are marked as guessed.
  `
  ALTER TABLE stories ADD COLUMN title_guessed INTEGER NOT NULL DEFAULT 0;
  UPDATE stories SET title_guessed = 1
    WHERE title IS NOT NULL AND title NOT IN (SELECT title FROM articles WHERE title IS NOT NULL);
  `,
];

/** `PRAGMA application_id` of a Newsweave database ("NWV1"). */
export const APPLICATION_ID = 0x4e575631;
