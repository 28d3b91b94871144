/** Reading a request body as JSON: content type, emptiness, syntax errors with line, column and offset. */
import type { Context } from "hono";
import { isNewsweaveError, NewsweaveError } from "../errors.ts";
import { jsonErrorOffset } from "../ingest/jsonpos.ts";

/** Line and column (1-based) of a 0-based offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with a BAD_JSON error that says where the text is broken. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") throw new NewsweaveError("BAD_JSON", "empty body: expected a JSON object");
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = / at position (\d+)/.exec(message);
    let offset = m ? Number(m[1]) : jsonErrorOffset(text);
    if (offset < 0) offset = text.length;
    const { line, column } = lineColumn(text, offset);
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/ \(line \d+ column \d+\)$/, "")
      .replace(/, ".*" is not valid JSON$/s, "")
      .replace(/^Unexpected token '(.)'.*$/s, "unexpected character '$1'");
    throw new NewsweaveError(
      "BAD_JSON",
      `invalid JSON at line ${line}, column ${column} (offset ${offset}): ${reason}`,
      { line, column },
    );
  }
}

const JSON_TYPES = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * The request body parsed as JSON; the body size limit is enforced before this by middleware. The body
 * must be declared JSON: a web page can send text/plain, a form or no type at all to this server without
 * the browser asking it first, but not application/json.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type")?.trim() ?? "";
  if (!JSON_TYPES.test(type))
    throw new NewsweaveError(
      "BAD_MEDIA_TYPE",
      type === ""
        ? "no content type: send the body as application/json"
        : `unsupported content type ${type.split(";")[0]}: send application/json`,
    );
  let text: string;
  try {
    text = await c.req.text();
  } catch (e) {
    if (isNewsweaveError(e)) throw e; // over the size limit
    throw new NewsweaveError("USAGE", "the request body was not received completely");
  }
  return parseJson(text);
}
