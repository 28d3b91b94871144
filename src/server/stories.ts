/**
 * Routes over the story store: POST /v1/articles (ingest into stories), GET /v1/stories,
 * GET /v1/stories/:id (the story's report) and GET /v1/stories/:id/updates?since= (what came in since).
 * Store work (SQLite, clustering) runs on the HTTP thread; reports run on the engine like /v1/summarize.
 */

import { createHash } from "node:crypto";
import type { Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { ALL_SECTIONS, type ReportSection } from "../analyze/report.ts";
import { NewsweaveError } from "../errors.ts";
import { openSqliteStore } from "../store/index.ts";
import type { Store, StoredArticle, StoryInfo } from "../store/types.ts";
import { ingestArticles } from "../story/stream.ts";
import { parseIsoInstant } from "../story/time.ts";
import { listStories } from "../story/update.ts";
import type { Article } from "../types.ts";
import { readJson } from "./body.ts";
import type { Engine } from "./engine.ts";
import { checkBodyCount, checkCount, checkIds, type Limits, toArticles } from "./jobs.ts";
import { IngestRequest, MAX_WORDS, MIN_WORDS, validate } from "./schemas.ts";

/** Where the store comes from: opened on first use, created only by a write. */
export interface StoreSource {
  /** The store, or undefined when it does not exist yet and `create` is false. */
  get(create: boolean): Promise<Store | undefined>;
  close(): Promise<void>;
}

/** A store that is already open (tests, embedding). */
export function openStore(store: Store): StoreSource {
  return { get: async () => store, close: () => store.close() };
}

/** A SQLite file opened when first needed; reads before any write see an empty store. */
export function sqliteSource(path: string): StoreSource {
  let store: Store | undefined;
  return {
    async get(create) {
      if (store) return store;
      try {
        store = openSqliteStore(path, { mustExist: !create });
      } catch (e) {
        if (!create && e instanceof NewsweaveError && e.code === "NOT_FOUND") return undefined;
        throw e;
      }
      return store;
    },
    async close() {
      await store?.close();
      store = undefined;
    },
  };
}

const sectionList = z
  .string()
  .transform((s, ctx) => {
    const parts = s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
    for (const p of parts)
      if (!(ALL_SECTIONS as readonly string[]).includes(p)) {
        ctx.addIssue({
          code: "custom",
          message: `unknown section "${p}" (known: ${ALL_SECTIONS.join(", ")})`,
        });
        return z.NEVER;
      }
    return parts as ReportSection[];
  })
  .optional();

const ReportQuery = z.object({
  words: z.coerce.number().int().min(MIN_WORDS).max(MAX_WORDS).optional(),
  sections: sectionList,
});

const StoriesQuery = z.object({
  search: z.string().max(500).optional(),
  since: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const UpdatesQuery = ReportQuery.extend({ since: z.string() });

function parseTime(value: string, field: string): number {
  const t = parseIsoInstant(value);
  if (t === undefined)
    throw new NewsweaveError(
      "BAD_FIELD",
      `${field}: expected an ISO 8601 date or date-time, got "${value}"`,
      {
        field,
      },
    );
  return t;
}

/** The library Article of a stored one (the store's own bookkeeping left out). */
function plainArticle(a: StoredArticle): Article {
  const out: Article = { id: a.id, text: a.text, origin: a.origin };
  if (a.title !== undefined) out.title = a.title;
  if (a.url !== undefined) out.url = a.url;
  if (a.outlet !== undefined) out.outlet = a.outlet;
  if (a.author !== undefined) out.author = a.author;
  if (a.published !== undefined) out.published = a.published;
  return out;
}

function articleEntry(a: StoredArticle) {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
    url: a.url,
    ingestedAt: a.ingestedAt,
    duplicateOf: a.duplicateOf,
  };
}

/** `{"story": …, <the report's fields>}` without parsing the report again. */
function withStory(info: StoryInfo, extra: Record<string, unknown>, reportJson: string): string {
  const head = JSON.stringify({ story: info, ...extra });
  return reportJson === "{}" ? head : `${head.slice(0, -1)},${reportJson.slice(1)}`;
}

export const STORY_METHODS: Record<string, string> = {
  "/v1/articles": "POST",
  "/v1/stories": "GET",
  "/v1/stories/:id": "GET",
  "/v1/stories/:id/updates": "GET",
};

export function installStoryRoutes(
  app: Hono,
  ctx: { source: StoreSource; engine: Engine; limit: MiddlewareHandler; limits: Limits },
): void {
  const { source, engine, limit, limits } = ctx;

  /** The live story (after merges) and its info, or NOT_FOUND. */
  async function findStory(id: string): Promise<{ store: Store; info: StoryInfo }> {
    const store = await source.get(false);
    const info = store ? await store.story(id) : undefined;
    if (!store || !info) throw new NewsweaveError("NOT_FOUND", `no story ${id}`, { field: "id" });
    return { store, info };
  }

  app.post("/v1/articles", limit, async (c) => {
    const input = await readJson(c);
    checkBodyCount(input, limits);
    const req = validate(IngestRequest, input);
    checkCount(req.articles.length, limits, "articles");
    checkIds(req.articles);
    // Ids are global in the store: an article without one is named by its URL, its name or its text.
    const inputs = req.articles.map((a) => ({
      ...a,
      id:
        a.id ??
        a.url ??
        a.name ??
        `article-${createHash("sha256").update(a.text).digest("hex").slice(0, 12)}`,
    }));
    checkIds(inputs);
    const articles = toArticles({ articles: inputs });
    const store = await source.get(true);
    if (!store) throw new NewsweaveError("STORE", "the store could not be opened");
    const report = await ingestArticles(store, articles);
    const body = {
      added: report.added,
      duplicates: report.duplicates,
      existing: report.existing,
      newStories: report.newStories,
      merges: report.merges,
      articles: report.outcomes.map((o) => ({
        id: o.id,
        status: o.status,
        storedId: o.storedId,
        story: o.story,
        newStory: o.newStory,
        duplicateOf: o.duplicateOf,
        error: o.error ? { code: o.error.code, message: o.error.message } : undefined,
      })),
    };
    return c.json(body, report.added > 0 ? 201 : 200);
  });

  app.get("/v1/stories", async (c) => {
    const q = validate(StoriesQuery, c.req.query());
    const store = await source.get(false);
    if (!store) return c.json({ stories: [] });
    // the same listing as the CLI's stories --format json: size, and the ids of each story's articles
    const stories = await listStories(store, {
      search: q.search,
      since: q.since === undefined ? undefined : parseTime(q.since, "since"),
      limit: q.limit,
    });
    return c.json({ stories });
  });

  app.get("/v1/stories/:id", async (c) => {
    const q = validate(ReportQuery, c.req.query());
    const { store, info } = await findStory(c.req.param("id"));
    const articles = (await store.articlesOf(info.id)).map(plainArticle);
    const json = await engine.report(articles, { words: q.words, sections: q.sections });
    return c.body(withStory(info, {}, json), 200, { "Content-Type": "application/json" });
  });

  app.get("/v1/stories/:id/updates", async (c) => {
    const q = validate(UpdatesQuery, c.req.query());
    const since = parseTime(q.since, "since");
    const { store, info } = await findStory(c.req.param("id"));
    const all = await store.articlesOf(info.id);
    const fresh = all.filter((a) => Date.parse(a.ingestedAt) > since);
    const extra = {
      since: new Date(since).toISOString(),
      newArticles: fresh.map(articleEntry),
      earlierArticles: all.length - fresh.length,
    };
    if (fresh.length === 0) return c.json({ story: info, ...extra, articles: [] });
    const json = await engine.report(fresh.map(plainArticle), {
      words: q.words,
      sections: q.sections ?? ["summary", "timeline"],
    });
    return c.body(withStory(info, extra, json), 200, { "Content-Type": "application/json" });
  });
}
