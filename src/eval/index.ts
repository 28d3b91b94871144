export type { Pick, System, SystemContext } from "./baselines.ts";
export {
  countWords,
  lead,
  lexrank,
  newsweave,
  oracle,
  pageRank,
  pickText,
  SYSTEM_NAMES,
  SYSTEMS,
  sentenceText,
  textrank,
} from "./baselines.ts";
export type {
  Comparison,
  EvalReport,
  EvaluateOptions,
  ItemRow,
  Prediction,
  SkippedCluster,
  SystemReport,
} from "./harness.ts";
export { evaluate, median, picksToText, truncateWords } from "./harness.ts";
export type { MultiReference, RougeScore, RougeScores } from "./rouge.ts";
export { MULTI_REFERENCE_MODES, rouge, rougeMulti } from "./rouge.ts";
export type { BootstrapOptions, ConfidenceInterval, PairedBootstrapResult } from "./stats.ts";
export { bootstrapCI, makeRng, mean, pairedBootstrap } from "./stats.ts";
