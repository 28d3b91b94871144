import { NewsweaveError } from "../errors.ts";
import {
  isAlnum,
  isApostrophe,
  isDigit,
  isHyphen,
  isLetter,
  isLineBreak,
  isLower,
  isSpace,
  isUpper,
} from "./chars.ts";
import {
  ABBREVIATIONS,
  Abbr,
  CAPITALISED_ABBREVIATIONS,
  DOMAIN_PARTS,
  OPENERS,
  PRONOUNS,
  SPEECH_VERBS,
  TIME_FOLLOWERS,
} from "./lexicon.ts";
import { winkSentenceEnds } from "./wink.ts";

/** A sentence as a trimmed character span of the text, with its 0-based paragraph (line block). */
export interface SentenceSpan {
  start: number;
  end: number;
  paragraph: number;
}

/** Per-text state: wink-nlp's boundaries are computed only when a decision needs them. */
interface Ctx {
  text: string;
  /** Sentence ends by line start, for the lines where a decision needed them. */
  wink: Map<number, number[]>;
}

const DOT = 46;
const EXCLAIM = 33;
const QUESTION = 63;
const ELLIPSIS = 0x2026;
const DQUOTE = 34;

/**
 * Splits text into sentences: trimmed, ordered, non-overlapping spans that together cover every
 * non-whitespace character. Every line break ends a sentence and every non-blank line is one
 * paragraph. Within a line, boundaries are found at terminal punctuation and repaired for news
 * text (abbreviations, initials, quotes, attributions, ellipses, lower-cased text); wink-nlp's
 * sentence boundary detection settles the cases those rules leave open.
 */
export function splitSentences(text: string): SentenceSpan[] {
  if (typeof text !== "string") {
    throw new NewsweaveError(
      "BAD_FIELD",
      `text must be a string, got ${text === null ? "null" : typeof text}`,
      {
        field: "text",
      },
    );
  }
  const out: SentenceSpan[] = [];
  const ctx: Ctx = { text, wink: new Map() };
  const n = text.length;
  let paragraph = 0;
  let i = 0;
  while (i < n) {
    let le = i;
    while (le < n && !isLineBreak(text.charCodeAt(le))) le++;
    let s = i;
    while (s < le && isSpace(text.charCodeAt(s))) s++;
    let e = le;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s < e) {
      splitLine(ctx, s, e, paragraph, out);
      paragraph++;
    }
    i = le + 1;
  }
  return out;
}

/** The ideographic full stop and the full-width "!" and "?" of Chinese and Japanese text. */
function isCjkTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** Closing quotes and brackets after a CJK sentence end: ” ’ 」 』 ） 】. */
const CJK_CLOSERS: ReadonlySet<number> = new Set([0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x3011]);

