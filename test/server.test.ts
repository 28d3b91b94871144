import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import type { ErrorCode } from "../src/errors.ts";
import { createApp, LOOPBACK_HOSTS } from "../src/server/app.ts";
import { type Engine, InlineEngine } from "../src/server/engine.ts";
import { STATUS_OF_CODE } from "../src/server/errors.ts";
import { ReportBody } from "../src/server/openapi.ts";
import { WorkerPool } from "../src/server/pool.ts";
import type { SummarizeRequest } from "../src/server/schemas.ts";
import { hostsFor, type RunningServer, serve } from "../src/server/serve.ts";
import { openStore } from "../src/server/stories.ts";
import { openSqliteStore } from "../src/store/index.ts";

const FIXTURES = "test/fixtures/server";
const read = (name: string) => readFileSync(`${FIXTURES}/${name}`, "utf8");
const STORY = [
  { text: read("a-valley-times.txt"), name: "a-valley-times.txt" },
  { text: read("b-county-ledger.txt"), name: "b-county-ledger.txt" },
  { text: read("c-radio-north.html"), name: "c-radio-north.html" },
];

interface ErrorJson {
  error: { code: string; message: string; field?: string; line?: number; column?: number };
}
interface ReportJson {
  articles: Array<{
    id: string;
    title?: string;
    outlet?: string;
    text: string;
    sentences: Array<{ start: number; end: number }>;
  }>;
  summary?: {
    words: number;
    sentences: Array<{
      text: string;
      from: { articleId: string; start: number; end: number };
      support: Array<{ articleId: string; start: number; end: number }>;
    }>;
  };
  [section: string]: unknown;
}

const app = createApp();

