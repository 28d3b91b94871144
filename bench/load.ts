/**
 * Load test of POST /v1/summarize on loopback: p50/p95 latency and throughput at 1, 8 and 32 concurrent
 * clients, on one story of five files (examples/harbor-bridge). Starts `newsweave serve` as a child process
 * on 127.0.0.1 (or uses --url, which must be a loopback address), and is bounded: each level runs for at
 * most --seconds and --max-requests.
 *
 * Two request mixes:
 *   distinct: every request is new to the server (article ids carry a counter), so each one is analysed;
 *   repeat:   the same request again and again, answered from the report cache after the first.
 *
 * Before measuring, the server is warmed with --warmup seconds of requests from 8 clients: V8 compiles
 * the hot paths over the first few hundred requests, and a long-running server is past that.
 *   --warmup-on same:   distinct requests of the measured story (steady state on this kind of input);
 *   --warmup-on others: the repository's invented test fixtures (text, HTML, RSS/Atom) and never the
 *                       measured story, so its first levels include V8 re-optimising for new input;
 *   --warmup 0:         a server straight after start-up.
 *
 * Usage: node --import tsx bench/load.ts [--seconds 4] [--max-requests 400] [--clients 1,8,32]
 *        [--mix distinct,repeat] [--warmup 8] [--warmup-on same|others] [--workers N] [--url http://127.0.0.1:8080]
 *        [--dir examples/harbor-bridge]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "4" },
    "max-requests": { type: "string", default: "400" },
    clients: { type: "string", default: "1,8,32" },
    mix: { type: "string", default: "distinct,repeat" },
    workers: { type: "string" },
    warmup: { type: "string", default: "8" },
    "warmup-on": { type: "string", default: "same" },
    url: { type: "string" },
    dir: { type: "string", default: "examples/harbor-bridge" },
  },
});

const SECONDS = Math.min(30, Math.max(1, Number(args.seconds)));
const MAX_REQUESTS = Math.min(5_000, Math.max(10, Number(args["max-requests"])));
const LEVELS = args.clients.split(",").map((n) => Math.min(64, Math.max(1, Number(n))));
const MIXES = args.mix
  .split(",")
  .filter((m): m is "distinct" | "repeat" => m === "distinct" || m === "repeat");
const PER_REQUEST_TIMEOUT_MS = 30_000;
const WARMUP_SECONDS = Math.min(60, Math.max(0, Number(args.warmup)));
const WARMUP_ON = args["warmup-on"] === "others" ? "others" : "same";

const files = readdirSync(args.dir)
  .filter((f) => !f.startsWith("."))
  .sort();
const articles = files.map((name) => ({ name, text: readFileSync(join(args.dir, name), "utf8") }));

interface BodyArticle {
  name?: string;
  id?: string;
  text: string;
  outlet?: string;
  published?: string;
  title?: string;
}

/** Warm-up stories: the repository's invented fixtures (never the measured story). */
function warmupStories(): BodyArticle[][] {
  const stories: BodyArticle[][] = [];
  const fileStory = (dir: string, names: string[]) =>
    names
      .filter((n) => existsSync(join(dir, n)))
      .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  stories.push(fileStory("test/fixtures/server", readdirSync("test/fixtures/server").sort()));
  stories.push(
    fileStory("test/fixtures/ingest", ["port-storm.html", "harbor.rss", "valley.atom", "storm.txt"]),
  );
  const analysis = "test/fixtures/analysis";
  for (const f of readdirSync(analysis)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const j = JSON.parse(readFileSync(join(analysis, f), "utf8")) as { articles: BodyArticle[] };
    stories.push(
      j.articles.map(({ id, text, outlet, published, title }) => ({ id, text, outlet, published, title })),
    );
  }
  return stories.filter((st) => st.length > 0);
}

const WARMUP_STORIES = warmupStories();

function warmupBody(counter: number): string {
  const story = WARMUP_STORIES[counter % WARMUP_STORIES.length]!;
  return JSON.stringify({
    articles: story.map((a, k) => ({ ...a, id: `${a.id ?? a.name ?? "a"}-${k}-${counter}` })),
  });
}

function body(counter: number | undefined): string {
  if (counter === undefined) return JSON.stringify({ articles });
  return JSON.stringify({
    articles: articles.map((a) => ({ ...a, id: `${a.name.replace(/\.[^.]*$/, "")}-${counter}` })),
  });
}