/** Splits one trimmed line [ls, le) into sentences. */
function splitLine(ctx: Ctx, ls: number, le: number, paragraph: number, out: SentenceSpan[]): void {
  const text = ctx.text;
  let sentStart = ls;
  let quotes = 0; // straight double quotes seen so far on this line
  let i = ls;
  while (i < le) {
    const c = text.charCodeAt(i);
    if (c === DQUOTE) {
      quotes++;
      i++;
      continue;
    }
    if (isCjkTerminal(c)) {
      // "。", "！", "？" end a sentence with no space after them; closing quotes and brackets stay with it
      let b = i + 1;
      while (b < le && (isCjkTerminal(text.charCodeAt(b)) || CJK_CLOSERS.has(text.charCodeAt(b)))) b++;
      let next = b;
      while (next < le && isSpace(text.charCodeAt(next))) next++;
      if (next < le) {
        out.push({ start: sentStart, end: b, paragraph });
        sentStart = next;
      }
      i = next;
      continue;
    }
    if (c !== DOT && c !== EXCLAIM && c !== QUESTION && c !== ELLIPSIS) {
      i++;
      continue;
    }
    // a run of terminal punctuation
    const ts = i;
    let dots = 0;
    let ellipsis = false;
    let bang = false;
    while (i < le) {
      const k = text.charCodeAt(i);
      if (k === DOT) dots++;
      else if (k === ELLIPSIS) ellipsis = true;
      else if (k === EXCLAIM || k === QUESTION) bang = true;
      else if (k === 32 && dots > 0 && i + 1 < le && text.charCodeAt(i + 1) === DOT) {
        // spaced ellipsis ". . ."
        i++;
        continue;
      } else break;
      i++;
    }
    const te = i;
    // closing quotes and brackets that belong to the sentence being closed
    let b = te;
    for (;;) {
      if (b >= le) break;
      const k = text.charCodeAt(b);
      if (k === 0x201d || k === 0x2019 || k === 0xbb || k === 39 || k === 41 || k === 93) {
        b++;
        continue;
      }
      if (k === DQUOTE) {
        // an attached straight quote closes unless it opens the next sentence: `wrote."I am`
        if (quotes % 2 === 0 && b + 1 < le && isAlnum(text.charCodeAt(b + 1))) break;
        quotes++;
        b++;
        continue;
      }
      if (k === 32 || k === 9 || k === 160) {
        // a spaced closing quote: "go . ” he" or a straight quote closing an open one
        let p = b;
        while (p < le && isSpace(text.charCodeAt(p))) p++;
        if (p < le) {
          const q = text.charCodeAt(p);
          const after = p + 1 >= le || isSpace(text.charCodeAt(p + 1));
          if (after && (q === 0x201d || q === 0xbb || (q === DQUOTE && quotes % 2 === 1))) {
            if (q === DQUOTE) quotes++;
            b = p + 1;
            continue;
          }
        }
      }
      break;
    }
    i = b;
    if (b >= le) continue;
    let next = b;
    if (isSpace(text.charCodeAt(b))) {
      while (next < le && isSpace(text.charCodeAt(next))) next++;
    } else if (!isGlued(text, ls, le, ts, te, b, quotes, bang || ellipsis)) continue; // "U.S.-led", "3.5", "a.b"
    const kind = bang ? "bang" : ellipsis || dots >= 3 ? "ellipsis" : "period";
    if (isBoundary(ctx, ls, le, ts, te, b, next, kind)) {
      out.push({ start: sentStart, end: b, paragraph });
      sentStart = next;
    }
  }
  if (sentStart < le) out.push({ start: sentStart, end: le, paragraph });
}

/**
 * A sentence end with the following space lost in scraping: "New York.So what", "happens.\"For more",
 * "wrote.\"I am", "going on?In this". The next word must be capitalised; after a plain period the
 * word before must end in a letter or digit and not be part of a URL, a domain or a dotted acronym.
 */
function isGlued(
  text: string,
  ls: number,
  le: number,
  ts: number,
  te: number,
  b: number,
  quotes: number,
  strong: boolean,
): boolean {
  let w = b;
  for (let k = 0; k < 2 && w < le; k++) {
    const c = text.charCodeAt(w);
    if (c === 0x201c || c === 0x2018 || (c === DQUOTE && quotes % 2 === 0)) w++;
    else break;
  }
  if (w + 1 >= le) return false;
  if (w > b) return isAlnum(text.charCodeAt(w)); // an opening quote right after the end: `store."i'm`
  if (!strong && isLower(text.charCodeAt(w)) && te - ts === 1) return isGluedLower(text, ls, le, ts, w);
  if (!isUpper(text.charCodeAt(w))) return false;
  const second = text.charCodeAt(w + 1);
  const single = text.charCodeAt(w) === 73 || text.charCodeAt(w) === 65; // "I", "A"
  if (!(isLower(second) || (single && (isSpace(second) || isApostrophe(second))))) return false;
  if (strong || b > te) return true;
  const prev = text.charCodeAt(ts - 1);
  if (!isAlnum(prev)) return false;
  let s = ts - 1;
  while (s > ls && !isSpace(text.charCodeAt(s - 1))) {
    const c = text.charCodeAt(s - 1);
    if (c === DOT || c === 47 || c === 64) return false;
    s--;
  }
  return ts - s >= 2;
}

/**
 * "some bad stuff.back in february", "on may 9.sources tell": a lower-case word glued to a period,
 * unless the pair looks like a domain, a file name or a dotted abbreviation.
 */
