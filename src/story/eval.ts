/** Clustering scores against gold labels: B-cubed precision/recall/F1 and pairwise F1. */

export interface ClusteringScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pairwise: over all pairs of items, "same cluster" as a binary decision. */
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
  items: number;
}

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/**
 * Scores a predicted clustering against gold clusters. Both map item id → cluster label; only items in
 * both maps count (items missing from the prediction are a caller error).
 */
export function scoreClustering(
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): ClusteringScores {
  const items = [...gold.keys()].filter((id) => predicted.has(id));
  const cellSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const id of items) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const cell = `${p}\u0000${g}`;
    cellSize.set(cell, (cellSize.get(cell) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of items) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const both = cellSize.get(`${p}\u0000${g}`)!;
    precision += both / predSize.get(p)!;
    recall += both / goldSize.get(g)!;
  }
  const n = items.length;
  const pairs = (m: Map<string, number>) => {
    let s = 0;
    for (const k of m.values()) s += (k * (k - 1)) / 2;
    return s;
  };
  const truePairs = pairs(cellSize);
  const predPairs = pairs(predSize);
  const goldPairs = pairs(goldSize);
  const pairPrecision = predPairs > 0 ? truePairs / predPairs : 1;
  const pairRecall = goldPairs > 0 ? truePairs / goldPairs : 1;
  const P = n > 0 ? precision / n : 0;
  const R = n > 0 ? recall / n : 0;
  return {
    precision: P,
    recall: R,
    f1: f1(P, R),
    pairPrecision,
    pairRecall,
    pairF1: f1(pairPrecision, pairRecall),
    items: n,
  };
}
