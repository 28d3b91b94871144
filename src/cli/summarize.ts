import { type Command, InvalidArgumentError, Option } from "commander";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { formatSummary, type StorySummary, SUMMARY_FORMATS, type SummaryFormat } from "../format/summary.ts";
import { prepare } from "../pipeline.ts";
import { DEFAULT_WORDS, summarizeDocs } from "../summarize/index.ts";
import { type CliIo, loadInputs, progress, reportErrors } from "./io.ts";
import type { CommandInstaller } from "./main.ts";

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;

interface SummarizeCliOptions {
  words: number;
  format: SummaryFormat;
  quiet?: boolean;
}

/** Commander parser for a whole-number option (range checks happen in the action, as BAD_OPTION). */
export function wholeNumber(name: string) {
  return (value: string): number => {
    if (!/^\s*-?\d+\s*$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number.parseInt(value, 10);
  };
}

export function checkWordsOption(words: number): void {
  if (!Number.isInteger(words) || words <= 0) {
    throw new NewsweaveError("BAD_OPTION", `--words must be a positive whole number, got ${words}`, {
      field: "words",
    });
  }
}

async function runSummarize(io: CliIo, inputs: string[], opts: SummarizeCliOptions): Promise<number> {
  checkWordsOption(opts.words);
  const { clusters, errors } = await loadInputs(inputs);
  const bar = progress(io, Boolean(opts.quiet), clusters.length, "summarizing");
  const stories: StorySummary[] = [];
  for (const c of clusters) {
    try {
      const docs = prepare(c.articles);
      stories.push({ id: c.id, docs, summary: summarizeDocs(docs, { words: opts.words }) });
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
  if (stories.length > 0) io.stdout(formatSummary(stories, opts.format));
  reportErrors(io, errors);
  if (stories.length === 0 && errors.length === 0) {
    reportErrors(io, [new NewsweaveError("EMPTY_INPUT", "no articles found in the input")]);
    return EXIT_BAD_INPUT;
  }
  return errors.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

export const installSummarize: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("summarize")
    .description(
      "summarize a story with citations: all non-JSONL inputs form one story; each JSONL line is its own story",
    )
    .argument("<inputs...>", "files, directories or - for stdin")
    .addOption(
      new Option("-w, --words <n>", "word budget of each summary")
        .argParser(wholeNumber("--words"))
        .default(DEFAULT_WORDS),
    )
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (json: one object, or one per line for several stories)",
      )
        .choices([...SUMMARY_FORMATS])
        .default("text"),
    )
    .option("-q, --quiet", "no progress bar")
    .action(async (inputs: string[], opts: SummarizeCliOptions) =>
      setResult(await runSummarize(io, inputs, opts)),
    );
};
