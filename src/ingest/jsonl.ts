/**
 * JSON line files. Each line is either a cluster in the bench format
 * (`{"id","documents":[{"text","title?","date?"}],"references?"}`) or one article of a news dump
 * (`{"id?","title?","text"|"content"|"body"|"maintext"|"html","date?","url?","author?","outlet?"}`, with the
 * field names common crawlers and news APIs use). Raw Multi-News lines (documents separated by "|||||",
 * "NEWLINE_CHAR" for newlines) are read here too. A bad line is reported and skipped; the other lines
 * are still returned.
 */
import { type ErrorLocation, NewsweaveError } from "../errors.ts";
import type { Article, Cluster, InputFormat } from "../types.ts";
import { parseHtml } from "./html.ts";
import { jsonErrorOffset } from "./jsonpos.ts";
import { baseName, lineColumn, nonEmpty, toIsoDate, uniqueId } from "./util.ts";

export interface ClusterReadResult {
  clusters: Cluster[];
  /** Articles of article lines (news dumps): they belong to no cluster. */
  articles: Article[];
  /** One error per rejected line (BAD_JSON, BAD_FIELD, EMPTY_INPUT), in line order. */
  errors: NewsweaveError[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Calls `visit(line, lineNumber)` for every non-blank line, without splitting the whole text up front. */
function forEachLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let start = 0;
  let lineNumber = 1;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let line = text.slice(start, end);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (start === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() !== "") visit(line, lineNumber);
    start = end + 1;
    lineNumber++;
  }
}

function badJson(e: unknown, json: string, where: ErrorLocation): NewsweaveError {
  const message = e instanceof Error ? e.message : String(e);
  const m = / at position (\d+)/.exec(message);
  let offset = m ? Number(m[1]) : jsonErrorOffset(json);
  if (offset < 0) offset = 0;
  const short = message
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/ \(line \d+ column \d+\)$/, "")
    .replace(/, .* is not valid JSON$/s, "");
  return new NewsweaveError(
    "BAD_JSON",
    `invalid JSON: ${short}`,
    { ...where, column: offset + 1 },
    { cause: e },
  );
}

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function optionalString(object: Json, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string")
    throw new FieldError(`${path}${key}`, `expected a string, got ${typeName(value)}`);
  return value;
}

interface ClusterContext {
  source: string;
  base: string;
  usedIds: Set<string>;
  /** 1-based line of the cluster (JSONL); undefined for clusters inside one JSON document. */
  line?: number;
  /** Prefix of field paths ("" for JSONL, "[3]." for the 4th element of a JSON array). */
  path: string;
  /** Fallback cluster id when the object has none. */
  fallbackId: string;
}

type Meta = Pick<Article, "title" | "url" | "outlet" | "author" | "published">;

/** Sets the metadata fields that have a value. */
function withMeta(article: Article, meta: { [K in keyof Meta]: string | undefined }): Article {
  for (const key of ["title", "url", "outlet", "author", "published"] as const) {
    const value = meta[key];
    if (value) article[key] = value;
  }
  return article;
}

/** The object's `id` (a non-empty string or a number), or `fallback` when it has none. */
function idOf(value: Json, path: string, fallback: string): string {
  const raw = value.id;
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  throw new FieldError(`${path}id`, `expected a non-empty string or a number, got ${typeName(raw)}`);
}

