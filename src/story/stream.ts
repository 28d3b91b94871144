/**
 * The news stream: articles arrive one at a time and are stored, linked to the article they duplicate
 * (exact or near copies), and placed in a story: the best existing one, or a new one. Stories that turn out
 * to be one are merged; the younger id redirects to the older one.
 *
 * Articles are processed in batches; each batch is one store transaction (all its articles, stories and
 * index entries are committed together). Ingest is idempotent: an article whose content key is already
 * stored is skipped, so re-running an interrupted ingest stores each article exactly once.
 */
import type { Background } from "../align/represent.ts";
import { cleanArticle } from "../clean/index.ts";
import { isNewsweaveError, NewsweaveError, toNewsweaveError } from "../errors.ts";
import { wordTokens } from "../segment/index.ts";
import type { ArticleRef, Store, StoreWriter, StoryProfile } from "../store/types.ts";
import { defaultBackground } from "../summarize/resources.ts";
import type { Article } from "../types.ts";
import {
  absorbs,
  addToProfile,
  type ClusterOptions,
  clusterOptions,
  joinThreshold,
  mergeProfiles,
  newProfile,
  queryTerms,
  rankCandidates,
  scoreStory,
  storySimilarity,
} from "./cluster.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  contentKey,
  type FeatureOptions,
  textKey,
} from "./features.ts";
import { type DuplicateOptions, isNearDuplicate, resemblance } from "./minhash.ts";
import { fillUndated, publishedTime } from "./time.ts";

export interface StreamOptions extends FeatureOptions, ClusterOptions, DuplicateOptions {
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** The clock (ms since epoch), for ingest times and clamping future dates. */
  now?: () => number;
  /** Articles with the same group key are kept in one story (bench JSONL clusters without --as-stream). */
  groupOf?: (a: Article) => string | undefined;
  /** Called after each committed batch with the number of articles processed so far. */
  onProgress?: (done: number) => void;
}

export type ArticleStatus = "added" | "duplicate" | "exists" | "error";

export interface ArticleOutcome {
  /** The id the article came with. */
  id: string;
  status: ArticleStatus;
  /** The id it is stored under (differs when another article already had its id). */
  storedId?: string;
  story?: string;
  newStory?: boolean;
  duplicateOf?: string;
  error?: NewsweaveError;
}

export interface IngestReport {
  /** Articles stored (duplicates included). */
  added: number;
  /** Stored articles that are copies or versions of earlier ones. */
  duplicates: number;
  /** Articles already in the store (skipped). */
  existing: number;
  newStories: number;
  merges: number;
  errors: NewsweaveError[];
  outcomes: ArticleOutcome[];
}

interface Prepared {
  article: Article;
  key: string;
  textKey: string;
  features: ArticleFeatures;
  time: number;
  /** Whether `time` is the article's own publication date (else the ingest time, until `fillUndated`). */
  dated: boolean;
  searchText: string;
  /** The cleaned article's title (a guessed title that was a byline or breadcrumb is gone). */
  title?: string;
  group?: string;
}

function prepareOne(a: Article, now: number, options: StreamOptions, background: Background): Prepared {
  if (a === null || typeof a !== "object" || typeof a.id !== "string" || typeof a.text !== "string")
    throw new NewsweaveError("BAD_FIELD", "an article needs a string id and text", { field: "text" });
  const where = { file: a.origin?.source, line: a.origin?.line };
  const clean = cleanArticle(a);
  const words = wordTokens(clean.text).length;
  if (words < MIN_ARTICLE_WORDS) {
    const why =
      a.text.trim() === ""
        ? "has no text"
        : words === 0
          ? "has no text once page furniture is removed"
          : `has only ${words === 1 ? "one word" : `${words} words`} once page furniture is removed ("${clean.text.trim().slice(0, 40)}")`;
    throw new NewsweaveError("EMPTY_INPUT", `article ${a.id} ${why}`, { ...where, field: "text" });
  }
  const features = articleFeatures(clean, { ...options, background });
  // the article's own date, or the one the cleaner found in the text (a dateline, a byline stamp)
  const published = publishedTime(clean, now);
  const p: Prepared = {
    article: a,
    key: contentKey(a),
    textKey: textKey(clean.text),
    features,
    time: published ?? now,
    dated: published !== undefined,
    searchText: clean.text,
  };
  if (clean.title) p.title = clean.title;
  const group = options.groupOf?.(a);
  if (group !== undefined) p.group = group;
  return p;
}

/** Fewer words than this left after cleaning ("Yes" from a page's dialog) make no article to store. */
const MIN_ARTICLE_WORDS = 4;

/** Stored id for an article whose id is taken by different content: "id~2", "id~3", … */
async function freeId(tx: StoreWriter, id: string): Promise<string> {
  if (!(await tx.articleById(id))) return id;
  for (let n = 2; ; n++) {
    const candidate = `${id}~${n}`;
    if (!(await tx.articleById(candidate))) return candidate;
  }
}

