import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, it, test } from "node:test";
import { isNewsweaveError } from "../src/errors.ts";
import {
  hasVerb,
  segmentArticle,
  splitSentences,
  withWordTokenCache,
  wordTokens,
} from "../src/segment/index.ts";
import type { CleanArticle } from "../src/types.ts";

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

/** Invented news sentences and the split a careful reader would make. */
const TABLE: Array<{ name: string; text: string; want: string[] }> = [
  {
    name: "plain sentences",
    text: "The council met on Monday. It approved the budget! Did anyone object? Nobody did.",
    want: ["The council met on Monday.", "It approved the budget!", "Did anyone object?", "Nobody did."],
  },
  {
    name: "country abbreviations inside a sentence",
    text: "The U.S. Navy and the U.K. embassy sent a note to the U.N. Security Council on Friday.",
    want: ["The U.S. Navy and the U.K. embassy sent a note to the U.N. Security Council on Friday."],
  },
  {
    name: "country abbreviation ending a sentence",
    text: "The envoy flew back to the U.S. The next day the talks resumed.",
    want: ["The envoy flew back to the U.S.", "The next day the talks resumed."],
  },
  {
    name: "U.S. before a lower-case word",
    text: "A Korea-U.S. summit was planned while U.S. officials waited in Hanoi.",
    want: ["A Korea-U.S. summit was planned while U.S. officials waited in Hanoi."],
  },
  {
    name: "titles before names",
    text: "Gen. Ray Osk met Sen. Ida Bell, Rep. Tom Vale, Gov. Ann Lee and Lt. Col. Sam Oduya. Dr. Mia Holt, Mr. Ed Fox, Mrs. Rae Fox, Ms. Jo Wu and Prof. Lin Tam watched. Sgt. Abe Cole stood guard.",
    want: [
      "Gen. Ray Osk met Sen. Ida Bell, Rep. Tom Vale, Gov. Ann Lee and Lt. Col. Sam Oduya.",
      "Dr. Mia Holt, Mr. Ed Fox, Mrs. Rae Fox, Ms. Jo Wu and Prof. Lin Tam watched.",
      "Sgt. Abe Cole stood guard.",
    ],
  },
  {
    name: "months and dates",
    text: "The vote was moved from Jan. 12 to Feb. 3 and then to Sept. 30, 2021. It finally took place in Dec. 2021.",
    want: [
      "The vote was moved from Jan. 12 to Feb. 3 and then to Sept. 30, 2021.",
      "It finally took place in Dec. 2021.",
    ],
  },
  {
    name: "places: St., Mt., Ft.",
    text: "The flood reached St. Paul, Mt. Vernon and Ft. Myers before dawn. Crews arrived later.",
    want: ["The flood reached St. Paul, Mt. Vernon and Ft. Myers before dawn.", "Crews arrived later."],
  },
  {
    name: "numbers: No., decimals and times",
    text: "The No. 2 seed lost 3.5 points at 9:50 on Tuesday. Its ranking fell to No. 7. Fans left.",
    want: ["The No. 2 seed lost 3.5 points at 9:50 on Tuesday.", "Its ranking fell to No. 7.", "Fans left."],
  },
  {
    name: "a.m. and p.m.",
    text: "Polls opened at 7 a.m. Tuesday and closed at 8 p.m. ET as planned. Counting began at 9 p.m. The first results came at midnight.",
    want: [
      "Polls opened at 7 a.m. Tuesday and closed at 8 p.m. ET as planned.",
      "Counting began at 9 p.m.",
      "The first results came at midnight.",
    ],
  },
  {
    name: "company suffixes",
    text: "Shares of Orbin Corp. fell while Tallow Inc. and Brek Co. rose. Both filed with Merrow Ltd. in March.",
    want: [
      "Shares of Orbin Corp. fell while Tallow Inc. and Brek Co. rose.",
      "Both filed with Merrow Ltd. in March.",
    ],
  },
  {
    name: "Jr., Sr., vs., etc.",
    text: "Ned Platt Jr. and Ned Platt Sr. argued the Platt vs. Dorne case. They cited rules, fees, etc. and lost.",
    want: [
      "Ned Platt Jr. and Ned Platt Sr. argued the Platt vs. Dorne case.",
      "They cited rules, fees, etc. and lost.",
    ],
  },
  {
    name: "initials",
    text: "Writer J.K. Orrin met Senator Paul F. Danner in Ohio. They spoke for an hour.",
    want: ["Writer J.K. Orrin met Senator Paul F. Danner in Ohio.", "They spoke for an hour."],
  },
  {
    name: "closing quote belongs to the sentence it closes",
    text: 'He said, "We will go." Then the delegation left. She added: “Nothing changed.” Aides agreed.',
    want: [
      'He said, "We will go."',
      "Then the delegation left.",
      "She added: “Nothing changed.”",
      "Aides agreed.",
    ],
  },
  {
    name: "quote spanning several sentences",
    text: "“We came to talk. We are leaving now,” the minister said. Reporters followed her.",
    want: ["“We came to talk.", "We are leaving now,” the minister said.", "Reporters followed her."],
  },
  {
    name: "attribution after a quoted question or exclamation",
    text: '"We will go!" she said. "Is it over?" asked the mayor. “Never!” Mr. Tull shouted.',
    want: ['"We will go!" she said.', '"Is it over?" asked the mayor.', "“Never!” Mr. Tull shouted."],
  },
  {
    name: "lower-case attribution after a quoted period",
    text: '"We will go." he said. "The plan is ready." Officials did not comment.',
    want: ['"We will go." he said.', '"The plan is ready."', "Officials did not comment."],
  },
  {
    name: "ellipses",
    text: "The talks stalled… and then resumed. He paused... Then he spoke again.",
    want: ["The talks stalled… and then resumed.", "He paused...", "Then he spoke again."],
  },
  {
    name: "URLs and e-mail addresses",
    text: "Details are at www.example.org/report.html and tips go to desk@example.com today. Read them.",
    want: ["Details are at www.example.org/report.html and tips go to desk@example.com today.", "Read them."],
  },
  {
    name: "lower-cased text: boundaries without capitals",
    text: "the mayor resigned on friday. the u.s. embassy said no. in rome dr. ana vell and gen. otto pram met u.s. officials. it was 9 a.m. on jan. 4.",
    want: [
      "the mayor resigned on friday.",
      "the u.s. embassy said no.",
      "in rome dr. ana vell and gen. otto pram met u.s. officials.",
      "it was 9 a.m. on jan. 4.",
    ],
  },
  {
    name: "exclamation in lower-cased text",
    text: "it is a scandal! for years nobody checked.",
    want: ["it is a scandal!", "for years nobody checked."],
  },
  {
    name: "headings and lines without final punctuation",
    text: "Storm Hits Coast\nBy Staff Writer\n\nThe storm arrived at noon. Roads closed.\nWhat comes next\nMore rain is due.",
    want: [
      "Storm Hits Coast",
      "By Staff Writer",
      "The storm arrived at noon.",
      "Roads closed.",
      "What comes next",
      "More rain is due.",
    ],
  },
  {
    name: "bullet and numbered lines",
    text: "Key points:\n• Taxes rise 2.5 percent\n• Schools reopen\n1. The first phase starts in May.\n2. The second follows.",
    want: [
      "Key points:",
      "• Taxes rise 2.5 percent",
      "• Schools reopen",
      "1. The first phase starts in May.",
      "2. The second follows.",
    ],
  },
  {
    name: "space lost after a period in scraped text",
    text: "The plant closed in New York.So what happens next? Workers left early.“We are angry,” one said.",
    want: [
      "The plant closed in New York.",
      "So what happens next?",
      "Workers left early.",
      "“We are angry,” one said.",
    ],
  },
  {
    name: "abbreviation inside brackets",
    text: "Sen. Ida Bell (D-Calif.) voted no. Rep. Tom Vale (R-Tex.) said the vote [in Washington D.C.] was close.",
    want: [
      "Sen. Ida Bell (D-Calif.) voted no.",
      "Rep. Tom Vale (R-Tex.) said the vote [in Washington D.C.] was close.",
    ],
  },
  {
    name: "parenthesised sentence",
    text: "The ministry kept the report. (It was later leaked.) Nobody was charged.",
    want: ["The ministry kept the report.", "(It was later leaked.)", "Nobody was charged."],
  },
  {
    name: "names written with an exclamation mark",
    text: "A source confirmed it to E! News on Friday. The list also named Yahoo! (No. 6). Wow! News travels fast.",
    want: [
      "A source confirmed it to E! News on Friday.",
      "The list also named Yahoo! (No. 6).",
      "Wow!",
      "News travels fast.",
    ],
  },
  {
    name: "legal citation and photo credit in parentheses",
    text:
      "The judge relied on Dale v. Orrin, 412 P.2d 77 (Ida. App. 2001) which allowed a delay. " +
      "The ferry docked at noon (Photo: Harbor Dept. Of Transit) and left at one. (He declined. It was late.) " +
      "The mayor spoke.",
    want: [
      "The judge relied on Dale v. Orrin, 412 P.2d 77 (Ida. App. 2001) which allowed a delay.",
      "The ferry docked at noon (Photo: Harbor Dept. Of Transit) and left at one.",
      "(He declined.",
      "It was late.)",
      "The mayor spoke.",
    ],
  },
];

