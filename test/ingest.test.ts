import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { isNewsweaveError, type NewsweaveError } from "../src/errors.ts";
import { flatHtmlToText } from "../src/ingest/dom.ts";
import {
  decodeBytes,
  detectFormat,
  ingestBytes,
  ingestPath,
  ingestString,
  parseFeed,
  parseHtml,
  parseJsonl,
  parseMultiNews,
  parseText,
  readJsonlClusters,
  readMultiNewsClusters,
} from "../src/ingest/index.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/ingest");
const SHARED = join(ROOT, "../shared");
const fixture = (name: string): string => join(FIXTURES, name);
const readFixture = (name: string): Promise<string> => readFile(fixture(name), "utf8");

/** Runs `fn`, expecting a NewsweaveError; returns it for further checks. */
function caught(fn: () => unknown): NewsweaveError {
  try {
    fn();
  } catch (e) {
    assert.ok(isNewsweaveError(e), `expected a NewsweaveError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an error");
}

async function caughtAsync(fn: () => Promise<unknown>): Promise<NewsweaveError> {
  try {
    await fn();
  } catch (e) {
    assert.ok(isNewsweaveError(e), `expected a NewsweaveError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected an error");
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "utf8"));

describe("decodeBytes", () => {
  const sample = "Café “Le Port” reopened — naïve visitors paid €5.\nSecond line: déjà vu.";

  test("plain UTF-8 and UTF-8 with BOM decode to the same text", () => {
    assert.equal(decodeBytes(utf8(sample), "a.txt"), sample);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")]);
    assert.equal(decodeBytes(bom, "a.txt"), sample);
  });

  test("UTF-16 LE and BE, with and without BOM", () => {
    const le = Buffer.from(sample, "utf16le");
    const be = Buffer.from(le).swap16();
    const withBom = (b: Buffer, bom: number[]): Buffer => Buffer.concat([Buffer.from(bom), b]);
    assert.equal(decodeBytes(withBom(le, [0xff, 0xfe]), "le.txt"), sample);
    assert.equal(decodeBytes(withBom(be, [0xfe, 0xff]), "be.txt"), sample);
    assert.equal(decodeBytes(le, "le.txt"), sample);
    assert.equal(decodeBytes(be, "be.txt"), sample);
  });

  test("Windows-1252 with curly quotes, dashes and accents", () => {
    const text =
      "The mayor of Orléans said “we will rebuild the café” after the fire – the second this year.\n" +
      "Firefighters’ union leader René Dubois called it “a near miss”; damage is put at €40,000.";
    const bytes = iconv.encode(text, "windows-1252");
    assert.equal(decodeBytes(bytes, "cp1252.txt"), text);
  });

  test("ISO-8859-1 (Latin-1) text", () => {
    const text = "Zürich: the Müller family opened a café near the Größe Platz, façade and all.";
    assert.equal(decodeBytes(iconv.encode(text, "latin1"), "latin1.txt"), text);
  });

  test("another legacy encoding that chardet recognises (Windows-1251)", () => {
    const text = "Мэр города заявил, что мост через реку откроют в понедельник после ремонта.";
    assert.equal(decodeBytes(iconv.encode(text, "windows-1251"), "ru.txt"), text);
  });

  test("CRLF and lone CR become LF", () => {
    assert.equal(decodeBytes(utf8("one\r\ntwo\rthree\n"), "crlf.txt"), "one\ntwo\nthree\n");
  });

  test("empty and whitespace-only input is EMPTY_INPUT naming the file", () => {
    for (const bytes of [new Uint8Array(0), utf8("  \n\t\n")]) {
      const err = caught(() => decodeBytes(bytes, "dir/empty.txt"));
      assert.equal(err.code, "EMPTY_INPUT");
      assert.equal(err.location.file, "dir/empty.txt");
    }
  });

  test("binary input is BINARY_INPUT naming the file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const pdf = utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const nul = utf8("Some text\u0000with a NUL byte in the middle of it, which no text file has.");
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return ((seed >> 16) % 31) + 1; // control characters 1..31 (no NUL): the control-character check
    });
    for (const [name, bytes] of [
      ["pic.png", png],
      ["doc.pdf", pdf],
      ["a.gz", gzip],
      ["b.zip", zip],
      ["nul.txt", nul],
      ["noise.bin", noise],
    ] as const) {
      const err = caught(() => decodeBytes(bytes, name));
      assert.equal(err.code, "BINARY_INPUT", name);
      assert.equal(err.location.file, name);
    }
  });

  test("invalid UTF-16 (a lone surrogate) is BAD_ENCODING", () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    assert.equal(caught(() => decodeBytes(bytes, "bad16.txt")).code, "BAD_ENCODING");
  });
});

