/** The ingest stage: bytes, files, directories and stdin to `Article`s (and `Cluster`s for bench inputs). */
export { decodeBytes } from "./decode.ts";
export { detectFormat } from "./detect.ts";
export { domToText, htmlToText } from "./dom.ts";
export { parseFeed } from "./feed.ts";
export { parseHtml } from "./html.ts";
export {
  DEFAULT_MAX_BYTES,
  type IngestOptions,
  type IngestResult,
  ingestBytes,
  ingestClusterDirs,
  ingestPath,
  ingestString,
} from "./ingest.ts";
export {
  type ClusterReadResult,
  parseJsonl,
  parseMultiNews,
  readJsonlClusters,
  readMultiNewsClusters,
} from "./jsonl.ts";
export { dateFromDocId, parseSgml } from "./sgml.ts";
export { parseText } from "./text.ts";
