import { sameStatement } from "../align/evidence.ts";
import { type Alignment, alignSentences, contentOverlap, cosine } from "../align/index.ts";
import { type Background, type ClusterRep, representCluster } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { prepare } from "../pipeline.ts";
import { isFragment } from "../segment/index.ts";
import type { Article, Citation, Doc, Summary, SummarySentence } from "../types.ts";
import { computeFeatures, DANGLING_OPENERS } from "./features.ts";
import { continuesQuote, leansOnPrevious, pointsBack } from "./lean.ts";
import { type ScoringModel, scoreAll } from "./model.ts";
import { defaultBackground, defaultModel } from "./resources.ts";

export interface SummarizeOptions {
  /** Word budget (default 230). */
  words?: number;
  /** Learned scorer; defaults to the shipped model. */
  model?: ScoringModel;
  /** Background document frequencies; defaults to the shipped table. */
  background?: Background;
  /** Alignment threshold for citations (TF-IDF cosine). */
  alignThreshold?: number;
  /** A candidate sharing more than this share of its content words with a chosen sentence is skipped. */
  redundancy?: number;
  /**
   * A candidate at least this similar (TF-IDF cosine, default 0.7) to a chosen sentence says the same thing:
   * skipped. Milder overlap is left to the novelty penalty.
   */
  similarity?: number;
  /** Only these sentence ids may be chosen (e.g. what is new since an earlier summary); all by default. */
  allowed?: ReadonlySet<number>;
  /**
   * Tiers of sentence ids (higher first): every usable unit of a higher tier is chosen before any of a
   * lower one, by score within a tier (an update: news before background). A unit's tier is its lowest
   * sentence's. All 0 by default.
   */
  tier?: ArrayLike<number>;
  /** Sentences shorter than this many words are never chosen. */
  minWords?: number;
  /**
   * Weight of the novelty penalty in selection, in standard deviations of the cluster's unit scores
   * (0 turns it off): a unit whose content words are all covered already loses this much.
   */
  novelty?: number;
  /**
   * Open with a lead: the first unit chosen is one of the first two sentences of an article that stands on
   * its own, when one is usable (default true; an update turns it off, as news comes first there).
   */
  leadFirst?: boolean;
  /** Citations kept per supporting article. */
  citationsPerArticle?: number;
}

export const DEFAULT_WORDS = 230;
/** Novelty penalty weight: on all of multinews-val, R-2 is best at 3 (tried 0–4); multinews-dev agrees. */
export const DEFAULT_NOVELTY = 3;

/** Everything computed once per cluster and shared by summary, citations and comparison. */
export interface ClusterAnalysis {
  docs: Doc[];
  rep: ClusterRep;
  alignment: Alignment;
  scores: Float64Array;
}

export function analyzeCluster(docs: Doc[], options: SummarizeOptions = {}): ClusterAnalysis {
  const rep = representCluster(docs, options.background ?? defaultBackground());
  const alignment = alignSentences(rep, { threshold: options.alignThreshold });
  const features = computeFeatures(rep, alignment);
  const scores = scoreAll(options.model ?? defaultModel(), features);
  return { docs, rep, alignment, scores };
}

function checkWords(words: number): void {
  if (!Number.isInteger(words) || words <= 0) {
    throw new NewsweaveError("BAD_OPTION", `the word budget must be a positive whole number, got ${words}`, {
      field: "words",
    });
  }
}

/**
 * Selection units: a sentence, or a run of consecutive sentences of one article joined by a quotation
 * that spans them (so a quote is never cut in half). Runs longer than `MAX_UNIT` are not usable.
 */
const MAX_UNIT = 4;

