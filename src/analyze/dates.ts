/**
 * Date expressions in a cleaned article: found with chrono-node (plus a small year parser and range
 * joiner), filtered for false hits, and resolved to calendar dates against the article's reference date.
 *
 * The reference date is a resource: the caller's option, the publication date from ingest metadata, or a
 * full date in a removed dateline. The clock is never read. An article without a reference keeps its
 * relative expressions ("on Tuesday", "last month") unresolved; only self-contained expressions ("June
 * 12, 2018", "in 2009") and expressions anchored by an absolute date earlier in the same paragraph ("the
 * next day", "March 5" after "March 3, 2019") are resolved there.
 */
import * as chrono from "chrono-node";
import { franc } from "franc-min";
import { NewsweaveError } from "../errors.ts";
import { wordTokens } from "../segment/index.ts";
import type { Doc } from "../types.ts";
import { overlapTester } from "./overlap.ts";

export type Granularity = "day" | "month" | "year";

/** A calendar date. A range ("March 3-5", "last week") also has `start` and `end` (days, inclusive). */
export interface ResolvedDate {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY" (for a range: its first day). */
  date: string;
  granularity: Granularity;
  start?: string;
  end?: string;
}

/** What a resolution rests on: the reference date (from metadata or the caller), a dateline, the text itself. */
export type DateAnchor = "published" | "dateline" | "text" | "none";

export type Tense = "past" | "future" | "unknown";

export interface DateMention {
  articleId: string;
  /** Sentence index in the article. */
  sentence: number;
  /** Character span of the expression in the clean text. */
  start: number;
  end: number;
  text: string;
  /** Undefined when the expression cannot be resolved from the article (no invented dates). */
  resolved?: ResolvedDate;
  anchor: DateAnchor;
  /** Whether the expression's value depends on a reference date ("Tuesday", "last month", "March 3"). */
  relative: boolean;
  /** Tense of the clause around the expression (used to pick past or future occurrences). */
  tense: Tense;
}

export interface DateOptions {
  /** Reference (publication) date, ISO 8601 date or date-time; overrides the article's metadata. */
  reference?: string;
}

// ---------------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Pure: no clock.

