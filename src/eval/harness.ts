/**
 * The evaluation harness: runs systems on bench clusters and scores them with ROUGE against their
 * references (several per cluster are combined as ROUGE-1.5.5's model average by default, see
 * `rougeMulti`), with bootstrap confidence intervals and a paired bootstrap comparison.
 *
 * For each cluster the articles are prepared (cleaned and segmented) once; each system then runs on
 * the same documents and only its own time is recorded. Summaries are printed one sentence per line
 * and truncated to the word budget (line breaks kept, so ROUGE-Lsum sees sentences).
 */

import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { prepare } from "../pipeline.ts";
import type { Cluster, Doc } from "../types.ts";
import { type Pick, pickText, SYSTEMS, type System } from "./baselines.ts";
import { checkReferenceMode, type MultiReference, rougeMulti } from "./rouge.ts";
import { bootstrapCI, type ConfidenceInterval, pairedBootstrap } from "./stats.ts";

export interface EvaluateOptions {
  /** Word budget per summary. */
  words: number;
  /** Bootstrap resamples (default 1000). */
  bootstrap?: number;
  /** PRNG seed for the bootstrap (default 1). */
  seed?: number;
  /** Truncate every summary to `words` whitespace words (default true). */
  truncate?: boolean;
  /**
   * Truncate to this many bytes (UTF-8, a line break counting as one) instead of `words` words, as
   * ROUGE-1.5.5's `-b` does (DUC 2004 used 665); systems still get `words` as their budget.
   */
  bytes?: number;
  /** Evaluate only the first `limit` clusters. */
  limit?: number;
  /** How a cluster's several references are combined (default `average`, ROUGE-1.5.5's `-f A`). */
  references?: MultiReference;
  /** Systems not in the built-in table, by name. */
  extraSystems?: Readonly<Record<string, System>>;
  /** Called after each cluster. */
  onCluster?: (done: number, total: number) => void;
}

/** One system on one cluster. Scores are F1 × 100. */
export interface ItemRow {
  id: string;
  system: string;
  r1: number;
  r2: number;
  rl: number;
  rlsum: number;
  /** Words in the (truncated) summary. */
  words: number;
  /** The system's own time on this cluster, after the shared preparation. */
  ms: number;
}

export interface Prediction {
  id: string;
  system: string;
  /** The scored summary, one sentence per line. */
  text: string;
}

export interface SystemReport {
  system: string;
  /** Clusters scored. */
  n: number;
  /** Mean F1 × 100 with a bootstrap 95% interval. */
  rouge1: ConfidenceInterval;
  rouge2: ConfidenceInterval;
  rougeL: ConfidenceInterval;
  rougeLsum: ConfidenceInterval;
  /** Mean words per summary (after truncation). */
  words: number;
  msMedian: number;
  msMean: number;
}

export interface Comparison {
  system: string;
  against: string;
  metric: "rouge1" | "rouge2";
  /** Mean of (system − against), F1 × 100, with its bootstrap interval and one-sided p-value. */
  meanDiff: number;
  low: number;
  high: number;
  pValue: number;
}

export interface SkippedCluster {
  id: string;
  reason: string;
}

export interface EvalReport {
  words: number;
  /** How several references were combined, and the most references a scored cluster had. */
  references: MultiReference;
  maxReferences: number;
  bootstrap: number;
  seed: number;
  truncate: boolean;
  /** The byte limit the summaries were cut to, when one was given. */
  bytes?: number;
  /** Clusters scored. */
  clusters: number;
  systems: SystemReport[];
  comparisons: Comparison[];
  /** Time of the shared preparation (clean + segment) per cluster. */
  prepare: { msMedian: number; msMean: number };
  items: ItemRow[];
  predictions: Prediction[];
  skipped: SkippedCluster[];
}

/** Keeps the first `words` whitespace-separated words, keeping line breaks between kept lines. */
export function truncateWords(text: string, words: number): string {
  const out: string[] = [];
  let left = words;
  for (const line of text.split("\n")) {
    if (left <= 0) break;
    const toks = line.split(/\s+/).filter((w) => w.length > 0);
    if (toks.length === 0) continue;
    const kept = toks.slice(0, left);
    left -= kept.length;
    out.push(kept.join(" "));
  }
  return out.join("\n");
}

/**
 * Keeps the first `bytes` bytes of a summary (UTF-8; a line break counts as one, like the space ROUGE-1.5.5
 * joins lines with), cutting inside a word if it must, never inside a character.
 */
export function truncateBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  let left = bytes;
  let end = 0;
  for (const ch of text) {
    const size = ch === "\n" ? 1 : encoder.encode(ch).length;
    if (size > left) break;
    left -= size;
    end += ch.length;
  }
  return text.slice(0, end).trimEnd();
}

function wordCount(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w.length > 0) n++;
  return n;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function meanOf(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

function checkPositiveInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new NewsweaveError("BAD_OPTION", `${field} must be a positive whole number, got ${value}`, {
      field,
    });
  }
}

/** The summary text of a system's picks: one sentence per line. */
export function picksToText(docs: readonly Doc[], picks: readonly Pick[]): string {
  return picks
    .map((p) => pickText(docs, p))
    .filter((t) => t.length > 0)
    .join("\n");
}

