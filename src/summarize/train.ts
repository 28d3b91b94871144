import { NewsweaveError } from "../errors.ts";
import { makeRng } from "../eval/stats.ts";
import { FEATURE_NAMES, N_FEATURES } from "./features.ts";
import type { LinearModel, Tree, TreeModel } from "./model.ts";

/** Training rows: features row-major (N_FEATURES per row) and one target per row. */
export interface TrainingSet {
  x: Float64Array;
  y: Float64Array;
  rows: number;
  /**
   * A stable key per row (e.g. a hash of its cluster, article and sentence text). With keys, which rows a
   * tree samples, and which rows place the bin edges, depend on each row's key and the seed only, so a
   * small change in the training text changes the draws of the rows it touches and no others.
   */
  keys?: Uint32Array;
}

/** A uniform number in [0, 1) from a row key, a draw number and a seed (murmur-style mixing). */
function keyedUniform(key: number, draw: number, seed: number): number {
  let h = Math.imul(key ^ Math.imul(draw + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(seed + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** Rows sampled for draw `draw` (a tree, or -1 for the bin edges), each with probability `share`. */
function sampleRows(
  set: TrainingSet,
  share: number,
  draw: number,
  seed: number,
  rng: () => number,
): number[] {
  const out: number[] = [];
  const keys = set.keys;
  for (let i = 0; i < set.rows; i++)
    if ((keys ? keyedUniform(keys[i]!, draw, seed) : rng()) < share) out.push(i);
  return out;
}

/** Solves A w = b for a small symmetric positive-definite A (Gaussian elimination with pivoting). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const v = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        const t = m[c * n + k]!;
        m[c * n + k] = m[p * n + k]!;
        m[p * n + k] = t;
      }
      const t = v[c]!;
      v[c] = v[p]!;
      v[p] = t;
    }
    const d = m[c * n + c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c]! / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
      v[r]! -= f * v[c]!;
    }
  }
  const w = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r]!;
    for (let k = r + 1; k < n; k++) s -= m[r * n + k]! * w[k]!;
    w[r] = s / (m[r * n + r]! || 1e-12);
  }
  return w;
}

/** Ridge regression on standardised features. */
export function fitRidge(set: TrainingSet, lambda = 1): LinearModel {
  const { x, y, rows } = set;
  const n = N_FEATURES;
  const mean = new Float64Array(n);
  const scale = new Float64Array(n);
  for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) mean[j]! += x[i * n + j]!;
  for (let j = 0; j < n; j++) mean[j]! /= rows;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) {
      const d = x[i * n + j]! - mean[j]!;
      scale[j]! += d * d;
    }
  }
  for (let j = 0; j < n; j++) scale[j] = Math.sqrt(scale[j]! / rows) || 1;
  let yMean = 0;
  for (let i = 0; i < rows; i++) yMean += y[i]!;
  yMean /= rows;
  const ata = new Float64Array(n * n);
  const atb = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) z[j] = (x[i * n + j]! - mean[j]!) / scale[j]!;
    const yi = y[i]! - yMean;
    for (let j = 0; j < n; j++) {
      const zj = z[j]!;
      atb[j]! += zj * yi;
      for (let k = j; k < n; k++) ata[j * n + k]! += zj * z[k]!;
    }
  }
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) ata[j * n + k] = ata[k * n + j]!;
    ata[j * n + j]! += lambda;
  }
  const w = solve(ata, atb, n);
  return {
    kind: "linear",
    features: [...FEATURE_NAMES],
    mean: [...mean],
    scale: [...scale],
    weights: [...w],
    bias: yMean,
  };
}

export interface GbrtOptions {
  trees?: number;
  depth?: number;
  rate?: number;
  minLeaf?: number;
  subsample?: number;
  bins?: number;
  seed?: number;
}

/** Quantile bin edges of each feature, from a sample of rows. */
function binEdges(set: TrainingSet, bins: number, rng: () => number, seed: number): Float64Array[] {
  const sample = Math.min(set.rows, 20000);
  const edges: Float64Array[] = [];
  const idx = set.keys
    ? sampleRows(set, sample / Math.max(1, set.rows), -1, seed, rng)
    : Array.from({ length: sample }, () => Math.floor(rng() * set.rows));
  for (let j = 0; j < N_FEATURES; j++) {
    const vals = Float64Array.from(idx, (i) => set.x[i * N_FEATURES + j]!).sort();
    const e: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = vals[Math.floor((b * vals.length) / bins)]!;
      if (e.length === 0 || v > e[e.length - 1]!) e.push(v);
    }
    edges.push(Float64Array.from(e));
  }
  return edges;
}

