/**
 * Segment-stage throughput: words per second of `segmentArticle` over every document of
 * ../shared/bench/multinews-val.jsonl (one core, wink-nlp loaded before timing starts),
 * plus the throughput of `wordTokens` over the resulting sentences.
 *
 *   node --import tsx bench/segment.ts [path.jsonl] [--repeat N]
 */
import { readFileSync } from "node:fs";
import { segmentArticle, splitSentences, wordTokens } from "../src/segment/index.ts";
import type { CleanArticle } from "../src/types.ts";

const args = process.argv.slice(2);
const repeatAt = args.indexOf("--repeat");
const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1]) || 1) : 1;
const path =
  args.find((a, i) => !a.startsWith("--") && i !== repeatAt + 1) ?? "../shared/bench/multinews-val.jsonl";

const articles: CleanArticle[] = [];
const lines = readFileSync(path, "utf8").split("\n");
for (let ln = 0; ln < lines.length; ln++) {
  const line = lines[ln]!;
  if (!line.trim()) continue;
  const row = JSON.parse(line) as { id?: string; documents?: Array<{ text?: unknown }> };
  for (const [i, d] of (row.documents ?? []).entries()) {
    if (typeof d.text !== "string") continue;
    articles.push({
      id: `${row.id ?? ln}#${i}`,
      text: d.text,
      raw: d.text,
      pieces: [{ cleanStart: 0, rawStart: 0, length: d.text.length }],
      removed: [],
      origin: { source: path, format: "multinews", line: ln + 1, index: i },
    });
  }
}
let words = 0;
for (const a of articles) {
  const t = a.text.trim();
  if (t) words += t.split(/\s+/).length;
}

splitSentences("Warm up. Dr. Smith arrived in the U.S. at 9 a.m. on Monday."); // loads wink-nlp

let sentences = 0;
const t0 = performance.now();
for (let r = 0; r < repeat; r++) {
  for (const a of articles) sentences += segmentArticle(a).sentences.length;
}
const segMs = performance.now() - t0;

const docs = articles.map((a) => segmentArticle(a));
let tokens = 0;
const t1 = performance.now();
for (let r = 0; r < repeat; r++) {
  for (const d of docs)
    for (const s of d.sentences) tokens += wordTokens(d.article.text, s.start, s.end).length;
}
const tokMs = performance.now() - t1;

const perSec = (ms: number) => Math.round((words * repeat) / (ms / 1000));
console.log(`${articles.length} documents, ${words} words, ${sentences / repeat} sentences (x${repeat})`);
console.log(`segmentArticle: ${perSec(segMs)} words/s (${(segMs / repeat).toFixed(0)} ms per pass)`);
console.log(`wordTokens:     ${perSec(tokMs)} words/s (${tokens / repeat} tokens)`);
