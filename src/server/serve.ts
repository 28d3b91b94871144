/** Puts the app on a socket, with analyses on a worker pool and time limits against slow clients. */

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve as serveNode } from "@hono/node-server";
import { type AppOptions, createApp, LOOPBACK_HOSTS } from "./app.ts";
import { CachedEngine, type Engine, InlineEngine } from "./engine.ts";
import { type PoolOptions, WorkerPool } from "./pool.ts";

export interface ServeOptions extends Omit<AppOptions, "engine">, PoolOptions {
  /** TCP port; 0 picks a free one (default 8080). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1; "0.0.0.0" to accept other machines). */
  host?: string;
  /** Longest time a client may take to send a whole request, ms (default 30 s). */
  requestTimeoutMs?: number;
  /** Longest time a client may take to send the request headers, ms (default 10 s). */
  headersTimeoutMs?: number;
  /** Answer repeated identical requests from memory (default true). */
  cache?: boolean;
}

/**
 * The host names a server listening on `host` answers to: the loopback names, and the address itself;
 * any name when it listens on every interface (it is then meant to be reached under names it cannot know).
 */
export function hostsFor(host: string, extra: readonly string[] = []): readonly string[] | "any" {
  if ((host === "0.0.0.0" || host === "::" || host === "[::]") && extra.length === 0) return "any";
  const own = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return [...new Set([...LOOPBACK_HOSTS, own.toLowerCase(), ...extra.map((h) => h.toLowerCase())])];
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  let inner: Engine;
  if (options.workers === 0) inner = new InlineEngine();
  else {
    const pool = new WorkerPool(options);
    await pool.ready();
    inner = pool;
  }
  const engine = options.cache === false ? inner : new CachedEngine(inner);
  const host = options.host ?? "127.0.0.1";
  const app = createApp({ ...options, engine, allowedHosts: options.allowedHosts ?? hostsFor(host) });
  const server = await new Promise<Server>((resolve, reject) => {
    const requestTimeout = options.requestTimeoutMs ?? 30_000;
    const s = serveNode(
      {
        fetch: app.fetch,
        port: options.port ?? 8080,
        hostname: host,
        serverOptions: {
          requestTimeout,
          headersTimeout: Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout),
          keepAliveTimeout: 5_000,
          // How often the timeouts are checked: often enough that short limits are kept closely.
          connectionsCheckingInterval: Math.min(1_000, Math.max(100, requestTimeout / 4)),
        },
      },
      () => resolve(s as Server),
    ) as Server;
    s.once("error", (e) => {
      void engine.close();
      reject(e);
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        // Requests in progress get a second to finish, then their connections are cut.
        const force = setTimeout(() => server.closeAllConnections(), 1_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await engine.close();
      await options.store?.close();
    },
  };
}
