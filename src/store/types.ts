/**
 * The store: where the news stream lives (articles, stories, the inverted index used to find candidate
 * stories, near-duplicate sketches, produced summaries). It holds data and answers lookups; every decision
 * (is this a duplicate, which story does it join, when do two stories merge) is made by `src/story/`.
 *
 * Every method is asynchronous so the same pipeline can run on a networked database (PostgreSQL) as well
 * as on the embedded SQLite implementation. All writes happen inside `write()`: one atomic transaction,
 * serialised against every other writer of the same store (other processes included), so a crash loses
 * only the transaction in flight and never leaves half an article or half a story.
 */
import type { Article } from "../types.ts";

/** A sparse vector of term hashes (sorted ascending) and weights. */
export interface TermVector {
  terms: Int32Array;
  weights: Float32Array;
}

/** How an article relates to an earlier one it duplicates. */
export type DuplicateKind = "exact" | "near";

/** A short reference to a stored article. */
export interface ArticleRef {
  /** Insertion order in the store (1, 2, …): later articles have larger numbers. */
  seq: number;
  id: string;
  /** The story it belongs to (after redirects). */
  story: string;
  /** The article it is a copy or version of (the first of its group), if any. */
  duplicateOf?: string;
}

/** An article as stored, with its place in the stream. */
export interface StoredArticle extends Article, ArticleRef {
  duplicateKind?: DuplicateKind;
  /** When it was ingested (ISO 8601). */
  ingestedAt: string;
  /** Time used for clustering (ms since epoch): publication date clamped to the ingest clock, else ingest time. */
  time: number;
}

/** A stored MinHash sketch, for near-duplicate checks. */
export interface SketchRow extends ArticleRef {
  signature: Int32Array;
  shingles: number;
}

/** What a new article brings to the store: the article plus everything the story stage decided. */
export interface NewArticle {
  article: Article;
  /** Idempotency key: the same key is never stored twice. */
  key: string;
  /** Hash of the normalised body (exact copies under other ids share it). */
  textKey: string;
  story: string;
  duplicateOf?: string;
  duplicateKind?: DuplicateKind;
  ingestedAt: string;
  time: number;
  signature: Int32Array;
  shingles: number;
  /** LSH band keys of the signature. */
  bands: Int32Array;
  /** Cleaned text for full-text search. */
  searchText: string;
}

/** What the clustering keeps about a story: enough to score a new article against it. */
export interface StoryProfile {
  id: string;
  /** Sum of its articles' unit TF-IDF vectors, truncated to the strongest terms. */
  centroid: TermVector;
  /** Entity keys with their article counts. */
  entities: TermVector;
  /** Number of articles, and of those that are not duplicates (independent sources). */
  articles: number;
  sources: number;
  /** Earliest and latest article time (ms since epoch). */
  first: number;
  last: number;
  title?: string;
  /** The title is the first words of an untitled article: the story's first headline replaces it. */
  titleGuessed?: boolean;
}

/** A story as listed to users. */
export interface StoryInfo {
  id: string;
  title?: string;
  articles: number;
  sources: number;
  /** Earliest and latest article times (ISO 8601). */
  first: string;
  last: string;
  /** When the story was created and last changed in the store (ISO 8601). */
  created: string;
  updated: string;
}

export interface StoryQuery {
  /** Stories changed at or after this time (ms since epoch). */
  since?: number;
  /** Full-text search: stories with an article matching every word. */
  search?: string;
  limit?: number;
}

/** A summary produced for a story, kept so a later update can tell what the reader has seen. */
export interface NewSummary {
  story: string;
  kind: "story" | "update";
  /** The summary this one continues (updates). */
  parent?: string;
  /** Largest article `seq` the summary was made from: later articles are "new" for the next update. */
  lastSeq: number;
  /** Texts of every sentence the reader has seen up to this summary (its own and inherited ones). */
  covers: string[];
  /** The rendered summary (JSON), for reference. */
  body: unknown;
  createdAt: string;
}

export interface StoredSummary extends NewSummary {
  id: string;
}

/** A posting of the inverted index: a story that has the term, and when the term was last added to it. */
export interface Posting {
  story: string;
  seq: number;
}

/** Writes and the reads that decisions depend on, inside one transaction. */
export interface StoreWriter {
  articleByKey(key: string): Promise<ArticleRef | undefined>;
  articleById(id: string): Promise<ArticleRef | undefined>;
  /** The first article with this normalised text (exact copy), if any. */
  articleByTextKey(textKey: string): Promise<ArticleRef | undefined>;
  /** Articles sharing at least one LSH band key, at most `limit` (most recent first). */
  sketchesByBands(bands: Int32Array, limit: number): Promise<SketchRow[]>;
  /** For each term, the `perTerm` stories that most recently received it. */
  postings(terms: Int32Array, perTerm: number): Promise<Posting[][]>;
  /** Profiles of stories, parallel to `ids` (merged ids give the story they redirect to; unknown ones undefined). */
  profiles(ids: readonly string[]): Promise<Array<StoryProfile | undefined>>;
  /** A new story id, created with this profile (the id field of `profile` is ignored). */
  createStory(profile: StoryProfile, createdAt: string): Promise<string>;
  saveProfile(profile: StoryProfile, updatedAt: string): Promise<void>;
  /** Records that `story` has these terms as of article `seq`. */
  addPostings(story: string, terms: Int32Array, seq: number): Promise<void>;
  /** Stores an article; returns its `seq`. */
  insertArticle(a: NewArticle): Promise<number>;
  /** Moves every article of `from` to `into`; `from` becomes a redirect to `into`. */
  mergeStories(from: string, into: string, updatedAt: string): Promise<void>;
}

export interface StoreStats {
  articles: number;
  stories: number;
  duplicates: number;
  summaries: number;
}

export interface Store {
  /** Where the data lives (a file path, a URL without credentials, ":memory:"). */
  readonly location: string;
  /** Runs `fn` in one write transaction: everything it wrote is committed together, or nothing is. */
  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /** The live id of a story (following merges), or undefined when no such story exists. */
  resolveStory(id: string): Promise<string | undefined>;
  story(id: string): Promise<StoryInfo | undefined>;
  stories(query?: StoryQuery): Promise<StoryInfo[]>;
  /** Every article of a story, in stream order. */
  articlesOf(story: string): Promise<StoredArticle[]>;
  /** Article ids of every live story (for scoring a clustering). */
  membership(): Promise<Map<string, string[]>>;
  saveSummary(s: NewSummary): Promise<StoredSummary>;
  summary(id: string): Promise<StoredSummary | undefined>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