/** Validates one bench cluster object and builds its articles. Throws FieldError or EMPTY_INPUT. */
function toCluster(value: unknown, ctx: ClusterContext): Cluster {
  const p = ctx.path;
  if (!isObject(value))
    throw new FieldError(p.replace(/\.$/, ""), `expected an object, got ${typeName(value)}`);
  const id = idOf(value, p, ctx.fallbackId);

  const documents = value.documents;
  if (documents === undefined) throw new FieldError(`${p}documents`, "missing");
  if (!Array.isArray(documents))
    throw new FieldError(`${p}documents`, `expected an array, got ${typeName(documents)}`);

  const references: string[] = [];
  const rawRefs = value.references;
  if (rawRefs !== undefined && rawRefs !== null) {
    if (!Array.isArray(rawRefs))
      throw new FieldError(`${p}references`, `expected an array, got ${typeName(rawRefs)}`);
    rawRefs.forEach((r, k) => {
      if (typeof r !== "string")
        throw new FieldError(`${p}references[${k}]`, `expected a string, got ${typeName(r)}`);
      references.push(r);
    });
  }

  // Validate every document before building anything, so ids are only taken by accepted clusters.
  const docs: Array<{ index: number; text: string; doc: Json }> = [];
  documents.forEach((doc, index) => {
    const path = `${p}documents[${index}]`;
    if (!isObject(doc)) throw new FieldError(path, `expected an object, got ${typeName(doc)}`);
    if (doc.text === undefined) throw new FieldError(`${path}.text`, "missing");
    if (typeof doc.text !== "string")
      throw new FieldError(`${path}.text`, `expected a string, got ${typeName(doc.text)}`);
    for (const key of ["title", "date", "url", "author", "outlet"]) optionalString(doc, key, `${path}.`);
    if (doc.text.trim() !== "") docs.push({ index, text: doc.text, doc });
  });
  if (docs.length === 0) {
    const location: ErrorLocation = { file: ctx.source, field: `${p}documents` };
    if (ctx.line !== undefined) location.line = ctx.line;
    throw new NewsweaveError("EMPTY_INPUT", "cluster has no document with text", location);
  }

  const clusterId = uniqueId(id, ctx.usedIds);
  const articles = docs.map(({ index, text, doc }): Article => {
    const article: Article = {
      id: `${clusterId}/${index}`,
      text,
      origin: { source: ctx.source, format: "jsonl", index, cluster: clusterId },
    };
    if (ctx.line !== undefined) article.origin.line = ctx.line;
    const title = nonEmpty(doc.title);
    const published = toIsoDate(doc.date);
    const url = nonEmpty(doc.url);
    const author = nonEmpty(doc.author);
    const outlet = nonEmpty(doc.outlet);
    return withMeta(article, { title, url, outlet, author, published });
  });
  return { id: clusterId, articles, references };
}

/** Field names news dumps use, in order of preference (news-please, NewsAPI, schema.org, RSS-to-JSON). */
const TEXT_KEYS = ["text", "content", "body", "maintext", "article_text"] as const;
const HTML_KEYS = ["html", "raw_html"] as const;
const TITLE_KEYS = ["title", "headline"] as const;
const DATE_KEYS = [
  "date",
  "published",
  "publishedAt",
  "published_at",
  "date_publish",
  "datePublished",
  "pubDate",
  "pub_date",
] as const;
const URL_KEYS = ["url", "link"] as const;
const AUTHOR_KEYS = ["author", "authors", "byline"] as const;
const OUTLET_KEYS = ["outlet", "source", "source_domain", "site_name", "publisher"] as const;

/** True for a line that holds one article rather than a cluster. */
function isArticleLine(value: Json): boolean {
  if (value.documents !== undefined) return false;
  return [...TEXT_KEYS, ...HTML_KEYS].some((k) => value[k] !== undefined && value[k] !== null);
}

/** The first present key among `keys`, or undefined. */
function firstKey(object: Json, keys: readonly string[]): string | undefined {
  return keys.find((k) => object[k] !== undefined && object[k] !== null);
}

/** A string field (first present alias); a wrong type is a FieldError naming it. */
function stringField(object: Json, keys: readonly string[], path: string): string | undefined {
  const key = firstKey(object, keys);
  return key === undefined ? undefined : optionalString(object, key, path);
}

/** Authors as a string, or an array of names / `{name}` objects joined by commas. */
function authorField(object: Json, path: string): string | undefined {
  const key = firstKey(object, AUTHOR_KEYS);
  if (key === undefined) return undefined;
  const value = object[key];
  if (typeof value === "string") return value;
  if (!Array.isArray(value))
    throw new FieldError(`${path}${key}`, `expected a string or an array of names, got ${typeName(value)}`);
  const names = value.map((v, k) => {
    if (typeof v === "string") return v;
    if (isObject(v) && typeof v.name === "string") return v.name;
    throw new FieldError(`${path}${key}[${k}]`, `expected a name, got ${typeName(v)}`);
  });
  return names.filter((n) => n.trim() !== "").join(", ");
}

