/**
 * News-stream benchmark on multinews-val.jsonl: the documents of N clusters, shuffled with a fixed seed,
 * are ingested one by one (as `newsweave ingest --as-stream` does) into a fresh SQLite store; the gold
 * story of each document is its cluster.
 *
 * Prints: B-cubed precision/recall/F1 and pairwise F1 for N = 200, 1,000 and all clusters; throughput
 * (storage included); time per 1,000 articles with 1k, 10k and 20k articles stored; near-duplicate
 * detection precision/recall on planted copies.
 *
 * The default threshold was tuned on the first 1,000 clusters (`--tune`); N = 200 and N = 1,000 are
 * measured on the clusters after them (held out), "all" on every cluster.
 *
 * Usage: node --import tsx bench/stream.ts [--data file] [--tune] [--quick]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestBytes } from "../src/ingest/index.ts";
import { splitSentences } from "../src/segment/index.ts";
import { openSqliteStore } from "../src/store/index.ts";
import type { Store } from "../src/store/types.ts";
import type { ClusterOptions } from "../src/story/cluster.ts";
import { scoreClustering } from "../src/story/eval.ts";
import { ingestArticles, type StreamOptions } from "../src/story/stream.ts";
import type { Article } from "../src/types.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const file = value("--data") ?? "../shared/bench/multinews-val.jsonl";
const TUNE_CLUSTERS = 1000;

const all = ingestBytes(readFileSync(file), file);
const clusterIds = [...new Set(all.map((a) => a.origin.cluster!))];
const byCluster = new Map<string, Article[]>();
for (const a of all) {
  const list = byCluster.get(a.origin.cluster!);
  if (list) list.push(a);
  else byCluster.set(a.origin.cluster!, [a]);
}

/** Deterministic PRNG (LCG) and Fisher–Yates shuffle. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
function shuffle<T>(xs: T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function docsOf(clusters: readonly string[], seed = 7): Article[] {
  return shuffle(
    clusters.flatMap((c) => byCluster.get(c)!),
    seed,
  );
}

const tmp = mkdtempSync(join(tmpdir(), "newsweave-bench-"));
let dbCount = 0;
function freshStore(memory = false): Store {
  return openSqliteStore(memory ? ":memory:" : join(tmp, `b${++dbCount}.db`));
}

interface RunResult {
  seconds: number;
  scores: ReturnType<typeof scoreClustering>;
  stories: number;
  merges: number;
}

async function runStream(docs: Article[], options: StreamOptions = {}, memory = false): Promise<RunResult> {
  const store = freshStore(memory);
  const t0 = performance.now();
  const report = await ingestArticles(store, docs, options);
  const seconds = (performance.now() - t0) / 1000;
  const predicted = new Map<string, string>();
  for (const [story, ids] of await store.membership()) for (const id of ids) predicted.set(id, story);
  const gold = new Map(docs.map((a) => [a.id, a.origin.cluster!]));
  const stories = (await store.stats()).stories;
  await store.close();
  return { seconds, scores: scoreClustering(predicted, gold), stories, merges: report.merges };
}

const f3 = (x: number) => x.toFixed(3);

function line(label: string, docs: number, clusters: number, r: RunResult): string {
  const s = r.scores;
  return (
    `${label.padEnd(24)} docs ${String(docs).padStart(6)}  gold ${String(clusters).padStart(5)}  stories ${String(r.stories).padStart(5)}  ` +
    `B3 P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)}  pair P ${f3(s.pairPrecision)} R ${f3(s.pairRecall)} F1 ${f3(s.pairF1)}  ` +
    `${Math.round(docs / r.seconds)} art/s  merges ${r.merges}`
  );
}

async function tune(): Promise<void> {
  const clusters = clusterIds.slice(0, TUNE_CLUSTERS);
  const docs = docsOf(clusters);
  console.log(`tuning on the first ${clusters.length} clusters (${docs.length} docs), B-cubed F1`);
  const grid: ClusterOptions[] = [];
  for (const threshold of [0.18, 0.2, 0.22])
    for (const sizePenalty of [0, 0.03, 0.06, 0.1])
      for (const [mergeThreshold, mergeSimilarity] of [
        [9, 1],
        [0.3, 0.3],
      ] as const)
        grid.push({ threshold, sizePenalty, mergeThreshold, mergeSimilarity });
  const results: Array<{ o: ClusterOptions; f1: number; r: RunResult }> = [];
  for (const o of grid) {
    const r = await runStream(docs, o, true);
    results.push({ o, f1: r.scores.f1, r });
  }
  results.sort((a, b) => b.f1 - a.f1);
  for (const { o, r } of results.slice(0, 12))
    console.log(line(JSON.stringify(o), docs.length, clusters.length, r));
}

/** A copy of an article in invented words (a fixed substitution per word): same statistics, no overlap. */
function cipher(a: Article, tag: string): Article {
  const text = a.text.replace(/[A-Za-z]+/g, (w) => {
    let h = 0;
    for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
    const letters = "bcdfghjklmnpqrstvwxz";
    const vowels = "aeiou";
    let out = "";
    for (let i = 0; i < Math.max(2, w.length); i++) {
      h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ (i + tag.length);
      out += i % 2 === 0 ? letters[(h >>> 3) % letters.length] : vowels[(h >>> 5) % vowels.length];
    }
    return out;
  });
  return { ...a, id: `${tag}/${a.id}`, text, origin: { ...a.origin, cluster: `${tag}/${a.origin.cluster}` } };
}

