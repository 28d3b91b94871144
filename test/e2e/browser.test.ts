/**
 * The reading page in a real browser (Debian's Chromium driven by playwright-core): paste → summary →
 * citation highlight, file upload, errors, a phone-width layout, and markup in articles that must stay text.
 */

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { quoteStateAfter } from "../../src/align/represent.ts";
import { type RunningServer, serve } from "../../src/server/serve.ts";
import { openStore } from "../../src/server/stories.ts";
import { openSqliteStore } from "../../src/store/index.ts";
import { launchChromium } from "./chromium.ts";

const FIXTURES = "test/fixtures/server";
const FILES = ["a-valley-times.txt", "b-county-ledger.txt", "c-radio-north.html"].map((f) =>
  join(FIXTURES, f),
);
const TIMEOUT = { timeout: 30_000 };

interface Citation {
  articleId: string;
  sentence: number;
  start: number;
  end: number;
}
interface ReportJson {
  articles: Array<{ id: string; title?: string; text: string }>;
  summary: { sentences: Array<{ text: string; from: Citation; support: Citation[] }> };
}

let server: RunningServer;
let browser: Browser;
let tmp = "";

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), "newsweave-e2e-"));
  const store = openStore(openSqliteStore(":memory:"));
  [server, browser] = await Promise.all([serve({ port: 0, workers: 1, store }), launchChromium()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh page that records script errors, dialogs and CSP violations. */
async function open(width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}/`);
  return { page, problems };
}

/** Clicks Summarize and returns the report the page received. */
async function summarize(page: Page): Promise<ReportJson> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/v1/summarize")),
    page.click("#go"),
  ]);
  assert.equal(response.status(), 200);
  const report = (await response.json()) as ReportJson;
  await page.waitForSelector("#summary .sent");
  return report;
}

const highlighted = (page: Page) => page.$$eval(".s.hl", (nodes) => nodes.map((n) => n.textContent ?? ""));

describe("reading page", () => {
  test(
    "paste → summary → focusing or hovering a citation highlights the exact source sentence",
    TIMEOUT,
    async () => {
      const { page, problems } = await open();
      const pasted = FILES.slice(0, 2)
        .map((f) => readFileSync(f, "utf8"))
        .join("\n---\n");
      await page.fill("#paste", pasted);
      const report = await summarize(page);
      assert.equal(await page.locator("#sources details").count(), 2, "two pasted articles, two sources");
      const sentences = page.locator("#summary .sent");
      assert.equal(await sentences.count(), report.summary.sentences.length);
      const runs = report.summary.sentences.filter((s, k, all) => {
        const prev = all[k - 1];
        return !(
          prev &&
          prev.from.articleId === s.from.articleId &&
          s.from.sentence === prev.from.sentence + 1
        );
      }).length;
      assert.equal(
        await page.locator("#summary p.para").count(),
        runs,
        "consecutive source sentences share a paragraph",
      );
      // a quotation running on into the next summary sentence gets its citations once, after its end
      const runsOn = report.summary.sentences.filter((s, k, all) => {
        const next = all[k + 1];
        return (
          next !== undefined &&
          next.from.articleId === s.from.articleId &&
          next.from.sentence === s.from.sentence + 1 &&
          quoteStateAfter(s.text, false)
        );
      }).length;
      assert.equal(
        await page.locator("#summary .sent:has(.cite)").count(),
        report.summary.sentences.length - runsOn,
      );

      // Keyboard: Tab from the report to the first citation button.
      let onCite = false;
      for (let k = 0; k < 25 && !onCite; k++) {
        await page.keyboard.press("Tab");
        onCite = await page.evaluate<boolean>("document.activeElement?.classList.contains('cite') ?? false");
      }
      assert.ok(onCite, "a citation is reachable with Tab");
      const first = report.summary.sentences[0]!;
      const label = (await page.evaluate<string | undefined>("document.activeElement?.textContent")) ?? "";
      const number = Number(/\[(\d+)\]/.exec(label)?.[1]);
      const article = report.articles[number - 1]!;
      const expected = first.support
        .filter((c) => c.articleId === article.id)
        .map((c) => article.text.slice(c.start, c.end));
      assert.ok(expected.length > 0, "the first button cites the first summary sentence's support");
      assert.deepEqual(await highlighted(page), expected, "exactly the cited sentences are highlighted");
      assert.ok(
        await page.locator("#preview").isVisible(),
        "the cited text is also shown next to the summary",
      );
      const previewText = (await page.locator("#preview").textContent()) ?? "";
      assert.ok(previewText.includes(expected[0]!.replace(/\s+/g, " ").trim().slice(0, 40)));

      // Hover: another summary sentence's citation moves the highlight to its source sentence.
      const last = report.summary.sentences.length - 1;
      const other = report.summary.sentences[last]!;
      const cite = sentences.nth(last).locator(".cite").first();
      const n2 = Number(/\[(\d+)\]/.exec((await cite.textContent()) ?? "")?.[1]);
      const a2 = report.articles[n2 - 1]!;
      await cite.hover();
      assert.deepEqual(
        await highlighted(page),
        other.support.filter((c) => c.articleId === a2.id).map((c) => a2.text.slice(c.start, c.end)),
      );
      assert.deepEqual(problems, []);
      await page.close();
    },
  );

  test("a quotation over two summary sentences is cited once, after its end", TIMEOUT, async () => {
    const { page, problems } = await open();
    await page.fill(
      "#paste",
      'The Lisvale ferry stopped running on Monday after crews found a cracked hull plate.\n"We cannot sail with a cracked hull. The repairs will take at least two weeks," harbor master Ines Dorado told reporters.\nCommuters crowded the buses on the coast road instead.\n---\n' +
        "Ferry service to Lisvale was halted Monday when inspectors found a crack in the hull, the port said.\nThe port has asked the county for a spare boat until the ferry returns.",
    );
    const report = await summarize(page);
    const texts = report.summary.sentences.map((s) => s.text);
    const k = texts.findIndex((t) => t.startsWith('"We cannot sail'));
    assert.ok(k >= 0 && texts[k + 1]?.startsWith("The repairs"), texts.join(" | "));
    const sents = page.locator("#summary .sent");
    assert.equal(await sents.nth(k).locator(".cite").count(), 0, "no citation inside the quotation");
    assert.ok(
      (await sents
        .nth(k + 1)
        .locator(".cite")
        .count()) > 0,
      "cited after its end",
    );
    assert.equal(await sents.nth(k).locator(".badge").count(), 0, "no badge inside the quotation");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("uploaded files (text, HTML, a JSONL story) are summarized", TIMEOUT, async () => {
    const { page, problems } = await open();
    await page.setInputFiles("#files", FILES);
    await page.waitForSelector("#file-list li >> nth=2");
    const report = await summarize(page);
    assert.deepEqual(
      report.articles.map((a) => a.id),
      ["a-valley-times", "b-county-ledger", "c-radio-north"],
    );
    const titles = await page.locator("#sources summary .title").allTextContents();
    assert.equal(titles.length, 3);
    assert.match(titles[2]!, /Glenmoor reservoir to be drained/);

    // A JSONL file with two stories: pick the second one.
    await page.reload();
    const jsonl = join(tmp, "two-stories.jsonl");
    const story = (id: string, texts: string[]) =>
      JSON.stringify({ id, documents: texts.map((text) => ({ text })) });
    const texts = FILES.slice(0, 2).map((f) => readFileSync(f, "utf8"));
    writeFileSync(jsonl, `${story("first", texts)}\n${story("glenmoor-dam", texts)}\n`);
    await page.setInputFiles("#files", jsonl);
    await page.waitForSelector("#cluster-pick:not([hidden])");
    await page.selectOption("#cluster", { index: 1 });
    const second = await summarize(page);
    assert.deepEqual(
      second.articles.map((a) => a.id),
      ["glenmoor-dam/0", "glenmoor-dam/1"],
    );

    // A news dump (one article per line, crawler field names): each line is an article, ids kept; the
    // untitled one is listed by its opening words.
    await page.reload();
    const dump = join(tmp, "dump.jsonl");
    writeFileSync(
      dump,
      `${JSON.stringify({ id: "wire-1", headline: "Reservoir to be drained", content: texts[0] })}\n` +
        `${JSON.stringify({ id: "wire-2", maintext: texts[1]!.replace(/^[^\n]*\n+/, "") })}\n`,
    );
    await page.setInputFiles("#files", dump);
    await page.waitForSelector("#file-list li");
    const fromDump = await summarize(page);
    assert.deepEqual(
      fromDump.articles.map((a) => a.id),
      ["wire-1", "wire-2"],
    );
    const dumpTitles = await page.locator("#sources summary .title").allTextContents();
    assert.equal(dumpTitles[0], "Reservoir to be drained");
    assert.match(dumpTitles[1]!, /^“.+…”$/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("files that tell two stories: the larger is shown, the other is a pick away", TIMEOUT, async () => {
    const { page, problems } = await open();
    const example = ["01-coastal-herald.txt", "02-alder-daily.html", "05-feed.xml"].map((f) =>
      join("examples/harbor-bridge", f),
    );
    await page.setInputFiles("#files", example);
    await page.waitForSelector("#file-list li >> nth=2");
    const first = await summarize(page);
    assert.ok(first.articles.length >= 3, "the bridge reports, the feed's included");
    await page.waitForSelector("#stories-bar:not([hidden])");
    assert.equal(await page.textContent("#story-count"), "2");
    const options = await page.locator("#story option").allTextContents();
    assert.equal(options.length, 2);
    assert.match(options[0]!, /Bridge/);
    assert.match(options[1]!, /Maple Festival.*\(1 article\)/);
    assert.doesNotMatch((await page.textContent("#summary")) ?? "", /festival|maple/i);

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/v1/summarize")),
      page.selectOption("#story", { index: 1 }),
    ]);
    const second = (await response.json()) as ReportJson;
    assert.equal(second.articles.length, 1);
    await page.locator("#summary", { hasText: /festival/i }).waitFor();
    assert.equal(await page.inputValue("#story"), "2", "the picker shows the story on screen");
    assert.doesNotMatch((await page.textContent("#summary")) ?? "", /bridge/i);

    // other input starts again from the largest story
    await page.click("#input-box summary");
    await page.setInputFiles("#files", join(FIXTURES, "a-valley-times.txt"));
    await page.waitForSelector("#file-list li >> nth=3");
    const [again] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/v1/summarize")),
      page.click("#go"),
    ]);
    assert.equal((again.request().postDataJSON() as { story: number }).story, 1);
    await page.locator("#story-count", { hasText: /^3$/ }).waitFor();
    assert.equal(await page.inputValue("#story"), "1");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("bad input shows an error that names the problem", TIMEOUT, async () => {
    const { page } = await open();
    await page.click("#go");
    await page.waitForSelector("#error:not([hidden])");
    assert.match((await page.textContent("#error")) ?? "", /Nothing to summarize/);

    const empty = join(tmp, "blank-report.txt");
    writeFileSync(empty, "   \n\n  \n");
    await page.setInputFiles("#files", [FILES[0]!, empty]);
    await page.waitForSelector("#file-list li >> nth=1");
    await page.click("#go");
    await page.waitForSelector("#error:not([hidden])");
    const message = (await page.textContent("#error")) ?? "";
    assert.match(message, /blank-report\.txt/, "the error names the file");
    assert.match(message, /EMPTY_INPUT/);
    assert.ok(await page.locator("#report").isHidden(), "no report for a failed request");

    const broken = join(tmp, "broken.jsonl");
    writeFileSync(broken, '{"id": "x", "documents": [{"text": "ok"}]}\n{"id": "y", "documents": [\n');
    await page.setInputFiles("#files", broken);
    await page.locator("#error", { hasText: /broken\.jsonl, line 2/ }).waitFor();
    await page.close();
  });

  test("a text with no usable sentence says why there is no summary", TIMEOUT, async () => {
    const { page } = await open();
    await page.fill("#paste", "Harbor closed. Ferries wait.");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/v1/summarize")),
      page.click("#go"),
    ]);
    assert.equal(response.status(), 200);
    await page.locator("#summary-meta", { hasText: /No sentence could be used/ }).waitFor();
    assert.equal(await page.locator("#summary .sent").count(), 0);
    await page.close();
  });

  test("markup inside articles is shown as text and never runs", TIMEOUT, async () => {
    const { page, problems } = await open();
    const hostilePaste =
      "Dam protest turns noisy\n\n" +
      'Protesters held signs reading <img src=x onerror="window.__pwned=1;alert(1)"> outside the water board on Friday. ' +
      "Others chanted <script>window.__pwned=2;alert(2)</script> near the Glenmoor dam gates, police said. " +
      "The water board said the reservoir would be drained by four meters within a week.\n";
    const hostileHtml = join(tmp, "hostile.html");
    writeFileSync(
      hostileHtml,
      "<html><head><title>Dam &lt;script&gt;window.__pwned=3&lt;/script&gt; leak</title></head><body><article>" +
        "<h1>Dam &lt;img src=x onerror=alert(3)&gt; leak</h1>" +
        "<p>A banner said &lt;img src=x onerror=&quot;window.__pwned=4&quot;&gt; at the Glenmoor dam on Friday, residents said.</p>" +
        "<p>The water board said the reservoir would be drained by four meters within a week after the leak.</p>" +
        "<p>Engineers said 300 homes downstream were on alert while pumps ran day and night.</p>" +
        "</article></body></html>",
    );
    await page.fill("#paste", `${hostilePaste}\n---\n${readFileSync(FILES[0]!, "utf8")}`);
    await page.setInputFiles("#files", hostileHtml);
    await summarize(page);
    for (const details of await page.locator("#sources details").all())
      await details.evaluate("(d) => { d.open = true; }");
    await page.waitForTimeout(300); // give any injected handler the chance to fire
    assert.equal(await page.evaluate<unknown>("window.__pwned"), undefined);
    assert.equal(await page.locator("img").count(), 0, "no image element was created");
    assert.equal(await page.locator("script:not([src])").count(), 0, "no inline script element");
    const shown = (await page.locator("#sources").textContent()) ?? "";
    assert.match(shown, /<img src=x onerror=/, "the markup is visible as text");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a stored story can be picked and read", TIMEOUT, async () => {
    const articles = FILES.map((f) => ({ name: f.split("/").pop(), text: readFileSync(f, "utf8") }));
    const stored = await fetch(`${server.url}/v1/articles`, {
      method: "POST",
      body: JSON.stringify({ articles }),
      headers: { "content-type": "application/json" },
    });
    assert.equal(stored.status, 201);
    const { page, problems } = await open();
    await page.waitForSelector("#story-pick:not([hidden])");
    const options = await page.locator("#stored option").allTextContents();
    const pick = options.findIndex((o) => /Glenmoor/.test(o) && /3 articles/.test(o));
    assert.ok(pick > 0, `the dam story is offered: ${options.join(" | ")}`);
    assert.match(
      options[pick]!,
      /\(\d{4}-\d{2}-\d{2}( – \d{4}-\d{2}-\d{2})?, 3 articles\)/,
      "with the days it covers",
    );
    await page.selectOption("#stored", { index: pick });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/v1/stories/")),
      page.click("#go"),
    ]);
    assert.equal(response.status(), 200);
    await page.waitForSelector("#summary .sent");
    assert.equal(await page.locator("#sources details").count(), 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(
    "a sentence that many articles carry shows ten citations and a button for the rest",
    TIMEOUT,
    async () => {
      const { page, problems } = await open();
      const towns = ["Alder", "Birch", "Cedar", "Dunmore", "Elmira", "Fairview", "Glenmoor", "Harwick"];
      const articles = Array.from(
        { length: 13 },
        (_, k) =>
          "Port Alder closed its harbor bridge on Tuesday after county inspectors found cracked steel beams. " +
          `A commuter from ${towns[k % towns.length]} Heights, number ${k + 1} in the queue, said the ferry line stretched for ${k + 3} blocks on Wednesday morning.`,
      );
      await page.fill("#paste", articles.join("\n---\n"));
      await summarize(page);
      const sentence = page.locator("#summary .sent", { hasText: "closed its harbor bridge" }).first();
      assert.equal(await sentence.locator(".cite:not(.more)").count(), 10);
      const more = sentence.locator(".cite.more");
      assert.equal(await more.textContent(), "+3 more");
      await more.click();
      assert.equal(await sentence.locator(".cite:not(.more)").count(), 13);
      assert.equal(await sentence.locator(".cite.more").count(), 0);
      assert.deepEqual(problems, []);
      await page.close();
    },
  );

  test("a sentence that dates two events shows once in the timeline, with both dates", TIMEOUT, async () => {
    const { page, problems } = await open();
    await page.fill(
      "#paste",
      [
        "The harbor court issued one warrant against the port director in 2009 and another in 2012 for fraud.",
        "The port director left the country in 2014, officials said, and has not returned to Alder since then.",
      ].join("\n---\n"),
    );
    await summarize(page);
    const item = page.locator("#timeline li", { hasText: "issued one warrant" });
    assert.equal(await item.count(), 1);
    assert.deepEqual(await item.locator("time").allTextContents(), ["2009", "2012"]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(
    "sources that give different death tolls are shown disagreeing, with each figure",
    TIMEOUT,
    async () => {
      const { page, problems } = await open();
      await page.fill(
        "#paste",
        [
          "A magnitude 6.1 earthquake struck the hill town of Varenna before dawn on Monday. At least 31 people are dead, the regional governor said. Rescuers worked through the rubble of the old quarter.",
          "Rescue teams dug through collapsed houses in Varenna on Monday. The quake killed 27 people, officials told reporters. Schools across the region were closed.",
        ].join("\n---\n"),
      );
      await summarize(page);
      const item = page.locator("ul.facts.warn > li", { hasText: "death toll" });
      assert.equal(await item.count(), 1);
      assert.deepEqual(await item.locator(".value").allTextContents(), [
        "At least 31 people are dead",
        "killed 27 people",
      ]);
      assert.deepEqual(problems, []);
      await page.close();
    },
  );

  test("at phone width the page fits the screen and citations still work", TIMEOUT, async () => {
    const { page, problems } = await open(390);
    await page.setInputFiles("#files", FILES);
    await page.waitForSelector("#file-list li >> nth=2");
    const report = await summarize(page);
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
    await page
      .locator("#summary .cite")
      .first()
      .tap({ force: true })
      .catch(() => page.locator("#summary .cite").first().click());
    assert.ok((await highlighted(page)).length > 0);
    assert.ok(await page.locator("#preview").isVisible());
    assert.ok(report.summary.sentences.length > 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
