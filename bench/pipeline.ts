/**
 * Throughput of ingest + clean + segment on every document of multinews-val.jsonl, on one core.
 * Usage: npm run bench:pipeline [-- path/to/bench.jsonl]
 */
import { readFileSync } from "node:fs";
import { ingestBytes } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import type { Article } from "../src/types.ts";

const file = process.argv[2] ?? "../shared/bench/multinews-val.jsonl";
const bytes = readFileSync(file);

function run(): { seconds: number; words: number; articles: number; sentences: number } {
  const t0 = performance.now();
  const articles = ingestBytes(bytes, file);
  const byCluster = new Map<string, Article[]>();
  for (const a of articles) {
    const key = a.origin.cluster ?? a.id;
    const list = byCluster.get(key);
    if (list) list.push(a);
    else byCluster.set(key, [a]);
  }
  let sentences = 0;
  for (const cluster of byCluster.values()) for (const d of prepare(cluster)) sentences += d.sentences.length;
  const seconds = (performance.now() - t0) / 1000;
  let words = 0;
  for (const a of articles) words += a.text.split(/\s+/).filter(Boolean).length;
  return { seconds, words, articles: articles.length, sentences };
}

run(); // warm-up: JIT, lazy lexicons
const runs = [run(), run(), run()];
const best = runs.reduce((a, b) => (a.seconds < b.seconds ? a : b));
console.log(`input: ${file} (${(bytes.length / 1e6).toFixed(1)} MB)`);
console.log(`articles: ${best.articles}, words: ${best.words}, sentences: ${best.sentences}`);
console.log(
  `ingest+clean+segment: best of 3 ${best.seconds.toFixed(2)} s = ${Math.round(best.words / best.seconds).toLocaleString("en-US")} words/s (one core)`,
);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
