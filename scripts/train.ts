/**
 * Reproduces the shipped summarizer resources: background document frequencies and the learned
 * sentence scorer. Usage: npm run train -- [--data ../shared/bench/multinews-val.jsonl] [--limit N]
 *   [--model gbrt|ridge] [--trees N] [--depth N] [--rate R] [--min-leaf N] [--bag N] [--seed N]
 *   [--objective ls|rank [--pair-weight diff|ndcg|one] [--k N] [--sigma S] [--balance]] [--out DIR] [--dry-run]
 * Labels: for each source sentence, the mean of its ROUGE-1 and ROUGE-2 precision against the cluster's
 * reference summary (how much of what it says is in a human summary, per word), centred on the cluster's
 * mean: selection only compares sentences of one cluster, so the learner need not explain how well a
 * whole cluster overlaps with its reference.
 * Objectives of the tree model: `ls` (default, shipped) fits the centred labels by least squares; `rank`
 * learns only the order of each cluster's sentences from pairs with different labels (see fitGbrtRank).
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
import { hashString } from "../src/story/hash.ts";
import { computeFeatures, FEATURE_NAMES, N_FEATURES } from "../src/summarize/features.ts";
import type { ScoringModel } from "../src/summarize/model.ts";
import { fitGbrt, fitGbrtRank, fitRidge, type PairWeight, type TrainingSet } from "../src/summarize/train.ts";
import type { Doc } from "../src/types.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/bench/multinews-val.jsonl" },
    limit: { type: "string" },
    model: { type: "string", default: "gbrt" },
    objective: { type: "string", default: "ls" },
    "pair-weight": { type: "string", default: "diff" },
    k: { type: "string", default: "10" },
    sigma: { type: "string", default: "1" },
    "min-leaf": { type: "string", default: "100" },
    balance: { type: "boolean", default: false },
    trees: { type: "string", default: "300" },
    depth: { type: "string", default: "3" },
    rate: { type: "string", default: "0.1" },
    seed: { type: "string", default: "20" },
    "dry-run": { type: "boolean", default: false },
    "no-prior": { type: "boolean", default: false },
    bag: { type: "string", default: "6" },
    out: { type: "string", default: "src/summarize/data" },
  },
});

const PAIR_WEIGHTS: readonly string[] = ["diff", "ndcg", "one"];
if (values.objective !== "ls" && values.objective !== "rank") {
  console.error(`--objective must be ls or rank, got ${values.objective}`);
  process.exit(2);
}
if (!PAIR_WEIGHTS.includes(values["pair-weight"]!)) {
  console.error(`--pair-weight must be one of ${PAIR_WEIGHTS.join(", ")}, got ${values["pair-weight"]}`);
  process.exit(2);
}

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
const kept = [...df.entries()]
  .filter(([, n]) => n >= 2)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

// 2. Summary-worthiness priors: P(stem in the reference | stem in the cluster's articles), smoothed.
// Training features use priors cross-fitted over folds (never counted on the sentence's own cluster).
const FOLDS = 5;
const SMOOTH = 10;
const contentStems = (text: string): Set<string> => {
  const out = new Set<string>();
  for (const tok of wordTokens(text)) {
    if (STOPWORDS.has(tok.norm) || tok.norm.length < 2) continue;
    out.add(stem(tok.norm));
  }
  return out;
};
const srcCount = Array.from({ length: FOLDS }, () => new Map<string, number>());
const hitCount = Array.from({ length: FOLDS }, () => new Map<string, number>());
for (let c = 0; c < prepared.length; c++) {
  const fold = c % FOLDS;
  const ref = contentStems(used[c]!.references[0]!);
  const src = new Set<string>();
  for (const d of prepared[c]!) for (const w of contentStems(d.article.text)) src.add(w);
  for (const w of src) {
    srcCount[fold]!.set(w, (srcCount[fold]!.get(w) ?? 0) + 1);
    if (ref.has(w)) hitCount[fold]!.set(w, (hitCount[fold]!.get(w) ?? 0) + 1);
  }
}
function priors(excludeFold: number): { prior: Map<string, number>; rate: number } {
  const src = new Map<string, number>();
  const hit = new Map<string, number>();
  for (let f = 0; f < FOLDS; f++) {
    if (f === excludeFold) continue;
    for (const [w, n] of srcCount[f]!) src.set(w, (src.get(w) ?? 0) + n);
    for (const [w, n] of hitCount[f]!) hit.set(w, (hit.get(w) ?? 0) + n);
  }
  let totalSrc = 0;
  let totalHit = 0;
  for (const n of src.values()) totalSrc += n;
  for (const n of hit.values()) totalHit += n;
  const rate = totalHit / Math.max(1, totalSrc);
  const prior = new Map<string, number>();
  for (const [w, n] of src) if (n >= 3) prior.set(w, ((hit.get(w) ?? 0) + SMOOTH * rate) / (n + SMOOTH));
  return { prior, rate };
}
const dfMap = new Map(kept);
const foldBackgrounds: Background[] = Array.from({ length: FOLDS }, (_, f) => {
  const { prior, rate } = priors(f);
  return values["no-prior"]
    ? { docs: nArticles, df: dfMap }
    : { docs: nArticles, df: dfMap, prior, priorDefault: rate };
});
const shipped = priors(-1);
console.log(
  `background: ${nArticles} articles, ${kept.length} stems with df >= 2, ${shipped.prior.size} priors, base rate ${shipped.rate.toFixed(3)}`,
);

// 3. Features and labels.
const xs: number[] = [];
const ys: number[] = [];
const clusterOf: number[] = [];
/** A stable key per row (cluster, article, sentence text): the trees' row samples follow it (see TrainingSet.keys). */
const keys: number[] = [];
for (let c = 0; c < prepared.length; c++) {
  const docs = prepared[c]!;
  const rep = representCluster(docs, foldBackgrounds[c % FOLDS]);
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
    keys.push(hashString(`${used[c]!.id}\u0000${s.doc}\u0000${text}`) >>> 0);
  }
}
const clusterSum = new Map<number, [number, number]>();
clusterOf.forEach((c, i) => {
  const v = clusterSum.get(c) ?? [0, 0];
  v[0] += ys[i]!;
  v[1]++;
  clusterSum.set(c, v);
});
for (let i = 0; i < ys.length; i++) {
  const [sum, count] = clusterSum.get(clusterOf[i]!)!;
  ys[i] = ys[i]! - sum / count;
}
const set: TrainingSet = {
  x: Float64Array.from(xs),
  y: Float64Array.from(ys),
  rows: ys.length,
  keys: Uint32Array.from(keys),
};
console.log(`${set.rows} training sentences, ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const t1 = performance.now();
const treeOptions = (seed: number) => ({
  trees: Number(values.trees),
  depth: Number(values.depth),
  rate: Number(values.rate),
  minLeaf: Number(values["min-leaf"]),
  seed,
});
const gbrt = (seed: number) =>
  values.objective === "rank"
    ? fitGbrtRank(set, clusterOf, {
        ...treeOptions(seed),
        weight: values["pair-weight"] as PairWeight,
        k: Number(values.k),
        sigma: Number(values.sigma),
        balance: values.balance,
      })
    : fitGbrt(set, treeOptions(seed));
const bag = Number(values.bag);
const model: ScoringModel =
  values.model === "ridge"
    ? fitRidge(set, 1)
    : bag > 1
      ? {
          kind: "ensemble",
          features: [...FEATURE_NAMES],
          models: Array.from({ length: bag }, (_, k) => gbrt(Number(values.seed) + k)),
        }
      : gbrt(Number(values.seed));
console.log(
  `fitted ${model.kind} (${values.model === "ridge" ? "ridge" : values.objective}) in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
);
if (model.kind === "linear") {
  for (const [j, f] of model.features.entries())
    console.log(`  ${f.padEnd(18)} ${model.weights[j]!.toFixed(4)}`);
}

if (!values["dry-run"]) {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const compact = (m: ScoringModel): ScoringModel => {
    switch (m.kind) {
      case "linear":
        return { ...m, mean: m.mean.map(round), scale: m.scale.map(round), weights: m.weights.map(round) };
      case "gbrt":
        return {
          ...m,
          trees: m.trees.map((t) => ({ ...t, threshold: t.threshold.map(round), value: t.value.map(round) })),
        };
      case "ensemble":
        return { ...m, models: m.models.map((x) => compact(x) as typeof x) };
    }
  };
  writeFileSync(`${values.out}/model.json`, JSON.stringify(compact(model)));
  writeFileSync(
    `${values.out}/background.json`,
    JSON.stringify({
      docs: nArticles,
      stems: kept.map((k) => k[0]),
      df: kept.map((k) => k[1]),
      prior: values["no-prior"]
        ? undefined
        : kept.map((k) => {
            const p = shipped.prior.get(k[0]);
            return p === undefined ? -1 : Math.round(p * 1e4) / 1e4;
          }),
      priorDefault: Math.round(shipped.rate * 1e4) / 1e4,
    }),
  );
  console.log(`wrote ${values.out}/model.json and background.json`);
}
