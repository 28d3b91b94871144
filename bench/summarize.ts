/**
 * Speed of the summarizers: Newsweave and the built-in TextRank and LexRank.
 *
 *   node --import tsx bench/summarize.ts [--val-limit N]
 *
 * 1. Median ms per 5-article cluster (clusters with exactly 5 articles from the dev and val files),
 *    after a warm-up, for each system alone (articles prepared beforehand) and end to end
 *    (clean + segment + system).
 * 2. Wall time for the whole of multinews-val.jsonl, ingest → summary: the file is read and parsed once,
 *    each cluster prepared once, then each system summarizes it; per system the total is ingest +
 *    preparation + its own time.
 * 3. Peak resident memory of the process.
 */

import { readFileSync } from "node:fs";
import { SYSTEMS, type System } from "../src/eval/baselines.ts";
import { median } from "../src/eval/harness.ts";
import { readJsonlClusters } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import type { Cluster, Doc } from "../src/types.ts";

const DEV = "../shared/bench/multinews-dev.jsonl";
const VAL = "../shared/bench/multinews-val.jsonl";
const WORDS = 230;
const NAMES = ["newsweave", "textrank", "lexrank"] as const;

function argValue(flag: string): number | undefined {
  const k = process.argv.indexOf(flag);
  if (k < 0) return undefined;
  const v = Number(process.argv[k + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${flag} needs a positive whole number`);
  return v;
}

function read(path: string): { clusters: Cluster[]; ms: number } {
  const t0 = performance.now();
  const { clusters } = readJsonlClusters(readFileSync(path, "utf8"), path);
  return { clusters, ms: performance.now() - t0 };
}

function timeIt<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function runSystem(system: System, docs: Doc[]): void {
  try {
    system(docs, WORDS);
  } catch (e) {
    if (!(e instanceof Error && "code" in e && e.code === "EMPTY_INPUT")) throw e;
  }
}

const valLimit = argValue("--val-limit");
const dev = read(DEV);
const val = read(VAL);
const groups: Array<[string, Cluster[]]> = [
  ["dev", dev.clusters.filter((c) => c.articles.length === 5)],
  ["val", val.clusters.filter((c) => c.articles.length === 5).slice(0, 200)],
];
console.log(`summarize bench: ${WORDS} words`);

// 1. Per 5-article cluster.
for (const [label, five] of groups) {
  const prepared = five.map((c) => prepare(c.articles));
  const sentences = prepared.map((docs) => docs.reduce((n, d) => n + d.sentences.length, 0));
  // Few dev clusters have exactly 5 articles: repeat them so every median has at least 60 samples.
  const reps = Math.max(1, Math.ceil(60 / five.length));
  const repeat = <T>(xs: T[]) => Array.from({ length: reps }, () => xs).flat();
  for (const c of five) prepare(c.articles); // warm-up
  const prepMs = repeat(five).map((c) => timeIt(() => prepare(c.articles))[1]);
  console.log(
    `\n${five.length} ${label} clusters with 5 articles (median ${median(sentences)} sentences); ` +
      `clean + segment alone: median ${median(prepMs).toFixed(2)} ms per cluster`,
  );
  for (const name of NAMES) {
    const system = SYSTEMS[name]!;
    for (const docs of repeat(prepared)) runSystem(system, docs); // warm-up
    const own = repeat(prepared).map((docs) => timeIt(() => runSystem(system, docs))[1]);
    const endToEnd = repeat(five).map((c) => timeIt(() => runSystem(system, prepare(c.articles)))[1]);
    console.log(
      `  ${name.padEnd(10)} system ${median(own).toFixed(2).padStart(6)} ms median per cluster; ` +
        `with clean + segment ${median(endToEnd).toFixed(2).padStart(6)} ms`,
    );
  }
}

// 2. The whole val file, ingest → summary.
const clusters = valLimit ? val.clusters.slice(0, valLimit) : val.clusters;
let prepTotal = 0;
const systemTotal = new Map<string, number>(NAMES.map((n) => [n, 0]));
const t0 = performance.now();
for (const c of clusters) {
  const [docs, ms] = timeIt(() => prepare(c.articles));
  prepTotal += ms;
  for (const name of NAMES) {
    const [, s] = timeIt(() => runSystem(SYSTEMS[name]!, docs));
    systemTotal.set(name, systemTotal.get(name)! + s);
  }
}
const wall = performance.now() - t0;
const articles = clusters.reduce((n, c) => n + c.articles.length, 0);
console.log(
  `\n${VAL}: ${clusters.length} clusters, ${articles} articles; read + parse ${(val.ms / 1000).toFixed(2)} s` +
    `${valLimit ? ` (whole file)` : ""}, clean + segment ${(prepTotal / 1000).toFixed(2)} s`,
);
for (const name of NAMES) {
  const own = systemTotal.get(name)!;
  console.log(
    `  ${name.padEnd(10)} ingest → summary ${((val.ms + prepTotal + own) / 1000).toFixed(2).padStart(6)} s ` +
      `(system alone ${(own / 1000).toFixed(2)} s, ${((own / clusters.length) * 1000).toFixed(0)} µs per cluster)`,
  );
}
console.log(`  one pass for all three systems: ${(wall / 1000).toFixed(2)} s`);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