/** Bin index of every value: the first edge at or above it (edges act as "value <= edge" thresholds). */
function binRows(set: TrainingSet, edges: Float64Array[]): Uint8Array {
  const { x, rows } = set;
  const binned = new Uint8Array(rows * N_FEATURES);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < N_FEATURES; j++) {
      const e = edges[j]!;
      const v = x[i * N_FEATURES + j]!;
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= e[mid]!) hi = mid;
        else lo = mid + 1;
      }
      binned[i * N_FEATURES + j] = lo;
    }
  }
  return binned;
}

const MAX_BINS = 256;

/**
 * Grows one regression tree on histogram splits. Without `hess` it fits `grad` by least squares (leaf
 * value: mean of `grad`); with it, it takes Newton steps (leaf value: Σ grad / (Σ hess + lambda), cut to
 * ±maxStep, split gain from the same second-order score). `minLeaf` counts rows either way.
 */
function growTree(
  edges: Float64Array[],
  binned: Uint8Array,
  grad: Float64Array,
  hess: Float64Array | null,
  sampleRows: number[],
  depth: number,
  minLeaf: number,
  lambda: number,
  maxStep: number,
): Tree {
  const hs = new Float64Array(N_FEATURES * MAX_BINS);
  const hc = new Float64Array(N_FEATURES * MAX_BINS);
  const hh = hess ? new Float64Array(N_FEATURES * MAX_BINS) : hc;
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const addNode = (members: number[], level: number): number => {
    const k = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    let sum = 0;
    for (const i of members) sum += grad[i]!;
    let total = members.length;
    if (hess) {
      total = lambda;
      for (const i of members) total += hess[i]!;
      tree.value.push(total > 1e-12 ? Math.max(-maxStep, Math.min(maxStep, sum / total)) : 0);
    } else {
      tree.value.push(members.length > 0 ? sum / members.length : 0);
    }
    if (level >= depth || members.length < 2 * minLeaf || total <= 1e-12) return k;
    hs.fill(0);
    hc.fill(0);
    if (hess) hh.fill(0);
    for (const i of members) {
      const r = grad[i]!;
      const off = i * N_FEATURES;
      for (let j = 0; j < N_FEATURES; j++) {
        const h = j * MAX_BINS + binned[off + j]!;
        hs[h]! += r;
        hc[h]! += 1;
      }
      if (hess) {
        const w = hess[i]!;
        for (let j = 0; j < N_FEATURES; j++) hh[j * MAX_BINS + binned[off + j]!]! += w;
      }
    }
    const count = members.length;
    let bestGain = 1e-12;
    let bestF = -1;
    let bestB = -1;
    const parent = (sum * sum) / total;
    for (let j = 0; j < N_FEATURES; j++) {
      const nb = edges[j]!.length + 1;
      let ls = 0;
      let lc = 0;
      let lh = hess ? lambda : 0;
      for (let b = 0; b < nb - 1; b++) {
        ls += hs[j * MAX_BINS + b]!;
        lc += hc[j * MAX_BINS + b]!;
        if (hess) lh += hh[j * MAX_BINS + b]!;
        if (lc < minLeaf) continue;
        if (count - lc < minLeaf) break;
        const rs = sum - ls;
        // least squares: denominators are row counts; Newton: hessian sums, each side with its own lambda
        const ld = hess ? lh : lc;
        const rd = hess ? total - lh + lambda : count - lc;
        if (ld <= 1e-12 || rd <= 1e-12) continue;
        const gain = (ls * ls) / ld + (rs * rs) / rd - parent;
        if (gain > bestGain) {
          bestGain = gain;
          bestF = j;
          bestB = b;
        }
      }
    }
    if (bestF < 0) return k;
    const thr = edges[bestF]![bestB]!;
    const leftRows: number[] = [];
    const rightRows: number[] = [];
    for (const i of members) (binned[i * N_FEATURES + bestF]! <= bestB ? leftRows : rightRows).push(i);
    tree.feature[k] = bestF;
    tree.threshold[k] = thr;
    const l = addNode(leftRows, level + 1);
    const r = addNode(rightRows, level + 1);
    tree.left[k] = l;
    tree.right[k] = r;
    return k;
  };
  addNode(sampleRows, 0);
  return tree;
}

