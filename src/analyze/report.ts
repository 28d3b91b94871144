import { copySources } from "../align/copies.ts";
import { NewsweaveError } from "../errors.ts";
import { prepare } from "../pipeline.ts";
import { withWordTokenCache } from "../segment/index.ts";
import {
  analyzeCluster,
  DEFAULT_WORDS,
  type SummarizeOptions,
  strayDocs,
  summarizeAnalysis,
} from "../summarize/index.ts";
import type { Article, Doc, Summary } from "../types.ts";
import { indexPeople, subjectAntecedent } from "./antecedent.ts";
import { type Comparison, compareSources, type Fact } from "./compare.ts";
import { extractClusterDates } from "./dates.ts";
import { type Entity, extractEntities } from "./entities.ts";
import { extractQuotes, type Quote } from "./quotes.ts";
import { buildTimeline, type TimelineEvent } from "./timeline.ts";

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
  /** Id of the article this one is a copy of (a wire copy or another version): not a source of its own. */
  copyOf?: string;
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
  timeline?: TimelineEvent[];
  quotes?: Quote[];
  entities?: Entity[];
  comparison?: Comparison;
}

export interface ReportOptions extends SummarizeOptions {
  sections?: readonly ReportSection[];
  /** Reference (publication) dates by article id for resolving relative dates, overriding metadata. */
  references?: Readonly<Record<string, string>>;
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

const key = (articleId: string, sentence: number) => `${articleId}\u0000${sentence}`;

/**
 * Ties the summary to the comparison: a sentence that states one side of a conflict is marked with the
 * conflict, and a sentence stating another value is not counted as its support.
 */
function linkConflicts(summary: Summary, comparison: Comparison): void {
  const sideOf = new Map<string, Array<{ conflict: number; side: number }>>();
  comparison.conflicts.forEach((c, conflict) => {
    c.values.forEach((v, side) => {
      for (const cit of v.citations) {
        const k = key(cit.articleId, cit.sentence);
        const list = sideOf.get(k) ?? [];
        list.push({ conflict, side });
        sideOf.set(k, list);
      }
    });
  });
  for (const s of summary.sentences) {
    const mine = sideOf.get(key(s.from.articleId, s.from.sentence));
    if (!mine) continue;
    s.conflicts = [...new Set(mine.map((m) => m.conflict))];
    s.support = s.support.filter((c, i) => {
      if (i === 0) return true;
      const theirs = sideOf.get(key(c.articleId, c.sentence)) ?? [];
      return !theirs.some((t) => mine.some((m) => m.conflict === t.conflict && m.side !== t.side));
    });
  }
}

/** Builds the report of prepared documents of one story; the cluster analysis is computed once. */
export function reportDocs(docs: Doc[], options: ReportOptions = {}): Report {
  // the stages tokenise the same sentences: once, for the duration of this report
  return withWordTokenCache(() => assembleReport(docs, options));
}

function assembleReport(docs: Doc[], options: ReportOptions): Report {
  for (const s of options.sections ?? [])
    if (!(ALL_SECTIONS as readonly string[]).includes(s))
      throw new NewsweaveError("BAD_OPTION", `unknown section "${s}": use ${ALL_SECTIONS.join(", ")}`, {
        field: "sections",
      });
  const sections = new Set(options.sections ?? ALL_SECTIONS);
  const report: Report = { articles: docs.map(articleInfo) };
  const source = copySources(docs);
  source.forEach((s, d) => {
    if (s !== d) report.articles[d]!.copyOf = docs[s]!.article.id;
  });
  if (docs.every((d) => d.sentences.length === 0)) {
    throw new NewsweaveError(
      "EMPTY_INPUT",
      "no sentences to report on: every article is empty after cleaning",
    );
  }
  const analysis = analyzeCluster(docs, options);
  const context = { rep: analysis.rep, alignment: analysis.alignment };
  const needDates = sections.has("timeline") || sections.has("comparison");
  const dates = needDates ? extractClusterDates(docs, options.references) : undefined;
  if (sections.has("summary")) {
    report.summary = summarizeAnalysis(analysis, { ...options, words: options.words ?? DEFAULT_WORDS });
  }
  if (sections.has("timeline")) {
    report.timeline = buildTimeline(docs, { ...context, dates, references: options.references });
  }
  let entities: Entity[] | undefined;
  if (sections.has("entities") || sections.has("quotes")) {
    entities = extractEntities(docs);
    // what only a stray article (a page that failed to load, left out of the summary too) names or quotes
    // is not part of the story
    const stray = new Set([...strayDocs(analysis)].map((d) => docs[d]!.article.id));
    const inStory = (mentions: readonly { articleId: string }[]) =>
      stray.size === 0 || mentions.some((m) => !stray.has(m.articleId));
    if (sections.has("entities")) report.entities = entities.filter((e) => inStory(e.mentions));
    if (sections.has("quotes"))
      report.quotes = extractQuotes(docs, entities).filter((q) => inStory(q.mentions));
  }
  if (sections.has("comparison")) {
    report.comparison = compareSources(docs, {
      ...context,
      dates,
      references: options.references,
      scores: analysis.scores,
    });
    if (report.summary) linkConflicts(report.summary, report.comparison);
  }
  nameSubjects(report, docs, () => (entities ??= extractEntities(docs)));
  return report;
}

/**
 * Timeline events and facts are read out of their articles: one that opens with "He" or "She" gets the
 * person the sentences before it name (`antecedent`). Entities are extracted only when one needs it.
 */
function nameSubjects(report: Report, docs: readonly Doc[], entities: () => Entity[]): void {
  const items: Array<TimelineEvent | Fact> = [
    ...(report.timeline ?? []),
    ...(report.comparison?.agreed ?? []),
    ...(report.comparison?.unique ?? []),
  ].filter((x) => /^(?:He|She)\b/.test(x.text));
  if (items.length === 0) return;
  const people = indexPeople(entities());
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  for (const item of items) {
    // the citation the text begins with
    const c = item.citations.find((x) =>
      byId.get(x.articleId)?.article.text.startsWith(item.text.slice(0, 40), x.start),
    );
    if (!c) continue;
    const who = subjectAntecedent(byId.get(c.articleId)!, c.sentence, people);
    if (who) item.antecedent = who;
  }
}

/** Builds the report of raw articles of one story: clean, segment, summarise, analyse. */
export function buildReport(articles: readonly Article[], options: ReportOptions = {}): Report {
  if (articles.length === 0) throw new NewsweaveError("EMPTY_INPUT", "no articles to report on");
  return reportDocs(prepare(articles), options);
}
