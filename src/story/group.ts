/**
 * Splits a handful of loose articles (files given together on the command line) into stories, in memory:
 * the same online rule as the stream (join the best-fitting story above its threshold, else start one),
 * without a store. Used so that an unrelated article dropped in with a story's reports is summarised on
 * its own instead of leaking its quotes and facts into that story.
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
  scoreStory,
} from "./cluster.ts";
import { articleFeatures } from "./features.ts";
import { fillUndated, publishedTime } from "./time.ts";

export interface GroupOptions extends ClusterOptions {
  background?: Background;
}

/**
 * Default join threshold for grouping loose inputs: lower than the stream's, because whole articles given
 * together are meant to be one story unless one plainly is not.
 */
export const GROUP_THRESHOLD = 0.05;

/** Groups of article indices, largest first (ties: first input first); input order kept inside a group. */
export function groupArticles(articles: readonly Article[], options: GroupOptions = {}): number[][] {
  const o = clusterOptions({ threshold: GROUP_THRESHOLD, sizePenalty: 0, ...options });
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
  cleaned.forEach((clean, i) => {
    const f = articleFeatures(clean, { background });
    const time = dated[i] ?? middle;
    let best = -1;
    let bestScore = 0;
    profiles.forEach((p, k) => {
      const s = scoreStory(f, time, p, o);
      if (s >= joinThreshold(p, o) && s > bestScore) {
        best = k;
        bestScore = s;
      }
    });
    if (best < 0) {
      profiles.push(newProfile(f, time, clean.title, o));
      members.push([i]);
    } else {
      profiles[best] = addToProfile(profiles[best]!, f, time, false, o);
      members[best]!.push(i);
    }
  });
  return members
    .map((m, k) => ({ m, k }))
    .sort((a, b) => b.m.length - a.m.length || a.k - b.k)
    .map((x) => x.m);
}
