import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseText } from "../src/ingest/index.ts";
import { openSqliteStore, type SqliteStore } from "../src/store/index.ts";
import {
  CLUSTER_DEFAULTS,
  clusterOptions,
  estimateJaccard,
  ingestArticles,
  isNearDuplicate,
  mergeProfiles,
  parseSince,
  resemblance,
  scoreClustering,
  shingleHashes,
  sketchText,
  summarizeStory,
  timeDecay,
  updateStory,
} from "../src/story/index.ts";
import type { Article } from "../src/types.ts";
import { inventedStories, inventedWord, rng } from "./stream-fixtures.ts";

const DAY = 86_400_000;
const EMPTY_VECTOR = { terms: new Int32Array(0), weights: new Float32Array(0) };
const NOW = Date.parse("2025-06-01T12:00:00Z");
const clock = () => NOW;

function memoryStore(): SqliteStore {
  return openSqliteStore(":memory:");
}

function article(id: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, text, origin: { source: `${id}.txt`, format: "text" }, ...extra };
}

/** A long invented text: sentences of invented words. */
function inventedText(seed: number, sentences: number): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const words = Array.from({ length: 12 }, () => inventedWord(r));
    out.push(`${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`);
  }
  return out.join(" ");
}

describe("MinHash near-duplicates", () => {
  test("the signature estimates Jaccard similarity of shingle sets", () => {
    const a = inventedText(1, 30);
    // replace the last third of the sentences: true Jaccard is well below 1
    const sentences = a.split(". ");
    const b = [...sentences.slice(0, 20), ...inventedText(2, 10).split(". ")].join(". ");
    const sa = new Set(shingleHashes(a));
    const sb = new Set(shingleHashes(b));
    const inter = [...sa].filter((x) => sb.has(x)).length;
    const truth = inter / (sa.size + sb.size - inter);
    const est = estimateJaccard(sketchText(a).signature, sketchText(b).signature);
    assert.ok(truth > 0.3 && truth < 0.8, `true Jaccard ${truth}`);
    assert.ok(Math.abs(est - truth) < 0.2, `estimate ${est} vs true ${truth}`);
  });

  test("copies with a trimmed end or an added byline are near-duplicates; other texts are not", () => {
    const text = inventedText(3, 12);
    const trimmed = text.split(". ").slice(0, 10).join(". ");
    const byline = `By Alex Invented, Staff Writer\n${text}`;
    const other = inventedText(4, 12);
    const s = sketchText(text);
    assert.ok(isNearDuplicate(s, sketchText(trimmed)));
    assert.ok(isNearDuplicate(s, sketchText(byline)));
    assert.equal(isNearDuplicate(s, sketchText(other)), false);
    assert.ok(resemblance(s, sketchText(other)).jaccard < 0.2);
  });

  test("an empty text resembles nothing", () => {
    const e = sketchText("");
    assert.equal(e.shingles, 0);
    assert.equal(isNearDuplicate(e, sketchText("")), false);
  });
});

describe("clustering scores", () => {
  test("B-cubed and pairwise scores of a small clustering, computed by hand", () => {
    const gold = new Map([
      ["a", "X"],
      ["b", "X"],
      ["c", "X"],
      ["d", "Y"],
    ]);
    const predicted = new Map([
      ["a", "1"],
      ["b", "1"],
      ["c", "2"],
      ["d", "2"],
    ]);
    const s = scoreClustering(predicted, gold);
    // precision per item: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1
    assert.ok(Math.abs(s.precision - 0.75) < 1e-12);
    assert.ok(Math.abs(s.recall - 2 / 3) < 1e-12);
    // pairs: predicted {ab, cd}, gold {ab, ac, bc}
    assert.ok(Math.abs(s.pairPrecision - 0.5) < 1e-12);
    assert.ok(Math.abs(s.pairRecall - 1 / 3) < 1e-12);
    const perfect = scoreClustering(gold, gold);
    assert.equal(perfect.f1, 1);
    assert.equal(perfect.pairF1, 1);
  });
});

