import { stem } from "../eval/porter.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { isCjkIdeograph, wordTokens } from "../segment/index.ts";
import type { Doc, Sentence } from "../types.ts";

/** Background document frequencies (a resource: shipped default, passed in so tests can pin it). */
export interface Background {
  /** Number of documents the frequencies were counted over. */
  docs: number;
  /** Stem → number of documents containing it. */
  df: ReadonlyMap<string, number>;
  /**
   * Stem → summary-worthiness: how often the stem, when it occurs in a cluster's articles, also occurs
   * in the human summary of that cluster (smoothed). Learned from training data; optional.
   */
  prior?: ReadonlyMap<string, number>;
  /** Prior of stems not in `prior` (the overall rate). */
  priorDefault?: number;
}

/** One sentence as the summarizer and the aligner see it: ids of content stems and surface facts. */
export interface SentenceRep {
  /** Index of the article in the cluster. */
  doc: number;
  sentence: Sentence;
  /** All word tokens (including stop words). */
  nWords: number;
  /** Content-stem ids in order of appearance (repeats kept). */
  terms: Int32Array;
  /** Distinct content-stem ids, sorted, with their counts. */
  uniq: Int32Array;
  counts: Float64Array;
  /** Distinct ids of adjacent content-word bigrams (over the token sequence without stop words). */
  bigrams: Int32Array;
  /** Lower-cased normalised tokens (for dangling-opener checks and compression). */
  firstWord: string;
  capitalised: number;
  numbers: number;
  hasQuote: boolean;
  /** The sentence starts inside a quotation opened by an earlier sentence of its article. */
  quoteOpenAtStart: boolean;
  /** A quotation is still open at the end of the sentence (it continues in the next one). */
  quoteOpenAtEnd: boolean;
  endsWithPunct: boolean;
}

/**
 * Whether a mark at `i` stands where a quotation closes: after a non-space, before a space, punctuation
 * or the end. German closes „…“ with the mark English opens with, and writes »…« the other way round.
 */
export function closingPosition(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (i === 0 || prev === 32 || prev === 10 || prev === 9 || prev === 0xa0) return false;
  const next = text.charAt(i + 1);
  return next === "" || /[\s,.;:!?)\]\u2014\u2013-]/.test(next);
}

/** Whether a quotation is open after reading `text`, starting with the state `open`. */
export function quoteStateAfter(text: string, open: boolean): boolean {
  let state = open;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab) state = !(state && closingPosition(text, i));
    else if (c === 0x201e) state = true;
    else if (c === 0x201d) state = false;
    else if (c === 0xbb) state = !state && !closingPosition(text, i) && /\S/.test(text.charAt(i + 1));
    else if (c === 34) state = !state;
  }
  return state;
}

export interface ClusterRep {
  docs: readonly Doc[];
  sents: SentenceRep[];
  /** Sentence ids of each article, in order. */
  byDoc: number[][];
  vocab: Map<string, number>;
  /** Stem of each term id. */
  stems: string[];
  /** Number of articles containing each term. */
  termDocs: Int32Array;
  /** Background inverse document frequency of each term. */
  idf: Float64Array;
  /** Summary-worthiness prior of each term (0.5 everywhere when the background has none). */
  prior: Float64Array;
  /** Number of articles containing each bigram id. */
  bigramDocs: Int32Array;
  /** TF-IDF vector norm of each sentence. */
  norms: Float64Array;
  /**
   * Term weights for alignment: background IDF times the term's IDF among the cluster's sentences, so the
   * story's own topic words (in most sentences) count little and specific details decide.
   */
  alignIdf: Float64Array;
  /** Vector norm of each sentence under `alignIdf`. */
  alignNorms: Float64Array;
}

const QUOTE_RE = /["“”]/;
/** Bigram ids are keyed by first·BASE + second term id: exact (below 2^52) while a cluster has < 2^26 distinct stems. */
const BIGRAM_KEY_BASE = 67_108_864;

function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Distinct ids of a term sequence in increasing order, with how often each occurs. */
function countSorted(terms: Int32Array): { uniq: Int32Array; counts: Float64Array } {
  const sorted = terms.slice().sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const uniq = new Int32Array(distinct);
  const counts = new Float64Array(distinct);
  let at = -1;
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) uniq[++at] = sorted[k]!;
    counts[at]!++;
  }
  return { uniq, counts };
}

/** Closing quotes, brackets and spaces that do not count when asking how a sentence ends. */
function isTrailer(c: number): boolean {
  if (c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93) return true;
  if (c > 32 && c < 127) return false;
  return /\s/.test(String.fromCharCode(c));
}

/** The last character of a sentence before its closing quotes and brackets ("" if none). */
function lastSignificantChar(text: string): string {
  let end = text.length;
  while (end > 0 && isTrailer(text.charCodeAt(end - 1))) end--;
  return end > 0 ? text.charAt(end - 1) : "";
}

function isCapitalised(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c >= 65 && c <= 90;
}

