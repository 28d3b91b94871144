import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NewsweaveError } from "../src/errors.ts";
import { N_FEATURES } from "../src/summarize/features.ts";
import { scoreAll } from "../src/summarize/model.ts";
import { fitGbrt, fitGbrtRank, type TrainingSet } from "../src/summarize/train.ts";

/** A small deterministic random source, so the data are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Groups of rows whose order inside a group is set by feature 0 (label = offset + feature 0 / 10; the
 * values of one group are spread out, so 64 histogram bins can tell them apart), while
 * each group has its own label offset, up to 100 times the spread inside a group. Feature 1 carries the
 * offset (so a pointwise learner is tempted to explain it); the other features are noise.
 */
function groupedData(seed: number, nGroups: number, perGroup: number) {
  const r = rng(seed);
  const rows = nGroups * perGroup;
  const x = new Float64Array(rows * N_FEATURES);
  const y = new Float64Array(rows);
  const groups: number[] = [];
  for (let g = 0; g < nGroups; g++) {
    const offset = 10 * r();
    const place = Array.from({ length: perGroup }, (_, k) => k);
    for (let k = perGroup - 1; k > 0; k--) {
      const m = Math.floor(r() * (k + 1));
      [place[k], place[m]] = [place[m]!, place[k]!];
    }
    for (let k = 0; k < perGroup; k++) {
      // interleave the groups' rows: the learner must not rely on a group's rows being adjacent
      const i = k * nGroups + g;
      const signal = (place[k]! + 0.3 * r()) / perGroup;
      for (let j = 0; j < N_FEATURES; j++) x[i * N_FEATURES + j] = r();
      x[i * N_FEATURES] = signal;
      x[i * N_FEATURES + 1] = offset + 0.05 * r();
      y[i] = offset + signal / 10;
      groups[i] = g;
    }
  }
  return { set: { x, y, rows } satisfies TrainingSet, groups };
}

/** Share of the pairs of rows of one group that the scores put in the order of their labels. */
function pairAccuracy(scores: Float64Array, y: Float64Array, groups: number[]): number {
  let right = 0;
  let all = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = 0; j < y.length; j++) {
      if (groups[i] !== groups[j] || y[i]! <= y[j]!) continue;
      all++;
      if (scores[i]! > scores[j]!) right++;
    }
  }
  return right / all;
}

/** Share of groups whose best-scored row is the row with the highest label. */
function topRight(scores: Float64Array, y: Float64Array, groups: number[]): number {
  const best = new Map<number, number>();
  const top = new Map<number, number>();
  for (let i = 0; i < y.length; i++) {
    const g = groups[i]!;
    if (best.get(g) === undefined || scores[i]! > scores[best.get(g)!]!) best.set(g, i);
    if (top.get(g) === undefined || y[i]! > y[top.get(g)!]!) top.set(g, i);
  }
  let n = 0;
  for (const [g, i] of best) if (top.get(g) === i) n++;
  return n / best.size;
}

const train = groupedData(7, 80, 15);
const test = groupedData(8, 40, 15);
const options = { trees: 60, depth: 2, rate: 0.1, minLeaf: 10, seed: 3 };

describe("ranking objective for the tree scorer", () => {
  for (const weight of ["diff", "ndcg", "one"] as const) {
    it(`orders the rows of unseen groups by the feature that ranks them, whatever the group offsets (${weight})`, () => {
      // k: the ndcg weight counts every position of these 15-row groups, so every pair's order matters
      const model = fitGbrtRank(train.set, train.groups, { ...options, weight, k: 15 });
      assert.equal(model.kind, "gbrt");
      const scores = scoreAll(model, { rows: test.set.rows, data: test.set.x });
      assert.ok(pairAccuracy(scores, test.set.y, test.groups) > 0.95);
      assert.ok(topRight(scores, test.set.y, test.groups) >= 0.85);
    });
  }

  it("with the same trees, orders groups better than least squares, which spends them on the offsets", () => {
    const rank = fitGbrtRank(train.set, train.groups, options);
    const ls = fitGbrt(train.set, options);
    const data = { rows: test.set.rows, data: test.set.x };
    const rankAcc = pairAccuracy(scoreAll(rank, data), test.set.y, test.groups);
    const lsAcc = pairAccuracy(scoreAll(ls, data), test.set.y, test.groups);
    assert.ok(rankAcc > lsAcc + 0.1, `rank ${rankAcc.toFixed(3)} vs least squares ${lsAcc.toFixed(3)}`);
  });

  it("is deterministic for a seed", () => {
    const a = fitGbrtRank(train.set, train.groups, { ...options, trees: 5 });
    const b = fitGbrtRank(train.set, train.groups, { ...options, trees: 5 });
    assert.deepEqual(a, b);
  });

  it("rejects group ids that do not match the rows, and bad options", () => {
    const wrong = () => fitGbrtRank(train.set, train.groups.slice(1), options);
    assert.throws(wrong, (e) => e instanceof NewsweaveError && e.code === "BAD_OPTION");
    const bad = () => fitGbrtRank(train.set, train.groups, { ...options, k: 0, weight: "ndcg" });
    assert.throws(bad, (e) => e instanceof NewsweaveError && e.code === "BAD_OPTION");
  });
});

describe("row keys: the trees' samples follow each row, not its position", () => {
  // the same rows, reversed: with keys the model is the same; a change in one row (a training text edited)
  // leaves every other row's draws alone
  const keyed = (set: TrainingSet, order: number[]): TrainingSet => ({
    x: Float64Array.from(
      order.flatMap((i) => Array.from(set.x.subarray(i * N_FEATURES, (i + 1) * N_FEATURES))),
    ),
    y: Float64Array.from(order, (i) => set.y[i]!),
    rows: order.length,
    keys: Uint32Array.from(order, (i) => Math.imul(i + 1, 0x9e3779b1) >>> 0),
  });
  const forward = train.set.rows > 0 ? [...Array(train.set.rows).keys()] : [];
  const opts = { trees: 20, depth: 3, rate: 0.1, minLeaf: 10, seed: 3 };
  const data = { rows: test.set.rows, data: test.set.x };

  it("gives the same scores whatever the order of the rows", () => {
    const a = scoreAll(fitGbrt(keyed(train.set, forward), opts), data);
    const b = scoreAll(fitGbrt(keyed(train.set, [...forward].reverse()), opts), data);
    let most = 0;
    for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
    assert.ok(most < 1e-9, `largest difference ${most}`);
    // without keys the draws follow the positions, and the models differ
    const plain = (order: number[]) => {
      const { keys: _keys, ...rest } = keyed(train.set, order);
      return scoreAll(fitGbrt(rest, opts), data);
    };
    const c = plain(forward);
    const d = plain([...forward].reverse());
    assert.ok(c.some((v, i) => Math.abs(v - d[i]!) > 1e-6));
  });
});