/** The outlet: a string, or an object with a `name` (NewsAPI's `source: {id, name}`). */
function outletField(object: Json, path: string): string | undefined {
  const key = firstKey(object, OUTLET_KEYS);
  if (key === undefined) return undefined;
  const value = object[key];
  if (typeof value === "string") return value;
  if (isObject(value) && (value.name === undefined || value.name === null)) return undefined;
  if (isObject(value) && typeof value.name === "string") return value.name;
  throw new FieldError(`${path}${key}`, `expected a string or an object with a name, got ${typeName(value)}`);
}

/** A date field: an ISO/RFC string, or a Unix time in seconds or milliseconds. */
function dateField(object: Json, path: string): string | undefined {
  const key = firstKey(object, DATE_KEYS);
  if (key === undefined) return undefined;
  const value = object[key];
  if (typeof value === "number" && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    return toIsoDate(new Date(ms));
  }
  if (typeof value !== "string")
    throw new FieldError(`${path}${key}`, `expected a date string or a Unix time, got ${typeName(value)}`);
  return toIsoDate(value);
}

/** Validates one article object of a news dump and builds the article. Throws FieldError or EMPTY_INPUT. */
function toArticle(value: Json, ctx: ClusterContext): Article {
  const p = ctx.path;
  // an article without an id is "<file>#<line>" ("<file>#<n>" in a JSON array)
  const id = idOf(value, p, ctx.fallbackId.replace(/:(\d+)$/, "#$1"));

  const where: ErrorLocation = { file: ctx.source };
  if (ctx.line !== undefined) where.line = ctx.line;
  let text = stringField(value, TEXT_KEYS, p) ?? "";
  const htmlKey = firstKey(value, HTML_KEYS);
  let page: Article | undefined;
  if (text.trim() === "" && htmlKey !== undefined) {
    const html = optionalString(value, htmlKey, p) ?? "";
    if (html.trim() !== "") {
      try {
        page = parseHtml(html, ctx.source);
      } catch (e) {
        if (e instanceof NewsweaveError) {
          throw new NewsweaveError(e.code, e.message, { ...where, field: `${p}${htmlKey}` }, { cause: e });
        }
        throw e;
      }
      text = page.text;
    }
  }
  if (text.trim() === "") {
    const field = `${p}${firstKey(value, [...TEXT_KEYS, ...HTML_KEYS]) ?? "text"}`;
    throw new NewsweaveError("EMPTY_INPUT", "article has no text", { ...where, field });
  }
  const title = nonEmpty(stringField(value, TITLE_KEYS, p)) ?? page?.title;
  const published = dateField(value, p) ?? page?.published;
  const url = nonEmpty(stringField(value, URL_KEYS, p)) ?? page?.url;
  const author = nonEmpty(authorField(value, p)) ?? page?.author;
  const outlet = nonEmpty(outletField(value, p)) ?? page?.outlet;

  const article: Article = {
    id: uniqueId(id, ctx.usedIds),
    text,
    origin: { source: ctx.source, format: "jsonl" },
  };
  if (ctx.line !== undefined) article.origin.line = ctx.line;
  return withMeta(article, { title, url, outlet, author, published });
}

/** A line or array element: a cluster when it has `documents`, an article when it has text of its own. */
function toItem(value: unknown, ctx: ClusterContext): Cluster | Article {
  if (isObject(value) && isArticleLine(value)) {
    return toArticle(value, ctx);
  }
  if (isObject(value) && value.documents === undefined) {
    throw new FieldError(
      `${ctx.path}documents`,
      'missing: a line needs "documents" (a cluster) or "text" (one article)',
    );
  }
  return toCluster(value, ctx);
}

function collect(result: ClusterReadResult, build: () => Cluster | Article, location: ErrorLocation): void {
  try {
    const item = build();
    if ("articles" in item) result.clusters.push(item);
    else result.articles.push(item);
  } catch (e) {
    if (e instanceof FieldError) {
      const message = e.field ? `bad field: ${e.message}` : `bad line: ${e.message}`;
      const where = e.field ? { ...location, field: e.field } : location;
      result.errors.push(new NewsweaveError("BAD_FIELD", message, where));
    } else if (e instanceof NewsweaveError) result.errors.push(e);
    else result.errors.push(new NewsweaveError("INTERNAL", String(e), location, { cause: e }));
  }
}

