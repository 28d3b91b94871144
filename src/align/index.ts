import type { ClusterRep } from "./represent.ts";

export type { Background, ClusterRep, SentenceRep } from "./represent.ts";
export { contentOverlap, cosine, representCluster } from "./represent.ts";

export interface Link {
  /** Sentence id (index into ClusterRep.sents) in another article. */
  s: number;
  score: number;
}

/** Sentence ↔ sentence links across articles: computed once per cluster, reused by citations,
 * agreement/conflict detection, duplicates and updates. */
export interface Alignment {
  threshold: number;
  /** For each sentence id, its links to sentences of OTHER articles with score ≥ threshold, best first. */
  links: Link[][];
  /**
   * For each sentence id, its highest topical similarity (plain TF-IDF cosine, background IDF) to any
   * sentence of each other article: how much the other article talks about the same things. A feature of
   * the summarizer; `links` use the sharper alignment score instead.
   */
  best: Float64Array[];
}

export interface AlignOptions {
  /** Minimum TF-IDF cosine for two sentences to count as saying the same thing. */
  threshold?: number;
}

export const DEFAULT_ALIGN_THRESHOLD = 0.35;

/**
 * Aligns every sentence with the sentences of other articles through an inverted index of content
 * stems, so only pairs that share a term are scored. The alignment score weighs terms by background IDF
 * times their IDF among the cluster's sentences (`ClusterRep.alignIdf`): two sentences say the same thing
 * when they share the specific details, not just the story's topic words. In large clusters, terms that
 * occur in a large share of all sentences are left out of the accumulation.
 */
export function alignSentences(rep: ClusterRep, options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? DEFAULT_ALIGN_THRESHOLD;
  const n = rep.sents.length;
  const nDocs = rep.docs.length;
  const postings: number[][] = Array.from({ length: rep.stems.length }, () => []);
  for (let i = 0; i < n; i++) {
    const u = rep.sents[i]!.uniq;
    for (let k = 0; k < u.length; k++) postings[u[k]!]!.push(i);
  }
  const maxPosting = n <= 4000 ? n : Math.max(200, Math.floor(n * 0.02));
  const links: Link[][] = Array.from({ length: n }, () => []);
  const best: Float64Array[] = Array.from({ length: n }, () => new Float64Array(nDocs));
  const acc = new Float64Array(n);
  const accTopic = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rep.sents[i]!;
    const ni = rep.alignNorms[i]!;
    const ti = rep.norms[i]!;
    if (ti === 0) continue;
    for (let k = 0; k < x.uniq.length; k++) {
      const t = x.uniq[k]!;
      const list = postings[t]!;
      if (list.length > maxPosting) continue;
      const w = rep.alignIdf[t]!;
      const wx = x.counts[k]! * w * w;
      const v = rep.idf[t]!;
      const vx = x.counts[k]! * v * v;
      for (const j of list) {
        if (j <= i || rep.sents[j]!.doc === x.doc) continue;
        if (seen[j] === 0) {
          seen[j] = 1;
          touched.push(j);
        }
        const y = rep.sents[j]!;
        // count of t in y: binary search in its sorted uniq list
        let lo = 0;
        let hi = y.uniq.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (y.uniq[mid]! < t) lo = mid + 1;
          else hi = mid;
        }
        acc[j]! += wx * y.counts[lo]!;
        accTopic[j]! += vx * y.counts[lo]!;
      }
    }
    for (const j of touched) {
      const nj = rep.alignNorms[j]!;
      const score = ni > 0 && nj > 0 ? acc[j]! / (ni * nj) : 0;
      const topic = accTopic[j]! / (ti * rep.norms[j]!);
      acc[j] = 0;
      accTopic[j] = 0;
      seen[j] = 0;
      const y = rep.sents[j]!;
      const bi = best[i]!;
      const bj = best[j]!;
      if (topic > bi[y.doc]!) bi[y.doc] = topic;
      if (topic > bj[x.doc]!) bj[x.doc] = topic;
      if (score >= threshold) {
        links[i]!.push({ s: j, score });
        links[j]!.push({ s: i, score });
      }
    }
    touched.length = 0;
  }
  for (const l of links) l.sort((a, b) => b.score - a.score || a.s - b.s);
  return { threshold, links, best };
}
