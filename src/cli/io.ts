import { SingleBar } from "cli-progress";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { ingestPath } from "../ingest/index.ts";
import { uniqueId } from "../ingest/util.ts";
import { groupArticles } from "../story/index.ts";
import type { Article, Cluster } from "../types.ts";

/** Output streams and terminal facts, injectable so end-to-end tests can capture them. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
}

export const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

export interface LoadedInputs {
  /** Articles grouped into clusters: one per JSONL line, and one for all other inputs together. */
  clusters: Cluster[];
  errors: NewsweaveError[];
}

/** Reads every input path (file, directory or "-"), keeping the good ones when some fail. */
export async function loadInputs(
  paths: readonly string[],
  options: { splitLoose?: boolean } = {},
): Promise<LoadedInputs> {
  const clusters: Cluster[] = [];
  const loose: Article[] = [];
  const errors: NewsweaveError[] = [];
  for (const p of paths) {
    try {
      const r = await ingestPath(p);
      errors.push(...r.errors);
      clusters.push(...r.clusters);
      const inClusters = new Set(r.clusters.flatMap((c) => c.articles.map((a) => a.id)));
      for (const a of r.articles) if (!inClusters.has(a.id)) loose.push(a);
    } catch (e) {
      if (isNewsweaveError(e)) errors.push(e);
      else throw e;
    }
  }
  // each path is read on its own, so two files of one name in different folders ("a/story.txt",
  // "b/story.txt") come with one id: the later ones become "story-2", …
  const articleIds = new Set<string>();
  for (const a of loose) a.id = uniqueId(a.id, articleIds);
  const clusterIds = new Set<string>();
  for (const c of clusters) c.id = uniqueId(c.id, clusterIds);
  if (loose.length > 0) {
    // Loose inputs are one story unless some of them plainly are about something else: those become
    // stories of their own ("input-2", …) instead of leaking into the main one.
    const groups = options.splitLoose ? groupArticles(loose) : [loose.map((_, i) => i)];
    clusters.unshift(
      ...groups.map((g, k) => ({
        id: k === 0 ? "input" : `input-${k + 1}`,
        articles: g.map((i) => loose[i]!),
        references: [],
      })),
    );
  }
  return { clusters, errors };
}

/** A progress bar on stderr, shown only on a terminal and when not quiet. */
export function progress(io: CliIo, quiet: boolean, total: number, label: string) {
  if (quiet || !io.stderrIsTTY || total < 20) {
    return { tick: () => {}, stop: () => {} };
  }
  const bar = new SingleBar({
    format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

/**
 * Runs `build` on every story of the inputs (non-JSONL inputs are grouped into stories with
 * `groupArticles`, normally one; each JSONL line is its own), with a progress bar; a story that fails is reported with its file and line and the
 * others go on.
 */
export async function forEachStory<T>(
  io: CliIo,
  inputs: readonly string[],
  quiet: boolean,
  label: string,
  build: (cluster: Cluster) => T,
): Promise<{ results: Array<{ id: string; value: T }>; errors: NewsweaveError[] }> {
  const { clusters, errors } = await loadInputs(inputs, { splitLoose: true });
  const bar = progress(io, quiet, clusters.length, label);
  const results: Array<{ id: string; value: T }> = [];
  for (const c of clusters) {
    try {
      results.push({ id: c.id, value: build(c) });
    } catch (e) {
      if (!isNewsweaveError(e)) throw e;
      const file = c.articles[0]?.origin.source;
      const line = c.articles[0]?.origin.line;
      errors.push(
        new NewsweaveError(
          e.code,
          `story ${c.id}: ${e.message}`,
          { ...e.location, file: e.location.file ?? file, line: e.location.line ?? line },
          { cause: e },
        ),
      );
    }
    bar.tick();
  }
  bar.stop();
  return { results, errors };
}

/** Prints errors and turns the outcome into an exit code: 0 all good, 1 any bad input or nothing found. */
export function finish(io: CliIo, found: number, errors: readonly NewsweaveError[]): number {
  reportErrors(io, errors);
  if (found === 0 && errors.length === 0) {
    reportErrors(io, [new NewsweaveError("EMPTY_INPUT", "no articles found in the input")]);
    return 1;
  }
  return errors.length > 0 ? 1 : 0;
}

export function reportErrors(io: CliIo, errors: readonly NewsweaveError[]): void {
  for (const e of errors) io.stderr(`newsweave: error: ${e.describe()}\n`);
}