function post(path: string, body: unknown, headers: Record<string, string> = {}, target = app) {
  return target.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

async function errorOf(res: Response): Promise<ErrorJson["error"]> {
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  const body = (await res.json()) as ErrorJson;
  assert.equal(typeof body.error.code, "string");
  assert.equal(typeof body.error.message, "string");
  assert.doesNotMatch(body.error.message, /\n\s+at /, "no stack trace in an error");
  return body.error;
}

/** Words of a text, lower-cased, for comparing a summary sentence with the sentence it cites. */
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe("POST /v1/summarize", () => {
  test("a story of text and HTML articles gets a summary whose citations point at real sentences", async () => {
    const res = await post("/v1/summarize", { articles: STORY, words: 80 });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson;
    const described = ReportBody.safeParse(report);
    assert.ok(described.success, `the report matches its OpenAPI schema: ${described.error?.message}`);
    assert.deepEqual(
      report.articles.map((a) => a.id),
      ["a-valley-times", "b-county-ledger", "c-radio-north"],
    );
    const html = report.articles[2]!;
    assert.match(html.title ?? "", /^Glenmoor reservoir to be drained after dam leak/);
    assert.doesNotMatch(html.text, /<p>|Subscribe to our newsletter/, "HTML extracted to clean text");
    const summary = report.summary!;
    assert.ok(summary.sentences.length >= 2);
    assert.ok(summary.words <= 80 + 40, `about the word budget, got ${summary.words}`);
    const byId = new Map(report.articles.map((a) => [a.id, a]));
    for (const s of summary.sentences) {
      assert.ok(s.support.length >= 1);
      for (const c of s.support) {
        const article = byId.get(c.articleId);
        assert.ok(article, `citation of an article in the report: ${c.articleId}`);
        assert.ok(
          article.sentences.some((x) => x.start === c.start && x.end === c.end),
          "a citation spans exactly one sentence of its article",
        );
      }
      // The summary sentence is taken from the sentence it cites first.
      const cited = new Set(words(byId.get(s.from.articleId)!.text.slice(s.from.start, s.from.end)));
      const own = words(s.text);
      const shared = own.filter((w) => cited.has(w)).length;
      assert.ok(shared / own.length > 0.8, `"${s.text}" comes from its cited sentence`);
    }
  });

  test("with story N, the articles are grouped first: an unrelated feed item is a story of its own", async () => {
    const feed = { text: readFileSync("examples/harbor-bridge/05-feed.xml", "utf8"), name: "05-feed.xml" };
    const res = await post("/v1/summarize", { articles: [...STORY, feed], story: 1, words: 80 });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson & {
      stories: Array<{ story: number; articles: string[]; title: string }>;
    };
    assert.ok(ReportBody.safeParse(report).success, "the report with its stories matches its OpenAPI schema");
    const { stories } = report;
    assert.ok(stories.length >= 3, `reservoir, bridge and festival stories: ${JSON.stringify(stories)}`);
    assert.deepEqual(
      stories.map((s) => s.story),
      stories.map((_, k) => k + 1),
    );
    // every article is in exactly one story, and story 1 is the one reported
    const all = stories.flatMap((s) => s.articles);
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(
      report.articles.map((a) => a.id),
      stories[0]!.articles,
    );
    assert.deepEqual(stories[0]!.articles, ["a-valley-times", "b-county-ledger", "c-radio-north"]);
    const festival = stories.find((s) => /maple/i.test(s.title));
    assert.ok(festival, "the festival item is listed under its headline");
    const second = await post("/v1/summarize", {
      articles: [...STORY, feed],
      story: festival.story,
      words: 80,
    });
    const other = (await second.json()) as ReportJson;
    assert.deepEqual(
      other.articles.map((a) => a.id),
      festival.articles,
    );
    assert.match(other.summary!.sentences.map((x) => x.text).join(" "), /festival/i);
    assert.doesNotMatch(JSON.stringify(other.summary), /reservoir|Glenmoor/i);

    const beyond = await post("/v1/summarize", { articles: STORY, story: 4 });
    assert.equal(beyond.status, 400);
    const e = await errorOf(beyond);
    assert.equal(e.field, "story");
    assert.match(e.message, /1 story in these articles, not 4/);
  });

  test("an SGML (DUC/TAC) collection posted as an article keeps its document ids", async () => {
    const dir = "test/fixtures/duc/docs/d90001t";
    const articles = ["APW20260312.0101", "NYT20260312.0233"].map((name) => ({
      text: readFileSync(`${dir}/${name}`, "utf8"),
      name,
    }));
    const res = await post("/v1/summarize", { articles, words: 60 });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson;
    assert.deepEqual(
      report.articles.map((a) => [a.id, a.outlet]),
      [
        ["APW20260312.0101", "Associated Press"],
        ["NYT20260312.0233", "The New York Times"],
      ],
    );
    assert.ok(report.summary!.sentences.length > 0);
  });

  test("the bench JSON shape is accepted as it is", async () => {
    const documents = STORY.slice(0, 2).map((a, k) => ({
      text: a.text,
      title: `Report ${k}`,
      date: "2026-05-07",
    }));
    const res = await post("/v1/summarize", {
      id: "glenmoor",
      source: "multi-news/train",
      documents,
      references: ["ignored"],
    });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson;
    assert.deepEqual(
      report.articles.map((a) => a.id),
      ["glenmoor/0", "glenmoor/1"],
    );
    assert.ok(report.summary && report.summary.sentences.length > 0);
  });

  test("a news dump posted as one article with format jsonl: each line an article, its id and metadata kept", async () => {
    const dump = STORY.slice(0, 2)
      .map((a, k) =>
        JSON.stringify({
          id: `wire-${k}`,
          headline: `Report ${k}`,
          content: a.text,
          source: { name: `Wire ${k}` },
        }),
      )
      .join("\n");
    const res = await post("/v1/summarize", {
      articles: [{ text: dump, format: "jsonl", name: "dump.jsonl" }],
    });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson;
    assert.deepEqual(
      report.articles.map((a) => [a.id, a.outlet]),
      [
        ["wire-0", "Wire 0"],
        ["wire-1", "Wire 1"],
      ],
    );
    // without the format, JSON lines are not silently read as prose
    const auto = await post("/v1/summarize", { articles: [{ text: dump }] });
    assert.equal(auto.status, 400);
    assert.match((await errorOf(auto)).message, /format "jsonl"/);
    // a bad line is named
    const bad = await post("/v1/summarize", {
      articles: [{ text: `${dump}\n{"content": 5}`, format: "jsonl", name: "dump.jsonl" }],
    });
    assert.equal(bad.status, 400);
    const error = await errorOf(bad);
    assert.equal(error.field, "articles[0].text");
    assert.match(error.message, /^articles\[0\]\.text \(line 3, field content\): /);
  });

  test("sections choose what is computed; ids and metadata given by the client are kept", async () => {
    const articles = STORY.slice(0, 2).map((a, k) => ({
      text: a.text,
      id: `src-${k}`,
      outlet: `Outlet ${k}`,
      published: "2026-05-07",
    }));
    const res = await post("/v1/summarize", { articles, sections: ["summary"] });
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson;
    assert.deepEqual(
      report.articles.map((a) => [a.id, a.outlet]),
      [
        ["src-0", "Outlet 0"],
        ["src-1", "Outlet 1"],
      ],
    );
    assert.deepEqual(Object.keys(report).sort(), ["articles", "summary"]);
    for (const s of report.summary!.sentences) assert.match(s.from.articleId, /^src-[01]$/);
  });

  test("invalid JSON: 400 with the line and column of the mistake", async () => {
    const lines = ["{", '  "articles": [', '    {"text": "A sentence."},', "    {text: 1}", "  ]", "}"];
    const res = await post("/v1/summarize", lines.join("\n"));
    assert.equal(res.status, 400);
    const error = await errorOf(res);
    assert.equal(error.code, "BAD_JSON");
    assert.equal(error.line, 4);
    assert.equal(error.column, lines[3]!.indexOf("text") + 1);
    assert.match(error.message, /line 4, column 6/);

    const cut = await post("/v1/summarize", '{"articles": [{"text": "abc"');
    assert.equal(cut.status, 400);
    const e2 = await errorOf(cut);
    assert.equal(e2.code, "BAD_JSON");
    assert.equal(e2.column, '{"articles": [{"text": "abc"'.length + 1, "the end of the text");

    const empty = await post("/v1/summarize", "");
    assert.equal(empty.status, 400);
    assert.equal((await errorOf(empty)).code, "BAD_JSON");
  });

  test("wrong types: 400 naming the field", async () => {
    const cases: Array<[unknown, string]> = [
      [{ articles: [{ text: "Fine text here." }, { text: 42 }] }, "articles[1].text"],
      [{ articles: [{ text: "x" }], words: "many" }, "words"],
      [{ articles: [{ text: "x" }], words: 3 }, "words"],
      [{ articles: [{ text: "x" }], words: 12.5 }, "words"],
      [{ articles: [{ text: "x" }], sections: ["summary", "horoscope"] }, "sections[1]"],
      [{ articles: [{ text: "x", format: "pdf" }] }, "articles[0].format"],
      [{ articles: [{ text: "x", titel: "typo" }] }, "articles[0].titel"],
      [{ articles: "just text" }, "articles"],
      [{ articles: [] }, "articles"],
      [{ documents: [{ text: "x" }], articles: [{ text: "y" }] }, "documents"],
      [{ words: 100 }, "articles"],
      [[1, 2, 3], "(body)"],
      [
        {
          articles: [
            { text: "a", id: "same" },
            { text: "b", id: "same" },
          ],
        },
        "articles[1].id",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post("/v1/summarize", body);
      assert.equal(res.status, 400, `${JSON.stringify(body)} is refused`);
      const error = await errorOf(res);
      assert.equal(error.code, "BAD_FIELD");
      assert.equal(error.field, field, JSON.stringify(body));
      assert.ok(error.message.startsWith(field), `message names the field: ${error.message}`);
    }
  });

  test("an article without usable text: 422 naming the article", async () => {
    const res = await post("/v1/summarize", { articles: [STORY[0], { text: "   \n  " }] });
    assert.equal(res.status, 422);
    const error = await errorOf(res);
    assert.equal(error.code, "EMPTY_INPUT");
    assert.equal(error.field, "articles[1].text");
  });

  test("a body over the size limit: 413, whether or not it announces its length", async () => {
    const small = createApp({ maxBodyBytes: 10_000 });
    const big = { articles: [{ text: "Word ".repeat(5_000) }] };
    const res = await post("/v1/summarize", big, {}, small);
    assert.equal(res.status, 413);
    const error = await errorOf(res);
    assert.equal(error.code, "TOO_LARGE");
    assert.match(error.message, /10000/);

    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
        controller.close();
      },
    });
    const chunked = await small.request("/v1/summarize", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal((await errorOf(chunked)).code, "TOO_LARGE");

    const fits = await post("/v1/summarize", { articles: [STORY[0]] }, {}, small);
    assert.equal(fits.status, 200, "a body under the limit is served");
  });

  test("1,000 articles in one request are refused at once with the limit named", async () => {
    const articles = Array.from({ length: 1000 }, (_, k) => ({
      text: `Report ${k}: the Glenmoor dam leak forced the water board to drain the reservoir on Thursday.`,
    }));
    const started = Date.now();
    const res = await post("/v1/summarize", { articles });
    assert.equal(res.status, 413);
    const error = await errorOf(res);
    assert.equal(error.code, "TOO_LARGE");
    assert.match(error.message, /1000 .*limit is 200/);
    assert.ok(Date.now() - started < 2_000, "refused without analysing");
    // refused on its count before its fields are checked: 1,000 bad articles are not 1,000 field errors
    const bad = await post("/v1/summarize", { articles: Array.from({ length: 1000 }, () => ({ text: 5 })) });
    assert.equal(bad.status, 413);
    const many = await post(
      "/v1/summarize",
      { articles: Array.from({ length: 150 }, () => ({ text: 5 })) },
      {},
      createApp({ maxArticles: 1000 }),
    );
    assert.equal(many.status, 400);
    const body = (await many.json()) as { error: { message: string; issues?: unknown[] } };
    assert.match(body.error.message, /and 149 more/);
    assert.ok((body.error.issues?.length ?? 0) <= 50, `${body.error.issues?.length} issues listed`);

    // A server configured for more articles does process them.
    const roomy = createApp({ maxArticles: 1000 });
    const ok = await post("/v1/summarize", { articles: articles.slice(0, 300), words: 50 }, {}, roomy);
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as ReportJson).articles.length, 300);
  });

  test("what another site's page could send is refused: text/plain or no content type, a foreign Origin, a rebound Host", async () => {
    const body = JSON.stringify({ articles: STORY });
    for (const headers of [{ "content-type": "text/plain" }, {}] as Array<Record<string, string>>) {
      const res = await app.request("/v1/summarize", { method: "POST", body, headers });
      assert.equal(res.status, 415);
      assert.equal((await errorOf(res)).code, "BAD_MEDIA_TYPE");
    }
    const foreign = await post("/v1/summarize", { articles: STORY }, { origin: "http://evil.example" });
    assert.equal(foreign.status, 403);
    assert.equal((await errorOf(foreign)).code, "FORBIDDEN");
    const own = await post("/v1/summarize", { articles: STORY }, { origin: "http://localhost" });
    assert.equal(own.status, 200);
    const rebound = await app.request("http://attacker.example:8080/healthz");
    assert.equal(rebound.status, 403);
    assert.equal((await errorOf(rebound)).code, "FORBIDDEN");
    assert.equal((await app.request("http://127.0.0.1:8080/healthz")).status, 200);
    assert.equal((await app.request("http://[::1]:8080/healthz")).status, 200);
    // listening on every interface answers to any name; on a given address, to it and the loopback names
    assert.equal(hostsFor("0.0.0.0"), "any");
    assert.deepEqual(hostsFor("192.0.2.7", ["news.example"]), [
      ...LOOPBACK_HOSTS,
      "192.0.2.7",
      "news.example",
    ]);
    const open = createApp({ allowedHosts: hostsFor("0.0.0.0") });
    assert.equal((await open.request("http://news.example/healthz")).status, 200);
  });

  test("a non-JSON content type is refused with 415", async () => {
    const res = await app.request("/v1/summarize", {
      method: "POST",
      body: "articles=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    assert.equal(res.status, 415);
    assert.equal((await errorOf(res)).code, "BAD_MEDIA_TYPE");
  });

  test("an unexpected failure is a 500 with a generic message, never the exception text", async () => {
    const fail = async (): Promise<string> => {
      throw new TypeError("secret internal detail at /srv/x.ts:12");
    };
    const broken: Engine = { summarize: fail, report: fail, close: async () => {} };
    const original = console.error;
    console.error = () => {};
    try {
      const res = await post("/v1/summarize", { articles: [STORY[0]] }, {}, createApp({ engine: broken }));
      assert.equal(res.status, 500);
      const error = await errorOf(res);
      assert.equal(error.code, "INTERNAL");
      assert.doesNotMatch(error.message, /secret|\/srv/);
    } finally {
      console.error = original;
    }
  });
});

