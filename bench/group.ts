import { scoreClustering } from "../src/story/eval.ts";
import { type GroupOptions, groupArticles } from "../src/story/group.ts";
import { loadClusters, shuffle } from "./clusters.ts";

const args = process.argv.slice(2);
const value = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const file = value("--data") ?? "../shared/bench/multinews-val.jsonl";
const TUNE_CLUSTERS = 4500;

const { clusterIds, byCluster } = loadClusters(file);

/** Set sizes (clusters) and how many windows of each are averaged. */
const SIZES: ReadonlyArray<[number, number]> = [
  [3, 40],
  [10, 20],
  [30, 10],
  [100, 5],
  [300, 3],
  [1000, 1],
];

interface SizeResult {
  n: number;
  docs: number;
  f1: number;
  seconds: number;
}

/** Options for a set of `articles` articles (the tuning sets the threshold from the set's size). */
type OptionsFor = (articles: number) => GroupOptions;

function measure(ids: readonly string[], optionsFor: OptionsFor): { sizes: SizeResult[]; feed: number } {
  const sizes: SizeResult[] = [];
  for (const [n, windows] of SIZES) {
    const w = Math.max(1, Math.min(windows, Math.floor(ids.length / n)));
    let f1 = 0;
    let docs = 0;
    let seconds = 0;
    for (let k = 0; k < w; k++) {
      const start = w > 1 ? Math.floor((k * (ids.length - n)) / (w - 1)) : 0;
      const set = shuffle(
        ids.slice(start, start + n).flatMap((c) => byCluster.get(c)!),
        7 + k,
      );
      const t0 = performance.now();
      const groups = groupArticles(set, optionsFor(set.length));
      seconds += (performance.now() - t0) / 1000;
      const predicted = new Map<string, string>();
      groups.forEach((g, s) => {
        for (const i of g) predicted.set(set[i]!.id, String(s));
      });
      f1 += scoreClustering(predicted, new Map(set.map((a) => [a.id, a.origin.cluster!]))).f1;
      docs += set.length;
    }
    sizes.push({ n, docs: docs / w, f1: f1 / w, seconds });
  }
  // a feed: the first article of each of 20 clusters, 20 stories expected
  let feed = 0;
  let feeds = 0;
  for (let s = 0; s + 20 <= ids.length && feeds < 20; s += 20, feeds++) {
    const set = ids.slice(s, s + 20).map((c) => byCluster.get(c)![0]!);
    feed += groupArticles(set, optionsFor(set.length)).length / 20;
  }
  return { sizes, feed: feed / Math.max(1, feeds) };
}

function meanF1(r: ReturnType<typeof measure>): number {
  return r.sizes.reduce((a, s) => a + s.f1, 0) / r.sizes.length;
}

function report(label: string, r: ReturnType<typeof measure>): string {
  const cells = r.sizes.map((s) => `N=${s.n} (${Math.round(s.docs)} art) ${s.f1.toFixed(3)}`);
  return `${label.padEnd(30)} mean ${meanF1(r).toFixed(3)} | ${cells.join(" | ")} | feed ${r.feed.toFixed(3)} stories/article`;
}

if (args.includes("--tune")) {
  const ids = clusterIds.slice(0, TUNE_CLUSTERS);
  console.log(`tuning on clusters 0–${ids.length - 1}: B-cubed F1 per set size (N clusters)`);
  const rows: Array<{ mean: number; line: string }> = [];
  for (const base of [0.01, 0.03, 0.05])
    for (const slope of [0.015, 0.02, 0.025])
      for (const sizePenalty of [0, 0.03, 0.05]) {
        // the rule: threshold = base + slope · ln(articles given together)
        const r = measure(ids, (articles) => ({
          threshold: base + slope * Math.log(Math.max(1, articles)),
          sizePenalty,
        }));
        rows.push({ mean: meanF1(r), line: report(`base ${base} slope ${slope} size ${sizePenalty}`, r) });
      }
  rows.sort((a, b) => b.mean - a.mean);
  for (const r of rows.slice(0, 10)) console.log(r.line);
} else {
  const ids = clusterIds.slice(TUNE_CLUSTERS);
  console.log(
    `held out: clusters ${TUNE_CLUSTERS}–${clusterIds.length - 1}, B-cubed F1 per set size (N clusters)`,
  );
  const rules: Array<[string, OptionsFor]> = [
    ["default (grows with the set)", () => ({})],
    ["fixed 0.05, no size penalty", () => ({ threshold: 0.05, sizePenalty: 0 })],
    ["fixed 0.2 (the stream's)", () => ({ threshold: 0.2, sizePenalty: 0.06 })],
  ];
  for (const [label, optionsFor] of rules) {
    const r = measure(ids, optionsFor);
    const docs = r.sizes.reduce((a, s) => a + s.docs, 0);
    const seconds = r.sizes.reduce((a, s) => a + s.seconds, 0);
    console.log(`${report(label, r)} | ${Math.round(docs / seconds)} art/s`);
  }
}
