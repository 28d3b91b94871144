/**
 * Where analyses run. `InlineEngine` runs them on the calling thread (tests, small uses); `WorkerPool`
 * (pool.ts) on worker threads with a bounded queue and a time limit; `CachedEngine` answers repeated
 * identical requests from memory and shares one computation between identical requests in flight.
 */
import { createHash } from "node:crypto";
import type { Article } from "../types.ts";
import { type ReportJobOptions, runReport, runSummarize } from "./jobs.ts";
import type { SummarizeRequest } from "./schemas.ts";

export interface Engine {
  /** The report of one story as JSON text. Rejects with NewsweaveError. */
  summarize(req: SummarizeRequest): Promise<string>;
  /** The report of ingested articles (a stored story) as JSON text. */
  report(articles: Article[], options: ReportJobOptions): Promise<string>;
  /** Stops workers; pending calls are rejected. */
  close(): Promise<void>;
}

export class InlineEngine implements Engine {
  async summarize(req: SummarizeRequest): Promise<string> {
    return runSummarize(req);
  }
  async report(articles: Article[], options: ReportJobOptions): Promise<string> {
    return runReport(articles, options);
  }
  async close(): Promise<void> {}
}

export interface CacheOptions {
  /** Most cached reports (default 256). */
  maxEntries?: number;
  /** Most bytes of cached JSON, counted as UTF-16 code units × 2 (default 64 MB). */
  maxBytes?: number;
}

/** An LRU cache of reports keyed by a hash of the validated request. Reports are deterministic. */
export class CachedEngine implements Engine {
  private readonly entries = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: Engine,
    options: CacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 256;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  summarize(req: SummarizeRequest): Promise<string> {
    return this.cached(["summarize", req], () => this.inner.summarize(req));
  }

  report(articles: Article[], options: ReportJobOptions): Promise<string> {
    return this.cached(["report", articles, options], () => this.inner.report(articles, options));
  }

  private async cached(input: unknown, compute: () => Promise<string>): Promise<string> {
    const key = createHash("sha256").update(JSON.stringify(input)).digest("base64");
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.hits++;
      return running;
    }
    this.misses++;
    const job = compute();
    this.inFlight.set(key, job);
    try {
      const json = await job;
      this.remember(key, json);
      return json;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, json: string): void {
    const size = json.length * 2;
    if (size > this.maxBytes / 4) return;
    this.entries.set(key, json);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length * 2;
    }
  }

  close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
    return this.inner.close();
  }
}
