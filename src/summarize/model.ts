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

function scoreTrees(m: TreeModel, x: Float64Array, row: number): number {
  let s = m.base;
  for (const t of m.trees) {
    let k = 0;
    while (t.feature[k]! >= 0) k = x[row + t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
    s += m.rate * t.value[k]!;
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