describe("story store routes", () => {
  const store = openSqliteStore(":memory:");
  const stored = createApp({ store: openStore(store) });
  after(() => store.close());
  const other = {
    name: "maple-festival.txt",
    text:
      "Maple festival returns to Wexford Falls\n\nThe annual maple syrup festival returns to Wexford Falls this " +
      "weekend with sugarhouse tours, pancake breakfasts and a lumberjack show, organisers said on Tuesday. " +
      "About 5,000 visitors are expected over the two days.\n",
  };
  const get = (path: string) => stored.request(path);
  let before = "";

  test("POST /v1/articles stores articles in stories; posting them again stores nothing twice", async () => {
    before = new Date(Date.now() - 1000).toISOString();
    const res = await post("/v1/articles", { articles: [...STORY, other] }, {}, stored);
    assert.equal(res.status, 201);
    const body = (await res.json()) as {
      added: number;
      articles: Array<{ id: string; status: string; story: string }>;
    };
    assert.equal(body.added, 4);
    const glenmoor = new Set(body.articles.slice(0, 3).map((a) => a.story));
    assert.equal(glenmoor.size, 1, "the three reports of the dam leak form one story");
    assert.ok(!glenmoor.has(body.articles[3]!.story), "the festival is another story");

    const again = await post("/v1/articles", { articles: STORY }, {}, stored);
    assert.equal(again.status, 200);
    const second = (await again.json()) as { added: number; existing: number };
    assert.deepEqual([second.added, second.existing], [0, 3]);
  });

  test("GET /v1/stories lists them and GET /v1/stories/:id reports on one", async () => {
    const list = await get("/v1/stories");
    assert.equal(list.status, 200);
    const { stories } = (await list.json()) as {
      stories: Array<{ id: string; size: number; articles: string[] }>;
    };
    // the listing is the CLI's: the size, and the ids of the articles
    const dam = stories.find((s) => s.size === 3);
    assert.deepEqual(dam?.articles.length, 3);
    assert.ok(dam, JSON.stringify(stories));
    const res = await get(`/v1/stories/${dam.id}?words=60&sections=summary`);
    assert.equal(res.status, 200);
    const report = (await res.json()) as ReportJson & { story: { id: string } };
    assert.equal(report.story.id, dam.id);
    assert.equal(report.articles.length, 3);
    assert.ok(report.summary && report.summary.sentences.length > 0);
    assert.equal(report.timeline, undefined, "only the sections asked for");

    const updates = await get(`/v1/stories/${dam.id}/updates?since=${encodeURIComponent(before)}`);
    assert.equal(updates.status, 200);
    const fresh = (await updates.json()) as { newArticles: unknown[]; summary?: unknown };
    assert.equal(fresh.newArticles.length, 3);
    assert.ok(fresh.summary);
    const later = await get(
      `/v1/stories/${dam.id}/updates?since=${encodeURIComponent(new Date().toISOString())}`,
    );
    assert.equal(((await later.json()) as { newArticles: unknown[] }).newArticles.length, 0);
  });

  test("store routes refuse bad input with the field named, and unknown stories with 404", async () => {
    const missing = await get("/v1/stories/no-such-story");
    assert.equal(missing.status, 404);
    assert.equal((await errorOf(missing)).code, "NOT_FOUND");
    const cases: Array<[string, string]> = [
      ["/v1/stories?limit=0", "limit"],
      ["/v1/stories/s1?words=many", "words"],
      ["/v1/stories/s1?sections=summary,gossip", "sections"],
      ["/v1/stories/s1/updates", "since"],
      ["/v1/stories/s1/updates?since=yesterday-ish", "since"],
      ["/v1/stories/s1/updates?since=2026", "since"],
      ["/v1/stories/s1/updates?since=1700000000", "since"],
      ["/v1/stories/s1/updates?since=2026-02-30T10:00", "since"],
      ["/v1/stories?since=2026-13-45", "since"],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      assert.equal(res.status, 400, path);
      assert.equal((await errorOf(res)).field, field, path);
    }
    const bad = await post("/v1/articles", { articles: [{ text: 5 }] }, {}, stored);
    assert.equal(bad.status, 400);
    assert.equal((await errorOf(bad)).field, "articles[0].text");
    const none = await createApp().request("/v1/stories");
    assert.equal(none.status, 404, "no store, no store routes");
  });
});

