/** The HTTP front end: API + reading page (`createApp`), on a socket with a worker pool (`serve`). */
export { type AppOptions, createApp, DEFAULT_MAX_ARTICLES, DEFAULT_MAX_BODY_BYTES, PAGE_CSP } from "./app.ts";
export { CachedEngine, type Engine, InlineEngine } from "./engine.ts";
export { type ApiErrorBody, errorResponse, STATUS_OF_CODE } from "./errors.ts";
export { type PoolOptions, WorkerPool } from "./pool.ts";
export { type RunningServer, type ServeOptions, serve } from "./serve.ts";
