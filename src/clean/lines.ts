/** Splitting raw text into lines and computing the line-level features the cleaner judges by. */

/** A non-blank line of the raw text, trimmed of surrounding whitespace, with its features. */
export interface Line {
  /** Index among the non-blank lines of the article. */
  index: number;
  /** Span of the trimmed line in the raw text. */
  start: number;
  end: number;
  text: string;
  /** Whitespace-separated tokens. */
  words: number;
  /** Lower-cased letters/digits only, single-spaced: used for repetition and title matching. */
  key: string;
  /** Ends with . ! ? (possibly followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Contains a quotation mark. */
  hasQuote: boolean;
  /** Contains at least one letter or digit. */
  hasAlnum: boolean;
  /** Share of capitalised words among content words (short lines only, else 0). */
  capShare: number;
  /** Share of stop words among words (short lines only, else 0.5). */
  stopShare: number;
  /** Contains a verb-like word (short lines only, else true). */
  hasVerb: boolean;
  /** Share of content words that are web furniture vocabulary (short lines only, else 0). */
  vocabShare: number;
  /** Mentions a social platform (short lines only). */
  social: boolean;
  /** Contains a clear user-interface word such as "share", "print", "play" (short lines only). */
  uiWord: boolean;
}

/** Lines with at most this many words get the word-level features. */
export const SHORT_WORDS = 20;

const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet for of to in on at by with from into onto upon about above below over under " +
    "after before since until than then as if that this these those there here which who whom whose what when " +
    "where why how all any both each few more most other some such no not only own same too very can will just " +
    "should now i me my we our ours you your yours he him his she her hers it its they them their theirs is are " +
    "was were be been being have has had having do does did doing would could may might must shall also"
  ).split(" "),
);

/** Words that are neutral when judging whether a short line is made of furniture vocabulary. */
const NEUTRAL_WORDS = new Set("a an the to on in by with of and or us this via for our your at".split(" "));

const SOCIAL_WORDS = new Set(
  (
    "facebook twitter instagram pinterest linkedin whatsapp reddit tumblr snapchat youtube flipboard messenger " +
    "telegram tiktok google google+ rss"
  ).split(" "),
);

/** Unambiguous user-interface words. */
const UI_WORDS = new Set(
  (
    "share shares tweet tweets print email e-mail mail sms comment comments bookmark icon enlarge play replay " +
    "embed click tap subscribe gallery audio video videos reprints permalink whatsapp rss pinterest linkedin"
  ).split(" "),
);

/** Weaker furniture vocabulary: counts towards the share but does not make a line furniture alone. */
const VOCAB_WORDS = new Set(
  (
    "plus google copy link links close live only more menu search home next previous prev back top follow like " +
    "opens open new window tab loading unavailable cancel start now watch listen font text size save login log " +
    "sign up register photo photos image images pause mute fullscreen skip options settings view story " +
    "article"
  ).split(" "),
);

const COMMON_VERBS = new Set(
  (
    "is are was were be been being am has have had do does did will would can could should may might must shall " +
    "said says say told tells tell get gets got make makes made go goes went take takes took see sees saw come " +
    "comes came give gives gave know knows knew think thinks want wants find finds put puts keep keeps let lets " +
    "leave leaves left show shows become becomes feel feels run runs hold holds meet meets pay pays win wins " +
    "lose loses hit hits set sets cut cuts stand stands hope hopes wait waits call calls plan plans vow vows " +
    "warn warns urge urges seek seeks face faces back backs ask asks"
  ).split(" "),
);

const WORD_SPLIT = /\s+/;
const STRIP_EDGES = /^[^\p{L}\p{N}@#]+|[^\p{L}\p{N}+]+$/gu;
const KEY_JUNK = /[^a-z0-9\u00c0-\u1fff\u2c00-\ud7ff\uf900-\uffef]+/g;
const ENDS_SENTENCE = /[.!?…](?:["'”’»)\]]+)?$/;
const HAS_QUOTE = /["“”«»]/;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
const VERB_SUFFIX = /^[a-z]{3,}(?:ed|ing)$/;
const DIGIT_START = /^\d/;
const NUMBERISH = /^[\d.,:/+-]+$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11 || c === 0xfeff || c === 0x200b;
}

/** Normalised comparison key: lower-case letters and digits, single spaces. */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(KEY_JUNK, " ").trim();
}

/** Counts whitespace-separated tokens without allocating. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 160) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Splits raw text into trimmed non-blank lines with features. Blank lines are dropped. */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  const n = raw.length;
  while (pos <= n) {
    let nl = raw.indexOf("\n", pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(raw.charCodeAt(s))) s++;
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
    if (e > s) lines.push(makeLine(raw.slice(s, e), s, e, lines.length));
    pos = nl + 1;
  }
  return lines;
}

export function makeLine(text: string, start: number, end: number, index: number): Line {
  const words = countWords(text);
  const line: Line = {
    index,
    start,
    end,
    text,
    words,
    key: lineKey(text),
    endsSentence: ENDS_SENTENCE.test(text),
    hasQuote: HAS_QUOTE.test(text),
    hasAlnum: HAS_ALNUM.test(text),
    capShare: 0,
    stopShare: 0.5,
    hasVerb: true,
    vocabShare: 0,
    social: false,
    uiWord: false,
  };
  if (words <= SHORT_WORDS) wordFeatures(line);
  return line;
}

function wordFeatures(line: Line): void {
  const tokens = line.text.split(WORD_SPLIT);
  let content = 0;
  let caps = 0;
  let stops = 0;
  let counted = 0;
  let vocab = 0;
  let vocabDen = 0;
  let verb = false;
  let social = false;
  let ui = false;
  for (const tok of tokens) {
    const w = tok.replace(STRIP_EDGES, "");
    if (!w) continue;
    counted++;
    const lw = w.toLowerCase();
    if (STOP_WORDS.has(lw)) stops++;
    else if (!DIGIT_START.test(w) && HAS_ALNUM.test(w)) {
      content++;
      if (UPPER_START.test(w)) caps++;
    }
    if (COMMON_VERBS.has(lw) || VERB_SUFFIX.test(lw) || lw.endsWith("n't") || lw.endsWith("n’t")) verb = true;
    if (NEUTRAL_WORDS.has(lw) || NUMBERISH.test(lw)) continue;
    vocabDen++;
    const isSocial = SOCIAL_WORDS.has(lw);
    const isUi = UI_WORDS.has(lw);
    if (isSocial) social = true;
    if (isUi) ui = true;
    if (isSocial || isUi || VOCAB_WORDS.has(lw)) vocab++;
  }
  line.capShare = content ? caps / content : 0;
  line.stopShare = counted ? stops / counted : 0;
  line.hasVerb = verb;
  line.vocabShare = vocabDen ? vocab / vocabDen : 0;
  line.social = social;
  line.uiWord = ui;
}
