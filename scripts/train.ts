/**
 * Reproduces the shipped summarizer resources: background document frequencies and the learned
 * sentence scorer. Usage: npm run train -- [--data ../shared/bench/multinews-val.jsonl] [--limit N]
 *   [--model gbrt|ridge] [--dry-run]
 * Labels: for each source sentence, the mean of its ROUGE-1 and ROUGE-2 precision against the cluster's
 * reference summary (how much of what it says is in a human summary, per word).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { alignSentences } from "../src/align/index.ts";
import { type Background, representCluster } from "../src/align/represent.ts";
import { stem } from "../src/eval/porter.ts";
import { encodeTokens, prepareReference, rougeNPrecomputed, tokenizeForRouge } from "../src/eval/rouge.ts";
import { readJsonlClusters } from "../src/ingest/index.ts";
import { STOPWORDS } from "../src/lexicon/stopwords.ts";
import { prepare } from "../src/pipeline.ts";
import { wordTokens } from "../src/segment/index.ts";
import { computeFeatures, N_FEATURES } from "../src/summarize/features.ts";
import type { ScoringModel } from "../src/summarize/model.ts";
import { fitGbrt, fitRidge, type TrainingSet } from "../src/summarize/train.ts";
import type { Doc } from "../src/types.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/bench/multinews-val.jsonl" },
    limit: { type: "string" },
    model: { type: "string", default: "gbrt" },
    trees: { type: "string", default: "200" },
    depth: { type: "string", default: "4" },
    "dry-run": { type: "boolean", default: false },
    out: { type: "string", default: "src/summarize/data" },
  },
});

const t0 = performance.now();
const { clusters, errors } = readJsonlClusters(readFileSync(values.data!, "utf8"), values.data!);
if (errors.length) console.error(`${errors.length} bad lines skipped`);
const limit = values.limit ? Number(values.limit) : clusters.length;
const used = clusters.slice(0, limit).filter((c) => c.references.length > 0);
const prepared: Doc[][] = used.map((c) => prepare(c.articles));
console.log(`prepared ${used.length} clusters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// 1. Background document frequencies over every article of the training data.
const df = new Map<string, number>();
let nArticles = 0;
for (const docs of prepared) {
  for (const d of docs) {
    nArticles++;
    const seen = new Set<string>();
    for (const tok of wordTokens(d.article.text)) {
      if (STOPWORDS.has(tok.norm) || tok.norm.length < 2) continue;
      seen.add(stem(tok.norm));
    }
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
}
const kept = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const background: Background = { docs: nArticles, df: new Map(kept) };
console.log(`background: ${nArticles} articles, ${kept.length} stems with df >= 2`);

// 2. Features and labels.
const xs: number[] = [];
const ys: number[] = [];
const clusterOf: number[] = [];
for (let c = 0; c < prepared.length; c++) {
  const docs = prepared[c]!;
  const rep = representCluster(docs, background);
  const alignment = alignSentences(rep);
  const fm = computeFeatures(rep, alignment);
  const ref = prepareReference(used[c]!.references[0]!);
  for (let i = 0; i < rep.sents.length; i++) {
    const s = rep.sents[i]!;
    const text = docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end);
    const ids = encodeTokens(ref, tokenizeForRouge(text));
    const label = (rougeNPrecomputed(ref, ids, 1).p + rougeNPrecomputed(ref, ids, 2).p) / 2;
    for (let j = 0; j < N_FEATURES; j++) xs.push(fm.data[i * N_FEATURES + j]!);
    ys.push(label);
    clusterOf.push(c);
  }
}
const set: TrainingSet = { x: Float64Array.from(xs), y: Float64Array.from(ys), rows: ys.length };
console.log(`${set.rows} training sentences, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const t1 = performance.now();
const model: ScoringModel =
  values.model === "ridge"
    ? fitRidge(set, 1)
    : fitGbrt(set, { trees: Number(values.trees), depth: Number(values.depth), seed: 7 });
console.log(`fitted ${model.kind} in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
if (model.kind === "linear") {
  model.features.forEach((f, j) => console.log(`  ${f.padEnd(18)} ${model.weights[j]!.toFixed(4)}`));
}

if (!values["dry-run"]) {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const compact =
    model.kind === "linear"
      ? { ...model, mean: model.mean.map(round), scale: model.scale.map(round), weights: model.weights.map(round) }
      : {
          ...model,
          trees: model.trees.map((t) => ({ ...t, threshold: t.threshold.map(round), value: t.value.map(round) })),
        };
  writeFileSync(`${values.out}/model.json`, JSON.stringify(compact));
  writeFileSync(
    `${values.out}/background.json`,
    JSON.stringify({ docs: nArticles, stems: kept.map((k) => k[0]), df: kept.map((k) => k[1]) }),
  );
  console.log(`wrote ${values.out}/model.json and background.json`);
}