export function selectionUnits(rep: ClusterAnalysis["rep"]): number[][] {
  const units: number[][] = [];
  for (const ids of rep.byDoc) {
    let current: number[] = [];
    for (const id of ids) {
      const s = rep.sents[id]!;
      if (!s.quoteOpenAtStart && current.length > 0) {
        units.push(current);
        current = [];
      }
      current.push(id);
      if (!s.quoteOpenAtEnd) {
        units.push(current);
        current = [];
      }
    }
    if (current.length > 0) units.push(current);
  }
  // a quotation that goes on after its attribution ('“…,” Pelosi said. “Let us …”') is also offered
  // together with the attributed sentence before it, so it can be chosen with its speaker
  const joined: number[][] = [];
  for (let k = 1; k < units.length; k++) {
    const prev = units[k - 1]!;
    const cur = units[k]!;
    if (prev.length + cur.length > MAX_UNIT) continue;
    if (rep.sents[prev[0]!]!.doc !== rep.sents[cur[0]!]!.doc) continue;
    if (prev[prev.length - 1]! + 1 !== cur[0]! || !continuesQuote(...span(rep, cur))) continue;
    joined.push([...prev, ...cur]);
  }
  return [...units, ...joined].filter(
    (u) => u.length <= MAX_UNIT && !rep.sents[u[u.length - 1]!]!.quoteOpenAtEnd,
  );
}

/** Sentences `ids` (consecutive, of one article) as an article and sentence range, for `./lean.ts`. */
function span(rep: ClusterAnalysis["rep"], ids: readonly number[]): [Doc, number, number] {
  const first = rep.sents[ids[0]!]!;
  return [rep.docs[first.doc]!, first.sentence.index, rep.sents[ids[ids.length - 1]!]!.sentence.index];
}

/** How far the last whole sentence may run over the word budget: 5%, at least 5 words. */
export function budgetSlack(budget: number): number {
  return Math.max(5, Math.round(budget * 0.05));
}

/**
 * Picks sentence ids greedily under the word budget, skipping redundant and unusable ones. Each step takes
 * the usable unit with the best learned score less a novelty penalty: the share of its content words that
 * chosen sentences already cover, times `novelty` standard deviations of the cluster's unit scores. The
 * penalty never raises a score, so units are visited in score order and the search stops early.
 */