/** Adds rate × the tree's output to every row's prediction. */
function applyTree(set: TrainingSet, tree: Tree, rate: number, pred: Float64Array): void {
  const { x, rows } = set;
  for (let i = 0; i < rows; i++) {
    let k = 0;
    while (tree.feature[k]! >= 0) {
      k = x[i * N_FEATURES + tree.feature[k]!]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
    }
    pred[i]! += rate * tree.value[k]!;
  }
}

/** Least-squares gradient boosting with histogram splits: the product's own learner, no dependency. */
export function fitGbrt(set: TrainingSet, options: GbrtOptions = {}): TreeModel {
  const nTrees = options.trees ?? 200;
  const depth = options.depth ?? 4;
  const rate = options.rate ?? 0.1;
  const minLeaf = options.minLeaf ?? 100;
  const subsample = options.subsample ?? 0.8;
  const seed = options.seed ?? 1;
  const rng = makeRng(seed);
  const { y, rows } = set;
  const edges = binEdges(set, options.bins ?? 64, rng, seed);
  const binned = binRows(set, edges);
  let base = 0;
  for (let i = 0; i < rows; i++) base += y[i]!;
  base /= rows;
  const pred = new Float64Array(rows).fill(base);
  const resid = new Float64Array(rows);
  const trees: Tree[] = [];
  for (let t = 0; t < nTrees; t++) {
    for (let i = 0; i < rows; i++) resid[i] = y[i]! - pred[i]!;
    const sample = sampleRows(set, subsample, t, seed, rng);
    const tree = growTree(edges, binned, resid, null, sample, depth, minLeaf, 0, 0);
    trees.push(tree);
    applyTree(set, tree, rate, pred);
  }
  return { kind: "gbrt", features: [...FEATURE_NAMES], base, rate, trees };
}

/** How a pair of rows of one group (label_i > label_j) is weighted in the ranking loss. */
export type PairWeight = "one" | "diff" | "ndcg";

export interface RankOptions extends GbrtOptions {
  /**
   * "one": every ordered pair counts the same (RankNet); "diff": the label difference; "ndcg" (LambdaMART):
   * the label difference times the change of the position discount 1/log2(2 + position) that swapping
   * the two rows in the current ranking would make, the discount cut to 0 from position `k` on, so only
   * pairs touching the current top k count, over the group's ideal discounted sum (each group weighs
   * the same). Default "diff".
   */
  weight?: PairWeight;
  /** Positions that count under the "ndcg" weight. Default 10. */
  k?: number;
  /** Steepness of the logistic pair loss log(1 + exp(−sigma (s_i − s_j))). Default 1. */
  sigma?: number;
  /** Added to the hessian sum of every leaf (shrinks leaf values). Default 0. */
  lambda?: number;
  /**
   * Largest leaf value (before the learning rate). Newton steps blow up where pairs are badly misordered
   * (the logistic hessian vanishes while the gradient does not), which happens on pairs the features
   * cannot tell apart; unweighted pairs ran to leaf values of 10^7 on the news data without it. Default 2.
   */
  maxStep?: number;
  /**
   * Every group carries the same total pair weight (its weights divided by their sum), as every cluster
   * counts the same in a mean ROUGE score; otherwise a group's weight grows with its number of pairs,
   * about the square of its size. Default false.
   */
  balance?: boolean;
}

/**
 * Pairwise ranking gradient boosting (RankNet / LambdaMART): within each group (a cluster's sentences;
 * rows of different groups are never compared), every pair whose labels differ adds the logistic loss of
 * the wrong order, weighted as `options.weight` says; trees take Newton steps on the pair gradients.
 * Only the order of scores within a group is learned (their offset and scale are arbitrary). The result
 * is an ordinary tree model with base 0.
 * @param groups group id of every row (any numbers; rows of a group need not be adjacent)
 */
