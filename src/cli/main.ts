import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { type CleanFormat, formatClean } from "../format/clean.ts";
import { prepare } from "../pipeline.ts";
import type { Doc } from "../types.ts";
import { installEval } from "./eval.ts";
import { type CliIo, loadInputs, processIo, progress, reportErrors } from "./io.ts";
import { installReport } from "./report.ts";
import { installServe } from "./serve.ts";
import { installStream } from "./stream.ts";
import { installSummarize } from "./summarize.ts";

/** Exit codes: 0 ok, 1 bad input, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export function exitCodeFor(e: NewsweaveError): number {
  return e.code === "USAGE" || e.code === "BAD_OPTION" ? EXIT_USAGE : EXIT_BAD_INPUT;
}

export function parseIntOption(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number.parseInt(value, 10);
  };
}

interface CleanOptions {
  format: CleanFormat;
  quiet?: boolean;
}

async function runClean(io: CliIo, inputs: string[], opts: CleanOptions): Promise<number> {
  const { clusters, errors } = await loadInputs(inputs);
  const total = clusters.reduce((n, c) => n + c.articles.length, 0);
  const bar = progress(io, Boolean(opts.quiet), total, "cleaning");
  const docs: Doc[] = [];
  for (const c of clusters) {
    docs.push(...prepare(c.articles));
    for (let i = 0; i < c.articles.length; i++) bar.tick();
  }
  bar.stop();
  io.stdout(formatClean(docs, opts.format));
  reportErrors(io, errors);
  if (docs.length === 0 && errors.length === 0) {
    reportErrors(io, [new NewsweaveError("EMPTY_INPUT", "no articles found in the input")]);
    return EXIT_BAD_INPUT;
  }
  return errors.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** Each command module adds its command to the program and reports its exit code through setResult. */
export type CommandInstaller = (program: Command, io: CliIo, setResult: (code: number) => void) => void;

const extraCommands: CommandInstaller[] = [
  installSummarize,
  installReport,
  installEval,
  installServe,
  installStream,
];

export function buildProgram(io: CliIo, setResult: (code: number) => void): Command {
  const program = new Command();
  program
    .name("newsweave")
    .description("Turn many news reports into one cited account of a story.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("clean")
    .description(
      "read articles (text, HTML, RSS/Atom, JSONL, Multi-News), strip boilerplate, print sentences",
    )
    .argument("<inputs...>", "files, directories or - for stdin")
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["text", "json", "md"]).default("text"),
    )
    .option("-q, --quiet", "no progress bar")
    .action(async (inputs: string[], opts: CleanOptions) => setResult(await runClean(io, inputs, opts)));

  for (const install of extraCommands) install(program, io, setResult);
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0)
        return EXIT_OK;
      return EXIT_USAGE;
    }
    if (isNewsweaveError(e)) {
      io.stderr(`newsweave: error: ${e.describe()}\n`);
      return exitCodeFor(e);
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`newsweave: internal error: ${msg}\n`);
    return EXIT_BAD_INPUT;
  }
}