describe("splitSentences: tricky news text", () => {
  for (const row of TABLE) {
    it(row.name, () => {
      assert.deepEqual(sentences(row.text), row.want);
    });
  }

  it("numbers paragraphs by non-blank line", () => {
    const text = "  Title line  \n\n\nFirst para. Still first.\r\nSecond para.\n   \nThird.";
    const spans = splitSentences(text);
    assert.deepEqual(
      spans.map((s) => [text.slice(s.start, s.end), s.paragraph]),
      [
        ["Title line", 0],
        ["First para.", 1],
        ["Still first.", 1],
        ["Second para.", 2],
        ["Third.", 3],
      ],
    );
  });

  it("returns nothing for empty or blank text", () => {
    assert.deepEqual(splitSentences(""), []);
    assert.deepEqual(splitSentences(" \n\t \n"), []);
  });

  it("rejects a non-string with a NewsweaveError", () => {
    assert.throws(
      () => splitSentences(42 as unknown as string),
      (e: unknown) => isNewsweaveError(e) && e.code === "BAD_FIELD",
    );
  });
});

// ---- properties over real news text ------------------------------------------------------------

const SEEDS = "../shared/seeds";
const DEV = "../shared/bench/multinews-dev.jsonl";
const VAL = "../shared/bench/multinews-val.jsonl";

