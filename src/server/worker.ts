/** Body of an analysis worker thread (started by pool.ts through worker.mjs). */
import { parentPort } from "node:worker_threads";
import { toWire } from "./errors.ts";
import { runReport, runSummarize } from "./jobs.ts";
import type { JobMessage, ResultMessage } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");

/** Warm-up story (invented): dates, numbers, names, quotes, a dateline and a byline, in three formats. */
function warmUpArticles(n: number) {
  const para = (k: number) =>
    `LINDENFIELD — The town council of Lindenfield approved a new footbridge on Monday, Mayor Clara Weiss said, ` +
    `after a 7-2 vote that ended three years of debate. Work on the bridge will start on April ${k + 3}, 2027 ` +
    `and cost about ${k + n} million euros, according to the council's budget office.\n\n` +
    `"It links the two halves of the town," Weiss told reporters at City Hall. "We have waited long enough." ` +
    `The steel comes from Harbor Works Inc. Lindenfield residents welcomed the plan, and Peter Lang, a local ` +
    `engineer, said the old ferry carried 1,200 people a day last summer.\n\n` +
    `The previous crossing closed in March 2019 after an inspection found cracks. Two weeks later, officials ` +
    `said repairs would cost more than a new bridge. The council will meet again next Tuesday.`;
  const text = `Lindenfield approves footbridge\n\nBy Anna Berg\n\n${para(1)}\n`;
  const html =
    `<!DOCTYPE html><html><head><title>Council backs footbridge</title>` +
    `<meta property="article:published_time" content="2026-03-02T10:00:00Z">` +
    `<meta property="og:site_name" content="Lindenfield Post"></head><body><nav><a href="/">Home</a></nav>` +
    `<article><h1>Council backs footbridge</h1><p>${para(2).split("\n\n").join("</p><p>")}</p></article>` +
    `<footer>© 2026 Lindenfield Post. All rights reserved.</footer></body></html>`;
  const feed =
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Valley Radio</title>` +
    `<item><title>Footbridge approved</title><pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>` +
    `<description><![CDATA[<p>${para(3).split("\n\n").join("</p><p>")}</p>]]></description></item>` +
    `</channel></rss>`;
  return [
    { text, format: "text" as const, id: `a${n}` },
    { text: html, format: "html" as const, id: `b${n}` },
    { text: feed, format: "feed" as const, id: `c${n}` },
  ];
}

/**
 * Loads the models and compiles the hot paths before the first real request arrives: every input format
 * and every analysis runs a few times, so that a real request does not pay their first-use cost.
 */
function warmUp(): void {
  for (let n = 0; n < WARM_UP_ROUNDS; n++) {
    try {
      runSummarize({ articles: warmUpArticles(n) });
    } catch {
      // A failed warm-up only means the first request pays the loading time.
    }
  }
}

const WARM_UP_ROUNDS = 6;

warmUp();
port.postMessage({ ready: true } satisfies ResultMessage);

port.on("message", (m: JobMessage) => {
  let reply: ResultMessage;
  try {
    const json = m.kind === "summarize" ? runSummarize(m.request) : runReport(m.articles, m.options);
    reply = { id: m.id, ok: true, json };
  } catch (e) {
    reply = { id: m.id, ok: false, error: toWire(e) };
  }
  port.postMessage(reply);
});