export function selectSentences(analysis: ClusterAnalysis, options: SummarizeOptions = {}): number[] {
  const budget = options.words ?? DEFAULT_WORDS;
  const redundancy = options.redundancy ?? 0.5;
  const minWords = options.minWords ?? 6;
  const similarity = options.similarity ?? 0.7;
  const novelty = options.novelty ?? DEFAULT_NOVELTY;
  const { rep, scores } = analysis;
  const allowed = options.allowed;
  const candidates = allowed
    ? selectionUnits(rep).filter((ids) => ids.every((id) => allowed.has(id)))
    : selectionUnits(rep);
  const tier = options.tier;
  const units = candidates.map((ids) => {
    let score = 0;
    let words = 0;
    let level = Number.POSITIVE_INFINITY;
    for (const id of ids) {
      score += scores[id]!;
      words += rep.sents[id]!.nWords;
      level = Math.min(level, tier?.[id] ?? 0);
    }
    return { ids, score: score / ids.length, words, level };
  });
  let mean = 0;
  for (const u of units) mean += u.score / units.length;
  let variance = 0;
  for (const u of units) variance += (u.score - mean) ** 2 / units.length;
  const weight = novelty * (variance > 0 ? Math.sqrt(variance) : 1);
  const usable = units
    .filter(
      (u) =>
        u.words >= minWords &&
        rep.sents[u.ids[u.ids.length - 1]!]!.endsWithPunct &&
        !u.ids.every((id) => rep.sents[id]!.uniq.length < 2),
    )
    .sort((a, b) => b.level - a.level || b.score - a.score || a.ids[0]! - b.ids[0]!);
  const chosen: number[] = [];
  const picked = new Uint8Array(rep.sents.length);
  /** Chosen sentences and the sentences of other articles aligned to them (their citations). */
  const told = new Uint8Array(rep.sents.length);
  const covered = new Uint8Array(rep.stems.length);
  const done = new Uint8Array(usable.length);
  let words = 0;
  const slack = budgetSlack(budget);
  // The alignment and the cosine rule drop a sentence close to a chosen one, to save room. When everything
  // usable fits in the budget there is no room to save, and a loose match (two sentences naming the same
  // rare town and a flood) must not cost a fact: only the rule on shared content words applies.
  let usableWords = 0;
  for (const u of usable) usableWords += u.words;
  const byAlignment = usableWords > budget;

  // what is known of a unit once looked at (0: not yet): 1 yes, 2 no
  /** It leans on the sentence before it ("But …", '“…,” he said.', "The move comes after …"). */
  const leans = new Uint8Array(usable.length);
  /** It is a caption or heading without a verb. */
  const fragment = new Uint8Array(usable.length);
  /** Off only when nothing at all could be chosen otherwise: a sentence leaning on an unusable one beats none. */
  let strict = true;
  const fits = (k: number): boolean => {
    const unit = usable[k]!;
    const first = rep.sents[unit.ids[0]!]!;
    if (leans[k] === 0) leans[k] = leansOnPrevious(...span(rep, unit.ids)) ? 1 : 2;
    if (leans[k] === 1 && strict) {
      const prev = rep.byDoc[first.doc]![first.sentence.index - 1];
      if (prev === undefined || !picked[prev]) return false;
    }
    for (const c of chosen) {
      for (const id of unit.ids) {
        if (contentOverlap(rep, id, c) > redundancy || (byAlignment && cosine(rep, id, c) >= similarity))
          return false;
      }
    }
    // the alignment behind the citations: a candidate aligned to a sentence that a chosen one is, or is
    // aligned to, tells the same fact ("The closure is expected to last at least six weeks" after "… said
    // the span would stay closed for at least six weeks")
    if (byAlignment) {
      for (const id of unit.ids) {
        if (told[id]) return false;
        for (const l of analysis.alignment.links[id]!) if (told[l.s]) return false;
      }
    }
    // last, as it tags parts of speech: a short unit without a verb is a caption or a heading
    if (fragment[k] === 0) fragment[k] = fragmentUnit(rep, unit.ids) ? 1 : 2;
    if (fragment[k] === 1) return false;
    return true;
  };
  const covers = (unit: (typeof usable)[number]): number => {
    let all = 0;
    let seen = 0;
    for (const id of unit.ids) {
      const uniq = rep.sents[id]!.uniq;
      all += uniq.length;
      for (let i = 0; i < uniq.length; i++) seen += covered[uniq[i]!]!;
    }
    return all > 0 ? seen / all : 1;
  };

  let leadFirst = options.leadFirst ?? true;
  while (words < budget) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestLevel = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < usable.length; k++) {
      if (done[k]) continue;
      const unit = usable[k]!;
      if (unit.level < bestLevel || unit.score <= bestScore) break;
      if (leadFirst && chosen.length === 0 && !opensArticle(rep, unit.ids)) continue;
      if (words + unit.words > budget + slack) {
        done[k] = 1;
        continue;
      }
      const adjusted = unit.score - weight * covers(unit);
      if (adjusted <= bestScore) continue;
      if (!fits(k)) continue;
      best = k;
      bestScore = adjusted;
      bestLevel = unit.level;
    }
    if (best < 0 && leadFirst && chosen.length === 0) {
      leadFirst = false;
      continue;
    }
    if (best < 0 && strict && chosen.length === 0) {
      strict = false;
      continue;
    }
    if (best < 0) break;
    strict = true;
    done[best] = 1;
    const unit = usable[best]!;
    for (const id of unit.ids) {
      chosen.push(id);
      picked[id] = 1;
      told[id] = 1;
      for (const l of analysis.alignment.links[id]!) told[l.s] = 1;
      const uniq = rep.sents[id]!.uniq;
      for (let i = 0; i < uniq.length; i++) covered[uniq[i]!] = 1;
    }
    words += unit.words;
  }
  return chosen;
}

