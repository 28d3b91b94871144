import { NewsweaveError } from "../errors.ts";
import { prepare } from "../pipeline.ts";
import { DEFAULT_WORDS, type SummarizeOptions, summarizeDocs } from "../summarize/index.ts";
import type { Article, Doc, Summary } from "../types.ts";

/** What a reader needs to know about one source, including its clean text and sentence spans so a
 * front end can show and highlight exactly what a citation points to. */
export interface ReportArticle {
  id: string;
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
  place?: string;
  text: string;
  sentences: Array<{ start: number; end: number }>;
}

export type ReportSection = "summary" | "timeline" | "quotes" | "entities" | "comparison";
export const ALL_SECTIONS: readonly ReportSection[] = [
  "summary",
  "timeline",
  "quotes",
  "entities",
  "comparison",
];

/** One story's report: the cited summary plus the analyses (each present when requested). */
export interface Report {
  articles: ReportArticle[];
  summary?: Summary;
}

export interface ReportOptions extends SummarizeOptions {
  sections?: readonly ReportSection[];
}

function articleInfo(doc: Doc): ReportArticle {
  const a = doc.article;
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    published: a.published,
    url: a.url,
    place: a.place,
    text: a.text,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
  };
}

/** Builds the report of prepared documents of one story. */
export function reportDocs(docs: Doc[], options: ReportOptions = {}): Report {
  const sections = new Set(options.sections ?? ALL_SECTIONS);
  const report: Report = { articles: docs.map(articleInfo) };
  if (sections.has("summary"))
    report.summary = summarizeDocs(docs, { ...options, words: options.words ?? DEFAULT_WORDS });
  return report;
}

/** Builds the report of raw articles of one story: clean, segment, summarise, analyse. */
export function buildReport(articles: readonly Article[], options: ReportOptions = {}): Report {
  if (articles.length === 0) throw new NewsweaveError("EMPTY_INPUT", "no articles to report on");
  return reportDocs(prepare(articles), options);
}