function isGluedLower(text: string, ls: number, le: number, ts: number, w: number): boolean {
  const prev = text.charCodeAt(ts - 1);
  if (!isAlnum(prev)) return false;
  let s = ts - 1;
  while (s > ls && !isSpace(text.charCodeAt(s - 1))) {
    const c = text.charCodeAt(s - 1);
    if (c === DOT || c === 47 || c === 64 || c === 58) return false;
    s--;
  }
  if (ts - s < 2) return false;
  let e = w;
  while (e < le && isLetter(text.charCodeAt(e))) e++;
  if (e - w < 2) return false;
  if (e < le) {
    const c = text.charCodeAt(e);
    if (isAlnum(c) || c === DOT || c === 47 || c === 64 || c === 95 || c === 45) return false;
  }
  if (ABBREVIATIONS.has(text.slice(s, ts).toLowerCase())) return false; // "etc.and"
  return !DOMAIN_PARTS.has(text.slice(w, e).toLowerCase());
}

/** First letter/digit at or after p, skipping opening punctuation ("“(—); -1 if none nearby. */
function wordStartAfter(text: string, p: number, le: number): number {
  const limit = Math.min(le, p + 4);
  for (let q = p; q < limit; q++) {
    const c = text.charCodeAt(q);
    if (isAlnum(c)) return q;
    if (isSpace(c)) continue;
    if (
      c === DQUOTE ||
      c === 39 ||
      c === 0x201c ||
      c === 0x2018 ||
      c === 40 ||
      c === 91 ||
      c === 0x2014 ||
      c === 0x2013 ||
      c === 45 ||
      c === 0xab ||
      c === 0xbf ||
      c === 0xa1
    )
      continue;
    return -1;
  }
  return -1;
}

/** Lower-cased word starting at w (letters/digits with internal apostrophes, hyphens, periods). */
function wordAt(text: string, w: number, le: number): { word: string; end: number } {
  let e = w;
  while (e < le) {
    const c = text.charCodeAt(e);
    if (isAlnum(c)) e++;
    else if ((isApostrophe(c) || isHyphen(c) || c === DOT) && e + 1 < le && isLetter(text.charCodeAt(e + 1)))
      e++;
    else break;
  }
  return { word: text.slice(w, e).toLowerCase().replace(/[‘’ʼ]/g, "'"), end: e };
}

/**
 * The words after a closing quote, up to `max`, stopping at punctuation: returns them and whether a
 * clause break (, . ; : ! ? or end of line) follows the last one read.
 */
function clauseWords(text: string, w: number, le: number, max: number): { words: string[]; closed: boolean } {
  const words: string[] = [];
  let p = w;
  while (words.length < max) {
    const { word, end } = wordAt(text, p, le);
    words.push(word);
    p = end;
    if (p < le && text.charCodeAt(p) === DOT && ABBREVIATIONS.get(word) === Abbr.Title) p++; // "Mr. Tull said"
    while (p < le && isSpace(text.charCodeAt(p))) p++;
    if (p >= le) return { words, closed: true };
    const c = text.charCodeAt(p);
    if (!isAlnum(c)) {
      const closed =
        c === 44 || c === DOT || c === 59 || c === 58 || c === EXCLAIM || c === QUESTION || c === 0x2014;
      return { words, closed };
    }
  }
  return { words, closed: false };
}

/** "she said", "asked Bob", "Trump told reporters": an attribution of the quote just closed. */
function isAttribution(text: string, w: number, le: number, strict: boolean): boolean {
  const { words, closed } = clauseWords(text, w, le, 11);
  const w1 = words[0] ?? "";
  let verbAt = -1;
  if (SPEECH_VERBS.has(w1)) verbAt = 0;
  else if (PRONOUNS.has(w1) && SPEECH_VERBS.has(words[1] ?? "")) verbAt = 1;
  else {
    const maxAt = Math.min(words.length - 1, strict ? 2 : 4);
    for (let k = 1; k <= maxAt; k++) {
      const word = words[k] as string;
      if (SPEECH_VERBS.has(word)) {
        verbAt = k;
        break;
      }
      if (OPENERS.has(word) && !PRONOUNS.has(word)) break;
    }
  }
  if (verbAt < 0) return false;
  // after a period the attribution must be a short clause: "he said." / "he said in a statement,"
  return !strict || (closed && words.length - verbAt - 1 <= 5);
}

