/** Which parser a text goes to: by file extension first, then by looking at the beginning of the text. */
import type { InputFormat } from "../types.ts";
import { looksLikeSgml } from "./sgml.ts";

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: "text",
  text: "text",
  md: "text",
  markdown: "text",
  html: "html",
  htm: "html",
  xhtml: "html",
  xml: "feed",
  rss: "feed",
  atom: "feed",
  rdf: "feed",
  jsonl: "jsonl",
  ndjson: "jsonl",
  json: "jsonl",
  sgml: "sgml",
  sgm: "sgml",
};

/** How far into the text sniffing looks. */
const HEAD = 64 * 1024;

/** Skips an XML declaration, processing instructions, comments and a doctype at the start. */
const PROLOGUE = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE(?!\s+html)[^>]*>\s*)*/i;

function extensionOf(source: string): string {
  const file = source.split(/[\\/]/).pop() ?? "";
  const dot = file.lastIndexOf(".");
  return dot > 0 ? file.slice(dot + 1).toLowerCase() : "";
}

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start === -1) return "";
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end).trim();
}

/** Keys that make a JSON object one article of a news dump (see `jsonl.ts`). */
const ARTICLE_KEYS = ["text", "content", "body", "maintext", "article_text", "html", "raw_html"];

function looksLikeClusterJson(line: string): boolean {
  if (!line.startsWith("{")) return false;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    return ["documents", ...ARTICLE_KEYS].some((k) => k in value);
  } catch {
    // A broken first line that still names "documents" is JSONL with an error to report, not prose.
    return /"documents"\s*:/.test(line.slice(0, HEAD));
  }
}

/** Picks the input format: the extension decides when it is known, else the content is sniffed. */
export function detectFormat(text: string, source: string): InputFormat {
  const byExtension = BY_EXTENSION[extensionOf(source)];
  if (byExtension) return byExtension;

  const head = text.slice(0, HEAD);
  const afterPrologue = head.slice(PROLOGUE.exec(head)?.[0].length ?? 0);
  if (looksLikeSgml(afterPrologue)) return "sgml";
  if (/^<rss\b/i.test(afterPrologue)) return "feed";
  if (/^<feed\b/i.test(afterPrologue) || /^<rdf:RDF\b/i.test(afterPrologue)) return "feed";
  if (/^<!doctype\s+html\b/i.test(afterPrologue) || /^<html\b/i.test(afterPrologue)) return "html";
  if (/^<(?:head|body|article|main)\b/i.test(afterPrologue)) return "html";
  if (head.trimStart().startsWith("{") && looksLikeClusterJson(firstLine(text))) return "jsonl";
  // a JSON array of articles or clusters, or one pretty-printed object (a dump piped in without a name)
  if (/^\s*\[\s*\{\s*"[^"\n]{1,40}"\s*:/.test(head) || /^\s*\[\s*\]\s*$/.test(head)) return "jsonl";
  if (
    /^\s*\{\s*\n\s*"[^"\n]{1,40}"\s*:/.test(head) &&
    new RegExp(`"(?:documents|${ARTICLE_KEYS.join("|")})"\\s*:`).test(head)
  )
    return "jsonl";
  if (head.includes("|||||") || head.includes("NEWLINE_CHAR")) return "multinews";
  return "text";
}