describe("time decay", () => {
  test("full weight inside the grace period, half after one half-life more", () => {
    const o = clusterOptions({ graceDays: 2, halfLifeDays: 3 });
    assert.equal(timeDecay(0, o), 1);
    assert.equal(timeDecay(2, o), 1);
    assert.ok(Math.abs(timeDecay(5, o) - 0.5) < 1e-12);
    assert.ok(timeDecay(30, o) < timeDecay(10, o));
  });
});

describe("online story clustering", () => {
  test("articles of invented stories, shuffled, end up in one story per event", async () => {
    const stories = inventedStories(12, 4, 7);
    const stream = stories.flatMap((s) => s.articles).sort((a, b) => (a.text < b.text ? -1 : 1));
    const store = memoryStore();
    const report = await ingestArticles(store, stream, { now: clock, batchSize: 7 });
    assert.equal(report.added, 48);
    assert.equal(report.errors.length, 0);
    const members = await store.membership();
    assert.equal(members.size, 12);
    for (const ids of members.values()) {
      assert.equal(ids.length, 4);
      assert.equal(new Set(ids.map((id) => id.split("-")[0])).size, 1, `mixed story: ${ids.join(", ")}`);
    }
    await store.close();
  });

  test("ingest is idempotent: the same articles again change nothing", async () => {
    const stream = inventedStories(3, 3, 8).flatMap((s) => s.articles);
    const store = memoryStore();
    await ingestArticles(store, stream, { now: clock });
    const before = await store.stats();
    const again = await ingestArticles(store, stream, { now: clock });
    assert.equal(again.added, 0);
    assert.equal(again.existing, stream.length);
    assert.deepEqual(await store.stats(), before);
    await store.close();
  });

  test("an article is stored under its cleaned title, not a menu line guessed as its headline", async () => {
    const a = parseText(
      "• Live\nHarbor council shuts bridge for repairs\nThe Harbor Council voted on Monday to close the bridge for repairs lasting six weeks.\nDrivers will use the Tannery Street detour, officials said.",
      "bridge.txt",
    );
    assert.equal(a.title, "• Live");
    const store = memoryStore();
    const r = await ingestArticles(store, [a], { now: clock });
    const [stored] = await store.articlesOf(r.outcomes[0]!.story!);
    assert.equal(stored?.title, "Harbor council shuts bridge for repairs");
    // and ingesting it again still finds it stored
    assert.equal((await ingestArticles(store, [a], { now: clock })).existing, 1);
    await store.close();
  });

  test("an edited article under a known id is stored as a new version, linked to the first", async () => {
    const [s] = inventedStories(1, 1, 15);
    const first = s!.articles[0]!;
    const edited = { ...first, text: `${first.text} A spokesperson said the repairs would take six weeks.` };
    const store = memoryStore();
    await ingestArticles(store, [first], { now: clock });
    const r = await ingestArticles(store, [edited], { now: clock });
    const o = r.outcomes[0]!;
    assert.equal(o.status, "duplicate");
    assert.equal(o.storedId, `${first.id}~2`);
    assert.equal(o.duplicateOf, first.id);
    assert.equal((await store.stats()).articles, 2);
    await store.close();
  });

  test("a near copy joins the story of its original as a duplicate, not as a new source", async () => {
    const [s] = inventedStories(1, 2, 9);
    const original = s!.articles[0]!;
    const copy = {
      ...original,
      id: "wire-copy",
      title: "Another headline",
      text: `By Sam Wire\n${original.text}`,
    };
    const store = memoryStore();
    const report = await ingestArticles(store, [...s!.articles, copy], { now: clock });
    const outcome = report.outcomes.find((o) => o.id === "wire-copy")!;
    assert.equal(outcome.status, "duplicate");
    assert.equal(outcome.duplicateOf, original.id);
    const info = (await store.stories())[0]!;
    assert.equal(info.articles, 3);
    assert.equal(info.sources, 2);
    await store.close();
  });

  test("an article with no text is reported and the others are stored", async () => {
    const stream = inventedStories(1, 2, 10).flatMap((s) => s.articles);
    const store = memoryStore();
    const report = await ingestArticles(
      store,
      [stream[0]!, article("blank", "  \n \n"), article("dialog", "Yes"), stream[1]!],
      { now: clock },
    );
    assert.equal(report.added, 2);
    assert.equal(report.errors.length, 2);
    assert.deepEqual(
      report.errors.map((e) => e.code),
      ["EMPTY_INPUT", "EMPTY_INPUT"],
    );
    assert.match(report.errors[0]!.message, /blank/);
    // a page reduced to one word by cleaning starts no story of its own
    assert.match(report.errors[1]!.message, /dialog has only one word/);
    assert.equal((await store.stories({})).length, 1);
    await store.close();
  });

  test("a date far in the future is stored but not trusted for clustering (treated as undated)", async () => {
    const [s] = inventedStories(1, 3, 11, "2025-06-01T08:00:00Z");
    const future = { ...s!.articles[1]!, published: "2999-01-01T00:00:00Z" };
    const store = memoryStore();
    await ingestArticles(store, [s!.articles[0]!, future, s!.articles[2]!], { now: clock });
    const list = await store.stories();
    assert.equal(list.length, 1, "the future-dated article joined its story");
    assert.ok(Date.parse(list[0]!.last) <= NOW + DAY, `story ends at ${list[0]!.last}`);
    const stored = await store.articlesOf(list[0]!.id);
    assert.equal(stored.find((a) => a.id === future.id)!.published, "2999-01-01T00:00:00Z");
    await store.close();
  });

  test("the same words months apart make separate stories (time window)", async () => {
    const [s] = inventedStories(1, 2, 12);
    const early = { ...s!.articles[0]!, published: "2025-01-01T00:00:00Z" };
    const late = { ...s!.articles[1]!, published: "2025-05-30T00:00:00Z" };
    const store = memoryStore();
    await ingestArticles(store, [early, late], { now: clock });
    assert.equal((await store.stories()).length, 2);
    const near = memoryStore();
    await ingestArticles(near, [early, { ...late, published: "2025-01-02T00:00:00Z" }], { now: clock });
    assert.equal((await near.stories()).length, 1);
    await store.close();
    await near.close();
  });

  test("a story followed for weeks stays one story", async () => {
    const [s] = inventedStories(1, 3, 21);
    const dates = ["2025-02-01T09:00:00Z", "2025-02-12T09:00:00Z", "2025-03-01T09:00:00Z"];
    const store = memoryStore();
    await ingestArticles(
      store,
      s!.articles.map((a, k) => ({ ...a, published: dates[k] })),
      { now: clock },
    );
    assert.equal((await store.stories()).length, 1, "follow-ups 11 and 17 days apart join the story");
    await store.close();
  });

  test("an undated article is dated like the dated articles of its folder, not at the ingest time", async () => {
    const [s] = inventedStories(1, 3, 22);
    const [a, b, c] = s!.articles.map((x, k) => ({
      ...x,
      origin: { source: `march/${k}.txt`, format: "text" as const },
    }));
    const store = memoryStore();
    // ingested in June: the undated article would otherwise be months away from its March story
    await ingestArticles(
      store,
      [
        { ...a!, published: "2025-03-10T08:00:00Z" },
        b!,
        { ...c!, published: "2025-03-11T08:00:00Z", origin: { source: "june/c.txt", format: "text" } },
      ],
      { now: clock },
    );
    const list = await store.stories();
    assert.equal(list.length, 1, list.map((x) => `${x.id} ${x.first}..${x.last}`).join(" | "));
    assert.ok(Date.parse(list[0]!.last) < Date.parse("2025-04-01"), `story ends at ${list[0]!.last}`);
    await store.close();
  });

  test("a story's title is a headline, not a byline or breadcrumb line the cleaner removed", async () => {
    const text = (lead: string) =>
      `${lead}\nThe Harbor Bridge in Port Alder was closed on Tuesday after inspectors found cracked steel beams under its eastern span, city officials said.\nCommuters face detours of up to forty minutes while engineers assess the damage to the 1961 bridge.`;
    const store = memoryStore();
    await ingestArticles(store, [parseText(text("News > Local"), "crumb.txt")], { now: clock });
    const [story] = await store.stories();
    assert.ok(story);
    assert.doesNotMatch(story.title ?? "", /News > Local/);
    assert.match(story.title ?? "", /^The Harbor Bridge in Port Alder/);
    await store.close();
  });

  test("an untitled article's story is named by its first line, not words run across lines", async () => {
    const store = memoryStore();
    await ingestArticles(
      store,
      [
        parseText(
          "• Live\nHarbor ferry strike ends after two days\nThe ferry workers' union agreed on Tuesday to return to work after the city offered a new contract with higher overtime pay.",
          "untitled.txt",
        ),
      ],
      { now: clock },
    );
    const [story] = await store.stories();
    assert.equal(story?.title, "Harbor ferry strike ends after two days");
    await store.close();
  });

  test("a story named by an untitled article's first words takes the first headline that arrives", async () => {
    const body =
      "The ferry workers' union agreed on Tuesday to return to work after the city of Port Alder offered a new contract with higher overtime pay. " +
      "Ferries between Port Alder and Gull Island will run a full schedule from Wednesday, the harbor authority said.";
    const store = memoryStore();
    await ingestArticles(store, [article("untitled", body)], { now: clock });
    const [before] = await store.stories();
    assert.match(before?.title ?? "", /^The ferry workers/, "named by its first words while untitled");
    await ingestArticles(
      store,
      [
        article("titled", `${body} Commuters had faced two days of crowded buses.`, {
          title: "Port Alder ferry strike ends with new contract",
        }),
        article("later", `${body} The union's members approved the deal by a wide margin.`, {
          title: "Ferry union members approve Port Alder deal",
        }),
      ],
      { now: clock },
    );
    const list = await store.stories();
    assert.equal(list.length, 1, "one story");
    assert.equal(
      list[0]?.title,
      "Port Alder ferry strike ends with new contract",
      "the first headline, kept",
    );
    await store.close();
  });

  test("merged stories keep a headline over words guessed from an untitled article", () => {
    const o = clusterOptions();
    const base = {
      centroid: EMPTY_VECTOR,
      entities: EMPTY_VECTOR,
      articles: 1,
      sources: 1,
      first: 0,
      last: 0,
    };
    const guessed = {
      ...base,
      id: "s1",
      title: "The ferry workers' union agreed on Tuesday",
      titleGuessed: true,
    };
    const headline = { ...base, id: "s2", title: "Port Alder ferry strike ends" };
    const merged = mergeProfiles(guessed, headline, o);
    assert.equal(merged.id, "s1");
    assert.equal(merged.title, "Port Alder ferry strike ends");
    assert.equal(merged.titleGuessed, undefined);
    const other = { ...headline, id: "s3", title: "Strike over at the ferry terminal" };
    assert.equal(
      mergeProfiles(headline, other, o).title,
      "Port Alder ferry strike ends",
      "into's headline stays",
    );
    const both = mergeProfiles(guessed, { ...guessed, id: "s4", title: "Words of another" }, o);
    assert.equal(both.title, guessed.title);
    assert.equal(both.titleGuessed, true);
  });

  test("grouped articles (a JSONL cluster) stay together even when their words differ", async () => {
    const [a, b] = inventedStories(2, 1, 13);
    const group = () => "g";
    const store = memoryStore();
    await ingestArticles(store, [a!.articles[0]!, b!.articles[0]!], { now: clock, groupOf: group });
    assert.equal((await store.stories()).length, 1);
    await store.close();
  });

  test("two stories that one article shows to be the same are merged; the younger id redirects", async () => {
    const [x, y] = inventedStories(2, 1, 14);
    // half of each story's article: too different from either to be a copy of it
    const half = (t: string) => t.split(". ").slice(0, 3).join(". ");
    const bridge = article("bridge", `${half(x!.articles[0]!.text)}. ${half(y!.articles[0]!.text)}.`);
    const store = memoryStore();
    // a high join threshold keeps x and y apart; the bridging article fits both well
    const options = { now: clock, threshold: 0.5, mergeThreshold: 0.5, mergeSimilarity: 0.0001 };
    const first = await ingestArticles(store, [x!.articles[0]!, y!.articles[0]!], options);
    const [sx, sy] = first.outcomes.map((o) => o.story!);
    assert.notEqual(sx, sy);
    const r = await ingestArticles(store, [bridge], options);
    assert.equal(r.merges, 1);
    assert.equal(await store.resolveStory(sy!), sx);
    assert.equal(await store.resolveStory(sx!), sx);
    const live = await store.stories();
    assert.deepEqual(
      live.map((s) => s.id),
      [sx],
    );
    assert.equal(live[0]!.articles, 3);
    assert.deepEqual(
      (await store.articlesOf(sy!)).map((a) => a.id).sort(),
      ["bridge", ...first.outcomes.map((o) => o.id)].sort(),
    );
    await store.close();
  });

  test("a one-article story that a grown story now fits is absorbed into it; the younger id redirects", async () => {
    // invented words: x1 and y share three words, too few for y to join x1's story; x2 joins x1's story and
    // brings a word of y, and the story made of x1 and x2 now fits y as well as it would fit a new article
    const r = rng(21);
    const A = Array.from({ length: 8 }, () => inventedWord(r));
    const B = Array.from({ length: 8 }, () => inventedWord(r));
    const C = Array.from({ length: 8 }, () => inventedWord(r));
    const x1 = article("x1", `${[...A.slice(0, 6), ...C.slice(0, 2)].join(" ")}.`);
    const y = article("y", `${[...A.slice(0, 3), ...B.slice(0, 5)].join(" ")}.`);
    const x2 = article("x2", `${[...A.slice(0, 6), B[0]!, ...C.slice(2, 7)].join(" ")}.`);
    // no bridging merges (mergeThreshold out of reach): only absorption can join y
    const base = { now: clock, threshold: 0.42, sizePenalty: 0, mergeThreshold: 9 };
    for (const absorbMargin of [0, Number.POSITIVE_INFINITY]) {
      const store = memoryStore();
      const first = await ingestArticles(store, [x1, y], { ...base, absorbMargin });
      const [sx, sy] = first.outcomes.map((o) => o.story!);
      assert.notEqual(sx, sy, "y starts its own story");
      const second = await ingestArticles(store, [x2], { ...base, absorbMargin });
      assert.equal(second.outcomes[0]!.story, sx, "x2 joins the story of x1");
      if (absorbMargin === 0) {
        assert.equal(second.merges, 1);
        assert.equal(await store.resolveStory(sy!), sx);
        assert.deepEqual((await store.articlesOf(sx!)).map((a) => a.id).sort(), ["x1", "x2", "y"]);
      } else {
        assert.equal(second.merges, 0);
        assert.equal((await store.stories()).length, 2, "turned off, y stays alone");
      }
      await store.close();
    }
  });

  test("defaults are sane", () => {
    assert.ok(CLUSTER_DEFAULTS.threshold > 0 && CLUSTER_DEFAULTS.threshold < 1);
    assert.ok(CLUSTER_DEFAULTS.mergeThreshold >= CLUSTER_DEFAULTS.threshold);
  });
});

