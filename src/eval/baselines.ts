/**
 * Systems compared by the evaluation harness: the built-in baselines (lead, TextRank, LexRank), the
 * greedy ROUGE oracle (the ceiling for extraction) and Newsweave itself, through the very same
 * `summarizeDocs` that users get.
 *
 * Every system has one signature: it receives the prepared documents of one cluster and a word budget
 * and returns the sentences it chose, in output order. Whole sentences are taken until the budget is
 * reached (the last one may overshoot; the harness truncates).
 */

import { type ClusterRep, representCluster } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { summarizeDocs } from "../summarize/index.ts";
import type { Doc } from "../types.ts";
import { encodeTokens, prepareReference, tokenizeForRouge } from "./rouge.ts";

/** A chosen sentence: `docs[doc].sentences[index]`. `text` is set when the system prints other text. */
export interface Pick {
  doc: number;
  index: number;
  /** The text the system prints for this sentence, when it is not the source sentence verbatim. */
  text?: string;
}

export interface SystemContext {
  /** Reference summaries (only the oracle reads them). */
  references?: readonly string[];
}

export type System = (docs: Doc[], words: number, ctx?: SystemContext) => Pick[];

/** Sentences shorter than this (in whitespace words) are never picked by the baselines. */
export const MIN_SENTENCE_WORDS = 4;
/** Graph baselines rank at most this many sentences (the first ones of each article, round robin). */
export const MAX_GRAPH_SENTENCES = 1000;
/** PageRank damping factor. */
export const DAMPING = 0.85;
/** LexRank: cosine similarities below this are dropped from the graph. */
export const LEXRANK_THRESHOLD = 0.1;

const WS = /\s+/;

/** A sentence's text on one line (inner line breaks and runs of spaces become one space). */
export function sentenceText(doc: Doc, index: number): string {
  const s = doc.sentences[index];
  if (!s) return "";
  return doc.article.text.slice(s.start, s.end).replace(/\s+/g, " ").trim();
}

/** Number of whitespace-separated words. */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(WS)) if (w.length > 0) n++;
  return n;
}

interface Candidate {
  doc: number;
  index: number;
  text: string;
  words: number;
}

/** Every sentence of the cluster in lead order: sentence 1 of each article, then sentence 2, ... */
function roundRobin(docs: readonly Doc[]): Candidate[] {
  const out: Candidate[] = [];
  let longest = 0;
  for (const d of docs) longest = Math.max(longest, d.sentences.length);
  for (let k = 0; k < longest; k++) {
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d]!;
      if (k >= doc.sentences.length) continue;
      const text = sentenceText(doc, k);
      out.push({ doc: d, index: k, text, words: countWords(text) });
    }
  }
  return out;
}

/** Sentences a baseline may pick: long enough, and not a verbatim repeat of an earlier one. */
function eligible(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.words < MIN_SENTENCE_WORDS) continue;
    const key = c.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** Takes candidates in the given order until the budget is reached (the last may overshoot). */
function fill(ordered: readonly Candidate[], words: number): Pick[] {
  const out: Pick[] = [];
  let total = 0;
  for (const c of ordered) {
    if (total >= words) break;
    out.push({ doc: c.doc, index: c.index });
    total += c.words;
  }
  return out;
}

function checkBudget(words: number): void {
  if (!Number.isInteger(words) || words <= 0) {
    throw new NewsweaveError("BAD_OPTION", `the word budget must be a positive whole number, got ${words}`, {
      field: "words",
    });
  }
}

/** Lead baseline: the first sentences of each article, round robin. */
export const lead: System = (docs, words) => {
  checkBudget(words);
  return fill(eligible(roundRobin(docs)), words);
};

/**
 * The sentences a graph baseline ranks: eligible ones, capped at MAX_GRAPH_SENTENCES in lead order,
 * with their ids in a cluster representation built from exactly those documents.
 */
function graphNodes(docs: readonly Doc[]): { nodes: Candidate[]; rep: ClusterRep; ids: number[] } {
  const nodes = eligible(roundRobin(docs)).slice(0, MAX_GRAPH_SENTENCES);
  const rep = representCluster(docs);
  const ids = nodes.map((c) => rep.byDoc[c.doc]![c.index]!);
  return { nodes, rep, ids };
}

/**
 * Weighted PageRank by power iteration over a dense symmetric weight matrix (n × n, row-major).
 * Nodes without edges spread their mass uniformly. Returns scores summing to 1.
 */
