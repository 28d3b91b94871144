import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isNewsweaveError } from "../src/errors.ts";
import { bootstrapCI, makeRng, mean, pairedBootstrap } from "../src/eval/stats.ts";

/** n draws from a roughly normal distribution (sum of uniforms) with the given centre and spread. */
function sample(n: number, centre: number, spread: number, seed: number): number[] {
  const rng = makeRng(seed);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(centre + spread * (rng() + rng() + rng() + rng() - 2));
  return out;
}

describe("mean", () => {
  test("averages the values", () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(mean([-3]), -3);
  });

  test("an empty list is an EMPTY_INPUT error, a NaN a BAD_FIELD error", () => {
    assert.throws(
      () => mean([]),
      (e) => isNewsweaveError(e) && e.code === "EMPTY_INPUT",
    );
    assert.throws(
      () => mean([1, Number.NaN]),
      (e) => isNewsweaveError(e) && e.code === "BAD_FIELD",
    );
  });
});

describe("makeRng", () => {
  test("the same seed gives the same sequence, another seed another one", () => {
    const a = makeRng(7);
    const b = makeRng(7);
    const c = makeRng(8);
    const sa = Array.from({ length: 20 }, () => a());
    const sb = Array.from({ length: 20 }, () => b());
    const sc = Array.from({ length: 20 }, () => c());
    assert.deepEqual(sa, sb);
    assert.notDeepEqual(sa, sc);
  });

  test("values lie in [0, 1) and spread evenly", () => {
    const rng = makeRng(123);
    const bins = new Array<number>(10).fill(0);
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = rng();
      assert.ok(x >= 0 && x < 1);
      bins[Math.floor(x * 10)]!++;
    }
    for (const count of bins) assert.ok(Math.abs(count - n / 10) < n / 50, `bin count ${count}`);
  });
});

describe("bootstrapCI", () => {
  const xs = sample(60, 0.42, 0.1, 1);

  test("the interval contains the sample mean, which it reports", () => {
    const ci = bootstrapCI(xs, { seed: 3 });
    assert.equal(ci.mean, mean(xs));
    assert.ok(ci.low < ci.mean && ci.mean < ci.high, JSON.stringify(ci));
  });

  test("is deterministic for a seed and differs for another seed", () => {
    assert.deepEqual(bootstrapCI(xs, { seed: 5 }), bootstrapCI(xs, { seed: 5 }));
    assert.notDeepEqual(bootstrapCI(xs, { seed: 5 }), bootstrapCI(xs, { seed: 6 }));
  });

  test("narrows with more data", () => {
    const small = bootstrapCI(sample(20, 0.42, 0.1, 11), { seed: 1 });
    const large = bootstrapCI(sample(2000, 0.42, 0.1, 12), { seed: 1 });
    assert.ok(
      large.high - large.low < (small.high - small.low) / 3,
      `${JSON.stringify(small)} ${JSON.stringify(large)}`,
    );
  });

  test("a smaller alpha gives a wider interval", () => {
    const ci90 = bootstrapCI(xs, { seed: 2, alpha: 0.1 });
    const ci99 = bootstrapCI(xs, { seed: 2, alpha: 0.01 });
    assert.ok(ci99.low < ci90.low && ci90.high < ci99.high);
  });

  test("the 95% interval of a large sample covers the true centre", () => {
    const ci = bootstrapCI(sample(1000, 0.3, 0.2, 99), { seed: 4 });
    assert.ok(ci.low < 0.3 && 0.3 < ci.high, JSON.stringify(ci));
  });

  test("constant data gives a zero-width interval", () => {
    assert.deepEqual(bootstrapCI([0.5, 0.5, 0.5], { seed: 1 }), { mean: 0.5, low: 0.5, high: 0.5 });
  });

  test("bad options are BAD_OPTION errors", () => {
    for (const opts of [
      { iterations: 0 },
      { iterations: 1.5 },
      { alpha: 0 },
      { alpha: 1 },
      { seed: Number.NaN },
    ]) {
      assert.throws(
        () => bootstrapCI(xs, opts),
        (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
        JSON.stringify(opts),
      );
    }
  });
});

describe("pairedBootstrap", () => {
  const b = sample(60, 0.4, 0.15, 21);

  test("a clearly better system gets p < 0.05 and an interval above zero", () => {
    const noise = sample(60, 0, 0.02, 22);
    const a = b.map((x, i) => x + 0.03 + noise[i]!);
    const res = pairedBootstrap(a, b, { seed: 1 });
    assert.ok(res.pValue < 0.05, JSON.stringify(res));
    assert.ok(res.low > 0);
    assert.ok(Math.abs(res.meanDiff - (mean(a) - mean(b))) < 1e-12);
  });

  test("identical systems are not significant", () => {
    const res = pairedBootstrap(b, b.slice(), { seed: 1 });
    assert.ok(res.pValue >= 0.05, JSON.stringify(res));
    assert.equal(res.meanDiff, 0);
  });

  test("a worse system gets a p-value near 1", () => {
    const a = b.map((x) => x - 0.05);
    assert.ok(pairedBootstrap(a, b, { seed: 1 }).pValue > 0.95);
  });

  test("differences that are pure noise are not significant", () => {
    const noise = sample(60, 0, 0.05, 23);
    const a = b.map((x, i) => x + noise[i]! - mean(noise));
    assert.ok(pairedBootstrap(a, b, { seed: 2 }).pValue > 0.05);
  });

  test("is deterministic for a seed", () => {
    const a = b.map((x, i) => x + (i % 3) * 0.01);
    assert.deepEqual(
      pairedBootstrap(a, b, { seed: 9, iterations: 500 }),
      pairedBootstrap(a, b, { seed: 9, iterations: 500 }),
    );
  });

  test("lists of different lengths are rejected", () => {
    assert.throws(
      () => pairedBootstrap([1, 2], [1]),
      (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
    );
  });
});
