/**
 * News-stream commands: `ingest` (into the store: duplicates linked, stories clustered online), `stories`
 * (list, filter, search), `story` (a cited summary, saved with an id) and `update` (what is new since a
 * saved summary or a time). The commands only parse options, call the library and format its results.
 */
import { type Command, Option } from "commander";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import {
  counted,
  formatSummary,
  SUMMARY_FORMATS,
  type SummaryFormat,
  summaryToJson,
} from "../format/summary.ts";
import { ingestPath } from "../ingest/index.ts";
import { defaultDbPath, openSqliteStore, type Store } from "../store/index.ts";
import { ingestArticles, type StorySummaryResult, summarizeStory, updateStory } from "../story/index.ts";
import { parseIsoInstant } from "../story/time.ts";
import { DEFAULT_UPDATE_WORDS, listStories, parseSince } from "../story/update.ts";
import { DEFAULT_WORDS } from "../summarize/index.ts";
import type { Article } from "../types.ts";
import { type CliIo, progress, reportErrors } from "./io.ts";
import type { CommandInstaller } from "./main.ts";
import { checkWordsOption, wholeNumber } from "./summarize.ts";

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;

const dbOption = () =>
  new Option("--db <path>", "database file (default $XDG_DATA_HOME/newsweave/newsweave.db)").default(
    undefined,
    "~/.local/share/newsweave/newsweave.db",
  );

