/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode. Readers never block the writer; writers
 * (threads or processes) take the database lock with `BEGIN IMMEDIATE` and wait up to `busyTimeoutMs` for
 * each other. With `synchronous = NORMAL` a committed transaction survives a crash of the process
 * (`kill -9`); a power cut may lose the last commits but never corrupts the file.
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { NewsweaveError } from "../errors.ts";
import type { Article, Origin } from "../types.ts";
import { APPLICATION_ID, MIGRATIONS } from "./migrations.ts";
import type {
  ArticleRef,
  DuplicateKind,
  NewArticle,
  NewSummary,
  Posting,
  SketchRow,
  Store,
  StoredArticle,
  StoredSummary,
  StoreStats,
  StoreWriter,
  StoryInfo,
  StoryProfile,
  StoryQuery,
  TermVector,
} from "./types.ts";

export interface SqliteStoreOptions {
  /** Open without writing anything (no migrations). */
  readonly?: boolean;
  /** Fail with NOT_FOUND instead of creating a new database. */
  mustExist?: boolean;
  /** How long a writer waits for another one to finish (default 15 s). */
  busyTimeoutMs?: number;
  /** Largest size of the database in pages (4 KiB): a full disk, for tests. */
  maxPages?: number;
}

type Row = Record<string, unknown>;

/** A cell to wait on: `Atomics.wait` on it is a synchronous sleep. */
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

/** Turns anything SQLite (or the file system) throws into a STORE error that says what to do. */
export function storeError(e: unknown, file: string): NewsweaveError {
  if (e instanceof NewsweaveError) return e;
  const code = String((e as { code?: unknown }).code ?? "");
  const raw = e instanceof Error ? e.message : String(e);
  let message: string;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    message = "the database is locked by another process (timed out waiting for it)";
  else if (code.startsWith("SQLITE_READONLY"))
    message = "the database is read-only: check the permissions of the file and its directory";
  else if (code === "SQLITE_NOTADB")
    message = "the file is not a Newsweave database (not SQLite, or its header is corrupted)";
  else if (code.startsWith("SQLITE_CORRUPT"))
    message = "the database file is corrupted; restore it from a backup or start a new one with --db";
  else if (code === "SQLITE_FULL") message = "the disk is full (or the database reached its size limit)";
  else if (code.startsWith("SQLITE_CANTOPEN"))
    message = "cannot open the database file (missing directory or no permission)";
  else if (code.startsWith("SQLITE_IOERR")) message = `disk I/O error (${raw})`;
  else if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    message = "no permission to create the database file or its directory";
  else message = raw;
  return new NewsweaveError("STORE", message, { file }, { cause: e });
}

