import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { N_FEATURES } from "../src/summarize/features.ts";
import { scoreAll, type Tree, type TreeModel } from "../src/summarize/model.ts";

/** The textbook walk over child links: the reference the compiled scorer must agree with. */
function walk(t: Tree, x: Float64Array, row: number): number {
  let k = 0;
  while (t.feature[k]! >= 0) k = x[row + t.feature[k]!]! <= t.threshold[k]! ? t.left[k]! : t.right[k]!;
  return t.value[k]!;
}

function reference(m: TreeModel, x: Float64Array, rows: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let s = m.base;
    for (const t of m.trees) s += walk(t, x, r * N_FEATURES) * m.rate;
    out.push(s);
  }
  return out;
}

/** A small deterministic random source, so the trees and rows are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random tree whose leaves sit at different depths (up to `maxDepth`). */
function randomTree(rand: () => number, maxDepth: number): Tree {
  const t: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (depth: number): number => {
    const k = t.feature.length;
    t.feature.push(-1);
    t.threshold.push(0);
    t.left.push(-1);
    t.right.push(-1);
    t.value.push(rand() - 0.5);
    if (depth < maxDepth && (depth === 0 || rand() < 0.6)) {
      t.feature[k] = Math.floor(rand() * N_FEATURES);
      t.threshold[k] = rand();
      t.left[k] = grow(depth + 1);
      t.right[k] = grow(depth + 1);
    }
    return k;
  };
  grow(0);
  return t;
}

function rowsOf(rand: () => number, rows: number): Float64Array {
  const x = new Float64Array(rows * N_FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rand();
  return x;
}

describe("learned scorer", () => {
  for (const depth of [1, 3, 5]) {
    it(`tree models of depth ${depth} with uneven leaves score like a plain walk of the trees`, () => {
      const rand = rng(depth);
      const model: TreeModel = {
        kind: "gbrt",
        features: [],
        base: 0.25,
        rate: 0.1,
        trees: Array.from({ length: 40 }, () => randomTree(rand, depth)),
      };
      const rows = 57;
      const x = rowsOf(rand, rows);
      x[3] = Number.NaN; // a missing value goes right, as in the plain walk
      const got = scoreAll(model, { rows, data: x });
      const want = reference(model, x, rows);
      for (let r = 0; r < rows; r++) assert.ok(Math.abs(got[r]! - want[r]!) < 1e-12, `row ${r}`);
    });
  }

  it("an ensemble scores the mean of its members; a lone-leaf tree adds its value to every row", () => {
    const rand = rng(7);
    const a: TreeModel = { kind: "gbrt", features: [], base: 1, rate: 0.5, trees: [randomTree(rand, 3)] };
    const leaf: Tree = { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [2] };
    const b: TreeModel = { kind: "gbrt", features: [], base: -1, rate: 0.5, trees: [leaf] };
    const x = rowsOf(rand, 9);
    const got = scoreAll({ kind: "ensemble", features: [], models: [a, b] }, { rows: 9, data: x });
    const ra = reference(a, x, 9);
    for (let r = 0; r < 9; r++) assert.ok(Math.abs(got[r]! - (ra[r]! + 0) / 2) < 1e-12);
  });

  it("a tree with a child link out of range is refused with a clear error", () => {
    const bad: Tree = { feature: [0], threshold: [0.5], left: [5], right: [6], value: [0] };
    const model: TreeModel = { kind: "gbrt", features: [], base: 0, rate: 1, trees: [bad] };
    assert.throws(() => scoreAll(model, { rows: 1, data: rowsOf(rng(1), 1) }), /malformed tree/);
  });

  it("a model with trees deeper than the compiled form allows is refused, naming the depth", () => {
    const chain: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    for (let k = 0; k < 13; k++) {
      chain.feature.push(0, -1);
      chain.threshold.push(0.5, 0);
      chain.left.push(2 * k + 1, -1);
      chain.right.push(2 * k + 2, -1);
      chain.value.push(0, k);
    }
    // the last right child is a leaf
    chain.feature.push(-1);
    chain.threshold.push(0);
    chain.left.push(-1);
    chain.right.push(-1);
    chain.value.push(1);
    const model: TreeModel = { kind: "gbrt", features: [], base: 0, rate: 1, trees: [chain] };
    assert.throws(() => scoreAll(model, { rows: 1, data: rowsOf(rng(2), 1) }), /13 levels deep/);
  });
});
