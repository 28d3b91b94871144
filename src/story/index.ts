/** The news stream: near-duplicates, online story clustering, story summaries and "what's new" updates. */
export {
  absorbs,
  addToProfile,
  addVectors,
  CLUSTER_DEFAULTS,
  type ClusterOptions,
  clusterOptions,
  joinThreshold,
  mergeProfiles,
  newProfile,
  rankCandidates,
  scoreStory,
  storySimilarity,
  timeDecay,
} from "./cluster.ts";
export { type ClusteringScores, scoreClustering } from "./eval.ts";
export {
  type ArticleFeatures,
  articleFeatures,
  contentKey,
  type FeatureOptions,
  type SparseVector,
  textKey,
} from "./features.ts";
export {
  GROUP_SIZE_PENALTY,
  GROUP_THRESHOLD,
  type GroupOptions,
  groupArticles,
  groupThreshold,
} from "./group.ts";
export {
  bandKeys,
  type DuplicateOptions,
  estimateJaccard,
  isNearDuplicate,
  type MinHashOptions,
  resemblance,
  type Sketch,
  shingleHashes,
  sketchText,
} from "./minhash.ts";
export {
  type ArticleOutcome,
  type ArticleStatus,
  type IngestReport,
  ingestArticles,
  type StreamOptions,
} from "./stream.ts";
export { fillUndated, parseIsoInstant, publishedTime } from "./time.ts";
export {
  DEFAULT_UPDATE_WORDS,
  listStories,
  parseSince,
  representatives,
  type Since,
  type StoryListing,
  type StoryOptions,
  type StorySummaryResult,
  summarizeStory,
  updateStory,
} from "./update.ts";
