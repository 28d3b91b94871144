import type { Alignment } from "../align/index.ts";
import { type ClusterRep, cosine } from "../align/represent.ts";

/** Words that make a sentence lean on what came before it. */
export const DANGLING_OPENERS: ReadonlySet<string> = new Set([
  "but",
  "and",
  "or",
  "so",
  "yet",
  "also",
  "however",
  "still",
  "then",
  "thus",
  "this",
  "that",
  "these",
  "those",
  "it",
  "its",
  "he",
  "she",
  "they",
  "them",
  "his",
  "her",
  "their",
  "him",
  "there",
  "such",
  "meanwhile",
  "instead",
  "otherwise",
  "moreover",
  "furthermore",
  "besides",
  "additionally",
  "though",
  "although",
  "because",
  "which",
  "who",
  "here",
  "now",
  "later",
  "afterward",
  "afterwards",
  "again",
]);

const FIRST_PERSON: ReadonlySet<string> = new Set([
  "i",
  "i'm",
  "i've",
  "i'd",
  "me",
  "my",
  "mine",
  "we",
  "our",
  "we're",
]);

/**
 * Sentence features of the learned scorer. Positions are absolute (sentence index), never relative to
 * the article's length: the training data is truncated, so relative positions would not transfer.
 */
export const FEATURE_NAMES = [
  "logPos",
  "isFirst",
  "isSecond",
  "logPara",
  "logLen",
  "contentShare",
  "dfSupport",
  "dfSupportSum",
  "bigramSupport",
  "bigramSupportSum",
  "centroid",
  "clusterTf",
  "alignedDocs",
  "maxSim",
  "meanBest",
  "hasQuote",
  "numbers",
  "capShare",
  "dangling",
  "endsPunct",
  "question",
  "firstPerson",
  "logDocs",
  "idfMean",
  "leadSim",
  "priorMean",
  "priorMax",
  "priorSum",
  "rankLen",
  "rankDf",
  "rankDfSum",
  "rankBigram",
  "rankBigramSum",
  "rankCentroid",
  "rankClusterTf",
  "rankMaxSim",
  "rankMeanBest",
  "rankIdf",
  "rankLeadSim",
  "rankPriorMean",
  "rankPriorSum",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const N_FEATURES = FEATURE_NAMES.length;
const COLUMN = new Map<FeatureName, number>(FEATURE_NAMES.map((name, i) => [name, i]));

function column(name: FeatureName): number {
  return COLUMN.get(name)!;
}

/** Features also given as their percentile rank within the cluster (robust to cluster size and length). */
const RANKED: ReadonlyArray<[FeatureName, FeatureName]> = [
  ["logLen", "rankLen"],
  ["dfSupport", "rankDf"],
  ["dfSupportSum", "rankDfSum"],
  ["bigramSupport", "rankBigram"],
  ["bigramSupportSum", "rankBigramSum"],
  ["centroid", "rankCentroid"],
  ["clusterTf", "rankClusterTf"],
  ["maxSim", "rankMaxSim"],
  ["meanBest", "rankMeanBest"],
  ["idfMean", "rankIdf"],
  ["leadSim", "rankLeadSim"],
  ["priorMean", "rankPriorMean"],
  ["priorSum", "rankPriorSum"],
];

/** Topical similarity (TF-IDF cosine) above which another article is counted as covering a sentence. */
const TOPICAL_MATCH = 0.35;

/** Row-major feature matrix: sentence i's features at [i * N_FEATURES, (i + 1) * N_FEATURES). */
export interface FeatureMatrix {
  rows: number;
  data: Float64Array;
}

/**
 * Computes the sentence features the learned scorer uses. All features are local to the cluster
 * (plus background IDF), so the same code serves training and summarising.
 */
export function computeFeatures(rep: ClusterRep, alignment: Alignment): FeatureMatrix {
  const n = rep.sents.length;
  const nDocs = rep.docs.length;
  const others = Math.max(1, nDocs - 1);
  const data = new Float64Array(n * N_FEATURES);

  // Cluster term frequency and centroid (tf-idf weighted).
  const clusterTf = new Float64Array(rep.stems.length);
  for (const s of rep.sents) for (let k = 0; k < s.uniq.length; k++) clusterTf[s.uniq[k]!]! += s.counts[k]!;
  let centroidNorm = 0;
  for (let t = 0; t < clusterTf.length; t++) {
    const w = clusterTf[t]! * rep.idf[t]!;
    centroidNorm += w * w;
  }
  centroidNorm = Math.sqrt(centroidNorm) || 1;

  // The opening sentences of every article: what the story is about.
  const leads: number[] = [];
  for (const ids of rep.byDoc) leads.push(...ids.slice(0, 2));

  for (let i = 0; i < n; i++) {
    const s = rep.sents[i]!;
    let leadSim = 0;
    let leadCount = 0;
    for (const l of leads) {
      if (rep.sents[l]!.doc === s.doc) continue;
      leadSim += cosine(rep, i, l);
      leadCount++;
    }
    const idx = s.sentence.index;
    const nTerms = s.uniq.length;
    let df = 0;
    let ctf = 0;
    let dot = 0;
    let idfSum = 0;
    let priorSum = 0;
    let priorMax = 0;
    for (let k = 0; k < nTerms; k++) {
      const t = s.uniq[k]!;
      const p = rep.prior[t]!;
      priorSum += p;
      if (p > priorMax) priorMax = p;
      df += (rep.termDocs[t]! - 1) / others;
      ctf += Math.log1p(clusterTf[t]! - s.counts[k]!);
      const w = rep.idf[t]!;
      dot += s.counts[k]! * w * clusterTf[t]! * w;
      idfSum += w;
    }
    let bsup = 0;
    for (let k = 0; k < s.bigrams.length; k++) if (rep.bigramDocs[s.bigrams[k]!]! >= 2) bsup++;
    let aligned = 0;
    let maxSim = 0;
    let sumBest = 0;
    const best = alignment.best[i]!;
    for (let d = 0; d < nDocs; d++) {
      if (d === s.doc) continue;
      const b = best[d]!;
      if (b >= TOPICAL_MATCH) aligned++;
      if (b > maxSim) maxSim = b;
      sumBest += b;
    }
    const text = rep.docs[s.doc]!.article.text;
    const lastChar = text.charCodeAt(s.sentence.end - 1);
    let firstPerson = 0;
    // first-person words need the token list; the terms exclude stop words, so re-check cheaply
    const sentenceText = text.slice(s.sentence.start, s.sentence.end).toLowerCase();
    for (const m of sentenceText.matchAll(/\b(i|me|my|we|our)\b/g)) if (FIRST_PERSON.has(m[0])) firstPerson++;
    const row = i * N_FEATURES;
    const f = (name: FeatureName, v: number) => {
      data[row + column(name)] = v;
    };
    f("logPos", Math.log1p(idx));
    f("isFirst", idx === 0 ? 1 : 0);
    f("isSecond", idx === 1 ? 1 : 0);
    f("logPara", Math.log1p(s.sentence.paragraph));
    f("logLen", Math.log1p(s.nWords));
    f("contentShare", s.nWords > 0 ? s.terms.length / s.nWords : 0);
    f("dfSupport", nTerms > 0 ? df / nTerms : 0);
    f("dfSupportSum", df / 10);
    f("bigramSupport", s.bigrams.length > 0 ? bsup / s.bigrams.length : 0);
    f("bigramSupportSum", bsup / 10);
    f("centroid", rep.norms[i]! > 0 ? dot / (rep.norms[i]! * centroidNorm) : 0);
    f("clusterTf", nTerms > 0 ? ctf / nTerms : 0);
    f("alignedDocs", nDocs > 1 ? aligned / others : 0);
    f("maxSim", maxSim);
    f("meanBest", nDocs > 1 ? sumBest / others : 0);
    f("hasQuote", s.hasQuote ? 1 : 0);
    f("numbers", s.nWords > 0 ? s.numbers / s.nWords : 0);
    f("capShare", s.nWords > 0 ? s.capitalised / s.nWords : 0);
    f("dangling", DANGLING_OPENERS.has(s.firstWord) ? 1 : 0);
    f("endsPunct", s.endsWithPunct ? 1 : 0);
    f("question", lastChar === 63 ? 1 : 0);
    f("firstPerson", s.nWords > 0 ? firstPerson / s.nWords : 0);
    f("logDocs", Math.log(nDocs));
    f("idfMean", nTerms > 0 ? idfSum / nTerms : 0);
    f("leadSim", leadCount > 0 ? leadSim / leadCount : 0);
    f("priorMean", nTerms > 0 ? priorSum / nTerms : 0);
    f("priorMax", priorMax);
    f("priorSum", priorSum / 10);
  }
  if (n > 1) {
    const order = new Int32Array(n);
    for (const [fromName, toName] of RANKED) {
      const from = column(fromName);
      const to = column(toName);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => data[a * N_FEATURES + from]! - data[b * N_FEATURES + from]!);
      // ties share their mean rank
      let k = 0;
      while (k < n) {
        let e = k;
        const v = data[order[k]! * N_FEATURES + from]!;
        while (e + 1 < n && data[order[e + 1]! * N_FEATURES + from]! === v) e++;
        const r = (k + e) / 2 / (n - 1);
        for (let q = k; q <= e; q++) data[order[q]! * N_FEATURES + to] = r;
        k = e + 1;
      }
    }
  }
  return { rows: n, data };
}
