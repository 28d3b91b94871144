import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { groupArticles, ingestPath } from "../src/index.ts";
import type { Article } from "../src/types.ts";

const titleOf = (a: Article) => a.title ?? "";

test("loose inputs: the unrelated feed item of the example is split from the bridge story", async () => {
  const { articles } = await ingestPath("examples/harbor-bridge");
  const groups = groupArticles(articles);
  assert.equal(groups.length, 2);
  const [main, other] = groups as [number[], number[]];
  assert.equal(main.length, articles.length - 1, "every bridge report stays in the main story");
  assert.equal(other.length, 1);
  assert.match(titleOf(articles[other[0]!]!), /Maple Festival/);
  for (const i of main) assert.doesNotMatch(titleOf(articles[i]!), /Maple/);
});

test("loose inputs: five reports of one real story stay one story", {
  skip: !existsSync("../shared/seeds"),
}, async () => {
  const { articles } = await ingestPath("../shared/seeds");
  assert.ok(articles.length >= 5);
  assert.deepEqual(groupArticles(articles), [articles.map((_, i) => i)]);
});

test("groupArticles: deterministic, largest story first, input order inside a story", async () => {
  const { articles } = await ingestPath("examples/harbor-bridge");
  const reversed = [...articles].reverse();
  const a = groupArticles(reversed);
  assert.deepEqual(groupArticles(reversed), a);
  assert.ok(a[0]!.length >= a[1]!.length);
  for (const g of a)
    assert.deepEqual(
      [...g].sort((x, y) => x - y),
      g,
    );
  assert.deepEqual(groupArticles([]), []);
});

test("newsweave report: an unrelated input gets its own story and its names stay out of the main one", () => {
  const r = spawnSync(
    process.execPath,
    ["bin/newsweave.js", "report", "examples/harbor-bridge", "--format", "md"],
    {
      encoding: "utf8",
    },
  );
  assert.equal(r.status, 0, r.stderr);
  const headings = r.stdout.split("\n").filter((l) => /^# /.test(l));
  // each story is headed by a title of its own, its id after it
  assert.equal(headings.length, 2, headings.join(" | "));
  assert.match(headings[0]!, /^# .*Harbor Bridge.* \(input\)$/);
  assert.match(headings[1]!, /^# .*Maple Festival.* \(input-2\)$/i);
  const second = r.stdout.indexOf(headings[1]!);
  assert.ok(second > 0, "a second story is printed");
  const main = r.stdout.slice(0, second);
  assert.match(main, /Harbor Bridge/);
  assert.doesNotMatch(main, /Wexford Falls|Maple Festival|sugarhouse/i);
  assert.match(r.stdout.slice(second), /Maple Festival/);
});

test("loose inputs in Chinese: two reports of one event are one story, an unrelated one is not", () => {
  const art = (id: string, text: string): Article => ({
    id,
    text,
    origin: { source: `${id}.txt`, format: "text" },
  });
  const articles = [
    art("a", "港口大桥周二因钢梁出现裂缝而关闭。市长表示，该桥将至少关闭六周。渡轮公司增加了晚间班次。"),
    art("b", "东京的天气很好。游客很多。樱花开了，公园里人很多。"),
    art("c", "因钢梁出现裂缝，港口大桥周二关闭。市长说大桥至少关闭六周，渡轮增加班次。"),
  ];
  assert.deepEqual(groupArticles(articles), [[0, 2], [1]]);
});
