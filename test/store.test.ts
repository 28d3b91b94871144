import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import {
  defaultDbPath,
  ftsQuery,
  MIGRATIONS,
  openSqliteStore,
  type StoryProfile,
} from "../src/store/index.ts";
import { ingestArticles } from "../src/story/index.ts";
import { inventedStories } from "./stream-fixtures.ts";

let tmp = "";
before(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsweave-store-"));
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
const dbPath = () => join(tmp, `t${++n}.db`);

function profile(terms: number[], time = 1000): StoryProfile {
  return {
    id: "",
    centroid: { terms: Int32Array.from(terms), weights: Float32Array.from(terms, () => 1) },
    entities: { terms: new Int32Array(0), weights: new Float32Array(0) },
    articles: 1,
    sources: 1,
    first: time,
    last: time,
    title: `story of ${terms.join(",")}`,
  };
}

const T = "2025-06-01T00:00:00.000Z";

describe("SQLite store: schema", () => {
  test("a new file gets the whole schema, WAL mode and the Newsweave application id", async () => {
    const path = dbPath();
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma("user_version", { simple: true }), MIGRATIONS.length);
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    assert.notEqual(db.pragma("application_id", { simple: true }), 0);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const t of ["articles", "stories", "postings", "bands", "summaries", "articles_fts"])
      assert.ok(tables.includes(t), t);
    db.close();
    // opening again keeps the data and does not re-run migrations
    const again = openSqliteStore(path);
    assert.equal((await again.stats()).articles, 0);
    await again.close();
  });

  test("a file of another program, a newer schema and a corrupt header are clear STORE errors", () => {
    const foreign = dbPath();
    const db = new Database(foreign);
    db.exec("CREATE TABLE recipes (name TEXT)");
    db.close();
    assert.throws(() => openSqliteStore(foreign), { code: "STORE", message: /another program/ });

    const newer = dbPath();
    openSqliteStore(newer).close();
    const db2 = new Database(newer);
    db2.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db2.close();
    assert.throws(() => openSqliteStore(newer), { code: "STORE", message: /newer Newsweave/ });

    const garbage = dbPath();
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    assert.throws(() => openSqliteStore(garbage), { code: "STORE", message: /not a Newsweave database/ });
  });

  test("a missing file is NOT_FOUND when it must exist; a directory is named as one", () => {
    assert.throws(() => openSqliteStore(join(tmp, "nope.db"), { mustExist: true }), { code: "NOT_FOUND" });
    for (const mustExist of [false, true])
      assert.throws(() => openSqliteStore(tmp, { mustExist }), { code: "STORE", message: /is a directory/ });
  });

  test("default path: $NEWSWEAVE_DB, else XDG data home, else ~/.local/share", () => {
    assert.equal(defaultDbPath({ NEWSWEAVE_DB: "/x/y.db" }), "/x/y.db");
    assert.equal(defaultDbPath({ XDG_DATA_HOME: "/data" }), "/data/newsweave/newsweave.db");
    assert.equal(defaultDbPath({ HOME: "/home/u" }), "/home/u/.local/share/newsweave/newsweave.db");
  });

  test("a database of schema 1 is upgraded: a story title that is no article's headline is marked as guessed", async () => {
    const path = dbPath();
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma("application_id = 0x4e575631");
    old.pragma("user_version = 1");
    const story = old.prepare(
      `INSERT INTO stories (title, articles, sources, first_time, last_time, created, updated, centroid_terms,
         centroid_weights, entity_terms, entity_weights) VALUES (?, 1, 1, 0, 0, 0, 0, x'', x'', x'', x'')`,
    );
    story.run("Port Alder ferry strike ends");
    story.run("The ferry workers' union agreed on Tuesday");
    old
      .prepare(
        `INSERT INTO articles (id, key, text_key, story, title, text, origin, ingested, time, signature, shingles)
         VALUES ('a', 'k', 't', 1, 'Port Alder ferry strike ends', 'text', '{}', 0, 0, x'', 0)`,
      )
      .run();
    old.close();
    const store = openSqliteStore(path);
    const [headline, guessed] = await store.write((tx) => tx.profiles(["s1", "s2"]));
    assert.equal(headline?.title, "Port Alder ferry strike ends");
    assert.equal(headline?.titleGuessed, undefined);
    assert.equal(guessed?.titleGuessed, true);
    await store.write(async (tx) =>
      tx.saveProfile({ ...guessed!, title: "A headline", titleGuessed: undefined }, T),
    );
    const [renamed] = await store.write((tx) => tx.profiles(["s2"]));
    assert.equal(renamed?.title, "A headline");
    assert.equal(renamed?.titleGuessed, undefined);
    await store.close();
  });
});

