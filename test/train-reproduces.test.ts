import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

// The shipped scorer is what `npm run train` makes from multinews-val: a change to cleaning, segmentation or
// features that would change the training data must come with the retrained numbers.
test("npm run train reproduces the shipped model and background byte for byte", { timeout: 600_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), "newsweave-train-"));
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/train.ts", "--out", out], {
      encoding: "utf8",
      timeout: 600_000,
    });
    assert.equal(r.status, 0, r.stderr);
    for (const file of ["model.json", "background.json"]) {
      const shipped = readFileSync(join("src/summarize/data", file), "utf8");
      const trained = readFileSync(join(out, file), "utf8");
      assert.ok(shipped === trained, `${file} differs from the output of npm run train: retrain and ship it`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
