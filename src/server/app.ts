/**
 * The HTTP API and the reading page, as a Hono app. `createApp` needs no port: tests call
 * `app.request(...)` in-process; `serve` (serve.ts) puts it on a socket.
 */
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { NewsweaveError } from "../errors.ts";
import { readJson } from "./body.ts";
import { CachedEngine, type Engine, InlineEngine } from "./engine.ts";
import { errorResponse } from "./errors.ts";
import { checkBodyCount, checkSummarizeRequest } from "./jobs.ts";
import { openApiDocument } from "./openapi.ts";
import { SummarizeRequest, validate } from "./schemas.ts";
import { installStoryRoutes, STORY_METHODS, type StoreSource } from "./stories.ts";

export const VERSION = "0.1.0";
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_ARTICLES = 200;

export interface AppOptions {
  /** Where analyses run (default: on the calling thread, with a cache of recent reports). */
  engine?: Engine;
  /** Largest accepted request body in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Most articles in one request (default 200). */
  maxArticles?: number;
  /** The story store; without it the /v1/articles and /v1/stories routes answer 404. */
  store?: StoreSource;
  /**
   * Host names the server answers to (the Host header, without the port), or "any". Default: the loopback
   * names, so a web page whose name was rebound to 127.0.0.1 cannot read the store.
   */
  allowedHosts?: readonly string[] | "any";
}

export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "[::1]", "::1"];

/** The host name of a Host header ("localhost:8080" → "localhost", "[::1]:80" → "[::1]"), lower-cased. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  return colon >= 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}

/** Content-Security-Policy of the page: own scripts and styles only, no inline code, no string-to-HTML sinks. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

interface StaticFile {
  body: string;
  type: string;
}

const PAGE_FILES: Record<string, [string, string]> = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/app.js": ["app.js", "text/javascript; charset=utf-8"],
  "/style.css": ["style.css", "text/css; charset=utf-8"],
};

function loadPage(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const [route, [name, type]] of Object.entries(PAGE_FILES)) {
    files.set(route, { body: readFileSync(new URL(`./page/${name}`, import.meta.url), "utf8"), type });
  }
  return files;
}

export function createApp(options: AppOptions = {}): Hono {
  const engine = options.engine ?? new CachedEngine(new InlineEngine());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limits = { maxArticles: options.maxArticles ?? DEFAULT_MAX_ARTICLES };
  const store = options.store;
  const page = loadPage();
  const openapi = JSON.stringify(
    openApiDocument({
      version: VERSION,
      maxBodyBytes,
      maxArticles: limits.maxArticles,
      store: Boolean(store),
    }),
  );

  const app = new Hono();

  app.onError((e, c) => {
    const { status, body } = errorResponse(e);
    if (status === 500) console.error(`newsweave: internal error on ${c.req.method} ${c.req.path}:`, e);
    return c.json(body, status);
  });
  app.notFound((c) =>
    c.json(
      { error: { code: "NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}` } },
      404 as ContentfulStatusCode,
    ),
  );

  const allowedHosts = options.allowedHosts ?? LOOPBACK_HOSTS;
  const hostAllowed =
    allowedHosts === "any" ? () => true : (h: string) => allowedHosts.includes(hostName(h)) || h === "";
  app.use("*", async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    if (!h.has("Content-Security-Policy")) h.set("Content-Security-Policy", API_CSP);
  });
  app.use("*", async (c, next) => {
    // DNS rebinding: a page on another site whose name now points here sends its own name as Host
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!hostAllowed(host))
      throw new NewsweaveError(
        "FORBIDDEN",
        `this server does not answer to the host name ${hostName(host)} (start it with --allow-host to add one)`,
      );
    // another site's page may send requests here; a change to the store or an analysis must come from the
    // server's own page (or from a client that sends no Origin, such as curl)
    const origin = c.req.header("origin");
    if (origin !== undefined && c.req.method !== "GET" && c.req.method !== "HEAD") {
      let same = false;
      try {
        same = new URL(origin).host === host;
      } catch {
        same = false;
      }
      if (!same) throw new NewsweaveError("FORBIDDEN", `requests from ${origin} are not accepted`);
    }
    await next();
  });

  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new NewsweaveError("TOO_LARGE", `request body over the ${maxBodyBytes}-byte limit`);
    },
  });

  for (const [route, file] of page) {
    app.get(route, (c) =>
      c.body(file.body, 200, {
        "Content-Type": file.type,
        "Cache-Control": "no-cache",
        ...(file.type.startsWith("text/html") ? { "Content-Security-Policy": PAGE_CSP } : {}),
      }),
    );
  }

  app.get("/healthz", (c) => c.json({ status: "ok", version: VERSION, store: Boolean(store) }));
  app.get("/openapi.json", (c) => c.body(openapi, 200, { "Content-Type": "application/json" }));

  app.post("/v1/summarize", limit, async (c) => {
    const body = await readJson(c);
    checkBodyCount(body, limits);
    const req = validate(SummarizeRequest, body);
    checkSummarizeRequest(req, limits);
    const json = await engine.summarize(req);
    return c.body(json, 200, { "Content-Type": "application/json" });
  });

  if (store) installStoryRoutes(app, { source: store, engine, limit, limits });

  // A known path with the wrong method.
  const methods: Record<string, string> = {
    "/healthz": "GET",
    "/openapi.json": "GET",
    "/v1/summarize": "POST",
  };
  if (store) Object.assign(methods, STORY_METHODS);
  for (const [path, allowed] of Object.entries(methods)) {
    app.all(path, (c) => {
      c.header("Allow", allowed);
      throw new NewsweaveError("BAD_METHOD", `method ${c.req.method} not allowed on ${path}: use ${allowed}`);
    });
  }
  return app;
}