/** One line's cluster or article into `result` (or its error, with the line). */
function collectLine(
  result: ClusterReadResult,
  value: unknown,
  ids: { source: string; base: string; usedIds: Set<string> },
  lineNumber: number,
): void {
  collect(
    result,
    () => toItem(value, { ...ids, line: lineNumber, path: "", fallbackId: `${ids.base}:${lineNumber}` }),
    { file: ids.source, line: lineNumber },
  );
}

/** A whole-file JSON document (pretty-printed object or array of clusters), for `.json` files. */
function readJsonDocument(value: unknown, source: string): ClusterReadResult {
  const result: ClusterReadResult = { clusters: [], articles: [], errors: [] };
  const base = baseName(source);
  const usedIds = new Set<string>();
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, k) => {
    const path = Array.isArray(value) ? `[${k}].` : "";
    collect(result, () => toItem(item, { source, base, usedIds, path, fallbackId: `${base}:${k + 1}` }), {
      file: source,
    });
  });
  return result;
}

/**
 * Reads bench JSONL: one cluster per line. Bad lines become errors (BAD_JSON with line and column,
 * BAD_FIELD with line and field path, EMPTY_INPUT for a cluster without text) and are skipped.
 * Article ids are `<cluster id>/<document index>`; a missing cluster id becomes `<basename>:<line>`,
 * a repeated one gets a `-2`, `-3`… suffix. A file holding one pretty-printed JSON document (an object or
 * an array of clusters) is accepted too.
 */
export function readJsonlClusters(text: string, source: string): ClusterReadResult {
  if (/^\uFEFF?\s*\[/.test(text)) return readJsonArray(text, source);
  // a page or prose read as JSON Lines is one error, not one per line (no line of its start opens an object)
  const head = text
    .slice(0, 64 * 1024)
    .split("\n")
    .slice(0, 200);
  const parses = (l: string) => {
    if (!/^\uFEFF?\s*\{/.test(l)) return false;
    try {
      return typeof JSON.parse(l.replace(/^\uFEFF/, "")) === "object";
    } catch {
      return false;
    }
  };
  const anyLine = head.some(parses);
  // one JSON document over many lines (pretty-printed): read whole, a syntax error given by line and column
  if (!anyLine && /^\uFEFF?\s*\{/.test(text)) return readJsonArray(text, source);
  if (head.some((l) => l.trim() !== "") && !anyLine) {
    const firstLine = text.split("\n", 1)[0] ?? "";
    return {
      clusters: [],
      articles: [],
      errors: [
        new NewsweaveError(
          "BAD_JSON",
          `not JSON Lines: the file should hold one JSON object per line, but it starts with "${firstLine.trim().slice(0, 40)}"`,
          { file: source, line: 1 },
        ),
      ],
    };
  }
  const result: ClusterReadResult = { clusters: [], articles: [], errors: [] };
  const base = baseName(source);
  const usedIds = new Set<string>();
  let first = true;
  let whole: ClusterReadResult | undefined;
  forEachLine(text, (line, lineNumber) => {
    if (whole) return;
    const where: ErrorLocation = { file: source, line: lineNumber };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      if (first) {
        // Maybe a pretty-printed JSON document rather than JSONL.
        try {
          whole = readJsonDocument(JSON.parse(text), source);
          return;
        } catch {
          // Not that either: report the line.
        }
      }
      first = false;
      result.errors.push(badJson(e, line, where));
      return;
    }
    first = false;
    collectLine(result, value, { source, base, usedIds }, lineNumber);
  });
  if (whole) return whole;
  if (result.clusters.length === 0 && result.articles.length === 0 && result.errors.length === 0)
    result.errors.push(
      new NewsweaveError("EMPTY_INPUT", "no clusters or articles in the input", { file: source }),
    );
  return result;
}

/**
 * A JSON document over many lines: an array of clusters or articles, or one pretty-printed object. When it
 * does not parse, the error gives its line and column in
 * the file, and the elements that stand one per line ("[{…},\n{…},\n{…}]", the usual dump layout) are
 * still read, each bad one reported with its own line: one broken article does not lose the others.
 */
function readJsonArray(text: string, source: string): ClusterReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = / at position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : Math.max(0, jsonErrorOffset(body));
    const whole = badJson(e, body, { file: source });
    const { line, column } = lineColumn(body, offset);
    const error = new NewsweaveError("BAD_JSON", whole.message, { file: source, line, column }, { cause: e });
    // salvage: each line an element, once the array's brackets and separating commas are taken off
    const salvage: ClusterReadResult = { clusters: [], articles: [], errors: [] };
    const usedIds = new Set<string>();
    const base = baseName(source);
    let good = 0;
    let bad = 0;
    forEachLine(body, (raw, lineNumber) => {
      let t = raw.trim();
      if (t.startsWith("[")) t = t.slice(1).trim();
      if (t.endsWith("]") && !t.endsWith("]]") && !/\[\s*\]$/.test(t)) t = t.slice(0, -1).trim();
      if (t.endsWith(",")) t = t.slice(0, -1).trim();
      if (t === "") return;
      const where: ErrorLocation = { file: source, line: lineNumber };
      let value: unknown;
      try {
        value = JSON.parse(t);
      } catch (err) {
        bad++;
        const lineError = badJson(err, t, where);
        salvage.errors.push(
          new NewsweaveError(
            "BAD_JSON",
            lineError.message,
            { ...where, column: (lineError.location.column ?? 1) + raw.indexOf(t.charAt(0)) },
            { cause: err },
          ),
        );
        return;
      }
      good++;
      collectLine(salvage, value, { source, base, usedIds }, lineNumber);
    });
    // an array laid out over many lines per element cannot be read line by line: one error for the file
    if (good === 0 || bad > good) return { clusters: [], articles: [], errors: [error] };
    return salvage;
  }
  const result = readJsonDocument(parsed, source);
  if (Array.isArray(parsed) && parsed.length === 0)
    result.errors.push(
      new NewsweaveError("EMPTY_INPUT", "an empty JSON array: no clusters or articles", { file: source }),
    );
  return result;
}