/** The abbreviation class of the word that ends at the period at ts, if any. */
function abbreviationBefore(text: string, ls: number, ts: number): Abbr | "initial" | "list" | undefined {
  let s = ts;
  while (s > ls) {
    const c = text.charCodeAt(s - 1);
    if (
      isSpace(c) ||
      c === 40 ||
      c === 91 ||
      c === DQUOTE ||
      c === 0x201c ||
      c === 0x2018 ||
      isHyphen(c) ||
      c === 0x2014
    )
      break;
    if (c === 47 || c === 64 || c === 58) return undefined; // URLs, e-mail addresses, "a:b"
    s--;
  }
  if (s === ts) return undefined;
  const first = text.charCodeAt(s);
  const key = text.slice(s, ts).toLowerCase();
  const kind =
    ABBREVIATIONS.get(key) ??
    (isUpper(first) || (s >= ls + 2 && text.charCodeAt(s - 2) === 44 && isSpace(text.charCodeAt(s - 1)))
      ? CAPITALISED_ABBREVIATIONS.get(key)
      : undefined);
  if (kind !== undefined) return kind;
  // "10p.m."
  if (isDigit(first)) {
    let d = 0;
    while (d < key.length && isDigit(key.charCodeAt(d))) d++;
    if (d === key.length) {
      // "1. First item" at the start of a line
      return s === ls && d <= 3 ? "list" : undefined;
    }
    return ABBREVIATIONS.get(key.slice(d));
  }
  // initials: "F.", "J.K."
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k);
    if (k % 2 === 0 ? !isLetter(c) : c !== DOT) return undefined;
  }
  // a single initial ("John F. Kennedy") or a dotted acronym ("n.s.a.", "J.K.") that can end a sentence
  return key.length === 1 ? "initial" : key.length % 2 === 1 ? Abbr.Final : undefined;
}

/** Whether the space-free chunk starting at p contains a digit. */
function hasDigit(text: string, p: number, le: number): boolean {
  for (let q = p; q < le; q++) {
    const c = text.charCodeAt(q);
    if (isSpace(c)) return false;
    if (isDigit(c)) return true;
  }
  return false;
}

/**
 * Whether wink-nlp ends a sentence between the terminal punctuation at ts and the next word at next.
 * wink reads only the line [ls, le): every line break ends a sentence anyway, and its cost grows with
 * the length of the text it reads.
 */
function winkSplits(ctx: Ctx, ls: number, le: number, ts: number, next: number): boolean {
  let ends = ctx.wink.get(ls);
  if (ends === undefined) {
    ends = winkSentenceEnds(ctx.text.slice(ls, le)).map((e) => e + ls);
    ctx.wink.set(ls, ends);
  }
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo < ends.length && (ends[lo] as number) <= next;
}

/** Month names written after an ordinal day with a dot: "am 27. Februar", "den 3. mars". */
const ORDINAL_MONTHS = new Set(
  (
    "januar jänner februar märz april mai juni juli august september oktober november dezember " +
    "marts mars maj desember december januari februari maart mei augustus"
  ).split(" "),
);

/**
 * "am 27. Februar 2019": the dot after a day number is an ordinal, not a sentence end, when a German or
 * Nordic preposition comes before the number and a month name after it.
 */
function ordinalDate(text: string, ls: number, ts: number, w: number, le: number): boolean {
  let d = ts;
  while (d > ls && isDigit(text.charCodeAt(d - 1))) d--;
  if (ts - d < 1 || ts - d > 2) return false;
  // after a preposition, or opening a dateline or a date after a comma: "Berlin, 12. März 2024 —"
  if (
    d > ls &&
    !/(?:^|\s)(?:am|vom|zum|bis|seit|ab|den|dem|der|til|fra|på)\s$|,\s$/i.test(
      text.slice(Math.max(ls, d - 6), d),
    )
  )
    return false;
  return ORDINAL_MONTHS.has(wordAt(text, w, le).word);
}

/**
 * A period inside a parenthesis that closes a few characters on, with no sentence end of its own:
 * "(Colo. App. 1998)", "(Pa. Super. Ct. 2004)", "(Ret. Brig. 7)". A parenthesis holding whole
 * sentences ("(He declined. It was late.)") ends in a period and is still split.
 */