describe("routes, headers and the API description", () => {
  test("GET /healthz", async () => {
    const res = await app.request("/healthz");
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, "ok");
  });

  test("unknown routes are JSON 404s; a wrong method is a 405 with Allow", async () => {
    const missing = await app.request("/v1/nothing-here");
    assert.equal(missing.status, 404);
    assert.equal((await errorOf(missing)).code, "NOT_FOUND");
    const wrong = await app.request("/v1/summarize", { method: "GET" });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get("allow"), "POST");
    assert.equal((await errorOf(wrong)).code, "BAD_METHOD");
  });

  test("the page is served with a strict Content-Security-Policy and no inline script", async () => {
    const res = await app.request("/");
    assert.equal(res.status, 200);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    const html = await res.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\bsrc="\/app\.js"/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handlers");
    const js = await app.request("/app.js");
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type") ?? "", /javascript/);
    assert.doesNotMatch(await js.text(), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  test("the OpenAPI document describes the request schema the server enforces", async () => {
    const res = await app.request("/openapi.json");
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: Record<string, { properties?: Record<string, { minimum?: number; maximum?: number }> }>;
      };
    };
    assert.match(doc.openapi, /^3\.1/);
    assert.ok(doc.paths["/v1/summarize"]);
    assert.ok(doc.paths["/healthz"]);
    const words = doc.components.schemas.SummarizeRequest?.properties?.words;
    assert.ok(words?.minimum !== undefined && words.maximum !== undefined);
    // What the document says is what validation does.
    const below = await post("/v1/summarize", { articles: [STORY[0]], words: words.minimum - 1 });
    assert.equal(below.status, 400);
    const above = await post("/v1/summarize", { articles: [STORY[0]], words: words.maximum + 1 });
    assert.equal(above.status, 400);
  });

  test("every error code has a client (4xx) or server (5xx) status", () => {
    const clientSide: ErrorCode[] = [
      "BAD_JSON",
      "BAD_FIELD",
      "EMPTY_INPUT",
      "TOO_LARGE",
      "NOT_FOUND",
      "BAD_HTML",
    ];
    for (const code of clientSide) assert.ok(STATUS_OF_CODE[code] >= 400 && STATUS_OF_CODE[code] < 500, code);
    assert.equal(STATUS_OF_CODE.INTERNAL, 500);
  });

  test("the OpenAPI error schema lists the codes the server answers with", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      components: {
        schemas: { Error?: { properties: { error: { properties: { code: { enum?: string[] } } } } } };
      };
    };
    const listed = doc.components.schemas.Error?.properties.error.properties.code.enum ?? [];
    const answers = [
      await app.request("/v1/summarize", { method: "GET" }),
      await app.request("/v1/summarize", {
        method: "POST",
        body: "x",
        headers: { "content-type": "text/csv" },
      }),
      await post("/v1/summarize", { articles: [] }),
      await app.request("/v1/nothing-here"),
    ];
    for (const res of answers) {
      const { code } = await errorOf(res);
      assert.ok(listed.includes(code), `${code} (status ${res.status}) is not in the OpenAPI error codes`);
    }
    for (const code of ["BUSY", "TIMEOUT"]) assert.ok(listed.includes(code), code);
  });
});