export function fitGbrtRank(
  set: TrainingSet,
  groups: ArrayLike<number>,
  options: RankOptions = {},
): TreeModel {
  const nTrees = options.trees ?? 200;
  const depth = options.depth ?? 4;
  const rate = options.rate ?? 0.1;
  const minLeaf = options.minLeaf ?? 100;
  const subsample = options.subsample ?? 0.8;
  const weight = options.weight ?? "diff";
  const k = options.k ?? 10;
  const sigma = options.sigma ?? 1;
  const lambda = options.lambda ?? 0;
  const maxStep = options.maxStep ?? 2;
  const balance = options.balance ?? false;
  const { y, rows } = set;
  if (groups.length !== rows) {
    throw new NewsweaveError("BAD_OPTION", `${groups.length} group ids for ${rows} training rows`);
  }
  const bad = (name: string, v: number, rule: string) =>
    new NewsweaveError("BAD_OPTION", `ranking option ${name} must be ${rule}, got ${v}`);
  if (!(Number.isInteger(nTrees) && nTrees >= 0)) throw bad("trees", nTrees, "a whole number >= 0");
  if (!(Number.isInteger(depth) && depth >= 0)) throw bad("depth", depth, "a whole number >= 0");
  if (!(Number.isInteger(k) && k >= 1)) throw bad("k", k, "a whole number >= 1");
  if (!(rate > 0 && Number.isFinite(rate))) throw bad("rate", rate, "a number above 0");
  if (!(sigma > 0 && Number.isFinite(sigma))) throw bad("sigma", sigma, "a number above 0");
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw bad("lambda", lambda, "a number >= 0");
  if (!(maxStep > 0)) throw bad("maxStep", maxStep, "a number above 0");
  const seed = options.seed ?? 1;
  const rng = makeRng(seed);
  const edges = binEdges(set, options.bins ?? 64, rng, seed);
  const binned = binRows(set, edges);
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const g = groups[i]!;
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  const members = [...byGroup.values()].filter((m) => m.length > 1);
  const discount = (p: number) => (p < k ? 1 / Math.log2(p + 2) : 0);
  const pred = new Float64Array(rows);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const trees: Tree[] = [];
  const addPair = (i: number, j: number, w: number) => {
    // i should rank above j: loss log(1 + e^(−σ(s_i − s_j))); grad holds the negative gradient
    const rho = 1 / (1 + Math.exp(sigma * (pred[i]! - pred[j]!)));
    const g = w * sigma * rho;
    const h = w * sigma * sigma * rho * (1 - rho);
    grad[i]! += g;
    grad[j]! -= g;
    hess[i]! += h;
    hess[j]! += h;
  };
  for (let t = 0; t < nTrees; t++) {
    grad.fill(0);
    hess.fill(0);
    for (const m of members) {
      // the group's pairs as (higher label, lower label, weight)
      const hi: number[] = [];
      const lo: number[] = [];
      const ws: number[] = [];
      const pair = (a: number, b: number, d: number, w: number) => {
        hi.push(d > 0 ? a : b);
        lo.push(d > 0 ? b : a);
        ws.push(w);
      };
      if (weight === "ndcg") {
        const order = [...m].sort((a, b) => pred[b]! - pred[a]! || a - b);
        const ideal = m.map((i) => y[i]!).sort((a, b) => b - a);
        const low = ideal[ideal.length - 1]!;
        let idcg = 0;
        for (let p = 0; p < Math.min(k, ideal.length); p++) idcg += (ideal[p]! - low) * discount(p);
        if (idcg <= 0) continue;
        for (let p = 0; p < Math.min(k, order.length); p++) {
          const a = order[p]!;
          for (let q = p + 1; q < order.length; q++) {
            const b = order[q]!;
            const d = y[a]! - y[b]!;
            if (d !== 0) pair(a, b, d, (Math.abs(d) * (discount(p) - discount(q))) / idcg);
          }
        }
      } else {
        for (let p = 0; p < m.length; p++) {
          const a = m[p]!;
          for (let q = p + 1; q < m.length; q++) {
            const b = m[q]!;
            const d = y[a]! - y[b]!;
            if (d !== 0) pair(a, b, d, weight === "one" ? 1 : Math.abs(d));
          }
        }
      }
      let scale = 1;
      if (balance) {
        let sum = 0;
        for (const w of ws) sum += w;
        if (sum <= 0) continue;
        scale = 1 / sum;
      }
      for (let e = 0; e < ws.length; e++) addPair(hi[e]!, lo[e]!, ws[e]! * scale);
    }
    const sample = sampleRows(set, subsample, t, seed, rng);
    const tree = growTree(edges, binned, grad, hess, sample, depth, minLeaf, lambda, maxStep);
    trees.push(tree);
    applyTree(set, tree, rate, pred);
  }
  return { kind: "gbrt", features: [...FEATURE_NAMES], base: 0, rate, trees };
}