export function pageRank(weights: Float64Array, n: number, damping = DAMPING, maxIter = 200): Float64Array {
  if (n === 0) return new Float64Array(0);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += weights[row + j]!;
    out[i] = s;
  }
  let p = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      if (out[j]! > 0) share[j] = p[j]! / out[j]!;
      else {
        share[j] = 0;
        dangling += p[j]!;
      }
    }
    const base = (1 - damping) / n + (damping * dangling) / n;
    let diff = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      // weights are symmetric: column i equals row i
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const w = weights[row + j]!;
        if (w !== 0) s += w * share[j]!;
      }
      const v = base + damping * s;
      diff += Math.abs(v - p[i]!);
      next[i] = v;
    }
    const t = p;
    p = next;
    next = t;
    if (diff < 1e-9) break;
  }
  return p;
}

/** Candidates sorted by score (best first; ties: lead order). */
function byScore(nodes: readonly Candidate[], scores: Float64Array): Candidate[] {
  const order = Array.from(nodes.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.map((k) => nodes[k]!);
}

/** Number of distinct content stems two sentences share (both id lists are sorted). */
function sharedTerms(x: Int32Array, y: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      n++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return n;
}

/**
 * TextRank (Mihalcea & Tarau 2004): sentences linked by shared words / (log|s1| + log|s2|) (shared
 * distinct content stems; lengths in words), ranked by weighted PageRank; top sentences in score order.
 */
export const textrank: System = (docs, words) => {
  checkBudget(words);
  const { nodes, rep, ids } = graphNodes(docs);
  const n = nodes.length;
  const w = new Float64Array(n * n);
  const logLen = ids.map((id) => Math.log(Math.max(1, rep.sents[id]!.nWords)));
  for (let a = 0; a < n; a++) {
    const ua = rep.sents[ids[a]!]!.uniq;
    for (let b = a + 1; b < n; b++) {
      const denom = logLen[a]! + logLen[b]!;
      if (denom <= 0) continue;
      const shared = sharedTerms(ua, rep.sents[ids[b]!]!.uniq);
      if (shared === 0) continue;
      const v = shared / denom;
      w[a * n + b] = v;
      w[b * n + a] = v;
    }
  }
  return fill(byScore(nodes, pageRank(w, n)), words);
};

/**
 * Continuous LexRank (Erkan & Radev 2004), threshold variant: TF-IDF cosine between sentences (IDF over
 * the cluster's ranked sentences), links below LEXRANK_THRESHOLD dropped, ranked by weighted PageRank.
 */
export const lexrank: System = (docs, words) => {
  checkBudget(words);
  const { nodes, rep, ids } = graphNodes(docs);
  const n = nodes.length;
  const df = new Float64Array(rep.stems.length);
  for (const id of ids) for (const t of rep.sents[id]!.uniq) df[t]!++;
  const idf = new Float64Array(rep.stems.length);
  for (let t = 0; t < idf.length; t++) idf[t] = df[t]! > 0 ? Math.log((n + 1) / df[t]!) : 0;
  const norms = ids.map((id) => {
    const s = rep.sents[id]!;
    let sum = 0;
    for (let k = 0; k < s.uniq.length; k++) {
      const v = s.counts[k]! * idf[s.uniq[k]!]!;
      sum += v * v;
    }
    return Math.sqrt(sum);
  });
  const w = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const x = rep.sents[ids[a]!]!;
    if (norms[a] === 0) continue;
    for (let b = a + 1; b < n; b++) {
      if (norms[b] === 0) continue;
      const y = rep.sents[ids[b]!]!;
      let i = 0;
      let j = 0;
      let dot = 0;
      while (i < x.uniq.length && j < y.uniq.length) {
        const u = x.uniq[i]!;
        const v = y.uniq[j]!;
        if (u === v) {
          const f = idf[u]!;
          dot += x.counts[i]! * y.counts[j]! * f * f;
          i++;
          j++;
        } else if (u < v) i++;
        else j++;
      }
      const cos = dot / (norms[a]! * norms[b]!);
      if (cos < LEXRANK_THRESHOLD) continue;
      w[a * n + b] = cos;
      w[b * n + a] = cos;
    }
  }
  return fill(byScore(nodes, pageRank(w, n)), words);
};

/**
 * Greedy oracle: repeatedly adds the sentence that most increases ROUGE-1 F1 + ROUGE-2 F1 of the summary
 * against the first reference (counted exactly as `rouge` counts them, bigrams across sentence joins
 * included), until no sentence improves it or the budget is reached. The ceiling for extraction.
 */
