/** Entry points: bytes, strings, files, directories and stdin to articles (and clusters for JSONL). */
import type { Dirent } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { NewsweaveError, toNewsweaveError } from "../errors.ts";
import type { Article, Cluster, InputFormat } from "../types.ts";
import { decodeBytes } from "./decode.ts";
import { detectFormat } from "./detect.ts";
import { htmlToText } from "./dom.ts";
import { parseFeed } from "./feed.ts";
import { parseHtml } from "./html.ts";
import { readJsonlClusters, readMultiNewsClusters } from "./jsonl.ts";
import { parseSgml } from "./sgml.ts";
import { parseText } from "./text.ts";
import { baseName, uniqueId } from "./util.ts";

/** Files (and stdin, and strings) larger than this are refused with TOO_LARGE unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface IngestOptions {
  /** Skip format detection and use this parser. */
  format?: InputFormat;
  /** Largest accepted input in bytes (strings: in UTF-16 code units). Default 200 MB. */
  maxBytes?: number;
  /** Where `-` reads from; defaults to process.stdin (tests pass their own stream). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export interface IngestResult {
  articles: Article[];
  /** Clusters of JSONL / Multi-News inputs (their articles are also in `articles`). */
  clusters: Cluster[];
  /** Problems that did not stop the rest: bad lines of a JSONL file, bad files in a directory. */
  errors: NewsweaveError[];
}

const STDIN = "<stdin>";

function maxBytesOf(opts: IngestOptions | undefined): number {
  const max = opts?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(max > 0)) throw new NewsweaveError("BAD_OPTION", `maxBytes must be a positive number, got ${max}`);
  return max;
}

function tooLarge(size: number, max: number, source: string): NewsweaveError {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new NewsweaveError("TOO_LARGE", `input is ${mb(size)}, over the ${mb(max)} limit`, { file: source });
}

/** Parses decoded text with the right parser; file-level problems are thrown, line-level ones returned. */
function readText(text: string, source: string, format: InputFormat | undefined): IngestResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new NewsweaveError("EMPTY_INPUT", "empty input", { file: source });
  const chosen = format ?? detectFormat(text, source);
  switch (chosen) {
    case "text":
      return { articles: [parseText(text, source)], clusters: [], errors: [] };
    case "html":
      return { articles: [parseHtml(text, source)], clusters: [], errors: [] };
    case "feed":
      return { articles: parseFeed(text, source), clusters: [], errors: [] };
    case "sgml":
      return { articles: parseSgml(text, source), clusters: [], errors: [] };
    case "jsonl":
    case "multinews": {
      const read = chosen === "jsonl" ? readJsonlClusters(text, source) : readMultiNewsClusters(text, source);
      return {
        articles: [...read.clusters.flatMap((c) => c.articles), ...read.articles],
        clusters: read.clusters,
        errors: read.errors,
      };
    }
    default:
      throw new NewsweaveError("BAD_OPTION", `unknown input format ${String(chosen)}`);
  }
}

function strictArticles(result: IngestResult): Article[] {
  const first = result.errors[0];
  if (first) throw first;
  return result.articles;
}

/**
 * Articles from a string (already decoded text). The format comes from `opts.format`, else from the
 * source's extension, else from the content. Strict: the first problem is thrown (a bad JSONL line too).
 */
export function ingestString(text: string, source: string, opts?: IngestOptions): Article[] {
  if (typeof text !== "string")
    throw new NewsweaveError("BAD_FIELD", "ingestString takes a string (use ingestBytes for bytes)", {
      file: source,
    });
  const max = maxBytesOf(opts);
  if (text.length > max) throw tooLarge(text.length, max, source);
  return strictArticles(readText(text, source, opts?.format));
}

/** Articles from raw bytes: decoded (see `decodeBytes`), then as `ingestString`. Strict. */
export function ingestBytes(bytes: Uint8Array, source: string, opts?: IngestOptions): Article[] {
  if (!(bytes instanceof Uint8Array))
    throw new NewsweaveError("BAD_FIELD", "ingestBytes takes a Uint8Array (use ingestString for text)", {
      file: source,
    });
  const max = maxBytesOf(opts);
  if (bytes.length > max) throw tooLarge(bytes.length, max, source);
  return strictArticles(readText(decodeBytes(bytes, source), source, opts?.format));
}

