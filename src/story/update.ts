/**
 * Summaries of stored stories, and "what's new" updates.
 *
 * Every summary produced for a story is saved with an id (`sum<n>`), the last article it saw and the text
 * of every sentence the reader has been shown so far. An update since a summary (or since a time) takes
 * the sentences of articles that arrived later, drops each one the alignment links (score ≥ the alignment
 * threshold, sharing what is said and not only a name) to a sentence the reader has already seen unless it names a person, place or number the reader
 * has not met, and summarises the rest, cited like the main summary: news that names something new first,
 * then other news, then background; within each, late coverage (published well before the newest article
 * the reader had) last. Duplicates are not independent sources: of each group of copies only the latest
 * version is used.
 */
import { sameStatement } from "../align/evidence.ts";
import type { Alignment } from "../align/index.ts";
import { NewsweaveError } from "../errors.ts";
import { isStopword } from "../lexicon/stopwords.ts";
import { prepare } from "../pipeline.ts";
import type { Store, StoredArticle, StoryInfo, StoryQuery } from "../store/types.ts";
import {
  analyzeCluster,
  type ClusterAnalysis,
  citationsFor,
  orderSentences,
  type SummarizeOptions,
  selectSentences,
  summarizeDocs,
} from "../summarize/index.ts";
import type { CleanArticle, Doc, Sentence, Summary, SummarySentence } from "../types.ts";
import { parseIsoInstant } from "./time.ts";

export const DEFAULT_UPDATE_WORDS = 120;

/** An article published more than this before the newest article the reader had is late coverage, not fresh news. */
const LATE_MARGIN = 86_400_000;

/** The pseudo-article holding what the reader has already seen. */
const SEEN_ID = "\u0000seen";

export interface StoryOptions extends SummarizeOptions {
  /** The clock (ms since epoch) for the saved summary's time. */
  now?: () => number;
}

export interface StorySummaryResult {
  /** Id of the saved summary (pass it to an update's `since`). */
  summaryId: string;
  kind: "story" | "update";
  story: StoryInfo;
  /** The story id asked for, when it was merged into `story`. */
  requested: string;
  /** Prepared articles the summary cites (one per group of duplicates). */
  docs: Doc[];
  summary: Summary;
  /** Articles that arrived after the baseline (updates only). */
  newArticles?: number;
}

/** A stored story as listed: its size (number of articles) and the ids of its articles. */
export interface StoryListing extends Omit<StoryInfo, "articles"> {
  size: number;
  articles: string[];
}

/** The stories of a store that match `query`, each with the ids of its articles (CLI and API list the same). */
export async function listStories(store: Store, query: StoryQuery = {}): Promise<StoryListing[]> {
  const list = await store.stories(query);
  const members = await store.membership();
  return list.map(({ articles, ...s }) => ({ ...s, size: articles, articles: members.get(s.id) ?? [] }));
}

/** The latest version of each group of duplicate articles, in stream order. */
export function representatives(articles: readonly StoredArticle[]): StoredArticle[] {
  const latest = new Map<string, StoredArticle>();
  for (const a of articles) latest.set(a.duplicateOf ?? a.id, a);
  return [...latest.values()].sort((x, y) => x.seq - y.seq);
}

async function loadStory(store: Store, id: string): Promise<{ info: StoryInfo; articles: StoredArticle[] }> {
  const info = await store.story(id);
  if (!info) throw new NewsweaveError("NOT_FOUND", `no story ${id}`, { field: "story" });
  const articles = await store.articlesOf(info.id);
  if (articles.length === 0) throw new NewsweaveError("EMPTY_INPUT", `story ${info.id} has no articles`);
  return { info, articles };
}

function plain(a: StoredArticle) {
  const { seq: _s, story: _t, duplicateOf: _d, duplicateKind: _k, ingestedAt: _i, time: _m, ...article } = a;
  return article;
}

/** Summarises a stored story and saves the summary (its id comes back in `summaryId`). */
export async function summarizeStory(
  store: Store,
  id: string,
  options: StoryOptions = {},
): Promise<StorySummaryResult> {
  const { info, articles } = await loadStory(store, id);
  const reps = representatives(articles);
  const docs = prepare(reps.map(plain));
  const summary = summarizeDocs(docs, options);
  const saved = await store.saveSummary({
    story: info.id,
    kind: "story",
    lastSeq: Math.max(...articles.map((a) => a.seq)),
    covers: summary.sentences.map((s) => s.text),
    body: summary,
    createdAt: new Date((options.now ?? Date.now)()).toISOString(),
  });
  return { summaryId: saved.id, kind: "story", story: info, requested: id, docs, summary };
}

/** A baseline: a saved summary id ("sum12") or a time (ISO 8601 string or ms since epoch). */
export type Since = string | number;

