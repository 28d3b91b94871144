import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

const BIN = "bin/newsweave.js";

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = "";
before(() => {
  tmp = mkdtempSync(join(tmpdir(), "newsweave-clean-e2e-"));
});
after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const GOOD =
  "Storm closes mountain pass\n\nA spring storm closed the Granite Pass highway on Friday, state police said.\nPlows were expected to reopen the road by Saturday morning.\nShare this:\nFacebook Twitter Email\n";

describe("newsweave clean, end to end", () => {
  test("a directory with one bad file among good ones: good ones printed, bad one named, exit 1", () => {
    const dir = join(tmp, "mixed");
    mkdirSync(dir);
    writeFileSync(join(dir, "a-good.txt"), GOOD);
    writeFileSync(join(dir, "b-empty.txt"), "");
    writeFileSync(join(dir, "c-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 0, 0, 9]));
    writeFileSync(join(dir, "d-good.txt"), GOOD.replace("Granite", "Cedar"));
    const r = run(["clean", "--quiet", dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Granite Pass highway/);
    assert.match(r.stdout, /Cedar Pass highway/);
    assert.match(r.stderr, /b-empty\.txt/);
    assert.match(r.stderr, /c-binary\.txt/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });

  test("stdin with --format json: sentences slice the clean text, boilerplate listed as removed", () => {
    const r = run(["clean", "--format", "json", "-"], GOOD);
    assert.equal(r.code, 0, r.stderr);
    const docs = JSON.parse(r.stdout) as Array<{
      text: string;
      sentences: Array<{ start: number; end: number; text: string }>;
      removed: Array<{ reason: string; text: string }>;
    }>;
    assert.equal(docs.length, 1);
    const doc = docs[0]!;
    assert.ok(doc.sentences.length >= 2);
    for (const s of doc.sentences) assert.equal(doc.text.slice(s.start, s.end), s.text);
    assert.ok(!doc.text.includes("Share this"));
    assert.ok(doc.removed.some((x) => x.text.includes("Share this")));
  });

  test("--format md lists metadata and numbered sentences", () => {
    const file = join(tmp, "story.txt");
    writeFileSync(file, GOOD);
    const r = run(["clean", "--format", "md", file]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## /m);
    assert.match(r.stdout, /^1\. A spring storm closed/m);
  });

  test("malformed JSONL: the bad line is named with its line number, the good lines are printed", () => {
    const file = join(tmp, "dump.jsonl");
    const line = (id: string) => JSON.stringify({ id, documents: [{ text: GOOD }] });
    writeFileSync(file, `${line("one")}\n{"id": "two", "documents": [\n${line("three")}\n`);
    const r = run(["clean", "--quiet", file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /dump\.jsonl:2/);
    assert.equal((r.stdout.match(/Granite Pass highway/g) ?? []).length, 2);
  });

  test("an unknown format is a usage error (exit 2)", () => {
    const r = run(["clean", "--format", "pdf", "-"], GOOD);
    assert.equal(r.code, 2);
  });
});