describe("detectFormat", () => {
  test("the extension decides first", () => {
    assert.equal(detectFormat("<html><body>x</body></html>", "notes.txt"), "text");
    assert.equal(detectFormat("plain", "page.HTM"), "html");
    assert.equal(detectFormat("plain", "feed.xml"), "feed");
    assert.equal(detectFormat("plain", "feed.atom"), "feed");
    assert.equal(detectFormat("plain", "news.rss"), "feed");
    assert.equal(detectFormat("plain", "c.jsonl"), "jsonl");
    assert.equal(detectFormat("plain", "c.json"), "jsonl");
    assert.equal(detectFormat("<rss>", "readme.md"), "text");
  });

  test("content sniffing without a known extension", () => {
    assert.equal(detectFormat('<?xml version="1.0"?>\n<!-- a feed -->\n<rss version="2.0">', "-"), "feed");
    assert.equal(
      detectFormat('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "<stdin>"),
      "feed",
    );
    assert.equal(detectFormat("\n<!DOCTYPE html>\n<html><body></body></html>", "page"), "html");
    assert.equal(detectFormat("<html lang=en><p>x", "page"), "html");
    assert.equal(detectFormat('{"id":"a","documents":[{"text":"x"}]}\n', "data"), "jsonl");
    assert.equal(detectFormat('{"id":"a","documents":[{"text":"x"},]}\n', "data"), "jsonl");
    assert.equal(detectFormat("first doc ||||| second doc", "train.src"), "multinews");
    assert.equal(detectFormat("first NEWLINE_CHAR second", "train.src"), "multinews");
    assert.equal(detectFormat('{"not":"a cluster"}\nmore', "data"), "text");
    assert.equal(detectFormat("A plain story about <b> tags.", "story"), "text");
  });
});

describe("parseText", () => {
  test("a short unpunctuated first line becomes the title and stays in the text", async () => {
    const text = await readFixture("storm.txt");
    const article = parseText(text, "news/storm.txt");
    assert.equal(article.title, "Storm closes Lisvale port");
    assert.equal(article.text, text);
    assert.equal(article.id, "storm");
    assert.deepEqual(article.origin, { source: "news/storm.txt", format: "text" });
  });

  test("no title when the first line is a sentence or the only line", () => {
    assert.equal(parseText("The port closed on Tuesday.\nMore text here.", "a.txt").title, undefined);
    assert.equal(parseText("Storm closes port", "a.txt").title, undefined);
    const long = `${"word ".repeat(40)}\nbody`;
    assert.equal(parseText(long, "a.txt").title, undefined);
  });

  test("empty text is EMPTY_INPUT", () => {
    assert.equal(caught(() => parseText(" \n ", "a.txt")).code, "EMPTY_INPUT");
  });
});

describe("parseHtml", () => {
  test("main text with paragraph breaks and metadata from meta tags and JSON-LD", async () => {
    const html = await readFixture("port-storm.html");
    const article = parseHtml(html, "pages/port-storm.html");
    assert.equal(article.id, "port-storm");
    assert.equal(article.title, "Storm closes Lisvale port");
    assert.equal(article.url, "https://harbor.example/news/storm-closes-port");
    assert.equal(article.outlet, "The Harbor Daily");
    assert.equal(article.author, "Ann Lee, Raj Patel");
    assert.equal(article.published, "2025-03-04T09:30:00+01:00");
    assert.equal(article.origin.format, "html");

    const paragraphs = article.text.split("\n\n");
    const first = paragraphs.findIndex((p) => p.startsWith("The port of Lisvale closed on Tuesday"));
    assert.ok(first >= 0, article.text);
    // entities decoded, <br> kept as a single line break inside the paragraph
    assert.match(paragraphs[first]!, /swept the coast & damaged two container cranes/);
    assert.equal(
      paragraphs[first + 1],
      "Harbour master Tom Bay said the port would reopen on Thursday at the earliest.\n" +
        "“We expect delays of two or three days,” he told reporters at a press conference.",
    );
    assert.match(article.text, /repairs at around €4 million\.$/);
    // page furniture outside the article and script/style content are not in the text
    assert.doesNotMatch(
      article.text,
      /Sport|All rights reserved|TRACKING-CODE|STYLE-TEXT|INJECTED-BY-SCRIPT/,
    );
    assert.doesNotMatch(article.text, /<[a-z/]/i);
    assert.doesNotMatch(article.text, /\n{3,}|[ \t]\n|\n[ \t]/);
  });

  test("metadata from JSON-LD @graph and <time datetime> when meta tags are missing", () => {
    const body =
      "<article><p>The Ridge ski lift stopped for two hours on Saturday after a power cut, leaving " +
      "forty skiers waiting in their seats until engineers restarted it.</p></article>";
    const ld =
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[' +
      '{"@type":"WebSite","name":"Ridge Gazette"},' +
      '{"@type":"NewsArticle","headline":"Ski lift stops","datePublished":"2025-01-18T10:00:00Z",' +
      '"author":{"@type":"Person","name":"Jonas Berg"},"publisher":{"@type":"Organization","name":"Ridge Gazette"},' +
      '"url":"https://ridge.example/lift"}]}</script>';
    const a = parseHtml(`<html><head>${ld}</head><body>${body}</body></html>`, "lift.html");
    assert.equal(a.title, "Ski lift stops");
    assert.equal(a.author, "Jonas Berg");
    assert.equal(a.published, "2025-01-18T10:00:00Z");
    assert.equal(a.outlet, "Ridge Gazette");
    assert.equal(a.url, "https://ridge.example/lift");

    const b = parseHtml(
      `<html><body><p>By the river</p><time datetime="2024-11-02">2 November</time>${body}</body></html>`,
      "time.html",
    );
    assert.equal(b.published, "2024-11-02");
  });

  test("hostile HTML: no script text, handlers or URLs in the output, nothing executed", () => {
    const g = globalThis as { __newsweavePwned?: boolean };
    const html =
      "<html><head><script>globalThis.__newsweavePwned = true;</script></head><body>" +
      "<p>The council met on Monday to discuss the harbour wall and agreed to fund repairs before winter storms arrive.</p>" +
      "<script>alert(1)</script>" +
      '<p>Residents welcomed the plan. <img src=x onerror=alert(1)> <a href="javascript:alert(2)" onclick="alert(3)">Read</a> ' +
      '<svg onload=alert(4)><text>SVG-TEXT</text></svg><iframe srcdoc="<script>alert(5)</script>"></iframe>' +
      "<noscript>NOSCRIPT-TEXT</noscript><style>p{}</style> Work starts in May.</p>" +
      "<body onload=alert(6)><p>Another paragraph with enough words to be counted as article text by the parser.</p></body>" +
      "</body></html>";
    const { text } = parseHtml(html, "hostile.html");
    assert.match(text, /Residents welcomed the plan\. Read Work starts in May\./);
    assert.doesNotMatch(
      text,
      /alert|onerror|onclick|onload|javascript:|SVG-TEXT|NOSCRIPT-TEXT|__newsweavePwned/,
    );
    assert.equal(g.__newsweavePwned, undefined);
  });

  test("truncated HTML still yields the text that is there", async () => {
    // a partial download: the unknown ".part" extension leaves the format to sniffing
    const html = await readFixture("truncated.html.part");
    assert.equal(detectFormat(html, "truncated.html.part"), "html");
    const article = parseHtml(html, "truncated.html.part");
    assert.equal(article.title, "Bridge reopens in Ostrava Vale");
    const paragraphs = article.text.split("\n\n");
    assert.equal(paragraphs.length, 3);
    assert.match(paragraphs[0]!, /^The Miller Street bridge/);
    assert.match(paragraphs[2]!, /several asked the coun$/);
    // cut inside a tag, an attribute and an entity
    for (const cut of ['<p>Half a para <a href="http://x', "<p>Half a para <b", "<p>Half a para &am"]) {
      const t = parseHtml(`<html><body><p>A full paragraph of text comes first.</p>${cut}`, "cut.html").text;
      assert.match(t, /^A full paragraph of text comes first\.\n\nHalf a para/);
    }
  });

  test("fragments without <html>/<body> are read too", () => {
    const article = parseHtml("<h2>Short</h2><p>One &amp; two.</p><p>Three<br><br>Four</p>", "frag.html");
    assert.equal(article.text, "Short\n\nOne & two.\n\nThree\n\nFour");
  });

  test("a page without text is BAD_HTML naming the file", () => {
    const err = caught(() =>
      parseHtml("<html><body><script>var a = 1;</script><img src=x></body></html>", "p.html"),
    );
    assert.equal(err.code, "BAD_HTML");
    assert.equal(err.location.file, "p.html");
  });

  test("very deep nesting neither overflows the stack nor takes long", () => {
    const depth = 20000;
    const html = `<html><body>${"<div>".repeat(depth)}Deep text at the bottom.${"</div>".repeat(depth)}</body></html>`;
    const start = performance.now();
    assert.equal(parseHtml(html, "deep.html").text, "Deep text at the bottom.");
    assert.ok(performance.now() - start < 5000);
  });

  test("the tag-stripping last resort keeps paragraphs and decodes entities, never script text", () => {
    const html =
      "<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script>" +
      "<div><p>One &amp; <b>two</b><br>three</p><p>4 < 5 &eacute;</p><!-- note --><img src=x onerror=alert(1)> tail <a href='x";
    assert.equal(flatHtmlToText(html), "One & two\nthree\n\n4 < 5 é\n\ntail");
  });
});

describe("parseFeed", () => {
  test("RSS 2.0: one article per item with text, HTML converted, dates in ISO", async () => {
    const articles = parseFeed(await readFixture("harbor.rss"), "feeds/harbor.rss");
    // the third item has a headline only and no text
    assert.deepEqual(
      articles.map((a) => a.id),
      ["harbor#0", "harbor#1"],
    );
    const [storm, ferry] = articles;
    assert.equal(storm!.title, "Storm closes Lisvale port");
    assert.equal(storm!.url, "https://harbor.example/news/storm-closes-port");
    assert.equal(storm!.author, "Ann Lee");
    assert.equal(storm!.outlet, "The Harbor Daily");
    assert.equal(Date.parse(storm!.published!), Date.UTC(2025, 2, 4, 8, 30));
    // content:encoded is preferred over description; script content dropped
    assert.equal(
      storm!.text,
      "The port of Lisvale closed on Tuesday after a storm & high tides.\n\nIt should reopen on Thursday.",
    );
    assert.deepEqual(storm!.origin, { source: "feeds/harbor.rss", format: "feed", index: 0 });
    assert.equal(ferry!.title, "Ferry timetable changes & delays");
    assert.equal(ferry!.author, "Raj Patel");
    assert.equal(
      ferry!.text,
      "Ferries to Carrow will run every two hours until Friday.\n\nTickets bought for cancelled crossings will be refunded.",
    );
    assert.equal(Date.parse(ferry!.published!), Date.UTC(2025, 2, 5, 14, 0));
  });

  test("Atom: html / text content, summary fallback, alternate link, published date", async () => {
    const articles = parseFeed(await readFixture("valley.atom"), "valley.atom");
    assert.equal(articles.length, 3);
    const [budget, library, maths] = articles;
    assert.equal(budget!.id, "valley#0");
    assert.equal(budget!.title, "Council approves new budget");
    assert.equal(budget!.url, "https://courier.example/budget");
    assert.equal(budget!.author, "Mila Novak");
    assert.equal(budget!.outlet, "Valley Courier");
    assert.equal(budget!.published, "2025-06-01T18:45:00+02:00");
    assert.equal(
      budget!.text,
      "The Ostrava Vale council approved a budget of 41 million crowns on Sunday.\n\nRoad repairs get the largest share.",
    );
    assert.equal(library!.text, "The town library will stay open until 9 pm on weekdays, staff said.");
    assert.equal(library!.published, "2025-06-02T08:00:00Z"); // no <published>: <updated>
    // type="text" content is not treated as markup
    assert.equal(maths!.text, "Pupils had to show that 3 < 5 & 5 > 2 in the first round.");
  });

  test("RDF (RSS 1.0)", async () => {
    const [item, ...rest] = parseFeed(await readFixture("ridge.rdf"), "ridge.rdf");
    assert.equal(rest.length, 0);
    assert.equal(item!.title, "Avalanche warning raised");
    assert.equal(item!.author, "Jonas Berg");
    assert.equal(item!.published, "2025-01-17");
    assert.equal(item!.url, "https://ridge.example/avalanche");
    assert.match(item!.text, /level four on Friday\.$/);
  });

  test("malformed XML is BAD_XML with the file and the line", async () => {
    const xml = await readFixture("broken.rss");
    const err = caught(() => parseFeed(xml, "broken.rss"));
    assert.equal(err.code, "BAD_XML");
    assert.equal(err.location.file, "broken.rss");
    const badLine = xml.split("\n").findIndex((l) => l.includes("</itm>")) + 1;
    assert.equal(err.location.line, badLine);

    const truncated = xml.slice(0, xml.indexOf("<description>") + 20);
    const err2 = caught(() => parseFeed(truncated, "cut.rss"));
    assert.equal(err2.code, "BAD_XML");
    assert.ok(err2.location.line !== undefined && err2.location.line >= 7);
  });

  test("XML that is not a feed is BAD_XML", () => {
    assert.equal(
      caught(() => parseFeed("<?xml version='1.0'?><catalog><book/></catalog>", "c.xml")).code,
      "BAD_XML",
    );
  });
});

describe("bench JSONL and Multi-News", () => {
  test("bench JSONL: clusters, article ids, origins, references", async () => {
    const clusters = parseJsonl(await readFixture("clusters.jsonl"), "data/clusters.jsonl");
    assert.deepEqual(
      clusters.map((c) => [c.id, c.articles.length, c.references.length]),
      [
        ["lisvale-storm", 2, 1],
        ["vale-budget", 3, 0],
        ["ridge-avalanche", 1, 0],
      ],
    );
    const [first] = clusters[0]!.articles;
    assert.equal(first!.id, "lisvale-storm/0");
    assert.equal(first!.title, "Storm closes port");
    assert.equal(first!.published, "2025-03-04");
    assert.equal(
      first!.text,
      "The port of Lisvale closed on Tuesday after a storm.\n\nIt will reopen on Thursday.",
    );
    assert.deepEqual(first!.origin, {
      source: "data/clusters.jsonl",
      format: "jsonl",
      line: 1,
      index: 0,
      cluster: "lisvale-storm",
    });
    // the blank third line is skipped but counted
    assert.equal(clusters[2]!.articles[0]!.origin.line, 4);
  });

  test("a malformed line is BAD_JSON with line and column; the other lines are still returned", () => {
    const good1 = '{"id":"a","documents":[{"text":"Alpha story."}]}';
    const bad = '{"id":"b","documents":[{"text":"Beta story."},]}';
    const bad2 = '{"id":"c","documents":[{"text":"Gamma"}] "references":[]}';
    const bad3 = "@ this is not json";
    const good2 = '{"id":"d","documents":[{"text":"Delta story."}]}';
    const { clusters, errors } = readJsonlClusters([good1, bad, bad2, bad3, good2].join("\n"), "mixed.jsonl");
    assert.deepEqual(
      clusters.map((c) => c.id),
      ["a", "d"],
    );
    assert.deepEqual(
      errors.map((e) => [e.code, e.location.file, e.location.line, e.location.column]),
      [
        ["BAD_JSON", "mixed.jsonl", 2, bad.indexOf(",]") + 2], // the "]" after a trailing comma
        ["BAD_JSON", "mixed.jsonl", 3, bad2.indexOf(' "references"') + 2],
        ["BAD_JSON", "mixed.jsonl", 4, 1],
      ],
    );
    assert.match(errors[0]!.describe(), /^mixed\.jsonl:2:\d+: /);
    // the strict variant throws the first error
    const err = caught(() => parseJsonl([good1, bad].join("\n"), "mixed.jsonl"));
    assert.equal(err.code, "BAD_JSON");
    assert.equal(err.location.line, 2);
  });

  test("a missing or wrong-typed field is BAD_FIELD with line and field path", () => {
    const lines = [
      '{"id":"a","documents":[{"text":"One."},{"text":"Two."},{"text":3}]}',
      '{"id":"b"}',
      '{"id":"c","documents":{"text":"x"}}',
      '{"id":"d","documents":[{"text":"x","date":20250101}]}',
      '{"id":"e","documents":[{"text":"x"}],"references":"just one"}',
      '{"id":["f"],"documents":[{"text":"x"}]}',
      '{"id":"g","documents":["plain string"]}',
      "[1,2,3]",
      '{"id":"h","documents":[{"text":"Fine."}],"references":["Fine summary."]}',
    ];
    const { clusters, errors } = readJsonlClusters(lines.join("\n"), "fields.jsonl");
    assert.deepEqual(
      clusters.map((c) => c.id),
      ["h"],
    );
    assert.deepEqual(
      errors.map((e) => [e.code, e.location.line, e.location.field]),
      [
        ["BAD_FIELD", 1, "documents[2].text"],
        ["BAD_FIELD", 2, "documents"],
        ["BAD_FIELD", 3, "documents"],
        ["BAD_FIELD", 4, "documents[0].date"],
        ["BAD_FIELD", 5, "references"],
        ["BAD_FIELD", 6, "id"],
        ["BAD_FIELD", 7, "documents[0]"],
        ["BAD_FIELD", 8, undefined],
      ],
    );
    assert.match(errors[0]!.describe(), /^fields\.jsonl:1: .*\(field documents\[2\]\.text\)$/);
  });

  test("repeated and missing cluster ids stay unique; empty documents are skipped", () => {
    const text = [
      '{"id":"x","documents":[{"text":"One."}]}',
      '{"id":"x","documents":[{"text":""},{"text":"Two."}]}',
      '{"documents":[{"text":"Three."}]}',
      '{"id":"y","documents":[{"text":"  "}]}',
    ].join("\n");
    const { clusters, errors } = readJsonlClusters(text, "ids.jsonl");
    assert.deepEqual(
      clusters.map((c) => [c.id, c.articles.map((a) => a.id)]),
      [
        ["x", ["x/0"]],
        ["x-2", ["x-2/1"]],
        ["ids:3", ["ids:3/0"]],
      ],
    );
    assert.deepEqual(
      errors.map((e) => [e.code, e.location.line]),
      [["EMPTY_INPUT", 4]],
    );
  });

  test("a pretty-printed .json document (object or array of clusters) is accepted", () => {
    const one = JSON.stringify({ id: "p", documents: [{ text: "Pretty one." }] }, null, 2);
    assert.deepEqual(
      parseJsonl(one, "one.json").map((c) => c.id),
      ["p"],
    );
    const many = JSON.stringify(
      [
        { id: "q", documents: [{ text: "Q." }] },
        { id: "r", documents: [{ text: 1 }] },
      ],
      null,
      2,
    );
    const { clusters, errors } = readJsonlClusters(many, "many.json");
    assert.deepEqual(
      clusters.map((c) => c.id),
      ["q"],
    );
    assert.equal(errors[0]?.location.field, "[1].documents[0].text");
  });

  test("a broken JSON array: its elements one per line are still read, the bad one reported by line", () => {
    const good = (id: string, text: string) => JSON.stringify({ id, title: id, text });
    const text = [
      `[${good("k1", "The Kestrel Point ferry resumed service on Monday.")},`,
      '{"id":"k2","text":"This element never closes its string,',
      `${good("k3", "Crews repaired the ramp over two weeks.")}]`,
    ].join("\n");
    const { articles, errors } = readJsonlClusters(text, "dump.json");
    assert.deepEqual(
      articles.map((a) => a.id),
      ["k1", "k3"],
    );
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.code, "BAD_JSON");
    assert.equal(errors[0]?.location.line, 2);
    assert.match(errors[0]!.message, /Unterminated string/);
  });

  test("a broken JSON array laid out over many lines is one error with its line and column", () => {
    const text =
      '[\n  {\n    "id": "k1",\n    "text": "Ferry resumes"\n  },\n  {\n    "id": "k2"\n    "text": "x"\n  }\n]';
    const { articles, clusters, errors } = readJsonlClusters(text, "pretty.json");
    assert.equal(articles.length + clusters.length, 0);
    assert.equal(errors.length, 1);
    assert.deepEqual(
      [errors[0]?.code, errors[0]?.location.line, errors[0]?.location.column],
      ["BAD_JSON", 8, 5],
    );
    const empty = readJsonlClusters("[]", "none.json");
    assert.equal(empty.errors[0]?.code, "EMPTY_INPUT");
  });

  test("a JSON array or a pretty-printed article object piped in without a file name is read as JSON", () => {
    const array = JSON.stringify(
      [{ title: "Ferry resumes", content: "The ferry resumed on Monday after repairs." }],
      null,
      2,
    );
    assert.equal(detectFormat(array, "<stdin>"), "jsonl");
    assert.equal(
      detectFormat(JSON.stringify({ title: "T", content: "The ferry resumed." }, null, 2), "<stdin>"),
      "jsonl",
    );
    assert.equal(detectFormat("[1] The ferry resumed on Monday.", "<stdin>"), "text");
    assert.deepEqual(
      ingestString(array, "<stdin>").map((a) => a.text),
      ["The ferry resumed on Monday after repairs."],
    );
  });

  test("news dump lines: one article per line, with the field names crawlers and news APIs use", () => {
    const lines = [
      // our own names
      JSON.stringify({
        id: "kp-1",
        title: "Kestrel Point ferry resumes",
        text: "The Kestrel Point ferry resumed service on Monday after a two-week repair.",
        date: "2031-05-12",
        url: "https://example.test/ferry",
        author: "Ana Ruiz",
        outlet: "Coast Courier",
      }),
      // news-please
      JSON.stringify({
        title: "Ferry back on the water",
        maintext: "Ferry crossings to Kestrel Point restarted on Monday, the operator said.",
        date_publish: "2031-05-12 09:30:00",
        authors: ["Lee Park", "Sam Ode"],
        source_domain: "harbourtimes.test",
      }),
      // NewsAPI
      JSON.stringify({
        source: { id: null, name: "Bay Radio" },
        author: null,
        title: "Kestrel Point crossings restart",
        description: "Short teaser.",
        content: "Crossings to Kestrel Point restarted on Monday morning.",
        publishedAt: "2031-05-12T07:00:00Z",
      }),
      // a crawl record with only the page, and a Unix time in seconds
      JSON.stringify({
        id: 99,
        html:
          "<html><head><title>Ferry news</title><script>alert(1)</script></head><body><article>" +
          "<p>The ferry to Kestrel Point sailed again on Monday with 80 passengers on board.</p></article></body></html>",
        published: 1936252800,
      }),
      // a cluster in the same file
      '{"id":"c","documents":[{"text":"A cluster document."}]}',
    ];
    const { clusters, articles, errors } = readJsonlClusters(lines.join("\n"), "dump.jsonl");
    assert.deepEqual(errors, []);
    assert.deepEqual(
      clusters.map((c) => c.id),
      ["c"],
    );
    assert.deepEqual(
      articles.map((a) => [a.id, a.title, a.published, a.author, a.outlet, a.origin.line]),
      [
        ["kp-1", "Kestrel Point ferry resumes", "2031-05-12", "Ana Ruiz", "Coast Courier", 1],
        [
          "dump#2",
          "Ferry back on the water",
          "2031-05-12T09:30:00",
          "Lee Park, Sam Ode",
          "harbourtimes.test",
          2,
        ],
        ["dump#3", "Kestrel Point crossings restart", "2031-05-12T07:00:00Z", undefined, "Bay Radio", 3],
        ["99", "Ferry news", "2031-05-11T08:00:00.000Z", undefined, undefined, 4],
      ],
    );
    assert.equal(articles[0]?.url, "https://example.test/ferry");
    assert.match(articles[2]!.text, /^Crossings to Kestrel Point/);
    assert.match(articles[3]!.text, /80 passengers/);
    assert.doesNotMatch(articles[3]!.text, /alert/);
    // The same file through the one entry point: cluster documents and dump articles together.
    assert.deepEqual(
      ingestString(lines.join("\n"), "dump.jsonl").map((a) => a.id),
      ["c/0", "kp-1", "dump#2", "dump#3", "99"],
    );
  });

  test("a bad news dump line names its line and field; the good lines are kept", () => {
    const lines = [
      '{"title":"No body at all","url":"https://example.test/x"}',
      '{"text":"   ","title":"Blank"}',
      '{"text":"A fine article about the ferry.","title":["not","a","string"]}',
      '{"content":42}',
      '{"text":"Another fine article about the ferry.","authors":[{"name":"Kim Lo"},7]}',
      '{"text":"Good one about the harbour.","date":true}',
      '{"id":"ok","text":"The ferry sailed on time."}',
    ];
    const { articles, errors } = readJsonlClusters(lines.join("\n"), "bad-dump.jsonl");
    assert.deepEqual(
      articles.map((a) => a.id),
      ["ok"],
    );
    assert.deepEqual(
      errors.map((e) => [e.code, e.location.line, e.location.field]),
      [
        ["BAD_FIELD", 1, "documents"],
        ["EMPTY_INPUT", 2, "text"],
        ["BAD_FIELD", 3, "title"],
        ["BAD_FIELD", 4, "content"],
        ["BAD_FIELD", 5, "authors[1]"],
        ["BAD_FIELD", 6, "date"],
      ],
    );
    assert.match(errors[0]!.describe(), /^bad-dump\.jsonl:1: .*"text" \(one article\)/);
    assert.match(detectFormat(lines[6]!, "<stdin>"), /^jsonl$/);
  });

  test("raw Multi-News lines: documents split on |||||, NEWLINE_CHAR as newline", async () => {
    const text = await readFixture("sample.src");
    const clusters = parseMultiNews(text, "raw/sample.src");
    assert.deepEqual(
      clusters.map((c) => [c.id, c.articles.map((a) => a.id)]),
      [
        ["sample:1", ["sample:1/0", "sample:1/1"]],
        ["sample:2", ["sample:2/0", "sample:2/1"]],
      ],
    );
    for (const article of clusters.flatMap((c) => c.articles)) {
      assert.doesNotMatch(article.text, /NEWLINE_CHAR|\|\|\|\|\||^\s|\s$/);
      assert.equal(article.origin.format, "multinews");
    }
    assert.match(clusters[0]!.articles[0]!.text, /Monday\. \n \n Residents/);
    assert.deepEqual(clusters[1]!.articles[1]!.origin, {
      source: "raw/sample.src",
      format: "multinews",
      line: 2,
      index: 1,
      cluster: "sample:2",
    });
    const { errors } = readMultiNewsClusters("doc one ||||| doc two\n ||||| \n", "x.src");
    assert.deepEqual(
      errors.map((e) => [e.code, e.location.line]),
      [["EMPTY_INPUT", 2]],
    );
  });
});

describe("ingestString / ingestBytes", () => {
  test("every format through the one entry point", async () => {
    const cases: Array<[string, number]> = [
      ["storm.txt", 1],
      ["port-storm.html", 1],
      ["harbor.rss", 2],
      ["valley.atom", 3],
      ["ridge.rdf", 1],
      ["clusters.jsonl", 6],
      ["sample.src", 4],
    ];
    for (const [name, count] of cases) {
      const articles = ingestString(await readFixture(name), name);
      assert.equal(articles.length, count, name);
      assert.ok(
        articles.every((a) => a.text.trim() !== ""),
        name,
      );
      assert.equal(new Set(articles.map((a) => a.id)).size, count, `${name}: ids unique`);
    }
  });

  test("an explicit format overrides detection", () => {
    const html = "<p>Tags are text here.</p>";
    assert.equal(ingestString(html, "x.html", { format: "text" })[0]!.text, html);
  });

  test("ingestBytes decodes, then parses (Windows-1252 HTML)", () => {
    const html =
      "<html><body><p>The café “Le Port” reopened on Friday after repairs to its roof.</p></body></html>";
    const [article] = ingestBytes(iconv.encode(html, "windows-1252"), "cafe.html");
    assert.equal(article!.text, "The café “Le Port” reopened on Friday after repairs to its roof.");
  });

  test("inputs over maxBytes are TOO_LARGE", () => {
    const err = caught(() => ingestBytes(utf8("x".repeat(2048)), "big.txt", { maxBytes: 1024 }));
    assert.equal(err.code, "TOO_LARGE");
    assert.equal(err.location.file, "big.txt");
    assert.equal(
      caught(() => ingestString("y".repeat(2048), "big.txt", { maxBytes: 1024 })).code,
      "TOO_LARGE",
    );
    assert.equal(caught(() => ingestString("y", "a.txt", { maxBytes: 0 })).code, "BAD_OPTION");
  });

  test("a 50 MB text input is read quickly and completely", () => {
    const paragraph =
      "The council approved the new harbour budget on Tuesday after a long debate about the sea wall.\n\n";
    const size = 50 * 1024 * 1024;
    const bytes = Buffer.alloc(size, paragraph);
    const start = performance.now();
    const articles = ingestBytes(bytes, "big.txt");
    const seconds = (performance.now() - start) / 1000;
    assert.equal(articles.length, 1);
    assert.equal(articles[0]!.text.length, size);
    assert.ok(articles[0]!.text.startsWith(paragraph));
    assert.ok(seconds < 5, `took ${seconds.toFixed(2)} s`);
  });
});

describe("ingestPath", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "newsweave-ingest-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("a single file", async () => {
    const result = await ingestPath(fixture("port-storm.html"));
    assert.equal(result.articles.length, 1);
    assert.equal(result.articles[0]!.id, "port-storm");
    assert.deepEqual(result.clusters, []);
    assert.deepEqual(result.errors, []);
  });

  test("a JSONL file gives clusters and the flattened articles; bad lines go to errors", async () => {
    const path = join(dir, "c.jsonl");
    const good = await readFixture("clusters.jsonl");
    await writeFile(path, `${good}{"id": "broken", "documents": [}\n`);
    const result = await ingestPath(path);
    assert.equal(result.clusters.length, 3);
    assert.deepEqual(
      result.articles.map((a) => a.id),
      result.clusters.flatMap((c) => c.articles.map((a) => a.id)),
    );
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.location.line]),
      [["BAD_JSON", good.split("\n").length]],
    );
  });

  test("a directory: recursive, sorted, hidden entries skipped, one bad file among good ones", async () => {
    const root = join(dir, "mixed");
    await mkdir(join(root, "b-sub"), { recursive: true });
    await mkdir(join(root, ".hidden"), { recursive: true });
    await writeFile(join(root, "a-storm.txt"), await readFixture("storm.txt"));
    await writeFile(join(root, "b-sub", "port-storm.html"), await readFixture("port-storm.html"));
    await writeFile(join(root, "c-harbor.rss"), await readFixture("harbor.rss"));
    await writeFile(join(root, "d-broken.rss"), await readFixture("broken.rss"));
    await writeFile(join(root, "e-image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await writeFile(join(root, "f-clusters.jsonl"), await readFixture("clusters.jsonl"));
    await writeFile(join(root, ".secret.txt"), "Hidden file text.");
    await writeFile(join(root, ".hidden", "inside.txt"), "Hidden directory text.");
    await writeFile(join(root, "g-empty.txt"), "");

    const result = await ingestPath(root);
    assert.deepEqual(
      result.articles.map((a) => a.id),
      [
        "a-storm",
        "port-storm",
        "c-harbor#0",
        "c-harbor#1",
        "lisvale-storm/0",
        "lisvale-storm/1",
        "vale-budget/0",
        "vale-budget/1",
        "vale-budget/2",
        "ridge-avalanche/0",
      ],
    );
    assert.equal(result.clusters.length, 3);
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.location.file]),
      [
        ["BAD_XML", join(root, "d-broken.rss")],
        ["BINARY_INPUT", join(root, "e-image.txt")],
        ["EMPTY_INPUT", join(root, "g-empty.txt")],
      ],
    );
    assert.ok(result.articles.every((a) => !a.text.includes("Hidden")));
  });

  test("ids stay unique across files with the same name", async () => {
    const root = join(dir, "dupes");
    await mkdir(join(root, "one"), { recursive: true });
    await mkdir(join(root, "two"), { recursive: true });
    const text = await readFixture("storm.txt");
    const rss = await readFixture("harbor.rss");
    const jsonl = await readFixture("clusters.jsonl");
    for (const sub of ["one", "two"]) {
      await writeFile(join(root, sub, "storm.txt"), text);
      await writeFile(join(root, sub, "news.rss"), rss);
      await writeFile(join(root, sub, "c.jsonl"), jsonl);
      await writeFile(join(root, sub, "dump.jsonl"), '{"id":"kp-1","text":"The ferry sailed again."}\n');
    }
    const result = await ingestPath(root);
    const ids = result.articles.map((a) => a.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes("storm") && ids.includes("storm-2"));
    assert.ok(ids.includes("news#1") && ids.includes("news-2#1"));
    assert.ok(ids.includes("vale-budget-2/2"));
    assert.ok(ids.includes("kp-1") && ids.includes("kp-1-2"), "dump articles keep their ids, made unique");
    const renamed = result.clusters.find((c) => c.id === "vale-budget-2");
    assert.ok(renamed?.articles.every((a) => a.origin.cluster === "vale-budget-2"));
  });

  test("a symlink loop does not hang", async () => {
    const root = join(dir, "loop");
    await mkdir(root, { recursive: true });
    await writeFile(join(root, "a.txt"), "Loop test\nSome article text.");
    await symlink(root, join(root, "self"));
    const result = await ingestPath(root);
    assert.deepEqual(
      result.articles.map((a) => a.id),
      ["a"],
    );
  });

  test("stdin as '-'", async () => {
    const stdin = Readable.from([
      Buffer.from("Quake shakes Ridge\nA small "),
      Buffer.from("earthquake woke residents."),
    ]);
    const result = await ingestPath("-", { stdin });
    assert.equal(result.articles.length, 1);
    assert.equal(result.articles[0]!.id, "stdin");
    assert.equal(result.articles[0]!.title, "Quake shakes Ridge");
    assert.equal(result.articles[0]!.origin.source, "<stdin>");
    const big = Readable.from([Buffer.alloc(600, "a"), Buffer.alloc(600, "b")]);
    assert.equal(
      (await caughtAsync(() => ingestPath("-", { stdin: big, maxBytes: 1000 }))).code,
      "TOO_LARGE",
    );
  });

  test("missing path is NOT_FOUND; oversized file is TOO_LARGE; single bad file throws", async () => {
    const missing = join(dir, "nope", "missing.txt");
    const err = await caughtAsync(() => ingestPath(missing));
    assert.equal(err.code, "NOT_FOUND");
    assert.equal(err.location.file, missing);
    const big = join(dir, "big.txt");
    await writeFile(big, "z".repeat(5000));
    assert.equal((await caughtAsync(() => ingestPath(big, { maxBytes: 4096 }))).code, "TOO_LARGE");
    assert.equal((await caughtAsync(() => ingestPath(fixture("broken.rss")))).code, "BAD_XML");
  });
});

