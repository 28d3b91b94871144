/**
 * Request bodies of the HTTP API as zod schemas: the single source of validation and of the OpenAPI
 * document. Validation failures become BAD_FIELD errors naming the field (`articles[2].text`).
 */
import { z } from "zod";
import { ALL_SECTIONS, type ReportSection } from "../analyze/report.ts";
import { type ErrorCode, NewsweaveError } from "../errors.ts";
import { STATUS_OF_CODE } from "./errors.ts";

export const MIN_WORDS = 10;
export const MAX_WORDS = 2000;

const sections = ALL_SECTIONS as unknown as [ReportSection, ...ReportSection[]];

const optionalText = (description: string) => z.string().max(2000).optional().describe(description);

export const ArticleInput = z
  .strictObject({
    text: z
      .string()
      .min(1)
      .describe(
        "The article: plain text, an HTML page, an RSS/Atom feed, a news dump (one article per JSON line; see `format`), or a TREC/DUC/TAC SGML collection (`<DOC>` blocks).",
      ),
    format: z
      .enum(["auto", "text", "html", "feed", "jsonl", "sgml"])
      .default("auto")
      .describe(
        "How to read `text`; `auto` detects it from `name` and the content. `jsonl` reads a news dump: every line is one article (or a bench cluster), ids kept; an SGML collection keeps its DOCNO ids too.",
      ),
    name: optionalText("File name or label, used for format detection and as the default id."),
    id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Article id used in citations (unique in the request); defaults to `name` or `article-<n>`."),
    title: optionalText("Headline (overrides one found in the text)."),
    url: optionalText("Where the article was published."),
    outlet: optionalText("Publisher name."),
    author: optionalText("Author."),
    published: optionalText("Publication date, ISO 8601."),
  })
  .describe("One article of the story.");

export const BenchDocument = z
  .object({
    text: z.string().min(1),
    title: z.string().optional(),
    date: z.string().optional(),
  })
  .describe("A document in the bench JSON shape.");

export const ReportOptionsInput = {
  words: z
    .int()
    .min(MIN_WORDS)
    .max(MAX_WORDS)
    .optional()
    .describe("Word budget of the summary (default 230)."),
  sections: z
    .array(z.enum(sections))
    .min(1)
    .optional()
    .describe("Report sections to compute (default: all)."),
};

export const SummarizeRequest = z
  .strictObject({
    articles: z
      .array(ArticleInput)
      .min(1)
      .optional()
      .describe("The story's articles. Give either `articles` or `documents`."),
    documents: z
      .array(BenchDocument)
      .min(1)
      .optional()
      .describe("The story in the bench JSON shape: a bench JSONL line can be posted as it is."),
    id: z.string().max(200).optional().describe("Story id (bench shape)."),
    references: z.array(z.string()).optional().describe("Reference summaries (bench shape; ignored)."),
    source: z.string().optional().describe("Where the cluster comes from (bench shape; ignored)."),
    story: z
      .int()
      .min(1)
      .optional()
      .describe(
        "Group the articles into stories first, as the CLI does (an unrelated page or feed item becomes a story of its own), and report story N, 1 being the one with the most articles. The response then lists every story in `stories`.",
      ),
    ...ReportOptionsInput,
  })
  .describe("Articles of one story (or of several, with `story`) and report options.");

export type SummarizeRequest = z.output<typeof SummarizeRequest>;
export type ArticleInput = z.output<typeof ArticleInput>;

export const IngestRequest = z
  .strictObject({
    articles: z.array(ArticleInput).min(1).describe("Articles to add to the store."),
  })
  .describe("Articles to add to the store; each is assigned to a story.");

export type IngestRequest = z.output<typeof IngestRequest>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(STATUS_OF_CODE) as [ErrorCode, ...ErrorCode[]]).describe("Error code."),
      message: z.string(),
      field: z.string().optional().describe("JSON path of the offending field, e.g. `articles[2].text`."),
      line: z.int().optional().describe("1-based line of a JSON syntax error."),
      column: z.int().optional().describe("1-based column of a JSON syntax error."),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe("Every error response.");

/** `["articles", 2, "text"]` → `articles[2].text`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return "unknown field";
  const msg = issue.message.replace(/^Invalid input: /, "");
  return msg.charAt(0).toLowerCase() + msg.slice(1);
}

/** Validates `value` with `schema`; throws a BAD_FIELD error naming the first bad field (all in `issues`). */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((k) => ({ field: fieldPath([...issue.path, k]), message: issueMessage(issue) }));
    return [{ field: fieldPath(issue.path) || "(body)", message: issueMessage(issue) }];
  });
  const first = issues[0] ?? { field: "(body)", message: "invalid body" };
  return fail(first, issues);
}

/** Most field problems listed in one error. */
export const MAX_ISSUES = 50;

function fail(
  first: { field: string; message: string },
  issues: Array<{ field: string; message: string }>,
): never {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  // the first ones are listed: a body of many bad items must not get an error larger than itself
  throw new NewsweaveError(
    "BAD_FIELD",
    `${first.field}: ${first.message}${more}`,
    { field: first.field },
    { issues: issues.slice(0, MAX_ISSUES) },
  );
}

/** A BAD_FIELD error about one field. */
export function badField(field: string, message: string): NewsweaveError {
  return new NewsweaveError("BAD_FIELD", `${field}: ${message}`, { field }, { issues: [{ field, message }] });
}
