/**
 * The work behind the API, as plain functions of plain data so they run the same inline or in a worker:
 * request articles → library Articles → Report → JSON text.
 */
import { buildReport, type ReportSection } from "../analyze/report.ts";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { ingestString, readJsonlClusters } from "../ingest/index.ts";
import { groupArticles } from "../story/group.ts";
import type { Article, InputFormat } from "../types.ts";
import { type ArticleInput, badField, type SummarizeRequest } from "./schemas.ts";

export interface Limits {
  /** Most articles accepted in one request. */
  maxArticles: number;
}

/** Checks what the schema cannot say: exactly one of articles/documents, the article count, unique ids. */
export function checkSummarizeRequest(req: SummarizeRequest, limits: Limits): void {
  if (req.articles && req.documents)
    throw badField("documents", "give either articles or documents, not both");
  const list = req.articles ?? req.documents;
  if (!list) throw badField("articles", "required (or documents, the bench shape)");
  checkCount(list.length, limits, req.articles ? "articles" : "documents");
  if (req.articles) checkIds(req.articles);
  if (req.sections && new Set(req.sections).size !== req.sections.length)
    throw badField("sections", "a section is listed twice");
}

/**
 * The article count of a parsed body, checked before its fields are validated: 100,000 bad articles would
 * otherwise come back as 100,000 field errors.
 */
export function checkBodyCount(body: unknown, limits: Limits): void {
  if (typeof body !== "object" || body === null) return;
  for (const field of ["articles", "documents"]) {
    const list = (body as Record<string, unknown>)[field];
    if (Array.isArray(list)) checkCount(list.length, limits, field);
  }
}

export function checkCount(count: number, limits: Limits, field: string): void {
  if (count > limits.maxArticles)
    throw new NewsweaveError(
      "TOO_LARGE",
      `too many articles: ${count} in one request, the limit is ${limits.maxArticles}; split the request`,
      { field },
    );
}

export function checkIds(articles: readonly ArticleInput[]): void {
  const seen = new Map<string, number>();
  articles.forEach((a, k) => {
    if (a.id === undefined) return;
    const before = seen.get(a.id);
    if (before !== undefined)
      throw badField(`articles[${k}].id`, `id "${a.id}" is also used by articles[${before}]`);
    seen.set(a.id, k);
  });
}

function located(e: unknown, field: string): unknown {
  if (!isNewsweaveError(e)) return e;
  // Positions inside one article's text are not positions in the request body: the field stays the
  // request's, and a line of the text (a news dump's) and its field go into the message.
  const { line, field: inner } = e.location;
  const where = [line !== undefined ? `line ${line}` : "", inner ? `field ${inner}` : ""].filter(Boolean);
  const message = e.message.replace(/ \(field [^)]*\)$/, "");
  return new NewsweaveError(
    e.code,
    `${field}${where.length ? ` (${where.join(", ")})` : ""}: ${message}`,
    { field },
    { cause: e },
  );
}

function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf(".");
  return (dot > 0 ? file.slice(0, dot) : file) || "article";
}

function uniqueIn(id: string, used: Set<string>): string {
  let out = id;
  for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
  used.add(out);
  return out;
}

/** Request articles to library Articles (ingested: HTML extracted, feeds split, metadata applied). */
export function toArticles(req: Pick<SummarizeRequest, "articles" | "documents" | "id">): Article[] {
  if (req.documents) {
    const line = JSON.stringify({ id: req.id ?? "request", documents: req.documents });
    const read = readJsonlClusters(line, "request");
    const first = read.errors[0];
    if (first) {
      const field = first.location.field ?? "documents";
      throw new NewsweaveError(first.code, `${field}: ${first.message}`, { field }, { cause: first });
    }
    return read.clusters.flatMap((c) => c.articles);
  }
  const out: Article[] = [];
  const used = new Set<string>();
  for (const a of req.articles ?? []) if (a.id !== undefined) used.add(a.id);
  (req.articles ?? []).forEach((input, k) => {
    const field = `articles[${k}].text`;
    const source = input.name ?? input.id ?? `article-${k + 1}`;
    const format: InputFormat | undefined = input.format === "auto" ? undefined : input.format;
    let found: Article[];
    try {
      found = ingestString(input.text, source, { format });
    } catch (e) {
      throw located(e, field);
    }
    if (found.length === 0) throw new NewsweaveError("EMPTY_INPUT", `${field}: no article found`, { field });
    if (
      format === undefined &&
      found.some((f) => f.origin.format === "jsonl" || f.origin.format === "multinews")
    )
      throw badField(
        field,
        'looks like JSONL: set format "jsonl" to read it as a news dump (one article per line), or post a bench line as {documents: [...]}',
      );
    const one = found.length === 1;
    const base = input.id ?? (input.name ? baseName(input.name) : `article-${k + 1}`);
    found.forEach((article, j) => {
      // A given id is already reserved (and unique); a dump's articles and an SGML collection's keep their
      // own ids; every other id is made unique here.
      if (one && input.id !== undefined) article.id = input.id;
      else if (format === "jsonl" || article.origin.format === "sgml")
        article.id = uniqueIn(article.id, used);
      else article.id = uniqueIn(one ? base : `${base}#${j}`, used);
      if (one) {
        if (input.title !== undefined) article.title = input.title;
        if (input.url !== undefined) article.url = input.url;
        if (input.author !== undefined) article.author = input.author;
        if (input.published !== undefined) article.published = input.published;
      }
      if (input.outlet !== undefined) article.outlet = input.outlet;
      out.push(article);
    });
  });
  return out;
}

/** The whole summarize job: the report of the request's story, as JSON text. */
export function runSummarize(req: SummarizeRequest): string {
  const articles = toArticles(req);
  if (req.story === undefined)
    return JSON.stringify(buildReport(articles, { words: req.words, sections: req.sections }));
  const groups = groupArticles(articles);
  const chosen = groups[req.story - 1];
  if (!chosen)
    throw badField(
      "story",
      `there ${groups.length === 1 ? "is 1 story" : `are ${groups.length} stories`} in these articles, not ${req.story}`,
    );
  const report = buildReport(
    chosen.map((i) => articles[i]!),
    { words: req.words, sections: req.sections },
  );
  const stories: StoryListing[] = groups.map((g, k) => {
    const titled = g.map((i) => articles[i]!).find((a) => a.title);
    return {
      story: k + 1,
      articles: g.map((i) => articles[i]!.id),
      title: titled?.title ?? articles[g[0]!]!.id,
    };
  });
  return JSON.stringify({ ...report, stories });
}

/** One story of the request's articles, when they are grouped (`story` in the request). */
export interface StoryListing {
  /** Its number: 1 has the most articles. */
  story: number;
  /** Ids of its articles. */
  articles: string[];
  /** The first headline among them, else the first article's id. */
  title: string;
}

export interface ReportJobOptions {
  words?: number;
  sections?: ReportSection[];
}

/** The report of articles already ingested (a stored story), as JSON text. */
export function runReport(articles: Article[], options: ReportJobOptions): string {
  return JSON.stringify(buildReport(articles, { words: options.words, sections: options.sections }));
}