/** Runs `systems` (names) on `clusters` and scores them. */
export function evaluate(
  clusters: readonly Cluster[],
  systems: readonly string[],
  options: EvaluateOptions,
): EvalReport {
  const { words } = options;
  const bootstrap = options.bootstrap ?? 1000;
  const seed = options.seed ?? 1;
  const truncate = options.truncate ?? true;
  if (options.bytes !== undefined) checkPositiveInt(options.bytes, "bytes");
  checkPositiveInt(words, "words");
  checkPositiveInt(bootstrap, "bootstrap");
  if (options.limit !== undefined) checkPositiveInt(options.limit, "limit");
  if (options.references !== undefined) checkReferenceMode(options.references);
  if (systems.length === 0)
    throw new NewsweaveError("BAD_OPTION", "no system to evaluate", { field: "system" });
  const table: Record<string, System> = { ...SYSTEMS, ...options.extraSystems };
  const runners = systems.map((name) => {
    const run = table[name];
    if (!run) {
      throw new NewsweaveError(
        "BAD_OPTION",
        `unknown system "${name}" (known: ${Object.keys(table).join(", ")})`,
        { field: "system" },
      );
    }
    return { name, run };
  });
  if (new Set(systems).size !== systems.length) {
    throw new NewsweaveError("BAD_OPTION", "a system is listed twice", { field: "system" });
  }

  const chosen = options.limit !== undefined ? clusters.slice(0, options.limit) : clusters;
  const items: ItemRow[] = [];
  const predictions: Prediction[] = [];
  const skipped: SkippedCluster[] = [];
  const prepareMs: number[] = [];
  const bySystem = new Map<string, ItemRow[]>(systems.map((s) => [s, []]));

  const mode = options.references ?? "average";
  let maxReferences = 0;
  chosen.forEach((cluster, k) => {
    const references = cluster.references.filter((r) => r.trim() !== "");
    if (references.length === 0 || (mode === "first" && cluster.references[0]?.trim() === "")) {
      skipped.push({ id: cluster.id, reason: "no reference summary" });
      options.onCluster?.(k + 1, chosen.length);
      return;
    }
    maxReferences = Math.max(maxReferences, references.length);
    const t0 = performance.now();
    const docs = prepare(cluster.articles);
    prepareMs.push(performance.now() - t0);
    for (const { name, run } of runners) {
      const t1 = performance.now();
      let picks: Pick[];
      try {
        picks = run(docs, words, { references: cluster.references });
      } catch (e) {
        // A cluster with nothing left after cleaning gives an empty summary, for every system alike.
        if (isNewsweaveError(e) && e.code === "EMPTY_INPUT") picks = [];
        else throw e;
      }
      const full = picksToText(docs, picks);
      const ms = performance.now() - t1;
      const text = !truncate
        ? full
        : options.bytes !== undefined
          ? truncateBytes(full, options.bytes)
          : truncateWords(full, words);
      const scores = rougeMulti(references, text, mode);
      const row: ItemRow = {
        id: cluster.id,
        system: name,
        r1: scores.rouge1.f * 100,
        r2: scores.rouge2.f * 100,
        rl: scores.rougeL.f * 100,
        rlsum: scores.rougeLsum.f * 100,
        words: wordCount(text),
        ms,
      };
      items.push(row);
      bySystem.get(name)!.push(row);
      predictions.push({ id: cluster.id, system: name, text });
    }
    options.onCluster?.(k + 1, chosen.length);
  });

  const n = chosen.length - skipped.length;
  if (n === 0) {
    throw new NewsweaveError("EMPTY_INPUT", "no cluster with a reference summary to evaluate");
  }
  const ci = (xs: number[]) => bootstrapCI(xs, { iterations: bootstrap, seed });
  const reports: SystemReport[] = systems.map((system) => {
    const rows = bySystem.get(system)!;
    const ms = rows.map((r) => r.ms);
    return {
      system,
      n: rows.length,
      rouge1: ci(rows.map((r) => r.r1)),
      rouge2: ci(rows.map((r) => r.r2)),
      rougeL: ci(rows.map((r) => r.rl)),
      rougeLsum: ci(rows.map((r) => r.rlsum)),
      words: meanOf(rows.map((r) => r.words)),
      msMedian: median(ms),
      msMean: meanOf(ms),
    };
  });

  const base = systems.includes("newsweave") ? "newsweave" : systems[0]!;
  const comparisons: Comparison[] = [];
  const baseRows = bySystem.get(base)!;
  for (const other of systems) {
    if (other === base) continue;
    const rows = bySystem.get(other)!;
    for (const metric of ["rouge1", "rouge2"] as const) {
      const pick = (r: ItemRow) => (metric === "rouge1" ? r.r1 : r.r2);
      const res = pairedBootstrap(baseRows.map(pick), rows.map(pick), { iterations: bootstrap, seed });
      comparisons.push({ system: base, against: other, metric, ...res });
    }
  }

  return {
    words,
    references: mode,
    maxReferences,
    bootstrap,
    seed,
    truncate,
    ...(options.bytes !== undefined && truncate ? { bytes: options.bytes } : {}),
    clusters: n,
    systems: reports,
    comparisons,
    prepare: { msMedian: median(prepareMs), msMean: meanOf(prepareMs) },
    items,
    predictions,
    skipped,
  };
}
