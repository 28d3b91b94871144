/**
 * Agreement, uniqueness and conflict across the sources of a story, on top of the one sentence alignment
 * (the same links the summary citations use).
 *
 * - agreed: a statement with aligned sentences in two or more articles;
 * - unique: a statement no other article comes close to ("only in <outlet>");
 * - conflicts: aligned statements whose values of one kind differ in a comparable role: numbers with the
 *   same unit noun, dates of the same event, places after the same preposition, people in the same role;
 *   and casualty counts (subjects "death toll", "injured", "missing"), however they are worded.
 *
 * Conflicts are found conservatively: the two sentences must be aligned, the clauses holding the two
 * values must share content words besides the values, and the values must be incompatible (an
 * approximate "about 12,000" tolerates 10%, "at least six" accepts seven). Casualty counts are told in
 * few words ("Sandy killed 10 people", "the death toll climbed to 40"), so they need no alignment, only
 * the same people counted for the same place and counts within a factor of 3; a bound is ignored unless
 * round ("at least 22" and "39" differ, "more than 100" and "117" do not).
 */

import { copySources, countSources } from "../align/copies.ts";
import { sameStatement } from "../align/evidence.ts";
import { type Alignment, contentOverlap } from "../align/index.ts";
import type { ClusterRep } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { stem } from "../eval/porter.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { isFragment, wordTokens } from "../segment/index.ts";
import { leansOnPrevious } from "../summarize/lean.ts";
import type { Citation, Doc } from "../types.ts";
import { type DateMention, dateInterval, extractDates } from "./dates.ts";
import { overlapTester } from "./overlap.ts";
import { type ClusterContext, citationOf, clusterContext, offTopicDocs } from "./timeline.ts";

export interface Fact {
  /**
   * The verbatim text of the first source: its sentence, or the whole quotation when the sentence opens
   * or continues one, so the text runs from the first citation's start to the end of the last citation
   * of the same article.
   */
  text: string;
  /**
   * Agreed: the sentence itself (score 1) and the aligned sentences of other articles, best first; for a
   * quotation over several sentences, each sentence's group in turn (an article may then be cited twice).
   * Unique: the sentence(s) of its one article in text order, the quotation's opening first.
   */
  citations: Citation[];
  /** Number of distinct articles stating it. */
  sources: number;
  /** Outlet names (or article ids) of those articles, in citation order. */
  outlets: string[];
  /** "only in <outlet>" for a unique fact. */
  label?: string;
  /** Who "He"/"She" opening `text` most likely is (set by the report; see `subjectAntecedent`). */
  antecedent?: string;
}

export type ConflictKind = "number" | "date" | "place" | "person";

export interface ConflictValue {
  /** The value as written ("about 12,000 vehicles", "end of February", "Hanoi"). */
  text: string;
  /** Normalised value (12000, "2019-02-28", "hanoi"). */
  value: string;
  /** The sentences stating this value, one per article. */
  citations: Citation[];
  outlets: string[];
  /** Span of the value in the first citation's article. */
  start: number;
  end: number;
}

export interface Conflict {
  kind: ConflictKind;
  /** What the values are about: the unit noun ("vehicle/day"), the role ("mayor"), "date", "place". */
  subject: string;
  /** Two or more mutually incompatible values, each with its sources. */
  values: ConflictValue[];
  /** Alignment score of the pair of statements that revealed the conflict. */
  score: number;
}

export interface Comparison {
  agreed: Fact[];
  unique: Fact[];
  conflicts: Conflict[];
}

export interface CompareOptions extends ClusterContext {
  /** Reference dates by article id (for date conflicts), overriding metadata. */
  references?: Readonly<Record<string, string>>;
  /** Date mentions already extracted, by article id. */
  dates?: ReadonlyMap<string, readonly DateMention[]>;
  /** A sentence is unique when its best similarity to every other article is below this (default 0.2). */
  uniqueBelow?: number;
  /**
   * The summarizer's learned score of each sentence of `rep` (ClusterAnalysis.scores). Unique facts are
   * listed most informative first (rarity of their content words); these scores, when given, tilt that
   * order towards summary-worthy sentences.
   */
  scores?: Float64Array;
  /** Share of content words two aligned sentences must have in common to state the same fact (default 0.3). */
  minOverlap?: number;
  /** Relative tolerance for approximate numbers ("about", "roughly"; default 0.1). */
  tolerance?: number;
}

/** Mean best similarity to other sources above which an article is fully about the story. */
const RELEVANT_DOC = 0.3;

/**
 * Masked TF-IDF cosine two sentences giving casualty counts must reach: far below the alignment's, since a
 * toll is told in few words ("Sandy killed 10 people in New York City", "… 18 in New York City, NBC News
 * reported"), but above that of two sentences about different things.
 */
const TOLL_SIMILARITY = 0.1;
/** Two figures of one subject (casualty counts too) more than this many times apart are of different things. */
const FAR_APART = 3;

/** Alignment score above which a sentence of a copy is the same sentence as in its original. */
const COPY_SENTENCE = 0.6;

// ---------------------------------------------------------------------------------------------------
// Clauses and content words.

const CLAUSE_PUNCT = /[,;:()“”"—–]|\s-\s/;
const CLAUSE_WORDS = new Set([
  "and",
  "but",
  "while",
  "after",
  "before",
  "when",
  "because",
  "although",
  "though",
  "whereas",
  "where",
  "which",
  "who",
  "as",
]);

interface Tok {
  start: number;
  end: number;
  norm: string;
}

/** Most words a clause reaches on each side of the words it holds. */
const CLAUSE_REACH = 60;

/** Token index range [a, b) of the clause holding tokens [i, j) of a sentence. */
function clauseOf(text: string, toks: readonly Tok[], i: number, j: number): [number, number] {
  // at most CLAUSE_REACH words each way: a run-on "sentence" of pasted text can be thousands of words
  let a = i;
  const aMin = Math.max(0, i - CLAUSE_REACH);
  while (a > aMin) {
    const gap = text.slice(toks[a - 1]!.end, toks[a]!.start);
    if (CLAUSE_PUNCT.test(gap) || CLAUSE_WORDS.has(toks[a - 1]!.norm)) break;
    a--;
  }
  let b = j;
  const bMax = Math.min(toks.length, j + CLAUSE_REACH);
  while (b < bMax) {
    const gap = text.slice(toks[b - 1]!.end, toks[b]!.start);
    if (CLAUSE_PUNCT.test(gap) || CLAUSE_WORDS.has(toks[b]!.norm)) break;
    b++;
  }
  return [a, b];
}

/** A-Z (the first character of a token: tokens are never empty). */
function isAsciiUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Content stems of tokens [a, b): common words only (names say who or where, not what happened). */
function contentStems(
  text: string,
  toks: readonly Tok[],
  a: number,
  b: number,
  skip: (k: number) => boolean,
): Set<string> {
  const out = new Set<string>();
  for (let k = a; k < b; k++) {
    if (skip(k)) continue;
    if (k > 0 && isAsciiUpper(text.charCodeAt(toks[k]!.start))) continue;
    const w = toks[k]!.norm;
    if (STOPWORDS.has(w) || w.length < 2 || /\d/.test(w)) continue;
    const st = stem(w);
    out.add(unitSynonym(st) ?? contextSynonym(st) ?? st);
  }
  return out;
}

function shared(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  let n = 0;
  for (const v of x) if (y.has(v)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Values.

export interface Value {
  kind: ConflictKind;
  /** Comparable role: unit noun (numbers), preposition (places), role word (people), "date". */
  subject: string;
  start: number;
  end: number;
  text: string;
  /** Content stems of the clause around the value, without the value itself. */
  context: Set<string>;
  // numbers
  num?: number;
  bound?: "exact" | "approx" | "min" | "max";
  /** "a day", "daily", "on a normal day": a rate; values with different rates are not comparable. */
  rate?: string;
  /** The unit noun as written, singular ("villager", "village"; synonyms as one): stems can join different nouns. */
  head?: string;
  /** Precision of the number as written: 100,000 for "2.6 million", 1,000 for "12,000", 1 otherwise. */
  step?: number;
  /** Said of what could, will or should be ("could exceed 20,000 cases"), not of what is. */
  modal?: boolean;
  /** The bottom of a range whose top is `num` ("between 300 and 400"). */
  low?: number;
  /** For an age, the surname of the person it belongs to ("10-year-old Anika Rao", "Anika Rao, 10,"). */
  who?: string;
  /** A part of a larger set ("the other two tweets", "another six"): never set against a whole. */
  part?: boolean;
  // dates
  interval?: [number, number];
  month?: number;
  // places and people
  name?: string;
  tense?: string;
  /** Where a casualty count happened, when the clause says ("10 people in New York City"): lower case, "" if not. */
  scope?: string;
  /** A date written with its year ("March 2016"), not read from the reference date. */
  explicitYear?: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
};
const APPROX = new Set([
  "about",
  "around",
  "roughly",
  "some",
  "approximately",
  "nearly",
  "almost",
  "estimated",
  "approx",
  "circa",
  "close",
]);
const MIN_WORDS =
  /(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|at minimum)\s+$/i;
const MAX_WORDS = /(?:at most|less than|fewer than|under|up to|as many as|no more than|below)\s+$/i;
const RATE =
  /^\s*(?:a|an|per|each|every)\s+(day|week|month|year|hour|minute|night|season)\b|^\s*(daily|weekly|monthly|annually|yearly|nightly|hourly)\b|^[^.;]{0,30}?\bon\s+(?:a|an)\s+(?:normal|average|typical|given|usual|busy|regular)\s+(day|week|weekday|night)\b/i;
const RATE_NORM: Record<string, string> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  annually: "year",
  yearly: "year",
  nightly: "night",
  hourly: "hour",
};
/** Unit nouns that name the same thing. */
const UNIT_SYNONYMS: Record<string, string> = {
  car: "vehicl",
  driver: "vehicl",
  motorist: "vehicl",
  vehicl: "vehicl",
  person: "peopl",
  individu: "peopl",
  peopl: "peopl",
  dollar: "$",
  usd: "$",
  buck: "$",
  yr: "year",
  ye: "year",
};
/** Context words that say the same thing ("daily" = "a day"). */
const CONTEXT_SYNONYMS: Record<string, string> = {
  daili: "day",
  weekli: "week",
  monthli: "month",
  annual: "year",
  yearli: "year",
};
const PROTO_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * `table[key]` as a function backed by a Map: a keyed load on an object with a freshly sliced string interns
 * the string first, which made these lookups a hot spot. Keys of Object.prototype ("constructor") still
 * read the object, so results are exactly those of `table[key]`.
 */
function lookupTable<V>(table: Readonly<Record<string, V>>): (key: string) => V | undefined {
  const map = new Map(Object.entries(table));
  return (key) => map.get(key) ?? (PROTO_KEYS.has(key) ? table[key] : undefined);
}

const numberWord = lookupTable(NUMBER_WORDS);
const scaleOf = lookupTable(SCALE);
const unitSynonym = lookupTable(UNIT_SYNONYMS);
const contextSynonym = lookupTable(CONTEXT_SYNONYMS);

/** Words after a number that are never a unit noun. */
const NOT_UNIT = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "in",
  "on",
  "at",
  "and",
  "or",
  "for",
  "from",
  "by",
  "with",
  "was",
  "were",
  "is",
  "are",
  "percent",
  "per",
  "times",
]);
const ORDINAL =
  /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)$/;

const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

function parseNumberToken(norm: string): number | undefined {
  const c = norm.charCodeAt(0);
  // both number patterns start with a digit
  if (c >= 48 && c <= 57) {
    if (GROUPED_NUMBER.test(norm)) return Number(norm.replace(/,/g, ""));
    if (PLAIN_NUMBER.test(norm)) return Number(norm);
  }
  return numberWord(norm);
}

/** Every number a sentence states, with or without a unit ("those who ate six", "34 out of the 4,557"). */
function statedNumbers(toks: readonly Tok[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const norm = toks[k]!.norm;
    const age = /^(\d+|[a-z]+)-(?:year|month|week|day)s?-old$/.exec(norm);
    let n = parseNumberToken(age ? age[1]! : norm);
    if (n === undefined) continue;
    while (k + 1 < toks.length && scaleOf(toks[k + 1]!.norm) !== undefined) {
      n *= scaleOf(toks[k + 1]!.norm)!;
      k++;
    }
    const rest = toks[k + 1]?.norm === "and" ? parseNumberToken(toks[k + 2]?.norm ?? "") : undefined;
    if (rest !== undefined && rest < 100 && n >= 100) {
      n += rest;
      k += 2;
    }
    out.push(n);
  }
  return out;
}

