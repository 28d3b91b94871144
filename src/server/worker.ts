/** Body of an analysis worker thread (started by pool.ts through worker.mjs). */
import { parentPort } from "node:worker_threads";
import { toWire } from "./errors.ts";
import { runReport, runSummarize } from "./jobs.ts";
import type { JobMessage, ResultMessage } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");

/** Loads the models and compiles the hot paths before the first real request arrives. */
function warmUp(): void {
  const text = (n: number) =>
    `Warm-up report ${n}\n\nThe town council of Lindenfield approved a new footbridge on Monday, officials said. ` +
    `Work on the bridge will start in the spring and cost about 2 million euros, the mayor said. ` +
    `"It links the two halves of the town," she told reporters.\n`;
  try {
    runSummarize({ articles: [1, 2, 3].map((n) => ({ text: text(n), format: "text" as const })) });
  } catch {
    // A failed warm-up only means the first request pays the loading time.
  }
}

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