/** A unit whose sentences are all captions or headings without a verb (see `isFragment`). */
function fragmentUnit(rep: ClusterAnalysis["rep"], ids: readonly number[]): boolean {
  return ids.every((id) => {
    const s = rep.sents[id]!;
    return isFragment(rep.docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end));
  });
}

/**
 * A unit that can open a summary: one of the first two sentences of its article, neither leaning on what
 * came before ("But …", "Methane is also …", "The move comes after …") nor a first-person statement.
 */
function opensArticle(rep: ClusterAnalysis["rep"], ids: readonly number[]): boolean {
  const s = rep.sents[ids[0]!]!;
  if (s.sentence.index >= 2 || DANGLING_OPENERS.has(s.firstWord)) return false;
  const text = rep.docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end);
  return !pointsBack(rep.docs[s.doc]!, s.sentence.index) && !NOT_AN_OPENING.test(text);
}

const NOT_AN_OPENING = /^(?:[^\s,;:]+\s+){1,3}(?:also|too)\b|^(?:We|I|Our|My)\b/u;

/**
 * Orders chosen sentences for reading: articles in order of publication when known (but opening with
 * the first of them whose chosen sentences start with its lead); else the article whose first chosen
 * sentence stands earliest in it (a lead reads as a lead), then by their best chosen sentence. Sentences
 * of one article keep their source order, so antecedents come first.
 */
export function orderSentences(analysis: ClusterAnalysis, chosen: readonly number[]): number[] {
  const { rep } = analysis;
  const rank = new Map<number, number>();
  const earliest = new Map<number, number>();
  chosen.forEach((id, k) => {
    const d = rep.sents[id]!.doc;
    if (!rank.has(d)) rank.set(d, k);
    const e = earliest.get(d);
    if (e === undefined || rep.sents[id]!.sentence.index < rep.sents[e]!.sentence.index) earliest.set(d, id);
  });
  // only the opening matters: an article's lead (first two sentences) that stands on its own, against one
  // chosen from deeper in or one that points back ("The announcement comes after …", "But …")
  const lead = (d: number) => (opensArticle(rep, [earliest.get(d)!]) ? 0 : 1);
  const date = (d: number) => rep.docs[d]!.article.published ?? "";
  const allDated = [...rank.keys()].every((d) => date(d) !== "");
  const docOrder = [...rank.keys()].sort((a, b) =>
    allDated && date(a) !== date(b)
      ? date(a) < date(b)
        ? -1
        : 1
      : lead(a) - lead(b) || rank.get(a)! - rank.get(b)!,
  );
  // in publication order, the earliest article may contribute only details ("A freight train stopped short
  // of the slide"): the first article whose chosen sentences open with its lead goes first
  if (allDated && docOrder.length > 1 && lead(docOrder[0]!) === 1) {
    const opener = docOrder.findIndex((d) => lead(d) === 0);
    if (opener > 0) docOrder.unshift(...docOrder.splice(opener, 1));
  }
  const out: number[] = [];
  for (const d of docOrder) {
    out.push(
      ...chosen
        .filter((id) => rep.sents[id]!.doc === d)
        .sort((a, b) => rep.sents[a]!.sentence.index - rep.sents[b]!.sentence.index),
    );
  }
  return out;
}

function citationOf(analysis: ClusterAnalysis, id: number, score: number): Citation {
  const s = analysis.rep.sents[id]!;
  return {
    articleId: analysis.docs[s.doc]!.article.id,
    sentence: s.sentence.index,
    start: s.sentence.start,
    end: s.sentence.end,
    score,
  };
}

