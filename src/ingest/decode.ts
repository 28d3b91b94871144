/** Bytes -> text: BOMs, UTF-16 without BOM, legacy 8-bit encodings, binary detection, newline normalisation. */
import chardet from "chardet";
import iconv from "iconv-lite";
import { NewsweaveError } from "../errors.ts";

/** Leading bytes of common binary formats that a user might pass by mistake. */
const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ["PNG", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["GIF", [0x47, 0x49, 0x46, 0x38]], // GIF8
  ["ZIP", [0x50, 0x4b, 0x03, 0x04]], // also docx/xlsx/epub
  ["ZIP", [0x50, 0x4b, 0x05, 0x06]],
  ["gzip", [0x1f, 0x8b]],
  ["bzip2", [0x42, 0x5a, 0x68]],
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["RAR", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ["ELF", [0x7f, 0x45, 0x4c, 0x46]],
  ["WebAssembly", [0x00, 0x61, 0x73, 0x6d]],
  ["OLE (doc/xls)", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ["SQLite", [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]], // "SQLite f"
];

/** How much of the input is examined for UTF-16 and control-character heuristics. */
const SAMPLE = 64 * 1024;

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Guesses UTF-16 without a BOM from where the zero bytes fall (ASCII-range text has one zero per unit). */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > units * 0.3 && evenZero < units * 0.05) return "utf-16le";
  if (evenZero > units * 0.3 && oddZero < units * 0.05) return "utf-16be";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", source: string): string {
  try {
    // TextDecoder strips a matching BOM itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (e) {
    throw new NewsweaveError(
      "BAD_ENCODING",
      `invalid ${encoding.toUpperCase()} text`,
      { file: source },
      { cause: e },
    );
  }
}

/** Legacy encodings: chardet's guess when it is confident, Windows-1252 otherwise (it decodes any byte). */
function decodeLegacy(bytes: Uint8Array): string {
  const sample = bytes.length > SAMPLE ? bytes.subarray(0, SAMPLE) : bytes;
  const best = chardet.analyse(sample)[0];
  let encoding = "windows-1252";
  if (best && best.confidence >= 30) {
    const name = best.name.toLowerCase();
    if (name === "utf-8") {
      // Mostly UTF-8 with a few broken sequences: keep the text, mark the bad bytes with U+FFFD.
      return new TextDecoder("utf-8").decode(bytes);
    }
    // ISO-8859-1 is read as its superset Windows-1252 (as browsers do) so curly quotes survive.
    if (name !== "iso-8859-1" && name !== "ascii" && iconv.encodingExists(name)) encoding = name;
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Control characters other than tab, LF, VT, FF, CR (and ESC, used in some terminal logs). */
function countControls(text: string, limit: number): number {
  let count = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) ||
      c === 0x7f
    )
      count++;
  }
  return count;
}

/**
 * Decodes a file's bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or detected), other
 * encodings through chardet + iconv-lite (Latin-1 read as Windows-1252). CRLF and CR become LF and a
 * leading BOM is dropped. Throws EMPTY_INPUT for no bytes, BINARY_INPUT for binary data, BAD_ENCODING
 * for invalid UTF-16.
 */
export function decodeBytes(bytes: Uint8Array, source: string): string {
  if (bytes.length === 0) throw new NewsweaveError("EMPTY_INPUT", "empty input", { file: source });
  for (const [name, magic] of MAGIC) {
    if (startsWith(bytes, magic))
      throw new NewsweaveError("BINARY_INPUT", `binary input (looks like ${name}), not text`, {
        file: source,
      });
  }

  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decodeUtf16(bytes, "utf-16le", source);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decodeUtf16(bytes, "utf-16be", source);
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = decodeUtf8OrLegacy(bytes);
  else if (bytes.indexOf(0) === -1) text = decodeUtf8OrLegacy(bytes);
  else {
    // NUL bytes: UTF-16 without a BOM, or binary data.
    const utf16 = sniffUtf16(bytes);
    if (!utf16)
      throw new NewsweaveError("BINARY_INPUT", "binary input (contains NUL bytes), not text", {
        file: source,
      });
    text = decodeUtf16(bytes, utf16, source);
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sampleLength = Math.min(text.length, SAMPLE);
  const controls = countControls(text, sampleLength);
  if (text.indexOf("\0") !== -1 || controls > Math.max(8, sampleLength * 0.01))
    throw new NewsweaveError("BINARY_INPUT", "binary input (control characters), not text", { file: source });
  if (text.indexOf("\r") !== -1) text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "")
    throw new NewsweaveError("EMPTY_INPUT", "input contains only whitespace", { file: source });
  return text;
}

function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return utf8Fatal.decode(bytes); // strips a UTF-8 BOM
  } catch {
    return decodeLegacy(bytes);
  }
}
