import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

const BIN = "bin/newsweave.js";
const DEV = "../shared/bench/multinews-dev.jsonl";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = "";
let example = "";
let story = "";
let hostile = "";

/** An invented story in four plain-text reports. */
function writeStory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "a-valley-post.txt"),
    "Flood waters cut off Millbrook village\n\n" +
      "Flood waters from the Tarn River cut off the village of Millbrook on Sunday after two days of heavy rain. " +
      "About 400 residents were told to leave their homes, county officials said. " +
      "Rescue crews used boats to reach families trapped on the east side of the village. " +
      "The river rose more than three meters above its normal level by Sunday evening.\n",
  );
  writeFileSync(
    join(dir, "b-county-news.txt"),
    "Millbrook evacuated as Tarn River floods\n\n" +
      "County officials ordered about 400 Millbrook residents to evacuate on Sunday as the Tarn River flooded. " +
      "Boats carried families from flooded streets on the east side, rescue crews said. " +
      "A shelter opened at the Millbrook school gymnasium and served hot meals to evacuees. " +
      "Forecasters expect the river to fall slowly from Tuesday.\n",
  );
  writeFileSync(
    join(dir, "c-radio.txt"),
    "Heavy rain swells the Tarn River\n\n" +
      "Two days of heavy rain pushed the Tarn River more than three meters above normal on Sunday. " +
      "The flooding cut the only road into Millbrook, officials said. " +
      "The county opened a shelter at the school gymnasium for evacuated residents. " +
      "Power was out for about 1,200 homes in the area.\n",
  );
}

/** Articles whose titles and sentences carry markup that must never reach a page as markup. */
function writeHostile(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const evil = (n: number) =>
    `Council <script>alert(${n})</script> vote on harbor tax\n\n` +
    `The harbor council voted <img src=x onerror=alert(${n})> on Monday to raise the harbor tax by two percent. ` +
    `Council members said the money <b>will</b> pay for new docks & "safer" piers. ` +
    `Fishermen at the harbor said the tax <iframe src=javascript:alert(${n})></iframe> was too high.\n`;
  writeFileSync(join(dir, "one.txt"), evil(1));
  writeFileSync(join(dir, "two.txt"), evil(2));
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsweave-e2e-"));
  story = join(tmp, "story");
  writeStory(story);
  example = existsSync("examples/harbor-bridge") ? "examples/harbor-bridge" : story;
  hostile = join(tmp, "hostile");
  writeHostile(hostile);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Summary lines of `summarize --format text`: between the blank line after the header and "Sources". */
function textSummaryLines(stdout: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("Summary (")) + 2;
  const end = lines.indexOf("Sources") - 1;
  return lines.slice(start, end);
}

