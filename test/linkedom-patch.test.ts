/**
 * linkedom is patched at install (patches/linkedom+0.18.15.patch, applied by patch-package in
 * `postinstall`): DOM nodes get their event-listener map on first use and style declarations keep their
 * element without a WeakMap. Unpatched, every parsed node left a WeakMap entry behind, and those entries
 * survive V8's young-generation collections: one HTML page cost ~1 ms of garbage collection per request.
 * These tests check that the patch is in place and that the DOM features it touches still work.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { parseHTML } from "linkedom";

const require = createRequire(import.meta.url);
const linkedomDir = dirname(require.resolve("linkedom/package.json"));

test("the install applied the linkedom patch (no listener map made for every node)", () => {
  for (const flavour of ["esm", "cjs"]) {
    const source = readFileSync(join(linkedomDir, flavour, "interface", "event-target.js"), "utf8");
    assert.doesNotMatch(
      source,
      /constructor\(\)\s*\{\s*wm\.set\(this, new Map\);/,
      `${flavour}/interface/event-target.js is unpatched: run \`npm ci\` (its postinstall runs patch-package)`,
    );
    const style = readFileSync(join(linkedomDir, flavour, "interface", "css-style-declaration.js"), "utf8");
    assert.doesNotMatch(
      style,
      /const refs = new WeakMap/,
      `${flavour}/interface/css-style-declaration.js is unpatched`,
    );
  }
});

test("event listeners still work on parsed nodes after the patch", () => {
  const { document } = parseHTML("<html><body><p id=a>one</p><p id=b>two</p></body></html>");
  const a = document.getElementById("a");
  const b = document.getElementById("b");
  assert.ok(a && b);
  const seen: string[] = [];
  const onA = (e: { type: string }) => seen.push(`a:${e.type}`);
  a.addEventListener("ping", onA);
  a.addEventListener("ping", () => seen.push("a2:ping"), { once: true });
  a.dispatchEvent(new document.defaultView.Event("ping"));
  a.dispatchEvent(new document.defaultView.Event("ping"));
  // a node that never had a listener: dispatching and removing are harmless
  assert.equal(b.dispatchEvent(new document.defaultView.Event("ping")), true);
  b.removeEventListener("ping", onA);
  a.removeEventListener("ping", onA);
  a.dispatchEvent(new document.defaultView.Event("ping"));
  assert.deepEqual(seen, ["a:ping", "a2:ping", "a:ping"]);
});

test("style declarations still read and write the element's style attribute", () => {
  const { document } = parseHTML(
    `<html><body><div id=h style="display: none; color: blue">x</div><div id=v>y</div></body></html>`,
  );
  const hidden = document.getElementById("h");
  const plain = document.getElementById("v");
  assert.ok(hidden && plain);
  assert.equal(hidden.style.display, "none");
  assert.equal(hidden.style.color, "blue");
  assert.equal(plain.style.display, "");
  plain.style.color = "red";
  assert.equal(plain.getAttribute("style"), "color:red");
  plain.style.cssText = "visibility: hidden";
  assert.equal(plain.style.visibility, "hidden");
});