/** Builds the shared representation of a cluster: tokenise, drop stop words, stem, index. */
export function representCluster(docs: readonly Doc[], background?: Background): ClusterRep {
  const vocab = new Map<string, number>();
  const stems: string[] = [];
  const bigramIds = new Map<number, number>();
  const sents: SentenceRep[] = [];
  const byDoc: number[][] = [];
  const termDocsList: number[] = [];
  const termLastDoc: number[] = [];
  const bigramDocsList: number[] = [];
  const bigramLastDoc: number[] = [];

  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const text = doc.article.text;
    const ids: number[] = [];
    let quoteOpen = false;
    let paragraph = -1;
    for (const s of doc.sentences) {
      // quotations do not run across paragraphs unless the next paragraph reopens them
      if (s.paragraph !== paragraph) {
        quoteOpen = false;
        paragraph = s.paragraph;
      }
      const toks = wordTokens(text, s.start, s.end);
      const terms: number[] = [];
      let caps = 0;
      let nums = 0;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k]!;
        let w = t.norm;
        if (k > 0 && isCapitalised(text, t.start)) caps++;
        if (hasDigit(w)) nums++;
        if (w.length === 1 && isCjkIdeograph(w.charCodeAt(0))) {
          // Chinese and Japanese: a term is a pair of adjacent characters (single ones such as 的 say little)
          const prev = toks[k - 1];
          if (prev === undefined || prev.end !== t.start || !isCjkIdeograph(prev.norm.charCodeAt(0)))
            continue;
          w = prev.norm + w;
        }
        if (STOPWORDS.has(w) || w.length < 2) continue;
        const st = stem(w);
        let id = vocab.get(st);
        if (id === undefined) {
          id = stems.length;
          vocab.set(st, id);
          stems.push(st);
          termDocsList.push(0);
          termLastDoc.push(-1);
        }
        if (termLastDoc[id] !== d) {
          termLastDoc[id] = d;
          termDocsList[id]!++;
        }
        terms.push(id);
      }
      const bg = new Set<number>();
      for (let k = 1; k < terms.length; k++) {
        const key = terms[k - 1]! * BIGRAM_KEY_BASE + terms[k]!;
        let id = bigramIds.get(key);
        if (id === undefined) {
          id = bigramDocsList.length;
          bigramIds.set(key, id);
          bigramDocsList.push(0);
          bigramLastDoc.push(-1);
        }
        if (bigramLastDoc[id] !== d) {
          bigramLastDoc[id] = d;
          bigramDocsList[id]!++;
        }
        bg.add(id);
      }
      const termArray = Int32Array.from(terms);
      const { uniq, counts } = countSorted(termArray);
      const sentenceText = text.slice(s.start, s.end);
      const last = lastSignificantChar(sentenceText);
      ids.push(sents.length);
      sents.push({
        doc: d,
        sentence: s,
        nWords: toks.length,
        terms: termArray,
        uniq,
        counts,
        bigrams: Int32Array.from([...bg].sort((a, b) => a - b)),
        firstWord: toks[0]?.norm ?? "",
        capitalised: caps,
        numbers: nums,
        hasQuote: QUOTE_RE.test(sentenceText),
        quoteOpenAtStart: quoteOpen,
        quoteOpenAtEnd: (quoteOpen = quoteStateAfter(sentenceText, quoteOpen)),
        endsWithPunct:
          last === "." || last === "!" || last === "?" || last === "。" || last === "！" || last === "？",
      });
    }
    byDoc.push(ids);
  }

  const idf = new Float64Array(stems.length);
  const bgDocs = background?.docs ?? 0;
  for (let i = 0; i < stems.length; i++) {
    if (background && bgDocs > 0) {
      const df = background.df.get(stems[i]!) ?? 0;
      idf[i] = Math.log((bgDocs + 1) / (df + 1));
    } else {
      // No background: fall back to a flat weight, so cosine is plain term overlap.
      idf[i] = 1;
    }
  }
  const prior = new Float64Array(stems.length);
  const priorDefault = background?.priorDefault ?? 0.5;
  for (let i = 0; i < stems.length; i++) prior[i] = background?.prior?.get(stems[i]!) ?? priorDefault;
  const norms = new Float64Array(sents.length);
  for (let i = 0; i < sents.length; i++) {
    const r = sents[i]!;
    let sum = 0;
    for (let k = 0; k < r.uniq.length; k++) {
      const w = r.counts[k]! * idf[r.uniq[k]!]!;
      sum += w * w;
    }
    norms[i] = Math.sqrt(sum);
  }
  const sentFreq = new Float64Array(stems.length);
  for (const r of sents) for (let k = 0; k < r.uniq.length; k++) sentFreq[r.uniq[k]!]!++;
  const alignIdf = new Float64Array(stems.length);
  for (let t = 0; t < stems.length; t++) {
    alignIdf[t] = idf[t]! * Math.log((sents.length + 1) / sentFreq[t]!);
  }
  const alignNorms = new Float64Array(sents.length);
  for (let i = 0; i < sents.length; i++) {
    const r = sents[i]!;
    let sum = 0;
    for (let k = 0; k < r.uniq.length; k++) {
      const w = r.counts[k]! * alignIdf[r.uniq[k]!]!;
      sum += w * w;
    }
    alignNorms[i] = Math.sqrt(sum);
  }
  return {
    alignIdf,
    alignNorms,
    docs,
    sents,
    byDoc,
    vocab,
    stems,
    termDocs: Int32Array.from(termDocsList),
    idf,
    prior,
    bigramDocs: Int32Array.from(bigramDocsList),
    norms,
  };
}

/** TF-IDF cosine similarity of two sentences of a cluster (merge of sorted id lists). */
export function cosine(rep: ClusterRep, a: number, b: number): number {
  const x = rep.sents[a]!;
  const y = rep.sents[b]!;
  const na = rep.norms[a]!;
  const nb = rep.norms[b]!;
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < x.uniq.length && j < y.uniq.length) {
    const u = x.uniq[i]!;
    const v = y.uniq[j]!;
    if (u === v) {
      const w = rep.idf[u]!;
      dot += x.counts[i]! * y.counts[j]! * w * w;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return dot / (na * nb);
}

/** Share of the smaller sentence's distinct content stems found in the other one. */
export function contentOverlap(rep: ClusterRep, a: number, b: number): number {
  const x = rep.sents[a]!.uniq;
  const y = rep.sents[b]!.uniq;
  const smaller = Math.min(x.length, y.length);
  if (smaller === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) {
      common++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return common / smaller;
}
