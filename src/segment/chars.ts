/** Character-class helpers shared by the sentence splitter and the word tokenizer (char-code based). */

/** Cache for code units above 127: 0 = unknown, 1 = letter/digit/mark, 2 = other. */
const wideClass = new Uint8Array(65536);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** Letter, digit or combining mark (any script, BMP). */
export function isAlnum(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let k = wideClass[c];
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
    wideClass[c] = k;
  }
  return k === 1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letter (alnum that is not an ASCII digit). */
export function isLetter(c: number): boolean {
  return c >= 48 && c <= 57 ? false : isAlnum(c);
}

export function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (!isAlnum(c)) return false;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

export function isLower(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  if (!isAlnum(c)) return false;
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase();
}

/** Same set as the JavaScript `\s` class. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Characters that end a line (and so a paragraph): \n, \r, \v, \f, U+2028, U+2029. */
export function isLineBreak(c: number): boolean {
  return (c >= 10 && c <= 13) || c === 0x2028 || c === 0x2029;
}

/** Apostrophe-like marks: ' ‘ ’ ʼ. */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

/** Hyphens that join word parts: - ‐ ‑. */
export function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}
