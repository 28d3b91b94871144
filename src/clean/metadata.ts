/** Metadata found in the text: datelines, update/publication stamps, dates, bylines. */

export const MONTH =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" +
  "Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DATE_MDY = new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH}),?\\s+(\\d{4})\\b`, "i");
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DATE_US = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
/** A date or a clock time somewhere in a line. */
export const HAS_DATE_OR_TIME = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|` +
    "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?|\\b\\d{1,2}\\s*[ap]\\.?m\\b",
  "i",
);

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthNumber(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** The first full calendar date in a piece of text, as ISO 8601 (YYYY-MM-DD). */
export function findIsoDate(text: string): string | undefined {
  let m = DATE_MDY.exec(text);
  if (m) return iso(Number(m[3]), monthNumber(m[1] ?? ""), Number(m[2]));
  m = DATE_DMY.exec(text);
  if (m) return iso(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1]));
  m = DATE_ISO.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DATE_US.exec(text);
  if (m) return iso(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

/** Capitalised words that open a line like a place but are labels, not places. */
const NOT_PLACES = new Set(
  (
    "BREAKING NEWS UPDATE UPDATED EXCLUSIVE WATCH VIDEO VIDEOS PHOTO PHOTOS ANALYSIS OPINION EDITORIAL LIVE ALERT " +
    "DEVELOPING CLOSE FILE NEW NOTE REVIEW COMMENTARY SPOILER WARNING CORRECTION MORE ALSO RELATED READ JUST IN " +
    "URGENT FLASH LISTEN SPONSORED ADVERTISEMENT GALLERY UPDATES EDITOR'S EDITORS OK I A THE BY FROM AND OR " +
    "TRANSCRIPT Q QUESTION ANSWER REPORT REPORTS SOURCE SOURCES MAP GRAPHIC INTERACTIVE POLL QUIZ BONUS FBI CIA " +
    "NASA NATO UN EU GOP NFL NBA MLB NHL WHO IMF CEO CDC FDA EPA SEC NSA DOJ ICE TSA FAA U.S. US UK " +
    "DISCLAIMER DISCLOSURE TRIGGER PSA FYI TLDR RIP HEADLINE SUMMARY BACKGROUND CONTEXT FACT EXPLAINER RECAP " +
    "INTERVIEW OBITUARY OBITUARIES PREVIEW PROFILE FEATURE FEATURES INSIGHT FOCUS ESSAY LETTER LETTERS PODCAST " +
    "TIMELINE FAQ QUOTE QUOTES TRENDING VIRAL LATEST TOP HEADLINES MORNING EVENING WEEKEND DAILY NEWSLETTER " +
    "POLITICS WORLD BUSINESS SPORTS SPORT TECH TECHNOLOGY HEALTH SCIENCE ENTERTAINMENT CULTURE STYLE TRAVEL " +
    "FOOD MONEY MARKETS ECONOMY LOCAL NATIONAL INTERNATIONAL WEATHER CRIME EDUCATION ENVIRONMENT CLIMATE " +
    "EXCERPT EXTRACT STATEMENT SOURCE FILE"
  ).split(" "),
);

const CAPS_WORD = "[A-Z][A-Z.'’/\\-]*[A-Z.]";
const TITLE_WORD = "[A-Z][a-z.'’\\-]+";
const REGION = "[A-Z][\\p{L}.'’\\-]*(?:\\s+[A-Z][\\p{L}.'’\\-]*){0,2}";
const AGENCY = "\\(([A-Za-z][\\w .&-]{0,30}?)\\)";
const DASH = "\\s*(?:[-–—]{1,2}|:)\\s+";
/** "PYONGYANG, North Korea –", "SEOUL, South Korea (Reuters) -", "WASHINGTON, Jan. 5 (AP) —". */
const DATELINE_CAPS = new RegExp(
  `^(${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3})(?:,\\s*(${REGION}))?(?:,?\\s+${MONTH}\\s+\\d{1,2})?\\s*(?:${AGENCY})?${DASH}`,
  "u",
);
/** "Washington (CNN) —": a title-case place needs the agency in parentheses. */
const DATELINE_TITLE = new RegExp(
  `^(${TITLE_WORD}(?:\\s+${TITLE_WORD}){0,2})(?:,\\s*(${REGION}))?\\s*${AGENCY}${DASH}`,
  "u",
);
/** "BEIRUT/AMMAN, Syrian forces …": cities joined by slashes are a dateline even when the agency was cut. */
const DATELINE_CITIES = /^([A-Z][A-Z.'’-]+[A-Z.](?:\/[A-Z][A-Z.'’-]+[A-Z.])+),\s+(?=\p{Lu})/u;
/** "(CNN) —" with no place. */
const DATELINE_AGENCY = new RegExp(`^${AGENCY}${DASH}`, "u");
/** "(CNN)Sudanese …", "(Reuters) Sudanese …": an agency credit before the first word. */
const AGENCY_GLUED = new RegExp(`^${AGENCY}\\s*(?=\\p{Lu})`, "u");
/** An all-capitals outlet abbreviation or broadcast call sign ("MNN", "KTLA-TV"). */
const CALL_SIGN = /^[A-Z]{2,6}(?:-(?:TV|FM|AM|DT))?$/;
const KNOWN_AGENCY =
  /^(?:AP|AFP|Reuters|CNN|UPI|dpa|DPA|Xinhua|Bloomberg|BBC|EFE|ANI|PTI|IANS|TASS|CBS|NBC|ABC|AAP|KCNA|Yonhap|CNS|RNS|MarketWatch|HealthDay(?: News)?|The Hill|TheWrap|Variety|Sputnik|WSJ|NPR|Al Jazeera)$/;

export interface Dateline {
  /** Length of the dateline prefix including the dash and following space. */
  length: number;
  place?: string;
}

/** A line that opens with a capitalised speaker label, as in a transcript ("TRUMP: Thank you."). */
export const SPEAKER_LABEL = /^[A-Z][A-Z.'’-]*[A-Z.](?:\s+[A-Z][A-Z.'’-]*[A-Z.]){0,3}:\s/;

/**
 * A dateline at the start of a line: only when it is really a place (or a known agency alone).
 * `colonOk`: the article has no speaker labels elsewhere, so "LAHORE: An enraged mob …" is a dateline
 * (the style of many South Asian outlets), not the first speaker of a transcript.
 */
export function findDateline(text: string, colonOk = false): Dateline | undefined {
  let m = DATELINE_CAPS.exec(text);
  if (m) {
    const city = m[1] ?? "";
    const agency = m[3];
    const first = city.split(/\s+/)[0] ?? "";
    // "NEW:" is a label, "NEW YORK" and "NEW DELHI" are places
    const label = NOT_PLACES.has(first.replace(/[.:]$/, "")) && !(first === "NEW" && /\s/.test(city));
    const isPlace = !label && /[A-Z]{2}/.test(city) && city.length <= 30;
    // A caps word followed by a colon is more often a label ("BREAKING:") or a speaker in a transcript.
    // With no other speaker label in the article, a place followed by a colon and a sentence is a dateline.
    const colon =
      /:\s+$/.test(m[0]) && !agency && !(colonOk && /^["“]?[A-Z]\S*\s/.test(text.slice(m[0].length)));
    if (isPlace && !colon && (agency === undefined || agencyLike(agency))) {
      const place = m[2] ? `${city}, ${m[2]}` : city;
      return { length: m[0].length, place };
    }
  }
  m = DATELINE_CITIES.exec(text);
  if (m) return { length: m[0].length, place: m[1]! };
  m = DATELINE_TITLE.exec(text);
  if (m && KNOWN_AGENCY.test(m[3] ?? "") && !/:\s+$/.test(m[0])) {
    const place = m[2] ? `${m[1]}, ${m[2]}` : m[1];
    return { length: m[0].length, ...(place ? { place } : {}) };
  }
  // "(CNN) —", "(MNN) —", "(KTLA-TV) —": an outlet credit opening the article, with no place.
  m = DATELINE_AGENCY.exec(text);
  const credit = m?.[1] ?? "";
  if (m && (KNOWN_AGENCY.test(credit) || CALL_SIGN.test(credit)) && !/:\s+$/.test(m[0])) {
    return { length: m[0].length };
  }
  // "(CNN)Sudanese President …": a known agency's credit run into the first word, with no dash
  m = AGENCY_GLUED.exec(text);
  if (m && KNOWN_AGENCY.test(m[1] ?? "")) return { length: m[0].length };
  return undefined;
}

function agencyLike(s: string): boolean {
  return KNOWN_AGENCY.test(s) || /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2}$/.test(s);
}

const STAMP_LEAD =
  /^[/|—–-]*\s*(?:last\s+)?(updated|update|published|posted|first published|originally published|modified|created|date)(?:\s+on|\s+at)?\s*:?\s+/i;

export interface Stamp {
  kind: "updated" | "published";
  iso?: string;
}

/** A whole-line publication/update stamp such as "UPDATED 9:50 AM PT — Thursday, January 31, 2019". */
export function parseStampLine(text: string, words: number): Stamp | undefined {
  if (words > 16) return undefined;
  const m = STAMP_LEAD.exec(text);
  if (!m || !HAS_DATE_OR_TIME.test(text.slice(m[0].length))) return undefined;
  const kind =
    (m[1] ?? "").toLowerCase().startsWith("update") || /modified/i.test(m[1] ?? "") ? "updated" : "published";
  const date = findIsoDate(text);
  return date ? { kind, iso: date } : { kind };
}

const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?";
const CLOCK = "\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s+[A-Z]{2,4})?";
/** A line that is only a date, optionally with a weekday and a clock time: "March 10, 2026 at 7:42 p.m.". */
const BARE_DATE_LINE = new RegExp(
  `^(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    `(?:\\s*(?:,|at|[-–—|·•])?\\s*${CLOCK})?\\s*$`,
  "i",
);

