/**
 * A fixed pool of worker threads running analyses, so the HTTP thread stays responsive and every core
 * is used. Bounded: at most `maxQueue` requests wait; a request that waits or runs longer than
 * `timeoutMs` is answered with BUSY / TIMEOUT, and a worker stuck on it is replaced.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { NewsweaveError } from "../errors.ts";
import type { Article } from "../types.ts";
import type { Engine } from "./engine.ts";
import { fromWire, type WireError } from "./errors.ts";
import type { ReportJobOptions } from "./jobs.ts";
import type { SummarizeRequest } from "./schemas.ts";

export interface PoolOptions {
  /** Worker threads (default: the number of cores, at most 4). */
  workers?: number;
  /** Requests allowed to wait for a worker before BUSY (default 64). */
  maxQueue?: number;
  /** Longest wait plus run time of one request, ms (default 30 s). */
  timeoutMs?: number;
  /**
   * Young-generation heap of each worker, MB (default 192, i.e. 64 MB semi-spaces). An analysis allocates
   * many short-lived objects: a young generation that holds several requests' garbage is collected rarely
   * and cheaply (GC pauses about 1 ms → 0.3 ms per request), where V8's default collects several times per
   * request. It costs memory only as it fills. 0 keeps V8's default.
   */
  youngGenerationMb?: number;
}

export type JobMessage =
  | { id: number; kind: "summarize"; request: SummarizeRequest }
  | { id: number; kind: "report"; articles: Article[]; options: ReportJobOptions };

type JobInput =
  | { kind: "summarize"; request: SummarizeRequest }
  | { kind: "report"; articles: Article[]; options: ReportJobOptions };
export type ResultMessage =
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; error: WireError }
  | { ready: true };

interface Job {
  id: number;
  message: JobMessage;
  resolve: (json: string) => void;
  reject: (e: Error) => void;
  deadline: number;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Set once the worker has warmed up: only then does it get jobs (their time limit starts there). */
  isReady: boolean;
  job?: Job;
}

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const DEFAULT_YOUNG_GENERATION_MB = 192;

export class WorkerPool implements Engine {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that died before becoming ready, in a row; at 3 the pool gives up (a broken install). */
  private startupFailures = 0;
  private broken?: string;
  readonly size: number;
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly youngGenerationMb: number;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
    this.maxQueue = options.maxQueue ?? 64;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.youngGenerationMb = options.youngGenerationMb ?? DEFAULT_YOUNG_GENERATION_MB;
    for (let k = 0; k < this.size; k++) this.slots.push(this.spawn());
  }

  /** Resolves when every worker has loaded the models and run a warm-up analysis. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  private spawn(): Slot {
    const young = this.youngGenerationMb;
    const worker = new Worker(
      WORKER_URL,
      young > 0 ? { resourceLimits: { maxYoungGenerationSizeMb: young } } : {},
    );
    let markReady: () => void = () => {};
    const slot: Slot = { worker, ready: new Promise<void>((r) => (markReady = r)), isReady: false };
    worker.on("message", (m: ResultMessage) => {
      if ("ready" in m) {
        slot.isReady = true;
        this.startupFailures = 0;
        markReady();
        worker.unref();
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      this.finish(slot, job);
      if (m.ok) job.resolve(m.json);
      else job.reject(fromWire(m.error));
    });
    worker.on("error", (e) => this.lost(slot, `worker failed: ${e.message}`));
    worker.on("exit", () => this.lost(slot, "worker exited"));
    // Referenced while starting or busy (so awaiting it keeps the process alive), unreferenced when idle.
    return slot;
  }

  /** A worker died (or was stopped): fail its job, replace it, carry on. */
  private lost(slot: Slot, why: string): void {
    const k = this.slots.indexOf(slot);
    if (k === -1) return;
    const job = slot.job;
    if (job) {
      this.finish(slot, job);
      job.reject(new NewsweaveError("INTERNAL", `internal error: ${why}`));
    }
    if (this.closed) {
      this.slots.splice(k, 1);
      return;
    }
    if (!slot.isReady && ++this.startupFailures >= 3) {
      this.broken = `analysis workers cannot start (${why})`;
      for (const queued of this.queue.splice(0)) queued.reject(new NewsweaveError("INTERNAL", this.broken));
      this.slots.splice(k, 1);
      return;
    }
    this.slots[k] = this.spawn();
    this.pump();
  }

  private finish(slot: Slot, job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    slot.job = undefined;
    slot.worker.unref();
    queueMicrotask(() => this.pump());
  }

  summarize(request: SummarizeRequest): Promise<string> {
    return this.enqueue({ kind: "summarize", request });
  }

  report(articles: Article[], options: ReportJobOptions): Promise<string> {
    return this.enqueue({ kind: "report", articles, options });
  }

  private enqueue(input: JobInput): Promise<string> {
    if (this.closed) return Promise.reject(new NewsweaveError("BUSY", "the server is shutting down"));
    if (this.broken) return Promise.reject(new NewsweaveError("INTERNAL", this.broken));
    if (this.queue.length >= this.maxQueue)
      return Promise.reject(
        new NewsweaveError(
          "BUSY",
          `server busy: ${this.queue.length} requests already waiting; retry shortly`,
        ),
      );
    return new Promise<string>((resolve, reject) => {
      const id = this.nextId++;
      this.queue.push({
        id,
        message: { id, ...input },
        resolve,
        reject,
        deadline: Date.now() + this.timeoutMs,
      });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.isReady) continue;
      let job = this.queue.shift();
      while (job && job.deadline <= Date.now()) {
        job.reject(
          new NewsweaveError(
            "BUSY",
            `server busy: the request waited over ${this.timeoutMs} ms for a worker`,
          ),
        );
        job = this.queue.shift();
      }
      if (!job) return;
      this.run(slot, job);
    }
  }

  private run(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const left = Math.max(1, job.deadline - Date.now());
    job.timer = setTimeout(() => {
      if (slot.job !== job) return;
      this.finish(slot, job);
      job.reject(
        new NewsweaveError(
          "TIMEOUT",
          `the analysis took over ${this.timeoutMs} ms and was stopped; send fewer or shorter articles`,
        ),
      );
      // The worker is still busy with it: replace it.
      const k = this.slots.indexOf(slot);
      if (k !== -1) this.slots[k] = this.spawn();
      slot.worker.removeAllListeners("exit");
      void slot.worker.terminate();
    }, left);
    slot.worker.postMessage(job.message);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0))
      job.reject(new NewsweaveError("BUSY", "the server is shutting down"));
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.worker.removeAllListeners("exit");
        if (slot.job) {
          const job = slot.job;
          this.finish(slot, job);
          job.reject(new NewsweaveError("BUSY", "the server is shutting down"));
        }
        await slot.worker.terminate();
      }),
    );
    this.slots.length = 0;
  }
}