/** Parses `--since`: a summary id, or a time. */
export function parseSince(since: Since): { summary: string } | { time: number } {
  if (typeof since === "number") return { time: since };
  const s = since.trim();
  if (/^sum\d+$/.test(s)) return { summary: s };
  const t = parseIsoInstant(s);
  if (t === undefined)
    throw new NewsweaveError(
      "BAD_OPTION",
      `since must be a summary id (like sum3) or an ISO date/time (like 2025-03-01T12:00Z), got "${since}"`,
      { field: "since" },
    );
  return { time: t };
}

/** A document made of sentences the reader has seen, so the alignment can link new sentences to them. */
export function seenDoc(texts: readonly string[]): Doc {
  let text = "";
  const sentences: Sentence[] = [];
  for (const t of texts) {
    const s = t.replace(/\s+/g, " ").trim();
    if (!s) continue;
    if (text) text += "\n";
    const start = text.length;
    text += s;
    sentences.push({
      articleId: SEEN_ID,
      index: sentences.length,
      start,
      end: text.length,
      paragraph: sentences.length,
    });
  }
  const article: CleanArticle = {
    id: SEEN_ID,
    text,
    raw: text,
    pieces: [{ cleanStart: 0, rawStart: 0, length: text.length }],
    removed: [],
    origin: { source: "<earlier summary>", format: "text" },
  };
  return { article, sentences };
}

const MONTH_NAMES: ReadonlyMap<string, string> = new Map(
  [
    "january jan",
    "february feb",
    "march mar",
    "april apr",
    "may",
    "june jun",
    "july jul",
    "august aug",
    "september sep sept",
    "october oct",
    "november nov",
    "december dec",
  ].flatMap((names) => names.split(" ").map((n) => [n, names.slice(0, 3)] as [string, string])),
);