/** The source sentence and every aligned sentence in other articles (best few per article). */
export function citationsFor(analysis: ClusterAnalysis, id: number, perArticle = 2): Citation[] {
  const out = [citationOf(analysis, id, 1)];
  const perDoc = new Map<number, number>();
  for (const link of analysis.alignment.links[id]!) {
    // a link made by a shared name alone ("Ghandour said …" / "Ghandour would hold …") supports nothing
    if (!sameStatement(analysis.rep, id, link.s)) continue;
    const d = analysis.rep.sents[link.s]!.doc;
    const n = perDoc.get(d) ?? 0;
    if (n >= perArticle) continue;
    perDoc.set(d, n + 1);
    out.push(citationOf(analysis, link.s, Math.round(link.score * 1000) / 1000));
  }
  return out;
}

/** Summarises prepared (clean, segmented) documents of one story. */
export function summarizeDocs(docs: Doc[], options: SummarizeOptions = {}): Summary {
  const words = options.words ?? DEFAULT_WORDS;
  checkWords(words);
  if (docs.every((d) => d.sentences.length === 0)) {
    throw new NewsweaveError(
      "EMPTY_INPUT",
      "no sentences to summarise: every article is empty after cleaning",
    );
  }
  return summarizeAnalysis(analyzeCluster(docs, options), { ...options, words });
}

/** Below this TF-IDF cosine between every sentence of an article and every sentence of the others, the article is stray. */
export const STRAY_SIMILARITY = 0.07;

/**
 * Articles that share next to nothing with the rest of a cluster of three or more: no sentence has a TF-IDF
 * cosine of `STRAY_SIMILARITY` with any sentence of another article. In practice these are pages that
 * failed to load (a DNS error, "Rating is available when the video has been rented", an archive's crawl
 * notice, a weather widget). Their sentences are chosen only when no other sentence can be.
 */
export function strayDocs(analysis: Pick<ClusterAnalysis, "rep" | "alignment">): Set<number> {
  const { rep, alignment } = analysis;
  const out = new Set<number>();
  const n = rep.docs.length;
  if (n < 3) return out;
  rep.byDoc.forEach((ids, d) => {
    let most = 0;
    for (const id of ids) {
      const best = alignment.best[id]!;
      for (let o = 0; o < n; o++) if (o !== d && best[o]! > most) most = best[o]!;
    }
    if (most < STRAY_SIMILARITY) out.add(d);
  });
  // when most articles look stray, the cluster is simply loose: nothing is set aside
  return out.size * 2 < n ? out : new Set();
}

/** Summarises a cluster whose analysis (representation, alignment, scores) is already computed. */
export function summarizeAnalysis(analysis: ClusterAnalysis, options: SummarizeOptions = {}): Summary {
  const words = options.words ?? DEFAULT_WORDS;
  checkWords(words);
  const { docs, rep } = analysis;
  let picked: number[] = [];
  const stray = options.allowed ? new Set<number>() : strayDocs(analysis);
  if (stray.size > 0) {
    const allowed = new Set<number>();
    rep.sents.forEach((x, id) => {
      if (!stray.has(x.doc)) allowed.add(id);
    });
    picked = selectSentences(analysis, { ...options, words, allowed });
  }
  if (picked.length === 0) picked = selectSentences(analysis, { ...options, words });
  const chosen = orderSentences(analysis, picked);
  const sentences: SummarySentence[] = chosen.map((id) => {
    const support = citationsFor(analysis, id, options.citationsPerArticle);
    const from = support[0]!;
    const text = docs[analysis.rep.sents[id]!.doc]!.article.text.slice(from.start, from.end);
    return { text, from, support };
  });
  let total = 0;
  for (const id of chosen) total += analysis.rep.sents[id]!.nWords;
  return { sentences, words: total };
}

/** Summarises raw articles of one story: clean, segment, score, select, order, cite. */
export function summarize(articles: readonly Article[], options: SummarizeOptions = {}): Summary {
  checkWords(options.words ?? DEFAULT_WORDS);
  if (!Array.isArray(articles))
    throw new NewsweaveError("BAD_FIELD", "articles must be an array of {id, text, …} objects", {
      field: "articles",
    });
  if (articles.length === 0) throw new NewsweaveError("EMPTY_INPUT", "no articles to summarise");
  return summarizeDocs(prepare(articles), options);
}
