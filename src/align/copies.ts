/**
 * Copies inside one cluster: a syndicated wire story carried by two outlets, or two versions of one
 * article. A copy is cited like any article, but it is not an independent source: agreement, "only in",
 * and the source counts of quotes, entities and timeline events count it with its original.
 */

import { sharedKeys } from "../story/features.ts";
import {
  DEFAULT_DUP_CONTAINMENT,
  DEFAULT_DUP_JACCARD,
  estimateJaccard,
  shingleHashes,
  sketchShingles,
} from "../story/minhash.ts";
import type { Doc } from "../types.ts";

export interface CopyOptions {
  /** Minimum Jaccard similarity of the word 4-gram sets (default 0.6, as the store's). */
  jaccard?: number;
  /** Minimum share of the shorter text's 4-grams found in the longer one (default 0.85). */
  containment?: number;
  /** Texts with fewer 4-grams are copies only when identical (default 20). */
  minShingles?: number;
}

const cache = new WeakMap<readonly Doc[], Int32Array>();

/**
 * For each article, the index of the article it is a copy of (the first of its group in input order), or
 * its own index. Exact 4-gram set overlap, with a MinHash estimate to skip pairs that cannot be copies.
 */
export function copySources(docs: readonly Doc[], options: CopyOptions = {}): Int32Array {
  const plain =
    options.jaccard === undefined && options.containment === undefined && options.minShingles === undefined;
  const hit = plain ? cache.get(docs) : undefined;
  if (hit) return hit;
  const minJaccard = options.jaccard ?? DEFAULT_DUP_JACCARD;
  const minContainment = options.containment ?? DEFAULT_DUP_CONTAINMENT;
  const minShingles = options.minShingles ?? 20;
  const n = docs.length;
  const source = new Int32Array(n);
  for (let i = 0; i < n; i++) source[i] = i;
  if (n >= 2) {
    const sets = docs.map((d) => shingleHashes(d.article.text));
    const sketches = sets.map((set) => sketchShingles(set).signature);
    for (const set of sets) set.sort();
    for (let i = 1; i < n; i++) {
      const a = sets[i]!;
      if (a.length === 0) continue;
      for (let j = 0; j < i; j++) {
        if (source[j] !== j) continue;
        const b = sets[j]!;
        if (b.length === 0) continue;
        const small = Math.min(a.length, b.length);
        const large = Math.max(a.length, b.length);
        if (small < minShingles) {
          if (a.length === b.length && sharedKeys(a, b) === a.length) {
            source[i] = j;
            break;
          }
          continue;
        }
        // Jaccard ≥ t needs small/large ≥ t; containment is only trusted when the sizes are comparable
        if (small / large < Math.min(minJaccard, 0.4)) continue;
        if (estimateJaccard(sketches[i]!, sketches[j]!) < 0.2) continue;
        const inter = sharedKeys(a, b);
        const jaccard = inter / (a.length + b.length - inter);
        if (jaccard >= minJaccard || (small / large >= 0.4 && inter / small >= minContainment)) {
          source[i] = j;
          break;
        }
      }
    }
  }
  if (plain) cache.set(docs, source);
  return source;
}

/** Number of independent sources among some articles (a copy counts with its original). */
export function countSources(
  docs: readonly Doc[],
  docIndexes: Iterable<number>,
  source: Int32Array = copySources(docs),
): number {
  const seen = new Set<number>();
  for (const d of docIndexes) seen.add(source[d] ?? d);
  return seen.size;
}
