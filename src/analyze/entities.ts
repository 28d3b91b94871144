/**
 * Named entities of a cluster: people, organisations, places (and "other": prizes, events).
 *
 * 1. Candidates: runs of capitalised words per sentence (wordTokens), with possessives, hyphenated
 *    suffixes ("New York-based") and abbreviation periods handled. Words that open a sentence, a quote
 *    or a headline count only when the cluster shows them as names elsewhere (capitalised mid-sentence,
 *    a given name, a gazetteer entry, an acronym).
 * 2. Runs are cut by titles ("Secretary of State", "Sen.", "Press Secretary"), demonyms ("North Korean")
 *    and gazetteer entries, so "U.S. President Donald Trump" gives "U.S." and "Donald Trump" (role
 *    "president").
 * 3. Each mention votes for a type from the gazetteer, titles and role nouns around it ("opposition
 *    lawmaker X", "X, the county engineer,"), given names, head words ("… Department", "… River"),
 *    context ("in X", "X, who", "X-based", "X, Calif.") and a weak default by shape.
 * 4. Aliases merge across the cluster: normalised keys ("Kim Jong-un" = "Kim Jong Un", "U.S." = "United
 *    States"), sub-names ("Robert Kane" ⊂ "Robert J. Kane"), single names to the full name they start or
 *    end ("Kim", "Trump"; the most salient full name already seen in the article wins, so "Kim" is not
 *    "Kim Yong Chol" unless only he fits), acronyms to their expansions and "(ACRONYM)" after a name.
 *    Different full names stay distinct ("Kim Jong Un" / "Kim Yong Chol", "Serena" / "Venus Williams").
 */
import { countSources } from "../align/copies.ts";
import { NewsweaveError } from "../errors.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { wordTokens } from "../segment/index.ts";
import type { Doc } from "../types.ts";
import { defaultGazetteer, type GazEntry, type Gazetteer, normKey } from "./gazetteer.ts";

export type EntityType = "person" | "organization" | "place" | "other";

export interface EntityMention {
  articleId: string;
  /** Character span of the name (without title or possessive) in the article's clean text. */
  start: number;
  end: number;
}

export interface Entity {
  /** Stable within one result: a slug of the canonical name ("donald-trump"). */
  id: string;
  /** Canonical name: the gazetteer name or the fullest form used. */
  name: string;
  type: EntityType;
  /** Other forms used in the articles, as written (without possessive). */
  aliases: string[];
  mentions: EntityMention[];
  /** Number of articles that mention the entity. */
  sources: number;
  /** Titles and role nouns seen with a person or organisation ("mayor", "spokeswoman"). */
  roles?: string[];
  /** For people, when a given name, a title or a role says it. */
  gender?: "male" | "female";
}

export interface EntityOptions {
  /** Word lists (default: the shipped gazetteer). */
  gazetteer?: Gazetteer;
}

type Scores = [number, number, number, number];
const TYPES: EntityType[] = ["person", "organization", "place", "other"];
const P = 0;
const O = 1;
const L = 2;
const X = 3;

interface Tok {
  start: number;
  end: number;
  /** Text of the token as written (after trimming a possessive). */
  text: string;
  key: string;
  lower: string;
  cap: boolean;
  /** Opens a sentence, a quotation, a parenthesis or follows a colon. */
  initial: boolean;
  /** A possessive or a cut hyphenated suffix ends the run after this token. */
  endsRun: boolean;
  /** The lower-case suffix cut from a hyphenated token ("based" from "York-based"). */
  suffix?: string;
}

/** One candidate mention before merging. */
interface Cand {
  doc: number;
  start: number;
  end: number;
  surface: string;
  /** Normalised tokens of the name. */
  toks: string[];
  key: string;
  /** Evidence from the gazetteer and the context of this mention. */
  scores: Scores;
  /** Weak evidence from the shape of the name alone: counted once per entity, not per mention. */
  shape: Scores;
  gaz?: { name: string; type: EntityType };
  roles: string[];
  gender: "" | "male" | "female";
  acronym: boolean;
  /** Group the candidate ends up in. */
  group?: Group;
}

interface Group {
  key: string;
  toks: string[];
  cands: Cand[];
  gaz?: { name: string; type: EntityType };
  merged?: Group;
}

const ABBREV_PERIOD = new Set(
  (
    "co inc corp ltd jr sr st mt ft bros dept gov sen rep reps dr mr mrs ms gen lt col det sgt capt prof rev pres " +
    "adm maj cpl supt ave blvd rd ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich " +
    "minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo no"
  ).split(" "),
);
/** Lower-case endings cut from a hyphenated name: "New York-based", "Kremlin-backed". */
const NAME_SUFFIXES = new Set(
  (
    "based born led owned backed run made style era area bound linked funded controlled held allied affiliated " +
    "sponsored related only type like wide level class themed inspired focused centered centric registered " +
    "flagged listed educated trained raised bred area-based friendly bashing dominated speaking majority"
  ).split(" "),
);
const MONTH_ABBR =
  /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu|Thurs?|Fri|Sat|Sun)\.$/;
const MONTH_WORD =
  /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)$/;
/** What follows a month name when it is a date: an optional period, spaces, a day number. */
const MONTH_DAY_AFTER = /^\.?\s+\d{1,2}(?!\d)/;
/**
 * Common nouns that open many names ("City Council", "County Executive", "Port Authority") and are
 * capitalised alone at the start of a sentence or as a short form ("City officials said"): never an
 * entity on their own.
 */
const ROADS = new Set(["interstate", "highway", "route", "motorway", "autobahn"]);
const TICKER = /\((?:[A-Z0-9]{1,6}\.[A-Z]{1,3})(?:[,;]\s*[A-Z0-9]{1,6}\.[A-Z]{1,3})*\)/g;
const GENERIC_ALONE = new Set(
  "city county town village state port harbor harbour district borough province region council government department ministry agency office court police group party interstate highway route ii iii iv".split(
    " ",
  ),
);
/** First words of place names: "Port Alder", "East End", "Lake Placid". */
const PLACE_LEAD = new Set(
  "port mount mt lake fort ft cape glen isle san santa los las east west north south upper lower greater".split(
    " ",
  ),
);
/** Words that make a part of a place its own place: "Lower Manhattan", "Northern Ireland" is in the gazetteer. */
const PLACE_POSITION = new Set(
  "lower upper northern southern eastern western central greater downtown midtown inner outer".split(" "),
);
const TIME_ZONE = /^(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|AEST|AEDT|JST)$/;
const WEB_TLD = /^(?:com|org|net|gov|io)$/;
const WEB_NAME = /\.(?:com|org|net|gov|io)$/i;
const STORM_LEAD = new Set(["hurricane", "superstorm", "typhoon", "cyclone", "storm", "tornado"]);
/** A middle initial: "R.", "J". */
const INITIAL = /^\p{Lu}\.?$/u;
const PARTICLES = new Set([
  "de",
  "da",
  "del",
  "della",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "al",
  "la",
  "le",
]);
const JOINERS = new Set(["of", "for", "and", "the"]);
/** Word-forming prefixes before a hyphen: "Anti-doping" is a word, not a name with an ending. */
const PREFIXES = /^(?:anti|pro|non|post|pre|ex|co|self|multi|inter|counter|semi|mid|over|under|re|de|un)$/i;
const VON_BEFORE = /(?:^|\s)(?:von|van|van der|van den|von der)\s+$/;
const ORG_LEAD = new Set(
  (
    "department ministry office bank university college institute council bureau museum gulf bay isle republic " +
    "kingdom state states house school church board court academy centers center centre commission committee " +
    "federation union league association society agency embassy port city county"
  ).split(" "),
);
/** Words before the title of a work: its kind ("the sitcom …") or a part in it ("starred in …"). */
const WORK_BEFORE =
  /(?:\b(?:film|movie|comedy|drama|sitcom|series|novel|memoir|album|song|single|musical|documentary|thriller|franchise|classic|blockbuster|bestseller|podcast)\s+|\b(?:starred|starring|appeared|appears|co-starred|cameo|role|roles)\s+in\s+(?:the\s+)?)$/i;