export const oracle: System = (docs, words, ctx) => {
  checkBudget(words);
  const reference = ctx?.references?.[0];
  if (reference === undefined) {
    throw new NewsweaveError("BAD_OPTION", "the oracle needs a reference summary", { field: "references" });
  }
  const ref = prepareReference(reference);
  const vocab = ref.vocab.size;
  const base = vocab + 1;
  const ref1 = new Int32Array(vocab);
  for (const id of ref.ids) ref1[id]!++;
  const ref2 = new Map<number, number>();
  for (let k = 1; k < ref.ids.length; k++) {
    const key = ref.ids[k - 1]! * base + ref.ids[k]!;
    ref2.set(key, (ref2.get(key) ?? 0) + 1);
  }
  const refTotal1 = ref.ids.length;
  const refTotal2 = Math.max(0, ref.ids.length - 1);
  if (refTotal1 === 0) return [];

  const cands: { c: Candidate; ids: Int32Array }[] = [];
  const seen = new Set<string>();
  for (const c of roundRobin(docs)) {
    const key = c.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const ids = encodeTokens(ref, tokenizeForRouge(c.text));
    if (ids.length > 0) cands.push({ c, ids });
  }

  const f1 = (hits: number, pred: number, refTotal: number) => {
    if (hits === 0) return 0;
    const p = hits / pred;
    const r = hits / refTotal;
    return (2 * p * r) / (p + r);
  };
  const used1 = new Int32Array(vocab);
  const used2 = new Map<number, number>();
  const tmp1 = new Int32Array(vocab);
  const tmp2 = new Map<number, number>();
  let hits1 = 0;
  let hits2 = 0;
  let tokens = 0;
  let last = -2; // last token id of the summary; -2 = empty summary
  let current = 0;
  let total = 0;
  const taken = new Uint8Array(cands.length);
  const out: Pick[] = [];

  while (total < words) {
    let best = -1;
    let bestValue = current;
    let bestGain1 = 0;
    let bestGain2 = 0;
    for (let k = 0; k < cands.length; k++) {
      if (taken[k]) continue;
      const ids = cands[k]!.ids;
      let g1 = 0;
      for (let i = 0; i < ids.length; i++) {
        const t = ids[i]!;
        if (t < 0) continue;
        if (used1[t]! + tmp1[t]! < ref1[t]!) g1++;
        tmp1[t]!++;
      }
      for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) tmp1[ids[i]!] = 0;
      let g2 = 0;
      tmp2.clear();
      for (let i = last === -2 ? 1 : 0; i < ids.length; i++) {
        const a = i === 0 ? last : ids[i - 1]!;
        const b = ids[i]!;
        if (a < 0 || b < 0) continue;
        const key = a * base + b;
        const avail = ref2.get(key);
        if (avail === undefined) continue;
        const u = (used2.get(key) ?? 0) + (tmp2.get(key) ?? 0);
        if (u < avail) g2++;
        tmp2.set(key, (tmp2.get(key) ?? 0) + 1);
      }
      const n = tokens + ids.length;
      const value = f1(hits1 + g1, n, refTotal1) + f1(hits2 + g2, n - 1, refTotal2);
      if (value > bestValue + 1e-12) {
        bestValue = value;
        best = k;
        bestGain1 = g1;
        bestGain2 = g2;
      }
    }
    if (best < 0) break;
    const chosen = cands[best]!;
    taken[best] = 1;
    const ids = chosen.ids;
    for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) used1[ids[i]!]!++;
    for (let i = last === -2 ? 1 : 0; i < ids.length; i++) {
      const a = i === 0 ? last : ids[i - 1]!;
      const b = ids[i]!;
      if (a < 0 || b < 0) continue;
      const key = a * base + b;
      if (ref2.has(key)) used2.set(key, (used2.get(key) ?? 0) + 1);
    }
    hits1 += bestGain1;
    hits2 += bestGain2;
    tokens += ids.length;
    last = ids[ids.length - 1]!;
    current = bestValue;
    total += chosen.c.words;
    out.push({ doc: chosen.c.doc, index: chosen.c.index });
  }
  return out;
};

/**
 * Newsweave itself: the summary a user gets from `summarizeDocs` (whole sentences, at most 5% over the
 * budget; the harness truncates). Letting a last sentence overshoot to fill the budget scored lower.
 */
export const newsweave: System = (docs, words) => {
  checkBudget(words);
  const byId = new Map<string, number>();
  docs.forEach((d, k) => {
    byId.set(d.article.id, k);
  });
  const summary = summarizeDocs(docs, { words });
  return summary.sentences.map((s) => ({
    doc: byId.get(s.from.articleId) ?? -1,
    index: s.from.sentence,
    text: s.text,
  }));
};

/** The systems the harness and the CLI know by name. */
export const SYSTEMS: Readonly<Record<string, System>> = Object.freeze({
  newsweave,
  lead,
  textrank,
  lexrank,
  oracle,
});

export const SYSTEM_NAMES: readonly string[] = Object.keys(SYSTEMS);

/** The printed text of a pick: its own text if the system gave one, else the source sentence. */
export function pickText(docs: readonly Doc[], pick: Pick): string {
  if (pick.text !== undefined) return pick.text.replace(/\s+/g, " ").trim();
  const doc = docs[pick.doc];
  return doc ? sentenceText(doc, pick.index) : "";
}
