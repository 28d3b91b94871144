/**
 * The five seed articles (one story, five outlets), cleaned together as one cluster. The expected removals
 * are my own reading of the files: every line listed here is page furniture or metadata; every other line
 * is article text and must survive verbatim.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { cleanCluster } from "../src/clean/index.ts";
import type { Article, CleanArticle, RemovalReason } from "../src/types.ts";

const SEEDS = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));

function loadSeeds(): Article[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({
      id: f.replace(/\.txt$/, ""),
      text: readFileSync(join(SEEDS, f), "utf8"),
      origin: { source: join(SEEDS, f), format: "text" as const },
    }));
}

type Expected = [RemovalReason, string][];

/** Expected removals per seed, in text order: reason and a short prefix of the removed span. */
const REMOVED: Record<string, Expected> = {
  "000": [
    ["byline", "OAN Newsroom"],
    ["stamp", "UPDATED 9:50 AM PT"],
    ["caption", "South Korean college students stand wit"],
  ],
  "001": [
    ["headline", "USA and NoKor will hold second summit"],
    ["caption", "photo credit to:"],
    ["navigation", "Reference:"],
    ["comments", "Leave a Reply"],
    ["comments", "Your email address will not be publish"],
    ["subscribe", "Want to know the latest news"],
    ["subscribe", "Subscribe to our weekly newsletter"],
    ["subscribe", "Promise, we’ll keep you posted"],
  ],
  "002": [["dateline", "PYONGYANG, North Korea –"]],
  "003": [
    ["headline", "Another US-North Korea summit is coming"],
    ["headline", "Another US-North Korea summit is coming"],
    ["byline", "Author: Emily Stewart"],
    ["navigation", "Read More"],
    ["share", "RSS"],
    ["share", "Follow by Email"],
  ],
  "004": [
    ["navigation", "• Live"],
    ["navigation", "• Audio Only"],
    ["share", "• google plus"],
    ["share", "• facebook"],
    ["share", "• twitter"],
    ["navigation", "News > U.S."],
    ["headline", "Kim, Trump Prepare for Second Summit"],
    // The image's alt text and its credited caption (both copies of a body sentence further down).
    ["caption", "• During his stay in Vietnam"],
    ["caption", "During his stay in Vietnam, Kim Jong-un"],
    ["stamp", "Published 17 February 2019"],
    ["navigation", "Opinion"],
    ["navigation", "RELATED:"],
    ["navigation", "US to Continue Charging South Korea"],
    ["comments", "Comment"],
    ["fragment", "0"],
    ["comments", "Comments"],
    ["comments", "Post with no comments."],
  ],
};

/** Real article lines (short prefixes) that must survive, including the tricky ones. */
const KEPT: Record<string, { count: number; lines: string[] }> = {
  "000": {
    count: 7,
    lines: [
      "Preparations for a second summit between",
      "However, Kim’s promises haven’t seemed",
      "“If the U.S. miscalculates our people’s",
    ],
  },
  "001": {
    count: 9,
    lines: ["Kim Jong Un and Mike Pompeo agreed", "With current U.S.-North Korea negotiations"],
  },
  "002": {
    count: 25,
    lines: [
      "Days after exchanging pleasant letters",
      // A news line that mentions Twitter stays.
      "Meanwhile, Trump too took to Twitter",
      // A subheading is article structure, not furniture.
      "Denuclearization: The sticking point",
      "However, Hang pointed out that",
    ],
  },
  "003": {
    count: 14,
    lines: [
      "The announcement comes after Secretary",
      // Mentions a photo-op, but is news.
      "After meeting with Kim in Pyongyang on Sunday, Pompeo told him during a photo-op",
      "There have been both steps forward and backslides",
      "The strategy seems to be paying dividends",
    ],
  },
  "004": {
    count: 12,
    lines: [
      "The pair hope to advance the process",
      "During his stay in Vietnam, Kim Jong-un will visit",
      "Kim Jong-un and Donald Trump met for the first time",
      "However, these remarks came with a warning",
    ],
  },
};

