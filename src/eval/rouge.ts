/**
 * ROUGE as computed by Google's `rouge-score` package (`RougeScorer([...], use_stemmer=True)`,
 * `split_summaries=False`): ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, each with precision,
 * recall and F1.
 *
 * Tokenization (rouge-score's default tokenizer): lower-case; every run of characters outside
 * [a-z0-9] becomes a space; split on whitespace; tokens longer than 3 characters go through the
 * Porter stemmer (NLTK default mode); empty tokens are dropped.
 *
 * ROUGE-N counts n-grams with clipping (overlap = Σ min(count_ref, count_pred)).
 * ROUGE-L is the LCS of the two whole token sequences.
 * ROUGE-Lsum splits both texts on "\n" (empty lines dropped) and computes the summary-level
 * union LCS: for every reference sentence, the union of the LCS positions against each candidate
 * sentence (one LCS per pair, read back the way rouge-score does), with hits clipped by the token
 * counts of both summaries.
 *
 * Fast path for training code: `prepareReference()` tokenizes and counts a reference once;
 * `encodeTokens()` turns candidate tokens into ids of that reference's vocabulary once; then
 * `rougeNPrecomputed()` / `rougeLPrecomputed()` score any token sequence without re-tokenizing.
 */

import { NewsweaveError } from "../errors.ts";
import { stem } from "./porter.ts";

export interface RougeScore {
  p: number;
  r: number;
  f: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
  rougeLsum: RougeScore;
}

/** Token id used for prediction tokens that do not occur in the reference (they can never match). */
export const UNKNOWN_TOKEN = -1;

/** A reference summary tokenized and counted once, for scoring many predictions against it. */
export interface PreparedReference {
  /** Stemmed tokens of the whole text (rouge-score's tokenizer). */
  readonly tokens: readonly string[];
  /** Token → id; ids are 0..vocab.size-1 and only cover tokens of this reference. */
  readonly vocab: ReadonlyMap<string, number>;
  /** `tokens` as ids. */
  readonly ids: Int32Array;
  /** Token ids per non-empty line, for ROUGE-Lsum. Their concatenation equals `ids`. */
  readonly sentenceIds: readonly Int32Array[];
  /** n-gram key → count, computed on first use for each n. */
  readonly ngramCounts: Map<number, NgramCounts>;
}

/** n-gram counts of one token sequence. Keys come from `ngramKey`. */
export interface NgramCounts {
  readonly counts: Map<number | string, number>;
  /** Number of n-grams (max(0, length − n + 1)). */
  readonly total: number;
}

const NON_ALNUM = /[^a-z0-9]+/g;
const WHITESPACE = /\s+/;

function checkText(text: unknown, field: string): string {
  if (typeof text !== "string") {
    throw new NewsweaveError("BAD_FIELD", `ROUGE expects a string for the ${field}, got ${typeof text}`, {
      field,
    });
  }
  return text;
}

/** rouge-score's default tokenizer with stemming: the token list ROUGE is computed on. */
export function tokenizeForRouge(text: string): string[] {
  checkText(text, "text");
  const cleaned = text.toLowerCase().replace(NON_ALNUM, " ");
  const out: string[] = [];
  for (const raw of cleaned.split(WHITESPACE)) {
    if (raw.length === 0) continue;
    const tok = raw.length > 3 ? stem(raw) : raw;
    if (tok.length > 0) out.push(tok); // rouge-score drops empty tokens after stemming
  }
  return out;
}

/** The non-empty "\n"-separated lines of a text, tokenized (what ROUGE-Lsum compares). */
export function tokenizeSentencesForRouge(text: string): string[][] {
  checkText(text, "text");
  const out: string[][] = [];
  for (const line of text.split("\n")) {
    if (line.length > 0) out.push(tokenizeForRouge(line));
  }
  return out;
}

