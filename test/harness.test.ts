import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { formatEvalText } from "../src/cli/eval.ts";
import { isNewsweaveError } from "../src/errors.ts";
import { evaluate, truncateBytes, truncateWords } from "../src/eval/harness.ts";
import { readJsonlClusters } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import type { Cluster } from "../src/types.ts";

const DEV = "../shared/bench/multinews-dev.jsonl";

function devClusters(n: number): Cluster[] {
  const { clusters } = readJsonlClusters(readFileSync(DEV, "utf8"), DEV);
  return clusters.slice(0, n);
}

describe("truncateWords", () => {
  test("keeps the first N words and the line breaks between sentences", () => {
    const text = "One two three.\nFour five six seven.\nEight nine.";
    assert.equal(truncateWords(text, 5), "One two three.\nFour five");
    assert.equal(truncateWords(text, 3), "One two three.");
    assert.equal(truncateWords(text, 100), text);
  });
});

describe("truncateBytes (ROUGE-1.5.5 -b)", () => {
  test("keeps the first N bytes, a line break counting as one, never half a character", () => {
    const text = "One two.\nThree four.";
    assert.equal(truncateBytes(text, 8), "One two.");
    assert.equal(truncateBytes(text, 9), "One two.", "the line break alone is trimmed");
    assert.equal(truncateBytes(text, 12), "One two.\nThr", "cut inside a word, as ROUGE does");
    assert.equal(truncateBytes(text, 100), text);
    assert.equal(truncateBytes("Café opens.", 4), "Caf", "é is two bytes in UTF-8");
    assert.equal(truncateBytes("Café opens.", 5), "Café");
  });

  test("evaluate cuts every summary to the byte limit and says so", () => {
    const report = evaluate(devClusters(2), ["lead"], { words: 200, bytes: 300, bootstrap: 10 });
    assert.equal(report.bytes, 300);
    for (const p of report.predictions) assert.ok(new TextEncoder().encode(p.text).length <= 300);
    assert.match(formatEvalText(report, "x"), /200 words, truncated to 300 bytes/);
    assert.throws(() => evaluate(devClusters(1), ["lead"], { words: 200, bytes: 0 }), /bytes/);
  });
});

describe("evaluate on dev clusters", () => {
  const clusters = devClusters(4);
  const systems = ["newsweave", "lead", "textrank", "lexrank", "oracle"];
  const words = 100;
  const report = evaluate(clusters, systems, { words, bootstrap: 200, seed: 7 });

  test("scores every system on every cluster", () => {
    assert.equal(report.clusters, 4);
    assert.equal(report.items.length, 4 * systems.length);
    assert.equal(report.predictions.length, 4 * systems.length);
    assert.deepEqual(
      report.systems.map((s) => s.system),
      systems,
    );
  });

  test("reports means inside their confidence intervals and in range", () => {
    for (const s of report.systems) {
      for (const m of [s.rouge1, s.rouge2, s.rougeL, s.rougeLsum]) {
        assert.ok(m.mean >= 0 && m.mean <= 100, `${s.system} mean ${m.mean}`);
        assert.ok(
          m.low <= m.mean && m.mean <= m.high,
          `${s.system} CI [${m.low}, ${m.high}] misses ${m.mean}`,
        );
      }
      assert.ok(s.rouge1.mean > 0, `${s.system} scored nothing`);
      assert.ok(s.rouge2.mean <= s.rouge1.mean, `${s.system} R-2 above R-1`);
      assert.ok(s.msMedian >= 0 && s.msMean >= 0);
    }
  });

  test("truncates every summary to the word budget, one sentence per line", () => {
    for (const p of report.predictions) {
      const n = p.text.split(/\s+/).filter(Boolean).length;
      assert.ok(n <= words, `${p.system} on ${p.id}: ${n} words`);
      assert.ok(p.text.includes("\n"), `${p.system} on ${p.id}: a single line`);
    }
    for (const r of report.items) assert.ok(r.words <= words);
    // the budget is filled whenever the cleaned articles have enough text
    for (const r of report.items.filter((x) => x.system === "lead")) {
      const cluster = clusters.find((c) => c.id === r.id)!;
      const available = prepare(cluster.articles)
        .flatMap((d) => d.sentences.map((x) => d.article.text.slice(x.start, x.end)))
        .join(" ")
        .split(/\s+/)
        .filter(Boolean).length;
      if (available >= words + 10) assert.equal(r.words, words, `lead on ${r.id}`);
      else
        assert.ok(
          r.words <= available && r.words >= available - 5,
          `lead on ${r.id}: ${r.words} of ${available}`,
        );
    }
    assert.ok(
      report.items.some((x) => x.system === "lead" && x.words === words),
      "some cluster fills the budget",
    );
  });

  test("the oracle is the ceiling and newsweave is compared to every other system", () => {
    const r1 = (name: string) => report.systems.find((s) => s.system === name)!.rouge1.mean;
    for (const name of systems) assert.ok(r1("oracle") >= r1(name));
    assert.equal(report.comparisons.length, 2 * (systems.length - 1));
    for (const c of report.comparisons) {
      assert.equal(c.system, "newsweave");
      assert.ok(c.low <= c.meanDiff && c.meanDiff <= c.high);
      assert.ok(c.pValue >= 0 && c.pValue <= 1);
    }
  });

  test("without truncation summaries may overshoot, and the same seed gives the same numbers", () => {
    const loose = evaluate(clusters, ["lead"], { words, bootstrap: 200, seed: 7, truncate: false });
    assert.ok(loose.items.some((r) => r.words > words));
    const again = evaluate(clusters, ["lead"], { words, bootstrap: 200, seed: 7 });
    const lead = report.systems.find((s) => s.system === "lead")!;
    assert.deepEqual(again.systems[0]!.rouge1, lead.rouge1);
  });

  test("limit, unknown systems and a zero budget", () => {
    assert.equal(evaluate(clusters, ["lead"], { words, bootstrap: 50, limit: 2 }).clusters, 2);
    assert.throws(
      () => evaluate(clusters, ["nope"], { words }),
      (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
    );
    assert.throws(
      () => evaluate(clusters, ["lead"], { words: 0 }),
      (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
    );
  });
});

describe("evaluate with several references per cluster", () => {
  const [one, other] = devClusters(2) as [Cluster, Cluster];
  // the cluster's own reference and an unrelated one: averaging must pull the score down, the best
  // reference must be the cluster's own
  const two: Cluster = { ...one, references: [one.references[0]!, other.references[0]!] };
  const run = (mode: "average" | "max" | "first") =>
    evaluate([two], ["lead"], { words: 100, bootstrap: 10, references: mode });
  const own = evaluate([{ ...one, references: [one.references[0]!] }], ["lead"], {
    words: 100,
    bootstrap: 10,
  });

  test("average lies between the two references, max and first equal the cluster's own", () => {
    const avg = run("average");
    const r1 = (r: typeof avg) => r.systems[0]!.rouge1.mean;
    assert.equal(avg.maxReferences, 2);
    assert.equal(avg.references, "average");
    assert.ok(r1(avg) < r1(own) - 1, `average ${r1(avg)} vs own ${r1(own)}`);
    assert.equal(r1(run("max")), r1(own));
    assert.equal(r1(run("first")), r1(own));
    assert.match(formatEvalText(avg, "x.jsonl"), /up to 2 references per cluster \(their model average/);
    assert.match(formatEvalText(own, "x.jsonl"), /against the reference,/);
  });
});
