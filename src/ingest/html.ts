/** HTML pages: main article text through Readability, metadata from meta tags, JSON-LD and <time>. */
import { Readability } from "@mozilla/readability";
import { NewsweaveError } from "../errors.ts";
import type { Article } from "../types.ts";
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  domToText,
  flatHtmlToText,
  loadDocument,
  maxDepth,
} from "./dom.ts";
import { baseName, nonEmpty, toIsoDate } from "./util.ts";

interface PageMeta {
  title?: string;
  author?: string;
  published?: string;
  url?: string;
  outlet?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function list<T extends DomElement>(nodes: ArrayLike<T>): T[] {
  return Array.from(nodes);
}

/** Meta tags by lower-cased property / name / itemprop; the first occurrence wins. */
function metaTags(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of list(document.querySelectorAll("meta"))) {
    const content = meta.getAttribute("content");
    if (content === null || content.trim() === "") continue;
    for (const attr of ["property", "name", "itemprop"]) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

/** All JSON-LD objects of the page, @graph and arrays flattened; unparsable blocks are ignored. */
function jsonLdNodes(document: DomDocument): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else if (isObject(value)) {
      nodes.push(value);
      if ("@graph" in value) visit(value["@graph"], depth + 1);
    }
  };
  for (const script of list(document.querySelectorAll("script"))) {
    const type = script.getAttribute("type")?.toLowerCase() ?? "";
    if (!type.startsWith("application/ld+json")) continue;
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata sources still apply.
    }
  }
  return nodes;
}

function ldTypes(node: Json): string[] {
  const type = node["@type"];
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return [];
}

/** The JSON-LD object describing the article itself. */
function articleNode(nodes: Json[]): Json | undefined {
  return (
    nodes.find((n) => ldTypes(n).some((t) => /Article|BlogPosting|Report/i.test(t))) ??
    nodes.find((n) => "datePublished" in n || "headline" in n)
  );
}

function personNames(value: unknown): string | undefined {
  const names: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === "string") {
      const name = nonEmpty(v);
      if (name && !/^https?:\/\//i.test(name)) names.push(name);
    } else if (isObject(v)) add(v.name);
  };
  if (Array.isArray(value)) value.forEach(add);
  else add(value);
  return names.length > 0 ? [...new Set(names)].join(", ") : undefined;
}

function absoluteUrl(value: unknown): string | undefined {
  const s = nonEmpty(typeof value === "string" ? value : isObject(value) ? value["@id"] : undefined);
  return s && /^https?:\/\/\S+$/i.test(s) ? s : undefined;
}

function firstOf<T>(...values: Array<T | undefined>): T | undefined {
  return values.find((v) => v !== undefined);
}

function pageMeta(document: DomDocument): PageMeta {
  const meta = metaTags(document);
  const ld = articleNode(jsonLdNodes(document));
  const m = (key: string): string | undefined => nonEmpty(meta.get(key));

  const times = list(document.querySelectorAll("time[datetime]"));
  const pubTime =
    times.find((t) => t.hasAttribute("pubdate") || t.getAttribute("itemprop") === "datePublished") ??
    times[0];
  const canonical = list(document.querySelectorAll("link[rel]")).find((l) =>
    (l.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"),
  );
  const titleElement = document.querySelector("title");

  const published = [
    m("article:published_time"),
    m("og:article:published_time"),
    ld?.datePublished,
    m("datepublished"),
    m("pubdate"),
    m("publishdate"),
    m("publish-date"),
    m("parsely-pub-date"),
    m("sailthru.date"),
    m("dc.date.issued"),
    m("dcterms.created"),
    m("dc.date"),
    m("date"),
    pubTime?.getAttribute("datetime"),
    ld?.dateCreated,
  ]
    .map(toIsoDate)
    .find((d) => d !== undefined);

  return {
    title: firstOf(
      m("og:title"),
      m("twitter:title"),
      nonEmpty(ld?.headline),
      m("dc.title"),
      nonEmpty(titleElement?.textContent),
    ),
    author: firstOf(
      personNames(ld?.author),
      m("author"),
      personNames(m("article:author")),
      m("parsely-author"),
      m("dc.creator"),
      m("byl")?.replace(/^by\s+/i, ""),
    ),
    published,
    url: firstOf(
      absoluteUrl(canonical?.getAttribute("href")),
      absoluteUrl(m("og:url")),
      absoluteUrl(ld?.url),
    ),
    outlet: firstOf(
      m("og:site_name"),
      isObject(ld?.publisher) ? nonEmpty(ld.publisher.name) : undefined,
      m("application-name"),
    ),
  };
}

interface ReadabilityResult {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  content?: DomNode | null;
}

/**
 * Readability's running time grows steeply with nesting depth (seconds at a depth of 1000), so pages
 * nested deeper than this skip it and take the plain body text. Real pages stay far below.
 */
const MAX_READABILITY_DEPTH = 300;

/** Runs Readability; any failure inside it counts as "found nothing" (the caller falls back). */
function readable(document: DomDocument): ReadabilityResult | null {
  try {
    if (document.body && maxDepth(document.body, MAX_READABILITY_DEPTH) > MAX_READABILITY_DEPTH) return null;
    type Options = NonNullable<ConstructorParameters<typeof Readability>[1]>;
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: ((node: DomNode) => node) as unknown as Options["serializer"],
      // class attributes never reach the text: skip stripping them from the result
      keepClasses: true,
    });
    return reader.parse() as unknown as ReadabilityResult | null;
  } catch {
    return null;
  }
}

/**
 * An HTML page as one article: the main text (Readability, falling back to all body text) with
 * paragraphs separated by blank lines, and title, author, date, canonical URL and site name from the
 * page's metadata. Throws BAD_HTML when the page has no text at all.
 */
export function parseHtml(html: string, source: string): Article {
  if (html.trim() === "") throw new NewsweaveError("EMPTY_INPUT", "empty input", { file: source });
  let meta: PageMeta = {};
  let text = "";
  let result: ReadabilityResult | null = null;
  try {
    const document = loadDocument(html);
    meta = pageMeta(document);
    result = readable(document);
    if (result?.content) text = domToText(result.content);
    if (text.trim() === "") {
      // Readability found nothing (short or unusual page): take the text of the whole body.
      const fresh = loadDocument(html);
      if (fresh.body) text = domToText(fresh.body);
    }
  } catch {
    // linkedom could not build a tree (e.g. a stack overflow on absurd markup): strip tags instead.
    try {
      text = flatHtmlToText(html);
    } catch (e) {
      throw new NewsweaveError("BAD_HTML", "could not parse the HTML", { file: source }, { cause: e });
    }
  }
  if (text.trim() === "")
    throw new NewsweaveError("BAD_HTML", "no article text found in the HTML", { file: source });

  const article: Article = { id: baseName(source), text, origin: { source, format: "html" } };
  const title = firstOf(meta.title, nonEmpty(result?.title));
  const author = firstOf(meta.author, nonEmpty(result?.byline)?.replace(/^by\s+/i, ""));
  const published = firstOf(meta.published, toIsoDate(result?.publishedTime));
  const outlet = firstOf(meta.outlet, nonEmpty(result?.siteName));
  if (title) article.title = title;
  if (meta.url) article.url = meta.url;
  if (outlet) article.outlet = outlet;
  if (author) article.author = author;
  if (published) article.published = published;
  return article;
}