describe("newsweave CLI", () => {
  test("--help works for the program and every command", () => {
    for (const args of [["--help"], ["clean", "--help"], ["summarize", "--help"], ["eval", "--help"]]) {
      const r = run(...args);
      assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stdout, /Usage: newsweave/);
    }
  });

  test("clean prints the sentences of every article", () => {
    const r = run("clean", example, "--quiet");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /== .+ ==/);
  });

  test("summarize --format text: every sentence cites articles listed under Sources", () => {
    const r = run("summarize", story, "--quiet", "--words", "120");
    assert.equal(r.code, 0, r.stderr);
    const lines = textSummaryLines(r.stdout);
    assert.ok(lines.length > 0, r.stdout);
    const sources = r.stdout
      .slice(r.stdout.indexOf("\nSources\n"))
      .split("\n")
      .filter((l) => /^\[\d+\] /.test(l));
    for (const line of lines) {
      const m = /((?:\[\d+\])+)$/.exec(line);
      assert.ok(m, `no citation marker: ${line}`);
      for (const n of m[1]!.match(/\d+/g)!) assert.ok(Number(n) >= 1 && Number(n) <= sources.length, line);
    }
    const words = lines
      .join(" ")
      .replace(/\[\d+\]/g, "")
      .split(/\s+/)
      .filter(Boolean).length;
    assert.ok(words <= 120 * 1.1, `${words} words for a budget of 120`);
    // a quotation over two sentences is one line, cited after its end, in every summary format
    for (const format of ["text", "md", "html"]) {
      const full = run("summarize", "examples/harbor-bridge", "--quiet", "--format", format);
      assert.equal(full.code, 0, full.stderr);
      const text = full.stdout.replace(/<[^>]+>/g, "");
      assert.match(text, /gamble with people(?:'|&#39;|’)s lives\. The bridge stays closed/, format);
      assert.doesNotMatch(text, /people(?:'|&#39;|’)s lives\.\s*\[/, format);
    }
  });

  test("the Sources list of a summary names each article's outlet, author and date when known", () => {
    const r = run("summarize", example, "--quiet", "--format", "text");
    assert.equal(r.code, 0, r.stderr);
    const sources = r.stdout.slice(r.stdout.indexOf("\nSources\n"));
    assert.match(sources, /Caroline Ashby/, "the byline of the Coastal Herald article");
    // the feed item's time reads as a time, not as ISO 8601 with milliseconds
    assert.match(sources, /Downeast Ledger, Henry Lockwood, 2026-03-11 11:30 UTC/);
    assert.doesNotMatch(sources, /\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });

  test("summarize --format md: cited sentences and a Sources section", () => {
    const r = run("summarize", story, "--quiet", "--format", "md");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Summary/);
    assert.match(r.stdout, /^## Sources/m);
    const body = r.stdout.slice(0, r.stdout.indexOf("## Sources")).split("\n");
    const sentences = body.filter((l) => l.length > 0 && !l.startsWith("#") && !l.startsWith("*"));
    assert.ok(sentences.length > 0);
    for (const l of sentences) assert.match(l, /(\[\d+\])+$/);
  });

  test("summarize --format json: citation spans slice the clean text to the cited sentence", () => {
    const r = run("summarize", story, "--quiet", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      sentences: Array<{
        text: string;
        from: { articleId: string; start: number; end: number; text: string };
        support: Array<{ articleId: string; start: number; end: number; score: number; text: string }>;
      }>;
      articles: Array<{ id: string }>;
    };
    const clean = JSON.parse(run("clean", story, "--quiet", "--format", "json").stdout) as Array<{
      id: string;
      text: string;
    }>;
    const textOf = new Map(clean.map((a) => [a.id, a.text]));
    assert.ok(out.sentences.length > 0);
    const ids = new Set(out.articles.map((a) => a.id));
    for (const s of out.sentences) {
      assert.deepEqual(s.support[0], s.from);
      assert.ok(s.support.length >= 1);
      for (const c of s.support) {
        assert.ok(ids.has(c.articleId), `unknown article ${c.articleId}`);
        assert.equal(textOf.get(c.articleId)?.slice(c.start, c.end), c.text);
        assert.ok(c.score >= 0 && c.score <= 1);
      }
      // the printed sentence comes from the cited one (possibly with a dateline or tail removed)
      const core = s.text.replace(/\s+/g, " ").slice(0, 30);
      assert.ok(s.from.text.replace(/\s+/g, " ").includes(core), `${s.text} / ${s.from.text}`);
    }
  });

  test("summarize --format html escapes hostile source text", () => {
    const r = run("summarize", hostile, "--quiet", "--format", "html");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    const html = r.stdout;
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<iframe/i);
    assert.doesNotMatch(html, /<b>/);
    assert.match(html, /&lt;(img|iframe|b)/, "the hostile text should appear, escaped");
    assert.match(html, /\[1\]/);
  });

  test("summarize every format with several stories from JSONL", () => {
    const lines = readFileSync(DEV, "utf8").split("\n").slice(0, 2).join("\n");
    const file = join(tmp, "two.jsonl");
    writeFileSync(file, `${lines}\n`);
    const r = run("summarize", file, "--quiet", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; sentences: unknown[] });
    assert.equal(rows.length, 2);
    for (const row of rows) assert.ok(row.sentences.length > 0);
    for (const format of ["text", "md", "html"]) {
      const x = run("summarize", file, "--quiet", "--format", format);
      assert.equal(x.code, 0, `${format}: ${x.stderr}`);
      for (const row of rows) assert.ok(x.stdout.includes(row.id), `${format} lacks story ${row.id}`);
    }
  });

  test("eval --limit 3 prints the table and the paired comparison, and writes per-item files", () => {
    const perItem = join(tmp, "items.csv");
    const predictions = join(tmp, "pred.jsonl");
    const r = run(
      "eval",
      "--data",
      DEV,
      "--words",
      "230",
      "--limit",
      "3",
      "--bootstrap",
      "200",
      "--quiet",
      "--per-item",
      perItem,
      "--predictions",
      predictions,
    );
    assert.equal(r.code, 0, r.stderr);
    for (const name of ["newsweave", "lead", "textrank", "lexrank", "oracle", "R-1", "R-Lsum", "paired"]) {
      assert.ok(r.stdout.includes(name), `missing ${name}`);
    }
    const csv = readFileSync(perItem, "utf8").trim().split("\n");
    assert.equal(csv[0], "id,system,r1,r2,rl,rlsum,words,ms");
    assert.equal(csv.length, 1 + 3 * 5);
    const preds = readFileSync(predictions, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; system: string; text: string });
    assert.equal(preds.length, 3 * 5);
    for (const p of preds) assert.ok(p.text.split(/\s+/).filter(Boolean).length <= 230);
  });

  test("eval reports bad JSONL lines with file:line and scores the rest", () => {
    const good = readFileSync(DEV, "utf8").split("\n").slice(0, 2);
    const file = join(tmp, "mixed.jsonl");
    writeFileSync(file, `${good[0]}\n{"id": "broken", \n${good[1]}\n`);
    const r = run(
      "eval",
      "--data",
      file,
      "--system",
      "lead",
      "--bootstrap",
      "100",
      "--quiet",
      "--format",
      "json",
    );
    assert.equal(r.code, 1);
    assert.ok(r.stderr.includes(`${file}:2`), r.stderr);
    const report = JSON.parse(r.stdout) as { clusters: number };
    assert.equal(report.clusters, 2);
  });

  test("eval on the DUC/TAC layout: SGML documents per cluster directory, several references averaged", () => {
    const r = run(
      "eval",
      "--docs",
      "test/fixtures/duc/docs",
      "--refs",
      "test/fixtures/duc/models",
      "--words",
      "60",
      "--system",
      "newsweave,lead",
      "--bootstrap",
      "50",
      "--quiet",
      "--format",
      "json",
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      clusters: number;
      maxReferences: number;
      references: string;
      systems: Array<{ system: string; rouge1: { mean: number } }>;
    };
    assert.equal(report.clusters, 2);
    assert.equal(report.maxReferences, 2);
    assert.equal(report.references, "average");
    for (const s of report.systems) assert.ok(s.rouge1.mean > 20, `${s.system} ${s.rouge1.mean}`);
    for (const args of [
      ["eval", "--docs", "test/fixtures/duc/docs"],
      ["eval", "--data", DEV, "--refs", "test/fixtures/duc/models"],
      ["eval"],
      ["eval", "--data", DEV, "--bytes", "665", "--no-truncate"],
    ]) {
      const bad = run(...args);
      assert.equal(bad.code, 2, `${args.join(" ")}: ${bad.stderr}`);
      assert.match(bad.stderr, /--data|--docs|--refs|--bytes/);
    }
    // a cluster without a reference file is skipped with a note, as a bench line without references is
    const refs = join(tmp, "one-ref");
    mkdirSync(refs, { recursive: true });
    const first = readdirSync("test/fixtures/duc/models").sort()[0]!;
    writeFileSync(join(refs, first), readFileSync(join("test/fixtures/duc/models", first)));
    const partial = run(
      "eval",
      "--docs",
      "test/fixtures/duc/docs",
      "--refs",
      refs,
      "--system",
      "lead",
      "--quiet",
    );
    assert.equal(partial.code, 0, partial.stderr);
    assert.match(partial.stdout + partial.stderr, /skipped 1 cluster/);
  });

  test("eval --data on a page, or on a folder with notes beside the bench file: one clear error per file", () => {
    const page = run("eval", "--data", "examples/harbor-bridge/02-alder-daily.html", "--quiet");
    assert.equal(page.code, 1);
    assert.equal(page.stderr.trim().split("\n").length, 2, page.stderr);
    assert.match(page.stderr, /02-alder-daily\.html:1: not JSON Lines/);
    const dir = join(tmp, "bench-dir");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "dev.jsonl"),
      `${readFileSync(DEV, "utf8").split("\n").slice(0, 2).join("\n")}\n`,
    );
    writeFileSync(join(dir, "notes.txt"), "Run the dev set at 230 words.\nCompare with lead.\n");
    const r = run("eval", "--data", dir, "--system", "lead", "--quiet", "--format", "json");
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { clusters: number }).clusters, 2);
  });

  test("a zero or negative word budget is a usage error (exit 2)", () => {
    for (const args of [
      ["eval", "--data", DEV, "--words", "0"],
      ["eval", "--data", DEV, "--words", "-5"],
      ["summarize", story, "--words", "0"],
    ]) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /words/);
      assert.doesNotMatch(r.stderr, /at .+\.ts:\d+/, "no stack trace");
    }
  });

  test("an unknown system is a usage error", () => {
    const r = run("eval", "--data", DEV, "--system", "lead,gpt9");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gpt9/);
  });

  test("a text with no usable sentence gets an empty summary and a note saying why; a short text still gets one", () => {
    const short = join(tmp, "short.txt");
    writeFileSync(short, "Harbor closed. Ferries wait.\n");
    const empty = run("summarize", "--quiet", short);
    assert.equal(empty.code, 0, empty.stderr);
    assert.deepEqual(textSummaryLines(empty.stdout), []);
    assert.match(
      empty.stderr,
      /no sentence of input \(1 article\) could be used for the summary: a summary sentence has at least 6 words/,
    );
    // the only full sentence leans on a heading-like first line: better that than nothing
    const two = join(tmp, "two.txt");
    writeFileSync(
      two,
      "Harbor news.\n\nThis is the first ferry strike in the port's history, union leaders said.\n",
    );
    const r = run("summarize", "--quiet", two);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    // a budget too small for any sentence is named as the reason
    const tiny = run("summarize", "--quiet", "--words", "2", two);
    assert.equal(tiny.code, 0, tiny.stderr);
    assert.match(tiny.stderr, /with --words 2 it may have at most 7 words, so a larger --words may help/);
    assert.deepEqual(textSummaryLines(r.stdout), [
      "This is the first ferry strike in the port's history, union leaders said. [1]",
    ]);
  });

  test("files of one name in different folders are two sources with two ids", () => {
    const a = join(tmp, "same-a");
    const b = join(tmp, "same-b");
    mkdirSync(a, { recursive: true });
    mkdirSync(b, { recursive: true });
    writeFileSync(
      join(a, "story.txt"),
      "The Lindell ferry stopped running on Monday after a crane damaged the east pier. The port said repairs would take two weeks. Commuters crowded the bus line instead.",
    );
    writeFileSync(
      join(b, "story.txt"),
      "Ferry service to Lindell was halted Monday when a crane struck the east pier, port officials said. Repairs are expected to last two weeks, the port said.",
    );
    const r = run("report", "--quiet", "--format", "json", join(a, "story.txt"), join(b, "story.txt"));
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { articles: Array<{ id: string }> };
    assert.deepEqual(
      report.articles.map((x) => x.id),
      ["story", "story-2"],
    );
  });

  test("a missing file exits 1 and names the file", () => {
    const missing = join(tmp, "no-such-file.jsonl");
    for (const args of [
      ["eval", "--data", missing],
      ["summarize", missing],
    ]) {
      const r = run(...args);
      assert.equal(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
      assert.ok(r.stderr.includes(missing), r.stderr);
      assert.doesNotMatch(r.stderr, /at .+\.ts:\d+/, "no stack trace");
    }
  });
});
