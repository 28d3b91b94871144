/**
 * Rendering of summaries as text, Markdown, JSON and a standalone HTML page. Formatting only: the
 * summary, its citations and the article metadata come from the library as they are.
 *
 * Citation markers `[n]` number the source ARTICLES of a story in input order; each summary sentence is
 * followed by the markers of every article that supports it.
 */

import { quoteStateAfter } from "../align/represent.ts";
import type { Citation, Doc, Summary, SummarySentence } from "../types.ts";

export type SummaryFormat = "text" | "md" | "json" | "html";

export const SUMMARY_FORMATS: readonly SummaryFormat[] = ["text", "md", "json", "html"];

/** One story's summary with the prepared documents it was made from. */
export interface StorySummary {
  id: string;
  docs: readonly Doc[];
  summary: Summary;
  /** Heading of a single story's summary (default "Summary"): a stored story's title, an update's "What is new …". */
  heading?: string;
}

export interface CitationJson extends Citation {
  /** The cited sentence: the article's clean text sliced by [start, end). */
  text: string;
}

export interface SummaryJson {
  id: string;
  words: number;
  sentences: Array<{ text: string; from: CitationJson; support: CitationJson[] }>;
  articles: Array<{ id: string; title?: string; outlet?: string; published?: string; url?: string }>;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Words of the opening shown for an article without a title. */
const LEAD_WORDS = 10;
const LEAD_TAIL = /^(?:the|a|an|and|or|but|of|on|in|at|to|for|from|with|by|as|that|its|their|his|her)$/i;

/**
 * How a source is listed: its title, or for an untitled article the opening words of its first sentence
 * (a reader recognises a report by how it starts, not by a file id), with the id moved to the details.
 */
/**
 * A publication time as a reader wants it: "2026-03-11 11:30 UTC" for "2026-03-11T11:30:00.000Z", the date alone
 * for midnight UTC (what feeds write for a bare date), anything else as given.
 */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    iso.trim(),
  );
  if (!m) return iso;
  const [, day, hh, mm, zone] = m;
  if (hh === "00" && mm === "00" && (zone === "Z" || zone === undefined)) return day!;
  const tz = zone === undefined ? "" : zone === "Z" ? " UTC" : ` UTC${zone}`;
  return `${day} ${hh}:${mm}${tz}`;
}

export function sourceHeading(a: {
  id: string;
  title?: string | undefined;
  outlet?: string | undefined;
  author?: string | undefined;
  published?: string | undefined;
  text: string;
  sentences: ReadonlyArray<{ start: number; end: number }>;
}): { title: string; details: string; untitled: boolean } {
  const known = [a.outlet, a.author, a.published && readableTime(a.published)].filter((x): x is string =>
    Boolean(x),
  );
  if (a.title) return { title: oneLine(a.title), details: known.join(", "), untitled: false };
  const first = a.sentences[0];
  const words = first ? oneLine(a.text.slice(first.start, first.end)).split(" ") : [];
  if (words.length === 0)
    return {
      title: a.id,
      details: [...known, "no article text once page furniture is removed"].join(", "),
      untitled: true,
    };
  const cut = words.slice(0, LEAD_WORDS);
  // do not stop on a function word ("… the", "… of")
  while (cut.length > 3 && words.length > LEAD_WORDS && LEAD_TAIL.test(cut[cut.length - 1]!)) cut.pop();
  const lead = cut.join(" ");
  const title = words.length > LEAD_WORDS ? `“${lead.replace(/[,;:]$/, "")}…”` : `“${lead}”`;
  return { title, details: [a.id, ...known].join(", "), untitled: true };
}

/** Article id → its 1-based number in the story. */
function articleNumbers(story: StorySummary): Map<string, number> {
  const numbers = new Map<string, number>();
  story.docs.forEach((d, k) => {
    numbers.set(d.article.id, k + 1);
  });
  return numbers;
}

function citedText(story: StorySummary, c: Citation): string {
  const doc = story.docs.find((d) => d.article.id === c.articleId);
  return doc ? doc.article.text.slice(c.start, c.end) : "";
}

/** Whether summary sentence `b` is the source sentence right after `a`'s, in the same article. */
export function followsInSource(a: SummarySentence, b: SummarySentence): boolean {
  return a.from.articleId === b.from.articleId && b.from.sentence === a.from.sentence + 1;
}

/**
 * Summary sentences as they are shown: a quotation that runs on into the next sentence of its article
 * (the next summary sentence) is one run, cited once after its end with the support of all its sentences;
 * markers inside it would cut the speaker's words apart. `follows` tells whether the run continues the
 * previous one in its article (the two share a paragraph).
 */
