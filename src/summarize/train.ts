import { makeRng } from "../eval/stats.ts";
import { FEATURE_NAMES, N_FEATURES } from "./features.ts";
import type { LinearModel, Tree, TreeModel } from "./model.ts";

/** Training rows: features row-major (N_FEATURES per row) and one target per row. */
export interface TrainingSet {
  x: Float64Array;
  y: Float64Array;
  rows: number;
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
function binEdges(set: TrainingSet, bins: number, rng: () => number): Float64Array[] {
  const sample = Math.min(set.rows, 20000);
  const edges: Float64Array[] = [];
  const idx = Array.from({ length: sample }, () => Math.floor(rng() * set.rows));
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

/** Least-squares gradient boosting with histogram splits: the product's own learner, no dependency. */
export function fitGbrt(set: TrainingSet, options: GbrtOptions = {}): TreeModel {
  const nTrees = options.trees ?? 200;
  const depth = options.depth ?? 4;
  const rate = options.rate ?? 0.1;
  const minLeaf = options.minLeaf ?? 100;
  const subsample = options.subsample ?? 0.8;
  const rng = makeRng(options.seed ?? 1);
  const { x, y, rows } = set;
  const edges = binEdges(set, options.bins ?? 64, rng);
  // bin index of every value: number of edges strictly below it... use edges as "value <= edge" thresholds
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
  let base = 0;
  for (let i = 0; i < rows; i++) base += y[i]!;
  base /= rows;
  const pred = new Float64Array(rows).fill(base);
  const resid = new Float64Array(rows);
  const trees: Tree[] = [];
  const maxBins = 256;
  const hs = new Float64Array(N_FEATURES * maxBins);
  const hc = new Float64Array(N_FEATURES * maxBins);
  for (let t = 0; t < nTrees; t++) {
    for (let i = 0; i < rows; i++) resid[i] = y[i]! - pred[i]!;
    const sampleRows: number[] = [];
    for (let i = 0; i < rows; i++) if (rng() < subsample) sampleRows.push(i);
    const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const addNode = (members: number[], level: number): number => {
      const k = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let sum = 0;
      for (const i of members) sum += resid[i]!;
      tree.value.push(members.length > 0 ? sum / members.length : 0);
      if (level >= depth || members.length < 2 * minLeaf) return k;
      hs.fill(0);
      hc.fill(0);
      for (const i of members) {
        const r = resid[i]!;
        const off = i * N_FEATURES;
        for (let j = 0; j < N_FEATURES; j++) {
          const h = j * maxBins + binned[off + j]!;
          hs[h]! += r;
          hc[h]! += 1;
        }
      }
      const total = members.length;
      let bestGain = 1e-12;
      let bestF = -1;
      let bestB = -1;
      const parent = (sum * sum) / total;
      for (let j = 0; j < N_FEATURES; j++) {
        const nb = edges[j]!.length + 1;
        let ls = 0;
        let lc = 0;
        for (let b = 0; b < nb - 1; b++) {
          ls += hs[j * maxBins + b]!;
          lc += hc[j * maxBins + b]!;
          if (lc < minLeaf) continue;
          const rc = total - lc;
          if (rc < minLeaf) break;
          const rs = sum - ls;
          const gain = (ls * ls) / lc + (rs * rs) / rc - parent;
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
    trees.push(tree);
    for (let i = 0; i < rows; i++) {
      let k = 0;
      while (tree.feature[k]! >= 0) {
        k = x[i * N_FEATURES + tree.feature[k]!]! <= tree.threshold[k]! ? tree.left[k]! : tree.right[k]!;
      }
      pred[i]! += rate * tree.value[k]!;
    }
  }
  return { kind: "gbrt", features: [...FEATURE_NAMES], base, rate, trees };
}
