import assert from "node:assert/strict";
import { test } from "node:test";
import { isNewsweaveError } from "../src/errors.ts";
import {
  dateFromDocId,
  detectFormat,
  ingestClusterDirs,
  ingestPath,
  ingestString,
} from "../src/ingest/index.ts";
import { referenceOf } from "../src/ingest/ingest.ts";
import { prepare } from "../src/pipeline.ts";

const DOCS = "test/fixtures/duc/docs";
const REFS = "test/fixtures/duc/models";

test("a DUC wire document: id, headline, date, outlet, paragraphs and the wire's typography", async () => {
  const { articles } = await ingestPath(`${DOCS}/d90001t/APW20260312.0101`);
  assert.equal(articles.length, 1);
  const a = articles[0]!;
  assert.equal(a.id, "APW20260312.0101", "the DOCNO, not the file name less its 'extension'");
  assert.equal(a.origin.format, "sgml");
  assert.equal(a.title, "Landslide buries Veloria Valley rail line, thousands stranded");
  assert.equal(a.published, "2026-03-12T08:41");
  assert.equal(a.outlet, "Associated Press");
  // indented lines start paragraphs, continuation lines are joined
  const paragraphs = a.text.split("\n\n");
  assert.equal(paragraphs.length, 4, a.text);
  assert.match(paragraphs[0]!, /^KARST FALLS \(AP\) — A landslide buried .* railway officials said\.$/);
  assert.match(a.text, /Valley Rail & Transit/, "&AMP; is an ampersand");
  assert.match(a.text, /“We were very lucky this morning,” Marchetti said\./, "``…'' are quotation marks");
  assert.doesNotMatch(a.text, /&UR;|<|SLUG|TRAILER|DOCTYPE/);
  // the cleaner then takes the dateline as the place
  const [doc] = prepare(articles);
  assert.equal(doc!.article.place, "KARST FALLS");
  assert.match(doc!.article.text, /^A landslide buried/);
});

test("a TAC/Gigaword document: id attribute, <P> paragraphs, date from the id", async () => {
  const { articles } = await ingestPath(`${DOCS}/d90001t/XIE20260313.0050`);
  const a = articles[0]!;
  assert.equal(a.id, "XIE20260313.0050");
  assert.equal(a.outlet, "Xinhua");
  assert.equal(a.published, "2026-03-13");
  assert.equal(a.text.split("\n\n").length, 2);
  assert.doesNotMatch(a.text, /Xinhua\)|DATELINE/, "the dateline element is not body text");
});

test("a collection of several documents in one file, a document without text, and an unclosed one", () => {
  const doc = (no: string, body: string) =>
    `<DOC>\n<DOCNO> ${no} </DOCNO>\n<TEXT>\n${body}\n</TEXT>\n</DOC>\n`;
  const file = `${doc("NYT19990101.0001", "The council met on Friday.")}${doc("NYT19990101.0002", "")}${doc("NYT19990101.0003", "The vote was delayed.")}`;
  assert.equal(detectFormat(file, "nyt_1999"), "sgml");
  const articles = ingestString(file, "nyt_1999");
  assert.deepEqual(
    articles.map((a) => [a.id, a.text, a.published, a.origin.index]),
    [
      ["NYT19990101.0001", "The council met on Friday.", "1999-01-01", 0],
      ["NYT19990101.0003", "The vote was delayed.", "1999-01-01", 2],
    ],
  );
  assert.throws(
    () => ingestString(`${doc("A1", "One.")}\n<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT>\nTwo.\n`, "broken"),
    (e) =>
      isNewsweaveError(e) && e.code === "BAD_XML" && e.location.line === 8 && /never closed/.test(e.message),
  );
  const hostile = ingestString(doc("H1", "<script>alert(1)</script>The council met. <b>Briefly</b>."), "h");
  assert.equal(hostile[0]!.text, "The council met. Briefly.");
  assert.throws(
    () => ingestString(doc("A1", ""), "empty"),
    (e) => isNewsweaveError(e) && e.code === "EMPTY_INPUT",
  );
});

test("dates encoded in document ids", () => {
  assert.equal(dateFromDocId("APW19981016.0240"), "1998-10-16");
  assert.equal(dateFromDocId("AFP_ENG_20050101.0001"), "2005-01-01");
  assert.equal(dateFromDocId("AP880217-0100"), "1988-02-17");
  assert.equal(dateFromDocId("WSJ870227-0150"), "1987-02-27");
  assert.equal(dateFromDocId("APW19981342.0001"), undefined, "no 42nd of the 13th month");
  assert.equal(dateFromDocId("FT923-5089"), undefined);
});

test("DUC/TAC layout: clusters from subdirectories, references matched by name", async () => {
  assert.ok(referenceOf("D30001.M.100.T.A", "d30001t"));
  assert.ok(referenceOf("d30001t.ref2", "d30001t"));
  assert.ok(referenceOf("D061.M.100.J.B", "d061j"));
  assert.ok(!referenceOf("D30001.M.100.T.A", "d30002t"));
  assert.ok(!referenceOf("D300011.M.100.T.A", "d30001t"), "another cluster whose id starts the same");
  const { clusters, errors } = await ingestClusterDirs(DOCS, REFS);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    clusters.map((c) => [c.id, c.articles.length, c.references.length]),
    [
      ["d90001t", 3, 2],
      ["d90002t", 2, 2],
    ],
  );
  assert.ok(clusters[0]!.articles.every((a) => a.origin.cluster === "d90001t"));
  assert.match(clusters[0]!.references[0]!, /^A landslide buried .*\nNo one was hurt\.\n/);
  // no reference file: the clusters come back without references (the evaluation skips them), no error
  const missing = await ingestClusterDirs(DOCS, `${DOCS}/d90001t`);
  assert.deepEqual(missing.errors, []);
  assert.deepEqual(
    missing.clusters.map((c) => c.references.length),
    [0, 0],
  );
});
