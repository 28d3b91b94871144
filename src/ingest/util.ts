/** Small helpers shared by the ingest modules: ids and date normalisation. */

/** The name of a source without directories and extension: "a/b/Storm.html" -> "Storm"; stdin -> "stdin". */
export function baseName(source: string): string {
  if (source === "-" || source === "<stdin>") return "stdin";
  const file = source.split(/[\\/]/).pop() ?? source;
  const dot = file.lastIndexOf(".");
  const stem = dot > 0 ? file.slice(0, dot) : file;
  return stem || "input";
}

/** Returns `base` if unused, else `base-2`, `base-3`, …; records the returned id in `used`. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Normalises a date string to ISO 8601. ISO inputs keep their precision and offset ("2025-03-04",
 * "2025-03-04T09:30:00+01:00"); other formats Date understands (RFC 822 "Tue, 04 Mar 2025 09:30:00 +0100")
 * become UTC date-times. Anything else (or a string without a 4-digit year) gives undefined.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (!s) return undefined;
  if (ISO_DATE.test(s)) return s;
  const m = ISO_DATE_TIME.exec(s);
  if (m) {
    const zone = m[3] ? m[3].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "";
    return `${m[1]}T${m[2]!.replace(",", ".")}${zone}`;
  }
  if (!/\b\d{4}\b/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Trimmed non-empty string or undefined. */
export function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.replace(/\s+/g, " ").trim();
  return s || undefined;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
