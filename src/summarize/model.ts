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

/** All trees of a model in flat typed arrays: node k of tree t is at offset[t] + k. */
interface CompiledTrees {
  offsets: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

const compiled = new WeakMap<TreeModel, CompiledTrees>();

function compile(m: TreeModel): CompiledTrees {
  let c = compiled.get(m);
  if (c) return c;
  let total = 0;
  for (const t of m.trees) total += t.feature.length;
  c = {
    offsets: new Int32Array(m.trees.length),
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    value: new Float64Array(total),
  };
  let at = 0;
  m.trees.forEach((t, i) => {
    c!.offsets[i] = at;
    c!.feature.set(t.feature, at);
    c!.threshold.set(t.threshold, at);
    c!.left.set(t.left, at);
    c!.right.set(t.right, at);
    c!.value.set(
      t.value.map((v) => v * m.rate),
      at,
    );
    at += t.feature.length;
  });
  compiled.set(m, c);
  return c;
}

function scoreTrees(m: TreeModel, x: Float64Array, row: number): number {
  const c = compile(m);
  let s = m.base;
  const { offsets, feature, threshold, left, right, value } = c;
  for (let t = 0; t < offsets.length; t++) {
    const o = offsets[t]!;
    let k = 0;
    let f = feature[o]!;
    while (f >= 0) {
      k = x[row + f]! <= threshold[o + k]! ? left[o + k]! : right[o + k]!;
      f = feature[o + k]!;
    }
    s += value[o + k]!;
  }
  return s;
}

function scoreOne(model: ScoringModel, x: Float64Array, row: number): number {
  switch (model.kind) {
    case "linear":
      return scoreLinear(model, x, row);
    case "gbrt":
      return scoreTrees(model, x, row);
    case "ensemble": {
      let s = 0;
      for (const m of model.models) s += scoreOne(m, x, row);
      return s / Math.max(1, model.models.length);
    }
  }
}

/** Scores every row of a feature matrix. */
export function scoreAll(model: ScoringModel, fm: FeatureMatrix): Float64Array {
  const out = new Float64Array(fm.rows);
  for (let i = 0; i < fm.rows; i++) out[i] = scoreOne(model, fm.data, i * N_FEATURES);
  return out;
}