async function withStore<T>(
  path: string | undefined,
  mustExist: boolean,
  f: (s: Store) => Promise<T>,
): Promise<T> {
  const store = openSqliteStore(path ?? defaultDbPath(), { mustExist });
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

interface IngestCliOptions {
  db?: string;
  asStream?: boolean;
  quiet?: boolean;
  batch: number;
}

async function runIngest(io: CliIo, inputs: string[], opts: IngestCliOptions): Promise<number> {
  if (!Number.isInteger(opts.batch) || opts.batch <= 0)
    throw new NewsweaveError("BAD_OPTION", `--batch must be a positive whole number, got ${opts.batch}`, {
      field: "batch",
    });
  const articles: Article[] = [];
  const errors: NewsweaveError[] = [];
  for (const p of inputs) {
    try {
      const r = await ingestPath(p);
      articles.push(...r.articles);
      errors.push(...r.errors);
    } catch (e) {
      if (isNewsweaveError(e)) errors.push(e);
      else throw e;
    }
  }
  if (articles.length === 0) {
    reportErrors(
      io,
      errors.length > 0 ? errors : [new NewsweaveError("EMPTY_INPUT", "no articles found in the input")],
    );
    return EXIT_BAD_INPUT;
  }
  const report = await withStore(opts.db, false, async (store) => {
    const bar = progress(io, Boolean(opts.quiet), articles.length, "ingesting");
    let shown = 0;
    try {
      return await ingestArticles(store, articles, {
        batchSize: opts.batch,
        // bench JSONL clusters stay together unless the file is ingested as a stream of independent articles
        groupOf: opts.asStream
          ? undefined
          : (a) =>
              a.origin.cluster !== undefined ? `${a.origin.source}\u0000${a.origin.cluster}` : undefined,
        onProgress: (done) => {
          for (; shown < done; shown++) bar.tick();
        },
      });
    } finally {
      bar.stop();
    }
  });
  errors.push(...report.errors);
  const stories = new Set(
    report.outcomes.filter((o) => o.story !== undefined && o.status !== "exists").map((o) => o.story),
  );
  io.stdout(
    `ingested ${counted(report.added, "article")} into ${counted(stories.size, "story")} ` +
      `(${report.newStories} new, ${counted(report.duplicates, "duplicate")}, ${report.existing} already stored, ` +
      `${counted(report.merges, "merge")})\n`,
  );
  reportErrors(io, errors);
  return errors.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

interface StoriesCliOptions {
  db?: string;
  since?: string;
  search?: string;
  format: "text" | "json";
  limit?: number;
}

function parseTime(value: string, option: string): number {
  const t = parseIsoInstant(value);
  if (t === undefined)
    throw new NewsweaveError(
      "BAD_OPTION",
      `${option} must be an ISO date/time (like 2025-03-01 or 2025-03-01T12:00Z), got "${value}"`,
      { field: option.replace(/^-+/, "") },
    );
  return t;
}

async function runStories(io: CliIo, opts: StoriesCliOptions): Promise<number> {
  const since = opts.since !== undefined ? parseTime(opts.since, "--since") : undefined;
  if (opts.limit !== undefined && !(opts.limit > 0))
    throw new NewsweaveError("BAD_OPTION", `--limit must be a positive whole number, got ${opts.limit}`, {
      field: "limit",
    });
  await withStore(opts.db, true, async (store) => {
    const query = {
      ...(since !== undefined ? { since } : {}),
      ...(opts.search !== undefined && opts.search.trim() !== "" ? { search: opts.search } : {}),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    };
    if (opts.format === "json") {
      io.stdout(`${JSON.stringify(await listStories(store, query), null, 1)}\n`);
      return;
    }
    const list = await store.stories(query);
    if (list.length === 0) {
      io.stdout("no stories\n");
      return;
    }
    for (const s of list) {
      const title = (s.title ?? "").replace(/\s+/g, " ").trim();
      // the days its articles cover (what the story is about in time), not when the store last changed
      const first = s.first.slice(0, 10);
      const last = s.last.slice(0, 10);
      const span = first === last ? first.padEnd(23) : `${first} – ${last}`;
      io.stdout(
        `${s.id.padEnd(8)} ${String(s.articles).padStart(4)} ${s.articles === 1 ? "article " : "articles"} ` +
          `${String(s.sources).padStart(4)} ${s.sources === 1 ? "source " : "sources"}  ` +
          `${span}  ${title}\n`,
      );
    }
  });
  return EXIT_OK;
}

interface SummaryCliOptions {
  db?: string;
  format: SummaryFormat;
  words?: number;
  since?: string;
  quiet?: boolean;
}

function printSummary(
  io: CliIo,
  r: StorySummaryResult,
  format: SummaryFormat,
  quiet: boolean,
  since?: string,
): void {
  const name = r.story.title?.replace(/\s+/g, " ").trim() || r.story.id;
  const heading =
    r.kind === "update"
      ? `What is new in “${name}” since ${since ?? "then"} (${counted(r.newArticles ?? 0, "new article")})`
      : name;
  const story = { id: r.story.id, docs: r.docs, summary: r.summary, heading };
  if (format === "json") {
    const json = {
      ...summaryToJson(story),
      summaryId: r.summaryId,
      kind: r.kind,
      story: r.story,
      ...(r.newArticles !== undefined ? { newArticles: r.newArticles } : {}),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(formatSummary([story], format));
  }
  if (quiet) return;
  if (r.requested.trim() !== r.story.id)
    io.stderr(`newsweave: story ${r.requested} was merged into ${r.story.id}\n`);
  if (r.kind === "update" && r.summary.sentences.length === 0)
    io.stderr(`newsweave: nothing new in ${r.story.id} (${r.newArticles ?? 0} new articles)\n`);
  io.stderr(
    `newsweave: saved as ${r.summaryId}; for what is new later: newsweave update ${r.story.id} --since ${r.summaryId}\n`,
  );
}

async function runStory(io: CliIo, id: string, opts: SummaryCliOptions): Promise<number> {
  const words = opts.words ?? DEFAULT_WORDS;
  checkWordsOption(words);
  const r = await withStore(opts.db, true, (store) => summarizeStory(store, id, { words }));
  printSummary(io, r, opts.format, Boolean(opts.quiet));
  return EXIT_OK;
}

async function runUpdate(io: CliIo, id: string, opts: SummaryCliOptions): Promise<number> {
  const words = opts.words ?? DEFAULT_UPDATE_WORDS;
  checkWordsOption(words);
  if (opts.since === undefined)
    throw new NewsweaveError("USAGE", "update needs --since <summary-id|ISO time>", { field: "since" });
  parseSince(opts.since);
  const since = opts.since;
  const r = await withStore(opts.db, true, (store) => updateStory(store, id, since, { words }));
  printSummary(io, r, opts.format, Boolean(opts.quiet), since);
  return EXIT_OK;
}

const formatOption = () =>
  new Option("-f, --format <format>", "output format").choices([...SUMMARY_FORMATS]).default("text");

export const installStream: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("ingest")
    .description(
      "add articles to the story store: duplicates are linked, each article joins the best story or starts one",
    )
    .argument("<inputs...>", "files, directories, feeds, JSONL files or - for stdin")
    .addOption(dbOption())
    .option("--as-stream", "treat the documents of JSONL clusters as independent articles")
    .addOption(
      new Option("--batch <n>", "articles per transaction").argParser(wholeNumber("--batch")).default(200),
    )
    .option("-q, --quiet", "no progress bar")
    .action(async (inputs: string[], opts: IngestCliOptions) => setResult(await runIngest(io, inputs, opts)));

  program
    .command("stories")
    .description("list the stories in the store, most recently updated first")
    .addOption(dbOption())
    .option("--since <time>", "only stories updated at or after this ISO date/time")
    .option("--search <text>", "only stories with an article containing every word")
    .addOption(new Option("--limit <n>", "at most this many stories").argParser(wholeNumber("--limit")))
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (opts: StoriesCliOptions) => setResult(await runStories(io, opts)));

  program
    .command("story")
    .description("a cited summary of one story (saved, so a later update can tell what is new)")
    .argument("<id>", "story id (like s12)")
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(
      new Option("-w, --words <n>", "word budget").argParser(wholeNumber("--words")).default(DEFAULT_WORDS),
    )
    .option("-q, --quiet", "no notes on stderr")
    .action(async (id: string, opts: SummaryCliOptions) => setResult(await runStory(io, id, opts)));

  program
    .command("update")
    .description("what is new in a story since a saved summary or a time, cited like a summary")
    .argument("<story>", "story id (like s12)")
    .requiredOption("--since <summary-id|time>", "a summary id printed by story/update (sum3) or an ISO time")
    .addOption(dbOption())
    .addOption(formatOption())
    .addOption(
      new Option("-w, --words <n>", "word budget")
        .argParser(wholeNumber("--words"))
        .default(DEFAULT_UPDATE_WORDS),
    )
    .option("-q, --quiet", "no notes on stderr")
    .action(async (id: string, opts: SummaryCliOptions) => setResult(await runUpdate(io, id, opts)));
};
