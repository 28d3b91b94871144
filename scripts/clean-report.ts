/**
 * Reports what the clean stage removes on the Multi-News dev set, so a human can judge both kinds of error:
 * share of characters removed, counts per reason, 20 sampled removed lines and 20 sampled short kept lines.
 *
 *   node --import tsx scripts/clean-report.ts [file.jsonl] [--seed N] [--samples N]
 *   node --import tsx scripts/clean-report.ts --bench [file.jsonl]   # words/s of cleanCluster
 */
import { readFileSync } from "node:fs";
import { cleanCluster } from "../src/clean/index.ts";
import { countWords } from "../src/clean/lines.ts";
import { NewsweaveError } from "../src/errors.ts";
import type { Article, CleanArticle, RemovalReason } from "../src/types.ts";

interface Args {
  file: string;
  seed: number;
  samples: number;
  bench: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: "", seed: 7, samples: 20, bench: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--bench") args.bench = true;
    else if (a === "--seed") args.seed = Number(argv[++i]);
    else if (a === "--samples") args.samples = Number(argv[++i]);
    else if (a.startsWith("--")) throw new NewsweaveError("USAGE", `unknown option ${a}`);
    else args.file = a;
  }
  if (!args.file)
    args.file = args.bench ? "../shared/bench/multinews-val.jsonl" : "../shared/bench/multinews-dev.jsonl";
  if (!Number.isFinite(args.seed) || !Number.isInteger(args.samples) || args.samples < 0) {
    throw new NewsweaveError("BAD_OPTION", "--seed and --samples take numbers");
  }
  return args;
}

/** Reads a bench JSONL file into clusters of articles. */
function readClusters(file: string): Article[][] {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (e) {
    throw new NewsweaveError("NOT_FOUND", `cannot read ${file}`, { file }, { cause: e });
  }
  const clusters: Article[][] = [];
  const rows = content.split("\n");
  for (let ln = 0; ln < rows.length; ln++) {
    const row = rows[ln]?.trim();
    if (!row) continue;
    let parsed: { id?: unknown; documents?: unknown };
    try {
      parsed = JSON.parse(row);
    } catch (e) {
      throw new NewsweaveError("BAD_JSON", "malformed JSON line", { file, line: ln + 1 }, { cause: e });
    }
    if (!Array.isArray(parsed.documents)) {
      throw new NewsweaveError("BAD_FIELD", "documents must be an array", {
        file,
        line: ln + 1,
        field: "documents",
      });
    }
    const cluster = String(parsed.id ?? `line-${ln + 1}`);
    clusters.push(
      parsed.documents.map((d: { text?: unknown; title?: unknown }, index: number) => {
        if (typeof d?.text !== "string") {
          throw new NewsweaveError("BAD_FIELD", "document text must be a string", {
            file,
            line: ln + 1,
            field: `documents[${index}].text`,
          });
        }
        return {
          id: `${cluster}#${index}`,
          ...(typeof d.title === "string" ? { title: d.title } : {}),
          text: d.text,
          origin: { source: file, format: "multinews" as const, line: ln + 1, index, cluster },
        };
      }),
    );
  }
  return clusters;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample<T>(items: T[], k: number, random: () => number): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, k);
}

function clip(text: string, max = 150): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function report(args: Args): void {
  const clusters = readClusters(args.file);
  let rawChars = 0;
  let removedChars = 0;
  let docs = 0;
  const perReason = new Map<RemovalReason, { spans: number; chars: number }>();
  const removedLines: { id: string; reason: RemovalReason; text: string }[] = [];
  const keptShort: { id: string; text: string }[] = [];
  const meta = { place: 0, updated: 0, author: 0, published: 0, title: 0, empty: 0 };
  for (const articles of clusters) {
    const cleaned: CleanArticle[] = cleanCluster(articles);
    cleaned.forEach((c, i) => {
      const source = articles[i] as Article;
      docs++;
      rawChars += c.raw.length;
      for (const r of c.removed) {
        const len = r.end - r.start;
        removedChars += len;
        const entry = perReason.get(r.reason) ?? { spans: 0, chars: 0 };
        entry.spans++;
        entry.chars += len;
        perReason.set(r.reason, entry);
        removedLines.push({ id: c.id, reason: r.reason, text: c.raw.slice(r.start, r.end) });
      }
      for (const line of c.text.split("\n")) {
        if (line && countWords(line) < 12) keptShort.push({ id: c.id, text: line });
      }
      if (c.place) meta.place++;
      if (c.updated) meta.updated++;
      if (c.author && !source.author) meta.author++;
      if (c.published && !source.published) meta.published++;
      if (c.title && !source.title) meta.title++;
      if (!c.text) meta.empty++;
    });
  }
  // Whitespace between kept pieces is not content: report the share of non-space characters too.
  console.log(`file: ${args.file}`);
  console.log(`clusters: ${clusters.length}, documents: ${docs}`);
  console.log(
    `characters removed: ${removedChars} of ${rawChars} (${((100 * removedChars) / Math.max(1, rawChars)).toFixed(2)}%)`,
  );
  console.log("per reason (spans, characters):");
  for (const [reason, v] of [...perReason].sort((a, b) => b[1].chars - a[1].chars)) {
    console.log(`  ${reason.padEnd(10)} ${String(v.spans).padStart(5)} ${String(v.chars).padStart(8)}`);
  }
  console.log(
    `metadata found: place ${meta.place}, updated ${meta.updated}, author ${meta.author}, ` +
      `published ${meta.published}, title ${meta.title}; empty after cleaning: ${meta.empty}`,
  );
  const random = rng(args.seed);
  console.log(`\n${args.samples} sampled REMOVED spans (seed ${args.seed}):`);
  sample(removedLines, args.samples, random).forEach((r, i) => {
    console.log(`${String(i + 1).padStart(2)}. [${r.reason}] ${r.id}: ${clip(r.text)}`);
  });
  console.log(`\n${args.samples} sampled KEPT short lines (< 12 words):`);
  sample(keptShort, args.samples, random).forEach((r, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${r.id}: ${clip(r.text)}`);
  });
}

function bench(args: Args): void {
  const clusters = readClusters(args.file);
  let words = 0;
  for (const c of clusters) for (const a of c) words += countWords(a.text);
  // One warm-up pass so the JIT has compiled the hot paths, then the timed pass.
  for (const c of clusters.slice(0, 200)) cleanCluster(c);
  const t0 = process.hrtime.bigint();
  let kept = 0;
  for (const c of clusters) for (const a of cleanCluster(c)) kept += a.text.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`file: ${args.file}`);
  console.log(`clusters: ${clusters.length}, words: ${words}, kept chars: ${kept}`);
  console.log(
    `time: ${seconds.toFixed(3)} s, ${Math.round(words / seconds).toLocaleString("en-US")} words/s`,
  );
}

// Output piped into `head` closes early: stop quietly.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

try {
  const args = parseArgs(process.argv.slice(2));
  if (args.bench) bench(args);
  else report(args);
} catch (e) {
  if (e instanceof NewsweaveError) {
    console.error(`clean-report: ${e.describe()}`);
    process.exitCode = 1;
  } else throw e;
}
