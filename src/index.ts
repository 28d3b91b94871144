/**
 * Newsweave's public API: the only module front ends (CLI, server, page) and library users import.
 * Stages: ingest → clean → segment (prepare) → align → summarize; eval measures summarize.
 */

export type { Alignment, AlignOptions, Link } from "./align/index.ts";
export { alignSentences, representCluster } from "./align/index.ts";
export type { Background, ClusterRep, SentenceRep } from "./align/represent.ts";
export type { CleanContext } from "./clean/index.ts";
export { buildCleanContext, cleanArticle, cleanCluster } from "./clean/index.ts";
export type { ErrorCode, ErrorLocation } from "./errors.ts";
export { isNewsweaveError, NewsweaveError } from "./errors.ts";
export type { System } from "./eval/index.ts";
export { bootstrapCI, evaluate, pairedBootstrap, rouge } from "./eval/index.ts";
export type { IngestOptions, IngestResult } from "./ingest/index.ts";
export {
  decodeBytes,
  detectFormat,
  ingestBytes,
  ingestPath,
  ingestString,
  parseFeed,
  parseHtml,
  parseJsonl,
  parseText,
  readJsonlClusters,
} from "./ingest/index.ts";
export { prepare } from "./pipeline.ts";
export { segmentArticle, splitSentences, wordTokens } from "./segment/index.ts";
export type { ClusterAnalysis, SummarizeOptions } from "./summarize/index.ts";
export { analyzeCluster, DEFAULT_WORDS, summarize, summarizeDocs } from "./summarize/index.ts";
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