/** A name modifying the noun after it: "the Fey-Poehler team", "the Obama administration", "the Kim regime". */
const NAME_AS_MODIFIER =
  /^(?:[-‐]\p{Lu}|['’]s\b|\s+(?:administration|campaign|team|family|regime|era|years|camp|case|trial|estate|household|presidency|government|brothers|sisters|siblings|couple|duo|clan|dynasty|show|film|movie|song|album|book|novel|biopic|character|legacy|doctrine|plan|tapes?|emails?|memo|interview|speech|visit|meeting|summit)\b)/u;

const SPEECH_AFTER = /^\s*(?:said|says|told|tells)\b/;
const WHO_AFTER = /^\s*,?\s*who\b/;
const WHICH_AFTER = /^\s*,\s*which\b/;
const AGE_AFTER = /^\s*,\s*\d{1,3}\s*,/;
const MEDIA_AFTER = /^\s*(?:reported|reports|reporting|quoted|published)\b/;
const PLACE_BEFORE = /(?:^|\s)(?:in|near|outside|inside|across|throughout|around|along)\s+(?:the\s+)?$/i;
const PLACE_OF =
  /\b(?:city|town|village|province|state|region|zone|county|island|district|capital|port|suburb|neighbou?rhood|coast|outskirts|north|south|east|west|heart|streets)\s+of\s+(?:the\s+)?$/i;
/** "a Grand Junction man", "an Ohio couple", "two Denver teens": where the people are from. */
const RESIDENT_AFTER =
  /^\s+(?:man|woman|men|women|resident|residents|couple|family|families|teen|teens|teenager|teenagers|boy|girl|native|natives|mother|father|mom|dad)\b/;
const COUNT_BEFORE = /(?:^|\s)(?:a|an|two|three|four|several|many|some)\s+$/i;
const FROM_BEFORE = /(?:^|\s)(?:from|to|at|into|toward|towards|via)\s+(?:the\s+)?$/i;
const BYLINE = /^\s*by\s+\p{Lu}/iu;
const UPPER = /^\p{Lu}/u;
const QUOTE_OPENERS = new Set(["“", '"', "‘", "'", "(", "[", "«", "—", "–", ":"]);

/** Gazetteer entry for a surface; acronym aliases ("UN", "US") only match when written in capitals. */
function gazLookup(gaz: Gazetteer, surface: string): GazEntry | undefined {
  const g = gaz.entries.get(normKey(surface));
  if (g?.caps && /\p{Ll}/u.test(surface)) return undefined;
  return g;
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[.&-]/g, "");
  return (
    letters.length >= 2 &&
    letters.length <= 6 &&
    /^[\p{Lu}\d]+$/u.test(letters) &&
    /\p{Lu}.*\p{Lu}/u.test(letters)
  );
}

function slug(name: string): string {
  return (
    normKey(name)
      .replace(/[^a-z0-9 ]/g, "")
      .trim()
      .replace(/\s+/g, "-") || "entity"
  );
}

function hasHyphen(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 45) return true;
  return false;
}