async function findDuplicate(
  tx: StoreWriter,
  p: Prepared,
  options: StreamOptions,
): Promise<{ ref: ArticleRef; kind: "exact" | "near" } | undefined> {
  const exact = await tx.articleByTextKey(p.textKey);
  if (exact) return { ref: exact, kind: "exact" };
  const sketch = p.features.sketch;
  if (sketch.shingles === 0) return undefined;
  const rows = await tx.sketchesByBands(p.features.bands, 64);
  let best: ArticleRef | undefined;
  let bestJ = -1;
  for (const r of rows) {
    if (!isNearDuplicate(sketch, r, options)) continue;
    const j = resemblance(sketch, r).jaccard;
    if (j > bestJ) {
      bestJ = j;
      best = r;
    }
  }
  return best ? { ref: best, kind: "near" } : undefined;
}

class Batch {
  readonly profiles = new Map<string, StoryProfile>();
  /** Merged story id → the story it now belongs to. */
  private readonly alias = new Map<string, string>();
  constructor(
    private readonly tx: StoreWriter,
    readonly options: Required<ClusterOptions>,
  ) {}

  private live(id: string): string {
    return this.alias.get(id) ?? id;
  }

  /** Profiles of these stories (merged ones resolved, each story once), from this batch's copies if loaded. */
  async load(ids: readonly string[]): Promise<StoryProfile[]> {
    const missing = ids.filter((id) => !this.profiles.has(this.live(id)));
    if (missing.length > 0) {
      const got = await this.tx.profiles(missing);
      missing.forEach((id, k) => {
        const p = got[k];
        if (!p) return;
        if (p.id !== id) this.alias.set(id, p.id);
        if (!this.profiles.has(p.id)) this.profiles.set(p.id, p);
      });
    }
    const out: StoryProfile[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const p = this.profiles.get(this.live(id));
      if (p && !seen.has(p.id)) {
        seen.add(p.id);
        out.push(p);
      }
    }
    return out;
  }

  merged(from: string, into: string): void {
    this.profiles.delete(from);
    this.alias.set(from, into);
    for (const [k, v] of this.alias) if (v === from) this.alias.set(k, into);
  }
}

/**
 * Ingests articles into the store, one transaction per batch. Bad articles (no text, wrong fields) are
 * reported in `errors` and skipped; a store failure (locked, read-only, full disk) stops the ingest with
 * a STORE error, keeping every batch committed before it.
 */
export async function ingestArticles(
  store: Store,
  articles: Iterable<Article> | AsyncIterable<Article>,
  options: StreamOptions = {},
): Promise<IngestReport> {
  const o = clusterOptions(options);
  const now = options.now ?? Date.now;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 200));
  const background = options.background ?? defaultBackground();
  const report: IngestReport = {
    added: 0,
    duplicates: 0,
    existing: 0,
    newStories: 0,
    merges: 0,
    errors: [],
    outcomes: [],
  };
  const groups = new Map<string, string>();
  let done = 0;
  let pending: Article[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const clock = now();
    const ingestedAt = new Date(clock).toISOString();
    const prepared: Array<Prepared | ArticleOutcome> = pending.map((a) => {
      try {
        return prepareOne(a, clock, options, background);
      } catch (e) {
        const error = isNewsweaveError(e) ? e : toNewsweaveError(e, { file: a?.origin?.source });
        return { id: String(a?.id ?? ""), status: "error", error } satisfies ArticleOutcome;
      }
    });
    const live = prepared.filter((p): p is Prepared => "features" in p);
    const times = fillUndated(
      live.map((p) => p.article),
      live.map((p) => (p.dated ? p.time : undefined)),
    );
    live.forEach((p, k) => {
      p.time = times[k] ?? p.time;
    });
    let outcomes: ArticleOutcome[] = [];
    try {
      outcomes = await store.write(async (tx) => {
        const batch = new Batch(tx, o);
        const out: ArticleOutcome[] = [];
        for (const p of prepared) {
          if ("status" in p) out.push(p);
          else out.push(await ingestOne(tx, batch, p, ingestedAt, groups, options));
        }
        return out;
      });
    } catch (e) {
      const err = toNewsweaveError(e);
      const kept = report.added > 0 ? ` (the ${report.added} articles stored before are kept)` : "";
      throw new NewsweaveError(err.code, `${err.message}${kept}`, err.location, { cause: err });
    }
    for (const out of outcomes) {
      report.outcomes.push(out);
      if (out.status === "error") report.errors.push(out.error!);
      else if (out.status === "exists") report.existing++;
      else {
        report.added++;
        if (out.status === "duplicate") report.duplicates++;
        if (out.newStory) report.newStories++;
      }
    }
    report.merges += outcomes.reduce((n, x) => n + ((x as { merged?: number }).merged ?? 0), 0);
    done += pending.length;
    pending = [];
    options.onProgress?.(done);
  };

  for await (const a of articles as AsyncIterable<Article>) {
    pending.push(a);
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return report;
}