function seedTexts(): Array<[string, string]> {
  if (!existsSync(SEEDS)) return [];
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => [f, readFileSync(`${SEEDS}/${f}`, "utf8")]);
}

/** Documents of every `step`-th line of a bench file, up to `maxLines` lines. */
function benchTexts(path: string, step: number, maxLines: number): Array<[string, string]> {
  if (!existsSync(path)) return [];
  const out: Array<[string, string]> = [];
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean);
  for (let i = 0; i < lines.length && i < maxLines; i += step) {
    const row = JSON.parse(lines[i]!) as { id: string; documents: Array<{ text: string }> };
    for (const [k, d] of row.documents.entries()) out.push([`${row.id}#${k}`, d.text]);
  }
  return out;
}

function checkSpans(name: string, text: string): void {
  const spans = splitSentences(text);
  const covered = new Uint8Array(text.length);
  let prevEnd = 0;
  let prevParagraph = 0;
  for (const s of spans) {
    assert.ok(s.start < s.end, `${name}: empty span at ${s.start}`);
    assert.ok(s.start >= prevEnd, `${name}: spans overlap or are out of order at ${s.start}`);
    assert.ok(
      /\S/.test(text[s.start]!) && /\S/.test(text[s.end - 1]!),
      `${name}: span ${s.start} not trimmed`,
    );
    assert.ok(s.paragraph >= prevParagraph, `${name}: paragraph goes back at ${s.start}`);
    const between = text.slice(prevEnd, s.start);
    if (s.paragraph > prevParagraph)
      assert.match(between, /[\n\r\u2028\u2029]/, `${name}: paragraph without newline`);
    else assert.doesNotMatch(between, /[\n\r]/, `${name}: newline inside a paragraph at ${s.start}`);
    for (let i = s.start; i < s.end; i++) covered[i] = 1;
    prevEnd = s.end;
    prevParagraph = s.paragraph;
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && /\S/.test(text[i]!))
      assert.fail(`${name}: character ${i} (${JSON.stringify(text[i])}) not covered`);
  }
}