async function startServer(): Promise<{ url: string; child?: ChildProcess }> {
  if (args.url) {
    const host = new URL(args.url).hostname;
    if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host))
      throw new Error(`--url must be a loopback address, got ${host}`);
    return { url: args.url.replace(/\/$/, "") };
  }
  const extra = args.workers ? ["--workers", args.workers] : [];
  const child = spawn(
    process.execPath,
    ["bin/newsweave.js", "serve", "--port", "0", "--host", "127.0.0.1", "--no-store", ...extra],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 30 s")), 30_000);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/[^\s/]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { url, child };
}

interface Result {
  status: number;
  ms: number;
}

function post(url: URL, agent: Agent, payload: string): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        timeout: PER_REQUEST_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(payload);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

let counter = 0;

/** CPU seconds (user + system, all threads) used so far by a process, from /proc on Linux. */
function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

let serverPid: number | undefined;

async function level(
  url: URL,
  clients: number,
  mix: "distinct" | "repeat" | "warmup",
  seconds = SECONDS,
  max = MAX_REQUESTS,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const same = body(undefined);
  const results: Result[] = [];
  const deadline = performance.now() + seconds * 1000;
  let issued = 0;
  const started = performance.now();
  const serverCpu0 = processCpuSeconds(serverPid);
  const clientCpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && issued < max) {
        issued++;
        const payload = mix === "repeat" ? same : mix === "warmup" ? warmupBody(++counter) : body(++counter);
        results.push(await post(url, agent, payload));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = processCpuSeconds(serverPid) - serverCpu0;
  const clientUsage = process.cpuUsage(clientCpu0);
  const clientCpu = (clientUsage.user + clientUsage.system) / 1e6;
  agent.destroy();
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const errors = results.filter((r) => r.status !== 200).length;
  return {
    mix,
    clients,
    requests: results.length,
    errors,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: ms[ms.length - 1] ?? Number.NaN,
    rps: results.length / elapsed,
    serverCpuMs: (serverCpu * 1000) / Math.max(1, results.length),
    clientCpuMs: (clientCpu * 1000) / Math.max(1, results.length),
  };
}

const { url, child } = await startServer();
serverPid = child?.pid;
try {
  const endpoint = new URL(`${url}/v1/summarize`);
  const warm = new Agent({ keepAlive: true, maxSockets: 4 });
  for (let k = 0; k < 6; k++) await post(endpoint, warm, warmupBody(++counter)); // start-up check
  warm.destroy();
  if (WARMUP_SECONDS > 0) {
    const w = await level(endpoint, 8, WARMUP_ON === "same" ? "distinct" : "warmup", WARMUP_SECONDS, 100_000);
    const on =
      WARMUP_ON === "same" ? "the measured story" : `${WARMUP_STORIES.length} other (invented) stories`;
    console.log(
      `warm-up: ${w.requests} distinct requests on ${on} from 8 clients in ${WARMUP_SECONDS} s, ` +
        `${w.errors} errors (not counted)`,
    );
  }
  console.log(
    `POST /v1/summarize on ${url}: ${files.length} files (${articles.reduce((n, a) => n + a.text.length, 0)} chars), ` +
      `each level ≤ ${SECONDS} s and ≤ ${MAX_REQUESTS} requests`,
  );
  const load = () => loadavg()[0]!.toFixed(2);
  console.log(`${availableParallelism()} cores; load average before: ${load()}`);
  console.log(
    "mix       clients  requests  errors   p50 ms   p95 ms   max ms     req/s  server CPU ms/req  client CPU ms/req",
  );
  for (const mix of MIXES)
    for (const clients of LEVELS) {
      const r = await level(endpoint, clients, mix);
      console.log(
        `${r.mix.padEnd(9)} ${String(r.clients).padStart(7)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)}` +
          ` ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${r.rps.toFixed(1).padStart(9)}` +
          ` ${r.serverCpuMs.toFixed(1).padStart(18)} ${r.clientCpuMs.toFixed(1).padStart(18)}`,
      );
    }
  console.log(`load average after: ${load()} (other processes on the machine count too)`);
} finally {
  child?.kill("SIGTERM");
}
