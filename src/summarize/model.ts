import { NewsweaveError } from "../errors.ts";
import { FEATURE_NAMES, type FeatureMatrix, N_FEATURES } from "./features.ts";

/** A linear scorer over standardised features. */
export interface LinearModel {
  kind: "linear";
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** One regression tree in flat arrays: node k splits on feature[k] at threshold[k]; leaves have feature -1. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** Gradient-boosted regression trees. */
export interface TreeModel {
  kind: "gbrt";
  features: string[];
  base: number;
  rate: number;
  trees: Tree[];
}

/** The mean of several models (bagging: same data, different random row samples). */
export interface EnsembleModel {
  kind: "ensemble";
  features: string[];
  models: Array<LinearModel | TreeModel>;
}

export type ScoringModel = LinearModel | TreeModel | EnsembleModel;

/** Checks that a model was trained on the features this code computes, in the same order. */
export function checkModel(model: ScoringModel): void {
  const same = model.features.length === N_FEATURES && model.features.every((f, i) => f === FEATURE_NAMES[i]);
  if (!same) {
    throw new NewsweaveError(
      "BAD_OPTION",
      `scoring model was trained on features [${model.features.join(", ")}], expected [${FEATURE_NAMES.join(", ")}]; run npm run train`,
    );
  }
}

function scoreLinear(m: LinearModel, x: Float64Array, row: number): number {
  let s = m.bias;
  for (let j = 0; j < N_FEATURES; j++) s += m.weights[j]! * ((x[row + j]! - m.mean[j]!) / m.scale[j]!);
  return s;
}

/**
 * All trees of a model as complete binary trees of one depth in flat typed arrays ("heap" order: the
 * children of internal node k are 2k+1 and 2k+2), so a walk is a fixed number of compare-and-step moves
 * with no child pointers to load. A leaf above the full depth is copied into every leaf below it, so the
 * padding splits (feature 0, any threshold) cannot change a score. Leaf values are premultiplied by the
 * learning rate.
 */
interface CompiledTrees {
  depth: number;
  count: number;
  /** Internal nodes: tree t's node k at t·(2^depth − 1) + k. */
  feature: Int32Array;
  threshold: Float64Array;
  /** Leaves: tree t's leaf j at t·2^depth + j. */
  leaf: Float64Array;
}

const compiled = new WeakMap<TreeModel, CompiledTrees>();

/** Complete trees take 2^depth slots each: deeper trees than this would take too much memory. */
const MAX_COMPILED_DEPTH = 12;

/** Depth of a tree (a lone leaf has depth 0); checks the child links on the way. */
function treeDepth(t: Tree, node = 0, guard = 0): number {
  if (guard > 64 || node < 0 || node >= t.feature.length)
    throw new NewsweaveError(
      "BAD_OPTION",
      "scoring model has a malformed tree (child link out of range or a cycle)",
    );
  if (t.feature[node]! < 0) return 0;
  return 1 + Math.max(treeDepth(t, t.left[node]!, guard + 1), treeDepth(t, t.right[node]!, guard + 1));
}

function compile(m: TreeModel): CompiledTrees {
  let c = compiled.get(m);
  if (c) return c;
  const depth = m.trees.reduce((d, t) => Math.max(d, treeDepth(t)), 0);
  if (depth > MAX_COMPILED_DEPTH)
    throw new NewsweaveError(
      "BAD_OPTION",
      `scoring model has trees ${depth} levels deep; at most ${MAX_COMPILED_DEPTH} are supported (train with --depth ≤ ${MAX_COMPILED_DEPTH})`,
    );
  const inner = 2 ** depth - 1;
  const leaves = 2 ** depth;
  c = {
    depth,
    count: m.trees.length,
    feature: new Int32Array(m.trees.length * inner),
    threshold: new Float64Array(m.trees.length * inner),
    leaf: new Float64Array(m.trees.length * leaves),
  };
  const out = c;
  m.trees.forEach((t, i) => {
    // Walk the tree, placing each node at its heap position.
    const place = (node: number, at: number, level: number): void => {
      if (t.feature[node]! >= 0 && level < depth) {
        out.feature[i * inner + at] = t.feature[node]!;
        out.threshold[i * inner + at] = t.threshold[node]!;
        place(t.left[node]!, 2 * at + 1, level + 1);
        place(t.right[node]!, 2 * at + 2, level + 1);
        return;
      }
      // A leaf at `level`: its value fills every full-depth leaf below its position (the padding splits
      // under it stay feature 0, threshold 0 from the zeroed arrays, and lead to the same value).
      const below = depth - level;
      const first = (at + 1) * 2 ** below - 1;
      const span = 2 ** below;
      const v = t.value[node]! * m.rate;
      for (let k = first; k < first + span; k++) out.leaf[i * leaves + (k - inner)] = v;
    };
    place(0, 0, 0);
  });
  compiled.set(m, c);
  return c;
}

/** Writes a tree model's score of every row into `out`, tree by tree. */
function scoreTreesInto(m: TreeModel, x: Float64Array, rows: number, out: Float64Array): void {
  const { depth, count, feature, threshold, leaf } = compile(m);
  const inner = 2 ** depth - 1;
  const leaves = 2 ** depth;
  out.fill(m.base);
  for (let t = 0; t < count; t++) {
    const nodes = t * inner;
    const leafAt = t * leaves - inner;
    if (depth === 3) {
      // The shipped models' depth, unrolled: the three splits of the tree stay in registers.
      const f0 = feature[nodes]!;
      const t0 = threshold[nodes]!;
      const f1 = feature[nodes + 1]!;
      const t1 = threshold[nodes + 1]!;
      const f2 = feature[nodes + 2]!;
      const t2 = threshold[nodes + 2]!;
      for (let r = 0, row = 0; r < rows; r++, row += N_FEATURES) {
        let k = x[row + f0]! <= t0 ? (x[row + f1]! <= t1 ? 3 : 4) : x[row + f2]! <= t2 ? 5 : 6;
        k = x[row + feature[nodes + k]!]! <= threshold[nodes + k]! ? 2 * k + 1 : 2 * k + 2;
        out[r]! += leaf[leafAt + k]!;
      }
      continue;
    }
    for (let r = 0, row = 0; r < rows; r++, row += N_FEATURES) {
      let k = 0;
      for (let d = 0; d < depth; d++)
        k = x[row + feature[nodes + k]!]! <= threshold[nodes + k]! ? 2 * k + 1 : 2 * k + 2;
      out[r]! += leaf[leafAt + k]!;
    }
  }
}

/** Scores of every row by one model, into `out`. */
function scoreInto(model: ScoringModel, x: Float64Array, rows: number, out: Float64Array): void {
  switch (model.kind) {
    case "linear":
      for (let r = 0; r < rows; r++) out[r] = scoreLinear(model, x, r * N_FEATURES);
      return;
    case "gbrt":
      scoreTreesInto(model, x, rows, out);
      return;
    case "ensemble": {
      const part = new Float64Array(rows);
      out.fill(0);
      for (const m of model.models) {
        scoreInto(m, x, rows, part);
        for (let r = 0; r < rows; r++) out[r]! += part[r]!;
      }
      const n = Math.max(1, model.models.length);
      for (let r = 0; r < rows; r++) out[r] = out[r]! / n;
    }
  }
}

/** Scores every row of a feature matrix. */
export function scoreAll(model: ScoringModel, fm: FeatureMatrix): Float64Array {
  const out = new Float64Array(fm.rows);
  scoreInto(model, fm.data, fm.rows, out);
  return out;
}