describe("concurrency on a worker pool", () => {
  let pool: WorkerPool;
  before(async () => {
    pool = new WorkerPool({ workers: 2 });
    await pool.ready();
  });
  after(() => pool.close());

  test("concurrent requests each get their own story's report", async () => {
    const pooled = createApp({ engine: pool });
    const requests = Array.from({ length: 8 }, (_, k) => ({
      articles: STORY.map((a, j) => ({ ...a, id: `r${k}-a${j}` })),
      words: 40 + 10 * k,
    }));
    const answers = await Promise.all(requests.map((r) => post("/v1/summarize", r, {}, pooled)));
    for (const [k, res] of answers.entries()) {
      assert.equal(res.status, 200);
      const report = (await res.json()) as ReportJson;
      assert.deepEqual(
        report.articles.map((a) => a.id),
        [`r${k}-a0`, `r${k}-a1`, `r${k}-a2`],
      );
      for (const s of report.summary!.sentences) assert.ok(s.from.articleId.startsWith(`r${k}-`));
    }
  });

  test("a full queue answers 503 BUSY at once instead of piling up", async () => {
    const small = new WorkerPool({ workers: 1, maxQueue: 1 });
    try {
      const busyApp = createApp({ engine: small });
      const bodies = Array.from({ length: 5 }, (_, k) => ({
        articles: STORY.map((a) => ({ ...a, id: `${a.name}-${k}` })),
      }));
      const answers = await Promise.all(bodies.map((b) => post("/v1/summarize", b, {}, busyApp)));
      const statuses = answers.map((r) => r.status).sort();
      assert.ok(statuses.includes(200), `some served: ${statuses}`);
      assert.ok(statuses.includes(503), `some refused: ${statuses}`);
      for (const r of answers) if (r.status === 503) assert.equal((await errorOf(r)).code, "BUSY");
    } finally {
      await small.close();
    }
  });

  test("an analysis over the time limit is stopped with 503 TIMEOUT and the pool keeps working", async () => {
    const limited = new WorkerPool({ workers: 1, timeoutMs: 300 });
    try {
      await limited.ready();
      const whole = STORY.map((a) => a.text).join("\n\n");
      const articles = Array.from({ length: 200 }, (_, k) => ({
        text: `${whole}\n\nUpdate ${k}: more water was pumped out overnight, engineers said.`,
        format: "html" as const,
      }));
      const started = Date.now();
      await assert.rejects(limited.summarize({ articles } as SummarizeRequest), { code: "TIMEOUT" });
      assert.ok(Date.now() - started < 3_000, "stopped near the limit");
      await limited.ready(); // the stopped worker has been replaced
      const small = { articles: [{ text: STORY[0]!.text, format: "text" as const }] };
      assert.match(await limited.summarize(small as SummarizeRequest), /"summary"/);
    } finally {
      await limited.close();
    }
  });
});

