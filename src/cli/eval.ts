import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { NewsweaveError } from "../errors.ts";
import { SYSTEM_NAMES } from "../eval/baselines.ts";
import { type EvalReport, evaluate, type ItemRow } from "../eval/harness.ts";
import { MULTI_REFERENCE_MODES, type MultiReference } from "../eval/rouge.ts";
import type { ConfidenceInterval } from "../eval/stats.ts";
import { ingestClusterDirs, ingestPath } from "../ingest/index.ts";
import { DEFAULT_WORDS } from "../summarize/index.ts";
import { type CliIo, progress, reportErrors } from "./io.ts";
import type { CommandInstaller } from "./main.ts";
import { checkWordsOption, wholeNumber } from "./summarize.ts";

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;

interface EvalCliOptions {
  data?: string;
  docs?: string;
  refs?: string;
  words: number;
  system: string;
  perItem?: string;
  predictions?: string;
  bootstrap: number;
  seed: number;
  limit?: number;
  format: "text" | "json";
  truncate: boolean;
  bytes?: number;
  references: MultiReference;
  quiet?: boolean;
}

function positive(value: number | undefined, flag: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value <= 0) {
    throw new NewsweaveError("BAD_OPTION", `${flag} must be a positive whole number, got ${value}`, {
      field: flag.replace(/^--/, ""),
    });
  }
}

function parseSystems(list: string): string[] {
  const names = list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new NewsweaveError("BAD_OPTION", "--system needs at least one system name");
  for (const n of names) {
    if (!SYSTEM_NAMES.includes(n)) {
      throw new NewsweaveError("BAD_OPTION", `unknown system "${n}" (known: ${SYSTEM_NAMES.join(", ")})`, {
        field: "system",
      });
    }
  }
  if (new Set(names).size !== names.length)
    throw new NewsweaveError("BAD_OPTION", "--system lists a system twice");
  return names;
}

const f2 = (x: number) => x.toFixed(2);
const ci = (c: ConfidenceInterval) => `${f2(c.mean)} [${f2(c.low)}, ${f2(c.high)}]`;
const signed = (x: number) => {
  const s = f2(x);
  return s.startsWith("-") && Number(s) !== 0 ? s : `+${s.replace(/^-/, "")}`;
};