async function readStdin(stream: AsyncIterable<Uint8Array | string>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    size += bytes.length;
    if (size > max) throw tooLarge(size, max, STDIN);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

async function readFileChecked(path: string, max: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.size > max) throw tooLarge(info.size, max, path);
    return await readFile(path);
  } catch (e) {
    throw fsError(e, path);
  }
}

function fsError(e: unknown, path: string): NewsweaveError {
  if (e instanceof NewsweaveError) return e;
  const code = (e as { code?: string }).code;
  if (code === "ENOENT" || code === "ENOTDIR")
    return new NewsweaveError("NOT_FOUND", "no such file or directory", { file: path }, { cause: e });
  if (code === "EACCES" || code === "EPERM")
    return new NewsweaveError("NOT_FOUND", "permission denied", { file: path }, { cause: e });
  if (code === "EISDIR")
    return new NewsweaveError("NOT_FOUND", "is a directory", { file: path }, { cause: e });
  return toNewsweaveError(e, { file: path });
}

/** Non-hidden files under `dir`, depth first, each directory's entries sorted by name. */
async function listFiles(dir: string, seen: Set<string> = new Set()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return []; // a symlink loop
  seen.add(real);
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        isFile = true; // a dangling link: reading it reports NOT_FOUND for that file
      }
    }
    if (isDir) for (const file of await listFiles(path, seen)) files.push(file);
    else if (isFile) files.push(path);
  }
  return files;
}

function renameCluster(cluster: Cluster, id: string): void {
  cluster.id = id;
  for (const article of cluster.articles) {
    article.id = `${id}/${article.origin.index ?? 0}`;
    article.origin.cluster = id;
  }
}

/** Keeps ids unique across the files of one ingestPath call (a second "storm.html" becomes "storm-2"). */
class IdRegistry {
  private readonly fileBases = new Set<string>();
  private readonly clusterIds = new Set<string>();
  private readonly articleIds = new Set<string>();

  adopt(result: IngestResult, source: string): void {
    for (const cluster of result.clusters) {
      const id = uniqueId(cluster.id, this.clusterIds);
      if (id !== cluster.id) renameCluster(cluster, id);
    }
    const loose = result.articles.filter((a) => a.origin.cluster === undefined);
    if (loose.length === 0) return;
    if (loose[0]!.origin.format === "jsonl") {
      // Articles of a news dump keep their own ids, made unique across the files.
      for (const article of loose) article.id = uniqueId(article.id, this.articleIds);
      return;
    }
    const base = baseName(source);
    const unique = uniqueId(base, this.fileBases);
    if (unique === base) return;
    for (const article of loose)
      article.id = article.origin.format === "feed" ? `${unique}#${article.origin.index ?? 0}` : unique;
  }
}

/**
 * Articles from a file, a directory (recursively, sorted by name, hidden entries skipped) or `-` (stdin).
 * For a single file or stdin, a file-level problem is thrown; for a directory each bad file's error goes to
 * `errors` and the good files are returned. Bad JSONL lines always go to `errors`. Throws NOT_FOUND for a
 * missing path and TOO_LARGE for a file over `maxBytes`.
 */
export async function ingestPath(path: string, opts?: IngestOptions): Promise<IngestResult> {
  const max = maxBytesOf(opts);
  const format = opts?.format;
  if (path === "-") {
    const bytes = await readStdin(opts?.stdin ?? process.stdin, max);
    return readText(decodeBytes(bytes, STDIN), STDIN, format);
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    throw fsError(e, path);
  }
  if (!info.isDirectory()) {
    const bytes = await readFileChecked(path, max);
    return readText(decodeBytes(bytes, path), path, format);
  }

  let files: string[];
  try {
    files = await listFiles(path);
  } catch (e) {
    throw fsError(e, path);
  }
  // a format asked for reads the files made for it: notes beside a bench file are not bench lines
  if (format === "jsonl") files = files.filter((f) => /\.(?:jsonl|ndjson|json)$/i.test(f));
  if (files.length === 0)
    throw new NewsweaveError(
      "EMPTY_INPUT",
      format === "jsonl"
        ? "the directory contains no .jsonl, .ndjson or .json file"
        : "the directory contains no files",
      { file: path },
    );
  const total: IngestResult = { articles: [], clusters: [], errors: [] };
  const ids = new IdRegistry();
  for (const file of files) {
    try {
      const bytes = await readFileChecked(file, max);
      const result = readText(decodeBytes(bytes, file), file, format);
      ids.adopt(result, file);
      for (const article of result.articles) total.articles.push(article);
      for (const cluster of result.clusters) total.clusters.push(cluster);
      for (const error of result.errors) total.errors.push(error);
    } catch (e) {
      total.errors.push(toNewsweaveError(e, { file }));
    }
  }
  return total;
}