describe("on a real socket", () => {
  let server: RunningServer;
  before(async () => {
    server = await serve({ port: 0, workers: 0, requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
  });
  after(() => server.close());

  test("a client that stops sending is cut off, and others are served meanwhile", async () => {
    const socket = connect(server.port, "127.0.0.1");
    const closed = new Promise<{ data: string; ms: number }>((resolve) => {
      const started = Date.now();
      let data = "";
      socket.on("data", (d) => {
        data += d.toString();
      });
      socket.on("close", () => resolve({ data, ms: Date.now() - started }));
      socket.on("error", () => {});
    });
    socket.write(
      'POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"arti',
    );
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200, "served while the slow client hangs");
    const { data, ms } = await closed;
    assert.ok(ms < 5_000, `cut off after ${ms} ms`);
    if (data !== "") assert.match(data, /^HTTP\/1\.1 408/);
  });

  test("an over-limit upload gets its 413 over the network", async () => {
    const body = JSON.stringify({ articles: [{ text: "x".repeat(6 * 1024 * 1024) }] });
    const res = await fetch(`${server.url}/v1/summarize`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    assert.equal(res.status, 413);
    assert.equal((await errorOf(res)).code, "TOO_LARGE");
  });

  test("concurrent clients over HTTP all get answers", async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, k) =>
        fetch(`${server.url}/v1/summarize`, {
          method: "POST",
          body: JSON.stringify({ articles: STORY.slice(0, 2), words: 30 + k * 10 }),
          headers: { "content-type": "application/json" },
        }),
      ),
    );
    for (const r of answers) {
      assert.equal(r.status, 200);
      assert.ok(((await r.json()) as ReportJson).summary);
    }
  });
});

// The inline engine is what createApp uses by default; it must reject with library errors untouched.
test("the inline engine passes library errors through", async () => {
  await assert.rejects(new InlineEngine().summarize({ articles: [{ text: "  ", format: "auto" }] }), {
    code: "EMPTY_INPUT",
  });
});

describe("newsweave serve", () => {
  test("starts, answers, and stops cleanly on SIGTERM", { timeout: 60_000 }, async () => {
    const child = spawn(
      process.execPath,
      ["bin/newsweave.js", "serve", "--port", "0", "--no-store", "--workers", "1"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /serving on (http:\/\/[\d.:]+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        void exited.then((code) => reject(new Error(`exited early (${code})`)));
      });
      const res = await fetch(`${url}/healthz`);
      assert.equal(res.status, 200);
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
  });

  test("a bad option is a usage error", () => {
    const r = spawnSync(process.execPath, ["bin/newsweave.js", "serve", "--port", "70000"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be a whole number from 0 to 65535/);
  });
});