function table(rows: string[][], rightAlign: (col: number) => boolean): string {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((cell, k) => {
      widths[k] = Math.max(widths[k] ?? 0, cell.length);
    });
  }
  return rows
    .map((r) =>
      r
        .map((cell, k) => (rightAlign(k) ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** What the scores were measured against, for the table's heading. */
function referencesLabel(report: EvalReport): string {
  if (report.maxReferences <= 1) return "the reference";
  if (report.references === "first") return "the first reference";
  const how =
    report.references === "average"
      ? "their model average, as ROUGE-1.5.5 -f A"
      : "the best one per metric, as rouge-score's score_multi";
  return `up to ${report.maxReferences} references per cluster (${how}; the oracle uses the first)`;
}

/** The eval report as a human-readable table plus the paired comparison. */
export function formatEvalText(report: EvalReport, source: string): string {
  const out: string[] = [];
  out.push(
    `${report.clusters} clusters from ${source}, ${report.words} words${report.bytes !== undefined ? `, truncated to ${report.bytes} bytes` : report.truncate ? " (truncated)" : ""}; ` +
      `ROUGE F1 x 100 against ${referencesLabel(report)}, mean [95% bootstrap CI, ${report.bootstrap} resamples]`,
  );
  out.push("");
  const rows = [["system", "R-1", "R-2", "R-L", "R-Lsum", "words", "ms/cluster (median/mean)"]];
  for (const s of report.systems) {
    rows.push([
      s.system,
      ci(s.rouge1),
      ci(s.rouge2),
      ci(s.rougeL),
      ci(s.rougeLsum),
      s.words.toFixed(1),
      `${s.msMedian.toFixed(1)} / ${s.msMean.toFixed(1)}`,
    ]);
  }
  out.push(table(rows, (k) => k > 0 && k < 6));
  out.push(
    `shared preparation (clean + segment), not in the times above: ${report.prepare.msMedian.toFixed(1)} / ` +
      `${report.prepare.msMean.toFixed(1)} ms per cluster (median/mean)`,
  );
  if (report.comparisons.length > 0) {
    const base = report.comparisons[0]!.system;
    out.push("");
    out.push(
      `paired bootstrap: ${base} minus each system (p = share of resamples where ${base} is not better)`,
    );
    const others = [...new Set(report.comparisons.map((c) => c.against))];
    const prow = [["vs", "R-1 diff [95% CI]", "p", "R-2 diff [95% CI]", "p"]];
    for (const o of others) {
      const r1 = report.comparisons.find((c) => c.against === o && c.metric === "rouge1")!;
      const r2 = report.comparisons.find((c) => c.against === o && c.metric === "rouge2")!;
      prow.push([
        o,
        `${signed(r1.meanDiff)} [${signed(r1.low)}, ${signed(r1.high)}]`,
        r1.pValue.toFixed(3),
        `${signed(r2.meanDiff)} [${signed(r2.low)}, ${signed(r2.high)}]`,
        r2.pValue.toFixed(3),
      ]);
    }
    out.push(table(prow, (k) => k > 0));
  }
  if (report.skipped.length > 0) {
    out.push("");
    out.push(
      `skipped ${report.skipped.length} cluster(s): ${report.skipped.map((s) => `${s.id} (${s.reason})`).join(", ")}`,
    );
  }
  return `${out.join("\n")}\n`;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function itemsToCsv(items: readonly ItemRow[]): string {
  const lines = ["id,system,r1,r2,rl,rlsum,words,ms"];
  for (const r of items) {
    lines.push(
      [
        csvCell(r.id),
        csvCell(r.system),
        r.r1.toFixed(4),
        r.r2.toFixed(4),
        r.rl.toFixed(4),
        r.rlsum.toFixed(4),
        String(r.words),
        r.ms.toFixed(3),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content, "utf8");
  } catch (e) {
    const reason = (e as { code?: string }).code === "ENOENT" ? "no such directory" : "cannot write the file";
    throw new NewsweaveError("NOT_FOUND", reason, { file: path }, { cause: e });
  }
}

/** Where the clusters come from: a bench JSONL file, or DUC/TAC-style document and reference directories. */
function dataSource(opts: EvalCliOptions): string {
  const dirs = opts.docs !== undefined || opts.refs !== undefined;
  if (opts.data !== undefined && dirs)
    throw new NewsweaveError("USAGE", "give either --data or --docs with --refs, not both");
  if (opts.data !== undefined) return opts.data;
  if (opts.docs === undefined || opts.refs === undefined)
    throw new NewsweaveError(
      "USAGE",
      dirs
        ? "--docs and --refs go together: a directory of cluster directories and one of reference summaries"
        : "no data: give --data <bench.jsonl>, or --docs <dir> with --refs <dir>",
    );
  return `${opts.docs} (references in ${opts.refs})`;
}

async function runEval(io: CliIo, opts: EvalCliOptions): Promise<number> {
  checkWordsOption(opts.words);
  positive(opts.bootstrap, "--bootstrap");
  positive(opts.limit, "--limit");
  positive(opts.bytes, "--bytes");
  if (opts.bytes !== undefined && !opts.truncate)
    throw new NewsweaveError("USAGE", "--bytes truncates the summaries, so it cannot go with --no-truncate", {
      field: "bytes",
    });
  const systems = parseSystems(opts.system);
  const source = dataSource(opts);
  const { clusters, errors } =
    opts.data !== undefined
      ? await ingestPath(opts.data, { format: "jsonl" })
      : await ingestClusterDirs(opts.docs!, opts.refs!);
  reportErrors(io, errors);
  if (clusters.length === 0)
    throw new NewsweaveError("EMPTY_INPUT", "no usable cluster in the data", { file: source });
  const total = opts.limit !== undefined ? Math.min(opts.limit, clusters.length) : clusters.length;
  const bar = progress(io, Boolean(opts.quiet), total, "evaluating");
  const report = evaluate(clusters, systems, {
    words: opts.words,
    bootstrap: opts.bootstrap,
    seed: opts.seed,
    truncate: opts.truncate,
    bytes: opts.bytes,
    limit: opts.limit,
    references: opts.references,
    onCluster: () => bar.tick(),
  });
  bar.stop();
  if (opts.perItem) await writeOutput(opts.perItem, itemsToCsv(report.items));
  if (opts.predictions) {
    await writeOutput(
      opts.predictions,
      report.predictions
        .map((p) => `${JSON.stringify({ id: p.id, system: p.system, text: p.text })}\n`)
        .join(""),
    );
  }
  if (opts.format === "json") {
    const { items: _items, predictions: _predictions, ...summary } = report;
    io.stdout(
      `${JSON.stringify({ data: source, errors: errors.map((e) => e.describe()), ...summary }, null, 2)}\n`,
    );
  } else {
    io.stdout(formatEvalText(report, source));
  }
  return errors.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

export const installEval: CommandInstaller = (program: Command, io, setResult) => {
  program
    .command("eval")
    .description(
      "score summarizers with ROUGE on bench JSONL clusters (mean, bootstrap CI, paired comparison)",
    )
    .option("-d, --data <file>", 'bench JSONL: {"id","documents":[{"text"}],"references":[...]} per line')
    .option(
      "--docs <dir>",
      "instead of --data, DUC/TAC layout: one subdirectory of articles (any format, SGML too) per cluster",
    )
    .option(
      "--refs <dir>",
      "with --docs: reference summaries, named after their cluster (d30001t: D30001.M.100.T.A, d30001t.ref1, …)",
    )
    .addOption(
      new Option("-w, --words <n>", "word budget; summaries are truncated to it")
        .argParser(wholeNumber("--words"))
        .default(DEFAULT_WORDS),
    )
    .option(
      "-s, --system <names>",
      `comma-separated systems (${SYSTEM_NAMES.join(", ")})`,
      SYSTEM_NAMES.join(","),
    )
    .option("--per-item <file.csv>", "write per-cluster scores: id, system, r1, r2, rl, rlsum, words, ms")
    .option("--predictions <file.jsonl>", 'write every summary as {"id","system","text"} lines')
    .addOption(
      new Option("--bootstrap <n>", "bootstrap resamples")
        .argParser(wholeNumber("--bootstrap"))
        .default(1000),
    )
    .addOption(new Option("--seed <n>", "bootstrap seed").argParser(wholeNumber("--seed")).default(1))
    .addOption(
      new Option("--limit <n>", "evaluate only the first n clusters").argParser(wholeNumber("--limit")),
    )
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-truncate", "score whole summaries (the last sentence may overshoot the budget)")
    .addOption(
      new Option(
        "--bytes <n>",
        "truncate summaries to n bytes instead of the word budget (ROUGE-1.5.5 -b; DUC 2004: 665)",
      ).argParser(wholeNumber("--bytes")),
    )
    .addOption(
      new Option(
        "--references <mode>",
        "several references per cluster: average (ROUGE-1.5.5 -f A), max (best per metric, rouge-score), first",
      )
        .choices([...MULTI_REFERENCE_MODES])
        .default("average"),
    )
    .option("-q, --quiet", "no progress bar")
    .action(async (opts: EvalCliOptions) => setResult(await runEval(io, opts)));
};