function insideShortParenthesis(text: string, ls: number, ts: number, next: number, le: number): boolean {
  let open = false;
  for (let p = ts - 1; p >= Math.max(ls, ts - 120); p--) {
    const c = text.charCodeAt(p);
    if (c === 41 || c === 34 || c === 0x201c || c === 0x201d) return false;
    if (c === 40) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let p = next; p < Math.min(le, next + 32); p++) {
    const c = text.charCodeAt(p);
    if (c === 41) {
      let q = p - 1;
      while (q > ts && isSpace(text.charCodeAt(q))) q--;
      const before = text.charCodeAt(q);
      return !(before === DOT || before === EXCLAIM || before === QUESTION);
    }
    if (c === 40 || c === EXCLAIM || c === QUESTION || c === 34 || c === 0x201c || c === 0x201d) return false;
    // another sentence end before the parenthesis closes
    if (c === DOT && p + 2 < le && isSpace(text.charCodeAt(p + 1)) && isUpper(text.charCodeAt(p + 2)))
      return false;
  }
  return false;
}

/** Decides whether the terminal punctuation [ts, te) plus closers up to b ends a sentence. */
function isBoundary(
  ctx: Ctx,
  ls: number,
  le: number,
  ts: number,
  te: number,
  b: number,
  next: number,
  kind: "bang" | "ellipsis" | "period",
): boolean {
  const text = ctx.text;
  const w = wordStartAfter(text, next, le);
  const wc = w < 0 ? -1 : text.charCodeAt(w);
  const lower = w >= 0 && isLower(wc);
  // closed by a quote mark; brackets alone ("D.C.] continues", "arsenal.) The") do not count
  let closed = false;
  let bracketed = false;
  for (let p = te; p < b; p++) {
    const k = text.charCodeAt(p);
    if (k === 41 || k === 93) bracketed = true;
    else if (!isSpace(k)) closed = true;
  }
  if (bracketed && !closed && lower) return false; // "(D-Mass.) in terms", "[if Washington D.C.] continues"
  if (kind === "bang") {
    // a name written with "!": "E! News", "Yahoo! Finance"
    if (!closed && te - ts === 1 && /(?:^|[\s(])(?:E|Yahoo)$/.test(text.slice(Math.max(ls, ts - 6), ts)))
      return false;
    return !(closed && w >= 0 && isAttribution(text, w, le, false));
  }
  if (kind === "ellipsis") {
    if (closed && lower && isAttribution(text, w, le, true)) return false;
    return !(lower || (w >= 0 && isDigit(wc)));
  }
  if (closed) return !(lower && isAttribution(text, w, le, true));
  if (te - ts === 1 && insideShortParenthesis(text, ls, ts, next, le)) return false;
  const abbr = te - ts === 1 ? abbreviationBefore(text, ls, ts) : undefined;
  if (abbr === undefined) return !(w >= 0 && ordinalDate(text, ls, ts, w, le));
  if (abbr === "list") return false;
  const opener = w >= 0 && OPENERS.has(wordAt(text, w, le).word);
  switch (abbr) {
    case Abbr.Title:
    case Abbr.Inner:
      return false;
    case Abbr.Month:
    case "initial":
      return opener;
    case Abbr.Time:
      // "9:50 a.m. Thursday", "5 p.m. ET" continue; "at 9 a.m. Police said" does not
      if (w < 0) return winkSplits(ctx, ls, le, ts, next);
      if (isDigit(wc) || lower) return false;
      if (opener) return true;
      return !TIME_FOLLOWERS.has(wordAt(text, w, le).word) && winkSplits(ctx, ls, le, ts, next);
    case Abbr.Numeric:
      // "No. 5", "No. #3", "No. LC-USZ62"
      return !(isDigit(wc) || text.charCodeAt(next) === 35 || hasDigit(text, next, le));
    default: {
      // Abbr.Final: "U.S.", "Inc.", "a.m.", "etc."
      if (w < 0) return winkSplits(ctx, ls, le, ts, next);
      if (isDigit(wc) || lower) return false; // "u.s. officials", "etc. and", "Inc. 's"
      if (opener) return true;
      return winkSplits(ctx, ls, le, ts, next);
    }
  }
}