/** Units of measure: a number before one measures the noun after it ("300 square foot mirrors"). */
const MEASURES = new Set(
  (
    "foot feet inch inches meter meters metre metres mile miles yard yards pound pounds ton tons tonne tonnes " +
    "gallon gallons acre acres square cubic kilogram kilograms gram grams liter liters litre litres " +
    "kilometer kilometers kilometre kilometres ounce ounces"
  ).split(" "),
);

/** Words before a number that make it a projection, a hope or a need rather than a fact. */
const MODAL =
  /\b(?:could|may|might|would|will|should|expects? to|expected to|projected to|forecast to|hopes? to|hoping to|aims? to|plans? to|wants? to|set to|likely to|predicts?|estimates? that|(?:increas|ris|ros|climb|grew|grow|jump|soar|fell|fall|drop|declin)\w*\s+to)\b[^.;]*$/i;
/** …or after it: "11 trillion gallons of water is needed". */
const MODAL_AFTER = /^[^.;]{0,30}?\b(?:(?:is|are|would be|will be) needed|could|would|will)\b/i;

/**
 * The precision of a number as written: the value of its last written digit for decimals ("2.6 million":
 * 100,000) and for round numbers of a thousand or more ("12,000": 1,000), else 1.
 */
function precisionOf(toks: readonly Tok[], k: number, k2: number, value: number): number {
  const digits = toks[k]!.norm;
  if (!/^\d/.test(digits)) return 1;
  let scale = 1;
  for (let q = k + 1; q < k2; q++) scale *= scaleOf(toks[q]!.norm) ?? 1;
  const dot = digits.indexOf(".");
  if (dot >= 0) return 10 ** -(digits.length - dot - 1) * scale;
  if (value < 1000) return 1;
  const zeros = /0*$/.exec(digits.replace(/,/g, ""))![0].length;
  return 10 ** zeros * scale;
}

/** Numbers with a unit noun: "about 12,000 vehicles a day", "$1.8 million contract", "14 people", "45-year-old". */
/** Before a count, a word that makes it a part of a larger set ("the other two", "another six"). */
const PART_OF_SET = new Set([
  "other",
  "another",
  "remaining",
  "additional",
  "further",
  "extra",
  "first",
  "last",
  "next",
]);