function fmeasure(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function score(hits: number, predTotal: number, refTotal: number): RougeScore {
  const p = hits / Math.max(predTotal, 1);
  const r = hits / Math.max(refTotal, 1);
  return { p, r, f: fmeasure(p, r) };
}

/** Prepares a reference: tokenizes it (whole text and per line) and assigns token ids. */
export function prepareReference(text: string): PreparedReference {
  checkText(text, "reference");
  const sentences = tokenizeSentencesForRouge(text);
  const vocab = new Map<string, number>();
  const tokens: string[] = [];
  const sentenceIds: Int32Array[] = [];
  for (const sentence of sentences) {
    const ids = new Int32Array(sentence.length);
    for (let i = 0; i < sentence.length; i++) {
      const tok = sentence[i]!;
      let id = vocab.get(tok);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(tok, id);
      }
      ids[i] = id;
      tokens.push(tok);
    }
    sentenceIds.push(ids);
  }
  const ids = new Int32Array(tokens.length);
  let k = 0;
  for (const s of sentenceIds) {
    ids.set(s, k);
    k += s.length;
  }
  return { tokens, vocab, ids, sentenceIds, ngramCounts: new Map() };
}

/** Maps tokens to the reference's ids; tokens absent from the reference become `UNKNOWN_TOKEN`. */
export function encodeTokens(ref: PreparedReference, tokens: readonly string[]): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = ref.vocab.get(tokens[i]!) ?? UNKNOWN_TOKEN;
  return out;
}

/**
 * A key identifying the n-gram starting at `start`, or null if it contains an unknown token.
 * Numeric (mixed radix over the vocabulary) when that stays exact, else a joined string.
 */
function ngramKey(ids: ArrayLike<number>, start: number, n: number, base: number): number | string | null {
  if (Math.log2(base) * n < 52) {
    let key = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[start + k]!;
      if (id < 0) return null;
      key = key * base + id;
    }
    return key;
  }
  let key = "";
  for (let k = 0; k < n; k++) {
    const id = ids[start + k]!;
    if (id < 0) return null;
    key += k === 0 ? String(id) : `,${id}`;
  }
  return key;
}

function countNgrams(ids: ArrayLike<number>, n: number, base: number): NgramCounts {
  const counts = new Map<number | string, number>();
  const total = Math.max(0, ids.length - n + 1);
  for (let i = 0; i < total; i++) {
    const key = ngramKey(ids, i, n, base);
    if (key === null) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, total };
}

function checkN(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new NewsweaveError("BAD_OPTION", `ROUGE-N needs a positive integer n, got ${n}`);
  }
}

/** The reference's n-gram counts (computed once per reference and n). */
export function referenceNgrams(ref: PreparedReference, n: number): NgramCounts {
  checkN(n);
  let c = ref.ngramCounts.get(n);
  if (c === undefined) {
    c = countNgrams(ref.ids, n, ref.vocab.size + 1);
    ref.ngramCounts.set(n, c);
  }
  return c;
}

function toIds(ref: PreparedReference, prediction: readonly string[] | Int32Array): Int32Array {
  return prediction instanceof Int32Array ? prediction : encodeTokens(ref, prediction);
}

/**
 * ROUGE-N of a prediction against a prepared reference. `prediction` is either rouge tokens
 * (from `tokenizeForRouge`) or ids from `encodeTokens(ref, tokens)`; pass ids when the same
 * candidate is scored many times.
 */
export function rougeNPrecomputed(
  ref: PreparedReference,
  prediction: readonly string[] | Int32Array,
  n: number,
): RougeScore {
  return scoreOf(rougeNCounts(ref, prediction, n));
}

/** What a score is made of: matched units, and the units of the prediction and of the reference. */
interface Counts {
  hits: number;
  pred: number;
  ref: number;
}

function scoreOf(c: Counts): RougeScore {
  return score(c.hits, c.pred, c.ref);
}

function rougeNCounts(ref: PreparedReference, prediction: readonly string[] | Int32Array, n: number): Counts {
  const refCounts = referenceNgrams(ref, n);
  const ids = toIds(ref, prediction);
  const predTotal = Math.max(0, ids.length - n + 1);
  if (predTotal === 0 || refCounts.total === 0) return { hits: 0, pred: predTotal, ref: refCounts.total };
  const base = ref.vocab.size + 1;
  // Clipped overlap: count prediction n-grams that exist in the reference, capped at the reference count.
  const used = new Map<number | string, number>();
  let hits = 0;
  for (let i = 0; i < predTotal; i++) {
    const key = ngramKey(ids, i, n, base);
    if (key === null) continue;
    const available = refCounts.counts.get(key);
    if (available === undefined) continue;
    const u = used.get(key) ?? 0;
    if (u < available) {
      used.set(key, u + 1);
      hits++;
    }
  }
  return { hits, pred: predTotal, ref: refCounts.total };
}