/** The words of a text as compared for news: lower case, no dots or possessive ending, months by name. */
function newsWords(text: string): { word: string; key: boolean }[] {
  const out: { word: string; key: boolean }[] = [];
  let first = true;
  for (const m of text.matchAll(/([“"‘(:]\s*)?([\p{L}\p{N}][\p{L}\p{N}.'’]*)/gu)) {
    const opens = first || m[1] !== undefined;
    first = false;
    for (const part of m[2]!.replace(/['’]s$/u, "").split(/(?<=\p{L})['’](?=\p{L})/u)) {
      const bare = part.replace(/\.+$/u, "").toLowerCase();
      const word = MONTH_NAMES.get(bare) ?? bare.replaceAll(".", "");
      if (!word) continue;
      // a name met mid-sentence, or any number: what a reader would notice as a new detail
      const key = /^\p{N}/u.test(word) || (!opens && /^\p{Lu}/u.test(part) && !isStopword(word));
      out.push({ word, key });
    }
  }
  return out;
}

/** Every word of the texts a reader has met, for `newSentenceIds`. */
export function knownWords(texts: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (const t of texts) for (const w of newsWords(t)) known.add(w.word);
  return known;
}

/** The names and numbers of a sentence that are not among the words a reader has met. */
export function unknownDetails(sentence: string, known: ReadonlySet<string>): string[] {
  return newsWords(sentence)
    .filter((w) => w.key && !known.has(w.word))
    .map((w) => w.word);
}

/**
 * Sentence ids of `fresh` articles that tell something new: no link ties them to a `seen` sentence or,
 * when the words the reader has met are given, they name a person, place or number the reader has not met
 * ("… to be held in Hanoi, Vietnam … on Feb. 27" after "Preparations for a second summit … are underway").
 */
export function newSentenceIds(
  analysis: Pick<ClusterAnalysis, "rep"> & { alignment: Pick<Alignment, "links"> },
  fresh: ReadonlySet<number>,
  seen: ReadonlySet<number>,
  known?: ReadonlySet<string>,
): Set<number> {
  const out = new Set<number>();
  const { rep, alignment } = analysis;
  for (let id = 0; id < rep.sents.length; id++) {
    const s = rep.sents[id]!;
    if (!fresh.has(s.doc)) continue;
    const links = alignment.links[id]!;
    // seen only if a seen sentence says the same, not merely names the same person
    if (links.some((l) => seen.has(rep.sents[l.s]!.doc) && sameStatement(rep, id, l.s))) {
      const text = rep.docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end);
      if (!known || unknownDetails(text, known).length === 0) continue;
    }
    out.add(id);
  }
  return out;
}

/**
 * What is new in a story since a saved summary or a time: a cited summary of the facts in later articles
 * that the reader has not seen. Saved as a summary too, so the next update can continue from it.
 */
export async function updateStory(
  store: Store,
  id: string,
  since: Since,
  options: StoryOptions = {},
): Promise<StorySummaryResult> {
  const words = options.words ?? DEFAULT_UPDATE_WORDS;
  if (!Number.isInteger(words) || words <= 0)
    throw new NewsweaveError("BAD_OPTION", `the word budget must be a positive whole number, got ${words}`, {
      field: "words",
    });
  const baseline = parseSince(since);
  const { info, articles } = await loadStory(store, id);
  let isFresh: (a: StoredArticle) => boolean;
  let seenTexts: string[] = [];
  let parent: string | undefined;
  if ("summary" in baseline) {
    const earlier = await store.summary(baseline.summary);
    if (!earlier) throw new NewsweaveError("NOT_FOUND", `no summary ${baseline.summary}`, { field: "since" });
    if (earlier.story !== info.id)
      throw new NewsweaveError(
        "BAD_OPTION",
        `summary ${earlier.id} is of story ${earlier.story}, not of ${info.id}`,
        { field: "since" },
      );
    isFresh = (a) => a.seq > earlier.lastSeq;
    seenTexts = earlier.covers;
    parent = earlier.id;
  } else {
    isFresh = (a) => Date.parse(a.ingestedAt) > baseline.time;
  }

  // old and new versions of one article are both kept: the old one tells what the reader has seen
  const reps = [
    ...representatives(articles.filter((a) => !isFresh(a))),
    ...representatives(articles.filter(isFresh)),
  ].sort((x, y) => x.seq - y.seq);
  const docs = prepare(reps.map(plain));
  const freshDocs = new Set<number>();
  const seenDocs = new Set<number>();
  reps.forEach((a, k) => {
    if (isFresh(a)) freshDocs.add(k);
    else seenDocs.add(k);
  });
  const withSeen = seenTexts.length > 0 ? [...docs, seenDoc(seenTexts)] : docs;
  const oldDocs = new Set(seenDocs);
  if (seenTexts.length > 0) {
    // a summary is the baseline: what the reader saw is its text, not every old article
    seenDocs.clear();
    seenDocs.add(docs.length);
  }
  let summary: Summary = { sentences: [], words: 0 };
  if (freshDocs.size > 0 && withSeen.some((d) => d.sentences.length > 0)) {
    const analysis = analyzeCluster(withSeen, options);
    const oldTexts = [...oldDocs].map((d) => docs[d]!.article.text);
    const allowed = newSentenceIds(
      analysis,
      freshDocs,
      seenDocs,
      knownWords(seenTexts.length > 0 ? seenTexts : oldTexts),
    );
    // news first: what no earlier article told, and first of all a name, place or number no earlier
    // article gave; then what the reader skipped in earlier articles (background the summary left out)
    const storyKnows = knownWords([...oldTexts, ...seenTexts]);
    const newToStory = newSentenceIds(analysis, freshDocs, new Set([...oldDocs, ...seenDocs]), storyKnows);
    // within each of those, late coverage comes last: an article published well before the newest one the
    // reader had (which the stream only now brought); undated articles are not judged
    const time = (a: StoredArticle) => (a.published ? Date.parse(a.published) : Number.NaN);
    let newestSeen = Number.NEGATIVE_INFINITY;
    for (const d of oldDocs) {
      const t = time(reps[d]!);
      if (t > newestSeen) newestSeen = t;
    }
    const late = reps.map((a) => time(a) < newestSeen - LATE_MARGIN);
    const tier = new Int8Array(analysis.rep.sents.length);
    analysis.rep.sents.forEach((r, sid) => {
      if (!freshDocs.has(r.doc)) return;
      let news = 0;
      if (newToStory.has(sid)) {
        const text = withSeen[r.doc]!.article.text.slice(r.sentence.start, r.sentence.end);
        news = unknownDetails(text, storyKnows).length > 0 ? 2 : 1;
      }
      tier[sid] = news * 2 + (late[r.doc] ? 0 : 1);
    });
    const chosen = orderSentences(
      analysis,
      selectSentences(analysis, { ...options, words, allowed, tier, leadFirst: false }),
    );
    const sentences: SummarySentence[] = chosen.map((sid) => {
      const support = citationsFor(analysis, sid, options.citationsPerArticle).filter(
        (c) => c.articleId !== SEEN_ID,
      );
      const from = support[0]!;
      const text = withSeen[analysis.rep.sents[sid]!.doc]!.article.text.slice(from.start, from.end);
      return { text, from, support };
    });
    let total = 0;
    for (const sid of chosen) total += analysis.rep.sents[sid]!.nWords;
    summary = { sentences, words: total };
  }
  const saved = await store.saveSummary({
    story: info.id,
    kind: "update",
    ...(parent ? { parent } : {}),
    lastSeq: Math.max(...articles.map((a) => a.seq)),
    covers: [...seenTexts, ...summary.sentences.map((s) => s.text)],
    body: summary,
    createdAt: new Date((options.now ?? Date.now)()).toISOString(),
  });
  return {
    summaryId: saved.id,
    kind: "update",
    story: info,
    requested: id,
    docs,
    summary,
    newArticles: articles.filter(isFresh).length,
  };
}
