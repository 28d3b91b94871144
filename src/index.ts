/**
 * Newsweave's public API: the only module front ends (CLI, server, page) and library users import.
 * Stages: ingest → clean → segment (prepare) → align → summarize; eval measures summarize.
 */

export type { Alignment, AlignOptions, Link } from "./align/index.ts";
export { alignSentences, cosine, representCluster } from "./align/index.ts";
export type { Background, ClusterRep, SentenceRep } from "./align/represent.ts";
export type { Comparison, Conflict, ConflictValue, Fact } from "./analyze/compare.ts";
export { compareSources } from "./analyze/compare.ts";
export type { DateMention, Granularity, ResolvedDate } from "./analyze/dates.ts";
export { extractDates } from "./analyze/dates.ts";
export type { Entity, EntityMention, EntityType } from "./analyze/entities.ts";
export { extractEntities } from "./analyze/entities.ts";
export type { Quote, QuoteMention, Speaker } from "./analyze/quotes.ts";
export { extractQuotes } from "./analyze/quotes.ts";
export type { Report, ReportArticle, ReportOptions, ReportSection } from "./analyze/report.ts";
export { ALL_SECTIONS, buildReport, reportDocs } from "./analyze/report.ts";
export type { TimelineEvent } from "./analyze/timeline.ts";
export { buildTimeline } from "./analyze/timeline.ts";
export type { CleanContext } from "./clean/index.ts";
export { buildCleanContext, cleanArticle, cleanCluster } from "./clean/index.ts";
export type { ErrorCode, ErrorIssue, ErrorLocation } from "./errors.ts";
export { isNewsweaveError, NewsweaveError } from "./errors.ts";
export type {
  BootstrapOptions,
  Comparison as EvalComparison,
  ConfidenceInterval,
  EvalReport,
  EvaluateOptions,
  ItemRow,
  MultiReference,
  PairedBootstrapResult,
  Pick,
  Prediction,
  RougeScore,
  RougeScores,
  SkippedCluster,
  System,
  SystemContext,
  SystemReport,
} from "./eval/index.ts";
export { bootstrapCI, evaluate, pairedBootstrap, rouge, rougeMulti } from "./eval/index.ts";
export type { CleanFormat } from "./format/clean.ts";
export { formatClean } from "./format/clean.ts";
export type { ReportFormat, StoryReport } from "./format/report.ts";
export { formatReport } from "./format/report.ts";
export type { StorySummary, SummaryFormat } from "./format/summary.ts";
export { formatSummary } from "./format/summary.ts";
export type { ClusterReadResult, IngestOptions, IngestResult } from "./ingest/index.ts";
export {
  decodeBytes,
  detectFormat,
  ingestBytes,
  ingestClusterDirs,
  ingestPath,
  ingestString,
  parseFeed,
  parseHtml,
  parseJsonl,
  parseSgml,
  parseText,
  readJsonlClusters,
} from "./ingest/index.ts";
export { prepare } from "./pipeline.ts";
export { isFragment, segmentArticle, splitSentences, wordTokens } from "./segment/index.ts";
export type { Store, StoreWriter, StoryInfo, StoryQuery } from "./store/index.ts";
export { defaultDbPath, openSqliteStore, SqliteStore } from "./store/index.ts";
export type {
  ClusteringScores,
  GroupOptions,
  IngestReport,
  Since,
  StoryListing,
  StoryOptions,
  StorySummaryResult,
  StreamOptions,
} from "./story/index.ts";
export {
  groupArticles,
  ingestArticles,
  isNearDuplicate,
  listStories,
  parseIsoInstant,
  parseSince,
  scoreClustering,
  summarizeStory,
  updateStory,
} from "./story/index.ts";
export type { ClusterAnalysis, SummarizeOptions } from "./summarize/index.ts";
export {
  analyzeCluster,
  DEFAULT_WORDS,
  summarize,
  summarizeAnalysis,
  summarizeDocs,
} from "./summarize/index.ts";
export type { ScoringModel } from "./summarize/model.ts";
export type {
  Article,
  Citation,
  CleanArticle,
  Cluster,
  Doc,
  InputFormat,
  Origin,
  Piece,
  Removal,
  RemovalReason,
  Sentence,
  Span,
  Summary,
  SummarySentence,
} from "./types.ts";
