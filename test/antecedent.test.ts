/** Who "He"/"She" means when a sentence is shown out of its article (timeline events, facts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { indexPeople, subjectAntecedent } from "../src/analyze/antecedent.ts";
import { extractEntities } from "../src/analyze/entities.ts";
import { buildReport } from "../src/analyze/report.ts";
import { formatReport } from "../src/format/report.ts";
import { prepare } from "../src/pipeline.ts";
import type { Article, Doc } from "../src/types.ts";

function article(id: string, text: string, published = "2026-03-04"): Article {
  return { id, text, published, origin: { source: `${id}.txt`, format: "text" } };
}

/** The antecedent of the sentence of `doc` that starts with `start`. */
function who(doc: Doc, start: string): string | undefined {
  const people = indexPeople(extractEntities([doc]));
  const k = doc.sentences.findIndex((s) => doc.article.text.startsWith(start, s.start));
  assert.ok(k >= 0, `no sentence starts with ${start}`);
  return subjectAntecedent(doc, k, people);
}

test("the subject named in the sentence before, followed back through 'He … He …'", () => {
  const [doc] = prepare([
    article(
      "a",
      "Harbor engineer Tom Reyes inspected the ferry terminal on Monday. He found cracks in two piers. He said repairs would take a month.",
    ),
  ]);
  assert.equal(who(doc!, "He found"), "Tom Reyes");
  assert.equal(who(doc!, "He said"), "Tom Reyes");
});

test("a name that fits the pronoun's gender is taken, one that does not is passed over", () => {
  const [doc] = prepare([
    article(
      "b",
      "Mrs. Ada Moss and Mr. Tom Reyes signed the harbor contract on Monday. He said the work starts in May.",
    ),
  ]);
  assert.equal(who(doc!, "He said"), "Tom Reyes");
});

test("no guess when the only name comes late in the sentence before (an object, not its subject)", () => {
  const [doc] = prepare([
    article(
      "c",
      "The award for the best harbor design went last year to a young engineer from the coast, Ben Ortiz. He said the prize surprised everyone.",
    ),
  ]);
  assert.equal(who(doc!, "He said"), undefined);
});

test("a name in a photo credit is not the subject", () => {
  const [doc] = prepare([
    article(
      "e",
      "Photo: John Lee/AP Harbor engineer Tom Reyes inspects the damaged pier on Monday morning with his crew. He said repairs would take a month.",
    ),
  ]);
  assert.equal(who(doc!, "He said"), "Tom Reyes");
});

test("no guess for a sentence that does not open with He or She, nor when no one is named", () => {
  const [doc] = prepare([
    article("d", "The ferry stopped on Monday. He said it would run again soon. It did."),
  ]);
  assert.equal(who(doc!, "He said"), undefined);
  assert.equal(who(doc!, "It did"), undefined);
});

test("the report names who an opening 'He' of a timeline event is, beside the verbatim text", () => {
  const report = buildReport([
    article(
      "post",
      "Harbor engineer Tom Reyes inspected the ferry terminal on Monday after the storm.\nHe found cracks in two concrete piers on March 2, the harbor office said.",
    ),
    article(
      "daily",
      "The ferry terminal reopened to foot passengers on Tuesday after the storm damaged its roof.",
    ),
  ]);
  const event = report.timeline?.find((e) => e.text.startsWith("He found"));
  assert.ok(event, JSON.stringify(report.timeline?.map((e) => e.text)));
  assert.equal(event.antecedent, "Tom Reyes");
  assert.match(event.text, /^He found cracks/, "the text itself stays verbatim");
  const md = formatReport([{ id: "s1", report }], "md");
  assert.match(md, /He \\\[Tom Reyes\\\] found cracks/);
});