export function quotationRuns(
  sentences: readonly SummarySentence[],
): Array<{ sentences: SummarySentence[]; support: Citation[]; follows: boolean }> {
  const runs: Array<{ sentences: SummarySentence[]; support: Citation[]; follows: boolean }> = [];
  let open = false;
  sentences.forEach((s, k) => {
    const prev = sentences[k - 1];
    const follows = prev !== undefined && followsInSource(prev, s);
    const last = runs[runs.length - 1];
    if (follows && open && last) {
      last.sentences.push(s);
      last.support.push(...s.support);
    } else {
      if (!follows) open = false;
      runs.push({ sentences: [s], support: [...s.support], follows });
    }
    open = quoteStateAfter(s.text, open);
  });
  return runs;
}

/** Citation markers shown for one sentence; more sources than this are counted, not listed. */
export const MAX_MARKS = 10;

/** "[1][3][4]", or for a sentence many articles carry "[1][2]…[10] +490 more". */
export function markText(numbers: readonly number[]): string {
  const shown = numbers
    .slice(0, MAX_MARKS)
    .map((n) => `[${n}]`)
    .join("");
  return numbers.length > MAX_MARKS ? `${shown} +${numbers.length - MAX_MARKS} more` : shown;
}

/** The same as links to the sources list: `href(n)` is the fragment (already escaped) of source n. */
export function markHtml(numbers: readonly number[], href: (n: number) => string): string {
  const links = numbers
    .slice(0, MAX_MARKS)
    .map((n) => `<sup><a href="#${href(n)}">[${n}]</a></sup>`)
    .join("");
  return numbers.length > MAX_MARKS ? `${links} <small>+${numbers.length - MAX_MARKS} more</small>` : links;
}

function markerNumbers(numbers: ReadonlyMap<string, number>, support: readonly Citation[]): number[] {
  const set = new Set<number>();
  for (const c of support) {
    const n = numbers.get(c.articleId);
    if (n !== undefined) set.add(n);
  }
  return [...set].sort((a, b) => a - b);
}