/** `UPPER.test(s)`, without the regular expression for ASCII first characters. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(s);
}

/** A surname after an Arabic article, written in lower case: "al-Bashir", "el-Sisi", "ash-Shara". */
const ARABIC_ARTICLE = /^(?:al|el|ad|ash|as|at|ar|an|az|ul)-\p{Lu}[\p{Ll}'’]+$/u;

/** Tokens of one sentence, with name-specific repairs. */
function sentenceTokens(text: string, start: number, end: number): Tok[] {
  const raw = wordTokens(text, start, end);
  const out: Tok[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const s = w.start;
    let e = w.end;
    let norm = w.norm;
    let endsRun = false;
    let suffix: string | undefined;
    if (norm.endsWith("'s") && norm.length > 2) {
      e -= 2;
      norm = norm.slice(0, -2);
      endsRun = true;
    }
    const hy = hasHyphen(text, s, e) ? text.slice(s, e).search(/-\p{Ll}+$/u) : -1;
    // "New York-based", "Kremlin-backed", "Pacino-insulting": a lower-case ending after a hyphen is no name
    const ending = hy > 0 ? text.slice(s + hy + 1, e) : "";
    if (
      hy > 0 &&
      UPPER.test(text[s]!) &&
      (NAME_SUFFIXES.has(ending) ||
        (/^\p{Ll}{3,}(?:ing|ed|en)$/u.test(ending) && !PREFIXES.test(text.slice(s, s + hy))))
    ) {
      suffix = text.slice(s + hy + 1, e);
      e = s + hy;
      norm = norm.slice(0, hy);
      endsRun = true;
    }
    // A web site's name keeps its domain: "Flightstats.com", "Change.org"
    const next = raw[i + 1];
    if (!endsRun && next && next.start === e + 1 && text.charCodeAt(e) === 46 && WEB_TLD.test(next.norm)) {
      e = next.end;
      norm = `${norm}.${next.norm}`;
      endsRun = true;
      i++;
    }
    // An ampersand inside a name: "AT&T", "Texas A&M", "S&P"
    if (
      !endsRun &&
      next &&
      next.start === e + 1 &&
      text.charCodeAt(e) === 38 &&
      UPPER.test(text[s]!) &&
      UPPER.test(text[next.start]!)
    ) {
      e = next.end;
      norm = `${norm}&${next.norm}`;
      i++;
    }
    // A period that belongs to the word: "Co.", "Mich.", an initial "J."
    if (text.charCodeAt(e) === 46 && !endsRun) {
      const bare = text.slice(s, e);
      if (
        (bare.length === 1 && UPPER.test(bare)) ||
        ABBREV_PERIOD.has(norm) ||
        /^(?:\p{L}\.)+\p{L}$/u.test(bare)
      ) {
        e += 1;
      }
    }
    const t = text.slice(s, e);
    // initial: first token of the sentence, or after an opening quote, parenthesis, dash or colon
    let k = s - 1;
    while (k >= start && (text[k] === " " || text[k] === "\u00a0")) k--;
    const prevChar = k >= start ? text[k]! : "";
    // after a quotation mark: an opening one sits right before the word, a closing one is followed by a space
    const afterMark = QUOTE_OPENERS.has(prevChar) && !(/["'”’]/.test(prevChar) && k + 1 < s);
    const initial = i === 0 || afterMark;
    out.push({
      start: s,
      end: e,
      text: t,
      key: normKey(t),
      lower: norm,
      cap: startsUpper(t) || ARABIC_ARTICLE.test(t),
      initial,
      endsRun,
      ...(suffix !== undefined ? { suffix } : {}),
    });
  }
  return out;
}

/** Title-case line without final punctuation: a headline or subhead left in the text. */
function isHeadline(text: string, start: number, end: number, toks: Tok[]): boolean {
  const long = toks.filter((t) => t.text.length >= 4);
  if (long.length < 3) return false;
  const caps = long.filter((t) => t.cap).length;
  const last = text
    .slice(start, end)
    .replace(/["'”’)\]\s]+$/, "")
    .slice(-1);
  return caps / long.length >= 0.7 && last !== "." && last !== "?" && last !== "!";
}

/** Abbreviations that only begin names: "St. Louis", "Mt. Hood", "Ft. Worth". */
const NAME_PREFIX = /^(?:St|Ste|Mt|Ft)\.$/;

interface Piece {
  kind: "title" | "demonym" | "gaz" | "name" | "joiner";
  from: number; // token index
  to: number; // exclusive
  role?: string;
  gaz?: { name: string; type: EntityType };
}

/** Era markers: "A.D.", "AD", "BC", "B.C.E.", "CE". */
const ERA = /^(?:A\.?D\.?|B\.?C\.?(?:E\.?)?|C\.?E\.?)$/;

interface Ctx {
  gaz: Gazetteer;
  /** Keys of words seen capitalised away from the start of a sentence somewhere in the cluster. */
  capMid: Set<string>;
  /** Lower-case words used in lower case somewhere in the cluster. */
  lowerUsed: Set<string>;
  /** Canonical names of countries (the gazetteer's demonym targets). */
  countries: ReadonlySet<string>;
}

function isNameWord(t: Tok, ctx: Ctx, headline: boolean, text: string): boolean {
  if (!t.cap) return false;
  if (ctx.gaz.nonNames.has(t.lower)) return false;
  if (MONTH_ABBR.test(t.text)) return false;
  // "a Jan. 22 report", "Aug 3": a month before a day number is a date, even where it is also a given name
  if (MONTH_WORD.test(t.text) && MONTH_DAY_AFTER.test(text.slice(t.end, t.end + 5))) return false;
  if (/^\p{Lu}\.$/u.test(t.text)) return !t.initial && !headline;
  // "H-bombs", "T-shirts", "U-turn", "X-rays": one capital letter before a hyphen and a common word
  if (/^\p{Lu}-\p{Ll}/u.test(t.text)) return false;
  // a party and state after a lawmaker's name: "(R-Utah)", "D-Calif."
  if (/^[RDI]-\p{Lu}/u.test(t.text)) return false;
  // a verb made of an abbreviation: "KOed", "OKed", "ODing"
  if (/^\p{Lu}{2,}(?:ed|'d|’d|ing)$/u.test(t.text)) return false;
  // an era beside a year or a century: "the first century A.D.", "2000 BC", "AD 79"
  if (
    ERA.test(t.text) &&
    (/(?:\d|centur(?:y|ies)|millenni(?:um|a))\s*$/i.test(text.slice(Math.max(0, t.start - 14), t.start)) ||
      /^\s*\d/.test(text.slice(t.end, t.end + 3)))
  )
    return false;
  // a time zone after a time: "6:40PM ET", "3 p.m. EST"
  if (
    TIME_ZONE.test(t.text) &&
    /\d\s*(?:[ap]\.?m\.?)?\s*$/i.test(text.slice(Math.max(0, t.start - 8), t.start))
  )
    return false;
  const gazHit = gazLookup(ctx.gaz, t.text) !== undefined;
  if (STOPWORDS.has(t.lower) && !gazHit) return false;
  // a word shouted in capitals ("PLEASE donate", "NOT true") that the cluster also writes in lower case
  if (!gazHit && t.lower.length >= 4 && /^\p{Lu}+$/u.test(t.text) && ctx.lowerUsed.has(t.lower)) return false;
  if (t.initial || headline) {
    if (
      gazHit ||
      isAcronym(t.text) ||
      WEB_NAME.test(t.text) ||
      ctx.gaz.givenNames.has(t.key) ||
      ctx.gaz.titles.has(t.key)
    )
      return true;
    // "St. Louis County …", "Mt. Everest …" opening a sentence: the abbreviation begins a name
    if (NAME_PREFIX.test(t.text) && /^\s+\p{Lu}/u.test(text.slice(t.end, t.end + 3))) return true;
    if (ctx.gaz.demonyms.has(t.key)) return true;
    return ctx.capMid.has(t.key);
  }
  return true;
}

/** Splits a run of name words into titles, demonyms, gazetteer entries and plain names. */
function splitRun(toks: Tok[], from: number, to: number, text: string, ctx: Ctx): Piece[] {
  const pieces: Piece[] = [];
  let i = from;
  while (i < to) {
    let matched: Piece | undefined;
    for (let j = Math.min(to, i + 7); j > i; j--) {
      const last = toks[j - 1]!;
      if (!last.cap) continue;
      const key = normKey(text.slice(toks[i]!.start, last.end));
      const title = ctx.gaz.titles.get(key);
      if (title !== undefined) {
        matched = { kind: "title", from: i, to: j, role: title };
        break;
      }
      if (ctx.gaz.demonyms.has(key)) {
        matched = { kind: "demonym", from: i, to: j };
        break;
      }
      const g = gazLookup(ctx.gaz, text.slice(toks[i]!.start, last.end));
      if (g) {
        matched = { kind: "gaz", from: i, to: j, gaz: { name: g.name, type: g.type } };
        break;
      }
    }
    if (matched) {
      pieces.push(matched);
      i = matched.to;
      continue;
    }
    const t = toks[i]!;
    // (a number is in a run only as a road's: "Interstate 5")
    pieces.push({ kind: t.cap || /^\d/.test(t.lower) ? "name" : "joiner", from: i, to: i + 1 });
    i++;
  }
  // a gazetteer word that leads an "of" name is that name's head: "Gulf of Mexico" (not the Persian Gulf)
  for (let k = 0; k + 2 < pieces.length; k++) {
    const p = pieces[k]!;
    const next = pieces[k + 1]!;
    const after = pieces[k + 2]!;
    if (p.kind !== "gaz" || p.to - p.from !== 1 || !ORG_LEAD.has(toks[p.from]!.lower)) continue;
    if (next.kind !== "joiner" || toks[next.from]!.lower !== "of") continue;
    if (after.kind === "name" || after.kind === "gaz") pieces[k] = { kind: "name", from: p.from, to: p.to };
  }
  // a one-word gazetteer name after a given name (and initials) is a surname: "Michael R. Bloomberg",
  // "Michael Bloomberg" (not the company), "George Washington"
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p.kind !== "gaz" || p.to - p.from !== 1) continue;
    let m = k - 1;
    while (m > 0 && pieces[m]!.kind === "name" && INITIAL.test(toks[pieces[m]!.from]!.text)) m--;
    const first = pieces[m]!;
    if (
      first.kind !== "name" ||
      first.to - first.from !== 1 ||
      !ctx.gaz.givenNames.has(toks[first.from]!.key)
    )
      continue;
    pieces.splice(m, k - m + 1, { kind: "name", from: first.from, to: p.to });
    k = m;
  }
  // a position word before a gazetteer place is part of a place's name: "Lower Manhattan", "Upper Egypt"
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k]!;
    const prev = pieces[k - 1]!;
    if (p.kind !== "gaz" || p.gaz?.type !== "place" || prev.kind !== "name" || prev.to - prev.from !== 1)
      continue;
    if (!PLACE_POSITION.has(toks[prev.from]!.lower)) continue;
    const name = text.slice(toks[prev.from]!.start, toks[p.to - 1]!.end);
    pieces.splice(k - 1, 2, { kind: "gaz", from: prev.from, to: p.to, gaz: { name, type: "place" } });
    k--;
  }
  // a demonym after a given name is a surname ("Hugh Welsh")
  for (let k = 1; k < pieces.length; k++) {
    const prev = pieces[k - 1]!;
    if (
      pieces[k]!.kind === "demonym" &&
      prev.kind === "name" &&
      ctx.gaz.givenNames.has(toks[prev.to - 1]!.key)
    ) {
      pieces[k] = { kind: "name", from: pieces[k]!.from, to: pieces[k]!.to };
    }
  }
  // a demonym before an organisation word is part of its name ("Socialist Party", "Korean Army")
  for (let k = 0; k + 1 < pieces.length; k++) {
    if (pieces[k]!.kind !== "demonym" || pieces[k + 1]!.kind !== "name") continue;
    let m = k + 1;
    while (m + 1 < pieces.length && pieces[m + 1]!.kind === "name") m++;
    if (ctx.gaz.orgHeads.has(toks[pieces[m]!.to - 1]!.lower))
      pieces[k] = { kind: "name", from: pieces[k]!.from, to: pieces[k]!.to };
  }
  // a title closing the run names nobody: it is part of the name ("Gayle King", "Martin Luther King"), also
  // before a generational suffix ("Martin Luther King, Jr. Avenue")
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p.kind !== "title" || pieces[k - 1]!.kind !== "name") continue;
    const next = pieces[k + 1];
    if (next === undefined || (next.kind === "name" && GENERATION.has(toks[next.from]!.text)))
      pieces[k] = { kind: "name", from: p.from, to: p.to };
  }
  // a title word inside an organisation's name: "Law and Justice Party", "Justice Party"
  for (let k = 0; k + 1 < pieces.length; k++) {
    const p = pieces[k]!;
    const next = pieces[k + 1]!;
    if (p.kind !== "title" || p.to - p.from !== 1 || next.kind !== "name") continue;
    if (
      ctx.gaz.orgHeads.has(toks[next.to - 1]!.lower) &&
      (k + 2 === pieces.length || pieces[k + 2]!.kind !== "name")
    )
      pieces[k] = { kind: "name", from: p.from, to: p.to };
  }
  // capitalised words that modify a following title ("Press" Secretary, "Labour" Minister)
  for (let k = pieces.length - 1; k > 0; k--) {
    const p = pieces[k]!;
    if (p.kind !== "title") continue;
    let m = k - 1;
    while (m >= 0 && pieces[m]!.kind === "name" && ctx.gaz.titleModifiers.has(toks[pieces[m]!.from]!.key))
      m--;
    if (m < k - 1) {
      const first = pieces[m + 1]!;
      pieces.splice(m + 1, k - m, { kind: "title", from: first.from, to: p.to, role: p.role ?? "" });
      k = m + 1;
    }
  }
  return pieces;
}

function emptyScores(): Scores {
  return [0, 0, 0, 0];
}

function typeIndex(t: EntityType): number {
  return TYPES.indexOf(t);
}

function lastWordBefore(text: string, pos: number, floor: number): string {
  let k = pos - 1;
  while (k >= floor && /\s/.test(text[k]!)) k--;
  const e = k + 1;
  while (k >= floor && /[\p{L}\p{N}'’-]/u.test(text[k]!)) k--;
  return text.slice(k + 1, e).toLowerCase();
}

/** Builds candidates for one document. */
function docCandidates(
  d: number,
  doc: Doc,
  tokens: Tok[][],
  headlines: ReadonlyArray<boolean | undefined>,
  ctx: Ctx,
  skip: Set<string>,
): Cand[] {
  const text = doc.article.text;
  const out: Cand[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    if (BYLINE.test(text.slice(s.start, Math.min(s.end, s.start + 40))) && s.end - s.start < 120) continue;
    const toks = tokens[si]!;
    const headline = headlines[si] ?? isHeadline(text, s.start, s.end, toks);
    // stock codes in brackets ("Kellogg Co (K.N)", "(CLX.N)") name no one of their own
    const tickers = [...text.slice(s.start, s.end).matchAll(TICKER)].map((m) => [
      s.start + m.index,
      s.start + m.index + m[0].length,
    ]);
    const inTicker = (t: Tok) => tickers.some(([a, b]) => t.start >= a! && t.end <= b!);
    let i = 0;
    while (i < toks.length) {
      if (tickers.length > 0 && inTicker(toks[i]!)) {
        i++;
        continue;
      }
      if (
        !isNameWord(toks[i]!, ctx, headline, text) &&
        !gazStarts(toks, i, text, ctx) &&
        !(!headline && opensWithGivenName(toks, i, text, ctx))
      ) {
        i++;
        continue;
      }
      // extend the run
      let j = i + 1;
      let lastName = i;
      while (j < toks.length) {
        const prev = toks[j - 1]!;
        if (prev.endsRun && !(prev.suffix === undefined && possessiveJoin(toks, j, text, ctx))) break;
        const gap = text.slice(prev.end, toks[j]!.start);
        // "Martin Luther King, Jr. Avenue": a generational suffix after a comma stays in the name
        const suffixAfterComma = gap === ", " && GENERATION.has(toks[j]!.text);
        if (
          gap !== " " &&
          gap !== " & " &&
          gap !== "\u00a0" &&
          !suffixAfterComma &&
          !(prev.endsRun && /^['’]s $/.test(gap))
        )
          break;
        const t = toks[j]!;
        if (gap === " & ") {
          if (!t.cap) break;
        }
        if (isNameWord(t, ctx, headline, text) || (t.cap && gazEndsAt(toks, i, j, text, ctx))) {
          lastName = j;
          j++;
          continue;
        }
        if (!t.cap && (JOINERS.has(t.lower) || PARTICLES.has(t.lower)) && j + 1 < toks.length) {
          j++;
          continue;
        }
        break;
      }
      let end = lastName + 1;
      // a road's number is part of its name: "Interstate 5", "Highway 101", "Route 66"
      const num = toks[end];
      if (
        num &&
        ROADS.has(toks[end - 1]!.lower) &&
        /^\d{1,4}[a-z]?$/.test(num.lower) &&
        text.slice(toks[end - 1]!.end, num.start) === " "
      )
        end++;
      if (!SLOGANS.has(normKey(text.slice(toks[i]!.start, toks[end - 1]!.end))))
        emitRun(d, doc, toks, i, end, ctx, out, skip);
      i = end;
    }
  }
  return out;
}

/** Capitalised phrases that name no one, common in quoted posts: "the Fake News knows it". */
const SLOGANS: ReadonlySet<string> = new Set(["fake news", "fake news media"].map(normKey));

/**
 * A first name opening a sentence before another name word: "Zack Brown, 34, was arrested". The word is
 * on the longer first-name list, never written in lower case in the cluster, and no title or known name.
 */
function opensWithGivenName(toks: Tok[], i: number, text: string, ctx: Ctx): boolean {
  const t = toks[i]!;
  const n = toks[i + 1];
  if (!t.cap || !t.initial || t.endsRun || !n?.cap || n.initial) return false;
  if (ctx.lowerUsed.has(t.lower) || STOPWORDS.has(t.lower)) return false;
  if (!ctx.gaz.moreGivenNames?.has(t.key)) {
    // an unlisted word: a name only before a person's name ending, and not a role noun ("Residents", "Officer")
    const singular = t.lower.replace(/s$/, "");
    if (ctx.gaz.roles.has(t.lower) || ctx.gaz.roles.has(singular) || !personAhead(toks, i + 1, text, ctx))
      return false;
  }
  if (ctx.gaz.titles.has(t.key) || ctx.gaz.nonNames.has(t.lower) || ctx.gaz.demonyms.has(t.key)) return false;
  if (text.slice(t.end, n.start) !== " " || gazLookup(ctx.gaz, n.text) !== undefined) return false;
  return isNameWord(n, ctx, false, text);
}

/** Generational suffixes closing a person's name, as written and as normalised keys. */
const GENERATIONS = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];
const GENERATION = new Set(GENERATIONS);
const GENERATION_KEYS = new Set(GENERATIONS.map((g) => g.toLowerCase()));
/**
 * An appositive after a name, its head word in group 2: ", the Alder County bridge engineer,", ", president of
 * CNN", ", a professor in the department of …".
 */
const APPOSITIVE =
  /^,\s+(?:(?:the|a|an|his|her|their|its)\s+)?((?:[\p{L}'’.-]+\s+){0,4}?)([\p{L}-]+)(?=\s+(?:of|for|at|in|with)\b|,|\.)/u;

/**
 * Whether the capitalised words from `i` close like a person's name: a generational suffix ("Times II",
 * "Smith Jr.") or an age in commas after one or two words ("Brown, 34,"). An unlisted first name before
 * them opens the name: "Theodus Times II, owner of …".
 */
function personAhead(toks: Tok[], i: number, text: string, ctx: Ctx): boolean {
  for (let j = i; j < Math.min(toks.length, i + 3); j++) {
    const t = toks[j]!;
    if (!t.cap) return false;
    if (j > i && GENERATION.has(t.text)) return true;
    if (AGE_AFTER.test(text.slice(t.end, t.end + 8))) return true;
    // an appositive role: "Mateusz Klinowski, mayor of a Polish town, said"
    const appo = APPOSITIVE.exec(text.slice(t.end, t.end + 80));
    if (appo && ctx.gaz.roles.has(appo[2]!.toLowerCase())) return true;
    if (t.endsRun || text.slice(t.end, toks[j + 1]?.start ?? t.end) !== " ") return false;
  }
  return false;
}

/**
 * A capitalised function word, or a word opening a sentence, that opens a gazetteer name ("Us Weekly",
 * "Wall street has …" in lower-cased text).
 */
function gazStarts(toks: Tok[], i: number, text: string, ctx: Ctx): boolean {
  const t = toks[i]!;
  const n = toks[i + 1];
  if (!t.cap || !n?.cap || !(STOPWORDS.has(t.lower) || t.initial) || text.slice(t.end, n.start) !== " ")
    return false;
  return gazLookup(ctx.gaz, text.slice(t.start, n.end)) !== undefined;
}

/** A capitalised function word that closes a gazetteer name ("Marine One"). */
function gazEndsAt(toks: Tok[], from: number, j: number, text: string, ctx: Ctx): boolean {
  for (let k = from; k < j; k++)
    if (gazLookup(ctx.gaz, text.slice(toks[k]!.start, toks[j]!.end))) return true;
  return false;
}

/** "St. Mary's Medical Center": a possessive inside a name ending in a place or organisation word. */
function possessiveJoin(toks: Tok[], j: number, text: string, ctx: Ctx): boolean {
  const prev = toks[j - 1]!;
  if (text.slice(prev.end, prev.end + 2).replace("’", "'") !== "'s") return false;
  if (gazLookup(ctx.gaz, prev.text) || !toks[j]?.cap) return false;
  let k = j;
  while (k + 1 < toks.length && toks[k + 1]!.cap && text.slice(toks[k]!.end, toks[k + 1]!.start) === " ") k++;
  const last = toks[k]!.lower;
  return ctx.gaz.placeHeads.has(last) || ctx.gaz.orgHeads.has(last);
}

const countryCache = new WeakMap<Gazetteer, ReadonlySet<string>>();
function countriesOf(gaz: Gazetteer): ReadonlySet<string> {
  let set = countryCache.get(gaz);
  if (!set) {
    set = new Set(gaz.demonyms.values());
    countryCache.set(gaz, set);
  }
  return set;
}

/**
 * Whether [start, end) lies in a clause written in capitals: between punctuation (or line ends), at least two
 * words of three or more letters and no lower-case letter. "LARCENY FROM AUTO, 2017-0724, 4200 block of …"
 */
function inShoutedClause(text: string, start: number, end: number): boolean {
  // at most SHOUT_REACH characters each way: a clause of pasted text can run for pages
  let a = start;
  const aMin = Math.max(0, start - SHOUT_REACH);
  while (a > aMin && !CLAUSE_END.test(text[a - 1]!)) a--;
  let b = end;
  const bMax = Math.min(text.length, end + SHOUT_REACH);
  while (b < bMax && !CLAUSE_END.test(text[b]!)) b++;
  const clause = text.slice(a, b);
  return !/\p{Ll}/u.test(clause) && (clause.match(/\p{Lu}{3,}/gu)?.length ?? 0) >= 2;
}
const CLAUSE_END = /[,;:!?|\n()"“”]/;
const SHOUT_REACH = 300;

/** Most names and places read on each side of an organisation's head word. */
const LOCAL_ORG_PIECES = 8;

/**
 * Where an organisation's name that opens with the place piece `k` ends (exclusive piece index), or `k + 1`:
 * names and places up to a word such as "University", "Department", "Bureau", optionally followed by "of"
 * or "for" and more names ("… Department of Health").
 */
function localOrgEnd(pieces: readonly Piece[], k: number, toks: readonly Tok[], ctx: Ctx): number {
  let m = k + 1;
  let headEnd = -1;
  // a head word within a few names (a run of capitalised words can be thousands long in pasted text)
  const limit = Math.min(pieces.length, k + 1 + LOCAL_ORG_PIECES);
  while (m < limit && (pieces[m]!.kind === "name" || pieces[m]!.kind === "gaz")) {
    const q = pieces[m]!;
    if (q.kind === "name" && ctx.gaz.orgHeads.has(toks[q.to - 1]!.lower)) headEnd = m + 1;
    m++;
  }
  if (headEnd < 0) return k + 1;
  const joiner = pieces[headEnd];
  if (
    joiner?.kind === "joiner" &&
    (toks[joiner.from]!.lower === "of" || toks[joiner.from]!.lower === "for")
  ) {
    let r = headEnd + 1;
    const rLimit = Math.min(pieces.length, r + LOCAL_ORG_PIECES);
    while (r < rLimit && (pieces[r]!.kind === "name" || pieces[r]!.kind === "gaz")) r++;
    if (r > headEnd + 1) return r;
  }
  return headEnd;
}

function emitRun(
  d: number,
  doc: Doc,
  toks: Tok[],
  from: number,
  to: number,
  ctx: Ctx,
  out: Cand[],
  skip: Set<string>,
): void {
  const text = doc.article.text;
  const pieces = splitRun(toks, from, to, text, ctx);
  // group plain names (with particles and lead-word joiners) into name groups
  const groups: Array<{ from: number; to: number; gaz?: Piece["gaz"]; title?: string; ofTitle?: boolean }> =
    [];
  let pendingTitle: string | undefined;
  let ofTitle = false;
  let k = 0;
  while (k < pieces.length) {
    const p = pieces[k]!;
    if (p.kind === "title") {
      // "Director of National Intelligence", "President of Oxfam America": an organisation follows "of"
      const next = pieces[k + 1];
      if (next?.kind === "joiner" && toks[next.from]!.lower === "of") {
        ofTitle = true;
        pendingTitle = undefined;
        k += 2;
        continue;
      }
      pendingTitle = p.role;
      k++;
      continue;
    }
    if (p.kind === "demonym" || p.kind === "joiner") {
      if (p.kind === "demonym") pendingTitle = undefined;
      k++;
      continue;
    }
    if (p.kind === "gaz") {
      // gazetteer entry followed by plain names: one name ("U.S. Coast Guard", "CNN Worldwide", "Kellogg Co")
      let m = k + 1;
      while (m < pieces.length && pieces[m]!.kind === "name") m++;
      // a state or city opening an organisation's name: "Florida Atlantic University", "Georgia Bureau of
      // Investigation", "Florida Department of Health" (a country stays apart: "U.S." + "Justice Department")
      if (p.gaz?.type === "place" && !ctx.countries.has(p.gaz.name))
        m = Math.max(m, localOrgEnd(pieces, k, toks, ctx));
      const next = pieces[m];
      const glueGaz =
        m === k + 1 &&
        next?.kind === "gaz" &&
        p.gaz?.type === "organization" &&
        next.gaz?.type === "place" &&
        toks[next.from]!.start - toks[p.to - 1]!.end === 1;
      if (glueGaz) m++;
      const gazOnly = m === k + 1;
      const g: { from: number; to: number; gaz?: Piece["gaz"]; title?: string; ofTitle?: boolean } = {
        from: p.from,
        to: pieces[m - 1]!.to,
      };
      if (gazOnly && p.gaz) g.gaz = p.gaz;
      else if (p.gaz) g.gaz = { name: "", type: p.gaz.type };
      if (pendingTitle !== undefined && p.gaz?.type === "person") g.title = pendingTitle;
      if (ofTitle) g.ofTitle = true;
      ofTitle = false;
      groups.push(g);
      pendingTitle = undefined;
      k = m;
      continue;
    }
    // name: take following names, particles, and lead-word joiners ("Department of Justice")
    let m = k + 1;
    while (m < pieces.length) {
      const q = pieces[m]!;
      if (q.kind === "name") {
        // a given name after two or more words starts another name ("… Intelligence James Clapper")
        const qTok = toks[q.from]!;
        const prevTok = toks[pieces[m - 1]!.to - 1]!;
        if (
          m - k >= 2 &&
          ctx.gaz.givenNames.has(qTok.key) &&
          !ctx.gaz.givenNames.has(prevTok.key) &&
          pieces[m + 1]?.kind === "name"
        ) {
          break;
        }
        m++;
        continue;
      }
      if (q.kind === "joiner" && m + 1 < pieces.length && pieces[m + 1]!.kind !== "title") {
        const word = toks[q.from]!.lower;
        const firstKey = toks[p.from]!.lower;
        const prevKey = toks[pieces[m - 1]!.to - 1]!.lower;
        // the words after the joiner, up to the end of the names: "… Music and Arts Festival"
        let r = m + 1;
        while (r < pieces.length && (pieces[r]!.kind === "name" || pieces[r]!.kind === "gaz")) r++;
        const tail = toks[pieces[r - 1]!.to - 1]!.lower;
        const headAfter = r > m + 1 && (ctx.gaz.orgHeads.has(tail) || ctx.gaz.otherHeads.has(tail));
        const lead =
          ORG_LEAD.has(firstKey) || ORG_LEAD.has(prevKey) || ctx.gaz.orgHeads.has(prevKey) || headAfter;
        // a person's name, then where the person is from: "Alexander Hristov of Penn State University"
        let personBefore = ctx.gaz.givenNames.has(toks[p.from]!.key) && m - k >= 2 && m - k <= 3;
        for (let t = p.from; personBefore && t < q.from; t++) {
          const w = toks[t]!.lower.replace(/['’]s$/, "");
          if (
            ORG_LEAD.has(w) ||
            ctx.gaz.orgHeads.has(w) ||
            ctx.gaz.placeHeads.has(w) ||
            ctx.gaz.otherHeads.has(w)
          )
            personBefore = false;
        }
        if (personBefore && !PARTICLES.has(word)) break;
        // "Crestview High School and Faulkner State College", "Penn State and Niagara University": a name
        // already closed by its head word before "and" is a list of two
        const closed =
          word === "and" &&
          (ctx.gaz.orgHeads.has(prevKey) ||
            ctx.gaz.placeHeads.has(prevKey) ||
            ctx.gaz.otherHeads.has(prevKey));
        if (PARTICLES.has(word) || (JOINERS.has(word) && word !== "the" && lead && !closed)) {
          m++;
          continue;
        }
      }
      if (
        q.kind === "gaz" &&
        q.gaz?.type === "place" &&
        m + 1 < pieces.length &&
        pieces[m + 1]!.kind === "name"
      ) {
        m++;
        continue;
      }
      // a place after "of" ends the name of an institution: "University of Florida", "Library of Congress"
      // (not "Member of Congress")
      if (q.kind === "gaz" && m >= k + 2 && pieces[m - 1]!.kind === "joiner") {
        const firstKey = toks[p.from]!.lower;
        const prevKey = toks[pieces[m - 2]!.to - 1]!.lower;
        const institution =
          ORG_LEAD.has(firstKey) ||
          ORG_LEAD.has(prevKey) ||
          ctx.gaz.orgHeads.has(prevKey) ||
          ctx.gaz.placeHeads.has(prevKey);
        if (institution && toks[pieces[m - 1]!.from]!.lower === "of") m++;
        break;
      }
      break;
    }
    // trailing joiners are not part of the name
    let last = m;
    while (last > k && pieces[last - 1]!.kind === "joiner") last--;
    const g: { from: number; to: number; title?: string; ofTitle?: boolean } = {
      from: p.from,
      to: pieces[last - 1]!.to,
    };
    if (pendingTitle !== undefined) g.title = pendingTitle;
    if (ofTitle) g.ofTitle = true;
    ofTitle = false;
    groups.push(g);
    pendingTitle = undefined;
    k = m;
  }
  const sentenceStart = toks[0] ? toks[0].start : 0;
  for (const g of groups) {
    const first = toks[g.from]!;
    const lastTok = toks[g.to - 1]!;
    const start = first.start;
    const end = lastTok.end;
    const surface = text.slice(start, end);
    const key = normKey(surface);
    if (key === "" || skip.has(key)) continue;
    // a name inside a heading in capitals ("LARCENY FROM AUTO", "HOPES AND FRUSTRATIONS") is no name
    if (!g.gaz && inShoutedClause(text, start, end)) continue;
    const tks = key.split(" ");
    const scores = emptyScores();
    const roles: string[] = [];
    let gender: "" | "male" | "female" = "";
    // "von Post", "van Gogh": a word after a lower-case "von" or "van" is a surname, whatever else it names
    const afterVon = VON_BEFORE.test(text.slice(Math.max(0, start - 12), start));
    const gz = g.gaz?.name && !afterVon ? g.gaz : undefined;
    if (gz) scores[typeIndex(gz.type)]! += 5;
    else if (g.gaz && !afterVon) scores[typeIndex(g.gaz.type)]! += 2;
    if (afterVon) scores[P] += 4;
    // a particle inside the name, no joiner: "Gunilla von Post", "Vincent van Gogh", "Leonardo da Vinci"
    const inside = tks.length >= 3 && !tks.some((w) => JOINERS.has(w)) ? tks.slice(1, -1) : [];
    if (inside.some((w) => w === "von" || w === "van")) scores[P] += 3;
    if (g.title !== undefined) {
      scores[P] += 4;
      if (g.title) roles.push(g.title);
      if (g.title === "mrs" || g.title === "ms" || g.title === "lady") gender = "female";
      else if (g.title === "mr") gender = "male";
      else gender = ctx.gaz.roles.get(g.title) || "";
    }
    // lower-case role noun right before: "opposition lawmaker Jose Guerra"
    const before = lastWordBefore(text, start, Math.max(0, start - 40));
    const roleG = ctx.gaz.roles.get(before);
    if (roleG !== undefined && !gz) {
      scores[P] += 4;
      roles.push(before);
      if (roleG) gender = roleG;
    }
    // a web site's name: "Flightstats.com", "Change.org"
    if (WEB_NAME.test(text.slice(start, end))) scores[O] += 6;
    // a storm's name: "Hurricane Sandy", "superstorm Sandy", "Typhoon Haiyan" (an event, not a place)
    if (!gz && STORM_LEAD.has(before)) scores[X] += 8;
    // a work named after its kind or a role in it: "the comedy classic Animal House", "starred in Baby Mama"
    if (!gz && WORK_BEFORE.test(text.slice(Math.max(0, start - 40), start))) scores[X] += 6;
    // appositive after: "Robert J. Kane, the Alder County bridge engineer," / "Jim Walton, president of CNN"
    const after = text.slice(end, Math.min(text.length, end + 80));
    const appo = text.charCodeAt(end) === 44 ? APPOSITIVE.exec(after) : null;
    if (appo && !gz) {
      const head = appo[2]!.toLowerCase();
      const rg = ctx.gaz.roles.get(head);
      if (rg !== undefined) {
        scores[P] += 3;
        roles.push(head);
        if (rg) gender = rg;
      }
    }
    const lastKey = tks[tks.length - 1]!;
    if (tks.length >= 2 || !gz) {
      // the head of "University of Florida", "Department of Health" is the word before "of"
      const isHead = (w: string) =>
        ctx.gaz.orgHeads.has(w) || ctx.gaz.placeHeads.has(w) || ctx.gaz.otherHeads.has(w);
      const ofAt = tks.findIndex((w, i) => i > 0 && (w === "of" || w === "for"));
      // "Gunilla von Post": a surname after a particle is no head word ("post")
      const particleName = inside.some((w) => PARTICLES.has(w)) && !isHead(tks[0]!);
      const head = particleName ? "" : !isHead(lastKey) && ofAt > 0 ? tks[ofAt - 1]! : lastKey;
      if (ctx.gaz.orgHeads.has(head)) scores[O] += 4;
      if (ctx.gaz.placeHeads.has(head)) scores[L] += 4;
      if (ctx.gaz.otherHeads.has(head)) scores[X] += 4;
    }
    if (lastKey === "center" && tks.includes("medical")) scores[L] += 3;
    if (tks.length >= 2 && ROADS.has(tks[tks.length - 2]!) && /^\d/.test(lastKey)) scores[L] += 4;
    if (tks.length >= 2 && !gz && PLACE_LEAD.has(tks[0]!)) scores[L] += 2;
    if (g.ofTitle) scores[O] += 3;
    const given = ctx.gaz.givenNames.get(tks[0]!);
    if (given !== undefined && !gz && !isAcronym(first.text)) {
      scores[P] += tks.length >= 2 ? 3 : 2;
      if (!gender && given) gender = given;
    }
    // a first name from the longer list, never written in lower case here, before a surname: "Tina Fey"
    // (not "West Point", "La Guardia", "Mar-a-Lago", "Denver Homeless")
    else if (
      given === undefined &&
      !g.gaz &&
      tks.length >= 2 &&
      ctx.gaz.moreGivenNames?.has(tks[0]!) &&
      !ctx.gaz.wordNames?.has(tks[0]!) &&
      !ctx.lowerUsed.has(tks[0]!) &&
      !PLACE_LEAD.has(tks[0]!) &&
      !PARTICLES.has(tks[0]!) &&
      !/[-‐]/.test(surface) &&
      !isAcronym(first.text)
    ) {
      scores[P] += 2;
      // "Lila Perez": a name only the women's list holds
      if (!gender) gender = ctx.gaz.moreGenders?.get(tks[0]!) ?? "";
    }
    if (/\s\p{Lu}\.\s/u.test(surface)) scores[P] += 3;
    const acronym = !/\s/.test(surface) && isAcronym(surface);
    if (acronym && !gz) scores[O] += ACRONYM_ORG;
    const pre = text.slice(Math.max(sentenceStart, start - 12), start);
    if (
      /of\s+(?:the\s+)?$/.test(pre) &&
      PLACE_OF.test(text.slice(Math.max(sentenceStart, start - 30), start))
    )
      scores[L] += 3;
    if (COUNT_BEFORE.test(pre) && RESIDENT_AFTER.test(text.slice(end, end + 16))) scores[L] += 3;
    if (PLACE_BEFORE.test(pre)) scores[L] += 1.5;
    else if (FROM_BEFORE.test(pre)) scores[L] += tks.length === 1 && !gz && /\bfrom\s+$/i.test(pre) ? 1 : 0.5;
    const follow = text.slice(end, Math.min(text.length, end + 40));
    if (WHO_AFTER.test(follow)) scores[P] += 2;
    if (/^\s+and\s+(?:his|her)\b/.test(follow)) scores[P] += 2;
    // "the Lewisham Odeon", "the Rickshaw Challenge": people's names take no article; but in "the
    // Fey-Poehler team", "the Obama administration" the article belongs to the noun after the name
    if (
      g.title === undefined &&
      roleG === undefined &&
      /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start)) &&
      !NAME_AS_MODIFIER.test(follow)
    ) {
      scores[P] -= 2;
      scores[X] += 1;
    }
    // a title in quotation marks, all of it a name: an “Animal House”, “Sisters” (a work, not a place)
    const opens = text.charCodeAt(start - 1);
    if ((opens === 0x201c || opens === 34) && /^[.,!?]?[”"]/.test(follow)) scores[X] += 3;
    if (AGE_AFTER.test(follow)) scores[P] += 3;
    if (WHICH_AFTER.test(follow)) scores[O] += 1;
    if (SPEECH_AFTER.test(follow)) {
      scores[P] += 1;
      scores[O] += 0.5;
    }
    if (MEDIA_AFTER.test(follow)) scores[O] += 1.5;
    if (lastTok.suffix === "based") scores[L] += 2;
    const comma =
      text.charCodeAt(end) === 44 ? /^,\s+([\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?)/u.exec(follow) : null;
    if (comma) {
      const e2 = gazLookup(ctx.gaz, comma[1]!);
      if (e2?.type === "place" && !gz) scores[L] += 2;
    }
    // shape: names of ordinary words are "other"; unknown words look like a person's name
    const plain =
      !acronym && tks.every((w) => /^\p{L}+$/u.test(w) && !ctx.lowerUsed.has(w) && !STOPWORDS.has(w));
    const headed =
      ctx.gaz.orgHeads.has(lastKey) || ctx.gaz.placeHeads.has(lastKey) || ctx.gaz.otherHeads.has(lastKey);
    const shape = emptyScores();
    // a particle between names: "Osama bin Laden", "Omar al-Bashir", "Ursula von der Leyen"
    const particle =
      tks.length >= 3 &&
      tks.slice(1, -1).some((w) => PARTICLES.has(w)) &&
      !ctx.gaz.placeHeads.has(tks[0]!) &&
      !ctx.gaz.orgHeads.has(tks[0]!) &&
      !ctx.gaz.otherHeads.has(tks[0]!);
    if (((plain && tks.length <= 4) || (particle && tks.length <= 5)) && !headed && tks.length >= 2)
      shape[P] += 1;
    else shape[X] += 0.5;
    const cand: Cand = {
      doc: d,
      start,
      end,
      surface,
      toks: tks,
      key,
      scores,
      shape,
      roles,
      gender,
      acronym,
    };
    if (gz) cand.gaz = gz;
    out.push(cand);
  }
}

/**
 * Gender of a person no name, title or role gave, from the pronouns that take the person up: the person is
 * the only one named in a sentence (as its subject), and that sentence goes on with "she …" or the next one
 * opens with "She". Two such cues and none against are needed ("… told von Post she looked well" names
 * two people and is no cue).
 */
function inferGenders(docs: readonly Doc[], entities: Entity[]): void {
  const byDoc = new Map<string, number>(docs.map((d, i) => [d.article.id, i]));
  // person mentions per article, for "is anyone else named in this sentence?"
  const people = new Map<number, Array<{ start: number; e: Entity }>>();
  for (const e of entities) {
    if (e.type !== "person") continue;
    for (const m of e.mentions) {
      const d = byDoc.get(m.articleId);
      if (d === undefined) continue;
      const list = people.get(d) ?? [];
      list.push({ start: m.start, e });
      people.set(d, list);
    }
  }
  for (const e of entities) {
    if (e.type !== "person" || e.gender !== undefined) continue;
    let male = 0;
    let female = 0;
    for (const m of e.mentions) {
      const d = byDoc.get(m.articleId);
      if (d === undefined) continue;
      const doc = docs[d]!;
      const text = doc.article.text;
      const si = doc.sentences.findIndex((s) => s.start <= m.start && m.start < s.end);
      if (si < 0) continue;
      const s = doc.sentences[si]!;
      if (text.slice(s.start, m.start).split(/\s+/).filter(Boolean).length > 3) continue;
      const others = (people.get(d) ?? []).some((p) => p.e !== e && p.start >= s.start && p.start < s.end);
      if (others) continue;
      const rest = text.slice(m.end, s.end).replace(/[“"][^”"]*[”"]/g, " ");
      const next = doc.sentences[si + 1];
      const opener = next && next.paragraph === s.paragraph ? text.slice(next.start, next.start + 5) : "";
      const cue = /\b(he|she)\b/i.exec(rest)?.[1] ?? /^(He|She)\b/.exec(opener)?.[1];
      if (cue?.toLowerCase() === "he") male++;
      else if (cue?.toLowerCase() === "she") female++;
    }
    if (male >= 2 && female === 0) e.gender = "male";
    else if (female >= 2 && male === 0) e.gender = "female";
  }
}

const CORP = new Set(["co", "inc", "corp", "corporation", "ltd", "llc", "plc", "incorporated", "company"]);

function aliasKey(c: Cand, gaz: Gazetteer): string {
  if (c.gaz) return `g:${normKey(c.gaz.name)}`;
  let t = c.toks;
  // "Flightstats.com" is "Flightstats"; "Amazon.com" is Amazon
  const site = t.length === 1 ? /^(.+?)\.?(?:com|org|net|gov|io)$/.exec(t[0]!) : null;
  if (site && WEB_NAME.test(c.surface)) {
    const g = gaz.entries.get(site[1]!);
    if (g && g.type === "organization") {
      c.gaz = { name: g.name, type: g.type };
      return `g:${normKey(g.name)}`;
    }
    return site[1]!;
  }
  while (t.length > 1 && CORP.has(t[t.length - 1]!)) t = t.slice(0, -1);
  if (t.length < c.toks.length) {
    const g = gaz.entries.get(t.join(" "));
    if (g && g.type === "organization") {
      c.gaz = { name: g.name, type: g.type };
      return `g:${normKey(g.name)}`;
    }
  }
  // "Tannery St." and "Tannery Street": a street word abbreviated at the end of a name
  const last = t[t.length - 1]!;
  const street = t.length > 1 ? STREET_WORDS.get(last) : undefined;
  if (street) t = [...t.slice(0, -1), street];
  return t.join(" ");
}

/** Abbreviated street words, read as such only at the end of a name ("St. Louis" keeps its saint). */
const STREET_WORDS: ReadonlyMap<string, string> = new Map([
  ["st", "street"],
  ["ave", "avenue"],
  ["rd", "road"],
  ["blvd", "boulevard"],
]);

/** Evidence for "organisation" that a bare acronym's capitals give ("NATO", "LAPD"). */
const ACRONYM_ORG = 1.5;

/**
 * Sums the context evidence of mentions, plus the shape evidence of the fullest name once. The capitals of
 * an acronym say nothing when the fullest name reads as a person's: "JFK" beside "John F. Kennedy" is his.
 */
function addEvidence(into: Scores, cands: readonly Cand[]): void {
  let fullest: Cand | undefined;
  for (const c of cands) {
    for (let i = 0; i < 4; i++) into[i]! += c.scores[i]!;
    if (!fullest || c.toks.length > fullest.toks.length) fullest = c;
  }
  if (!fullest) return;
  for (let i = 0; i < 4; i++) into[i]! += fullest.shape[i]!;
  if (fullest.acronym) return;
  const own = emptyScores();
  for (let i = 0; i < 4; i++) own[i] = fullest.scores[i]! + fullest.shape[i]!;
  if (bestType(own) === "person") for (const c of cands) if (c.acronym && !c.gaz) into[O]! -= ACRONYM_ORG;
}

function root(g: Group): Group {
  let r = g;
  while (r.merged) r = r.merged;
  return r;
}

function bestType(scores: Scores): EntityType {
  let best = 0;
  for (let i = 1; i < 4; i++) if (scores[i]! > scores[best]!) best = i;
  return TYPES[best]!;
}

function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length;
}

/**
 * Finds the people, organisations and places of a cluster and merges their aliases across articles.
 * Spans point into each `Doc.article.text`.
 */
export function extractEntities(docs: readonly Doc[], options: EntityOptions = {}): Entity[] {
  if (!Array.isArray(docs))
    throw new NewsweaveError("BAD_FIELD", "docs must be an array of Doc", { field: "docs" });
  const gaz = options.gazetteer ?? defaultGazetteer();
  // cluster evidence: words capitalised mid-sentence, words used in lower case
  const capMid = new Set<string>();
  const soloCap = new Set<string>();
  const lowerUsed = new Set<string>();
  const tokCache: Tok[][][] = [];
  /** isHeadline of each sentence's tokens (undefined once the tokens change). */
  const headlineCache: Array<Array<boolean | undefined>> = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    if (!doc || typeof doc.article?.text !== "string" || !Array.isArray(doc.sentences)) {
      throw new NewsweaveError("BAD_FIELD", `docs[${d}] is not a Doc (article.text and sentences)`, {
        field: `docs[${d}]`,
      });
    }
    const text = doc.article.text;
    const perSentence: Tok[][] = [];
    const headlines: Array<boolean | undefined> = [];
    for (const s of doc.sentences) {
      const toks = sentenceTokens(text, s.start, s.end);
      perSentence.push(toks);
      const headline = isHeadline(text, s.start, s.end, toks);
      headlines.push(headline);
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (!t.cap) {
          lowerUsed.add(t.lower);
          continue;
        }
        if (t.initial || headline) continue;
        capMid.add(t.key);
        // "al-Bashir" also vouches for "Bashir" opening a sentence
        if (ARABIC_ARTICLE.test(t.text)) capMid.add(t.key.slice(t.key.indexOf(" ") + 1));
        const prev = toks[i - 1];
        const next = toks[i + 1];
        const alone =
          (!prev?.cap || text.slice(prev.end, t.start) !== " ") &&
          (t.endsRun || !next?.cap || text.slice(t.end, next.start) !== " ");
        if (alone) soloCap.add(t.key);
      }
    }
    tokCache.push(perSentence);
    headlineCache.push(headlines);
  }
  // "Trump-Kim", "US-NoKor": split a hyphenated name when every part is a name of its own
  tokCache.forEach((perSentence, d) => {
    for (let si = 0; si < perSentence.length; si++) {
      const toks = perSentence[si]!;
      if (!toks.some((t) => t.cap && t.text.includes("-"))) continue;
      let changed = false;
      const out: Tok[] = [];
      for (const t of toks) {
        if (!t.cap || !t.text.includes("-")) {
          out.push(t);
          continue;
        }
        const parts = t.text.split("-");
        const ok = parts.every(
          (p) =>
            UPPER.test(p) && (soloCap.has(normKey(p)) || gazLookup(gaz, p) !== undefined || isAcronym(p)),
        );
        if (!ok) {
          out.push(t);
          continue;
        }
        changed = true;
        let pos = t.start;
        parts.forEach((p, k) => {
          const last = k === parts.length - 1;
          const piece: Tok = {
            start: pos,
            end: pos + p.length,
            text: p,
            key: normKey(p),
            lower: p.toLowerCase(),
            cap: true,
            initial: k === 0 ? t.initial : false,
            endsRun: last ? t.endsRun : true,
          };
          if (last && t.suffix !== undefined) piece.suffix = t.suffix;
          out.push(piece);
          pos += p.length + 1;
        });
      }
      if (changed) {
        perSentence[si] = out;
        headlineCache[d]![si] = undefined;
      }
    }
  });
  // "the Korean peninsula", "the Persian gulf": a lower-case geographic head that completes a gazetteer
  // place with the capitalised words before it belongs to the name
  tokCache.forEach((perSentence, d) => {
    const text = docs[d]!.article.text;
    for (const toks of perSentence) {
      for (let i = 1; i < toks.length; i++) {
        const t = toks[i]!;
        if (t.cap || !gaz.placeHeads.has(t.lower)) continue;
        for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
          const prev = toks[k]!;
          if (!prev.cap || (k < i - 1 && prev.endsRun)) break;
          if (k === i - 1 && (prev.endsRun || text.slice(prev.end, t.start) !== " ")) break;
          if (gazLookup(gaz, text.slice(prev.start, t.end))?.type !== "place") continue;
          // the place must be the whole run: "North Korean peninsula" is not "North" + "Korean Peninsula"
          const before = toks[k - 1];
          if (!before?.cap || before.endsRun || text.slice(before.end, prev.start) !== " ")
            toks[i] = { ...t, cap: true };
          break;
        }
      }
    }
  });
  const ctx: Ctx = { gaz, capMid, lowerUsed, countries: countriesOf(gaz) };
  const cands: Cand[] = [];
  for (let d = 0; d < docs.length; d++) {
    const a = docs[d]!.article;
    const skip = new Set<string>();
    if (a.author) for (const part of a.author.split(/,|\band\b/)) if (part.trim()) skip.add(normKey(part));
    if (a.outlet) skip.add(normKey(a.outlet));
    for (const c of docCandidates(d, docs[d]!, tokCache[d]!, headlineCache[d]!, ctx, skip)) cands.push(c);
  }

  // 1. groups by alias key
  const groups = new Map<string, Group>();
  for (const c of cands) {
    const k = aliasKey(c, gaz);
    let g = groups.get(k);
    if (!g) {
      g = { key: k, toks: c.gaz ? normKey(c.gaz.name).split(" ") : k.split(" "), cands: [] };
      if (c.gaz) g.gaz = c.gaz;
      groups.set(k, g);
    }
    g.cands.push(c);
    c.group = g;
  }
  const typeOf = (g: Group): EntityType => {
    const s = emptyScores();
    addEvidence(s, g.cands);
    return bestType(s);
  };
  const all = [...groups.values()];
  const multi = all.filter((g) => g.toks.length >= 2 && !g.gaz);
  // 2. sub-names: "Robert Kane" into "Robert J. Kane" (same first and last word)
  multi.sort((a, b) => b.toks.length - a.toks.length);
  for (const g of multi) {
    if (g.merged) continue;
    for (const h of multi) {
      if (h === g || h.merged || h.toks.length >= g.toks.length) continue;
      if (
        h.toks[0] === g.toks[0] &&
        h.toks[h.toks.length - 1] === g.toks[g.toks.length - 1] &&
        isSubsequence(h.toks, g.toks)
      ) {
        const tg = typeOf(g);
        const th = typeOf(h);
        if (tg === th || tg === "other" || th === "other") h.merged = g;
      }
    }
  }
  // "Zeta-Jones" = "Catherine Zeta-Jones" (a person's last words); "San Andreas" = "San Andreas Fault"
  for (const g of multi) {
    if (g.merged) continue;
    for (const h of multi) {
      if (h === g || h.merged || h.toks.length >= g.toks.length) continue;
      const suffix = g.key.endsWith(` ${h.key}`);
      const headLess = g.toks.length === h.toks.length + 1 && g.key.startsWith(`${h.key} `);
      if (!suffix && !headLess) continue;
      const tg = typeOf(g);
      const th = typeOf(h);
      if (suffix && tg === "person" && (th === "person" || th === "other")) {
        h.merged = g;
        continue;
      }
      const gHead = g.toks[g.toks.length - 1]!;
      const hHead = h.toks[h.toks.length - 1]!;
      if (
        headLess &&
        (gaz.placeHeads.has(gHead) || gaz.orgHeads.has(gHead)) &&
        !gaz.placeHeads.has(hHead) &&
        !gaz.orgHeads.has(hHead) &&
        tg !== "person" &&
        th !== "person" &&
        // "Mountain View Police" is not the town: an organisation named after a place is another entity
        !(tg !== th && (tg === "organization" || th === "organization") && (tg === "place" || th === "place"))
      ) {
        h.merged = g;
      }
    }
  }
  // 3. acronyms: "LAPD" = "Los Angeles Police Department"; "(PSUV)" after a name
  const initials = (g: Group): string => {
    const surface = g.cands[0]!.surface;
    return surface
      .split(/[\s-]+/)
      .filter((w) => w !== "" && !JOINERS.has(w.toLowerCase()) && w !== "&")
      .map((w) =>
        (/^(?:\p{Lu}\.)+$/u.test(w) || /^\p{Lu}{2,}$/u.test(w) ? w.replace(/\./g, "") : w[0]!).toLowerCase(),
      )
      .join("");
  };
  for (const g of all) {
    if (g.merged || g.toks.length !== 1) continue;
    const c0 = g.cands[0]!;
    if (!c0.acronym) continue;
    const target = multi.find((h) => !h.merged && initials(h) === g.toks[0]);
    if (target) {
      g.merged = root(target);
      continue;
    }
    for (const c of g.cands) {
      const text = docs[c.doc]!.article.text;
      if (text[c.start - 1] !== "(" || text[c.end] !== ")") continue;
      const prev = cands.find(
        (p) => p.doc === c.doc && p.end >= c.start - 3 && p.end <= c.start - 1 && p !== c,
      );
      if (prev?.group && prev.group !== g) {
        g.merged = root(prev.group);
        break;
      }
    }
  }
  // salience of full names: number of mentions, counted once the merges above are done
  let counts: Map<Group, number> | undefined;
  const weight = (g: Group): number => {
    if (!counts) {
      counts = new Map();
      for (const h of all) {
        const r = root(h);
        counts.set(r, (counts.get(r) ?? 0) + h.cands.length);
      }
    }
    return counts.get(g) ?? 0;
  };
  // 4. single words to a full name that starts or ends with them, per mention
  const fullNames = multi.filter((g) => !g.merged);
  const byWord = new Map<string, Group[]>();
  for (const g of fullNames) {
    const t = typeOf(g);
    if (t === "place") {
      // "Blanchfield" = "Blanchfield Army Community Hospital"
      const w = g.toks[0]!;
      if (gaz.placeHeads.has(g.toks[g.toks.length - 1]!) && !PLACE_LEAD.has(w) && g.toks.length >= 3) {
        const list = byWord.get(w) ?? [];
        if (!list.includes(g)) list.push(g);
        byWord.set(w, list);
      }
      continue;
    }
    if (t !== "person" && t !== "organization") continue;
    const ends = t === "person" ? [g.toks[0]!, g.toks[g.toks.length - 1]!] : [g.toks[0]!];
    // "Grange" is "Theodus Grange II", "Kane" is "Robert Kane Jr."
    if (t === "person" && g.toks.length >= 3 && GENERATION_KEYS.has(g.toks[g.toks.length - 1]!))
      ends.push(g.toks[g.toks.length - 2]!);
    for (const w of ends) {
      if (t === "organization") {
        const rest = g.toks.slice(1).join(" ");
        const restGaz = gaz.entries.get(rest);
        if (!(restGaz?.type === "place" || CORP.has(rest))) continue;
      }
      const list = byWord.get(w) ?? [];
      if (!list.includes(g)) list.push(g);
      byWord.set(w, list);
    }
  }
  const weights = new Map<Group, number>();
  const wOf = (g: Group): number => {
    let w = weights.get(g);
    if (w === undefined) {
      w = weight(g);
      weights.set(g, w);
    }
    return w;
  };
  // first mention of every full name per document
  const firstInDoc = new Map<string, number>();
  for (const c of cands) {
    const r = c.group ? root(c.group) : undefined;
    if (!r || r.toks.length < 2) continue;
    const k = `${c.doc}\u0000${r.key}`;
    const prev = firstInDoc.get(k);
    if (prev === undefined || c.start < prev) firstInDoc.set(k, c.start);
  }
  const reassigned = new Map<Cand, Group>();
  // each bare mention's candidate full names; a mention that fits only one of them adds to its salience
  const choices: Array<{ c: Cand; pool: Group[]; firstAt: (o: Group) => number }> = [];
  for (const g of all) {
    if (g.merged || g.toks.length !== 1) continue;
    const opts = byWord.get(g.toks[0]!);
    if (!opts || opts.length === 0) continue;
    // a company's name can be a person's surname in an article that names the person in full first
    // ("Michael R. Bloomberg … Bloomberg said"), unless the company is what reports ("Bloomberg reported")
    const orgAsSurname = g.gaz?.type === "organization" && opts.some((o) => typeOf(o) === "person");
    if (
      g.gaz &&
      g.gaz.type !== "person" &&
      !(g.gaz.type === "organization" && opts.every((o) => typeOf(o) === "organization")) &&
      !orgAsSurname
    ) {
      // a gazetteer place ("Washington") never becomes part of a person's name
      continue;
    }
    // a gendered title on the bare name in an article ("Mr. Trump") speaks for its other bare mentions there
    const docGender = new Map<number, string>();
    for (const c of g.cands) if (c.gender) docGender.set(c.doc, c.gender);
    for (const c of g.cands) {
      // "Mr. Trump" is not "Ivanka Trump": a title's gender must fit the full name's
      const gender = c.gender || docGender.get(c.doc) || "";
      const fits = opts.filter((o) => {
        if (!gender) return true;
        const gs = new Set(o.cands.map((x) => x.gender).filter((x) => x !== ""));
        return gs.size === 0 || gs.has(gender as "male" | "female");
      });
      if (fits.length === 0) continue;
      const seenBefore = fits.filter((o) => {
        const f = firstInDoc.get(`${c.doc}\u0000${o.key}`);
        return f !== undefined && f < c.start;
      });
      if (orgAsSurname) {
        const follow = docs[c.doc]!.article.text.slice(c.end, c.end + 24);
        const people = seenBefore.filter((o) => typeOf(o) === "person");
        if (people.length === 0 || MEDIA_AFTER.test(follow)) continue;
        choices.push({ c, pool: people, firstAt: (o) => firstInDoc.get(`${c.doc}\u0000${o.key}`) ?? 0 });
        continue;
      }
      const inDoc = fits.filter((o) => firstInDoc.has(`${c.doc}\u0000${o.key}`));
      const pool = seenBefore.length > 0 ? seenBefore : inDoc.length > 0 ? inDoc : fits;
      const firstAt = (o: Group): number =>
        firstInDoc.get(`${c.doc}\u0000${o.key}`) ?? Number.MAX_SAFE_INTEGER;
      choices.push({ c, pool, firstAt });
    }
  }
  // "Chen" after "Chen Guangcheng" and later "his nephew, Chen Kegui": the bare mentions of an article
  // that could only mean one of them count for its salience there, so the article's main person keeps
  // the bare name even when the other one is written in full more often
  const unambiguous = new Map<string, number>();
  const docKey = (o: Group, doc: number): string => `${doc}\u0000${o.key}`;
  for (const { c, pool } of choices)
    if (pool.length === 1) {
      const k = docKey(pool[0]!, c.doc);
      unambiguous.set(k, (unambiguous.get(k) ?? 0) + 1);
    }
  for (const { c, pool, firstAt } of choices) {
    const salience = (o: Group): number => wOf(o) + (unambiguous.get(docKey(o, c.doc)) ?? 0);
    let best = pool[0]!;
    for (const o of pool)
      if (salience(o) > salience(best) || (salience(o) === salience(best) && firstAt(o) < firstAt(best)))
        best = o;
    reassigned.set(c, best);
  }

  // 5. build entities
  interface Acc {
    group: Group;
    cands: Cand[];
  }
  const accs = new Map<Group, Acc>();
  for (const c of cands) {
    const g = reassigned.get(c) ?? (c.group ? root(c.group) : undefined);
    if (!g) continue;
    let acc = accs.get(g);
    if (!acc) {
      acc = { group: g, cands: [] };
      accs.set(g, acc);
    }
    acc.cands.push(c);
  }
  const entities: Entity[] = [];
  const usedIds = new Map<string, number>();
  for (const acc of accs.values()) {
    const scores = emptyScores();
    addEvidence(scores, acc.cands);
    const best = Math.max(...scores);
    if (best < 1 && acc.cands.length < 2) continue; // no evidence: a capitalised word seen once
    const type = bestType(scores);
    // canonical name
    let name: string;
    if (acc.group.gaz?.name) name = acc.group.gaz.name;
    else {
      const counts = new Map<string, number>();
      for (const c of acc.cands) counts.set(c.surface, (counts.get(c.surface) ?? 0) + 1);
      let bestName = acc.cands[0]!.surface;
      let bestLen = -1;
      let bestCount = -1;
      for (const [s, n] of counts) {
        const len = normKey(s).split(" ").length;
        if (
          len > bestLen ||
          (len === bestLen && n > bestCount) ||
          (len === bestLen && n === bestCount && s.length > bestName.length)
        ) {
          bestName = s;
          bestLen = len;
          bestCount = n;
        }
      }
      name = bestName;
    }
    if (!acc.group.gaz?.name && GENERIC_ALONE.has(normKey(name))) continue;
    const aliases = [...new Set(acc.cands.map((c) => c.surface))].filter((s) => s !== name);
    acc.cands.sort((a, b) => a.doc - b.doc || a.start - b.start);
    const mentions: EntityMention[] = [];
    const seen = new Set<string>();
    for (const c of acc.cands) {
      const k = `${c.doc}:${c.start}`;
      if (seen.has(k)) continue;
      seen.add(k);
      mentions.push({ articleId: docs[c.doc]!.article.id, start: c.start, end: c.end });
    }
    const roles = [...new Set(acc.cands.flatMap((c) => c.roles))];
    let id = slug(name);
    const n = usedIds.get(id) ?? 0;
    usedIds.set(id, n + 1);
    if (n > 0) id = `${id}-${n + 1}`;
    const e: Entity = {
      id,
      name,
      type,
      aliases,
      mentions,
      sources: countSources(
        docs,
        acc.cands.map((c) => c.doc),
      ),
    };
    if (type === "person" || type === "organization") {
      if (roles.length > 0) e.roles = roles;
    }
    if (type === "person") {
      let m = 0;
      let f = 0;
      for (const c of acc.cands) {
        if (c.gender === "male") m++;
        else if (c.gender === "female") f++;
      }
      if (m > f) e.gender = "male";
      else if (f > m) e.gender = "female";
    }
    entities.push(e);
  }
  inferGenders(docs, entities);
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return entities;
}
