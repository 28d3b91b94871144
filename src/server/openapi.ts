/** The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas that validate the bodies. */
import { z } from "zod";
import { ErrorBody, IngestRequest, SummarizeRequest } from "./schemas.ts";

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

const citation = z.object({
  articleId: z.string(),
  sentence: z.int().describe("Sentence index in the article."),
  start: z.int().describe("Start of the cited sentence in the article's `text`."),
  end: z.int(),
  score: z.number(),
});

const fact = z.looseObject({
  text: z.string(),
  citations: z.array(citation),
  sources: z.int().describe("Number of articles stating it."),
  outlets: z.array(z.string()),
  antecedent: z
    .string()
    .optional()
    .describe('Who an opening "He"/"She" most likely is (from the sentences before).'),
});

/** The report as the library builds it (`src/analyze/report.ts`); objects may carry more fields. */
export const ReportBody = z
  .looseObject({
    articles: z.array(
      z.looseObject({
        id: z.string(),
        title: z.string().optional(),
        outlet: z.string().optional(),
        published: z.string().optional(),
        url: z.string().optional(),
        text: z.string().describe("Clean text; citations and sentences are spans into it."),
        sentences: z.array(z.object({ start: z.int(), end: z.int() })),
      }),
    ),
    stories: z
      .array(
        z.object({
          story: z.int().describe("Its number, for `story` in the request: 1 has the most articles."),
          articles: z.array(z.string()).describe("Ids of its articles."),
          title: z.string().describe("The first headline among them, else the first article's id."),
        }),
      )
      .optional()
      .describe("Every story the articles were grouped into, when the request gave `story`."),
    summary: z
      .object({
        words: z.int(),
        sentences: z.array(
          z.object({
            text: z.string(),
            from: citation,
            support: z.array(citation),
            conflicts: z.array(z.int()).optional().describe("Indexes into `comparison.conflicts`."),
          }),
        ),
      })
      .optional(),
    timeline: z
      .array(
        z.looseObject({
          date: z.string().describe("ISO date (day, month or year, see `granularity`)."),
          granularity: z.enum(["day", "month", "year"]),
          end: z.string().optional(),
          text: z.string(),
          citations: z.array(citation),
          sources: z.int(),
          antecedent: z
            .string()
            .optional()
            .describe('Who an opening "He"/"She" most likely is (from the sentences before).'),
        }),
      )
      .optional(),
    quotes: z.array(z.looseObject({ text: z.string() })).optional(),
    entities: z.array(z.looseObject({ name: z.string(), type: z.string() })).optional(),
    comparison: z
      .looseObject({
        agreed: z.array(fact),
        unique: z.array(fact),
        conflicts: z.array(
          z.looseObject({
            kind: z.string(),
            subject: z.string(),
            values: z.array(
              z.looseObject({ text: z.string(), citations: z.array(citation), outlets: z.array(z.string()) }),
            ),
          }),
        ),
      })
      .optional(),
  })
  .describe("One story's report: articles, cited summary and the requested analysis sections.");

function errorResponses(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: "Invalid JSON (with line and column) or a field with the wrong type (named in `field`).",
    404: "No such story.",
    413: "Body over the size limit, or too many articles.",
    415: "Body is not JSON.",
    422: "An article without usable text.",
    503: "Busy, over the time limit, or the store is unavailable.",
  };
  const out: Record<string, unknown> = {};
  for (const s of statuses)
    out[String(s)] = {
      description: text[s] ?? "Error",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  return out;
}

function json(ref: string): Record<string, unknown> {
  return { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } };
}

export interface OpenApiOptions {
  version: string;
  maxBodyBytes: number;
  maxArticles: number;
  /** Whether the story store routes are available. */
  store: boolean;
}

export function openApiDocument(o: OpenApiOptions): Record<string, unknown> {
  const limits = `Bodies up to ${o.maxBodyBytes} bytes and ${o.maxArticles} articles per request.`;
  const paths: Record<string, unknown> = {
    "/healthz": {
      get: {
        summary: "Liveness check",
        responses: { "200": { description: "The server is up.", content: { "application/json": {} } } },
      },
    },
    "/v1/summarize": {
      post: {
        summary: "Report on one story: cited summary, timeline, quotes, entities, agreement and conflict",
        description: limits,
        requestBody: { required: true, content: json("SummarizeRequest") },
        responses: {
          "200": { description: "The report.", content: json("Report") },
          ...errorResponses(400, 413, 415, 422, 503),
        },
      },
    },
  };
  if (o.store) {
    paths["/v1/articles"] = {
      post: {
        summary: "Add articles to the store (each joins a story)",
        description: limits,
        requestBody: { required: true, content: json("IngestRequest") },
        responses: {
          "201": { description: "Where each article went.", content: { "application/json": {} } },
          ...errorResponses(400, 413, 415, 422, 503),
        },
      },
    };
    paths["/v1/stories"] = {
      get: {
        summary: "Stored stories, most recently updated first",
        responses: {
          "200": { description: "Stories.", content: { "application/json": {} } },
          ...errorResponses(503),
        },
      },
    };
    paths["/v1/stories/{id}"] = {
      get: {
        summary: "One stored story's report",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The report.", content: json("Report") },
          ...errorResponses(404, 503),
        },
      },
    };
    paths["/v1/stories/{id}/updates"] = {
      get: {
        summary: "What is new in a story since a time",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          {
            name: "since",
            in: "query",
            required: true,
            schema: { type: "string" },
            description: "ISO 8601 date-time.",
          },
        ],
        responses: {
          "200": { description: "New articles and sentences.", content: { "application/json": {} } },
          ...errorResponses(400, 404, 503),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Newsweave API",
      version: o.version,
      description:
        "Turns many news reports on one story into a cited summary, timeline, quotes, entities and a " +
        "comparison of the sources. Every error is `{error: {code, message}}`.",
    },
    paths,
    components: {
      schemas: {
        SummarizeRequest: schema(SummarizeRequest),
        IngestRequest: schema(IngestRequest),
        Report: schema(ReportBody, "output"),
        Error: schema(ErrorBody, "output"),
      },
    },
  };
}