/** A line that is only a date (and time): the page's time stamp, not a sentence of the article. */
export function parseBareDateLine(text: string, words: number): Stamp | undefined {
  if (words > 10 || !BARE_DATE_LINE.test(text)) return undefined;
  const date = findIsoDate(text);
  return date ? { kind: "published", iso: date } : { kind: "published" };
}

const NAME_TOKEN = "[\\p{Lu}][\\p{L}.'’\\-]*";
const NAME = `${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3}`;
const NAMES = `${NAME}(?:\\s*(?:,|\\band\\b|&)\\s*${NAME})*`;
const BYLINE_RE = new RegExp(
  `^[/|]?\\s*(?:[Bb]y|BY|[Aa]uthors?|AUTHORS?|(?:[Ww]ritten|[Pp]osted|[Ss]tory|[Ww]ords|[Uu]pdated) [Bb]y|(?:WRITTEN|POSTED|UPDATED) BY)` +
    `\\s*:?\\s+(${NAMES})` +
    `(?:\\s*[,|–—-]\\s*(?:${NAME_TOKEN}\\s*){1,5})?$`,
  "u",
);
const LEAD_BYLINE_RE = new RegExp(
  `^(?:By\\s+)+(${NAMES})\\s*,?\\s+(${MONTH}\\s+\\d{1,2},?\\s+\\d{4})(?:\\s+in\\s+[\\p{Lu}][\\p{L}&]*(?:\\s+[\\p{Lu}][\\p{L}&]*)?)?\\s+(?=[\\p{Lu}"“])`,
  "u",
);
const NAME_STOP = new Set(
  "the a an of in on at to for from with this that these our your their its is are was were be no not".split(
    " ",
  ),
);

