/** The public surface as a TypeScript user meets it: one import, typed results, NewsweaveError on misuse. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Article,
  type BootstrapOptions,
  buildReport,
  type ClusteringScores,
  type ClusterReadResult,
  type EvalReport,
  type EvaluateOptions,
  type ItemRow,
  ingestBytes,
  ingestString,
  isNewsweaveError,
  type PairedBootstrapResult,
  type Prediction,
  parseSince,
  type RougeScores,
  rougeMulti,
  type Since,
  type StoryOptions,
  summarize,
} from "../src/index.ts";

const story: Article[] = [
  {
    id: "a",
    text: "The Lisvale ferry stopped running on Monday after crews found a cracked hull plate. Repairs will take two weeks.",
    origin: { source: "a.txt", format: "text" },
  },
];

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isNewsweaveError(e) ? e.code : `not a NewsweaveError: ${String(e)}`;
  }
  return undefined;
}

test("misuse of the library is a NewsweaveError with a code, never a TypeError", () => {
  assert.equal(
    code(() => summarize(null as unknown as Article[])),
    "BAD_FIELD",
  );
  assert.equal(
    code(() => summarize([null as unknown as Article])),
    "BAD_FIELD",
  );
  assert.equal(
    code(() => ingestString(null as unknown as string, "x.txt")),
    "BAD_FIELD",
  );
  assert.equal(
    code(() => ingestBytes("text" as unknown as Uint8Array, "x.txt")),
    "BAD_FIELD",
  );
  assert.equal(
    code(() => buildReport(story, { sections: ["gossip" as "summary"] })),
    "BAD_OPTION",
  );
  assert.equal(
    code(() => rougeMulti(["a b"], "a b", "bogus" as "average")),
    "BAD_OPTION",
  );
  assert.equal(
    code(() => parseSince("yesterday")),
    "BAD_OPTION",
  );
  assert.equal(
    code(() => summarize(story, { words: 50 })),
    undefined,
  );
});

test("the option and result types of the public functions are exported with them", () => {
  // compile-time: each name resolves from the one public module (the test suite is type-checked)
  const scores: RougeScores = rougeMulti(["the ferry stopped"], "the ferry stopped");
  assert.equal(scores.rouge1.f, 1);
  const since: Since = "sum1";
  const options: StoryOptions = { words: 80 };
  const evalOptions: EvaluateOptions = { words: 100 };
  const boot: BootstrapOptions = { iterations: 10 };
  type Results = [
    EvalReport,
    ItemRow,
    Prediction,
    PairedBootstrapResult,
    ClusteringScores,
    ClusterReadResult,
  ];
  const none: Results | undefined = undefined;
  assert.deepEqual(
    [since, options.words, evalOptions.words, boot.iterations, none],
    ["sum1", 80, 100, 10, undefined],
  );
});
