/** The store of the news stream: the `Store` interface and its embedded SQLite implementation. */
import { homedir } from "node:os";
import { join } from "node:path";

export { MIGRATIONS } from "./migrations.ts";
export {
  ftsQuery,
  openSqliteStore,
  SqliteStore,
  type SqliteStoreOptions,
  storeError,
} from "./sqlite.ts";
export type {
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

/**
 * Where the database lives when no `--db` is given: `$NEWSWEAVE_DB`, else
 * `$XDG_DATA_HOME/newsweave/newsweave.db`, else `~/.local/share/newsweave/newsweave.db`.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEWSWEAVE_DB) return env.NEWSWEAVE_DB;
  const base = env.XDG_DATA_HOME?.startsWith("/")
    ? env.XDG_DATA_HOME
    : join(env.HOME || homedir(), ".local", "share");
  return join(base, "newsweave", "newsweave.db");
}
