import { cleanCluster } from "./clean/index.ts";
import { segmentArticle } from "./segment/index.ts";
import type { Article, Doc } from "./types.ts";

/** Clean a cluster of articles together and split each into sentences. */
export function prepare(articles: readonly Article[]): Doc[] {
  return cleanCluster([...articles]).map((a) => segmentArticle(a));
}
