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
 * `--diagnose` measures what the article representation allows, offline and with the gold labels, on the
 * held-out N = 1,000 documents: how often an article's most similar other article is in its cluster, the
 * similarity to the best same-cluster vs the best other-cluster article, the B-cubed recall a perfect-precision
 * linker would reach when it may only link pairs above a similarity, and the best B-cubed F1 of offline
 * average-link clustering (the cut chosen with the gold labels).
 *
 * Usage: node --import tsx bench/stream.ts [--data file] [--tune] [--quick] [--diagnose]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanArticle } from "../src/clean/index.ts";
import { splitSentences } from "../src/segment/index.ts";
import { openSqliteStore } from "../src/store/index.ts";
import type { Store } from "../src/store/types.ts";
import type { ClusterOptions } from "../src/story/cluster.ts";
import { scoreClustering } from "../src/story/eval.ts";
import { articleFeatures, dot } from "../src/story/features.ts";
import { ingestArticles, type StreamOptions } from "../src/story/stream.ts";
import { defaultBackground } from "../src/summarize/resources.ts";
import type { Article } from "../src/types.ts";
import { loadClusters, rng, shuffle } from "./clusters.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const file = value("--data") ?? "../shared/bench/multinews-val.jsonl";
const TUNE_CLUSTERS = 1000;

const { all, clusterIds, byCluster } = loadClusters(file);

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
    for (const sizePenalty of [0.03, 0.06, 0.1])
      for (const absorbMargin of [Number.POSITIVE_INFINITY, 0, 0.03])
        grid.push({ threshold, sizePenalty, absorbMargin });
  const results: Array<{ o: ClusterOptions; f1: number; r: RunResult }> = [];
  for (const o of grid) {
    const r = await runStream(docs, o, true);
    results.push({ o, f1: r.scores.f1, r });
  }
  results.sort((a, b) => b.f1 - a.f1);
  for (const { o, r } of results.slice(0, 12))
    console.log(
      line(
        JSON.stringify(o, (_k, v) => (v === Number.POSITIVE_INFINITY ? "off" : v)),
        docs.length,
        clusters.length,
        r,
      ),
    );
}

/** Offline look at the representation (see the header): gold labels used, nothing tuned. */
async function diagnose(): Promise<void> {
  const clusters = clusterIds.slice(TUNE_CLUSTERS, TUNE_CLUSTERS + 1000);
  const docs = docsOf(clusters);
  const background = defaultBackground();
  const vectors = docs.map((a) => articleFeatures(cleanArticle(a), { background }).vector);
  const gold = docs.map((a) => a.origin.cluster!);
  const n = docs.length;
  const sim = vectors.map((v, i) => Float64Array.from(vectors, (u, j) => (i === j ? -1 : dot(v, u))));
  let nnSame = 0;
  let withMate = 0;
  const bestSame: number[] = [];
  const bestOther: number[] = [];
  for (let i = 0; i < n; i++) {
    let same = -1;
    let other = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (gold[j] === gold[i]) same = Math.max(same, sim[i]![j]!);
      else other = Math.max(other, sim[i]![j]!);
    }
    bestOther.push(other);
    if (same < 0) continue;
    withMate++;
    bestSame.push(same);
    if (same > other) nnSame++;
  }
  const q = (xs: number[], p: number) => f3([...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!);
  const goldMap = new Map(docs.map((a) => [a.id, a.origin.cluster!]));
  const score = (label: (i: number) => number) =>
    scoreClustering(new Map(docs.map((a, i) => [a.id, String(label(i))])), goldMap);
  console.log(
    `representation on the held-out N=1000 documents (${n}, ${withMate} with another of their cluster):`,
  );
  console.log(`  nearest other article in the same cluster: ${f3(nnSame / withMate)}`);
  console.log(
    `  best same-cluster similarity  q10 ${q(bestSame, 0.1)}  q25 ${q(bestSame, 0.25)}  q50 ${q(bestSame, 0.5)}`,
  );
  console.log(
    `  best other-cluster similarity q50 ${q(bestOther, 0.5)}  q75 ${q(bestOther, 0.75)}  q90 ${q(bestOther, 0.9)}`,
  );
  const parent = new Int32Array(n);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const oracle: string[] = [];
  for (const t of [0.1, 0.15, 0.2]) {
    for (let i = 0; i < n; i++) parent[i] = i;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (gold[i] === gold[j] && sim[i]![j]! >= t) parent[find(i)] = find(j);
    const s = score(find);
    oracle.push(`≥${t}: R ${f3(s.recall)} F1 ${f3(s.f1)}`);
  }
  console.log(`  perfect precision, linking same-cluster pairs with similarity ${oracle.join(", ")}`);
  // average-link agglomerative clustering (Lance–Williams), merges recorded, then the best cut
  const S = sim.map((r) => Float64Array.from(r));
  const size = new Float64Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const nn = new Int32Array(n);
  const nnSim = new Float64Array(n);
  const best = (i: number) => {
    let b = -1;
    let bs = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++)
      if (j !== i && alive[j] && S[i]![j]! > bs) {
        bs = S[i]![j]!;
        b = j;
      }
    nn[i] = b;
    nnSim[i] = bs;
  };
  for (let i = 0; i < n; i++) best(i);
  const merges: Array<[number, number, number]> = [];
  for (;;) {
    let a = -1;
    for (let i = 0; i < n; i++) if (alive[i] && (a < 0 || nnSim[i]! > nnSim[a]!)) a = i;
    if (a < 0 || nnSim[a]! < 0.05) break;
    const b = nn[a]!;
    merges.push([a, b, nnSim[a]!]);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const v = (size[a]! * S[a]![k]! + size[b]! * S[b]![k]!) / (size[a]! + size[b]!);
      S[a]![k] = v;
      S[k]![a] = v;
    }
    size[a]! += size[b]!;
    alive[b] = 0;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === a) continue;
      if (nn[k] === a || nn[k] === b) best(k);
      else if (S[k]![a]! > nnSim[k]!) {
        nn[k] = a;
        nnSim[k] = S[k]![a]!;
      }
    }
    best(a);
  }
  let top = { t: 0, s: score((i) => i) };
  for (let t = 0.1; t <= 0.4; t += 0.01) {
    for (let i = 0; i < n; i++) parent[i] = i;
    for (const [a, b, h] of merges) if (h >= t) parent[find(b)] = find(a);
    const s = score(find);
    if (s.f1 > top.s.f1) top = { t, s };
  }
  const s = top.s;
  console.log(
    `  offline average-link clustering, best cut (${top.t.toFixed(2)}): B3 P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)}  pair F1 ${f3(s.pairF1)}`,
  );
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
  if (flag("--diagnose")) {
    await diagnose();
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