const ATTRIBUTION_START = /^["”’]?\s*(he|she|they|we|i|it)\s+(said|says|added|asked|told|wrote|explained)\b/;

function checkNewsRules(name: string, text: string): void {
  const spans = splitSentences(text);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const sentence = text.slice(s.start, s.end);
    assert.doesNotMatch(
      sentence,
      /^[”’»]/,
      `${name}: sentence starts with a closing quote: ${sentence.slice(0, 60)}`,
    );
    assert.doesNotMatch(
      sentence,
      ATTRIBUTION_START,
      `${name}: sentence starts with an attribution: ${sentence.slice(0, 60)}`,
    );
    if (/(^|[^A-Za-z.])U\.S\.$/i.test(sentence)) {
      const after = text.slice(s.end).match(/^[ \t]*([^\s])/);
      if (after)
        assert.doesNotMatch(after[1]!, /[a-z]/, `${name}: split after "U.S." before a lower-case word`);
    }
  }
}

describe("splitSentences: properties on real text", () => {
  const seeds = seedTexts();
  const dev = benchTexts(DEV, 2, 60);
  const val = benchTexts(VAL, 20, 2000);

  it("seeds: spans ordered, trimmed, disjoint, covering all non-space text", {
    skip: seeds.length === 0,
  }, () => {
    for (const [name, text] of seeds) checkSpans(name, text);
  });

  it("seeds: no split after U.S. before lower case, no sentence starting with a closing quote or attribution", {
    skip: seeds.length === 0,
  }, () => {
    for (const [name, text] of seeds) checkNewsRules(name, text);
  });

  it("multinews-dev sample: span invariants and news rules", { skip: dev.length === 0 }, () => {
    assert.ok(dev.length > 50);
    for (const [name, text] of dev) {
      checkSpans(name, text);
      checkNewsRules(name, text);
    }
  });

  it("multinews-val sample (partly lower-cased): span invariants", { skip: val.length === 0 }, () => {
    for (const [name, text] of val) checkSpans(name, text);
  });

  it("seeds: sentence count is plausible (not one sentence per line, not one per period)", {
    skip: seeds.length === 0,
  }, () => {
    for (const [name, text] of seeds) {
      const spans = splitSentences(text);
      const lines = text.split("\n").filter((l) => l.trim()).length;
      assert.ok(spans.length >= lines, `${name}: fewer sentences than lines`);
      assert.ok(spans.length < (text.match(/[.!?]/g) ?? []).length + lines, `${name}: too many sentences`);
    }
  });
});

describe("segmentArticle", () => {
  const article: CleanArticle = {
    id: "a1",
    text: "Headline Here\nThe mayor spoke. “We are ready,” she said.\nVoters agreed.",
    raw: "Headline Here\nThe mayor spoke. “We are ready,” she said.\nVoters agreed.",
    pieces: [],
    removed: [],
    origin: { source: "test", format: "text" },
  };

  it("returns sentence spans into the clean text with index and paragraph", () => {
    const doc = segmentArticle(article);
    assert.equal(doc.article, article);
    assert.deepEqual(
      doc.sentences.map((s) => [s.articleId, s.index, s.paragraph, article.text.slice(s.start, s.end)]),
      [
        ["a1", 0, 0, "Headline Here"],
        ["a1", 1, 1, "The mayor spoke."],
        ["a1", 2, 1, "“We are ready,” she said."],
        ["a1", 3, 2, "Voters agreed."],
      ],
    );
  });

  it("rejects an article without text", () => {
    const bad = { ...article, text: undefined } as unknown as CleanArticle;
    assert.throws(
      () => segmentArticle(bad),
      (e: unknown) => isNewsweaveError(e) && e.code === "BAD_FIELD",
    );
  });
});