async function curve(): Promise<void> {
  const base = docsOf(clusterIds, 11);
  const extra: Article[] = [];
  for (let k = 0; base.length + extra.length < 20_000; k++)
    extra.push(...docsOf(clusterIds, 100 + k).map((a) => cipher(a, `x${k}`)));
  extra.length = 20_000 - base.length;
  // mixed, so every block of 1,000 has the same share of real and invented-word articles
  const docs = shuffle([...base, ...extra], 12);
  const store = freshStore();
  const blocks: number[] = [];
  for (let start = 0; start < docs.length; start += 1000) {
    const t0 = performance.now();
    await ingestArticles(store, docs.slice(start, start + 1000));
    blocks.push(performance.now() - t0);
  }
  const stats = await store.stats();
  await store.close();
  console.log(
    `\nper-article cost vs store size (${docs.length} articles: the ${base.length} val docs and ${extra.length} copies of val docs in invented words, shuffled; ${stats.stories} stories):`,
  );
  for (const at of [1, 5, 10, 15, 20]) {
    const ms = blocks[at - 1]!;
    console.log(
      `  ${String(at * 1000).padStart(6)} stored: ${(ms / 1000).toFixed(2)} s for articles ${(at - 1) * 1000}–${at * 1000} (${Math.round(1e6 / ms)} art/s)`,
    );
  }
  const total = blocks.reduce((a, b) => a + b, 0) / 1000;
  console.log(`  all 20,000: ${total.toFixed(1)} s (${Math.round(20_000 / total)} art/s)`);
}

/** Near-copies of an article: another headline, a trimmed end, another byline. */
function nearCopies(a: Article, k: number): Article[] {
  const spans = splitSentences(a.text);
  let trimmed = a.text;
  if (spans.length >= 4) {
    let cut = spans.length - 1;
    while (cut > 1 && a.text.length - spans[cut]!.start < a.text.length * 0.12) cut--;
    trimmed = a.text.slice(0, spans[cut]!.start).trimEnd();
  }
  const origin = { ...a.origin };
  return [
    { ...a, id: `${a.id}#headline`, title: `Updated: story ${k} develops`, origin },
    { ...a, id: `${a.id}#trimmed`, text: trimmed, origin },
    {
      ...a,
      id: `${a.id}#byline`,
      text: `By Jordan Example, Staff Writer\n${a.text}`,
      author: "Jordan Example",
      origin,
    },
  ];
}

async function duplicates(): Promise<void> {
  const clusters = clusterIds.slice(TUNE_CLUSTERS, TUNE_CLUSTERS + 1000);
  const originals = docsOf(clusters, 5);
  const r = rng(99);
  const planted: Article[] = [];
  const source = new Map<string, string>();
  originals.forEach((a, k) => {
    if (r() < 0.15 && splitSentences(a.text).length >= 4) {
      for (const c of nearCopies(a, k)) {
        planted.push(c);
        source.set(c.id, a.id);
      }
    }
  });
  // originals first in stream order, copies shuffled among the later half
  const stream = [...originals, ...shuffle(planted, 3)];
  const store = freshStore();
  const report = await ingestArticles(store, stream);
  await store.close();
  let tp = 0;
  let fp = 0;
  let fpSameCluster = 0;
  const kinds = new Map<string, [number, number]>();
  const gold = new Map(stream.map((a) => [a.id, a.origin.cluster!]));
  for (const o of report.outcomes) {
    const want = source.get(o.id);
    const kind = want ? o.id.slice(o.id.lastIndexOf("#") + 1) : "";
    if (want) {
      const k = kinds.get(kind) ?? [0, 0];
      k[1]++;
      if (o.status === "duplicate" && o.duplicateOf === (source.get(want) ?? want)) k[0]++;
      kinds.set(kind, k);
    }
    if (o.status !== "duplicate") continue;
    if (want && o.duplicateOf === want) tp++;
    else {
      fp++;
      if (gold.get(o.id) === gold.get(o.duplicateOf!)) fpSameCluster++;
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / planted.length;
  console.log(
    `\nnear-duplicates: ${planted.length} planted copies of ${planted.length / 3} articles among ${originals.length} (held-out clusters)`,
  );
  console.log(
    `  precision ${f3(precision)}  recall ${f3(recall)}  (false links ${fp}, of which ${fpSameCluster} inside one gold cluster: real syndicated copies in the data)`,
  );
  for (const [kind, [hit, n]] of kinds)
    console.log(`  ${kind.padEnd(9)} recall ${f3(hit / n)} (${hit}/${n})`);
}

async function main(): Promise<void> {
  if (flag("--tune")) {
    await tune();
    return;
  }
  console.log(`data: ${file} (${clusterIds.length} clusters, ${all.length} documents)`);
  console.log("clustering (documents shuffled, seed 7, ingested one by one into a fresh SQLite file):");
  const held = clusterIds.slice(TUNE_CLUSTERS);
  for (const [label, clusters] of [
    ["N=200 (held out)", held.slice(0, 200)],
    ["N=1000 (held out)", held.slice(0, 1000)],
    ["N=1000 (tuning part)", clusterIds.slice(0, TUNE_CLUSTERS)],
    ...(flag("--quick") ? [] : [["N=all", clusterIds]]),
  ] as Array<[string, string[]]>) {
    const docs = docsOf(clusters);
    console.log(line(label, docs.length, clusters.length, await runStream(docs)));
  }
  if (!flag("--quick")) await curve();
  await duplicates();
}

try {
  await main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
