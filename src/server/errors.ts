/**
 * HTTP side of errors: every failure leaves the server as `{"error": {"code", "message", ...location}}`
 * with a status chosen from the code of the one error class, NewsweaveError.
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type ErrorCode,
  type ErrorIssue,
  type ErrorLocation,
  isNewsweaveError,
  NewsweaveError,
} from "../errors.ts";

/** Status of each error code. */
export const STATUS_OF_CODE: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  BAD_JSON: 400,
  BAD_FIELD: 400,
  BAD_OPTION: 400,
  USAGE: 400,
  EMPTY_INPUT: 422,
  BINARY_INPUT: 422,
  BAD_ENCODING: 422,
  BAD_XML: 422,
  BAD_HTML: 422,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  STORE: 503,
  BUSY: 503,
  TIMEOUT: 503,
  BAD_MEDIA_TYPE: 415,
  BAD_METHOD: 405,
  FORBIDDEN: 403,
  INTERNAL: 500,
};

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    line?: number;
    column?: number;
    /** Every problem found when a body fails validation (the first is also `field`/`message`). */
    issues?: ErrorIssue[];
  };
}

export interface ErrorResponse {
  status: ContentfulStatusCode;
  body: ApiErrorBody;
}

function bodyOf(
  code: ErrorCode,
  message: string,
  location: ErrorLocation,
  issues?: readonly ErrorIssue[],
): ApiErrorBody {
  const error: ApiErrorBody["error"] = { code, message };
  // `file` is a server-side name ("request", a temp path): only the position inside the body is useful.
  if (location.field !== undefined) error.field = location.field;
  if (location.line !== undefined) error.line = location.line;
  if (location.column !== undefined) error.column = location.column;
  if (issues && issues.length > 0) error.issues = [...issues];
  return { error };
}

/** Turns anything thrown while serving a request into a status and a JSON body. Never leaks a stack. */
export function errorResponse(e: unknown): ErrorResponse {
  if (isNewsweaveError(e)) {
    if (e.code === "INTERNAL") return internal();
    return { status: STATUS_OF_CODE[e.code], body: bodyOf(e.code, e.message, e.location, e.issues) };
  }
  return internal();
}

function internal(): ErrorResponse {
  return {
    status: 500,
    body: bodyOf("INTERNAL", "internal error: the server could not complete the request", {}),
  };
}

/** Serialisable form of an error, for errors crossing a worker boundary. */
export interface WireError {
  code: ErrorCode;
  message: string;
  location: ErrorLocation;
}

export function toWire(e: unknown): WireError {
  if (isNewsweaveError(e)) return { code: e.code, message: e.message, location: e.location };
  const message = e instanceof Error ? e.message : String(e);
  return { code: "INTERNAL", message, location: {} };
}

export function fromWire(w: WireError): NewsweaveError {
  return new NewsweaveError(w.code, w.message, w.location);
}
