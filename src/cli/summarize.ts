import { type Command, InvalidArgumentError, Option } from "commander";
import { NewsweaveError } from "../errors.ts";
import { formatSummary, type StorySummary, SUMMARY_FORMATS, type SummaryFormat } from "../format/summary.ts";
import { prepare } from "../pipeline.ts";
import { budgetSlack, DEFAULT_WORDS, summarizeDocs } from "../summarize/index.ts";
import { type CliIo, finish, forEachStory } from "./io.ts";
import type { CommandInstaller } from "./main.ts";

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

/** Why a story got no summary sentence, for the user. */
export function emptySummaryNote(id: string, articles: number, words: number): string {
  const most = words + budgetSlack(words);
  return `no sentence of ${id} (${articles === 1 ? "1 article" : `${articles} articles`}) could be used for the summary: a summary sentence has at least 6 words and ends with a full stop, question or exclamation mark; captions and headings without a verb are left out${words < 60 ? `; with --words ${words} it may have at most ${most} words, so a larger --words may help` : ""}`;
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
  const { results, errors } = await forEachStory(io, inputs, Boolean(opts.quiet), "summarizing", (c) => {
    const docs = prepare(c.articles);
    return { id: c.id, docs, summary: summarizeDocs(docs, { words: opts.words }) } satisfies StorySummary;
  });
  if (results.length > 0)
    io.stdout(
      formatSummary(
        results.map((r) => r.value),
        opts.format,
      ),
    );
  for (const { value } of results)
    if (value.summary.sentences.length === 0)
      io.stderr(`newsweave: ${emptySummaryNote(value.id, value.docs.length, opts.words)}\n`);
  return finish(io, results.length, errors);
}

export const installSummarize: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("summarize")
    .description(
      "summarize stories with citations: inputs are grouped into stories (a handful of reports is usually one); each bench JSONL line is its own story",
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
