/**
 * Small statistics for evaluation: means, percentile-bootstrap confidence intervals and a paired
 * bootstrap test, all driven by a seeded PRNG so every number is reproducible.
 */

import { NewsweaveError } from "../errors.ts";

/** A deterministic PRNG (mulberry32): returns floats in [0, 1). Same seed, same sequence. */
export function makeRng(seed: number): () => number {
  if (!Number.isFinite(seed))
    throw new NewsweaveError("BAD_OPTION", `seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkSample(xs: readonly number[], field: string): void {
  if (!Array.isArray(xs))
    throw new NewsweaveError("BAD_FIELD", `${field} must be an array of numbers`, { field });
  if (xs.length === 0) throw new NewsweaveError("EMPTY_INPUT", `${field} is empty`, { field });
  for (let i = 0; i < xs.length; i++) {
    if (typeof xs[i] !== "number" || !Number.isFinite(xs[i])) {
      throw new NewsweaveError("BAD_FIELD", `${field}[${i}] is not a finite number: ${String(xs[i])}`, {
        field: `${field}[${i}]`,
      });
    }
  }
}

/** Arithmetic mean. Throws EMPTY_INPUT for an empty list. */
export function mean(xs: readonly number[]): number {
  checkSample(xs, "xs");
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Linear-interpolated quantile of an ascending sorted array (numpy's default "linear" method). */
function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  iterations?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** 1 − confidence level (default 0.05 for a 95% interval). */
  alpha?: number;
}

export interface ConfidenceInterval {
  mean: number;
  low: number;
  high: number;
}

function checkOptions(opts: BootstrapOptions): { iterations: number; seed: number; alpha: number } {
  const iterations = opts.iterations ?? 1000;
  const seed = opts.seed ?? 1;
  const alpha = opts.alpha ?? 0.05;
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new NewsweaveError("BAD_OPTION", `iterations must be a positive integer, got ${iterations}`);
  }
  if (!Number.isFinite(seed))
    throw new NewsweaveError("BAD_OPTION", `seed must be a finite number, got ${seed}`);
  if (!(alpha > 0 && alpha < 1)) {
    throw new NewsweaveError("BAD_OPTION", `alpha must be between 0 and 1 (exclusive), got ${alpha}`);
  }
  return { iterations, seed, alpha };
}

/** Means of `iterations` resamples (with replacement, same size) of `xs`, sorted ascending. */
function resampleMeans(xs: Float64Array, iterations: number, rng: () => number): Float64Array {
  const n = xs.length;
  const means = new Float64Array(iterations);
  for (let it = 0; it < iterations; it++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += xs[Math.floor(rng() * n)]!;
    means[it] = s / n;
  }
  return means.sort();
}

/**
 * Percentile bootstrap confidence interval of the mean: resample the values with replacement
 * `iterations` times and take the alpha/2 and 1 − alpha/2 quantiles of the resampled means.
 */
export function bootstrapCI(xs: readonly number[], opts: BootstrapOptions = {}): ConfidenceInterval {
  checkSample(xs, "xs");
  const { iterations, seed, alpha } = checkOptions(opts);
  const means = resampleMeans(Float64Array.from(xs), iterations, makeRng(seed));
  return {
    mean: mean(xs),
    low: quantileSorted(means, alpha / 2),
    high: quantileSorted(means, 1 - alpha / 2),
  };
}

export interface PairedBootstrapResult {
  /** mean(a) − mean(b). */
  meanDiff: number;
  /** Percentile bootstrap interval of the mean difference. */
  low: number;
  high: number;
  /** Share of resamples whose mean difference is ≤ 0: one-sided p-value for "a is better than b". */
  pValue: number;
}

/**
 * Paired bootstrap test of two systems scored on the same items (a[i] and b[i] belong to item i):
 * resamples items with replacement and reports the interval of the mean difference and the share
 * of resamples in which a does not beat b.
 */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  opts: BootstrapOptions = {},
): PairedBootstrapResult {
  checkSample(a, "a");
  checkSample(b, "b");
  if (a.length !== b.length) {
    throw new NewsweaveError(
      "BAD_OPTION",
      `paired bootstrap needs scores for the same items: a has ${a.length}, b has ${b.length}`,
    );
  }
  const { iterations, seed, alpha } = checkOptions(opts);
  const diffs = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diffs[i] = a[i]! - b[i]!;
  const means = resampleMeans(diffs, iterations, makeRng(seed));
  let notBetter = 0;
  for (const m of means) if (m <= 0) notBetter++;
  let s = 0;
  for (const d of diffs) s += d;
  return {
    meanDiff: s / diffs.length,
    low: quantileSorted(means, alpha / 2),
    high: quantileSorted(means, 1 - alpha / 2),
    pValue: notBetter / iterations,
  };
}
