/**
 * Splits loose articles (files given together on the command line, a news dump) into stories, in memory:
 * the same online rule as the stream (join the best-fitting story above its threshold, else start one),
 * without a store. A handful of reports given together are usually one story, with perhaps an unrelated
 * page among them; a dump of thousands holds many stories on the same topics, and a story must fit an
 * article better before it joins. So the join threshold grows with the number of articles given.
 */
import type { Background } from "../align/represent.ts";
import { cleanArticle } from "../clean/index.ts";
import type { StoryProfile } from "../store/types.ts";
import { defaultBackground } from "../summarize/resources.ts";
import type { Article } from "../types.ts";
import {
  addToProfile,
  type ClusterOptions,
  clusterOptions,
  joinThreshold,
  newProfile,
  queryTerms,
  scoreStory,
} from "./cluster.ts";
import { type ArticleFeatures, articleFeatures } from "./features.ts";
import { fillUndated, publishedTime } from "./time.ts";

export interface GroupOptions extends ClusterOptions {
  background?: Background;
}

/**
 * Join threshold for `n` articles given together: `base + perLogArticle · ln(n)`, from 0.06 for five articles
 * to 0.18 for two thousand: the more articles, the more stories compete for each one. Chosen with
 * `node --import tsx bench/group.ts --tune` on multinews-val clusters 0–4,499 mixed in sets of 3 to 1,000
 * clusters (7 to 2,300 articles); the settings around it score within 0.005 B-cubed F1.
 */
export const GROUP_THRESHOLD = { base: 0.03, perLogArticle: 0.02 } as const;

/** Size penalty of grouping (see `ClusterOptions.sizePenalty`), chosen with the threshold. */
export const GROUP_SIZE_PENALTY = 0.03;

/** The join threshold for `n` loose articles given together (see `GROUP_THRESHOLD`). */
export function groupThreshold(n: number): number {
  return GROUP_THRESHOLD.base + GROUP_THRESHOLD.perLogArticle * Math.log(Math.max(1, n));
}

/**
 * Candidate stories come from an inverted index over each story's strongest terms, so the cost of an
 * article does not grow with the number of stories; below this many stories every one is scored.
 */
const SCORE_ALL_BELOW = 64;

/** Groups of article indices, largest first (ties: first input first); input order kept inside a group. */
export function groupArticles(articles: readonly Article[], options: GroupOptions = {}): number[][] {
  const o = clusterOptions({
    threshold: groupThreshold(articles.length),
    sizePenalty: GROUP_SIZE_PENALTY,
    ...options,
  });
  const background = options.background ?? defaultBackground();
  const cleaned = articles.map((a) => cleanArticle(a));
  // the cleaner may have found the date in the text (a dateline, a byline stamp); an undated article takes
  // the median date of its folder, else the middle of all the dates
  const dated = fillUndated(
    articles,
    cleaned.map((a) => publishedTime(a, Number.POSITIVE_INFINITY)),
  );
  const known = dated.filter((t) => t !== undefined).sort((a, b) => a - b);
  const middle = known.length > 0 ? known[Math.floor(known.length / 2)]! : 0;
  const profiles: StoryProfile[] = [];
  const members: number[][] = [];
  /** term → the stories that posted it, in posting order: each article posts its strongest terms */
  const postings = new Map<number, number[]>();
  const post = (f: ArticleFeatures, story: number) => {
    for (const t of queryTerms(f, o.postTerms)) {
      const list = postings.get(t);
      if (!list) postings.set(t, [story]);
      else if (list[list.length - 1] !== story) list.push(story);
    }
  };
  const candidates = (f: ArticleFeatures): number[] => {
    if (profiles.length < SCORE_ALL_BELOW) return profiles.map((_, k) => k);
    const weightOf = new Map<number, number>();
    for (let k = 0; k < f.vector.terms.length; k++) weightOf.set(f.vector.terms[k]!, f.vector.weights[k]!);
    const acc = new Map<number, number>();
    for (const t of queryTerms(f, o.queryTerms)) {
      const list = postings.get(t);
      if (!list) continue;
      const w = weightOf.get(t) ?? 0;
      // the stories that posted it last: a term every story has is little evidence, so only its newest
      // `perTerm` posts count (a story that posted it again counts once)
      const seen = new Set<number>();
      for (let k = list.length - 1; k >= 0 && seen.size < o.perTerm; k--) {
        const story = list[k]!;
        if (seen.has(story)) continue;
        seen.add(story);
        acc.set(story, (acc.get(story) ?? 0) + w);
      }
    }
    return [...acc.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, o.candidates)
      .map((e) => e[0]);
  };
  cleaned.forEach((clean, i) => {
    const f = articleFeatures(clean, { background });
    const time = dated[i] ?? middle;
    let best = -1;
    let bestScore = 0;
    for (const k of candidates(f)) {
      const p = profiles[k]!;
      const s = scoreStory(f, time, p, o);
      if (s >= joinThreshold(p, o) && (s > bestScore || (s === bestScore && k < best))) {
        best = k;
        bestScore = s;
      }
    }
    if (best < 0) {
      profiles.push(newProfile(f, time, clean.title, o));
      members.push([i]);
      post(f, profiles.length - 1);
    } else {
      profiles[best] = addToProfile(profiles[best]!, f, time, false, o);
      members[best]!.push(i);
      post(f, best);
    }
  });
  return members
    .map((m, k) => ({ m, k }))
    .sort((a, b) => b.m.length - a.m.length || a.k - b.k)
    .map((x) => x.m);
}