describe("shared data", () => {
  test("every seed text file ingests as one text article", async () => {
    const seeds = join(SHARED, "seeds");
    const names = (await readdir(seeds)).filter((n) => n.endsWith(".txt")).sort();
    assert.ok(names.length > 0);
    const result = await ingestPath(seeds);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.articles.map((a) => a.id),
      names.map((n) => n.replace(/\.txt$/, "")),
    );
    for (const [i, article] of result.articles.entries()) {
      assert.equal(article.origin.format, "text");
      assert.equal(article.text, (await readFile(join(seeds, names[i]!), "utf8")).replace(/\r\n?/g, "\n"));
    }
  });

  test("every line of multinews-dev.jsonl parses with all its documents", async () => {
    const path = join(SHARED, "bench/multinews-dev.jsonl");
    const raw = await readFile(path, "utf8");
    const lines = raw.split("\n").filter((l) => l.trim() !== "");
    const { clusters, errors } = readJsonlClusters(raw, path);
    assert.deepEqual(errors, []);
    assert.equal(clusters.length, lines.length);
    for (const [i, line] of lines.entries()) {
      const expected = JSON.parse(line) as {
        id: string;
        documents: Array<{ text: string }>;
        references: string[];
      };
      const cluster = clusters[i]!;
      assert.equal(cluster.id, expected.id);
      assert.deepEqual(cluster.references, expected.references);
      assert.deepEqual(
        cluster.articles.map((a) => a.text),
        expected.documents.map((d) => d.text).filter((t) => t.trim() !== ""),
      );
    }
    const viaPath = await ingestPath(path);
    assert.equal(viaPath.clusters.length, lines.length);
    assert.equal(
      viaPath.articles.length,
      clusters.reduce((n, c) => n + c.articles.length, 0),
    );
  });
});
