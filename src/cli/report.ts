import { type Command, Option } from "commander";
import { ALL_SECTIONS, buildReport, type ReportSection } from "../analyze/report.ts";
import { NewsweaveError } from "../errors.ts";
import { formatReport, REPORT_FORMATS, type ReportFormat, type StoryReport } from "../format/report.ts";
import { DEFAULT_WORDS } from "../summarize/index.ts";
import { type CliIo, finish, forEachStory } from "./io.ts";
import type { CommandInstaller } from "./main.ts";
import { checkWordsOption, emptySummaryNote, wholeNumber } from "./summarize.ts";

interface ReportCliOptions {
  words: number;
  format: ReportFormat;
  sections: string;
  quiet?: boolean;
}

function parseSections(value: string): ReportSection[] {
  const wanted = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of wanted) {
    if (!(ALL_SECTIONS as readonly string[]).includes(s)) {
      throw new NewsweaveError(
        "BAD_OPTION",
        `unknown section "${s}" (choose from ${ALL_SECTIONS.join(", ")})`,
        {
          field: "sections",
        },
      );
    }
  }
  return wanted as ReportSection[];
}

async function runReport(io: CliIo, inputs: string[], opts: ReportCliOptions): Promise<number> {
  checkWordsOption(opts.words);
  const sections = parseSections(opts.sections);
  const { results, errors } = await forEachStory(io, inputs, Boolean(opts.quiet), "analysing", (c) => ({
    id: c.id,
    report: buildReport(c.articles, { words: opts.words, sections }),
  }));
  if (results.length > 0)
    io.stdout(
      formatReport(
        results.map((r): StoryReport => r.value),
        opts.format,
      ),
    );
  for (const { value } of results)
    if (value.report.summary?.sentences.length === 0)
      io.stderr(`newsweave: ${emptySummaryNote(value.id, value.report.articles.length, opts.words)}\n`);
  return finish(io, results.length, errors);
}

export const installReport: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("report")
    .description(
      "a story's cited summary, timeline, quotes, entities and where sources agree, disagree or stand alone",
    )
    .argument("<inputs...>", "files, directories or - for stdin (each bench JSONL line is its own story)")
    .addOption(
      new Option("-w, --words <n>", "word budget of the summary")
        .argParser(wholeNumber("--words"))
        .default(DEFAULT_WORDS),
    )
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (json: one object, or one per line for several stories)",
      )
        .choices([...REPORT_FORMATS])
        .default("md"),
    )
    .option(
      "-s, --sections <list>",
      `comma-separated sections (${ALL_SECTIONS.join(",")})`,
      ALL_SECTIONS.join(","),
    )
    .option("-q, --quiet", "no progress bar")
    .action(async (inputs: string[], opts: ReportCliOptions) => setResult(await runReport(io, inputs, opts)));
};