function plausibleNames(names: string): boolean {
  const tokens = names.split(/[\s,&]+/).filter((t) => t && t.toLowerCase() !== "and");
  if (tokens.length === 0) return false;
  for (const t of tokens) if (NAME_STOP.has(t.toLowerCase())) return false;
  return true;
}

/** "By Jane Doe", "Author: Emily Stewart", "By JANE DOE, Associated Press" → the names. */
export function parseBylineLine(text: string, words: number): string | undefined {
  if (words > 12) return undefined;
  const m = BYLINE_RE.exec(text);
  if (!m) return undefined;
  const names = withoutOutlet((m[1] ?? "").trim());
  return plausibleNames(names) ? names : undefined;
}

/** Words that make a comma-separated byline item an outlet or a role rather than a person. */
const OUTLET_WORD =
  /\b(?:Press|News|Times|Post|Journal|Herald|Tribune|Magazine|Network|Agency|Wire|Service|Staff|Writer|Reporter|Correspondent|Editor|Contributor|Reuters|AP|AFP|Bloomberg|CNN|BBC|NPR|Newsroom|Desk)\b/i;

/** "Jane Doe, Associated Press" → "Jane Doe" (the trailing items naming an outlet or a role). */
function withoutOutlet(names: string): string {
  const items = names.split(/\s*,\s*/);
  while (items.length > 1 && OUTLET_WORD.test(items[items.length - 1] ?? "")) items.pop();
  return items.join(", ");
}

/** A byline with a date at the start of a paragraph: "By Karen Graham Oct 31, 2015 in Entertainment A famous…". */
export function findLeadingByline(
  text: string,
): { length: number; author: string; iso?: string } | undefined {
  const m = LEAD_BYLINE_RE.exec(text);
  if (!m) return undefined;
  const names = (m[1] ?? "").trim();
  if (!plausibleNames(names)) return undefined;
  const date = findIsoDate(m[2] ?? "");
  return { length: m[0].length, author: names, ...(date ? { iso: date } : {}) };
}
