/**
 * Screenshot of the reading page for the README: the bundled example story summarized, one citation
 * hovered so its source sentence is highlighted. Uses Debian's Chromium like the browser tests.
 * Usage: node --import tsx scripts/screenshot.ts [out.png] [width]   (default docs/screenshot.png, 1280)
 */
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { serve } from "../src/server/serve.ts";
import { launchChromium } from "../test/e2e/chromium.ts";

const out = process.argv[2] ?? "docs/screenshot.png";
const width = Number(process.argv[3] ?? 1280);
const example = "examples/harbor-bridge";

const server = await serve({ port: 0, workers: 1 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 860 } });
  await page.goto(`${server.url}/`);
  const files = readdirSync(example)
    .sort()
    .map((f) => join(example, f));
  await page.setInputFiles("#files", files);
  await page.waitForSelector(`#file-list li >> nth=${files.length - 1}`);
  await page.click("#go");
  await page.waitForSelector("#summary .sent");
  await page
    .locator("#report")
    .evaluate("(r) => window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - 8)");
  await page.locator("#summary .sent").nth(1).locator(".cite").last().hover();
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