describe("SQLite store: data", () => {
  test("a failed transaction leaves nothing behind", async () => {
    const store = openSqliteStore(dbPath());
    await assert.rejects(
      store.write(async (tx) => {
        await tx.createStory(profile([1, 2, 3]), T);
        throw new Error("boom");
      }),
    );
    assert.equal((await store.stats()).stories, 0);
    await store.close();
  });

  test("postings give the stories that most recently received a term, newest first", async () => {
    const store = openSqliteStore(":memory:");
    const ids = await store.write(async (tx) => {
      const out: string[] = [];
      for (let k = 0; k < 5; k++) {
        const id = await tx.createStory(profile([7, 100 + k]), T);
        await tx.addPostings(id, Int32Array.from([7, 100 + k]), k + 1);
        out.push(id);
      }
      // story 0 receives term 7 again, later than everyone
      await tx.addPostings(out[0]!, Int32Array.from([7]), 10);
      return out;
    });
    const [lists] = await store.write(async (tx) => [await tx.postings(Int32Array.from([7, 101]), 3)]);
    assert.deepEqual(
      lists![0]!.map((p) => p.story),
      [ids[0], ids[4], ids[3]],
    );
    assert.deepEqual(
      lists![1]!.map((p) => p.story),
      [ids[1]],
    );
    await store.close();
  });

  test("a merged story redirects: profiles, articles and lookups go to the survivor", async () => {
    const store = openSqliteStore(":memory:");
    const [x, y] = inventedStories(2, 1, 21);
    const report = await ingestArticles(store, [...x!.articles, ...y!.articles]);
    const [a, b] = report.outcomes.map((o) => o.story!);
    assert.notEqual(a, b);
    await store.write((tx) => tx.mergeStories(b!, a!, T));
    assert.equal(await store.resolveStory(b!), a);
    const [p] = await store.write((tx) => tx.profiles([b!]));
    assert.equal(p?.id, a);
    assert.equal((await store.articlesOf(b!)).length, 2);
    assert.deepEqual(
      (await store.stories()).map((x) => x.id),
      [a],
    );
    assert.equal(await store.resolveStory("s999"), undefined);
    await store.close();
  });

  test("full-text search finds stories by the words of their articles; query syntax is inert", async () => {
    const store = openSqliteStore(":memory:");
    const stories = inventedStories(3, 2, 22);
    await ingestArticles(
      store,
      stories.flatMap((s) => s.articles),
    );
    const word = stories[1]!.articles[0]!.title!.split(" ")[2]!; // the invented place name
    const found = await store.stories({ search: word.toLowerCase() });
    assert.equal(found.length, 1);
    const ids = (await store.articlesOf(found[0]!.id)).map((a) => a.id);
    assert.ok(
      ids.every((id) => id.startsWith("story1-")),
      ids.join(","),
    );
    assert.deepEqual(await store.stories({ search: 'NEAR( " * OR' }), []);
    assert.equal(ftsQuery("a-b c"), '"a" "b" "c"');
    await store.close();
  });

  test("stories --since filters on the last change", async () => {
    const store = openSqliteStore(":memory:");
    const [x, y] = inventedStories(2, 1, 23);
    await ingestArticles(store, x!.articles, { now: () => Date.parse("2025-01-01T00:00:00Z") });
    await ingestArticles(store, y!.articles, { now: () => Date.parse("2025-03-01T00:00:00Z") });
    assert.equal((await store.stories()).length, 2);
    assert.equal((await store.stories({ since: Date.parse("2025-02-01T00:00:00Z") })).length, 1);
    await store.close();
  });

  test("a full disk is a STORE error and the committed data stays intact", async () => {
    const path = dbPath();
    const store = openSqliteStore(path, { maxPages: 60 });
    const stories = inventedStories(40, 3, 24);
    const first = stories.slice(0, 2).flatMap((s) => s.articles);
    await ingestArticles(store, first);
    const rest = stories.slice(2).flatMap((s) => s.articles);
    await assert.rejects(ingestArticles(store, rest, { batchSize: 20 }), {
      code: "STORE",
      message: /disk is full/,
    });
    const stats = await store.stats();
    assert.ok(stats.articles >= first.length);
    assert.equal(store.check(), "ok");
    await store.close();
    // reopened without the limit: consistent, and the rest can be added
    const again = openSqliteStore(path);
    const members = await again.membership();
    const stored = [...members.values()].flat();
    assert.equal(stored.length, (await again.stats()).articles);
    const report = await ingestArticles(again, rest);
    assert.equal(report.added + report.existing, rest.length);
    assert.equal((await again.stats()).articles, first.length + rest.length);
    await again.close();
  });
});

describe("SQLite store: read-only", () => {
  test("writing through a read-only store is a clear STORE error and changes nothing", async () => {
    const path = dbPath();
    const [x, y] = inventedStories(2, 2, 41);
    const store = openSqliteStore(path);
    await ingestArticles(store, x!.articles);
    const before = (await store.stories()).map((s) => s.id);
    await store.close();
    const ro = openSqliteStore(path, { readonly: true });
    await assert.rejects(
      async () => {
        const report = await ingestArticles(ro, y!.articles);
        if (report.errors.length > 0) throw report.errors[0];
      },
      (e: unknown) =>
        e instanceof Error && "code" in e && e.code === "STORE" && /read-only|readonly/i.test(e.message),
    );
    assert.deepEqual(
      (await ro.stories()).map((s) => s.id),
      before,
    );
    await ro.close();
  });
});
