import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { groupArticles, ingestBytes, ingestPath, scoreClustering } from "../src/index.ts";
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

const VAL = "../shared/bench/multinews-val.jsonl";

/** Articles of `count` multinews-val clusters from `from` on (clusters 4,500 and after are held out from tuning). */
function valClusters(from: number, count: number): Article[] {
  const all = ingestBytes(readFileSync(VAL), VAL);
  const ids = [...new Set(all.map((a) => a.origin.cluster!))].slice(from, from + count);
  const keep = new Set(ids);
  return all.filter((a) => keep.has(a.origin.cluster!));
}

test("loose inputs by the hundred (a news dump): many stories, not a few topics", {
  skip: !existsSync(VAL),
}, () => {
  // 300 stories' articles, interleaved as a crawl would deliver them
  const articles = valClusters(4500, 300);
  const mixed = articles.map((_, i) => articles[(i * 7919) % articles.length]!);
  assert.equal(new Set(mixed).size, articles.length);
  const groups = groupArticles(mixed);
  const predicted = new Map<string, string>();
  groups.forEach((g, k) => {
    for (const i of g) predicted.set(mixed[i]!.id, String(k));
  });
  const scores = scoreClustering(predicted, new Map(mixed.map((a) => [a.id, a.origin.cluster!])));
  assert.ok(scores.f1 >= 0.85, `B-cubed F1 ${scores.f1.toFixed(3)}`);
  assert.ok(scores.precision >= 0.85, `B-cubed precision ${scores.precision.toFixed(3)}`);
  assert.ok(groups[0]!.length <= 20, `largest story has ${groups[0]!.length} articles`);
});

test("loose inputs: a feed of twenty unrelated articles is not lumped into a few stories", {
  skip: !existsSync(VAL),
}, () => {
  const articles = valClusters(4600, 200);
  const firsts = [...new Map(articles.map((a) => [a.origin.cluster!, a])).values()];
  let stories = 0;
  let feeds = 0;
  for (let s = 0; s + 20 <= firsts.length; s += 20, feeds++)
    stories += groupArticles(firsts.slice(s, s + 20)).length;
  assert.ok(stories / feeds >= 18.5, `${(stories / feeds).toFixed(1)} stories per feed of 20`);
});
