/** RSS 2.0 / Atom / RDF feeds through feedsmith: one article per item. */
import { type AnyFeed, type AtomFeed, parseFeed as feedsmithParse } from "feedsmith";
import { NewsweaveError } from "../errors.ts";
import type { Article } from "../types.ts";
import { htmlToText } from "./dom.ts";
import { baseName, nonEmpty, toIsoDate } from "./util.ts";
import { findXmlProblem } from "./xmlcheck.ts";

/** One feed item, format-independent, before text extraction. */
interface Entry {
  title?: string;
  titleIsHtml: boolean;
  url?: string;
  author?: string;
  /** A date string as found in the feed (normalised later). */
  published?: unknown;
  body?: string;
  bodyIsHtml: boolean;
}

/** Atom text constructs: "html" and "xhtml" carry markup, "text" (the default) does not. */
function isMarkup(type: string | undefined): boolean {
  return type !== undefined && /html/i.test(type);
}

function atomEntry(entry: AtomFeed.Entry<string>): Entry {
  const link =
    entry.links?.find((l) => !l.rel || l.rel === "alternate")?.href ?? entry.links?.find((l) => l.href)?.href;
  const content = entry.content?.value?.trim() ? entry.content : undefined;
  const body = content ?? (entry.summary?.value?.trim() ? entry.summary : undefined);
  const names = (entry.authors ?? [])
    .map((a) => nonEmpty(a.name))
    .filter((n): n is string => n !== undefined);
  return {
    title: entry.title?.value,
    titleIsHtml: isMarkup(entry.title?.type),
    url: nonEmpty(link),
    author: names.length > 0 ? names.join(", ") : nonEmpty(entry.dc?.creators?.[0]),
    published: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
    body: body?.value,
    bodyIsHtml: isMarkup(body?.type),
  };
}

function located(message: string, xml: string, source: string, cause?: unknown): NewsweaveError {
  const problem = findXmlProblem(xml);
  const where = problem ? { file: source, line: problem.line, column: problem.column } : { file: source };
  const text = problem ? `${message}: ${problem.message}` : message;
  return new NewsweaveError("BAD_XML", text, where, cause === undefined ? undefined : { cause });
}

/** Parses with feedsmith and maps every format to `Entry`. Throws BAD_XML with a position when it can. */
function readEntries(xml: string, source: string): { outlet?: string; entries: Entry[] } {
  const problem = findXmlProblem(xml);
  if (problem)
    throw new NewsweaveError("BAD_XML", `malformed XML: ${problem.message}`, {
      file: source,
      line: problem.line,
      column: problem.column,
    });
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse<string>(xml);
  } catch (e) {
    const name = e instanceof Error ? e.name : "";
    if (name === "DetectError") throw located("not an RSS, Atom or RDF feed", xml, source, e);
    throw located("malformed feed XML", xml, source, e);
  }
  switch (parsed.format) {
    case "rss": {
      const feed = parsed.feed;
      return {
        outlet: nonEmpty(feed.title),
        entries: (feed.items ?? []).map((item) => ({
          title: item.title,
          titleIsHtml: true,
          url:
            nonEmpty(item.link) ??
            (item.guid?.isPermaLink !== false && /^https?:\/\//i.test(item.guid?.value ?? "")
              ? item.guid?.value
              : undefined),
          author:
            nonEmpty(item.dc?.creators?.[0]) ??
            nonEmpty(item.authors?.[0]?.name) ??
            nonEmpty(item.authors?.[0]?.email),
          published: item.pubDate ?? item.dc?.dates?.[0],
          body: item.content?.encoded?.trim() ? item.content.encoded : item.description,
          bodyIsHtml: true,
        })),
      };
    }
    case "atom":
      return {
        outlet: nonEmpty(parsed.feed.title?.value),
        entries: (parsed.feed.entries ?? []).map(atomEntry),
      };
    case "rdf": {
      const feed = parsed.feed;
      return {
        outlet: nonEmpty(feed.title),
        entries: (feed.items ?? []).map((item) => ({
          title: item.title,
          titleIsHtml: true,
          url: nonEmpty(item.link),
          author: nonEmpty(item.dc?.creators?.[0]),
          published: item.dc?.dates?.[0],
          body: item.content?.encoded?.trim() ? item.content.encoded : item.description,
          bodyIsHtml: true,
        })),
      };
    }
    default:
      throw new NewsweaveError("BAD_XML", "not an RSS, Atom or RDF feed", { file: source });
  }
}

/**
 * A feed as articles, one per item that has text: title, link, author, date (ISO) and the item's
 * content:encoded / description / Atom content / summary converted from HTML to text. Item ids are
 * `<basename>#<n>` with n the item's 0-based position in the feed (also `origin.index`).
 */
export function parseFeed(xml: string, source: string): Article[] {
  if (xml.trim() === "") throw new NewsweaveError("EMPTY_INPUT", "empty input", { file: source });
  const { outlet, entries } = readEntries(xml, source);
  const base = baseName(source);
  const articles: Article[] = [];
  entries.forEach((entry, index) => {
    const raw = entry.body ?? "";
    const text = entry.bodyIsHtml ? htmlToText(raw) : raw.trim();
    if (text === "") return; // a headline-only item has no article text to work with
    const article: Article = { id: `${base}#${index}`, text, origin: { source, format: "feed", index } };
    const title =
      entry.title === undefined ? undefined : entry.titleIsHtml ? htmlToText(entry.title) : entry.title;
    const published = toIsoDate(entry.published);
    if (nonEmpty(title)) article.title = nonEmpty(title);
    if (entry.url) article.url = entry.url;
    if (outlet) article.outlet = outlet;
    if (entry.author) article.author = entry.author;
    if (published) article.published = published;
    articles.push(article);
  });
  if (articles.length === 0)
    throw new NewsweaveError("EMPTY_INPUT", "the feed has no items with text", { file: source });
  return articles;
}