function numberValues(text: string, toks: readonly Tok[], taken: (s: number, e: number) => boolean): Value[] {
  const out: Value[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    let n = parseNumberToken(t.norm);
    let age = false;
    if (n === undefined) {
      if (!t.norm.endsWith("-old")) continue;
      const m = /^(\d+|[a-z]+)-(year|month|week|day)-old$/.exec(t.norm);
      if (!m) continue;
      n = parseNumberToken(m[1]!);
      if (n === undefined) continue;
      age = true;
    }
    if (taken(t.start, t.end)) continue;
    const before = text.slice(Math.max(0, t.start - 24), t.start);
    // "Anika Rao, 10, a fourth grader": an age set after a name
    if (!age && n < 120 && Number.isInteger(n) && /^\d/.test(t.norm) && text[t.end] === ",") {
      const name = /(\p{Lu}[\p{L}'’-]+),\s$/u.exec(before);
      if (name && k >= 2 && /^\p{Lu}/u.test(text.slice(toks[k - 2]!.start, toks[k - 2]!.end))) {
        out.push({
          kind: "number",
          subject: "year-old",
          start: t.start - name[0].length,
          end: t.end,
          text: text.slice(t.start - name[0].length, t.end),
          context: new Set(),
          num: n,
          bound: "exact",
          who: name[1]!.toLowerCase(),
          name: `${k}:${k + 1}`,
        });
        continue;
      }
    }
    const after = text.slice(t.end, t.end + 4);
    // times, scores, ranges, phone numbers, parts of dates and names
    if (/^(?::\d|\s*[ap]\.?m\b|-\d|–\d|\/\d|\s*%)/i.test(after) && !/^\s*%/.test(after)) continue;
    if (/[-–/:]\d*$/.test(before)) continue;
    const prevTok = toks[k - 1];
    if (
      prevTok &&
      isAsciiUpper(text.charCodeAt(prevTok.start)) &&
      !/[$€£]\s*$/.test(before) &&
      k > 1 &&
      /^\d/.test(t.norm) &&
      // "fined Kerrow Telecom 1.3 million euros": a sum after a name
      scaleOf(toks[k + 1]?.norm ?? "") === undefined
    )
      continue; // "Route 1", "Apollo 11", "Boeing 737"
    let k2 = k + 1;
    let value = n;
    // "two dozen", "1.8 million", "3 hundred"
    while (k2 < toks.length && scaleOf(toks[k2]!.norm) !== undefined) {
      value *= scaleOf(toks[k2]!.norm)!;
      k2++;
    }
    // "one hundred and three"
    const rest =
      k2 > k + 1 && toks[k2]?.norm === "and" ? parseNumberToken(toks[k2 + 1]?.norm ?? "") : undefined;
    if (rest !== undefined && rest < 100 && value >= 100) {
      value += rest;
      k2 += 2;
    }
    const money = /[$€£]\s*$/.test(before);
    let bound: Value["bound"] = "exact";
    const prev = prevTok?.norm ?? "";
    // "between 300 and 400 volunteers", "17 to 20 passengers": the top of a range, which holds any value in it
    const range = /(?:\bbetween\s+|\bfrom\s+)?(\d[\d,]*(?:\.\d+)?)\s+(?:and|to|or)\s+$/i.exec(before);
    const low = range ? Number(range[1]!.replace(/,/g, "")) : undefined;
    if (APPROX.has(prev) || (prev === "an" && toks[k - 2]?.norm === "estimated")) bound = "approx";
    // "more than $ 360,000": the bound words come before the currency sign
    else if (MIN_WORDS.test(before.replace(/[$€£]\s*$/, ""))) bound = "min";
    else if (MAX_WORDS.test(before.replace(/[$€£]\s*$/, ""))) bound = "max";
    if (t.norm === "dozen" || t.norm === "hundred") bound = "approx";
    // "several hundred", "a few thousand": at least two of them
    if ((prev === "several" || prev === "few") && scaleOf(toks[k2 - 1]!.norm) !== undefined && k2 > k) {
      bound = "min";
      value = Math.max(value, 2 * scaleOf(toks[k2 - 1]!.norm)!);
    }
    let unit: string | undefined;
    let unitHead: string | undefined;
    let who: string | undefined;
    let endTok = k2;
    if (age) {
      unit = "year-old";
      // "10-year-old Anika Rao": whose age it is
      const named = /^\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}(\p{Lu}[\p{L}'’-]+)/u.exec(
        text.slice(t.end, t.end + 60),
      );
      if (named) who = named[1]!.toLowerCase();
    } else if (k2 < toks.length && toks[k2]!.norm === "percent") {
      unit = "%";
      endTok = k2 + 1;
    } else if (/^\s*%/.test(text.slice(toks[k2 - 1]!.end))) unit = "%";
    else {
      // head noun: the last of up to three lower-case words before a function word or punctuation
      let head: string | undefined;
      let measure: string | undefined;
      let j = k2;
      while (j < toks.length && j < k2 + 3) {
        const w = toks[j]!;
        const gap = text.slice(toks[j - 1]!.end, w.start);
        if (/[^\s]/.test(gap) && !/^\s*-\s*$/.test(gap)) break;
        const raw = text.slice(w.start, w.end);
        if (
          NOT_UNIT.has(w.norm) ||
          STOPWORDS.has(w.norm) ||
          /^[A-Z]/.test(raw) ||
          /\d/.test(w.norm) ||
          ORDINAL.test(w.norm)
        )
          break;
        // "a $4.7 million contract approved by …": a participle after the noun is a verb, not the noun
        if (head !== undefined && /(?:ed|ing)$/.test(w.norm)) break;
        head = w.norm;
        // "300 square foot mirrors": a measure of the mirrors, not a count of them
        if (MEASURES.has(w.norm)) measure = w.norm;
        j++;
        // a plural noun ends the phrase: "12,000 vehicles cross", "two steel floor beams"
        if (/[^s]s$/.test(w.norm) || /(?:ed|ing)$/.test(w.norm)) break;
      }
      if (measure !== undefined && measure !== head) head = measure;
      if (head !== undefined) {
        unit = stem(head);
        // synonyms stay one noun ("people", "persons"); other nouns as written, singular
        unitHead = unitSynonym(unit) ?? head.replace(/([^s])s$/, "$1");
        endTok = j;
        // "six years old": an age
        if ((unit === "year" || unit === "month") && toks[j]?.norm === "old") unit = "year-old";
        // "4 inches of rain" and "6 inches of snow" measure different things
        const of = toks[j];
        let noun = toks[j + 1];
        if (noun && (noun.norm === "the" || noun.norm === "a")) noun = toks[j + 2];
        if (
          of?.norm === "of" &&
          noun &&
          !STOPWORDS.has(noun.norm) &&
          !/\d/.test(noun.norm) &&
          /^[a-z]/.test(text.slice(noun.start, noun.end))
        )
          unit += ` of ${stem(noun.norm)}`;
      }
      // "sold for $3.1 million at auction": an amount of money, whatever it buys
      if (money) unit = unit ? `$ ${unit}` : "$";
    }
    if (unit === undefined) continue;
    unit = unitSynonym(unit) ?? unit;
    const rateMatch = RATE.exec(text.slice(toks[endTok - 1]!.end, toks[endTok - 1]!.end + 48));
    const rate = rateMatch
      ? (RATE_NORM[rateMatch[2]?.toLowerCase() ?? ""] ??
        (rateMatch[1] ?? rateMatch[3] ?? "").toLowerCase().replace("weekday", "day"))
      : undefined;
    const start = money
      ? text.lastIndexOf("$", t.start) >= t.start - 2
        ? text.lastIndexOf("$", t.start)
        : t.start
      : t.start;
    out.push({
      kind: "number",
      subject: unit,
      start,
      end: toks[endTok - 1]!.end,
      text: text.slice(start, toks[endTok - 1]!.end),
      context: new Set(),
      num: value,
      bound,
      ...(rate ? { rate } : {}),
      ...(unitHead ? { head: unitHead } : {}),
      step: precisionOf(toks, k, k2, value),
      // "the other two tweets", "another six", "the first three"
      ...(PART_OF_SET.has(prev) ? { part: true } : {}),
      ...(low !== undefined && low < value ? { low } : {}),
      ...(who ? { who } : {}),
      modal:
        MODAL.test(text.slice(Math.max(0, start - 60), start)) ||
        MODAL_AFTER.test(text.slice(toks[endTok - 1]!.end, toks[endTok - 1]!.end + 40)),
      // token range of the value, for the clause computation
      name: `${k}:${endTok}`,
    });
    k = endTok - 1;
  }
  return out;
}

const PLACE_PREP = new Set(["in", "at", "near", "outside", "inside"]);
const NOT_PLACE = new Set(
  (
    "January February March April May June July August September October November December Monday Tuesday Wednesday " +
    "Thursday Friday Saturday Sunday I The A An He She It They We His Her Their Its Our This That These Those Mr Mrs Ms Dr " +
    "President Congress Senate House Parliament Court Twitter Facebook Instagram YouTube English Spanish French"
  ).split(" "),
);

/** "in Hanoi", "near Lakeview, Ohio": a capitalised name after a place preposition. */
function placeValues(text: string, toks: readonly Tok[], taken: (s: number, e: number) => boolean): Value[] {
  const out: Value[] = [];
  for (let k = 1; k + 1 < toks.length; k++) {
    if (!PLACE_PREP.has(toks[k]!.norm)) continue;
    let j = k + 1;
    if (toks[j]?.norm === "the") j++;
    const first = toks[j];
    if (!first) continue;
    const raw = text.slice(first.start, first.end);
    if (!/^[A-Z][a-z]/.test(raw) || NOT_PLACE.has(raw) || taken(first.start, first.end)) continue;
    let e = j;
    while (e < toks.length && e < j + 4) {
      const w = toks[e]!;
      const r = text.slice(w.start, w.end);
      const gap = e === j ? "" : text.slice(toks[e - 1]!.end, w.start);
      if (!/^[A-Z]/.test(r) || (gap && !/^\s+$/.test(gap))) break;
      e++;
    }
    const name = text.slice(first.start, toks[e - 1]!.end);
    out.push({
      kind: "place",
      subject: toks[k]!.norm === "near" || toks[k]!.norm === "outside" ? "near" : "in",
      start: first.start,
      end: toks[e - 1]!.end,
      text: name,
      context: new Set(),
      name: `${k}:${e}`,
    });
    k = e - 1;
  }
  return out;
}

const ROLE_WORDS = new Set(
  (
    "mayor governor gov. senator sen. representative rep. president secretary minister chancellor spokesman spokeswoman " +
    "spokesperson director chief detective det. officer sgt. sergeant lt. lieutenant capt. captain judge coach ceo " +
    "prosecutor attorney sheriff commissioner councilman councilwoman superintendent principal pilot driver victim suspect " +
    "engineer archaeologist scientist researcher professor manager chairman chairwoman founder owner curator architect " +
    "inspector commander ambassador editor economist"
  ).split(" "),
);

/** A name of two or three capitalised words after a role word: "Mayor Dana Whitlock", "identified as John Doe". */
function personValues(text: string, toks: readonly Tok[]): Value[] {
  const out: Value[] = [];
  for (let k = 0; k + 2 < toks.length + 1; k++) {
    const w = toks[k]!.norm;
    let role: string | undefined;
    if (ROLE_WORDS.has(w)) role = w.replace(/\.$/, "");
    else if (w === "as" && (toks[k - 1]?.norm === "identified" || toks[k - 1]?.norm === "named"))
      role = "identified";
    if (!role) continue;
    let j = k + 1;
    let e = j;
    while (e < toks.length && e < j + 3) {
      const r = text.slice(toks[e]!.start, toks[e]!.end);
      const gap = text.slice(toks[e - 1]!.end, toks[e]!.start);
      if (!/^[A-Z][a-z'’.-]/.test(r) && !/^[A-Z]\.$/.test(r)) break;
      if (e > j && !/^\s+$/.test(gap)) break;
      if (ROLE_WORDS.has(toks[e]!.norm) || NOT_PLACE.has(r)) {
        if (e === j) {
          j++;
          e++;
          continue;
        }
        break;
      }
      e++;
    }
    if (e - j < 2) continue;
    out.push({
      kind: "person",
      subject: role,
      start: toks[j]!.start,
      end: toks[e - 1]!.end,
      text: text.slice(toks[j]!.start, toks[e - 1]!.end),
      context: new Set(),
      name: `${k}:${e}`,
    });
    k = e - 1;
  }
  return out;
}

const MONTH_RE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i;
const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

/** A weekday, with at most a preposition and a part of the day: "on Friday", "Sunday evening". */
const WEEKDAY_ONLY =
  /^(?:on\s+|by\s+|this\s+|last\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$/i;

function dateValue(text: string, m: DateMention): Value | undefined {
  // "the 1961 bridge": a year naming a thing, not the date of the statement
  if (
    /^\d{4}$/.test(m.text) &&
    /(?:\bthe|\ba|\ban|'s|’s)\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start)) &&
    /^\s+[A-Za-z]/.test(text.slice(m.end, m.end + 3))
  )
    return undefined;
  // "Sales open on Friday": a bare weekday in a clause with no tense may be the last Friday or the next; which
  // one is our guess, and a guess is not held against another source
  if (m.relative && m.tense === "unknown" && WEEKDAY_ONLY.test(m.text)) return undefined;
  // "after two days", "within a week": how long, not when
  if (/^(?:after|within|for|over|in)\s+(?:a few|\w+)\s+(?:hours?|days?|weeks?|months?|years?)$/i.test(m.text))
    return undefined;
  // "that day", "two years later", "February" read against another date of the article: our inference,
  // not a date the source states, so it cannot be held against another source
  if (m.relative && m.anchor === "text") return undefined;
  let interval: [number, number] | undefined;
  let month: number | undefined;
  if (m.resolved) {
    interval = dateInterval(m.resolved);
    // "the end of February" is the last days of the month, not one day
    if (/\bend of\b|\blate\b/i.test(m.text) && m.resolved.granularity === "day" && !m.resolved.start) {
      interval = [interval[0] - 9, interval[1]];
    }
    if (/\b(?:early|beginning of|start of)\b/i.test(m.text) && m.resolved.granularity === "day")
      interval = [interval[0], interval[1] + 9];
  } else if (!/\b(?:last|next|this|ago|week|weekend)\b/i.test(m.text)) {
    const mm = MONTH_RE.exec(m.text);
    if (mm && /^[A-Z]/.test(mm[0])) month = MONTHS.indexOf(mm[1]!.toLowerCase()) + 1;
  }
  if (!interval && !month) return undefined;
  return {
    kind: "date",
    subject: "date",
    start: m.start,
    end: m.end,
    text: m.text,
    context: new Set(),
    ...(interval ? { interval } : {}),
    ...(month ? { month } : {}),
    tense: m.tense,
    explicitYear: !m.relative,
  };
}

// ---------------------------------------------------------------------------------------------------
// Casualty counts: "killing at least 22 people", "39 people had been killed", "the death toll rose to 40",
// "83 wounded". Outlets report them at different hours and from different officials, so they disagree more
// often than any other figure, in sentences that share few other words.

/** Subjects of casualty counts. */
export const TOLL_SUBJECTS: ReadonlySet<string> = new Set(["death toll", "injured", "missing"]);

const DEATH_AFTER = new Set(["killed", "dead", "died", "deaths", "fatalities", "perished"]);
const HURT_AFTER = new Set(["injured", "wounded", "hurt", "injuries"]);
const MISSING_AFTER = new Set(["missing", "unaccounted"]);
/** Casualty words that also describe a noun: "three dead men", "two wounded soldiers". */
const ADJECTIVES = new Set(["dead", "wounded", "injured", "missing"]);
const DEATH_BEFORE = new Set(["killed", "killing", "kills", "kill", "claimed", "claiming"]);
const HURT_BEFORE = new Set(["injuring", "injured", "wounding", "wounded", "hurting"]);
/** Words between a count and its verb: "39 people had been killed", "46 people are now dead". */
const TOLL_AUX = new Set(
  "were was have has had been are is reported confirmed now already believed being later all also so far still remain remains remained".split(
    " ",
  ),
);
/** Nouns counted as everyone: other victim nouns ("soldiers", "children") count a part. */
const EVERYONE = new Set([
  "people",
  "persons",
  "person",
  "individuals",
  "victims",
  "others",
  "lives",
  "other",
]);
const TENS_UNITS =
  /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/;
/** Bound words that may stand between a verb and its count ("killing at least 22"). */
const TOLL_BOUND = new Set([
  "at",
  "least",
  "more",
  "than",
  "about",
  "nearly",
  "almost",
  "around",
  "some",
  "over",
  "roughly",
  "approximately",
  "an",
  "estimated",
  "as",
  "many",
  "up",
  "to",
]);
/** Verbs of a toll: between them and "death toll" may stand what the toll is of. */
const TOLL_VERB = new Set(
  "is was stood stands stand reached reaches rose risen rises climbed climbs jumped hit hits".split(" "),
);
/** Words between "death toll" and its count: "rose to", "stood at", "has now reached". */
const TOLL_LINK = new Set([...TOLL_VERB, ..."to at of has had have now officially".split(" ")]);
/** Before a count: it belongs to another event or an earlier report. */
const OTHER_TOLL =
  /\b(?:earlier|previous|previously|prior|initial|first|last (?:year|month|week)|(?:a|one|two|three|the) (?:day|days|week|weeks|month|months|year|years) (?:after|before|earlier)|since (?:19|20)\d\d|in (?:19|20)\d\d|another|a further|additional)\b[^.;]*$/i;
/** After a count: "five more", "in 2010", "over the past year", "this year": an increment or another period. */
const OTHER_TOLL_AFTER =
  /^\s*(?:more|additional|extra|others? more)\b|^[^.;]{0,40}?\b(?:in (?:19|20)\d\d|over the (?:past|last)|this year|last year|a year|each year|every year|per year|annually)\b/i;
const TOLL_MODAL =
  /\b(?:could|may|might|would|will|should|expected|feared|likely|projected|predicted|forecast|estimate[sd]? that)\b[^.;,]*$/i;

/** A bound before a count, as written. */
const BOUND_PHRASE =
  /\b(?:at least|at most|more than|less than|fewer than|up to|as many as|no more than|no fewer than|in excess of|upwards of|nearly|almost|about|around|roughly|approximately|some|over|under|an estimated)\s+(?:(?:a|an)\s+)?$/i;

function tollNumber(norm: string): number | undefined {
  const m = TENS_UNITS.exec(norm);
  if (m) return numberWord(m[1]!)! + numberWord(m[2]!)!;
  return parseNumberToken(norm);
}

/** The place a count is given for: "in New York City" within a few words after token `b`, lower case. */
function scopeOf(text: string, toks: readonly Tok[], b: number): string {
  for (let q = b; q < toks.length && q < b + 6; q++) {
    if (CLAUSE_PUNCT.test(text.slice(toks[q - 1]!.end, toks[q]!.start))) break;
    if (!PLACE_PREP.has(toks[q]!.norm)) continue;
    let j = q + 1;
    if (toks[j]?.norm === "the") j++;
    let e = j;
    while (e < toks.length && e < j + 4 && /^[A-Z]/.test(text.slice(toks[e]!.start, toks[e]!.end))) {
      if (e > j && !/^\s+$/.test(text.slice(toks[e - 1]!.end, toks[e]!.start))) break;
      e++;
    }
    if (e > j) return text.slice(toks[j]!.start, toks[e - 1]!.end).toLowerCase();
  }
  return "";
}

/** Casualty counts of a sentence, as number values of subject "death toll" or "injured". */
function tollValues(text: string, toks: readonly Tok[], taken: (s: number, e: number) => boolean): Value[] {
  const out: Value[] = [];
  const plainGap = (a: number, b: number) => /^\s*$/.test(text.slice(toks[a]!.end, toks[b]!.start));
  /** The token before a count and its bound words: "killing" in "killing at least 22". */
  const verbBefore = (k: number) => {
    let v = k - 1;
    while (v >= 0 && k - v <= 4 && TOLL_BOUND.has(toks[v]!.norm)) v--;
    return v;
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const n = tollNumber(t.norm);
    if (n === undefined || taken(t.start, t.end)) continue;
    // a year, a time or a range: "in 2010", "4:30", "10-12"
    if (/^\d{4}$/.test(t.norm) && n >= 1900 && n <= 2100) continue;
    if (/^(?::\d|\s*[ap]\.?m\b|\s*%|-\d|–\d|\/\d)/i.test(text.slice(t.end, t.end + 4))) continue;
    if (/[-–/:.$€£]\d*$/.test(text.slice(Math.max(0, t.start - 2), t.start))) continue;
    // digits grouped by spaces ("116 686 deaths") are one number this reader does not trust
    const digits = (x: Tok | undefined) => x !== undefined && /^\d+$/.test(x.norm);
    if ((digits(toks[k - 1]) && plainGap(k - 1, k)) || (digits(toks[k + 1]) && plainGap(k, k + 1))) continue;
    let k2 = k + 1;
    let value = n;
    // "twenty three"
    if (n >= 20 && n < 100 && n % 10 === 0 && toks[k2] && plainGap(k, k2)) {
      const unit = numberWord(toks[k2]!.norm);
      if (unit !== undefined && unit < 10) {
        value += unit;
        k2++;
      }
    }
    while (k2 < toks.length && scaleOf(toks[k2]!.norm) !== undefined && plainGap(k2 - 1, k2)) {
      value *= scaleOf(toks[k2]!.norm)!;
      k2++;
    }
    // a part of a group ("killed two of the attackers") or an age ("Ernest Smith, 38, died")
    if (
      toks[k2]?.norm === "of" ||
      (/,\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start)) &&
        /^,/.test(text.slice(toks[k2 - 1]!.end)))
    )
      continue;
    // the noun counted, if any: "22 people", "three soldiers", "68 other deaths"; "one other person" and
    // "16 other service members" count a part
    let q = k2;
    if (toks[q]?.norm === "other" && plainGap(q - 1, q)) {
      const next = toks[q + 1]?.norm ?? "";
      if (!DEATH_AFTER.has(next) && !HURT_AFTER.has(next)) continue;
      q++;
    }
    const noun = toks[q];
    if (noun && plainGap(q - 1, q) && EVERYONE.has(noun.norm)) {
      // "29 others were killed": a part, told after someone else; "wounding 31 others" counts them all
      const verb = toks[verbBefore(k)]?.norm ?? "";
      if (noun.norm === "others" && !DEATH_BEFORE.has(verb) && !HURT_BEFORE.has(verb)) continue;
      q++;
    } else if (
      noun &&
      plainGap(q - 1, q) &&
      !TOLL_AUX.has(noun.norm) &&
      !DEATH_AFTER.has(noun.norm) &&
      !HURT_AFTER.has(noun.norm) &&
      !MISSING_AFTER.has(noun.norm) &&
      !STOPWORDS.has(noun.norm) &&
      /^[a-z]/.test(text.slice(noun.start, noun.end)) &&
      !/\d/.test(noun.norm)
    )
      // a count of one group ("three children", "two gardeners") is an ordinary count of that noun
      continue;
    let subject: string | undefined;
    let end = q;
    let start = k;
    // "39 people had been killed", "Twenty-two killed", "10 deaths", "83 wounded"
    let r = q;
    // "all 48 people on board were killed"
    if (toks[r]?.norm === "aboard" && plainGap(r - 1, r)) r++;
    else if (toks[r]?.norm === "on" && toks[r + 1]?.norm === "board" && plainGap(r - 1, r)) r += 2;
    const aux = r;
    while (r < toks.length && r < aux + 3 && TOLL_AUX.has(toks[r]!.norm) && plainGap(r - 1, r)) r++;
    const after = toks[r];
    // "dead" before a noun describes it: "three dead men", "two wounded soldiers", "three missing hikers"
    const adjective = (x: number) => {
      const w = toks[x + 1];
      return w !== undefined && plainGap(x, x + 1) && !STOPWORDS.has(w.norm) && /^[a-z]/.test(w.norm);
    };
    if (after && plainGap(r - 1, r) && !(r === q && ADJECTIVES.has(after.norm) && adjective(r))) {
      if (DEATH_AFTER.has(after.norm)) subject = "death toll";
      else if (HURT_AFTER.has(after.norm)) subject = "injured";
      else if (MISSING_AFTER.has(after.norm)) subject = "missing";
      if (subject) end = r + 1;
    }
    // "killing at least 22 people", "wounding 50", "claimed 3 lives"
    if (!subject) {
      const v = verbBefore(k);
      const verb = toks[v];
      if (verb && v >= 0 && /^[\s]*$/.test(text.slice(verb.end, t.start).replace(/[a-z]/gi, ""))) {
        if (
          DEATH_BEFORE.has(verb.norm) &&
          (verb.norm.startsWith("claim") ? toks[k2]?.norm === "lives" : true)
        )
          subject = "death toll";
        else if (HURT_BEFORE.has(verb.norm)) subject = "injured";
        if (subject) start = v;
      }
    }
    // "the death toll rose to 40", "a death toll of at least 45": only linking words between them, or a
    // verb of the toll after what it is of ("the death toll from the Calvo storm climbed to 18")
    if (!subject) {
      let verb = false;
      for (let v = k - 1; v >= 1 && k - v <= 16; v--) {
        const w = toks[v]!;
        if (w.norm === "toll" && toks[v - 1]!.norm === "death") {
          subject = "death toll";
          start = v - 1;
          break;
        }
        if (TOLL_LINK.has(w.norm) || TOLL_BOUND.has(w.norm)) {
          if (TOLL_VERB.has(w.norm)) verb = true;
          if (k - v > 8 && !verb) break;
          continue;
        }
        // past the verb, the toll's own complement: "from Monday's textile factory fire in Dunmore"
        if (!verb || CLAUSE_PUNCT.test(text.slice(w.end, toks[v + 1]!.start)) || CLAUSE_WORDS.has(w.norm))
          break;
      }
    }
    if (!subject) continue;
    const vStart = toks[k]!.start;
    const before = text.slice(Math.max(0, vStart - 100), vStart);
    const afterText = text.slice(toks[k2 - 1]!.end, toks[k2 - 1]!.end + 60);
    if (OTHER_TOLL.test(before) || OTHER_TOLL_AFTER.test(afterText)) {
      k = end - 1;
      continue;
    }
    const prev = toks[k - 1]?.norm ?? "";
    // "more than a dozen"
    const lead = text.slice(Math.max(0, vStart - 26), vStart).replace(/\b(?:a|an)\s+$/i, "");
    let bound: Value["bound"] = "exact";
    if (APPROX.has(prev) || (prev === "estimated" && toks[k - 2]?.norm === "an")) bound = "approx";
    else if (MIN_WORDS.test(lead)) bound = "min";
    else if (MAX_WORDS.test(lead)) bound = "max";
    // the value as written, with its bound: "At least 46 people are dead"
    const phrase = bound === "exact" ? null : BOUND_PHRASE.exec(text.slice(Math.max(0, vStart - 30), vStart));
    const from = Math.min(toks[start]!.start, phrase ? vStart - phrase[0].length : vStart);
    const to = toks[Math.max(end, k2) - 1]!.end;
    out.push({
      kind: "number",
      subject,
      start: from,
      end: to,
      text: text.slice(from, to),
      context: new Set(),
      num: value,
      bound,
      head: "people",
      step: precisionOf(toks, k, k2, value),
      modal: TOLL_MODAL.test(text.slice(Math.max(0, from - 60), vStart)),
      // the number's token range, for the clause computation
      name: `${k}:${k2}`,
    });
    k = Math.max(end, k2) - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Vote tallies: "voted 7-2", "a 5-4 decision", "by six votes to three". For and against are one value.

const VOTE_BEFORE =
  /\b(?:vote[sd]?|voting|passed|approved|rejected|ruled|backed|endorsed|adopted|defeated|split|majority|margin|tally)\b[^.;“”"]{0,40}$/i;
const VOTE_AFTER = /^\s*(?:vote|votes|decision|ruling|majority|margin|verdict|split|tally)\b/i;
const TALLY = /\b(\d{1,3})\s?[-–]\s?(\d{1,3})\b|\bby\s+([a-z]+|\d{1,3})\s+votes?\s+to\s+([a-z]+|\d{1,3})\b/gi;

function voteValues(text: string, toks: readonly Tok[], from: number, to: number): Value[] {
  const out: Value[] = [];
  const sentence = text.slice(from, to);
  for (const m of sentence.matchAll(TALLY)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const spelled = m[3] !== undefined;
    const yes = spelled ? parseNumberToken(m[3]!.toLowerCase()) : Number(m[1]);
    const no = spelled ? parseNumberToken(m[4]!.toLowerCase()) : Number(m[2]);
    if (yes === undefined || no === undefined || yes < no) continue;
    // a score ("won 3-1") or a range ("10-12 years") is no vote: the words around must say so
    if (
      !spelled &&
      !VOTE_BEFORE.test(text.slice(Math.max(from, start - 60), start)) &&
      !VOTE_AFTER.test(text.slice(end, end + 20))
    )
      continue;
    const a = toks.findIndex((t) => t.end > start);
    let b = a;
    while (b < toks.length && toks[b]!.start < end) b++;
    if (a < 0) continue;
    out.push({
      kind: "number",
      subject: "vote tally",
      start,
      end,
      text: text.slice(start, end),
      context: new Set(),
      // for and against in one number: 7-2 is 7,002
      num: yes * 1000 + no,
      bound: "exact",
      step: 1,
      name: `${a}:${b}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

export interface SentenceValues {
  values: Value[];
  /** Ordinal + noun pairs ("second summit"): different ordinals mean different events. */
  ordinals: Map<string, string>;
  /** Number of date values (conflicts on dates need exactly one on each side). */
  dates: number;
}

export function sentenceValues(doc: Doc, index: number, mentions: readonly DateMention[]): SentenceValues {
  const text = doc.article.text;
  const s = doc.sentences[index]!;
  const toks = wordTokens(text, s.start, s.end);
  const dateMentions = mentions.filter((m) => m.sentence === index);
  const taken = overlapTester(dateMentions);
  const values: Value[] = [];
  const tokRange = (v: Value): [number, number] => {
    const [a, b] = (v.name ?? "").split(":").map(Number) as [number, number];
    return [a, b];
  };
  const withContext = (v: Value, a: number, b: number, extra: (k: number) => boolean = () => false) => {
    const [ca, cb] = clauseOf(text, toks, a, b);
    v.context = contentStems(text, toks, ca, cb, (k) => (k >= a && k < b) || extra(k));
  };
  const tolls = tollValues(text, toks, taken);
  const tollTaken = overlapTester(tolls);
  for (const v of tolls) {
    const [a, b] = tokRange(v);
    withContext(v, a, b);
    v.scope = scopeOf(text, toks, b);
    v.name = undefined;
    values.push(v);
  }
  const votes = voteValues(text, toks, s.start, s.end);
  const voteTaken = overlapTester(votes);
  for (const v of votes) {
    const [a, b] = tokRange(v);
    withContext(v, a, b);
    v.name = undefined;
    values.push(v);
  }
  for (const v of numberValues(text, toks, (s, e) => taken(s, e) || tollTaken(s, e) || voteTaken(s, e))) {
    const [a] = tokRange(v);
    // the unit is part of the role: keep it in the context, drop only the number itself
    withContext(v, a, a + 1);
    v.name = undefined;
    values.push(v);
  }
  for (const v of placeValues(text, toks, taken)) {
    const [a, b] = tokRange(v);
    withContext(v, a + 1, b);
    v.name = v.text.toLowerCase();
    values.push(v);
  }
  for (const v of personValues(text, toks)) {
    const [a, b] = tokRange(v);
    withContext(v, a + 1, b);
    v.name = v.text;
    values.push(v);
  }
  let dates = 0;
  for (const m of dateMentions) {
    const v = dateValue(text, m);
    if (!v) continue;
    dates++;
    const a = toks.findIndex((t) => t.end > m.start);
    let b = a;
    while (b < toks.length && toks[b]!.start < m.end) b++;
    if (a >= 0) withContext(v, a, b);
    values.push(v);
  }
  const ordinals = new Map<string, string>();
  for (let k = 0; k + 1 < toks.length; k++) {
    if (ORDINAL.test(toks[k]!.norm) && !STOPWORDS.has(toks[k + 1]!.norm))
      ordinals.set(stem(toks[k + 1]!.norm), toks[k]!.norm);
  }
  return { values, ordinals, dates };
}

function numbersCompatible(a: Value, b: Value, tol: number): boolean {
  const x = a.num!;
  const y = b.num!;
  const close = (p: number, q: number) => Math.abs(p - q) <= tol * Math.max(Math.abs(p), Math.abs(q));
  if (x === y) return true;
  // a range holds every value in it: "between 300 and 400" and "some 350"
  if (a.low !== undefined && y >= a.low && y <= x) return true;
  if (b.low !== undefined && x >= b.low && x <= y) return true;
  // one written more roundly than the other: "2.6 million" and "2.59 million" (but "1,000" is not "1,400")
  const step = Math.max(a.step ?? 1, b.step ?? 1);
  if (step > 1 && Math.abs(x - y) <= Math.min(step / 2, 0.1 * Math.max(Math.abs(x), Math.abs(y))))
    return true;
  // casualty counts: "at least 22" and "39" are two counts of one toll, reported at different times or by
  // different officials; a reader wants to see both
  // ("at least 22" and "39"), unless the bound is a round figure ("more than 100" and "117")
  if (TOLL_SUBJECTS.has(a.subject)) {
    // "at least 22" is how a confirmed count is reported; "more than 35" is a floor
    const round = (v: Value) => v.num! % 10 === 0 || /dozen/i.test(v.text) || !/\bat least\b/i.test(v.text);
    if (a.bound === "min" && round(a) && y >= x) return true;
    if (b.bound === "min" && round(b) && x >= y) return true;
    if (a.bound === "max" && round(a) && y <= x) return true;
    if (b.bound === "max" && round(b) && x <= y) return true;
    return (a.bound === "approx" || b.bound === "approx") && close(x, y);
  }
  if (a.bound === "min" && y >= x) return true;
  if (b.bound === "min" && x >= y) return true;
  if (a.bound === "max" && y <= x) return true;
  if (b.bound === "max" && x <= y) return true;
  if ((a.bound === "approx" || b.bound === "approx") && close(x, y)) return true;
  return false;
}

function datesCompatible(a: Value, b: Value): boolean {
  if (a.interval && b.interval) return a.interval[0] <= b.interval[1] && b.interval[0] <= a.interval[1];
  const ma = a.month ?? (a.interval ? monthsOf(a.interval) : undefined);
  const mb = b.month ?? (b.interval ? monthsOf(b.interval) : undefined);
  if (ma === undefined || mb === undefined) return true;
  const sa = typeof ma === "number" ? [ma] : ma;
  const sb = typeof mb === "number" ? [mb] : mb;
  return sa.some((m) => sb.includes(m));
}

function monthsOf(iv: [number, number]): number[] | undefined {
  if (iv[1] - iv[0] > 62) return undefined;
  const out = new Set<number>();
  for (let n = iv[0]; n <= iv[1]; n++) out.add(new Date(n * 86_400_000).getUTCMonth() + 1);
  return [...out];
}

function namesCompatible(a: string, b: string, kind: ConflictKind): boolean {
  const ta = a
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter(Boolean);
  const tb = b
    .toLowerCase()
    .split(/[\s,.]+/)
    .filter(Boolean);
  if (kind === "place")
    return (
      ta.some((t) => tb.includes(t)) ||
      a.toLowerCase().includes(b.toLowerCase()) ||
      b.toLowerCase().includes(a.toLowerCase())
    );
  // people: a shared surname with a different given name is a conflict; any other shared token is not
  const la = ta[ta.length - 1];
  const lb = tb[tb.length - 1];
  if (la === lb) {
    const fa = ta[0]!;
    const fb = tb[0]!;
    return (
      fa === fb ||
      ta.length < 2 ||
      tb.length < 2 ||
      fa.length <= 2 ||
      fb.length <= 2 ||
      fa.startsWith(fb) ||
      fb.startsWith(fa)
    );
  }
  return ta.some((t) => tb.includes(t));
}

function valuesConflict(a: Value, b: Value, tol: number): boolean {
  if (a.kind !== b.kind || a.subject !== b.subject) return false;
  switch (a.kind) {
    case "number":
      // "one tonne per day" and "10 tonnes since June": a rate and a total are not comparable
      if ((a.rate ?? "") !== (b.rate ?? "")) return false;
      return !numbersCompatible(a, b, tol);
    case "date":
      return !datesCompatible(a, b);
    default:
      return !namesCompatible(a.name!, b.name!, a.kind);
  }
}

function normalised(v: Value): string {
  if (v.kind === "number") return String(v.num);
  if (v.kind === "date") {
    if (v.interval) {
      const [a, b] = v.interval;
      const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
      return a === b ? iso(a) : `${iso(a)}..${iso(b)}`;
    }
    return `month ${v.month}`;
  }
  return v.name!.toLowerCase();
}

function outletOf(doc: Doc): string {
  return doc.article.outlet ?? doc.article.id;
}

/** Up to this many sentences before or after a fact's own are shown to complete its quotation. */
const QUOTATION_REACH = 3;

/** First sentence of the quotation that sentence `id` continues (itself when it continues none). */
function quotationStart(rep: ClusterRep, id: number): number {
  const doc = rep.sents[id]!.doc;
  let from = id;
  while (
    from > 0 &&
    id - from < QUOTATION_REACH &&
    rep.sents[from]!.quoteOpenAtStart &&
    rep.sents[from - 1]!.doc === doc
  )
    from--;
  return from;
}

/** The sentences after `id` that continue a quotation still open at its end, stopping at one in `skip`. */
function quotationRest(rep: ClusterRep, id: number, skip?: ReadonlySet<number>): number[] {
  const out: number[] = [];
  const doc = rep.sents[id]!.doc;
  for (let j = id + 1; j <= id + QUOTATION_REACH && j < rep.sents.length; j++) {
    const next = rep.sents[j]!;
    if (next.doc !== doc || !next.quoteOpenAtStart || skip?.has(j)) break;
    out.push(j);
  }
  return out;
}

/**
 * A quotation over several sentences reads as one statement. An agreed fact whose sentence continues a
 * quotation opened by the sentence before it (same article) joins the agreed fact grown from that
 * sentence, or else shows it (up to three sentences back) as its opening; the rest of a quotation it
 * opens is shown too when no other fact cites it. Facts are edited in place; merged ones are removed.
 */
function wholeQuotations(
  rep: ClusterRep,
  docs: readonly Doc[],
  agreed: Fact[],
  seeds: number[],
  used: ReadonlySet<number>,
): void {
  const factOf = new Map<number, number>(seeds.map((id, k) => [id, k] as const));
  const gone = new Set<number>();
  const key = (c: Citation) => `${c.articleId}\u0000${c.sentence}`;
  const docIndex = new Map(docs.map((d, k) => [d.article.id, k] as const));
  const recount = (f: Fact) => {
    const articles = [...new Set(f.citations.map((c) => c.articleId))];
    f.sources = countSources(
      docs,
      articles.map((a) => docIndex.get(a)!),
    );
    f.outlets = articles.map((a) => outletOf(docs[docIndex.get(a)!]!));
  };
  const textOf = (f: Fact, from: number, to: number) => {
    const doc = docs[rep.sents[from]!.doc]!;
    f.text = doc.article.text.slice(rep.sents[from]!.sentence.start, rep.sents[to]!.sentence.end);
  };
  const byText = [...seeds.keys()].sort((a, b) => seeds[a]! - seeds[b]!);
  /** First and last sentence shown by each fact. */
  const span = seeds.map((id) => [id, id] as [number, number]);
  for (const k of byText) {
    const id = seeds[k]!;
    const s = rep.sents[id]!;
    const prev = id - 1;
    if (!s.quoteOpenAtStart || prev < 0 || rep.sents[prev]!.doc !== s.doc) continue;
    const host = factOf.get(prev);
    if (host !== undefined && !gone.has(k)) {
      const h = agreed[host]!;
      const f = agreed[k]!;
      const have = new Set(h.citations.map(key));
      for (const c of f.citations) if (!have.has(key(c))) h.citations.push(c);
      span[host]![1] = id;
      textOf(h, span[host]![0], id);
      recount(h);
      gone.add(k);
      factOf.set(id, host);
      continue;
    }
    const from = quotationStart(rep, id);
    if (from === id) continue;
    const f = agreed[k]!;
    const opening: Citation[] = [];
    for (let j = from; j < id; j++) opening.push(citationOf(rep, j, 1));
    f.citations = [...opening, ...f.citations];
    span[k]![0] = from;
    textOf(f, from, id);
  }
  for (let k = 0; k < agreed.length; k++) {
    if (gone.has(k)) continue;
    const [from, to] = span[k]!;
    const rest = quotationRest(rep, to, used);
    for (const j of rest) agreed[k]!.citations.push(citationOf(rep, j, 1));
    if (rest.length > 0) textOf(agreed[k]!, from, rest[rest.length - 1]!);
  }
  const kept = agreed.filter((_, k) => !gone.has(k));
  agreed.length = 0;
  agreed.push(...kept);
}

/**
 * A fact whose words are all shown by another fact (two quotation facts grown over the same sentences)
 * joins that fuller fact: its citations are added there and it is not listed twice.
 */
function dropContained(facts: Fact[], docs: readonly Doc[]): void {
  const norm = (t: string) => t.replace(/\s+/g, " ").replace(/^["“”'‘’\s]+|["“”'‘’\s]+$/g, "");
  const texts = facts.map((f) => norm(f.text));
  const gone = new Set<number>();
  const docIndex = new Map(docs.map((d, k) => [d.article.id, k] as const));
  facts.forEach((f, i) => {
    const host = facts.findIndex(
      (_, j) =>
        j !== i &&
        !gone.has(j) &&
        (texts[j]!.length > texts[i]!.length || (texts[j]!.length === texts[i]!.length && j < i)) &&
        texts[j]!.includes(texts[i]!),
    );
    if (host < 0) return;
    const h = facts[host]!;
    const have = new Set(h.citations.map((c) => `${c.articleId}\u0000${c.sentence}`));
    for (const c of f.citations) if (!have.has(`${c.articleId}\u0000${c.sentence}`)) h.citations.push(c);
    const articles = [...new Set(h.citations.map((c) => c.articleId))];
    h.sources = countSources(
      docs,
      articles.map((a) => docIndex.get(a)!),
    );
    h.outlets = articles.map((a) => outletOf(docs[docIndex.get(a)!]!));
    gone.add(i);
  });
  const kept = facts.filter((_, i) => !gone.has(i));
  facts.length = 0;
  facts.push(...kept);
}

/**
 * How much a unique sentence tells: the background rarity (IDF) summed over its distinct content words, so
 * specific details (names, numbers, rare words) rank above short remarks ("Vega said she plans to be
 * there"); with the summarizer's scores, that sum is weighted by how summary-worthy the sentence is.
 */
function informationOf(rep: ClusterRep, id: number, scores: Float64Array | undefined): number {
  const s = rep.sents[id]!;
  let sum = 0;
  for (let k = 0; k < s.uniq.length; k++) sum += rep.idf[s.uniq[k]!]!;
  return scores ? sum * (1 + Math.max(-0.5, Math.min(0.5, scores[id]!))) : sum;
}

/**
 * Compares the sources of a cluster: facts stated by two or more articles, facts stated by one only, and
 * conflicting values in aligned statements. Pass `rep`/`alignment` to reuse the summarizer's.
 */
export function compareSources(docs: readonly Doc[], options: CompareOptions = {}): Comparison {
  const { rep, alignment } = clusterContext(docs, options);
  const tol = options.tolerance ?? 0.1;
  const uniqueBelow = options.uniqueBelow ?? 0.2;
  const minOverlap = options.minOverlap ?? 0.3;
  if (!(tol >= 0 && tol < 1))
    throw new NewsweaveError("BAD_OPTION", `tolerance must be in [0, 1), got ${tol}`, { field: "tolerance" });
  const offTopic = offTopicDocs(rep, alignment);
  const live = (id: number) => !offTopic.has(rep.sents[id]!.doc);
  // a copy of an article (wire copy, another version) is not another source
  const source = copySources(docs);
  const sourceOf = (id: number) => source[rep.sents[id]!.doc]!;

  // values each sentence states (numbers, dates, places, people), for agreement and conflicts
  const mentions = new Map<string, readonly DateMention[]>();
  for (const d of docs) {
    const given = options.dates?.get(d.article.id);
    const reference = options.references?.[d.article.id];
    mentions.set(d.article.id, given ?? extractDates(d, reference !== undefined ? { reference } : {}));
  }
  const valueCache = new Map<number, SentenceValues>();
  const valuesOf = (id: number): SentenceValues => {
    let v = valueCache.get(id);
    if (!v) {
      const s = rep.sents[id]!;
      const doc = docs[s.doc]!;
      v = sentenceValues(doc, s.sentence.index, mentions.get(doc.article.id) ?? []);
      valueCache.set(id, v);
    }
    return v;
  };
  const articleText = (id: number) => docs[rep.sents[id]!.doc]!.article.text;
  const sentenceText = (id: number) => {
    const s = rep.sents[id]!.sentence;
    return articleText(id).slice(s.start, s.end);
  };
  const numberCache = new Map<number, number[]>();
  const numbersOf = (id: number): number[] => {
    let v = numberCache.get(id);
    if (!v) {
      const s = rep.sents[id]!.sentence;
      v = statedNumbers(wordTokens(articleText(id), s.start, s.end));
      numberCache.set(id, v);
    }
    return v;
  };
  // ---- agreed: a seed sentence and the best aligned sentence of each other article. A member must also
  // share a good part of its content words with the seed: rare names alone (a town named in every
  // article) make high cosines between sentences about different things.
  const n = rep.sents.length;
  /**
   * Whether two sentences give different figures for one thing: each states a number (or a date) of a kind
   * the other states too, that the other contradicts and does not also state ("sold for $3.1 million" and
   * "sold for $2.6 million"; "the March 3 robbery" and "the March 5 robbery"). They do not agree.
   */
  const differentFigures = (a: number, b: number): boolean => {
    const A = valuesOf(a).values.filter((v) => v.kind === "number" || v.kind === "date");
    const B = valuesOf(b).values.filter((v) => v.kind === "number" || v.kind === "date");
    // an amount of money against an amount for something ("fined $250,000", "a $200,000 fine")
    const comparable = (p: Value, q: Value) =>
      q.kind === p.kind &&
      (q.subject === p.subject ||
        (p.subject.startsWith("$") && q.subject.startsWith("$") && (p.subject === "$" || q.subject === "$")));
    // a value of X that Y contradicts and does not state anywhere ("1,750 of the world's 4,800 rhinos")
    const unmatched = (X: Value[], Y: Value[], other: number) =>
      X.some((p) => {
        if (p.kind === "number" && numbersOf(other).includes(p.num!)) return false;
        const same = Y.filter((q) => comparable(p, q));
        return same.length > 0 && same.every((q) => valuesConflict(p, { ...q, subject: p.subject }, tol));
      });
    return unmatched(A, B, b) && unmatched(B, A, a);
  };
  const agreeing = (a: number, b: number) => {
    const overlap = contentOverlap(rep, a, b);
    return (
      overlap >= minOverlap &&
      overlap * Math.min(rep.sents[a]!.uniq.length, rep.sents[b]!.uniq.length) >= 2 &&
      sameStatement(rep, a, b) &&
      !differentFigures(a, b)
    );
  };
  const usable = (id: number) => live(id) && rep.sents[id]!.uniq.length >= 3 && rep.sents[id]!.endsWithPunct;
  const partners: { s: number; score: number }[][] = [];
  const rank = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    const list = usable(id)
      ? alignment.links[id]!.filter((l) => usable(l.s) && sourceOf(l.s) !== sourceOf(id) && agreeing(id, l.s))
      : [];
    partners.push(list);
    const sourcesSeen = new Set<number>();
    let w = 0;
    for (const l of list) {
      const g = sourceOf(l.s);
      if (!sourcesSeen.has(g)) {
        sourcesSeen.add(g);
        w += l.score;
      }
    }
    rank[id] = sourcesSeen.size * 10 + w;
  }
  /** The same sentence in the copies of its article: used up with it. */
  const copiesOf = (id: number) =>
    alignment.links[id]!.filter((l) => sourceOf(l.s) === sourceOf(id) && l.score >= COPY_SENTENCE).map(
      (l) => l.s,
    );
  const order = [...Array(n).keys()].filter((id) => partners[id]!.length > 0);
  order.sort((a, b) => rank[b]! - rank[a]! || a - b);
  const used = new Set<number>();
  const agreed: Fact[] = [];
  /** The sentence each agreed fact was grown from. */
  const seeds: number[] = [];
  for (const id of order) {
    if (used.has(id)) continue;
    const members = new Map<number, { s: number; score: number }>();
    for (const l of partners[id]!) {
      if (used.has(l.s)) continue;
      const g = sourceOf(l.s);
      if (!members.has(g)) members.set(g, l);
    }
    if (members.size === 0) continue;
    for (const k of [id, ...[...members.values()].map((l) => l.s)]) {
      used.add(k);
      for (const c of copiesOf(k)) used.add(c);
    }
    let sorted = [...members.values()].sort((a, b) => b.score - a.score);
    // The fact is shown in the words of its seed sentence, unless that sentence leans on one before it
    // ("He confirmed …", "But …") and another article says it in a sentence that stands on its own.
    let shown = id;
    const standsAlone = (k: number) =>
      !leansOnPrevious(docs[rep.sents[k]!.doc]!, rep.sents[k]!.sentence.index);
    if (!standsAlone(id) && !rep.sents[id]!.quoteOpenAtStart) {
      const other = sorted.find((l) => standsAlone(l.s) && !rep.sents[l.s]!.quoteOpenAtStart);
      if (other) {
        shown = other.s;
        sorted = [{ s: id, score: other.score }, ...sorted.filter((l) => l !== other)];
      }
    }
    const citations = [citationOf(rep, shown, 1), ...sorted.map((l) => citationOf(rep, l.s, l.score))];
    const s = rep.sents[shown]!;
    agreed.push({
      text: docs[s.doc]!.article.text.slice(s.sentence.start, s.sentence.end),
      citations,
      sources: citations.length,
      outlets: [s.doc, ...sorted.map((l) => rep.sents[l.s]!.doc)].map((d) => outletOf(docs[d]!)),
    });
    seeds.push(shown);
  }
  wholeQuotations(rep, docs, agreed, seeds, used);
  dropContained(agreed, docs);
  // a sentence shown as part of a confirmed fact is not also "only in" one source
  const inAgreed = new Set(
    agreed.flatMap((f) => f.citations.map((c) => `${c.articleId}\u0000${c.sentence}`)),
  );

  // ---- unique: sentences no other article comes close to
  const uniqueFound: Array<{ fact: Fact; leans: boolean; rank: number }> = [];
  // How much an article is about the story: the mean, over its sentences, of their best similarity to
  // another source. What an article about something else reports alone comes after the story's own news.
  const relevanceOf = new Map<number, number>();
  const relevance = (d: number): number => {
    let r = relevanceOf.get(d);
    if (r === undefined) {
      const ids = rep.byDoc[d]!;
      let sum = 0;
      for (const id of ids) {
        let m = 0;
        alignment.best[id]!.forEach((v, o) => {
          if (source[o] !== source[d] && !offTopic.has(o) && v > m) m = v;
        });
        sum += m;
      }
      r = Math.min(1, Math.max(0.1, ((ids.length ? sum / ids.length : 0) / RELEVANT_DOC) ** 2));
      relevanceOf.set(d, r);
    }
    return r;
  };
  const scores = options.scores?.length === n ? options.scores : undefined;
  // "only in" means something when at least two independent sources have something to say
  const speaks = (d: number) => rep.byDoc[d]!.some((id) => rep.sents[id]!.nWords >= 5);
  const independent = new Set([...source].filter((_, d) => !offTopic.has(d) && speaks(d)));
  if (independent.size >= 2) {
    let last: { fact: Fact; id: number } | undefined;
    /** Sentences already shown as the rest of a quotation a unique fact opens. */
    const covered = new Set<number>();
    /** Texts already listed. */
    const listed = new Set<string>();
    for (let id = 0; id < n; id++) {
      const s = rep.sents[id]!;
      if (covered.has(id) || inAgreed.has(`${docs[s.doc]!.article.id}\u0000${s.sentence.index}`)) continue;
      if (!live(id) || s.uniq.length < 3 || s.nWords < 5 || !s.endsWithPunct) continue;
      if (alignment.links[id]!.some((l) => live(l.s) && sourceOf(l.s) !== sourceOf(id))) continue;
      // shown once, from the first article that carries it, not again from its copies
      if (
        alignment.links[id]!.some(
          (l) => l.s < id && sourceOf(l.s) === sourceOf(id) && l.score >= COPY_SENTENCE,
        )
      )
        continue;
      const best = alignment.best[id]!;
      let close = false;
      for (let d = 0; d < best.length; d++)
        if (source[d] !== source[s.doc] && !offTopic.has(d) && best[d]! >= uniqueBelow) close = true;
      if (close) continue;
      const doc = docs[s.doc]!;
      const text = doc.article.text;
      // a caption or heading ("Photos: the 10 most fascinating people of 2011.") is no fact, nor is the
      // writer's own question ("So what's really going on with the couple?")
      const own = text.slice(s.sentence.start, s.sentence.end);
      if (isFragment(own) || (/\?\s*$/.test(own) && !s.hasQuote)) continue;
      // A sentence that continues a quotation opened by the sentence before it is shown with that opening:
      // one fact when both are unique, else the opening is quoted (and cited) as its context.
      const opener = id > 0 && s.quoteOpenAtStart ? rep.sents[id - 1] : undefined;
      const continues = opener !== undefined && opener.doc === s.doc;
      if (continues && last?.id === id - 1) {
        last.fact.text = text.slice(last.fact.citations[0]!.start, s.sentence.end);
        last.fact.citations.push(citationOf(rep, id, 1));
        last.id = id;
        continue;
      }
      // the opening may itself continue an earlier sentence of the quotation
      const from = quotationStart(rep, id);
      const citations: Citation[] = [];
      for (let k = from; k <= id; k++) citations.push(citationOf(rep, k, 1));
      const fact: Fact = {
        text: text.slice(citations[0]!.start, s.sentence.end),
        citations,
        sources: 1,
        outlets: [outletOf(doc)],
        label: `only in ${outletOf(doc)}`,
      };
      // ... and a quotation it opens is shown to its end
      let end = id;
      for (const k of quotationRest(rep, id)) {
        fact.citations.push(citationOf(rep, k, 1));
        covered.add(k);
        end = k;
      }
      if (end !== id) fact.text = text.slice(citations[0]!.start, rep.sents[end]!.sentence.end);
      // a sentence that leans on the one before it ("But there have also been …", '“…,” he said') tells
      // less on its own: listed after every fact that stands on its own
      const leans = leansOnPrevious(doc, rep.sents[from]!.sentence.index, rep.sents[end]!.sentence.index);
      // a passage the page repeats (a pull quote, a block pasted twice) is listed once
      const key = fact.text.toLowerCase().replace(/\s+/g, " ").trim();
      if (listed.has(key)) continue;
      listed.add(key);
      uniqueFound.push({ fact, leans, rank: informationOf(rep, id, scores) * relevance(s.doc) });
      last = { fact, id: end };
    }
  }
  // standing alone, then most informative first; the sort is stable, so ties keep the articles' order
  const unique = uniqueFound
    .sort((a, b) => Number(a.leans) - Number(b.leans) || b.rank - a.rank)
    .map((f) => f.fact);

  // ---- conflicts
  /**
   * The same first content word after both values: an age's person ("21-year-old charisse stinson", "2-year-old
   * son"), what a share measures ("19 % more likely", "32 % higher").
   */
  const sameWordAfter = (p: Value, i: number, q: Value, j: number): boolean => {
    const after = (v: Value, id: number) => {
      const s = rep.sents[id]!.sentence;
      const w = wordTokens(articleText(id), v.end, s.end).find(
        (t) => !STOPWORDS.has(t.norm) && !/\d/.test(t.norm) && t.norm !== "old",
      );
      return w ? stem(w.norm) : "";
    };
    const a = after(p, i);
    return a !== "" && a === after(q, j);
  };
  /** The word before a value: "for 19 hours", "serving 25 years". */
  const wordBefore = (v: Value, id: number): string => {
    const s = rep.sents[id]!.sentence;
    const toks = wordTokens(articleText(id), Math.max(s.start, v.start - 40), v.start);
    return toks[toks.length - 1]?.norm ?? "";
  };
  /**
   * The verb a date hangs on, in its clause: "shut" in "was shut on Monday", "hold" in "will hold a hearing on
   * April 4"; "" for none.
   */
  const verbBefore = (v: Value, id: number): string => {
    const s = rep.sents[id]!.sentence;
    const text = articleText(id);
    // the clause before the date: back to the last comma, semicolon, colon or dash
    const from = Math.max(s.start, v.start - 100);
    const cut = text.slice(from, v.start).search(/[,;:—–][^,;:—–]*$/);
    const toks = wordTokens(text, cut >= 0 ? from + cut + 1 : from, v.start);
    for (let k = toks.length - 1; k >= 0 && k >= toks.length - 14; k--) {
      const w = toks[k]!.norm;
      if (/^[a-z]{3,}ed$/.test(w) || PAST_FORMS.has(w)) return w;
      // "will hold a hearing on April 4", "plans to vote on April 11"
      if (
        /^(?:will|would|shall|to)$/.test(toks[k - 1]?.norm ?? "") &&
        /^[a-z]+$/.test(w) &&
        !STOPWORDS.has(w)
      )
        return w;
    }
    return "";
  };
  /** Two content words in common besides the values: the statements are about one thing. */
  const sharesTopic = (i: number, j: number): boolean => {
    const mine = new Set(rep.sents[i]!.uniq);
    let n = 0;
    for (const t of rep.sents[j]!.uniq) if (mine.has(t) && !/\d/.test(rep.stems[t]!)) n++;
    return n >= 2;
  };
  /**
   * "bridg opened" for "The Halvern Bridge, which opened in 1932": the noun (stemmed) and the founding verb
   * before a year; undefined when the year follows no founding verb.
   */
  const founding = (v: Value, id: number): string | undefined => {
    const s = rep.sents[id]!.sentence;
    const toks = wordTokens(articleText(id), Math.max(s.start, v.start - 80), v.start);
    let k = toks.length - 1;
    while (k >= 0 && /^(?:on|in|at|by|the)$/.test(toks[k]!.norm)) k--;
    const verb = toks[k]?.norm ?? "";
    if (!FOUNDED.has(verb)) return undefined;
    k--;
    while (
      k >= 0 &&
      /^(?:which|that|was|were|is|are|has|have|had|been|first|originally|officially)$/.test(toks[k]!.norm)
    )
      k--;
    const noun = toks[k]?.norm ?? "";
    return noun === "" || STOPWORDS.has(noun) ? undefined : `${stem(noun)} ${verb}`;
  };
  /** A year of building or founding in each sentence, of one thing, after the same verb, that differ. */
  const foundingYears = (xa: Value[], i: number, xb: Value[], j: number): [Value, Value] | undefined => {
    if (!sharesTopic(i, j)) return undefined;
    for (const p of xa) {
      if (spanClass(p) !== 2 || !WRITTEN_YEAR.test(p.text)) continue;
      const f = founding(p, i);
      if (f === undefined) continue;
      for (const q of xb)
        if (
          spanClass(q) === 2 &&
          WRITTEN_YEAR.test(q.text) &&
          founding(q, j) === f &&
          valuesConflict(p, q, tol)
        )
          return [p, q];
    }
    return undefined;
  };
  /** Every casualty count each article states, for `sameToll`. */
  const tollsByDoc = new Map<number, Value[]>();
  const tollsOf = (d: number): Value[] => {
    let list = tollsByDoc.get(d);
    if (!list) {
      list = rep.byDoc[d]!.flatMap((id) => valuesOf(id).values.filter((v) => TOLL_SUBJECTS.has(v.subject)));
      tollsByDoc.set(d, list);
    }
    return list;
  };
  /**
   * Whether two casualty counts of different articles count the same thing: the same noun ("people",
   * "soldiers") for the same place ("in New York City", or none on both sides), statements about the same
   * story (`TOLL_SIMILARITY`), and neither article also giving the other's count (a toll it updates).
   */
  const sameToll = (i: number, p: Value, j: number, q: Value, update = true): boolean => {
    if (p.subject !== q.subject || p.head !== q.head || Boolean(p.modal) !== Boolean(q.modal)) return false;
    const sa = p.scope ?? "";
    const sb = q.scope ?? "";
    if (sa !== "" && sb !== "" && !namesCompatible(sa, sb, "place")) return false;
    // a place on one side only: the other statement must name it too ("killed 12 people in Dunmore" and
    // "a fire in Dunmore on Monday killed 15 people"), else one counts a part of the other's whole
    if (sa === "" && sb !== "" && !sentenceText(i).toLowerCase().includes(sb)) return false;
    if (sb === "" && sa !== "" && !sentenceText(j).toLowerCase().includes(sa)) return false;
    const alsoStates = (d: number, v: Value) =>
      tollsOf(d).some(
        (w) =>
          w.subject === v.subject &&
          w.head === v.head &&
          (w.scope ?? "") === (v.scope ?? "") &&
          !valuesConflict(w, v, tol),
      );
    if (update && (alsoStates(rep.sents[i]!.doc, q) || alsoStates(rep.sents[j]!.doc, p))) return false;
    // counts far apart count different things: a day's dead and a war's, one shooting's and a country's
    if (Math.max(p.num!, q.num!) > FAR_APART * Math.min(p.num!, q.num!)) return false;
    if (sim(i, j) >= TOLL_SIMILARITY) return true;
    // the count each article leads with: its largest count of these people for this place
    const largest = (d: number, v: Value) =>
      tollsOf(d).every(
        (w) =>
          w.subject !== v.subject ||
          w.head !== v.head ||
          (w.scope ?? "") !== (v.scope ?? "") ||
          w.num! <= v.num!,
      );
    return largest(rep.sents[i]!.doc, p) && largest(rep.sents[j]!.doc, q);
  };
  type Found = {
    kind: ConflictKind;
    subject: string;
    a: number;
    va: Value;
    b: number;
    vb: Value;
    score: number;
  };
  const found: Found[] = [];
  // candidate statements: sentences holding values, indexed by kind and subject
  const bySubject = new Map<string, number[]>();
  for (let id = 0; id < n; id++) {
    if (!live(id)) continue;
    const sv = valuesOf(id);
    for (const key of new Set(sv.values.map((v) => `${v.kind}\u0000${v.subject}`))) {
      const list = bySubject.get(key) ?? [];
      list.push(id);
      bySubject.set(key, list);
    }
  }
  const threshold = alignment.threshold;
  const checked = new Map<number, number>();
  const sim = (i: number, j: number): number => {
    const key = i < j ? i * n + j : j * n + i;
    let score = checked.get(key);
    if (score === undefined) {
      score = maskedCosine(rep, i, j);
      checked.set(key, score);
    }
    return score;
  };
  for (const [key, ids] of bySubject) {
    const [kind, subject] = key.split("\u0000") as [ConflictKind, string];
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const i = ids[x]!;
        const j = ids[y]!;
        if (rep.sents[i]!.doc === rep.sents[j]!.doc) continue;
        const A = valuesOf(i);
        const B = valuesOf(j);
        if (kind !== "number" && differentEvents(A, B)) continue;
        const xa = A.values.filter((v) => v.kind === kind && v.subject === subject);
        const xb = B.values.filter((v) => v.kind === kind && v.subject === subject);
        // a breakdown ("8 percent from wind and 2 percent from solar", "3 and 5 inches") is not one value
        if (kind === "number" && (xa.length > 1 || xb.length > 1)) continue;
        // a part of a set against a count: "the other two tweets were deleted", "all three tweets"
        if (kind === "number" && (xa[0]!.part || xb[0]!.part)) continue;
        // a number the other sentence also states, in whatever role, is a comparison or a breakdown both
        // tell ("two meals a day … than those who ate six" and "six meals a day"), not a disagreement
        if (
          kind === "number" &&
          (xa.some((p) => numbersOf(j).some((m) => m === p.num)) ||
            xb.some((q) => numbersOf(i).some((m) => m === q.num)))
        )
          continue;
        // a total against one of its parts: "3.3 million signed up" and "1.9 million in the federal
        // marketplace, while 1.4 million chose state plans"
        if (kind === "number" && (sumsTo(numbersOf(j), xa[0]!.num!) || sumsTo(numbersOf(i), xb[0]!.num!)))
          continue;
        // ages of different people: "a 21-year-old man" and "an 18-year-old girl"
        if (subject === "year-old") {
          const wa = xa[0]!.who;
          const wb = xb[0]!.who;
          if (wa !== undefined && wb !== undefined ? wa !== wb : !sameWordAfter(xa[0]!, i, xb[0]!, j))
            continue;
          // one named person given two ages: a disagreement however differently the sentences go on
          if (wa !== undefined && wa === wb && valuesConflict(xa[0]!, xb[0]!, tol)) {
            found.push({ kind, subject, a: i, va: xa[0]!, b: j, vb: xb[0]!, score: sim(i, j) });
            continue;
          }
        }
        if (kind === "number") {
          const p0 = xa[0]!;
          const q0 = xb[0]!;
          // "800 villagers" and "two villages" share a stem, not a noun
          if (p0.head !== undefined && q0.head !== undefined && p0.head !== q0.head) continue;
          // a projection or a hope against a fact: "could exceed 20,000 cases", "3,069 known cases"
          if (Boolean(p0.modal) !== Boolean(q0.modal)) continue;
          // shares and score points measure what follows them: "19 % more likely", "32 % higher"
          if ((subject === "%" || subject === "point") && !sameWordAfter(p0, i, q0, j)) continue;
          // durations are of different things unless said the same way: "for 19 hours", "for 18 hours"
          if (DURATIONS.has(subject) && wordBefore(p0, i) !== wordBefore(q0, j)) continue;
          // sums of money for no named thing compare only when paid the same way ("sold for $3.1 million",
          // "sold for $2.6 million"), not "provided $25,000" and "was given $10,000"
          if (subject === "$" && wordBefore(p0, i) !== wordBefore(q0, j)) continue;
          // votes on different things: "voted 7-2 to approve the budget", "voted 5-4 to reject the tax"
          if (subject === "vote tally") {
            const act = (v: Value, id: number) => {
              const after = articleText(id).slice(v.end, rep.sents[id]!.sentence.end);
              const m = /^[^.;,]{0,40}?\bto\s+([a-z]+)/i.exec(after);
              return m ? stem(m[1]!.toLowerCase()) : undefined;
            };
            const aa = act(p0, i);
            const ab = act(q0, j);
            if (aa !== undefined && ab !== undefined && aa !== ab) continue;
          }
          // "$3.6 million ($4.5 million Australian)": one sum in two currencies
          if (subject.startsWith("$") && (CONVERTED.test(sentenceText(i)) || CONVERTED.test(sentenceText(j))))
            continue;
          // "Monday the Dow shed 1,175 points", "a fall from Friday … 666 points": different days
          if (!sameWeekdays(sentenceText(i), sentenceText(j))) continue;
        }
        // numbers given for different times are different facts ("8.6 percent in March 2016", "10 percent in March")
        if (kind === "number" && !sameTime(A, B)) continue;
        // …and so are numbers for a place the other article never mentions ("37 percent in Iowa")
        if (kind === "number" && !samePlaces(A, articleText(j))) continue;
        if (kind === "number" && !samePlaces(B, articleText(i))) continue;
        // the year a thing was built or founded, told with the same verb: "the Halvern Bridge, which opened in
        // 1932", "the steel arch bridge, opened in 1934" (one bridge opens once)
        if (kind === "date") {
          const pair = foundingYears(xa, i, xb, j);
          if (pair) {
            found.push({ kind, subject, a: i, va: pair[0], b: j, vb: pair[1], score: sim(i, j) });
            continue;
          }
        }
        // numbers and dates: a value both sentences share means they agree (or tell different things)
        if (
          (kind === "number" || kind === "date") &&
          !xa.every((p) => xb.every((q) => valuesConflict(p, q, tol)))
        )
          continue;
        if (TOLL_SUBJECTS.has(subject)) {
          const p = xa[0]!;
          const q = xb[0]!;
          if (!valuesConflict(p, q, tol) || !sameToll(i, p, j, q)) continue;
          found.push({ kind, subject, a: i, va: p, b: j, vb: q, score: sim(i, j) });
          continue;
        }
        // one role, one family name, two given names: "chief engineer Paulina Ortez", "chief engineer, Marisol
        // Ortez" name one person two ways, however differently the sentences go on
        if (kind === "person" && xa.length === 1 && xb.length === 1) {
          const p = xa[0]!;
          const q = xb[0]!;
          const last = (x: string) => x.toLowerCase().split(/\s+/).pop();
          if (
            last(p.name!) === last(q.name!) &&
            !namesCompatible(p.name!, q.name!, "person") &&
            // the family name is in both articles: each must name only its own given name
            !articleText(j).includes(p.text) &&
            !articleText(i).includes(q.text)
          ) {
            found.push({ kind, subject, a: i, va: p, b: j, vb: q, score: sim(i, j) });
            continue;
          }
        }
        // a comparable role: the clauses around the values share content words besides the values;
        // values in comparable roles that agree mean the two statements agree
        // a tally set off by commas ("voted on Monday, by six votes to three, to cap …") has no clause of its
        // own: one tally a side, in sentences that say the same (the threshold below), is one vote
        const pair: [Value, Value] | undefined =
          subject === "vote tally"
            ? valuesConflict(xa[0]!, xb[0]!, tol)
              ? [xa[0]!, xb[0]!]
              : undefined
            : bestContextPair(
                xa,
                xb,
                kind,
                (p, q) => valuesConflict(p, q, tol),
                subject === "%" ? 3 : undefined,
              );
        if (!pair) continue;
        const [p, q] = pair;
        // figures far apart measure different things: "20 miles" to the mall and "500 miles" to the border
        if (kind === "number" && Math.max(p.num!, q.num!) > FAR_APART * Math.min(p.num!, q.num!)) continue;
        if (kind === "date" && p.tense !== q.tense && p.tense !== "unknown" && q.tense !== "unknown")
          continue;
        // dates of different acts: "was shut on Monday", "reopened on Tuesday"
        if (kind === "date") {
          const va = verbBefore(p, i);
          const vb = verbBefore(q, j);
          if (va !== "" && vb !== "" && stem(va) !== stem(vb)) continue;
        }
        // dates of statements whose numbers differ too are different periods ("10 percent in March",
        // "8.6 percent in March 2016"), not one event dated twice
        if (kind === "date" && numbersDiffer(A, B)) continue;
        // two years written out are two events unless the statements say nearly the same thing ("the eclipse
        // of November 3, 2013" and "an eclipse over Manila Bay in January 2009")
        if (kind === "date" && WRITTEN_YEAR.test(p.text) && WRITTEN_YEAR.test(q.text) && sim(i, j) < 0.55)
          continue;
        // a year against a day: "in 2008" and "on Mar 16, 2016" date different things
        if (kind === "date" && spanClass(p) !== spanClass(q) && Math.max(spanClass(p), spanClass(q)) === 2)
          continue;
        // photo captions and page stamps date the picture or the page, not the story's events
        if (kind === "date" && (STAMP_LIKE.test(sentenceText(i)) || STAMP_LIKE.test(sentenceText(j))))
          continue;
        // month names without a year: only for sentences that say nearly the same thing
        const partial = kind === "date" && (!p.interval || !q.interval);
        // two years are two events unless the statements say nearly the same thing ("stolen … in 1899")
        if (kind === "date" && spanClass(p) === 2 && sim(i, j) < 0.55) continue;
        if (partial && (shared(p.context, q.context) < 3 || sim(i, j) < 0.5)) continue;
        if (kind === "place" || kind === "person") {
          // each name must be absent from the other article (else both are simply mentioned)
          if (mentionsName(articleText(j), p.text) || mentionsName(articleText(i), q.text)) continue;
        }
        // aligned: the same similarity as the alignment, with the disputed values masked out
        const score = sim(i, j);
        if (score < threshold) continue;
        found.push({ kind, subject, a: i, va: p, b: j, vb: q, score });
      }
    }
  }
  const conflicts = groupConflicts(
    found,
    rep,
    docs,
    alignment,
    valuesOf,
    tol,
    (kind, subject) => bySubject.get(`${kind}\u0000${subject}`) ?? [],
    sim,
    sameToll,
  );
  return { agreed, unique, conflicts };
}

/** Irregular past forms and participles a date can hang on ("was shut on Monday", "met in 1998"). */
const PAST_FORMS = new Set(
  (
    "shut hit held met won lost left began begun struck set put cut quit split spread sold bought built fought caught " +
    "taught brought found told said made took taken gave given came went gone ran fell fallen rose risen broke broken " +
    "spoke spoken wrote written stole stolen chose chosen drove driven flew flown grew grown saw seen sank sent spent " +
    "stood swore threw thrown tore torn born"
  ).split(" "),
);

/** A sum followed by the same sum in another currency: "$3.6 million ($4.5 million Australian)", "£5 ($6.50)". */
const CONVERTED = /[$€£]\s?[\d.,]+(?:\s*(?:million|billion|m|bn))?\s*\(\s*(?:[A-Z]{1,3}\s?)?[$€£]/i;

/** Verbs of a thing's one beginning: the year after them is told once ("opened in 1932", "founded in 1887"). */
const FOUNDED = new Set(
  "opened built founded established completed constructed erected incorporated launched inaugurated".split(
    " ",
  ),
);

const WRITTEN_YEAR = /\b(?:1[6-9]|20)\d\d\b/;

/**
 * Whether two of the numbers add up to `total` (to 1%): the parts of a total the other sentence gives. Small
 * totals are left out: "five shot, one fatally" against "shot six" adds up by chance.
 */
function sumsTo(numbers: readonly number[], total: number): boolean {
  if (total < 100) return false;
  for (let x = 0; x < numbers.length; x++)
    for (let y = x + 1; y < numbers.length; y++)
      if (Math.abs(numbers[x]! + numbers[y]! - total) <= 0.01 * total) return true;
  return false;
}

/** Whether two statements are about the same time: no dates on one side, or a pair of dates that fit together. */
function sameTime(a: SentenceValues, b: SentenceValues): boolean {
  const da = a.values.filter((v) => v.kind === "date");
  const db = b.values.filter((v) => v.kind === "date");
  if (da.length === 0 || db.length === 0) return true;
  for (const x of da) {
    for (const y of db) {
      if (x.interval && y.interval) {
        if (x.interval[0] <= y.interval[1] && y.interval[0] <= x.interval[1]) return true;
      } else if (x.month !== undefined && y.month !== undefined) {
        if (x.month === y.month) return true;
      } else {
        // a month without a year against a dated interval: the same time only if the interval was itself
        // read from the reference ("in March" against "on March 3"), not written with a year ("March 2016")
        const [m, d] = x.month !== undefined ? [x.month, y] : [y.month!, x];
        if (!d.explicitYear && monthsOf(d.interval!)?.includes(m)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether two statements give different numbers for some unit they share, whatever their bounds ("more
 * than 63,000 … in 2016", "more than 72,000 … in 2017": two periods).
 */
function numbersDiffer(a: SentenceValues, b: SentenceValues): boolean {
  for (const x of a.values) {
    if (x.kind !== "number") continue;
    for (const y of b.values)
      if (y.kind === "number" && y.subject === x.subject && x.num !== y.num) return true;
  }
  return false;
}

/** Units of time: a duration is comparable only when said the same way. */
const DURATIONS = new Set(["year", "month", "week", "dai", "day", "hour", "minut", "second"]);

const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** Weekdays named in both sentences, if any, overlap. */
function sameWeekdays(a: string, b: string): boolean {
  const wa = new Set((a.match(WEEKDAY) ?? []).map((w) => w.toLowerCase()));
  const wb = (b.match(WEEKDAY) ?? []).map((w) => w.toLowerCase());
  if (wa.size === 0 || wb.length === 0) return true;
  return wb.some((w) => wa.has(w));
}

/** A photo caption or a page stamp: "file photo", "this undated photo provided …", "Published on …". */
const STAMP_LIKE =
  /\b(?:file photo|(?:this|the|in this) (?:undated |handout )?(?:photo|picture|image)|photos? provided|image caption|image copyright|published on|getty images|ap photo|photo credit|pic\.twitter\.com)\b/i;

/** Day, month or year: dates of different precision date different things. */
function spanClass(v: Value): number {
  if (!v.interval) return 1;
  const days = v.interval[1] - v.interval[0];
  return days >= 300 ? 2 : days >= 25 ? 1 : 0;
}

/** Whether every place named in a statement also occurs in the other article. */
function samePlaces(a: SentenceValues, otherText: string): boolean {
  return a.values.every((v) => v.kind !== "place" || mentionsName(otherText, v.text));
}

/** Different ordinals of the same noun ("first summit" / "second summit"): different events. */
function differentEvents(a: SentenceValues, b: SentenceValues): boolean {
  for (const [noun, ord] of a.ordinals) if (b.ordinals.has(noun) && b.ordinals.get(noun) !== ord) return true;
  return false;
}

/** TF-IDF cosine of two sentences of the cluster representation, ignoring terms with digits (the values). */
export function maskedCosine(rep: ClusterRep, a: number, b: number): number {
  const x = rep.sents[a]!;
  const y = rep.sents[b]!;
  const keep = (t: number) => !/\d/.test(rep.stems[t]!);
  let na = 0;
  let nb = 0;
  let dot = 0;
  for (let k = 0; k < x.uniq.length; k++) {
    const t = x.uniq[k]!;
    if (!keep(t)) continue;
    const w = x.counts[k]! * rep.idf[t]!;
    na += w * w;
  }
  for (let k = 0; k < y.uniq.length; k++) {
    const t = y.uniq[k]!;
    if (!keep(t)) continue;
    const w = y.counts[k]! * rep.idf[t]!;
    nb += w * w;
  }
  let i = 0;
  let j = 0;
  while (i < x.uniq.length && j < y.uniq.length) {
    const u = x.uniq[i]!;
    const v = y.uniq[j]!;
    if (u === v) {
      if (keep(u)) dot += x.counts[i]! * y.counts[j]! * rep.idf[u]! * rep.idf[u]!;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function mentionsName(text: string, name: string): boolean {
  const last = name.split(/\s+/).filter((t) => t.length > 2);
  if (last.length === 0) return false;
  return text.includes(name) || text.includes(last[last.length - 1]!);
}

/**
 * The pair of values in comparable roles (clauses sharing enough content words) that disagree most
 * clearly; undefined when no pair is comparable or when some comparable pair agrees.
 */
function bestContextPair(
  xa: Value[],
  xb: Value[],
  kind: ConflictKind,
  conflicting: (p: Value, q: Value) => boolean,
  minShared?: number,
): [Value, Value] | undefined {
  const need = minShared ?? (kind === "person" ? 1 : 2);
  let best: [Value, Value] | undefined;
  let bestShared = -1;
  for (const x of xa) {
    for (const y of xb) {
      const k = shared(x.context, y.context);
      if (k < need) continue;
      if (!conflicting(x, y)) return undefined;
      if (k > bestShared) {
        best = [x, y];
        bestShared = k;
      }
    }
  }
  return best;
}

interface Building extends Conflict {
  /** Statement sentence id → its value. */
  at: Map<number, Value>;
  /** One representative value per value group. */
  raw: Value[];
}

/** Merges pairwise findings into conflicts: one per subject and statement group, values grouped by compatibility. */
function groupConflicts(
  found: readonly {
    kind: ConflictKind;
    subject: string;
    a: number;
    va: Value;
    b: number;
    vb: Value;
    score: number;
  }[],
  rep: ClusterRep,
  docs: readonly Doc[],
  alignment: Alignment,
  valuesOf: (id: number) => SentenceValues,
  tol: number,
  candidates: (kind: ConflictKind, subject: string) => readonly number[],
  sim: (a: number, b: number) => number,
  sameToll: (a: number, va: Value, b: number, vb: Value, update: boolean) => boolean,
): Conflict[] {
  const out: Building[] = [];
  for (const f of found) {
    let c = out.find((o) => o.kind === f.kind && o.subject === f.subject && (o.at.has(f.a) || o.at.has(f.b)));
    if (!c) {
      c = { kind: f.kind, subject: f.subject, values: [], score: f.score, at: new Map(), raw: [] };
      out.push(c);
    }
    c.score = Math.max(c.score, f.score);
    addValue(c, f.a, f.va, rep, docs, tol);
    addValue(c, f.b, f.vb, rep, docs, tol);
  }
  // other sentences aligned with a conflicting statement that state a value of the same subject in the same role
  for (const c of out) {
    for (const [id, value] of [...c.at]) {
      for (const k of candidates(c.kind, c.subject)) {
        if (c.at.has(k) || rep.sents[k]!.doc === rep.sents[id]!.doc) continue;
        const vs = valuesOf(k).values.filter((v) => v.kind === c.kind && v.subject === c.subject);
        if (vs.length !== 1) continue;
        if (TOLL_SUBJECTS.has(c.subject)) {
          if (!sameToll(id, value, k, vs[0]!, false)) continue;
        } else if (shared(vs[0]!.context, value.context) < 2 || sim(id, k) < alignment.threshold) continue;
        // support for a value already in dispute, never a new value
        if (!c.raw.some((w) => !valuesConflict(w, vs[0]!, tol))) continue;
        addValue(c, k, vs[0]!, rep, docs, tol);
      }
    }
  }
  return out
    .filter((c) => c.values.length >= 2)
    .map(({ at: _at, raw: _raw, ...c }) => c)
    .sort((a, b) => b.score - a.score);
}

function addValue(
  c: Building,
  id: number,
  v: Value,
  rep: ClusterRep,
  docs: readonly Doc[],
  tol: number,
): void {
  if (c.at.has(id)) return;
  const s = rep.sents[id]!;
  const doc = docs[s.doc]!;
  const citation = citationOf(rep, id, 1);
  let k = c.raw.findIndex((w) => !valuesConflict(w, v, tol));
  if (k < 0) {
    c.raw.push(v);
    c.values.push({
      text: v.text,
      value: normalised(v),
      citations: [],
      outlets: [],
      start: v.start,
      end: v.end,
    });
    k = c.values.length - 1;
  }
  const group = c.values[k]!;
  if (!group.citations.some((x) => x.articleId === citation.articleId)) {
    group.citations.push(citation);
    group.outlets.push(outletOf(doc));
  }
  c.at.set(id, v);
}
