/** Shared by the grouping and stream benchmarks: a bench file's documents by cluster, and a seeded shuffle. */
import { readFileSync } from "node:fs";
import { ingestBytes } from "../src/ingest/index.ts";
import type { Article } from "../src/types.ts";

/** The documents of a bench JSONL file, with the cluster ids in file order and the documents of each. */
export function loadClusters(file: string): {
  all: Article[];
  clusterIds: string[];
  byCluster: Map<string, Article[]>;
} {
  const all = ingestBytes(readFileSync(file), file);
  const clusterIds = [...new Set(all.map((a) => a.origin.cluster!))];
  const byCluster = new Map<string, Article[]>();
  for (const a of all) {
    const list = byCluster.get(a.origin.cluster!);
    if (list) list.push(a);
    else byCluster.set(a.origin.cluster!, [a]);
  }
  return { all, clusterIds, byCluster };
}

/** Deterministic PRNG (LCG) in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Fisher–Yates shuffle with `rng(seed)`; the input is not changed. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
