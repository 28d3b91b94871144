import { type Command, Option } from "commander";
import { NewsweaveError } from "../errors.ts";
import { DEFAULT_MAX_ARTICLES, DEFAULT_MAX_BODY_BYTES } from "../server/app.ts";
import { hostsFor, type ServeOptions, serve } from "../server/serve.ts";
import { sqliteSource } from "../server/stories.ts";
import { defaultDbPath } from "../store/index.ts";
import type { CommandInstaller } from "./main.ts";
import { wholeNumber } from "./summarize.ts";

interface ServeCliOptions {
  port: number;
  host: string;
  workers?: number;
  maxBody: number;
  maxArticles: number;
  timeout: number;
  cache: boolean;
  db?: string;
  store: boolean;
  allowHost?: string;
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new NewsweaveError(
      "BAD_OPTION",
      `${name} must be a whole number from ${min} to ${max}, got ${value}`,
      {
        field: name.replace(/^--/, ""),
      },
    );
}

/** Resolves on SIGINT/SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(signal);
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

export const installServe: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("serve")
    .description("run the HTTP API and the reading page (http://host:port/)")
    .addOption(
      new Option("-p, --port <n>", "TCP port (0: any free port)")
        .argParser(wholeNumber("--port"))
        .default(8080),
    )
    .addOption(new Option("--host <address>", "interface to listen on").default("127.0.0.1"))
    .option(
      "--allow-host <names>",
      "more host names the server answers to, comma-separated (by default the loopback names and --host; any name when --host is 0.0.0.0)",
    )
    .addOption(
      new Option("--workers <n>", "analysis worker threads (0: analyse on the HTTP thread)").argParser(
        wholeNumber("--workers"),
      ),
    )
    .addOption(
      new Option("--max-body <bytes>", "largest request body")
        .argParser(wholeNumber("--max-body"))
        .default(DEFAULT_MAX_BODY_BYTES),
    )
    .addOption(
      new Option("--max-articles <n>", "most articles in one request")
        .argParser(wholeNumber("--max-articles"))
        .default(DEFAULT_MAX_ARTICLES),
    )
    .addOption(
      new Option("--timeout <ms>", "time limit of one request (receiving and analysing)")
        .argParser(wholeNumber("--timeout"))
        .default(30_000),
    )
    .option("--no-cache", "do not keep recent reports in memory")
    .option(
      "--db <path>",
      "story store for /v1/articles and /v1/stories (default: $NEWSWEAVE_DB or ~/.local/share/newsweave/newsweave.db)",
    )
    .option("--no-store", "serve without the story store (only /v1/summarize)")
    .action(async (opts: ServeCliOptions) => {
      check("--port", opts.port, 0, 65535);
      if (opts.workers !== undefined) check("--workers", opts.workers, 0, 64);
      check("--max-body", opts.maxBody, 1024, 1024 * 1024 * 1024);
      check("--max-articles", opts.maxArticles, 1, 100_000);
      check("--timeout", opts.timeout, 100, 3_600_000);
      const options: ServeOptions = {
        port: opts.port,
        host: opts.host,
        workers: opts.workers,
        maxBodyBytes: opts.maxBody,
        maxArticles: opts.maxArticles,
        timeoutMs: opts.timeout,
        requestTimeoutMs: opts.timeout,
        cache: opts.cache,
        allowedHosts: hostsFor(
          opts.host,
          (opts.allowHost ?? "")
            .split(",")
            .map((h) => h.trim())
            .filter(Boolean),
        ),
        // Opened on first use; created by the first POST /v1/articles.
        store: opts.store ? sqliteSource(opts.db ?? defaultDbPath()) : undefined,
      };
      let running: Awaited<ReturnType<typeof serve>>;
      try {
        running = await serve(options);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
          throw new NewsweaveError("BAD_OPTION", `cannot listen on ${opts.host}:${opts.port} (${code})`, {
            field: "port",
          });
        throw e;
      }
      io.stdout(`newsweave: serving on ${running.url}/ (API under /v1, OpenAPI at /openapi.json)\n`);
      if (options.store) io.stderr(`newsweave: story store: ${opts.db ?? defaultDbPath()}\n`);
      const signal = await untilSignal();
      io.stderr(`newsweave: ${signal}: stopping\n`);
      await running.close();
      setResult(0);
    });
};
