import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isNewsweaveError } from "../src/errors.ts";
import {
  countWords,
  lead,
  lexrank,
  oracle,
  type Pick,
  pickText,
  SYSTEMS,
  type System,
  textrank,
} from "../src/eval/baselines.ts";
import { picksToText, truncateWords } from "../src/eval/harness.ts";
import { rouge } from "../src/eval/rouge.ts";
import type { Doc, Sentence } from "../src/types.ts";

/** A prepared document built by hand: sentences joined by single spaces. */
function makeDoc(id: string, sentences: string[]): Doc {
  let text = "";
  const spans: Sentence[] = [];
  sentences.forEach((s, index) => {
    if (text) text += " ";
    spans.push({ articleId: id, index, paragraph: 0, start: text.length, end: text.length + s.length });
    text += s;
  });
  return {
    article: { id, text, raw: text, pieces: [], removed: [], origin: { source: id, format: "text" } },
    sentences: spans,
  };
}

const harbor: Doc[] = [
  makeDoc("a", [
    "The Harbor Bridge in Port Alder closed on Monday after inspectors found cracks in two support cables.",
    "Share this.",
    "City engineers said the bridge would stay closed for at least three weeks while repairs are planned.",
    "Traffic was diverted to the old ferry road, adding forty minutes to morning commutes.",
    "The mayor promised daily updates on the repair work.",
  ]),
  makeDoc("b", [
    "Inspectors discovered cracks in support cables of the Harbor Bridge, forcing the city to close it Monday.",
    "Commuters faced long delays on the ferry road as traffic was diverted.",
    "A local bakery owner said sales dropped by half during the first day of the closure.",
  ]),
  makeDoc("c", [
    "Port Alder officials closed the Harbor Bridge after cracks were found in support cables during an inspection.",
    "Repairs to the cables could take three weeks, city engineers said.",
    "The last major repair of the bridge took place in 1998.",
    "Officials said the ferry service would add extra boats during the closure.",
  ]),
];

const reference =
  "Port Alder closed its Harbor Bridge on Monday after inspectors found cracks in support cables. " +
  "Engineers say repairs will take at least three weeks. Traffic was diverted to the ferry road, " +
  "causing long delays for commuters, and the ferry service will add extra boats.";

function wordsOf(docs: Doc[], picks: Pick[]): number[] {
  return picks.map((p) => countWords(pickText(docs, p)));
}

const baselines: Array<[string, System]> = [
  ["lead", lead],
  ["textrank", textrank],
  ["lexrank", lexrank],
  ["oracle", oracle],
];

describe("lead", () => {
  test("takes sentence 1 of each article, then sentence 2, ..., skipping short ones", () => {
    const picks = lead(harbor, 1000);
    assert.deepEqual(
      picks.map((p) => [p.doc, p.index]),
      [
        [0, 0],
        [1, 0],
        [2, 0],
        // doc 0 sentence 1 ("Share this.") is under 4 words
        [1, 1],
        [2, 1],
        [0, 2],
        [1, 2],
        [2, 2],
        [0, 3],
        [2, 3],
        [0, 4],
      ],
    );
  });
});

describe("every baseline", () => {
  for (const [name, system] of baselines) {
    test(`${name} stops as soon as the budget is reached`, () => {
      for (const budget of [10, 25, 40]) {
        const picks = system(harbor, budget, { references: [reference] });
        assert.ok(picks.length > 0, `${name} picked nothing at ${budget} words`);
        const counts = wordsOf(harbor, picks);
        const beforeLast = counts.slice(0, -1).reduce((a, b) => a + b, 0);
        assert.ok(beforeLast < budget, `${name} kept adding after reaching ${budget} words`);
        for (const p of picks)
          assert.ok(harbor[p.doc]?.sentences[p.index], `${name} picked a missing sentence`);
        const keys = picks.map((p) => `${p.doc}:${p.index}`);
        assert.equal(new Set(keys).size, keys.length, `${name} picked a sentence twice`);
      }
    });

    test(`${name} is deterministic`, () => {
      const a = system(harbor, 60, { references: [reference] });
      const b = system(harbor, 60, { references: [reference] });
      assert.deepEqual(a, b);
    });

    test(`${name} rejects a budget of 0`, () => {
      assert.throws(
        () => system(harbor, 0, { references: [reference] }),
        (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
      );
    });
  }

  test("the oracle scores at least as high as every other system on ROUGE-1", () => {
    for (const budget of [20, 40, 60]) {
      const score = (s: System) =>
        rouge(
          reference,
          truncateWords(picksToText(harbor, s(harbor, budget, { references: [reference] })), budget),
        ).rouge1.f;
      const best = score(oracle);
      for (const [name, system] of baselines) {
        assert.ok(best >= score(system) - 1e-12, `${name} beats the oracle at ${budget} words`);
      }
    }
  });

  test("the oracle needs a reference", () => {
    assert.throws(
      () => oracle(harbor, 50),
      (e) => isNewsweaveError(e) && e.code === "BAD_OPTION",
    );
  });

  test("every built-in system is in the table by name", () => {
    for (const name of ["newsweave", "lead", "textrank", "lexrank", "oracle"])
      assert.equal(typeof SYSTEMS[name], "function");
  });
});

describe("graph baselines", () => {
  // One sentence restates what all others share; it is the centre of the graph.
  const hub = makeDoc("hub", [
    "Storm flooding closed the coastal highway and the rail line near Dunmore harbor on Tuesday.",
    "A choir concert in the town hall went ahead as planned.",
  ]);
  const spokes = [
    makeDoc("s1", [
      "The coastal highway near Dunmore was closed by storm flooding.",
      "Local chess players met for their weekly tournament.",
    ]),
    makeDoc("s2", [
      "Flooding from the storm shut the rail line to Dunmore harbor.",
      "Bakers sold bread at the market.",
    ]),
    makeDoc("s3", [
      "Dunmore harbor saw flooding on Tuesday as the storm hit the coast.",
      "The library extended hours.",
    ]),
  ];
  const docs = [...spokes, hub];

  for (const [name, system] of [
    ["textrank", textrank],
    ["lexrank", lexrank],
  ] as Array<[string, System]>) {
    test(`${name} ranks the most central sentence first`, () => {
      const picks = system(docs, 15);
      assert.deepEqual([picks[0]?.doc, picks[0]?.index], [3, 0]);
    });
  }

  test("stay fast on a cluster with thousands of sentences", () => {
    const words =
      "river bridge council budget school storm police market harbor festival election museum".split(" ");
    const big: Doc[] = [];
    for (let d = 0; d < 10; d++) {
      const sents: string[] = [];
      for (let k = 0; k < 500; k++) {
        const w = (i: number) => words[(d * 7 + k * 3 + i * 5) % words.length];
        sents.push(`The ${w(0)} and the ${w(1)} near the ${w(2)} were discussed by ${w(3)} officials today.`);
      }
      big.push(makeDoc(`big${d}`, sents));
    }
    for (const system of [textrank, lexrank]) {
      const t0 = performance.now();
      const picks = system(big, 230);
      const ms = performance.now() - t0;
      assert.ok(picks.length > 0);
      assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms on 5000 sentences`);
    }
  });
});