let rowA = new Int32Array(0);
let rowB = new Int32Array(0);

/** Length of the longest common subsequence of two id sequences (two-row DP). */
export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const cols = b.length;
  if (a.length === 0 || cols === 0) return 0;
  if (rowA.length < cols + 1) {
    rowA = new Int32Array(cols + 1);
    rowB = new Int32Array(cols + 1);
  }
  let prev = rowA;
  let cur = rowB;
  prev.fill(0, 0, cols + 1);
  cur[0] = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    for (let j = 1; j <= cols; j++) {
      if (x >= 0 && x === b[j - 1]) cur[j] = prev[j - 1]! + 1;
      else {
        const up = prev[j]!;
        const left = cur[j - 1]!;
        cur[j] = Math.max(up, left);
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[cols]!;
}

/** ROUGE-L (LCS over the whole token sequences) against a prepared reference. */
export function rougeLPrecomputed(
  ref: PreparedReference,
  prediction: readonly string[] | Int32Array,
): RougeScore {
  return scoreOf(rougeLCounts(ref, prediction));
}

function rougeLCounts(ref: PreparedReference, prediction: readonly string[] | Int32Array): Counts {
  const ids = toIds(ref, prediction);
  const hits = ref.ids.length === 0 || ids.length === 0 ? 0 : lcsLength(ref.ids, ids);
  return { hits, pred: ids.length, ref: ref.ids.length };
}

let table = new Int32Array(0);

/**
 * Positions in `ref` of one LCS of `ref` and `can`, read back from the end exactly as rouge-score
 * does (on a tie, step back in the reference), marked in `mark` with the value `stamp`.
 */
function markLcs(ref: Int32Array, can: Int32Array, mark: Int32Array, stamp: number): void {
  const rows = ref.length;
  const cols = can.length;
  if (rows === 0 || cols === 0) return;
  const width = cols + 1;
  const size = (rows + 1) * width;
  if (table.length < size) table = new Int32Array(Math.max(size, table.length * 2));
  const t = table;
  t.fill(0, 0, width);
  for (let i = 1; i <= rows; i++) {
    const x = ref[i - 1]!;
    const row = i * width;
    const up = row - width;
    t[row] = 0;
    for (let j = 1; j <= cols; j++) {
      if (x >= 0 && x === can[j - 1]) t[row + j] = t[up + j - 1]! + 1;
      else {
        const a = t[up + j]!;
        const b = t[row + j - 1]!;
        t[row + j] = Math.max(a, b);
      }
    }
  }
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1] && ref[i - 1]! >= 0) {
      mark[i - 1] = stamp;
      i--;
      j--;
    } else if (t[i * width + j - 1]! > t[(i - 1) * width + j]!) {
      j--;
    } else {
      i--;
    }
  }
}

/** ROUGE-Lsum (summary-level union LCS over lines) against a prepared reference. */
export function rougeLsumPrecomputed(
  ref: PreparedReference,
  predictionSentences: readonly (readonly string[] | Int32Array)[],
): RougeScore {
  return scoreOf(rougeLsumCounts(ref, predictionSentences));
}

function rougeLsumCounts(
  ref: PreparedReference,
  predictionSentences: readonly (readonly string[] | Int32Array)[],
): Counts {
  const refSents = ref.sentenceIds;
  const canSents = predictionSentences.map((s) => toIds(ref, s));
  const m = ref.ids.length;
  let n = 0;
  for (const s of canSents) n += s.length;
  if (refSents.length === 0 || canSents.length === 0 || m === 0 || n === 0)
    return { hits: 0, pred: n, ref: m };

  // Token counts of both summaries (only reference tokens can ever be hits, so ids suffice).
  const vocabSize = ref.vocab.size;
  const refLeft = new Int32Array(vocabSize);
  const canLeft = new Int32Array(vocabSize);
  for (let k = 0; k < ref.ids.length; k++) refLeft[ref.ids[k]!]!++;
  for (const s of canSents) for (let k = 0; k < s.length; k++) if (s[k]! >= 0) canLeft[s[k]!]!++;

  let hits = 0;
  let mark = new Int32Array(0);
  let stamp = 0;
  for (const r of refSents) {
    if (mark.length < r.length) mark = new Int32Array(Math.max(r.length, mark.length * 2));
    stamp++;
    for (const c of canSents) markLcs(r, c, mark, stamp);
    // Union of LCS positions, in reference order.
    for (let k = 0; k < r.length; k++) {
      if (mark[k] !== stamp) continue;
      const tok = r[k]!;
      if (canLeft[tok]! > 0 && refLeft[tok]! > 0) {
        hits++;
        canLeft[tok]!--;
        refLeft[tok]!--;
      }
    }
  }
  return { hits, pred: n, ref: m };
}