describe("wordTokens", () => {
  it("lower-cases and keeps apostrophes, hyphens, numbers and dotted abbreviations", () => {
    const text =
      "Kim’s U.S.-led talks: a well-known, 9:50 deal worth $3.5 million (1,200 jobs) in Korea-U.S. trade";
    assert.deepEqual(
      wordTokens(text).map((t) => t.norm),
      [
        "kim's",
        "u.s.",
        "led",
        "talks",
        "a",
        "well-known",
        "9:50",
        "deal",
        "worth",
        "3.5",
        "million",
        "1,200",
        "jobs",
        "in",
        "korea",
        "u.s.",
        "trade",
      ],
    );
  });

  it("returns offsets that point at the token text", () => {
    const text = "“Don’t go,” said Dr. Émile Zola at 5 p.m. in the U.K.";
    for (const t of wordTokens(text)) {
      assert.equal(text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"), t.norm);
    }
    assert.deepEqual(
      wordTokens(text).map((t) => t.norm),
      ["don't", "go", "said", "dr", "émile", "zola", "at", "5", "p.m.", "in", "the", "u.k."],
    );
  });

  it("drops leading and trailing apostrophes and hyphens", () => {
    assert.deepEqual(
      wordTokens("the players’ union in the '90s - a 'new' era").map((t) => t.norm),
      ["the", "players", "union", "in", "the", "90s", "a", "new", "era"],
    );
  });

  it("tokenizes only inside [start, end) with absolute offsets", () => {
    const text = "First sentence here. Second one.";
    const start = text.indexOf("Second");
    const tokens = wordTokens(text, start, text.length);
    assert.deepEqual(
      tokens.map((t) => [t.norm, t.start]),
      [
        ["second", start],
        ["one", start + 7],
      ],
    );
    assert.deepEqual(
      wordTokens(text, 0, 5).map((t) => t.norm),
      ["first"],
    );
    assert.deepEqual(wordTokens(text, 3, 3), []);
  });

  it("handles empty and punctuation-only text", () => {
    assert.deepEqual(wordTokens(""), []);
    assert.deepEqual(wordTokens(" -- ... !! "), []);
  });
});

test("withWordTokenCache: same tokens inside and outside the scope, shared only within one scope", () => {
  const text = "The U.S. mayor's office said on Monday that 12,000 vehicles crossed.";
  const plain = wordTokens(text, 4, 40);
  let first: ReturnType<typeof wordTokens> | undefined;
  let again: ReturnType<typeof wordTokens> | undefined;
  const result = withWordTokenCache(() => {
    first = wordTokens(text, 4, 40);
    again = wordTokens(text, 4, 40);
    assert.deepEqual(wordTokens(text), wordTokens(text, 0, text.length));
    return "done";
  });
  assert.equal(result, "done");
  assert.deepEqual(first, plain);
  assert.equal(first, again, "one scope reuses the tokens of a span");
  const outside = wordTokens(text, 4, 40);
  assert.notEqual(outside, first, "nothing is kept after the scope ends");
  assert.deepEqual(outside, plain);
  assert.throws(
    () =>
      withWordTokenCache(() => {
        throw new Error("boom");
      }),
    /boom/,
  );
  assert.notEqual(
    wordTokens(text, 4, 40),
    wordTokens(text, 4, 40),
    "a throwing scope does not leave the cache on",
  );
});

test("hasVerb tells a caption or heading from a sentence, also where the tagger reads a verb as a noun", () => {
  for (const fragment of [
    "Parts of the coast still under water.",
    "4500 block of 31st Street S.",
    "Photo: the mill at 736 Divisadero in San Francisco.",
  ])
    assert.equal(hasVerb(fragment), false, fragment);
  for (const sentence of [
    "The storm hit the coast on Monday.",
    "The song blends R&B and dancehall in the verses.",
    "The mother of four lives in Dallas.",
    "Jackie Kennedy had difficult pregnancies.",
  ])
    assert.equal(hasVerb(sentence), true, sentence);
});

test("Chinese and Japanese: sentences end at 。！？ without a space, and each ideograph is a word", () => {
  const zh = "港口大桥周二因钢梁出现裂缝而关闭。市长表示：“该桥将至少关闭六周。”渡轮公司增加了晚间班次！";
  assert.deepEqual(sentences(zh), [
    "港口大桥周二因钢梁出现裂缝而关闭。",
    "市长表示：“该桥将至少关闭六周。”",
    "渡轮公司增加了晚间班次！",
  ]);
  const words = wordTokens("大桥 closed 火曜日").map((t) => t.norm);
  assert.deepEqual(words, ["大", "桥", "closed", "火", "曜", "日"]);
});