function blob(a: Int32Array | Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function int32s(b: unknown): Int32Array {
  const u = b as Uint8Array;
  return new Int32Array(Uint8Array.from(u).buffer);
}

function float32s(b: unknown): Float32Array {
  const u = b as Uint8Array;
  return new Float32Array(Uint8Array.from(u).buffer);
}

const STORY_RE = /^s(\d+)$/;
const SUMMARY_RE = /^sum(\d+)$/;

export function storyId(seq: number): string {
  return `s${seq}`;
}

function storySeq(id: string): number | undefined {
  const m = STORY_RE.exec(id);
  return m ? Number(m[1]) : undefined;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** FTS5 query matching every word of free text (each word quoted: no query syntax gets through). */
export function ftsQuery(text: string): string | undefined {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return undefined;
  return words.map((w) => `"${w}"`).join(" ");
}

export class SqliteStore implements Store {
  readonly location: string;
  private readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stmts = new Map<string, Database.Statement>();
  private closed = false;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.location = path;
    const memory = path === ":memory:" || path === "";
    if (!memory && statSync(path, { throwIfNoEntry: false })?.isDirectory())
      throw new NewsweaveError("STORE", "this is a directory: --db takes the path of a database file", {
        file: path,
      });
    if (!memory && !options.mustExist && !options.readonly) {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (e) {
        throw storeError(e, path);
      }
    }
    try {
      this.db = new Database(path, {
        readonly: Boolean(options.readonly),
        fileMustExist: Boolean(options.mustExist || options.readonly),
        timeout: options.busyTimeoutMs ?? 15_000,
      });
    } catch (e) {
      const code = String((e as { code?: unknown }).code ?? "");
      if ((options.mustExist || options.readonly) && code.startsWith("SQLITE_CANTOPEN"))
        throw new NewsweaveError(
          "NOT_FOUND",
          "no database here: ingest articles first (newsweave ingest)",
          { file: path },
          { cause: e },
        );
      throw storeError(e, path);
    }
    // Two processes opening a new file at once race to create the schema and switch it to WAL; some of
    // those steps report "busy" at once instead of waiting, so the whole set-up (idempotent) is retried.
    const deadline = Date.now() + (options.busyTimeoutMs ?? 15_000);
    for (;;) {
      try {
        this.setUp(options);
        break;
      } catch (e) {
        const code = String((e as { code?: unknown }).code ?? "");
        if ((code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) && Date.now() < deadline) {
          if (this.db.inTransaction) this.db.exec("ROLLBACK");
          Atomics.wait(SLEEP, 0, 0, 20 + Math.floor(Math.random() * 30));
          continue;
        }
        this.db.close();
        throw storeError(e, path);
      }
    }
  }

  private setUp(options: SqliteStoreOptions): void {
    const db = this.db;
    // Reading the header first: a file that is not SQLite fails here with SQLITE_NOTADB. The three reads
    // share one read transaction: another process creating the schema at this moment must not be seen
    // half-way (tables already there, version not yet), which would look like another program's file.
    const { version, appId, tables } = db.transaction(() => ({
      version: db.pragma("user_version", { simple: true }) as number,
      appId: db.pragma("application_id", { simple: true }) as number,
      tables: db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number },
    }))();
    if ((appId !== 0 && appId !== APPLICATION_ID) || (appId === 0 && version === 0 && tables.n > 0)) {
      throw new NewsweaveError(
        "STORE",
        "the file is an SQLite database of another program, not a Newsweave database",
        { file: this.location },
      );
    }
    if (version > MIGRATIONS.length) {
      throw new NewsweaveError(
        "STORE",
        `the database was made by a newer Newsweave (schema ${version}, this version knows ${MIGRATIONS.length})`,
        { file: this.location },
      );
    }
    if (options.readonly) {
      if (version < MIGRATIONS.length)
        throw new NewsweaveError("STORE", "the database needs an upgrade: open it once for writing", {
          file: this.location,
        });
      return;
    }
    db.pragma("busy_timeout = " + (options.busyTimeoutMs ?? 15_000));
    if (this.location !== ":memory:" && this.location !== "") {
      const mode = db.pragma("journal_mode = WAL", { simple: true });
      if (mode !== "wal")
        throw new NewsweaveError("STORE", `cannot switch the database to WAL mode (got ${String(mode)})`, {
          file: this.location,
        });
    }
    db.pragma("synchronous = NORMAL");
    // Checkpoint the WAL less often: a page rewritten by several batches is copied back once, which keeps
    // the cost of a commit from growing with the size of the store.
    db.pragma("wal_autocheckpoint = 10000");
    db.pragma("cache_size = -32000");
    if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
    if (version < MIGRATIONS.length) this.migrate();
  }

  private migrate(): void {
    const db = this.db;
    db.exec("BEGIN IMMEDIATE");
    try {
      // another process may have migrated while this one waited for the lock
      const current = db.pragma("user_version", { simple: true }) as number;
      for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${MIGRATIONS.length}`);
      db.exec("COMMIT");
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw e;
    }
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private run<T>(f: () => T): T {
    if (this.closed) throw new NewsweaveError("STORE", "the store is closed", { file: this.location });
    try {
      return f();
    } catch (e) {
      throw storeError(e, this.location);
    }
  }

  /** Serialises async transactions on the one connection. */
  async write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => {
      release = r;
    });
    await previous.catch(() => {});
    try {
      this.run(() => this.db.exec("BEGIN IMMEDIATE"));
      try {
        const result = await fn(this.writer);
        this.run(() => this.db.exec("COMMIT"));
        return result;
      } catch (e) {
        if (this.db.open && this.db.inTransaction) {
          try {
            this.db.exec("ROLLBACK");
          } catch {
            // SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR)
          }
        }
        throw storeError(e, this.location);
      }
    } finally {
      release();
    }
  }

  private readonly writer: StoreWriter = {
    articleByKey: async (key) => this.run(() => this.refRow(this.stmt(REF_SQL + " WHERE key = ?").get(key))),
    articleById: async (id) => this.run(() => this.refRow(this.stmt(REF_SQL + " WHERE id = ?").get(id))),
    articleByTextKey: async (textKey) =>
      this.run(() =>
        this.refRow(this.stmt(REF_SQL + " WHERE text_key = ? ORDER BY seq LIMIT 1").get(textKey)),
      ),
    sketchesByBands: async (bands, limit) =>
      this.run(() => {
        if (bands.length === 0) return [];
        const marks = Array.from(bands, () => "?").join(",");
        const rows = this.stmt(
          `SELECT a.seq, a.id, a.story, a.duplicate_of, a.signature, a.shingles FROM articles a
           WHERE a.seq IN (SELECT article FROM bands WHERE band IN (${marks}))
           ORDER BY a.seq DESC LIMIT ?`,
        ).all(...bands, limit) as Row[];
        return rows.map(
          (r): SketchRow => ({
            ...this.refRow(r)!,
            signature: int32s(r.signature),
            shingles: r.shingles as number,
          }),
        );
      }),
    postings: async (terms, perTerm) =>
      this.run(() => {
        const s = this.stmt("SELECT story, seq FROM postings WHERE term = ? ORDER BY seq DESC LIMIT ?").raw(
          true,
        );
        const out: Posting[][] = [];
        for (const t of terms) {
          const rows = s.all(t, perTerm) as Array<[number, number]>;
          out.push(rows.map((r) => ({ story: storyId(r[0]), seq: r[1] })));
        }
        return out;
      }),
    profiles: async (ids) =>
      this.run(() =>
        ids.map((id) => {
          const seq = this.liveSeq(storySeq(id));
          if (seq === undefined) return undefined;
          const r = this.stmt("SELECT * FROM stories WHERE seq = ?").get(seq) as Row | undefined;
          return r ? profileRow(r) : undefined;
        }),
      ),
    createStory: async (p, createdAt) =>
      this.run(() => {
        const t = Date.parse(createdAt);
        const r = this.stmt(
          `INSERT INTO stories (title, title_guessed, articles, sources, first_time, last_time, created, updated,
             centroid_terms, centroid_weights, entity_terms, entity_weights)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          p.title ?? null,
          p.titleGuessed ? 1 : 0,
          p.articles,
          p.sources,
          p.first,
          p.last,
          t,
          t,
          blob(p.centroid.terms),
          blob(p.centroid.weights),
          blob(p.entities.terms),
          blob(p.entities.weights),
        );
        return storyId(Number(r.lastInsertRowid));
      }),
    saveProfile: async (p, updatedAt) =>
      this.run(() => {
        const seq = storySeq(p.id);
        if (seq === undefined) throw new NewsweaveError("INTERNAL", `bad story id ${p.id}`);
        this.stmt(
          `UPDATE stories SET title = ?, title_guessed = ?, articles = ?, sources = ?, first_time = ?, last_time = ?,
             updated = ?, centroid_terms = ?, centroid_weights = ?, entity_terms = ?, entity_weights = ? WHERE seq = ?`,
        ).run(
          p.title ?? null,
          p.titleGuessed ? 1 : 0,
          p.articles,
          p.sources,
          p.first,
          p.last,
          Date.parse(updatedAt),
          blob(p.centroid.terms),
          blob(p.centroid.weights),
          blob(p.entities.terms),
          blob(p.entities.weights),
          seq,
        );
      }),
    addPostings: async (story, terms, seq) =>
      this.run(() => {
        const st = storySeq(story);
        const s = this.stmt(
          `INSERT INTO postings (term, story, seq) VALUES (?, ?, ?)
           ON CONFLICT (term, story) DO UPDATE SET seq = excluded.seq`,
        );
        for (const t of terms) s.run(t, st, seq);
      }),
    insertArticle: async (n) => this.run(() => this.insertArticle(n)),
    mergeStories: async (from, into, updatedAt) =>
      this.run(() => {
        const f = storySeq(from);
        const i = storySeq(into);
        if (f === undefined || i === undefined || f === i) return;
        const t = Date.parse(updatedAt);
        this.stmt("UPDATE articles SET story = ? WHERE story = ?").run(i, f);
        this.stmt("UPDATE stories SET merged_into = ?, updated = ? WHERE merged_into = ?").run(i, t, f);
        this.stmt("UPDATE stories SET merged_into = ?, updated = ? WHERE seq = ?").run(i, t, f);
        this.stmt("UPDATE summaries SET story = ? WHERE story = ?").run(i, f);
      }),
  };

  private insertArticle(n: NewArticle): number {
    const a = n.article;
    const story = storySeq(n.story);
    if (story === undefined) throw new NewsweaveError("INTERNAL", `bad story id ${n.story}`);
    const r = this.stmt(
      `INSERT INTO articles (id, key, text_key, story, duplicate_of, duplicate_kind, title, url, outlet, author,
         published, text, origin, ingested, time, signature, shingles)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      n.key,
      n.textKey,
      story,
      n.duplicateOf ?? null,
      n.duplicateKind ?? null,
      a.title ?? null,
      a.url ?? null,
      a.outlet ?? null,
      a.author ?? null,
      a.published ?? null,
      a.text,
      JSON.stringify(a.origin),
      Date.parse(n.ingestedAt),
      n.time,
      blob(n.signature),
      n.shingles,
    );
    const seq = Number(r.lastInsertRowid);
    const band = this.stmt("INSERT OR IGNORE INTO bands (band, article) VALUES (?, ?)");
    for (const b of n.bands) band.run(b, seq);
    this.stmt("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)").run(
      seq,
      a.title ?? "",
      n.searchText,
    );
    return seq;
  }

  private refRow(r: unknown): ArticleRef | undefined {
    if (!r) return undefined;
    const row = r as Row;
    const ref: ArticleRef = {
      seq: row.seq as number,
      id: row.id as string,
      story: storyId(this.liveSeq(row.story as number) ?? (row.story as number)),
    };
    if (row.duplicate_of) ref.duplicateOf = row.duplicate_of as string;
    return ref;
  }

  /** The live story a story seq redirects to (merges are kept flat: one hop at most). */
  private liveSeq(seq: number | undefined): number | undefined {
    let current = seq;
    for (let hops = 0; current !== undefined && hops < 64; hops++) {
      const r = this.stmt("SELECT merged_into FROM stories WHERE seq = ?").get(current) as
        | { merged_into: number | null }
        | undefined;
      if (!r) return undefined;
      if (r.merged_into === null) return current;
      current = r.merged_into;
    }
    return current;
  }

  async resolveStory(id: string): Promise<string | undefined> {
    return this.run(() => {
      const seq = this.liveSeq(storySeq(id.trim()));
      return seq === undefined ? undefined : storyId(seq);
    });
  }

  async story(id: string): Promise<StoryInfo | undefined> {
    return this.run(() => {
      const seq = this.liveSeq(storySeq(id.trim()));
      if (seq === undefined) return undefined;
      const r = this.stmt(`SELECT ${INFO_COLUMNS} FROM stories WHERE seq = ?`).get(seq) as Row | undefined;
      return r ? infoRow(r) : undefined;
    });
  }

  async stories(query: StoryQuery = {}): Promise<StoryInfo[]> {
    return this.run(() => {
      const where = ["merged_into IS NULL"];
      const params: unknown[] = [];
      if (query.since !== undefined) {
        where.push("updated >= ?");
        params.push(query.since);
      }
      if (query.search !== undefined) {
        const q = ftsQuery(query.search);
        if (q === undefined) return [];
        where.push(
          "seq IN (SELECT a.story FROM articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ?)",
        );
        params.push(q);
      }
      let sql = `SELECT ${INFO_COLUMNS} FROM stories WHERE ${where.join(" AND ")} ORDER BY updated DESC, seq DESC`;
      if (query.limit !== undefined) {
        sql += " LIMIT ?";
        params.push(query.limit);
      }
      return (this.db.prepare(sql).all(...params) as Row[]).map(infoRow);
    });
  }

  async articlesOf(story: string): Promise<StoredArticle[]> {
    return this.run(() => {
      const seq = this.liveSeq(storySeq(story.trim()));
      if (seq === undefined) return [];
      const rows = this.stmt("SELECT * FROM articles WHERE story = ? ORDER BY seq").all(seq) as Row[];
      return rows.map((r) => articleRow(r, storyId(seq)));
    });
  }

  async membership(): Promise<Map<string, string[]>> {
    return this.run(() => {
      const out = new Map<string, string[]>();
      const rows = this.stmt("SELECT id, story FROM articles ORDER BY seq").all() as Array<{
        id: string;
        story: number;
      }>;
      for (const r of rows) {
        const s = storyId(r.story);
        const list = out.get(s);
        if (list) list.push(r.id);
        else out.set(s, [r.id]);
      }
      return out;
    });
  }

  async saveSummary(s: NewSummary): Promise<StoredSummary> {
    return this.write(async () =>
      this.run(() => {
        const story = this.liveSeq(storySeq(s.story));
        if (story === undefined) throw new NewsweaveError("NOT_FOUND", `no story ${s.story}`);
        const r = this.stmt(
          `INSERT INTO summaries (story, kind, parent, last_seq, covers, body, created)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          story,
          s.kind,
          s.parent ?? null,
          s.lastSeq,
          JSON.stringify(s.covers),
          JSON.stringify(s.body),
          Date.parse(s.createdAt),
        );
        return { ...s, story: storyId(story), id: `sum${Number(r.lastInsertRowid)}` };
      }),
    );
  }

  async summary(id: string): Promise<StoredSummary | undefined> {
    return this.run(() => {
      const m = SUMMARY_RE.exec(id.trim());
      if (!m) return undefined;
      const r = this.stmt("SELECT * FROM summaries WHERE seq = ?").get(Number(m[1])) as Row | undefined;
      if (!r) return undefined;
      const story = this.liveSeq(r.story as number) ?? (r.story as number);
      const out: StoredSummary = {
        id: `sum${r.seq as number}`,
        story: storyId(story),
        kind: r.kind as "story" | "update",
        lastSeq: r.last_seq as number,
        covers: JSON.parse(r.covers as string) as string[],
        body: JSON.parse(r.body as string) as unknown,
        createdAt: iso(r.created as number),
      };
      if (r.parent) out.parent = r.parent as string;
      return out;
    });
  }

  async stats(): Promise<StoreStats> {
    return this.run(() => {
      const one = (sql: string) => (this.stmt(sql).get() as { n: number }).n;
      return {
        articles: one("SELECT count(*) AS n FROM articles"),
        stories: one("SELECT count(*) AS n FROM stories WHERE merged_into IS NULL"),
        duplicates: one("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL"),
        summaries: one("SELECT count(*) AS n FROM summaries"),
      };
    });
  }

  /** `PRAGMA quick_check`: "ok" for a sound file. */
  check(): string {
    return this.run(() => String(this.db.pragma("quick_check", { simple: true })));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.catch(() => {});
    this.closed = true;
    this.db.close();
  }
}

