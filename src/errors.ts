/** Every failure Newsweave reports carries one of these codes. */
export type ErrorCode =
  | "EMPTY_INPUT" // a file, string or cluster with no usable text
  | "BINARY_INPUT" // looks like a binary file (NUL bytes, control characters)
  | "BAD_ENCODING" // bytes that cannot be decoded in any supported encoding
  | "BAD_JSON" // malformed JSON / JSONL (line and column given)
  | "BAD_XML" // malformed feed XML
  | "BAD_HTML" // HTML with no extractable article
  | "BAD_FIELD" // a JSON field with the wrong type or missing
  | "NOT_FOUND" // a file, directory, story or article that does not exist
  | "TOO_LARGE" // an input over a configured limit
  | "BAD_OPTION" // an option value out of range (e.g. --words 0)
  | "USAGE" // wrong command-line usage
  | "STORE" // the embedded store failed (locked, read-only, corrupt)
  | "BUSY" // the engine is at capacity (analysis queue full, shutting down, or waited too long): retry later
  | "TIMEOUT" // an analysis ran over its time limit and was stopped
  | "BAD_MEDIA_TYPE" // a request body in a media type the API does not read (it reads JSON)
  | "BAD_METHOD" // an HTTP method a route does not offer
  | "FORBIDDEN" // a request from another site, or for a host name the server does not answer to
  | "INTERNAL"; // a bug: should never be seen

export interface ErrorLocation {
  /** File path, URL-less origin name or "<stdin>". */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
  /** 1-based column number. */
  column?: number;
  /** JSON field path such as `documents[2].text`. */
  field?: string;
}

/** One problem of an input that has several (a request body failing validation). */
export interface ErrorIssue {
  field: string;
  message: string;
}

/** The one error class of the library. The CLI maps codes to exit codes, the server to HTTP statuses. */
export class NewsweaveError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  /** Every problem found, when there are several (the first is also `location.field` and the message). */
  readonly issues?: readonly ErrorIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    location: ErrorLocation = {},
    options?: { cause?: unknown; issues?: readonly ErrorIssue[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NewsweaveError";
    this.code = code;
    this.location = location;
    if (options?.issues && options.issues.length > 0) this.issues = options.issues;
  }

  /** "file:line:column: message (field)" — the form the CLI prints. */
  describe(): string {
    const { file, line, column, field } = this.location;
    let where = file ?? "";
    if (line !== undefined) where += `${where ? ":" : "line "}${line}`;
    if (column !== undefined) where += `:${column}`;
    const fieldPart = field ? ` (field ${field})` : "";
    return `${where ? `${where}: ` : ""}${this.message}${fieldPart}`;
  }
}

export function isNewsweaveError(e: unknown): e is NewsweaveError {
  return e instanceof NewsweaveError;
}

/** Wraps anything thrown into a NewsweaveError, keeping the original as cause. */
export function toNewsweaveError(e: unknown, location: ErrorLocation = {}): NewsweaveError {
  if (e instanceof NewsweaveError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new NewsweaveError("INTERNAL", message, location, { cause: e });
}