/** Every cited sentence of each article, in article order then sentence order, without repeats. */
function citationsByArticle(story: StorySummary): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const s of story.summary.sentences) {
    for (const c of s.support) {
      const list = out.get(c.articleId) ?? [];
      if (!list.some((x) => x.sentence === c.sentence)) list.push(c);
      out.set(c.articleId, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.sentence - b.sentence);
  return out;
}

function sourceLabel(doc: Doc): { title: string; details: string; untitled: boolean } {
  return sourceHeading({ ...doc.article, sentences: doc.sentences });
}

export function summaryToJson(story: StorySummary): SummaryJson {
  const cite = (c: Citation): CitationJson => ({
    articleId: c.articleId,
    sentence: c.sentence,
    start: c.start,
    end: c.end,
    score: c.score,
    text: citedText(story, c),
  });
  return {
    id: story.id,
    words: story.summary.words,
    sentences: story.summary.sentences.map((s) => ({
      text: s.text,
      from: cite(s.from),
      support: s.support.map(cite),
    })),
    articles: story.docs.map((d) => ({
      id: d.article.id,
      title: d.article.title,
      outlet: d.article.outlet,
      published: d.article.published,
      url: d.article.url,
    })),
  };
}

function formatText(story: StorySummary, heading: boolean): string {
  const numbers = articleNumbers(story);
  const out: string[] = [];
  if (heading) out.push(`== ${story.id} ==`);
  out.push(
    `${oneLine(story.heading ?? "Summary")} (${counted(story.summary.words, "word")}, ${counted(story.docs.length, "article")})`,
    "",
  );
  for (const run of quotationRuns(story.summary.sentences)) {
    const marks = markText(markerNumbers(numbers, run.support));
    out.push(`${run.sentences.map((s) => oneLine(s.text)).join(" ")} ${marks}`);
  }
  out.push("", "Sources");
  story.docs.forEach((d, k) => {
    const { title, details, untitled } = sourceLabel(d);
    out.push(
      `[${k + 1}] ${title}${details ? ` — ${details}` : ""}${untitled || title === d.article.id ? "" : ` (${d.article.id})`}`,
    );
  });
  out.push("");
  return out.join("\n");
}

/** "1 article", "5 articles", "2 stories". */
export function counted(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`;
  return `${n} ${noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`}`;
}

/**
 * Markdown-escapes source text so it can never become markup (raw HTML included). An ampersand is escaped
 * only where a renderer would read an entity reference ("&copy;", "&#60;"); "Q&A" and "cleaners, & with"
 * stay as written, so the text reads the same in a terminal.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/^([#+-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

function formatMarkdown(story: StorySummary, level: number): string {
  const numbers = articleNumbers(story);
  const h = "#".repeat(level);
  const out: string[] = [`${h} ${escapeMarkdown(level > 1 ? story.id : (story.heading ?? "Summary"))}`, ""];
  out.push(`*${counted(story.summary.words, "word")} from ${counted(story.docs.length, "article")}*`, "");
  for (const run of quotationRuns(story.summary.sentences)) {
    const marks = markText(markerNumbers(numbers, run.support));
    out.push(`${run.sentences.map((s) => escapeMarkdown(s.text)).join(" ")} ${marks}`);
  }
  out.push("", `${h}# Sources`, "");
  const cited = citationsByArticle(story);
  story.docs.forEach((d, k) => {
    const { title, details } = sourceLabel(d);
    out.push(`${k + 1}. **${escapeMarkdown(title)}**${details ? ` — ${escapeMarkdown(details)}` : ""}`);
    if (d.article.url && /^https?:\/\//i.test(d.article.url))
      out.push(`   <${d.article.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
    for (const c of cited.get(d.article.id) ?? []) {
      out.push(`   > ${escapeMarkdown(citedText(story, c))}`);
    }
  });
  out.push("");
  return out.join("\n");
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s<>"']+$/i.test(url.trim()) ? url.trim() : undefined;
}

const STYLE = `body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif}
.summary p{margin:.3rem 0}
sup a{text-decoration:none;font-family:system-ui,sans-serif;font-size:.75rem}
.sources li{margin-bottom:.8rem}
.meta{color:#666;font-size:.9rem}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc;color:#444;font-size:.95rem}`;

function formatHtmlStory(story: StorySummary, index: number, many: boolean): string {
  const numbers = articleNumbers(story);
  const anchor = (n: number) => `s${index + 1}-src${n}`;
  const out: string[] = ["<article>"];
  out.push(
    `<h${many ? 2 : 1}>${escapeHtml(many ? story.id : (story.heading ?? "Summary"))}</h${many ? 2 : 1}>`,
  );
  out.push(
    `<p class="meta">${counted(story.summary.words, "word")} from ${counted(story.docs.length, "article")}</p>`,
  );
  out.push('<div class="summary">');
  for (const run of quotationRuns(story.summary.sentences)) {
    const marks = markHtml(markerNumbers(numbers, run.support), anchor);
    out.push(`<p>${run.sentences.map((s) => escapeHtml(oneLine(s.text))).join(" ")} ${marks}</p>`);
  }
  out.push("</div>", `<h${many ? 3 : 2}>Sources</h${many ? 3 : 2}>`, '<ol class="sources">');
  const cited = citationsByArticle(story);
  story.docs.forEach((d, k) => {
    const { title, details } = sourceLabel(d);
    const url = safeUrl(d.article.url);
    const name = url
      ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(title)}</a>`
      : escapeHtml(title);
    out.push(`<li id="${anchor(k + 1)}"><strong>${name}</strong>`);
    if (details) out.push(` <span class="meta">— ${escapeHtml(details)}</span>`);
    for (const c of cited.get(d.article.id) ?? []) {
      out.push(`<blockquote>${escapeHtml(oneLine(citedText(story, c)))}</blockquote>`);
    }
    out.push("</li>");
  });
  out.push("</ol>", "</article>");
  return out.join("\n");
}

function formatHtml(stories: readonly StorySummary[]): string {
  const many = stories.length > 1;
  const title = many
    ? "Newsweave summaries"
    : `Summary: ${stories[0]?.docs[0]?.article.title ?? stories[0]?.id ?? ""}`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    `<title>${escapeHtml(oneLine(title))}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...stories.map((s, k) => formatHtmlStory(s, k, many)),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * Renders summaries. JSON: one pretty-printed object for a single story, one compact object per line
 * (JSON Lines) for several. HTML: one standalone page. Text and Markdown: one section per story.
 */
export function formatSummary(stories: readonly StorySummary[], format: SummaryFormat): string {
  switch (format) {
    case "json":
      if (stories.length === 1) return `${JSON.stringify(summaryToJson(stories[0]!), null, 2)}\n`;
      return stories.map((s) => `${JSON.stringify(summaryToJson(s))}\n`).join("");
    case "html":
      return formatHtml(stories);
    case "md":
      return stories.map((s) => formatMarkdown(s, stories.length > 1 ? 2 : 1)).join("\n");
    default:
      return stories.map((s) => formatText(s, stories.length > 1)).join("\n");
  }
}