/**
 * Reads raw Multi-News source lines: documents separated by "|||||", the token NEWLINE_CHAR standing for
 * a newline. Cluster ids are `<basename>:<line>`, article ids `<cluster id>/<document index>`; there are no
 * references in this format.
 */
export function readMultiNewsClusters(text: string, source: string): ClusterReadResult {
  const result: ClusterReadResult = { clusters: [], articles: [], errors: [] };
  const base = baseName(source);
  const usedIds = new Set<string>();
  const format: InputFormat = "multinews";
  forEachLine(text, (line, lineNumber) => {
    const parts = line.split("|||||");
    const docs: Array<{ index: number; text: string }> = [];
    parts.forEach((part, index) => {
      const body = part.replace(/NEWLINE_CHAR/g, "\n").trim();
      if (body !== "") docs.push({ index, text: body });
    });
    if (docs.length === 0) {
      result.errors.push(
        new NewsweaveError("EMPTY_INPUT", "line has no document with text", {
          file: source,
          line: lineNumber,
        }),
      );
      return;
    }
    const id = uniqueId(`${base}:${lineNumber}`, usedIds);
    result.clusters.push({
      id,
      references: [],
      articles: docs.map(({ index, text: body }) => ({
        id: `${id}/${index}`,
        text: body,
        origin: { source, format, line: lineNumber, index, cluster: id },
      })),
    });
  });
  if (result.clusters.length === 0 && result.errors.length === 0)
    result.errors.push(new NewsweaveError("EMPTY_INPUT", "no clusters in the input", { file: source }));
  return result;
}

function strict(result: ClusterReadResult): Cluster[] {
  const first = result.errors[0];
  if (first) throw first;
  return result.clusters;
}

/** Strict bench JSONL reader: throws the first bad line's error (see `readJsonlClusters`). */
export function parseJsonl(text: string, source: string): Cluster[] {
  return strict(readJsonlClusters(text, source));
}

/** Strict raw Multi-News reader: throws the first bad line's error (see `readMultiNewsClusters`). */
export function parseMultiNews(text: string, source: string): Cluster[] {
  return strict(readMultiNewsClusters(text, source));
}
