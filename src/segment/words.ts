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
  if (start < 0) start = 0;
  if (end > text.length) end = text.length;
  const cache = scopeCache;
  if (
    cache === undefined ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    text.length > MAX_CACHED_TEXT
  )
    return tokenize(text, start, end);
  let byText = cache.get(text);
  if (byText === undefined) {
    byText = new Map();
    cache.set(text, byText);
  }
  const key = start * (text.length + 1) + end;
  let toks = byText.get(key);
  if (toks === undefined) {
    toks = tokenize(text, start, end);
    byText.set(key, toks);
  }
  return toks;
}

/** Texts longer than this are not cached (the span key `start * (length + 1) + end` must stay exact). */
const MAX_CACHED_TEXT = 50_000_000;

/** Tokens by text and span while a `withWordTokenCache` scope runs. */
let scopeCache: Map<string, Map<number, WordToken[]>> | undefined;

/**
 * Runs `f` with `wordTokens` remembering its results, so the stages of one analysis that tokenise the same
 * sentences (alignment, dates, entities, comparison, …) do it once. Inside the scope the arrays returned
 * by `wordTokens` (and their tokens) are shared: callers must not modify them. Nested scopes share the outer cache; the cache
 * is dropped when the outermost scope ends, so nothing is kept between analyses.
 */
export function withWordTokenCache<T>(f: () => T): T {
  if (scopeCache !== undefined) return f();
  scopeCache = new Map();
  try {
    return f();
  } finally {
    scopeCache = undefined;
  }
}

/** CJK unified ideographs (with extension A), hiragana and katakana. */
export function isCjkIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff);
}

function tokenize(text: string, start: number, end: number): WordToken[] {
  const out: WordToken[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) : !isAlnum(c)) {
      i++;
      continue;
    }
    const s = i;
    if (isCjkIdeograph(c)) {
      // Chinese and Japanese are written without spaces: each ideograph or kana is a token
      out.push({ start: s, end: s + 1, norm: text[s]! });
      i++;
      continue;
    }
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
          } else if (isAlnum(k) && !isCjkIdeograph(k)) {
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