/** The counts behind `rouge`. */
function rougeCounts(reference: string, prediction: string): Record<keyof RougeScores, Counts> {
  checkText(reference, "reference");
  checkText(prediction, "prediction");
  const ref = prepareReference(reference);
  const predSentences = tokenizeSentencesForRouge(prediction);
  const predIds = predSentences.map((s) => encodeTokens(ref, s));
  let total = 0;
  for (const s of predIds) total += s.length;
  const all = new Int32Array(total);
  let k = 0;
  for (const s of predIds) {
    all.set(s, k);
    k += s.length;
  }
  return {
    rouge1: rougeNCounts(ref, all, 1),
    rouge2: rougeNCounts(ref, all, 2),
    rougeL: rougeLCounts(ref, all),
    rougeLsum: rougeLsumCounts(ref, predIds),
  };
}

/** ROUGE-1/2/L/Lsum of `prediction` against `reference`, as rouge-score computes them (stemmed). */
export function rouge(reference: string, prediction: string): RougeScores {
  const c = rougeCounts(reference, prediction);
  return {
    rouge1: scoreOf(c.rouge1),
    rouge2: scoreOf(c.rouge2),
    rougeL: scoreOf(c.rougeL),
    rougeLsum: scoreOf(c.rougeLsum),
  };
}

/**
 * How several references of one cluster are combined:
 * - `average`: ROUGE-1.5.5's model average (`-f A`, the DUC/TAC convention): hits and reference counts are
 *   summed over the references, so recall is total hits over total reference n-grams and precision total
 *   hits over the prediction's n-grams counted once per reference (no jackknifing);
 * - `max`: the best reference per metric by F1 (Google rouge-score's `score_multi`);
 * - `first`: the first reference only.
 * With one reference all three are the same number.
 */
export type MultiReference = "average" | "max" | "first";
export const MULTI_REFERENCE_MODES: readonly MultiReference[] = ["average", "max", "first"];

/** Refuses a way of combining references that is not one of MULTI_REFERENCE_MODES. */
export function checkReferenceMode(mode: string): void {
  if (!(MULTI_REFERENCE_MODES as readonly string[]).includes(mode))
    throw new NewsweaveError("BAD_OPTION", `unknown reference mode "${mode}": use average, max or first`, {
      field: "references",
    });
}

/** ROUGE-1/2/L/Lsum of `prediction` against several references, combined as `mode` says. */
export function rougeMulti(
  references: readonly string[],
  prediction: string,
  mode: MultiReference = "average",
): RougeScores {
  if (references.length === 0)
    throw new NewsweaveError("BAD_OPTION", "no reference to score against", { field: "references" });
  checkReferenceMode(mode);
  if (mode === "first" || references.length === 1) return rouge(references[0]!, prediction);
  const metrics = ["rouge1", "rouge2", "rougeL", "rougeLsum"] as const;
  const out = {} as RougeScores;
  if (mode === "max") {
    const each = references.map((r) => rouge(r, prediction));
    for (const m of metrics) out[m] = { ...each.reduce((a, b) => (b[m].f > a[m].f ? b : a))[m] };
    return out;
  }
  // model average: matched units and reference units summed over the references, the prediction's
  // units counted once per reference
  const counts = references.map((r) => rougeCounts(r, prediction));
  for (const m of metrics) {
    const sum: Counts = { hits: 0, pred: 0, ref: 0 };
    for (const c of counts) {
      sum.hits += c[m].hits;
      sum.pred += c[m].pred;
      sum.ref += c[m].ref;
    }
    out[m] = scoreOf(sum);
  }
  return out;
}
