/**
 * What the story stage sees of an article: a sparse TF-IDF vector of content stems (title counted
 * twice), entity-like keys (capitalised words inside sentences, numbers), a MinHash sketch of the body
 * and a content hash. Pure functions of the cleaned article and the background statistics.
 */
import { createHash } from "node:crypto";
import type { Background } from "../align/represent.ts";
import { stem } from "../eval/porter.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { isCjkIdeograph, wordTokens } from "../segment/index.ts";
import type { Article, CleanArticle } from "../types.ts";
import { hashString } from "./hash.ts";
import { bandKeys, type MinHashOptions, type Sketch, sketchText } from "./minhash.ts";

/** A sparse vector: term ids sorted ascending, with weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float32Array;
}

export interface ArticleFeatures {
  /** Unit-length TF-IDF vector over the article's strongest content stems. */
  vector: SparseVector;
  /** Entity-like keys (hashes), sorted, distinct. */
  entities: Int32Array;
  sketch: Sketch;
  /** LSH band keys of the sketch. */
  bands: Int32Array;
  /** Number of content words in the title and body. */
  words: number;
}

export interface FeatureOptions extends MinHashOptions {
  /** Background document frequencies for IDF (the summarizer's shipped table by default). */
  background?: Background;
  /** Terms kept in an article vector (default 100). */
  maxTerms?: number;
  /** Weight of title occurrences relative to body ones (default 2). */
  titleWeight?: number;
}

export const DEFAULT_MAX_TERMS = 100;

const stemCache = new Map<string, string>();
function stemCached(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const idfCache = new WeakMap<Background, Map<string, number>>();

/** IDF of a stem under a background table; unseen stems get the largest IDF. */
export function idfOf(background: Background | undefined, st: string): number {
  if (!background || background.docs <= 0) return 1;
  let cache = idfCache.get(background);
  if (!cache) {
    cache = new Map();
    idfCache.set(background, cache);
  }
  let v = cache.get(st);
  if (v === undefined) {
    const df = background.df.get(st) ?? 0;
    v = Math.log((background.docs + 1) / (df + 1));
    cache.set(st, v);
  }
  return v;
}

const SENTENCE_END = /[.!?:;"“”'‘’(\n]/;
const DIGITS = /\d/;

/** True when the token at `start` begins a sentence or a line (its capital says nothing). */
function sentenceInitial(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\u00a0") continue;
    return SENTENCE_END.test(c) || c === "—" || c === "-";
  }
  return true;
}

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

/**
 * SHA-256 of what makes an article itself: its URL (else its id), title and text. The idempotency key of
 * ingest: the same item read again (even at another position of a feed) is skipped, while the same text
 * under another URL is stored and linked as a copy.
 */
export function contentKey(article: Pick<Article, "id" | "url" | "title" | "text">): string {
  return createHash("sha256")
    .update(article.url ?? `id:${article.id}`)
    .update("\0")
    .update(article.title ?? "")
    .update("\0")
    .update(article.text)
    .digest("hex");
}

/** SHA-256 of the normalised body text: equal for exact copies under other ids. */
export function textKey(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex");
}

/** Features of a cleaned article for duplicate detection and story clustering. */
export function articleFeatures(article: CleanArticle, options: FeatureOptions = {}): ArticleFeatures {
  const background = options.background;
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  const titleWeight = options.titleWeight ?? 2;
  const tf = new Map<number, number>();
  const idf = new Map<number, number>();
  const entities = new Set<number>();
  let words = 0;
  const add = (text: string, weight: number, findEntities: boolean) => {
    let prevCjk: { end: number; norm: string } | undefined;
    for (const t of wordTokens(text)) {
      let w = t.norm;
      if (w.length === 1 && isCjkIdeograph(w.charCodeAt(0))) {
        // Chinese and Japanese: pairs of adjacent characters, as single characters ("的") say little
        const pair = prevCjk?.end === t.start ? prevCjk.norm + w : undefined;
        prevCjk = t;
        if (pair === undefined) continue;
        w = pair;
      } else prevCjk = undefined;
      if (w.length < 2 || STOPWORDS.has(w)) continue;
      words++;
      const st = stemCached(w);
      const id = hashString(st);
      tf.set(id, (tf.get(id) ?? 0) + weight);
      if (!idf.has(id)) idf.set(id, idfOf(background, st));
      if (!findEntities) continue;
      const c = text.charCodeAt(t.start);
      if (DIGITS.test(w) ? w.length >= 3 : isUpper(c) && !sentenceInitial(text, t.start)) {
        entities.add(id);
      }
    }
  };
  if (article.title) add(article.title, titleWeight, false);
  add(article.text, 1, true);

  const entries: Array<[number, number]> = [];
  for (const [id, n] of tf) entries.push([id, (1 + Math.log(n)) * idf.get(id)!]);
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = entries.slice(0, maxTerms).sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of kept) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const sketch = sketchText(article.text, options);
  return {
    vector: {
      terms: Int32Array.from(kept, (e) => e[0]),
      weights: Float32Array.from(kept, (e) => e[1] / norm),
    },
    entities: Int32Array.from([...entities].sort((a, b) => a - b)),
    sketch,
    bands: bandKeys(sketch.signature, options.rows),
    words,
  };
}

/** Dot product of two sparse vectors (merge of sorted term lists). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const u = at[i]!;
    const v = bt[j]!;
    if (u === v) {
      s += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return s;
}

export function norm(v: SparseVector): number {
  let s = 0;
  for (let i = 0; i < v.weights.length; i++) s += v.weights[i]! * v.weights[i]!;
  return Math.sqrt(s);
}

/** Number of keys two sorted distinct key lists share. */
export function sharedKeys(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const u = a[i]!;
    const v = b[j]!;
    if (u === v) {
      n++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return n;
}