const DAY_MS = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function ymd(n: number): { y: number; m: number; d: number } {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

function isoDay(n: number): string {
  const { y, m, d } = ymd(n);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

function dayResult(n: number): ResolvedDate {
  return { date: isoDay(n), granularity: "day" };
}

function rangeResult(a: number, b: number): ResolvedDate {
  return { date: isoDay(a), granularity: "day", start: isoDay(a), end: isoDay(b) };
}

function monthResult(y: number, m: number): ResolvedDate {
  return { date: `${pad4(y)}-${pad2(m)}`, granularity: "month" };
}

function yearResult(y: number): ResolvedDate {
  return { date: pad4(y), granularity: "year" };
}

/** First and last day number covered by a resolved date. */
export function dateInterval(r: ResolvedDate): [number, number] {
  if (r.start && r.end) return [parseIsoDay(r.start)!, parseIsoDay(r.end)!];
  const [y, m, d] = dateParts(r.date);
  if (r.granularity === "year") return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
  if (r.granularity === "month") return [dayNumber(y, m!, 1), dayNumber(y, m!, daysInMonth(y, m!))];
  const n = dayNumber(y, m!, d!);
  return [n, n];
}

/** Whether s[from, to) is all ASCII digits. */
function digitsAt(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `Number` of the digits s[from, to). */
function digitValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** `s.split("-").map(Number)`, without the arrays for the usual "YYYY", "YYYY-MM", "YYYY-MM-DD". */
function dateParts(s: string): [number, number?, number?] {
  const n = s.length;
  if (
    (n === 4 || n === 7 || n === 10) &&
    digitsAt(s, 0, 4) &&
    (n === 4 ||
      (s.charCodeAt(4) === 45 &&
        digitsAt(s, 5, 7) &&
        (n === 7 || (s.charCodeAt(7) === 45 && digitsAt(s, 8, 10)))))
  ) {
    const y = digitValue(s, 0, 4);
    if (n === 4) return [y];
    const m = digitValue(s, 5, 7);
    return n === 7 ? [y, m] : [y, m, digitValue(s, 8, 10)];
  }
  return s.split("-").map(Number) as [number, number?, number?];
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;

/** Day number of an ISO date or date-time (its calendar date as written, offset ignored), or undefined. */
export function parseIsoDay(s: string): number | undefined {
  const m = ISO_DAY.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

// ---------------------------------------------------------------------------------------------------
// Reference date of an article.

const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
const MONTH_WORD =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const FULL_DATE_MDY = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const FULL_DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD}),?\\s+(\\d{4})\\b`, "i");

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/** A full calendar date written in prose ("Jan. 5, 2019", "5 January 2019"), as a day number. */
function proseDate(text: string): number | undefined {
  let m = FULL_DATE_MDY.exec(text);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    mo = monthIndex(m[1]!);
    d = Number(m[2]);
    y = Number(m[3]);
  } else {
    m = FULL_DATE_DMY.exec(text);
    if (!m) return parseIsoDay(text.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "");
    d = Number(m[1]);
    mo = monthIndex(m[2]!);
    y = Number(m[3]);
  }
  if (mo < 1 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

export interface Reference {
  day: number;
  anchor: "published" | "dateline";
}

/**
 * The date an article's relative expressions are read against: the `reference` option, else the
 * publication date (ingest metadata or an update stamp), else a full date in a removed dateline.
 * Undefined when the article carries none: its relative expressions then stay unresolved.
 */
export function referenceOf(doc: Doc, options: DateOptions = {}): Reference | undefined {
  if (options.reference !== undefined) {
    const day = typeof options.reference === "string" ? parseIsoDay(options.reference) : undefined;
    if (day === undefined) {
      throw new NewsweaveError(
        "BAD_OPTION",
        `reference must be an ISO 8601 date such as 2019-01-31, got ${JSON.stringify(options.reference)}`,
        { field: "reference" },
      );
    }
    return { day, anchor: "published" };
  }
  const a = doc.article;
  const published = a.published !== undefined ? parseIsoDay(a.published) : undefined;
  if (published !== undefined) return { day: published, anchor: "published" };
  if (a.updated) {
    const day = proseDate(a.updated);
    if (day !== undefined) return { day, anchor: "published" };
  }
  for (const r of a.removed ?? []) {
    if (r.reason !== "dateline") continue;
    const day = proseDate(a.raw.slice(r.start, r.end));
    if (day !== undefined) return { day, anchor: "dateline" };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Tense of the clause around an expression.

const FUTURE_CUES = new Set(
  "will 'll shall won't wo would 'd upcoming scheduled slated expected planned coming expect expects".split(
    " ",
  ),
);
/** Future only before "to" or "for": "plans to vote", "set for Tuesday", "going to". */
const FUTURE_BEFORE_TO = new Set(
  "plan plans planning intends intend set going due hope hopes aim aims".split(" "),
);
const PAST_CUES = new Set(
  (
    "was were had did been ago since met held said told took made began went came found gave saw spoke wrote won lost " +
    "left led sent brought bought thought knew got put ran kept fell rose struck broke chose drove flew grew heard " +
    "hid hung laid meant paid rode rang sat sold shook stood stole swore taught threw understood woke wore became " +
    "fought caught dealt felt fled forgot forgave froze lay lit overcame overtook sank sang slept slid spent split " +
    "spread sprang stuck stung swept swam swung tore wept withdrew wound earlier previously already ended"
  ).split(" "),
);
/** Words ending in -ed that are not past verbs (or point forward). */
const NOT_PAST_ED = new Set(
  "need needed speed seed feed bed red shed breed indeed proceed exceed succeed hundred kindred sacred wicked naked scheduled expected planned slated intended supposed".split(
    " ",
  ),
);

const BE = new Set(["be", "been", "being", "is", "are", "am", "was", "were", "get", "got", "gets"]);
const MODAL_FUTURE = new Set(["will", "shall", "won't", "wo", "would", "'d"]);

interface Cue {
  tense: Tense;
  /** Auxiliaries and irregular forms are strong; a bare -ed form is weak (it may be an adjective). */
  strong: boolean;
}

function bareCue(norm: string): Cue | undefined {
  if (FUTURE_CUES.has(norm) || norm.endsWith("'ll")) return { tense: "future", strong: true };
  if (PAST_CUES.has(norm)) return { tense: "past", strong: true };
  if (norm.length > 4 && norm.endsWith("ed") && !NOT_PAST_ED.has(norm) && /^[a-z]+$/.test(norm))
    return { tense: "past", strong: false };
  return undefined;
}

/**
 * The tense a token signals. A participle after a form of "be" takes the tense of its auxiliary chain:
 * "will be waived" and "to be held" point forward, "was closed" back, "is closed" nowhere.
 */
function cueAt(toks: readonly { norm: string }[], k: number): Cue | undefined {
  const norm = toks[k]!.norm;
  if (FUTURE_BEFORE_TO.has(norm)) {
    const next = toks[k + 1]?.norm;
    return next === "to" || next === "for" ? { tense: "future", strong: true } : undefined;
  }
  // "leave 15 minutes earlier", "an hour later": a comparison of times, not the tense of the clause
  if (
    (norm === "earlier" || norm === "later") &&
    /^(?:seconds?|minutes?|hours?)$/.test(toks[k - 1]?.norm ?? "")
  )
    return undefined;
  const c = bareCue(norm);
  if (!c) return undefined;
  if (c.tense === "past" && !BE.has(norm) && norm !== "had" && norm !== "did") {
    const prev = toks[k - 1]?.norm;
    if (prev !== undefined && BE.has(prev)) {
      const prev2 = toks[k - 2]?.norm ?? "";
      if (prev === "was" || prev === "were" || prev === "got") return { tense: "past", strong: true };
      if (prev === "been")
        return /^(?:will|would|shall)$/.test(toks[k - 3]?.norm ?? "")
          ? { tense: "future", strong: true }
          : { tense: "past", strong: true };
      if (prev === "be" && (MODAL_FUTURE.has(prev2) || prev2 === "to" || prev2.endsWith("'ll")))
        return { tense: "future", strong: true };
      return undefined;
    }
  }
  return c;
}

/** Whether text[from, to) holds a clause break: , ; : ( ) “ ” " — – */
function hasClauseBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 44 ||
      c === 59 ||
      c === 58 ||
      c === 40 ||
      c === 41 ||
      c === 34 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x2014 ||
      c === 0x2013
    )
      return true;
  }
  return false;
}
const CLAUSE_WORDS = new Set([
  "that",
  "while",
  "but",
  "and",
  "when",
  "which",
  "who",
  "because",
  "until",
  "after",
  "before",
]);

/** ", county officials said.", ", she told reporters on Monday.": an attribution closing the sentence. */
const ATTRIBUTION_TAIL =
  /[,;]\s*(?:[^,;.!?“”"]{0,60}?\s)?(?:said|says|told|tells|added|adds|wrote|writes|reported|reports|according to)\b[^,;!?“”"]{0,60}[.!?]?["”]?\s*$/u;

/** Characters on each side of a date expression its patterns look at ("on", "the end of", "than"). */
const CONTEXT = 120;

/** Characters on each side of a date expression read for its tense (about 80 words). */
const TENSE_WINDOW = 500;

/**
 * Tense of the clause around [start, end): the nearest cue inside the clause (bounded by punctuation and
 * conjunctions); else the nearest strong cue in the sentence; else the nearest weak one.
 */
export function tenseAround(text: string, sStart: number, sEnd: number, start: number, end: number): Tense {
  // the words around the expression decide; reading a whole run-on "sentence" of pasted text for each of
  // its thousands of dates would take time growing with the square of its length
  const from = Math.max(sStart, start - TENSE_WINDOW);
  const to = Math.min(sEnd, end + TENSE_WINDOW);
  const toks = wordTokens(text, from, to);
  // an attribution after the expression's clause (", county officials said.") tells when it was said,
  // not when the event is: its verb is no cue
  const tail = to === sEnd ? ATTRIBUTION_TAIL.exec(text.slice(end, sEnd)) : null;
  const tailStart = tail ? end + tail.index : sEnd;
  let first = toks.findIndex((t) => t.end > start);
  if (first < 0) first = toks.length;
  let last = first;
  while (last < toks.length && toks[last]!.start < end) last++;
  const cues: { tense: Tense; strong: boolean; dist: number; inClause: boolean; before: boolean }[] = [];
  let inClause = true;
  for (let k = first - 1, dist = 1; k >= 0; k--, dist++) {
    if (hasClauseBreak(text, toks[k]!.end, k + 1 < first ? toks[k + 1]!.start : start)) inClause = false;
    const c = cueAt(toks, k);
    if (c) cues.push({ tense: c.tense, strong: c.strong, dist, inClause, before: true });
    if (CLAUSE_WORDS.has(toks[k]!.norm)) inClause = false;
  }
  inClause = true;
  for (let k = last, dist = 1; k < toks.length && toks[k]!.start < tailStart; k++, dist++) {
    if (
      hasClauseBreak(text, k === last ? end : toks[k - 1]!.end, toks[k]!.start) ||
      CLAUSE_WORDS.has(toks[k]!.norm)
    )
      inClause = false;
    const c = cueAt(toks, k);
    if (c) cues.push({ tense: c.tense, strong: c.strong, dist, inClause, before: false });
  }
  if (cues.length === 0) return "unknown";
  const order = (a: (typeof cues)[0], b: (typeof cues)[0]) =>
    a.dist - b.dist || (a.tense === b.tense ? 0 : a.tense === "future" ? -1 : 1);
  // in the clause, the verb governing a time expression usually precedes it ("said Tuesday", "approved
  // by the county on Tuesday will…"): cues before the expression first, then after
  // (a bare -ed form nearer the date may be an adjective: "will reopen the flooded terminal on March 20")
  const before = cues.filter((c) => c.inClause && c.before).sort(order);
  const strongBefore = before.find((c) => c.strong);
  if (strongBefore) return strongBefore.tense;
  if (before.length > 0) return before[0]!.tense;
  const inside = cues.filter((c) => c.inClause).sort(order);
  if (inside.length > 0) return inside[0]!.tense;
  const strong = cues.filter((c) => c.strong).sort(order);
  if (strong.length > 0) return strong[0]!.tense;
  return cues.sort(order)[0]!.tense;
}

// ---------------------------------------------------------------------------------------------------
// Detection.

/** Sentences handed to chrono: a month, weekday, year, digit or relative-time word. */
const CUE_RE = new RegExp(
  `${MONTH_WORD}|\\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\b|\\b(?:today|tonight|yesterday|tomorrow|week|weeks|weekend|month|months|year|years|day|days|ago)\\b|\\d`,
  "i",
);

/**
 * A second, narrower condition before chrono (the costly part): a whole month or weekday name, a day
 * word, a time unit, "ago"/"later"/"earlier", a four-digit number or an abbreviated unit after a digit.
 * Every chrono result `classify` keeps carries one of these, so sentences with only small numbers
 * ("7-2 vote", "$15 million") or month letters inside words ("market", "decide") skip chrono.
 */
const DATE_SHAPE_RE = new RegExp(
  "\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b" +
    "|\\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\\b" +
    "|\\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnight|months?|quarters?|years?|decades?|ago|later|earlier)\\b" +
    "|\\d{4}|\\d\\s*(?:d|w|mo|mos|y|yr|yrs|qtr|h|hr|hrs|m|min|mins|s|sec)\\b",
  "i",
);

const WEEKDAY_RE =
  /\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\b\.?/i;
const EXPLICIT_YEAR = /\b(1[5-9]\d\d|20\d\d)\b/;
const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** Words before a bare month name that make it a date ("in May", "since November"). */
const MONTH_LEAD =
  /\b(?:in|since|until|till|by|of|from|to|through|thru|during|before|after|early|mid|late|last|next|this|around|end|start|beginning|middle|and|or|between)\s*-?\s*$/i;
/** Words that make a weekday part of a name: "Black Friday", "Super Tuesday", "Easter Sunday". */
const DAY_NAME_MODIFIERS = new Set(
  "black good super ash easter palm cyber bloody holy fat maundy giving small whit".split(" "),
);
/** Words before a weekday that make it a date even when a capitalised word follows. */
const WEEKDAY_LEAD =
  /\b(?:on|last|next|this|since|until|till|by|from|through|early|late|said|says|told|before|after|that)\s+$/i;

const ANAPHORIC_RE =
  /^(?:the\s+(?:(next|following|previous|prior)\s+(day|morning|afternoon|evening|night|week|month|year))|(?:(\d+|[a-z]+)\s+(days?|weeks?|months?|years?)\s+(later|earlier|before|after))|(?:(?:the\s+)?day\s+(before|after))|(?:that|the\s+same)\s+day)$/i;

interface Candidate {
  start: number;
  end: number;
  text: string;
  result?: chrono.ParsedResult;
  kind:
    | "absolute"
    | "monthday"
    | "month"
    | "weekday"
    | "weekend"
    | "casual"
    | "ago"
    | "week"
    | "year"
    | "anaphoric";
  rangeEnd?: { month?: number; day?: number; year?: number };
  relativeWord?: string;
  /** "early March", "mid-March", "late March", "the end of March": a part of the month, not all of it. */
  part?: MonthPart;
}

type MonthPart = "early" | "mid" | "late";

const PART_BEFORE =
  /\b(?:(early|mid|late)\s*-?|(?:the\s+)?(beginning|start|middle|end|close)\s+of(?:\s+the\s+month\s+of)?)\s*$/i;
const PART_INSIDE = /^(?:the\s+)?(beginning|start|middle|end|close)\s+of\s/i;
const DEADLINE = /\b(?:through|thru|until|till|by|before)\s+(?:the\s+)?(?:end|close)\s+of\s+$/i;
const DEADLINE_BARE = /\b(?:through|thru|until|till|by|before)\s+(?:the\s+)?$/i;

/** The part of the month an expression names, from the words before it or its own opening words. */
function monthPart(before: string, lower: string): MonthPart | undefined {
  // "through the end of March", "by the end of the month": a deadline, its last day
  if (DEADLINE.test(before) || (PART_INSIDE.test(lower) && DEADLINE_BARE.test(before))) return undefined;
  const m = PART_BEFORE.exec(before) ?? PART_INSIDE.exec(lower);
  const word = (m?.[1] ?? m?.[2])?.toLowerCase();
  if (!word) return undefined;
  if (word === "early" || word === "beginning" || word === "start") return "early";
  if (word === "mid" || word === "middle") return "mid";
  return "late";
}

/** Days 1–10, 11–20 or 21–end of the month of a month-level (or day-level, when the day was not written) date. */
function withinMonth(r: ResolvedDate, part: MonthPart): ResolvedDate {
  const [y, m] = dateParts(r.date);
  if (m === undefined) return r;
  const first = part === "early" ? 1 : part === "mid" ? 11 : 21;
  const last = part === "early" ? 10 : part === "mid" ? 20 : daysInMonth(y, m);
  return rangeResult(dayNumber(y, m, first), dayNumber(y, m, last));
}

const SENTINEL = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

function refInstant(day: number): chrono.ParsingReference {
  return { instant: new Date(day * DAY_MS + 12 * 3_600_000), timezone: 0 };
}

const QUANTITY_AFTER =
  /^\s*(?:%|percent|per\b|people|persons|residents|votes|voters|troops|soldiers|students|jobs|units|homes|cases|deaths|vehicles|cars|miles|kilometers|km|feet|meters|pounds|tons|dollars|euros|barrels|acres|square|calories|words|pages|times|hours|minutes|seconds|points|yards|rounds|members|employees|workers|acres|shares|copies|items|\+)/i;
const QUANTITY_BEFORE =
  /(?:[$€£#]|\bNo\.|\bno\.|\bnumber|\babout|\bnearly|\bsome|\bover|\bthan|\bunder|\bup to|\bat least|\broughly|\balmost|\bapproximately|\bRoute|\bI-|\bfrom \d+ to)\s*$|[\d,.:/]$|\d[,.:/]?\s+$/i;
const YEAR_LEAD =
  /\b(?:in|since|by|until|till|through|from|during|before|after|of|around|circa|c\.|early|mid|late|mid-|year|copyright|spring|summer|fall|autumn|winter|the end of|the start of|the beginning of|between|and|or|to)\s*-?\s*$/i;
const YEAR_MODIFIER_LEAD = /(?:\bthe|\ba|\ban|\bhis|\bher|\btheir|\bits|\bour|'s|’s)\s+$/i;

/** Bare years chrono does not see: "in 2009", "the 1961 bridge", "Copyright 1902", "1864 or 1865". */
function findYears(text: string, from: number, to: number, taken: (s: number, e: number) => boolean) {
  const out: Candidate[] = [];
  const re = /\b(1[5-9]\d\d|20\d\d)(?:\s*[-–]\s*(\d{4}|\d{2}))?\b/g;
  re.lastIndex = from;
  const slice = text.slice(0, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const s = m.index;
    const e = s + m[0].length;
    if (taken(s, e)) continue;
    const after = text.slice(e, Math.min(to, e + 20));
    const before = text.slice(Math.max(from, s - 30), s);
    if (/^(?:s\b|'s\b|’s\b|,\d|\.\d|\d)/.test(after)) continue; // decades, numbers with separators
    if (QUANTITY_AFTER.test(after) || /^\s+block\b/i.test(after)) continue;
    const lead = YEAR_LEAD.test(before);
    const modifier = YEAR_MODIFIER_LEAD.test(before) && /^\s+[A-Za-z]/.test(after);
    const tail = /,\s*$/.test(before) && /^\s*(?:[.)]|$)/.test(after);
    const parenthetical = /\(\s*$/.test(before) && /^\s*\)/.test(after);
    const afterYear =
      out.length > 0 &&
      /^\s*(?:,\s*(?:and|or)?|or|and|to|through|-|–)\s*$/.test(text.slice(out[out.length - 1]!.end, s));
    // News style writes quantities from 1,000 up with a comma, so a bare 1800-2099 is a year unless a
    // quantity word stands before it ("some 2000", "$2000", "No. 1999")
    const bare = Number(m[1]) >= 1800 && !QUANTITY_BEFORE.test(before);
    if (!lead && !modifier && !tail && !parenthetical && !afterYear && !bare) continue;
    // glued to a number ("1.2000", "3,1999") or after one ("12 1998"); "(Colo. App. 1998)" is a year
    if (!afterYear && (/[\d,.]$/.test(before) || /\d\s+$/.test(before))) continue;
    const c: Candidate = { start: s, end: e, text: m[0], kind: "year" };
    // "between 2007 and 2017", "from 2009 to 2012": one span of years
    const rest = after + text.slice(e + 20, e + 30);
    const span = /\bbetween\s+$/i.test(before)
      ? /^\s+and\s+(1[5-9]\d\d|20\d\d)\b(?!s|['’]s|,\d)/.exec(rest)
      : /\bfrom\s+$/i.test(before)
        ? /^\s+(?:to|through|until)\s+(1[5-9]\d\d|20\d\d)\b(?!s|['’]s|,\d)/.exec(rest)
        : null;
    if (!m[2] && span && Number(span[1]) > Number(m[1])) {
      c.rangeEnd = { year: Number(span[1]) };
      c.end = e + span[0].length;
      c.text = text.slice(s, c.end);
      out.push(c);
      re.lastIndex = c.end;
      continue;
    }
    if (m[2]) {
      const y1 = Number(m[1]);
      const y2 = m[2].length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
      if (y2 > y1 && y2 - y1 < 50) c.rangeEnd = { year: y2 };
      else {
        c.end = s + 4;
        c.text = m[1]!;
      }
    }
    out.push(c);
  }
  return out;
}

/** Anaphoric expressions chrono misses or reads against the reference: "the following day", "two years later". */
const ANAPHORIC_SCAN =
  /\bthe\s+(?:following|previous|prior|next)\s+(?:day|morning|afternoon|evening|night|week|month|year)\b|\bthe\s+day\s+(?:before|after)\b(?!\s*[\p{L}\d])|\b(?:that|the\s+same)\s+day\b|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier)\b(?!\s+than)/giu;

/**
 * Every match of ANAPHORIC_SCAN contains one of these words, and one of its direction words (same flags, so
 * the same case folding): cheap tests that skip the scan on most sentences.
 */
const ANAPHORIC_HINT = /day|week|month|year|morning|afternoon|evening|night/iu;
const ANAPHORIC_DIRECTION =
  /following|previous|prior|next|later|earlier|before|after|that\s+day|same\s+day/iu;

/** Relative expressions chrono misses: "two weeks back". */
const BACK_RE =
  /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(days?|weeks?|months?|years?)\s+back\b/gi;
/** Every match of BACK_RE contains "back". */
const BACK_HINT = /back/i;

function classify(r: chrono.ParsedResult, sentence: string): Candidate | undefined {
  const t = r.text.replace(/[\s,]+$/, "");
  const s = r.start;
  const start = r.index;
  const end = r.index + t.length;
  const lower = t.toLowerCase();
  const base = { start, end, text: t, result: r };
  // the words right around the expression (a bounded window: each test is anchored at its edge)
  const before = sentence.slice(Math.max(0, start - CONTEXT), start);
  const after = sentence.slice(end, end + CONTEXT);
  // "This Week", "Next Year" capitalised inside a sentence: a title
  if (start > 0 && /^(?:This|Last|Next|Past)\s+(?:Week|Month|Year|Weekend)\b/.test(t)) return undefined;
  // time-only, "now", "morning", "night"
  if (!s.isCertain("day") && !s.isCertain("month") && !s.isCertain("weekday") && !s.isCertain("year")) {
    if (/\b(?:this|next|last|coming|past)\s+week\b/i.test(t)) return { ...base, kind: "week" };
    return undefined;
  }
  if (/^(?:now|right now)$/i.test(t)) return undefined;
  // vague amounts ("a few days ago", "several years later") are not dates
  if (/\b(?:few|several|couple|many)\b/i.test(lower)) return undefined;
  // durations and spans: "for a week", "past two weeks", "over the past year"
  if (
    /^(?:for|within|in)\s/i.test(lower) ||
    /^past\s/i.test(lower) ||
    /\bpast\s+(?:\d+|[a-z]+\s+)?(?:day|week|month|year)s?\b/i.test(lower)
  )
    return undefined;
  if (/^(?:an?|one|two|three|\d+)\s+(?:second|minute|hour)s?\b/i.test(lower)) return undefined;
  // anaphoric ("the next day", "ten days earlier", "a day after") — relative to the story, not the reference
  const withThe = /\bthe\s+$/i.test(before) && !lower.startsWith("the ") ? `the ${lower}` : lower;
  const anaphoric = ANAPHORIC_RE.exec(withThe);
  if (anaphoric || /\b(?:later|earlier|after|before)$/i.test(lower)) {
    // "a day after city officials closed it", "two weeks before the vote": relative to an event
    if (/(?:after|before)$/i.test(lower) && /^\s*[\p{L}\d]/u.test(after)) return undefined;
    if (/^\s+than\b/i.test(after) || !anaphoric) return undefined;
    return { ...base, kind: "anaphoric" };
  }
  if (/\bfrom now$/i.test(lower) || /\bago$/i.test(lower)) return { ...base, kind: "ago" };
  if (/\bweekend\b/i.test(lower)) {
    if (/^\s+of\b/i.test(after)) return undefined;
    return { ...base, kind: "weekend" };
  }
  if (/\bweek\b/i.test(lower)) return { ...base, kind: "week" };
  if (/^(?:(?:earlier|later)\s+)?(?:this|last|next|coming)\s+(?:month|year)$/i.test(lower))
    return { ...base, kind: "casual" };
  if (/^(?:today|tonight|yesterday|tomorrow)\b/i.test(lower)) return { ...base, kind: "casual" };
  const explicitYear = EXPLICIT_YEAR.test(t);
  const hasDay = s.isCertain("day");
  const hasMonth = s.isCertain("month");
  // slash dates without a year ("24/7", "9/11") are names or ratios more often than dates
  if (r.tags().has("parser/SlashDateFormatParser") && !explicitYear) return undefined;
  if (explicitYear && (hasMonth || s.isCertain("year"))) return { ...base, kind: "absolute" };
  if (hasMonth && hasDay) return { ...base, kind: "monthday" };
  if (hasMonth) {
    // a bare month name must look like a date: capitalised and led by a preposition, or with a modifier
    const word = /[A-Za-z]+/.exec(t)?.[0] ?? "";
    if (word[0] !== word[0]?.toUpperCase()) return undefined;
    const modifier = /^(?:last|next|this|early|mid|late|end of|the end of)\b/i.test(lower);
    // "March's milestone" (but not "Theresa May's"): a possessive month not after a name
    const possessive = /^['’]s\b/.test(after) && !/[A-Z][\w.'’-]*\s+$/.test(before);
    if (!modifier && !possessive && !MONTH_LEAD.test(before)) return undefined;
    return { ...base, kind: "month", relativeWord: /^(last|next|this)\b/i.exec(lower)?.[1]?.toLowerCase() };
  }
  if (s.isCertain("weekday")) {
    const w = WEEKDAY_RE.exec(t);
    if (!w) return undefined;
    const wordStart = start + w.index;
    const wordEnd = wordStart + w[0].length;
    const lead = sentence.slice(Math.max(0, wordStart - CONTEXT), wordStart);
    const follow = sentence.slice(wordEnd, wordEnd + CONTEXT);
    const modifier = /^(?:last|next|this|coming|past)\b/i.exec(lower)?.[0]?.toLowerCase();
    // "Sunday Times", "Black Friday", "Super Tuesday", "Monday Night Football": a weekday inside a name
    if (!modifier && !WEEKDAY_LEAD.test(lead)) {
      const prev = /([A-Za-z][\w'’.-]*)\s+$/.exec(lead)?.[1];
      if (prev && DAY_NAME_MODIFIERS.has(prev.toLowerCase())) return undefined;
      if (/^\s+[A-Z][a-z]/.test(follow) && !new RegExp(`^\\s+${MONTH_WORD}`, "i").test(follow))
        return undefined;
    }
    if (w[0][0] !== w[0][0]?.toUpperCase()) return undefined;
    // "the death toll rose to 15 on Wednesday": the number is a count, the date is "on Wednesday"
    const count = /^\d{1,2}\s+(?=on\s)/i.exec(t);
    if (count && !hasMonth) {
      const cut = count[0].length;
      return { ...base, start: start + cut, text: t.slice(cut), kind: "weekday", relativeWord: modifier };
    }
    return { ...base, kind: "weekday", relativeWord: modifier };
  }
  return undefined;
}

/** "March 21 and 22", "March 3-5": the end day of a month-day range chrono reads as one day. */
function rangeTail(sentence: string, c: Candidate): void {
  const r = c.result;
  if (!r) return;
  if (r.end) {
    c.rangeEnd = {
      month: r.end.get("month") ?? undefined,
      day: r.end.get("day") ?? undefined,
      year: r.end.isCertain("year") ? (r.end.get("year") ?? undefined) : undefined,
    };
    return;
  }
  if (c.kind !== "monthday" && c.kind !== "absolute") return;
  const m = /^\s*(?:and|&|-|–|to|through|thru)\s*(\d{1,2})\b(?!\s*(?:a\.?m|p\.?m|%|:|\d|,\d))/i.exec(
    sentence.slice(c.end, c.end + CONTEXT),
  );
  if (!m) return;
  const day = Number(m[1]);
  if (day > (r.start.get("day") ?? 31)) {
    c.rangeEnd = { month: r.start.get("month") ?? undefined, day };
    c.end += m[0].length;
    c.text = sentence.slice(c.start, c.end);
  }
}

// ---------------------------------------------------------------------------------------------------
// Resolution.

interface Anchor {
  /** First day of the anchoring date. */
  day: number;
  granularity: Granularity;
  /** Sentence paragraph and position of the anchoring date (for text anchors). */
  paragraph: number;
  pos: number;
}

/** The occurrence of month/day (in some year) nearest to `ref`, or the latest ≤ ref (past) or earliest ≥ ref (future). */
function pickYearForMonthDay(m: number, d: number, ref: number, tense: Tense): number | undefined {
  const { y } = ymd(ref);
  const cands: number[] = [];
  for (const yy of [y - 1, y, y + 1]) if (d <= daysInMonth(yy, m)) cands.push(dayNumber(yy, m, d));
  if (cands.length === 0) return undefined;
  const past = cands.filter((n) => n <= ref);
  const future = cands.filter((n) => n >= ref);
  if (tense === "past" && past.length > 0) return Math.max(...past);
  if (tense === "future" && future.length > 0) return Math.min(...future);
  let best = cands[0]!;
  for (const n of cands) {
    const a = Math.abs(n - ref);
    const b = Math.abs(best - ref);
    if (a < b || (a === b && n < best)) best = n;
  }
  return best;
}

function pickYearForMonth(m: number, ref: number, tense: Tense, word?: string): number {
  const { y, m: rm } = ymd(ref);
  if (word === "this") return y;
  if (word === "last") return m < rm ? y : y - 1;
  if (word === "next") return m > rm ? y : y + 1;
  if (m === rm) return y;
  if (tense === "past") return m < rm ? y : y - 1;
  if (tense === "future") return m > rm ? y : y + 1;
  // nearest; ties go to the past
  const back = m < rm ? rm - m : rm + 12 - m;
  const ahead = m > rm ? m - rm : m + 12 - rm;
  return ahead < back ? (m > rm ? y : y + 1) : m < rm ? y : y - 1;
}

/** The day with weekday `wd`: the latest on or before `ref` (past), the earliest on or after (future), else the nearest. */
function pickWeekday(wd: number, ref: number, tense: Tense): number {
  const rw = weekdayOf(ref);
  const back = (rw - wd + 7) % 7;
  const ahead = (wd - rw + 7) % 7;
  if (tense === "future") return ref + ahead;
  if (tense === "past") return ref - back;
  return ahead < back ? ref + ahead : ref - back;
}

/** Sunday-based week containing day n. */
function weekOf(n: number): [number, number] {
  const s = n - weekdayOf(n);
  return [s, s + 6];
}

function unitCount(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUM_WORDS[word.toLowerCase()];
}

function resolveRelative(c: Candidate, ref: number, tense: Tense): ResolvedDate | undefined {
  const r = c.result;
  const lower = c.text.toLowerCase();
  switch (c.kind) {
    case "monthday": {
      const m = r!.start.get("month")!;
      const d = r!.start.get("day")!;
      const n = pickYearForMonthDay(m, d, ref, tense);
      if (n === undefined || !Number.isFinite(n)) return undefined;
      if (c.rangeEnd?.day) {
        const em = c.rangeEnd.month ?? m;
        const { y } = ymd(n);
        const ey = em < m ? y + 1 : y;
        if (c.rangeEnd.day > daysInMonth(ey, em)) return dayResult(n);
        return rangeResult(n, dayNumber(ey, em, c.rangeEnd.day));
      }
      return dayResult(n);
    }
    case "month": {
      const m = r!.start.get("month")!;
      return monthResult(pickYearForMonth(m, ref, tense, c.relativeWord), m);
    }
    case "weekday": {
      const wd = r!.start.get("weekday")!;
      if (c.relativeWord === "last" || c.relativeWord === "next") {
        const { y, m, d } = { y: r!.start.get("year")!, m: r!.start.get("month")!, d: r!.start.get("day")! };
        return dayResult(dayNumber(y, m, d));
      }
      return dayResult(pickWeekday(wd, ref, c.relativeWord === "past" ? "past" : tense));
    }
    case "weekend": {
      let sat: number;
      if (/\blast\b|\bpast\b/.test(lower)) sat = pickWeekday(6, ref - 1, "past");
      else if (/\bnext\b/.test(lower)) sat = pickWeekday(6, ref + 1, "future") + 7;
      else if (/\bthis\b|\bcoming\b/.test(lower))
        sat = weekdayOf(ref) === 0 ? ref - 1 : pickWeekday(6, ref, "future");
      else if (tense === "future") sat = weekdayOf(ref) === 0 ? ref - 1 : pickWeekday(6, ref, "future");
      else sat = weekdayOf(ref) === 6 ? ref : weekdayOf(ref) === 0 ? ref - 1 : pickWeekday(6, ref, "past");
      return rangeResult(sat, sat + 1);
    }
    case "week": {
      let [a, b] = weekOf(ref);
      if (/\blast\b|\bpast\b/.test(lower)) {
        a -= 7;
        b -= 7;
      } else if (/\bnext\b/.test(lower)) {
        a += 7;
        b += 7;
      }
      return rangeResult(a, b);
    }
    case "casual": {
      const { y, m } = ymd(ref);
      if (/^today|^tonight/.test(lower)) return dayResult(ref);
      if (/^yesterday/.test(lower)) return dayResult(ref - 1);
      if (/^tomorrow/.test(lower)) return dayResult(ref + 1);
      const shift = /\blast\b/.test(lower) ? -1 : /\bnext\b|\bcoming\b/.test(lower) ? 1 : 0;
      if (/\bmonth$/.test(lower)) {
        const mm = m + shift;
        return mm < 1 ? monthResult(y - 1, 12) : mm > 12 ? monthResult(y + 1, 1) : monthResult(y, mm);
      }
      return yearResult(y + shift);
    }
    case "ago": {
      const mm = /(\S+)\s+(day|week|month|year)s?\s+(ago|back|from now)$/i.exec(lower);
      if (!mm) return undefined;
      const n = unitCount(mm[1]!);
      if (n === undefined) return undefined;
      const sign = mm[3] === "from now" ? 1 : -1;
      const unit = mm[2]!;
      const { y, m, d } = ymd(ref);
      if (unit === "day") return dayResult(ref + sign * n);
      if (unit === "week") {
        const [a, b] = weekOf(ref + sign * 7 * n);
        return rangeResult(a, b);
      }
      if (unit === "month") {
        const total = y * 12 + (m - 1) + sign * n;
        return monthResult(Math.floor(total / 12), (total % 12) + 1);
      }
      void d;
      return yearResult(y + sign * n);
    }
    default:
      return undefined;
  }
}

function resolveAbsolute(c: Candidate): ResolvedDate | undefined {
  if (c.kind === "year") {
    const y = Number(c.text.slice(0, 4));
    if (c.rangeEnd?.year)
      return {
        date: pad4(y),
        granularity: "year",
        start: `${pad4(y)}-01-01`,
        end: `${pad4(c.rangeEnd.year)}-12-31`,
      };
    return yearResult(y);
  }
  const s = c.result!.start;
  const y = s.get("year")!;
  if (s.isCertain("day") && s.isCertain("month")) {
    const m = s.get("month")!;
    const d = s.get("day")!;
    if (d > daysInMonth(y, m)) return undefined;
    const n = dayNumber(y, m, d);
    if (c.rangeEnd?.day) {
      const em = c.rangeEnd.month ?? m;
      const ey = c.rangeEnd.year ?? y;
      if (c.rangeEnd.day <= daysInMonth(ey, em)) {
        const e = dayNumber(ey, em, c.rangeEnd.day);
        if (e > n) return rangeResult(n, e);
      }
    }
    return dayResult(n);
  }
  if (s.isCertain("month")) {
    const m = s.get("month")!;
    // "January 2010 to May 2012": a span of months
    if (c.rangeEnd?.month) {
      const ey = c.rangeEnd.year ?? y;
      const em = c.rangeEnd.month;
      const b = dayNumber(ey, em, daysInMonth(ey, em));
      if (b > dayNumber(y, m, daysInMonth(y, m)))
        return { ...monthResult(y, m), start: isoDay(dayNumber(y, m, 1)), end: isoDay(b) };
    }
    return monthResult(y, m);
  }
  return yearResult(y);
}

const UNIT_RANK: Record<string, number> = {
  day: 0,
  morning: 0,
  afternoon: 0,
  evening: 0,
  night: 0,
  week: 0,
  month: 1,
  year: 2,
};

/**
 * Resolves an anaphoric expression ("the next day", "two years later") against the latest date of the
 * paragraph. The anchor must be at least as fine as the expression's unit: "two years later" after
 * "in 1972" is 1974, "the next day" after "in March" stays unresolved.
 */
function resolveAnaphoric(c: Candidate, anchor: Anchor): ResolvedDate | undefined {
  const lower = c.text.toLowerCase().replace(/^the\s+/, "");
  const fine = (unit: string) => (UNIT_RANK[unit.replace(/s$/, "")] ?? 0) >= GRAN_RANK[anchor.granularity];
  const day = anchor.day;
  if (/^(?:that|same)\s+day$|same day$/.test(lower))
    return anchor.granularity === "day" ? dayResult(day) : undefined;
  let m = /^(next|following|previous|prior)\s+(day|morning|afternoon|evening|night|week|month|year)$/.exec(
    lower,
  );
  let sign = 1;
  let n = 1;
  let unit: string;
  if (m) {
    sign = m[1] === "next" || m[1] === "following" ? 1 : -1;
    unit = m[2]!;
  } else if ((m = /^day\s+(before|after)$/.exec(lower))) {
    sign = m[1] === "after" ? 1 : -1;
    unit = "day";
  } else if ((m = /^(\S+)\s+(day|week|month|year)s?\s+(later|earlier|before|after)$/.exec(lower))) {
    const k = unitCount(m[1]!);
    if (k === undefined) return undefined;
    n = k;
    sign = m[3] === "later" || m[3] === "after" ? 1 : -1;
    unit = m[2]!;
  } else return undefined;
  if (!fine(unit)) return undefined;
  const { y, m: mo } = ymd(day);
  if (unit === "year") return yearResult(y + sign * n);
  if (unit === "month") {
    const total = y * 12 + (mo - 1) + sign * n;
    return monthResult(Math.floor(total / 12), (total % 12) + 1);
  }
  if (unit === "week") {
    if (/^(?:next|following|previous|prior)\s/.test(lower)) {
      const [a, b] = weekOf(day + 7 * sign);
      return rangeResult(a, b);
    }
    return dayResult(day + sign * 7 * n);
  }
  return dayResult(day + sign * n);
}

const GRAN_RANK: Record<Granularity, number> = { day: 0, month: 1, year: 2 };

// ---------------------------------------------------------------------------------------------------

/**
 * Finds and resolves the date expressions of one article. Spans are into `doc.article.text`; an
 * expression that cannot be resolved from the article (no reference date, no anchoring date) keeps
 * `resolved` undefined.
 */
export function extractDates(doc: Doc, options: DateOptions = {}): DateMention[] {
  return datesOf(doc, options, undefined);
}

/**
 * chrono's results by reference day and sentence, shared by the articles of one cluster: wire copies repeat
 * sentences, and chrono is the costly part. Its results are only read.
 */
type ChronoCache = Map<string, chrono.ParsedResult[]>;

/** Longest text handed to chrono at once; some of its refiners look back over all the text before a match. */
const CHRONO_CHUNK = 1200;

/**
 * chrono over a sentence, a run-on one (pasted tables, lists of dates) in pieces cut after a comma or
 * semicolon, else at a space, so the time stays linear in its length; results carry sentence offsets.
 */
function chronoParse(
  parser: chrono.Chrono,
  sentence: string,
  ref: chrono.ParsingReference,
): chrono.ParsedResult[] {
  if (sentence.length <= CHRONO_CHUNK) return parser.parse(sentence, ref);
  const out: chrono.ParsedResult[] = [];
  let from = 0;
  while (from < sentence.length) {
    let to = Math.min(sentence.length, from + CHRONO_CHUNK);
    if (to < sentence.length) {
      const window = sentence.slice(from + (CHRONO_CHUNK >> 1), to);
      const cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "));
      const space = window.lastIndexOf(" ");
      if (cut >= 0) to = from + (CHRONO_CHUNK >> 1) + cut + 1;
      else if (space >= 0) to = from + (CHRONO_CHUNK >> 1) + space;
    }
    for (const r of parser.parse(sentence.slice(from, to), ref)) {
      (r as { index: number }).index += from;
      out.push(r);
    }
    from = to;
  }
  return out;
}

/** chrono's parsers for languages other than English, by the ISO 639-3 code franc gives. */
const FOREIGN: Readonly<Record<string, chrono.Chrono>> = {
  fra: chrono.fr.casual,
  deu: chrono.de.casual,
  spa: chrono.es.casual,
  ita: chrono.it.casual,
  por: chrono.pt.casual,
  nld: chrono.nl.casual,
  swe: chrono.sv.casual,
  fin: chrono.fi.casual,
  rus: chrono.ru.casual,
  ukr: chrono.uk.casual,
  jpn: chrono.ja.casual,
  cmn: chrono.zh.casual,
};

/** "for" before a length of time, in those languages: a duration chrono would read as a date. */
const DURATION_FOR = /^(?:pour|pendant|für|por|durante|per|voor|för|на|протягом|в течение)\s/i;

const ENGLISH_WORDS = new Set(
  "the and of to in is was that for on with as by at from it he she his her they said has have were are will".split(
    " ",
  ),
);

/** The article's language when it is one of those (ISO 639-3), else undefined: English rules apply. */
export function foreignLanguage(text: string): string | undefined {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.length < 40) return undefined;
  // English function words first (cheap): most articles stop here, and a short or numeric English text
  // that franc would take for another language does too
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let english = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) english++;
  if (english >= 0.1 * words.length) return undefined;
  const code = franc(sample, { minLength: 40 });
  return code in FOREIGN ? code : undefined;
}

/**
 * Dates of an article in another language: chrono's parser for that language, each sentence read against
 * the reference date. The English refinements (tense, parts of a month, anaphora) do not apply; an
 * expression whose year or day depends on a reference the article lacks stays unresolved.
 */
function foreignDates(doc: Doc, parser: chrono.Chrono, ref: Reference | undefined): DateMention[] {
  const text = doc.article.text;
  const out: DateMention[] = [];
  doc.sentences.forEach((s, si) => {
    const sentence = text.slice(s.start, s.end);
    if (!/\d|\p{L}{4,}/u.test(sentence)) return;
    for (const r of chronoParse(parser, sentence, ref ? refInstant(ref.day) : SENTINEL)) {
      const c = r.start;
      if (!c.isCertain("month") && !c.isCertain("weekday") && !c.isCertain("day") && !c.isCertain("year"))
        continue;
      if (c.isCertain("hour") && !c.isCertain("day") && !c.isCertain("weekday")) continue; // a time of day only
      if (DURATION_FOR.test(r.text)) continue; // "pour deux jours", "für zwei Tage": how long, not when
      const relative = !c.isCertain("year");
      const d = c.date();
      const day = dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      let resolved: ResolvedDate | undefined;
      if (!relative || ref) {
        if (c.isCertain("day") || c.isCertain("weekday")) resolved = dayResult(day);
        else if (c.isCertain("month")) resolved = monthResult(d.getUTCFullYear(), d.getUTCMonth() + 1);
        else resolved = yearResult(d.getUTCFullYear());
      }
      const mention: DateMention = {
        articleId: doc.article.id,
        sentence: si,
        start: s.start + r.index,
        end: s.start + r.index + r.text.length,
        text: r.text,
        anchor: resolved ? (relative ? ref!.anchor : "text") : "none",
        relative,
        tense: "unknown",
      };
      if (resolved) mention.resolved = resolved;
      out.push(mention);
    }
  });
  return out;
}

function datesOf(doc: Doc, options: DateOptions, chronoCache: ChronoCache | undefined): DateMention[] {
  if (!doc || typeof doc !== "object" || !doc.article || typeof doc.article.text !== "string") {
    throw new NewsweaveError("BAD_FIELD", "extractDates needs a prepared document (article.text)", {
      field: "article.text",
    });
  }
  const text = doc.article.text;
  const ref = referenceOf(doc, options);
  const language = foreignLanguage(text);
  if (language) return foreignDates(doc, FOREIGN[language]!, ref);
  const out: DateMention[] = [];
  /** Latest absolute day-level date seen in the current paragraph (text anchor). */
  let anchor: Anchor | undefined;
  /** Latest explicit year in the current paragraph with a month (for year-less month/day in undated text). */
  let yearAnchor: Anchor | undefined;
  let paragraph = -1;
  for (const s of doc.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      anchor = undefined;
      yearAnchor = undefined;
    }
    const sentence = text.slice(s.start, s.end);
    if (!CUE_RE.test(sentence) || !DATE_SHAPE_RE.test(sentence)) continue;
    const cacheKey = chronoCache ? `${ref ? ref.day : "-"}\u0000${sentence}` : "";
    let results = chronoCache?.get(cacheKey);
    if (results === undefined) {
      results = chronoParse(chrono.casual, sentence, ref ? refInstant(ref.day) : SENTINEL);
      chronoCache?.set(cacheKey, results);
    }
    const cands: Candidate[] = [];
    for (const r of results) {
      const c = classify(r, sentence);
      if (!c) continue;
      rangeTail(sentence, c);
      // a part of a month, when no day is written: "the end of February", "in early March", "the end of
      // this month" (but "late yesterday" is a time of day)
      const namesMonth =
        c.kind === "month" ||
        c.kind === "monthday" ||
        c.kind === "absolute" ||
        (c.kind === "casual" && /\bmonth\b/i.test(c.text));
      if (namesMonth && !c.rangeEnd && !/\b\d{1,2}(?:st|nd|rd|th)?\b/i.test(c.text)) {
        const part = monthPart(sentence.slice(Math.max(0, c.start - CONTEXT), c.start), c.text.toLowerCase());
        if (part) c.part = part;
      }
      cands.push(c);
    }
    const anaphoric = ANAPHORIC_HINT.test(sentence) && ANAPHORIC_DIRECTION.test(sentence);
    for (const m of anaphoric ? sentence.matchAll(ANAPHORIC_SCAN) : []) {
      const st = m.index;
      const en = st + m[0].length;
      for (let k = cands.length - 1; k >= 0; k--) {
        const c = cands[k]!;
        // chrono reads "two years later" against the reference: the anaphoric reading replaces it
        if (c.start < en && st < c.end) cands.splice(k, 1);
      }
      cands.push({ start: st, end: en, text: m[0], kind: "anaphoric" });
    }
    for (const m of BACK_HINT.test(sentence) ? sentence.matchAll(BACK_RE) : []) {
      const st = m.index;
      if (cands.some((c) => c.start < st + m[0].length && st < c.end)) continue;
      cands.push({ start: st, end: st + m[0].length, text: m[0], kind: "ago" });
    }
    const taken = overlapTester(cands);
    cands.push(...findYears(sentence, 0, sentence.length, taken));
    cands.sort((a, b) => a.start - b.start);
    for (const c of cands) {
      const start = s.start + c.start;
      const end = s.start + c.end;
      let tense = tenseAround(text, s.start, s.end, start, end);
      // "could reopen by the weekend": a deadline with no tense of its own lies ahead
      if (tense === "unknown" && /\bby\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 8), start)))
        tense = "future";
      let resolved: ResolvedDate | undefined;
      let anchorKind: DateAnchor = "none";
      let relative = true;
      if (c.kind === "absolute" || c.kind === "year") {
        relative = false;
        resolved = resolveAbsolute(c);
        if (resolved) anchorKind = "text";
      } else if (c.kind === "anaphoric") {
        if (anchor) {
          resolved = resolveAnaphoric(c, anchor);
          if (resolved) anchorKind = "text";
        }
      } else if (ref) {
        resolved = resolveRelative(c, ref.day, tense);
        if (resolved) anchorKind = ref.anchor;
      } else if ((c.kind === "monthday" || c.kind === "month") && yearAnchor && !c.relativeWord) {
        // undated article: an explicit date earlier in the paragraph fixes the year ("until September
        // 2015 … until February": February 2015); a tense moves it to the next or the last such month
        const day = tense === "unknown" ? dayNumber(ymd(yearAnchor.day).y, 7, 1) : yearAnchor.day;
        resolved = resolveRelative(c, day, tense);
        if (resolved) anchorKind = "text";
      }
      if (resolved && c.part && resolved.granularity !== "year" && !resolved.start)
        resolved = withinMonth(resolved, c.part);
      out.push({
        articleId: doc.article.id,
        sentence: s.index,
        start,
        end,
        text: text.slice(start, end),
        ...(resolved ? { resolved } : {}),
        anchor: anchorKind,
        relative,
        tense,
      });
      if (resolved && !resolved.start) {
        const [a] = dateInterval(resolved);
        anchor = { day: a, granularity: resolved.granularity, paragraph, pos: start };
        if (!relative && resolved.granularity !== "year") {
          yearAnchor = { day: a, granularity: resolved.granularity, paragraph, pos: start };
        }
      }
    }
  }
  return joinRanges(out, text);
}

/** What joins the two ends of a span of dates: "2002 to 2009", "2009 through March 2012", "1990–95". */
const RANGE_JOIN = /^\s*(?:to|through|thru|until|till|-|–|—)\s*$/i;

/**
 * Two dates written as the ends of one span ("2002 to 2009", "between 2001 and March 2003") are one
 * mention covering the span, not two events. Only written-out dates are joined, the second after the first.
 */
function joinRanges(mentions: DateMention[], text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (
      prev?.resolved &&
      m.resolved &&
      !prev.relative &&
      !m.relative &&
      prev.sentence === m.sentence &&
      prev.articleId === m.articleId
    ) {
      const between = text.slice(prev.end, m.start);
      const joined =
        RANGE_JOIN.test(between) ||
        (/^\s*and\s*$/i.test(between) &&
          /\bbetween\s+$/i.test(text.slice(Math.max(0, prev.start - 12), prev.start)));
      const [a] = dateInterval(prev.resolved);
      const [, b] = dateInterval(m.resolved);
      if (joined && b > a && b - a < 50 * 366) {
        out[out.length - 1] = {
          ...prev,
          end: m.end,
          text: text.slice(prev.start, m.end),
          resolved: {
            date: prev.resolved.date,
            granularity: prev.resolved.granularity,
            start: isoDay(a),
            end: isoDay(b),
          },
        };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

/** Date mentions of every document of a cluster, keyed by article id. */
export function extractClusterDates(
  docs: readonly Doc[],
  references: Readonly<Record<string, string>> = {},
): Map<string, DateMention[]> {
  const out = new Map<string, DateMention[]>();
  const chronoCache: ChronoCache = new Map();
  for (const d of docs) {
    const reference = references[d.article.id];
    out.set(d.article.id, datesOf(d, reference !== undefined ? { reference } : {}, chronoCache));
  }
  return out;
}
