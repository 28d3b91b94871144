// Copies the non-TypeScript resources of src/ (learned models, word lists, the web page) next to the
// compiled JavaScript in dist/src/, so the built library finds them where the sources do.
import { cpSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === "data" || name === "page") cpSync(path, join("dist", path), { recursive: true });
    else walk(path);
  }
}
walk("src");