describe("story summaries and updates", () => {
  const base = [
    "Flood waters from the Tarn River cut off the village of Millbrook on Sunday after two days of heavy rain.",
    "About 400 residents were told to leave their homes, county officials said.",
    "Rescue crews used boats to reach families trapped on the east side of the village.",
  ].join(" ");
  const second = [
    "County officials ordered about 400 Millbrook residents to leave their homes on Sunday as the Tarn River flooded.",
    "Boats carried families trapped on the east side of the village, rescue crews said.",
    "The Tarn River rose more than three meters above its normal level by Sunday evening.",
  ].join(" ");
  const later = [
    "The Tarn River flood cut off Millbrook village on Sunday after two days of heavy rain, county officials said.",
    "A bridge on the Millbrook road collapsed on Tuesday morning and two drivers were taken to hospital.",
    "Engineers from the county will inspect every bridge over the Tarn River this week.",
  ].join(" ");

  /** A story of `articles`, summarised once (in `words`), and a way to add a report a day later. */
  async function summarised(articles: Article[], words?: number) {
    const store = memoryStore();
    let now = NOW;
    const tick = () => now;
    await ingestArticles(store, articles, { now: tick });
    const id = (await store.stories())[0]!.id;
    const first = await summarizeStory(store, id, { now: tick, ...(words ? { words } : {}) });
    const addLater = async (a: Article) => {
      now += DAY;
      await ingestArticles(store, [a], { now: tick });
      assert.equal((await store.stories()).length, 1, "the later article joins the story");
    };
    return { store, id, first, tick, addLater };
  }

  async function setUp() {
    const story = await summarised([article("valley-post", base), article("county-news", second)]);
    await story.addLater(article("radio", later));
    return story;
  }

  test("the story summary cites its articles and is saved with an id", async () => {
    const { store, id, first } = await setUp();
    assert.match(first.summaryId, /^sum\d+$/);
    assert.ok(first.summary.sentences.length > 0);
    const saved = await store.summary(first.summaryId);
    assert.equal(saved?.story, id);
    assert.deepEqual(
      saved?.covers,
      first.summary.sentences.map((s) => s.text),
    );
    await store.close();
  });

  test("an update since a summary holds the new facts only, cited to the new article", async () => {
    const { store, id, first } = await setUp();
    const u = await updateStory(store, id, first.summaryId, { now: clock });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.ok(
      texts.some((t) => /bridge .*collapsed/.test(t)),
      texts.join(" | "),
    );
    assert.ok(!texts.some((t) => /cut off Millbrook village/.test(t)), "a fact already seen is not new");
    for (const s of u.summary.sentences) assert.equal(s.from.articleId, "radio");
    assert.equal(u.newArticles, 1);
    // nothing new since the update itself
    const again = await updateStory(store, id, u.summaryId, { now: clock });
    assert.equal(again.summary.sentences.length, 0);
    await store.close();
  });

  test("in an update, news no earlier article told comes before background the summary left out", async () => {
    // a short first summary leaves most of the old articles unseen
    const { store, id, first, addLater } = await summarised(
      [article("valley-post", base), article("county-news", second)],
      15,
    );
    const repeat =
      "About 400 residents were told to leave their homes on Sunday, county officials said. " +
      "Rescue crews used boats to reach families trapped on the east side of the village of Millbrook. " +
      "A bridge on the Millbrook road collapsed on Tuesday morning and two drivers were taken to hospital.";
    await addLater(article("radio", repeat));
    const u = await updateStory(store, id, first.summaryId, { now: clock, words: 20 });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.deepEqual(texts.length, 1, texts.join(" | "));
    assert.match(texts[0]!, /bridge .*collapsed/);
    await store.close();
  });

  test("a later report of a known fact that adds a place or a date is news", async () => {
    const talks =
      "The mayors of Port Alder and Millbrook agreed on Monday to hold talks on the ferry strike, officials said. " +
      "The ferry workers' union has been on strike for two weeks over overtime pay. " +
      "Commuters have crowded the coast road since the ferries stopped.";
    const { store, id, first, tick, addLater } = await summarised([article("valley-post", talks)]);
    assert.ok(first.summary.sentences.some((s) => /agreed on Monday to hold talks/.test(s.text)));
    const later =
      "The mayors of Port Alder and Millbrook will hold talks on the ferry strike in Kessling on March 14, officials said. " +
      "The ferry workers' union has been on strike for two weeks over overtime pay, officials said. " +
      "Commuters have crowded the coast road since the ferries stopped, officials said.";
    await addLater(article("radio", later));
    const u = await updateStory(store, id, first.summaryId, { now: tick });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.deepEqual(
      texts.filter((t) => /Kessling on March 14/.test(t)).length,
      1,
      `the place and the date are new: ${texts.join(" | ")}`,
    );
    assert.ok(!texts.some((t) => /two weeks over overtime/.test(t)), "a fact already seen is not new");
    await store.close();
  });

  test("a later statement by a person the reader has met is news, though it aligns by the name", async () => {
    const first =
      "Harland's foreign minister Ilse Marwood would speak later. " +
      "The ferry workers' union has been on strike for two weeks over overtime pay. " +
      "Commuters have crowded the coast road since the ferries stopped.";
    const { store, id, first: summary, tick, addLater } = await summarised([article("valley-post", first)]);
    assert.ok(summary.summary.sentences.some((s) => /Marwood would speak later/.test(s.text)));
    await addLater(
      article(
        "radio",
        "Harland Foreign Minister Ilse Marwood said rivals were behind it. " +
          "The ferry workers' union has been on strike for two weeks over overtime pay.",
      ),
    );
    const u = await updateStory(store, id, summary.summaryId, { now: tick });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.ok(
      texts.some((t) => /Marwood said rivals were behind it/.test(t)),
      texts.join(" | "),
    );
    assert.ok(!texts.some((t) => /two weeks over overtime/.test(t)), "a fact already seen is not new");
    await store.close();
  });

  test("in an update, news naming a place or number no earlier article gave comes first", async () => {
    const { store, id, first, tick, addLater } = await summarised([
      article("valley-post", base),
      article("county-news", second),
    ]);
    const news =
      "The flooded Tarn River cut off more of the roads around Millbrook village after more heavy rain, county officials said. " +
      "More heavy rain is expected through the week, county officials warned, and more residents may have to leave their homes. " +
      "The flood reached the market town of Osterby on Monday, where 120 homes were evacuated.";
    await addLater(article("radio", news));
    const u = await updateStory(store, id, first.summaryId, { now: tick, words: 22 });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.equal(texts.length, 1, texts.join(" | "));
    assert.match(texts[0]!, /Osterby/);
    await store.close();
  });

  test("in an update, late coverage (published weeks before what the reader had) comes after fresh news", async () => {
    const { store, id, first, tick, addLater } = await summarised([
      article("valley-post", base, { published: new Date(NOW).toISOString() }),
      article("county-news", second, { published: new Date(NOW).toISOString() }),
    ]);
    // brought by the stream only now, but published three weeks before the articles the reader had
    const late =
      "Flood waters from the Tarn River also cut off Millbrook in 2009, when about 250 residents near Kessling were told to leave their homes.";
    const fresh = "Crews started building a new levee on the flooded Tarn River at Osterby near Millbrook.";
    await addLater(article("archive", late, { published: new Date(NOW - 21 * DAY).toISOString() }));
    await addLater(article("radio", fresh, { published: new Date(NOW + DAY).toISOString() }));
    const u = await updateStory(store, id, first.summaryId, { now: tick, words: 20 });
    const texts = u.summary.sentences.map((s) => s.text);
    assert.equal(texts.length, 1, texts.join(" | "));
    assert.match(texts[0]!, /levee/);
    const more = await updateStory(store, id, first.summaryId, { now: tick, words: 60 });
    assert.ok(
      more.summary.sentences.some((s) => /2009/.test(s.text)),
      "late coverage still counts when there is room",
    );
    await store.close();
  });

  test("an update since a time counts the articles ingested after it", async () => {
    const { store, id } = await setUp();
    const u = await updateStory(store, id, new Date(NOW + DAY / 2).toISOString(), { now: clock });
    assert.equal(u.newArticles, 1);
    assert.ok(u.summary.sentences.some((s) => /bridge/.test(s.text)));
    const none = await updateStory(store, id, new Date(NOW + 2 * DAY).toISOString(), { now: clock });
    assert.equal(none.newArticles, 0);
    assert.equal(none.summary.sentences.length, 0);
    await store.close();
  });

  test("bad baselines are clear errors", async () => {
    const { store, id } = await setUp();
    for (const bad of ["yesterday", "2026", "1700000000", "2026-02-30T10:00", "2025-02-29", "2026-13-45"])
      assert.throws(() => parseSince(bad), { code: "BAD_OPTION" }, bad);
    assert.deepEqual(parseSince("2025-03-01T12:00+01"), { time: Date.parse("2025-03-01T11:00:00Z") });
    assert.deepEqual(parseSince("2025-03-01 12:00"), { time: Date.parse("2025-03-01T12:00:00Z") });
    await assert.rejects(updateStory(store, id, "sum999"), { code: "NOT_FOUND" });
    await assert.rejects(summarizeStory(store, "s999"), { code: "NOT_FOUND" });
    await store.close();
  });
});