const REF_SQL = "SELECT seq, id, story, duplicate_of FROM articles";
const INFO_COLUMNS = "seq, title, articles, sources, first_time, last_time, created, updated";

function vector(terms: unknown, weights: unknown): TermVector {
  return { terms: int32s(terms), weights: float32s(weights) };
}

function profileRow(r: Row): StoryProfile {
  const p: StoryProfile = {
    id: storyId(r.seq as number),
    centroid: vector(r.centroid_terms, r.centroid_weights),
    entities: vector(r.entity_terms, r.entity_weights),
    articles: r.articles as number,
    sources: r.sources as number,
    first: r.first_time as number,
    last: r.last_time as number,
  };
  if (r.title !== null && r.title !== undefined) p.title = r.title as string;
  if (r.title_guessed === 1) p.titleGuessed = true;
  return p;
}

function infoRow(r: Row): StoryInfo {
  const info: StoryInfo = {
    id: storyId(r.seq as number),
    articles: r.articles as number,
    sources: r.sources as number,
    first: iso(r.first_time as number),
    last: iso(r.last_time as number),
    created: iso(r.created as number),
    updated: iso(r.updated as number),
  };
  if (r.title !== null && r.title !== undefined) info.title = r.title as string;
  return info;
}

function articleRow(r: Row, story: string): StoredArticle {
  const a: StoredArticle = {
    seq: r.seq as number,
    id: r.id as string,
    story,
    text: r.text as string,
    origin: JSON.parse(r.origin as string) as Origin,
    ingestedAt: iso(r.ingested as number),
    time: r.time as number,
  };
  const opt: Array<[keyof Article, string]> = [
    ["title", "title"],
    ["url", "url"],
    ["outlet", "outlet"],
    ["author", "author"],
    ["published", "published"],
  ];
  for (const [k, col] of opt) {
    const v = r[col];
    if (typeof v === "string") (a as unknown as Record<string, string>)[k] = v;
  }
  if (typeof r.duplicate_of === "string") a.duplicateOf = r.duplicate_of;
  if (typeof r.duplicate_kind === "string") a.duplicateKind = r.duplicate_kind as DuplicateKind;
  return a;
}

/** Opens (creating if needed, unless `mustExist`) a SQLite store. Throws STORE / NOT_FOUND errors. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
