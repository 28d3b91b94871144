import { isAlnum, isApostrophe, isDigit, isHyphen, isLetter } from "./chars.ts";

export interface WordToken {
  /** Character offset of the token in the text passed in. */
  start: number;
  end: number;
  /** Lower-cased form, curly apostrophes replaced by "'". */
  norm: string;
}

/** A single letter standing alone (not followed by another letter/digit) at i. */
function singleLetterAt(text: string, i: number, end: number): boolean {
  return isLetter(text.charCodeAt(i)) && (i + 1 >= end || !isAlnum(text.charCodeAt(i + 1)));
}

/**
 * End of a dotted abbreviation such as "U.S.", "a.m.", "J.K." starting at i (two or more single
 * letters each followed by a period; the final period may be missing), or -1.
 */
function dottedEnd(text: string, i: number, end: number): number {
  let j = i;
  let letters = 0;
  while (j < end && singleLetterAt(text, j, end)) {
    if (j + 1 < end && text.charCodeAt(j + 1) === 46) {
      letters++;
      j += 2;
    } else {
      if (letters > 0) {
        letters++;
        j += 1;
      }
      break;
    }
  }
  return letters >= 2 ? j : -1;
}

/**
 * Fast word tokenizer over text[start, end): runs of letters/digits, keeping internal apostrophes
 * ("don't", "Kim’s" → "kim's"), internal hyphens ("well-known"), digit groups ("3.5", "1,000",
 * "9:50") and dotted abbreviations ("U.S." → "u.s."). Offsets are absolute in `text`.
 */
export function wordTokens(text: string, start = 0, end: number = text.length): WordToken[] {
  const out: WordToken[] = [];
  if (start < 0) start = 0;
  if (end > text.length) end = text.length;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) : !isAlnum(c)) {
      i++;
      continue;
    }
    const s = i;
    let lower = true;
    let curly = false;
    const d = dottedEnd(text, i, end);
    if (d > 0) {
      i = d;
      lower = false;
    } else {
      for (;;) {
        // a run of letters/digits
        while (i < end) {
          const k = text.charCodeAt(i);
          if (k < 128) {
            if ((k >= 97 && k <= 122) || (k >= 48 && k <= 57)) i++;
            else if (k >= 65 && k <= 90) {
              lower = false;
              i++;
            } else break;
          } else if (isAlnum(k)) {
            lower = false;
            i++;
          } else break;
        }
        if (i + 1 >= end) break;
        const j = text.charCodeAt(i);
        const n = text.charCodeAt(i + 1);
        if (isApostrophe(j) && isLetter(n)) {
          if (j !== 39) curly = true;
          i++;
        } else if (isHyphen(j) && isAlnum(n) && dottedEnd(text, i + 1, end) < 0) {
          i++;
        } else if ((j === 46 || j === 44 || j === 58) && isDigit(n) && isDigit(text.charCodeAt(i - 1))) {
          i++;
        } else break;
      }
    }
    let norm = text.slice(s, i);
    if (!lower) norm = norm.toLowerCase();
    if (curly) norm = norm.replace(/[‘’ʼ]/g, "'");
    out.push({ start: s, end: i, norm });
  }
  return out;
}
