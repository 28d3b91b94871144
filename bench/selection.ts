/**
 * Compares selection strategies on the same learned scores: the product's greedy selection (learned
 * score, redundancy filter) against Gillick & Favre-style concept coverage (content bigrams weighted by
 * the number of articles that contain them, greedy gain per word) and mixtures of the two.
 * Usage: node --import tsx bench/selection.ts [bench.jsonl] [words]
 */
import { readFileSync } from "node:fs";
import { rouge } from "../src/eval/rouge.ts";
import { readJsonlClusters } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import { analyzeCluster, type ClusterAnalysis, selectSentences } from "../src/summarize/index.ts";
import type { Doc } from "../src/types.ts";

const file = process.argv[2] ?? "../shared/bench/multinews-dev.jsonl";
const words = Number(process.argv[3] ?? 230);
const { clusters } = readJsonlClusters(readFileSync(file, "utf8"), file);

/** Greedy budgeted maximisation of covered concept weight per word, plus lambda times the z-scored learned score. */
function coverage(an: ClusterAnalysis, lambda: number): number[] {
  const { rep, scores } = an;
  let mean = 0;
  for (const s of scores) mean += s;
  mean /= Math.max(1, scores.length);
  let sd = 0;
  for (const s of scores) sd += (s - mean) ** 2;
  sd = Math.sqrt(sd / Math.max(1, scores.length)) || 1;
  const covered = new Set<number>();
  const chosen: number[] = [];
  const open = new Set<number>();
  rep.sents.forEach((s, i) => {
    if (s.nWords >= 6 && s.endsWithPunct && !s.quoteOpenAtStart && !s.quoteOpenAtEnd) open.add(i);
  });
  let total = 0;
  while (total < words && open.size > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of open) {
      const s = rep.sents[i]!;
      let gain = 0;
      for (const b of s.bigrams) if (!covered.has(b) && rep.bigramDocs[b]! >= 2) gain += rep.bigramDocs[b]!;
      const value = gain / s.nWords + lambda * ((scores[i]! - mean) / sd);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    open.delete(best);
    chosen.push(best);
    total += rep.sents[best]!.nWords;
    for (const b of rep.sents[best]!.bigrams) covered.add(b);
  }
  return chosen;
}

function text(docs: Doc[], an: ClusterAnalysis, ids: number[]): string {
  const out: string[] = [];
  let count = 0;
  for (const id of ids) {
    const s = an.rep.sents[id]!;
    const ws = docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end).split(/\s+/).filter(Boolean);
    if (count >= words) break;
    out.push(ws.slice(0, words - count).join(" "));
    count += Math.min(ws.length, words - count);
  }
  return out.join("\n");
}

const strategies: Array<[string, (an: ClusterAnalysis) => number[]]> = [
  [
    "learned score less novelty penalty, greedy + redundancy filter (product)",
    (an) => selectSentences(an, { words }),
  ],
  ["learned score alone, greedy + redundancy filter", (an) => selectSentences(an, { words, novelty: 0 })],
  ["concept coverage (bigram document frequency)", (an) => coverage(an, 0)],
  ["coverage + 0.3 x learned score", (an) => coverage(an, 0.3)],
  ["coverage + 1.0 x learned score", (an) => coverage(an, 1)],
];
const sums = strategies.map(() => [0, 0]);
for (const c of clusters) {
  if (c.references.length === 0) continue;
  const docs = prepare(c.articles);
  const an = analyzeCluster(docs);
  strategies.forEach(([, select], k) => {
    const r = rouge(c.references[0]!, text(docs, an, select(an)));
    sums[k]![0]! += r.rouge1.f;
    sums[k]![1]! += r.rouge2.f;
  });
}
console.log(`${clusters.length} clusters from ${file}, ${words} words (truncated), ROUGE F1 x 100`);
strategies.forEach(([name], k) => {
  const n = clusters.length;
  console.log(
    `${name.padEnd(52)} R-1 ${((100 * sums[k]![0]!) / n).toFixed(2)}  R-2 ${((100 * sums[k]![1]!) / n).toFixed(2)}`,
  );
});