async function ingestOne(
  tx: StoreWriter,
  batch: Batch,
  p: Prepared,
  ingestedAt: string,
  groups: Map<string, string>,
  options: StreamOptions,
): Promise<ArticleOutcome & { merged?: number }> {
  const o = batch.options;
  const a = p.article;
  const existing = await tx.articleByKey(p.key);
  if (existing) return { id: a.id, status: "exists", storedId: existing.id, story: existing.story };
  const storedId = await freeId(tx, a.id);
  const dup = await findDuplicate(tx, p, options);

  let profile: StoryProfile | undefined;
  let merged = 0;
  if (dup) profile = (await batch.load([dup.ref.story]))[0];
  if (!profile && p.group !== undefined) {
    const g = groups.get(p.group);
    if (g) profile = (await batch.load([g]))[0];
  }
  let candidates: StoryProfile[] = [];
  let scores: number[] = [];
  if (!profile) {
    const terms = queryTerms(p.features, o.queryTerms);
    const postings = await tx.postings(terms, o.perTerm);
    const ids = rankCandidates(p.features, terms, postings, o.candidates);
    candidates = await batch.load(ids);
    scores = candidates.map((c) => scoreStory(p.features, p.time, c, o));
    let best = -1;
    for (let k = 0; k < candidates.length; k++) {
      if (scores[k]! >= joinThreshold(candidates[k]!, o) && (best < 0 || scores[k]! > scores[best]!))
        best = k;
    }
    if (best >= 0) profile = candidates[best];
  }

  const isDup = dup !== undefined;
  let newStory = false;
  let story: StoryProfile;
  if (profile) {
    story = addToProfile(profile, p.features, p.time, isDup, o);
    // a story named by the first words of an untitled article takes the first headline that arrives
    if (p.title !== undefined && (story.title === undefined || story.titleGuessed)) {
      story.title = p.title;
      delete story.titleGuessed;
    }
  } else {
    const fresh = newProfile(p.features, p.time, p.title ?? firstWords(p.searchText), o);
    if (p.title === undefined) fresh.titleGuessed = true;
    fresh.id = await tx.createStory(fresh, ingestedAt);
    story = fresh;
    newStory = true;
  }

  // Stories that both fit this article well and resemble each other are one story, and so is a one-article
  // story that the grown story now fits (see `absorbs`): merge into the oldest. Only the article's own
  // candidates are looked at, so the cost per article stays bounded.
  if (!isDup) {
    for (let k = 0; k < candidates.length; k++) {
      const other = candidates[k]!;
      if (other.id === story.id) continue;
      const current = batch.profiles.get(other.id);
      if (!current || current.id === story.id) continue;
      const bar = o.mergeSimilarity + o.sizePenalty * Math.log(story.sources + current.sources);
      const bridged =
        scores[k]! >= Math.max(o.mergeThreshold, joinThreshold(other, o)) &&
        storySimilarity(story, current, o) >= bar;
      if (!bridged && !absorbs(story, current, o)) continue;
      const [into, from] =
        storyNumber(story.id) < storyNumber(current.id) ? [story, current] : [current, story];
      const survivor = mergeProfiles(into, from, o);
      await tx.mergeStories(from.id, into.id, ingestedAt);
      batch.merged(from.id, into.id);
      for (const [g, s] of groups) if (s === from.id) groups.set(g, into.id);
      story = survivor;
      merged++;
    }
  }

  // stored under the cleaned title: a first line guessed as the title that was a menu item ("• Live") or a
  // byline ("OAN Newsroom") is not listed as the article's headline
  const stored: Article = { ...a, id: storedId };
  if (p.title !== undefined) stored.title = p.title;
  else delete stored.title;
  const seq = await tx.insertArticle({
    article: stored,
    key: p.key,
    textKey: p.textKey,
    story: story.id,
    ...(dup ? { duplicateOf: dup.ref.duplicateOf ?? dup.ref.id, duplicateKind: dup.kind } : {}),
    ingestedAt,
    time: p.time,
    signature: p.features.sketch.signature,
    shingles: p.features.sketch.shingles,
    bands: p.features.bands,
    searchText: p.searchText,
  });
  await tx.saveProfile(story, ingestedAt);
  batch.profiles.set(story.id, story);
  if (!isDup) await tx.addPostings(story.id, queryTerms(p.features, o.postTerms), seq);
  if (p.group !== undefined) groups.set(p.group, story.id);

  const out: ArticleOutcome & { merged?: number } = {
    id: a.id,
    status: isDup ? "duplicate" : "added",
    storedId,
    story: story.id,
    newStory,
  };
  if (dup) out.duplicateOf = dup.ref.duplicateOf ?? dup.ref.id;
  if (merged > 0) out.merged = merged;
  return out;
}

function storyNumber(id: string): number {
  const n = Number(id.replace(/^\D+/, ""));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** A title for a story without one: the first words of its first article. */
function firstWords(text: string, max = 12): string {
  // the first line: a headline left in the text, or the lead sentence's paragraph
  const start = text.search(/\S/);
  if (start < 0) return "";
  const nl = text.indexOf("\n", start);
  const line = text.slice(start, nl < 0 ? text.length : nl);
  const toks = wordTokens(line);
  if (toks.length === 0) return "";
  const end = toks[Math.min(max, toks.length) - 1]!.end;
  return line.slice(0, end).replace(/\s+/g, " ").trim() + (toks.length > max ? " …" : "");
}