function removedOf(c: CleanArticle): [RemovalReason, string][] {
  return c.removed.map((r) => [r.reason, c.raw.slice(r.start, r.end).trim()]);
}

const cleaned = cleanCluster(loadSeeds());
const bySeed = new Map(cleaned.map((c) => [c.id.slice(0, 3), c]));

describe("clean: seed cluster", () => {
  it("reads the five seeds", () => {
    assert.deepEqual([...bySeed.keys()].sort(), ["000", "001", "002", "003", "004"]);
  });

  for (const [seed, expected] of Object.entries(REMOVED)) {
    it(`seed ${seed}: removes exactly the furniture lines, with their reasons`, () => {
      const c = bySeed.get(seed);
      assert.ok(c);
      const actual = removedOf(c);
      assert.equal(
        actual.length,
        expected.length,
        `removed:\n${actual.map(([r, t]) => `  [${r}] ${t.slice(0, 60)}`).join("\n")}`,
      );
      expected.forEach(([reason, prefix], i) => {
        const [gotReason, gotText] = actual[i] ?? ["", ""];
        assert.ok(gotText.startsWith(prefix), `#${i}: expected "${prefix}…", got "${gotText.slice(0, 60)}"`);
        assert.equal(gotReason, reason, `#${i} "${prefix}"`);
      });
    });
  }

  for (const [seed, { count, lines }] of Object.entries(KEPT)) {
    it(`seed ${seed}: keeps every other line verbatim`, () => {
      const c = bySeed.get(seed);
      assert.ok(c);
      const kept = c.text.split("\n");
      assert.equal(kept.length, count);
      for (const prefix of lines) {
        assert.equal(kept.filter((l) => l.startsWith(prefix)).length, 1, `kept once: "${prefix}"`);
      }
      // Each kept line is a verbatim run of the raw text.
      for (const l of kept) assert.ok(c.raw.includes(l));
      // Every non-blank raw line is either removed whole, cut by a dateline, or kept.
      const nonBlank = c.raw.split("\n").filter((l) => l.trim()).length;
      const wholeRemovals = c.removed.filter((r) => r.reason !== "dateline").length;
      assert.equal(kept.length + wholeRemovals, nonBlank);
    });
  }

  it("moves seed metadata out of the text", () => {
    const s0 = bySeed.get("000");
    assert.equal(s0?.author, "OAN Newsroom");
    assert.equal(s0?.updated, "UPDATED 9:50 AM PT — Thursday, January 31, 2019");
    assert.equal(s0?.published, "2019-01-31");
    assert.equal(bySeed.get("002")?.place, "PYONGYANG, North Korea");
    assert.ok(bySeed.get("002")?.text.startsWith("Days after exchanging"));
    assert.equal(bySeed.get("003")?.author, "Emily Stewart");
    assert.equal(bySeed.get("003")?.title, "Another US-North Korea summit is coming, South Korea says");
    assert.equal(bySeed.get("001")?.title, "USA and NoKor will hold second summit");
    assert.equal(bySeed.get("004")?.published, "2019-02-17");
    for (const seed of ["000", "001", "003", "004"]) assert.equal(bySeed.get(seed)?.place, undefined, seed);
  });

  it("keeps the span invariant on every seed", () => {
    for (const c of cleaned) {
      for (const p of c.pieces) {
        assert.equal(
          c.text.slice(p.cleanStart, p.cleanStart + p.length),
          c.raw.slice(p.rawStart, p.rawStart + p.length),
        );
      }
    }
  });

  it("keeps a quotation two outlets share (seeds 000 and 004 quote Kim's New Year speech)", () => {
    assert.ok(bySeed.get("000")?.text.includes("we have no option but to explore a new path"));
    assert.ok(bySeed.get("004")?.text.includes("no option but to explore a new path"));
  });
});