/**
 * Evaluation data in the DUC/TAC layout: every subdirectory of `docsDir` is a cluster (its files read as
 * articles, SGML collections included), and its reference summaries are the files of `refsDir` whose
 * names start with the cluster's directory name, or with that name less a final letter (DUC's document
 * selector: `d30001t` ↔ `D30001.M.100.T.A`), followed by `.`, `_` or `-`; case is ignored. Reference
 * files are plain text (markup such as `<SUM …>` is dropped; lines are kept for ROUGE-Lsum). A cluster
 * without references, and an unreadable file, are reported in `errors`; the rest is returned.
 */
export async function ingestClusterDirs(
  docsDir: string,
  refsDir: string,
  opts?: IngestOptions,
): Promise<{ clusters: Cluster[]; errors: NewsweaveError[] }> {
  const max = maxBytesOf(opts);
  const entries = async (dir: string): Promise<Dirent[]> => {
    try {
      if (!(await stat(dir)).isDirectory())
        throw new NewsweaveError("BAD_OPTION", "not a directory", { file: dir });
      return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (e) {
      throw fsError(e, dir);
    }
  };
  const clusterDirs = (await entries(docsDir)).filter((d) => d.isDirectory() && !d.name.startsWith("."));
  if (clusterDirs.length === 0)
    throw new NewsweaveError("EMPTY_INPUT", "no cluster subdirectory in the documents directory", {
      file: docsDir,
    });
  const refFiles = (await entries(refsDir)).filter((d) => d.isFile() && !d.name.startsWith("."));
  const clusters: Cluster[] = [];
  const errors: NewsweaveError[] = [];
  for (const dir of clusterDirs) {
    const id = dir.name;
    const path = join(docsDir, id);
    let articles: Article[];
    try {
      const read = await ingestPath(path, opts);
      errors.push(...read.errors);
      articles = read.articles.map((a, k) => ({ ...a, origin: { ...a.origin, cluster: id, index: k } }));
    } catch (e) {
      errors.push(toNewsweaveError(e, { file: path }));
      continue;
    }
    const references: string[] = [];
    for (const f of refFiles.filter((r) => referenceOf(r.name, id))) {
      const file = join(refsDir, f.name);
      try {
        const text = referenceText(decodeBytes(await readFileChecked(file, max), file));
        if (text !== "") references.push(text);
      } catch (e) {
        errors.push(toNewsweaveError(e, { file }));
      }
    }
    // a cluster without a reference file comes back with none: the evaluation reports it as skipped, as it
    // does a bench line without references
    clusters.push({ id, articles, references });
  }
  return { clusters, errors };
}

/** Whether a reference file name belongs to cluster directory `cluster` (see `ingestClusterDirs`). */
export function referenceOf(file: string, cluster: string): boolean {
  const name = file.toLowerCase();
  const id = cluster.toLowerCase();
  const stems = /[a-z]$/.test(id) && /\d/.test(id) ? [id, id.slice(0, -1)] : [id];
  return stems.some((s) => name.length > s.length && name.startsWith(s) && /[._-]/.test(name[s.length]!));
}

/** A reference summary file's text: markup dropped, entities decoded, lines trimmed, blank lines removed. */
function referenceText(raw: string): string {
  const text = /<[A-Za-z/!]/.test(raw) ? raw.replace(/<[^>]*>/g, "\n") : raw;
  return htmlToText(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => `<p>${l.replace(/</g, "&lt;")}</p>`)
      .join(""),
  )
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}
