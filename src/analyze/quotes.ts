/**
 * Direct and partial quotations of a cluster, with speakers, merged across outlets.
 *
 * 1. Spans between quotation marks (curly, straight, guillemets; single marks only in an article that
 *    uses no double marks), paragraph by paragraph. A quotation left open at the end of a paragraph
 *    continues when the next paragraph reopens it (the news convention) or closes it first.
 * 2. Not quotations: one-word quotes, titles and names in quotes ("The Cure", “60 Minutes”), words
 *    after "dubbed"/"called"/"titled", quotes in headline lines, and scare quotes: a quote that starts
 *    lower-case needs a speech verb or "according to" in its sentence.
 * 3. Speaker: the attribution after the quote (“…,” X said / said X), before it (X said: “…” / X told
 *    Reuters, “…” / according to X), the sentence's speech verb for partial quotes, or, for a quote with
 *    none, the speaker of the previous quote or attribution in the paragraph or the one before. X may
 *    be a name (the entity mentioned there), a pronoun (the nearest compatible person or organisation
 *    before it), a definite role ("the mayor": the entity with that title), or a description kept as
 *    written ("a spokesman for the ministry"). Nothing found: "unattributed".
 * 4. A quote split by its attribution (“We will,” he said, “go.”) or continued right after it in the
 *    same or the next paragraph without an attribution of its own is one quote with several parts.
 * 5. A quote repeated inside a longer quote of the same article is dropped; the same words in several
 *    articles are one Quote with one mention per article; the same speaker's statement in different
 *    wording is a separate Quote linked by `group` / `variantOf`.
 * The text of a quote is always the source's characters: its parts, joined by a space.
 */

import { countSources } from "../align/copies.ts";
import { closingPosition } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { wordTokens } from "../segment/index.ts";
import type { Doc, Sentence, Span } from "../types.ts";
import type { Entity } from "./entities.ts";
import { defaultGazetteer, type Gazetteer, normKey } from "./gazetteer.ts";

export interface QuoteMention {
  articleId: string;
  /** From the first character inside the opening mark to the last one before the closing mark. */
  start: number;
  end: number;
  /** Index of the sentence where the quote starts. */
  sentence: number;
  /** The quoted pieces (one, or several for a quote split by its attribution or by paragraphs). */
  parts: Span[];
}

export type Speaker = { name: string; entityId?: string } | "unattributed";

export interface Quote {
  id: string;
  /** The quoted words, verbatim: the parts of the longest mention joined by a space. */
  text: string;
  speaker: Speaker;
  /** Where the quote appears: normally one mention per article. */
  mentions: QuoteMention[];
  /** Number of articles that carry the quote. */
  sources: number;
  /** "full": a sentence or more in quotes; "partial": a fragment inside the writer's sentence. */
  kind: "full" | "partial";
  /** Shared by quotes that render the same statement in different words. */
  group?: string;
  /** Id of the main wording of the group (absent on the main one). */
  variantOf?: string;
  /** Ids of the other wordings of the group. */
  variants?: string[];
}

export interface QuoteOptions {
  /** Quotes with fewer words are ignored (default 2: one-word quotes are scare quotes or labels). */
  minWords?: number;
  gazetteer?: Gazetteer;
}

const SPEECH =
  "said|says|say|saying|told|tells|tell|telling|added|adds|adding|wrote|writes|writing|write|stated|states|stating|" +
  "explained|explains|explaining|noted|notes|noting|argued|argues|arguing|warned|warns|warning|insisted|insists|" +
  "announced|announces|announcing|tweeted|tweets|tweeting|posted|posts|posting|shared|shares|admitted|admits|" +
  "acknowledged|acknowledges|claimed|claims|conceded|concedes|confirmed|confirms|confirming|cautioned|suggested|" +
  "urged|urges|vowed|vows|promised|quipped|joked|jokes|recalled|recalls|remarked|replied|replies|responded|" +
  "responds|asked|asks|continued|continues|declared|declares|exclaimed|revealed|reveals|predicted|complained|" +
  "boasted|belts|belted|sang|sings|shouted|yelled|whispered|testified|pleaded|countered|emphasized|stressed|" +
  "observed|mused|conceded|announced|reiterated|concluded|added|recounted|assured|pledged|wondered|reads|read|" +
  "begins|began|goes|went|adds|continues|ends|concludes|alleges|alleged|charges|charged|argues|emailed|texted|" +
  "messaged|commented|comments|commenting|remarked|tells|telling";
const PARTIAL_CUES =
  "called|calls|calling|described|describes|describing|expressed|expresses|quoted|dubbed|labeled|labelled|" +
  "branded|termed|hailed|praised|blasted|slammed|accused|blamed|denied|denies|compared|compares|likened|" +
  "vowing|promising|insisting|arguing|urging|pledging|predicting|complaining|ordered|demanded|demanding|" +
  "criticized|criticised|condemned|defended|rejected|dismissed|questioned|mocked|ridiculed|welcomed";
const SPEECH_RE = new RegExp(`\\b(?:${SPEECH})\\b`, "g");
const SPEECH_ANY = new RegExp(`\\b(?:${SPEECH})\\b`);
const SPEECH_END = new RegExp(`\\b(?:${SPEECH})$`);
/** A verb of speech right after a name: "Davids said", "Smith, 42, told". */
const SPEECH_NEXT = new RegExp(`^(?:\\s*,[^,]{1,30},)?\\s+(?:${SPEECH})\\b`);
const SPEECH_WORD = new RegExp(`^(?:${SPEECH})$`);
const PRE_PARTIAL = new RegExp(`\\b(?:${SPEECH}|${PARTIAL_CUES}|Says|Said|Writes|Wrote|Adds|Added)\\b`, "g");
const PRE_FULL = new RegExp(`\\b(?:${SPEECH}|Says|Said|Writes|Wrote|Adds|Added)\\b`, "g");
const TAIL_SAID = new RegExp(`,\\s*([^,“”"]{1,80}?)\\s+(?:${SPEECH})(?:\\s+\\w+day)?\\s*[.!?]?["”]?\\s*$`);
const TAIL_INVERTED = new RegExp(`,\\s*(?:${SPEECH})\\s+([^,“”"]{1,80}?)\\s*[.!?]?\\s*$`);
/** "…, while Dunmore said", "and @ana tweeted:": a new speaker's clause joined to the previous one. */
const NEXT_SPEAKER = new RegExp(
  `^\\s*,?\\s*(?:while|and|but|whereas)\\s+[^,;“”"]{1,60}?\\s+(?:${SPEECH})\\b[\\s:,]*$`,
);
const CUE_RE = new RegExp(`\\b(?:${SPEECH}|${PARTIAL_CUES}|[Aa]ccording to|in a statement)\\b`);
const PARTICIPLE = /ing$/i;
const NAMING_BEFORE =
  /\b(?:dubbed|called|named|nicknamed|titled|entitled|known as|hashtag|the letters|the word|the words|the term|the phrase|labeled|labelled|branded|marked|click on|click|program|programme|show|series|film|movie|song|single|album|book|novel|play|musical|hit|hits|such as|track|episode|segment|column|slogan|motto|sign|signs|banner|headline)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?$/i;
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "its",
  "their",
  "our",
  "one",
  "another",
  "two",
  "three",
]);
const PRONOUNS: Record<string, "male" | "female" | "org" | "plural" | "self" | undefined> = {
  he: "male",
  she: "female",
  it: "org",
  they: "plural",
  i: "self",
  we: "self",
};
const ORG_NOUNS = new Set(
  (
    "company firm corporation group agency department ministry office organization organisation network " +
    "newspaper paper broadcaster channel station government administration council committee commission " +
    "party union club team campaign hospital university school police court bank airline retailer maker " +
    "manufacturer operator publisher studio label charity foundation institute service board"
  ).split(" "),
);

/** Texts that "say" things: "the suit states", "the letter read", "the statement said". */
const TEXT_NOUNS = new Set(
  (
    "statement release letter message note email e-mail tweet post posting memo report suit lawsuit complaint " +
    "filing document ad advert advertisement listing sign notice caption book study survey poll petition " +
    "indictment ruling order verdict decision announcement website site page blog column editorial video"
  ).split(" "),
);

/** Nouns that stand for the company last named ("the company said"). */
const BUSINESS = new Set(
  "company firm corporation group maker manufacturer retailer operator airline bank carrier chain brand publisher studio label".split(
    " ",
  ),
);

/** Opening / closing classification of quotation marks. */
const OPEN_CURLY = new Set(["“", "«", "„"]);
const CLOSE_CURLY = new Set(["”", "»"]);

interface Raw {
  doc: number;
  parts: Array<[number, number]>;
  /** Position of the opening mark of the first part and one past the closing mark of the last part. */
  outerStart: number;
  outerEnd: number;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === " " || c === "\n" || c === "\t" || c === "\u00a0" || c === "\r";
}

function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; ; ) {
    let i = text.indexOf("\n", s);
    if (i === -1) i = text.length;
    if (text.slice(s, i).trim() !== "") out.push([s, i]);
    if (i === text.length) return out;
    s = i + 1;
  }
}

/** Quotation marks by code: " “ ” « » „ (double) and ‘ ’ ' (single). */
function isDoubleMarkCode(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e;
}
function isSingleMarkCode(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 39;
}

/** Does the text use double quotation marks at all? */
function hasDoubleMarks(text: string): boolean {
  return /["“”«»]/.test(text);
}

/** Finds quotation spans in one article. */
function scanQuotes(doc: number, text: string): Raw[] {
  const single = !hasDoubleMarks(text);
  const out: Raw[] = [];
  const paras = paragraphs(text);
  let depth = 0;
  let cur: Raw | undefined;
  let partStart = 0;
  const isMark = (c: string): boolean =>
    single ? c === "‘" || c === "’" || c === "'" : c === '"' || OPEN_CURLY.has(c) || CLOSE_CURLY.has(c);
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p]!;
    let i = ps;
    if (depth > 0 && cur) {
      // continuation: skip the reopening mark if the paragraph starts with one
      let k = ps;
      while (k < pe && isSpace(text[k])) k++;
      const c = text[k] ?? "";
      if (single ? c === "‘" || c === "'" : c === "“" || c === '"' || c === "«") i = k + 1;
      partStart = i;
    }
    for (; i < pe; i++) {
      const code = text.charCodeAt(i);
      if (single ? !isSingleMarkCode(code) : !isDoubleMarkCode(code)) continue;
      const c = text[i]!;
      if (!isMark(c)) continue;
      const prev = i > ps ? text[i - 1] : undefined;
      const next = text[i + 1];
      let open: boolean;
      if (!single && (OPEN_CURLY.has(c) || CLOSE_CURLY.has(c))) {
        // German: „…“ closes with the English opening mark, and »…« opens with the French closing one
        if (depth > 0 && (c === "“" || c === "«") && closingPosition(text, i)) open = false;
        else if (depth === 0 && c === "»" && !closingPosition(text, i) && !isSpace(next)) open = true;
        else open = OPEN_CURLY.has(c);
      } else if (single && c === "‘") open = true;
      else {
        const openLike = prev === undefined || /[\s([{—–\-/:“‘]/.test(prev);
        const closeLike =
          prev !== undefined && !isSpace(prev) && (next === undefined || /[\s,.;:!?)\]—–\-”’"']/.test(next));
        if (single) {
          // apostrophes inside words ("don't") and after plurals are not marks
          if (/\p{L}/u.test(prev ?? "") && /\p{L}/u.test(next ?? "")) continue;
          if (c === "’" || c === "'") {
            if (depth === 0 && !(openLike && /[\p{L}\d]/u.test(next ?? ""))) continue;
          }
        }
        // double marks do not nest: an open quotation is closed by the next straight mark, even one with a
        // space on both sides (the ' " … " ' of tokenised text)
        open = depth === 0 ? openLike || !closeLike : single ? !closeLike && openLike : false;
      }
      if (open) {
        if (depth === 0) {
          cur = { doc, parts: [], outerStart: i, outerEnd: i };
          partStart = i + 1;
        }
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0 && cur) {
          cur.parts.push([partStart, i]);
          cur.outerEnd = i + 1;
          out.push(cur);
          cur = undefined;
        }
      }
    }
    if (depth > 0 && cur) {
      // open at the end of the paragraph: continue into the next one if it reopens or closes first
      let end = pe;
      while (end > partStart && isSpace(text[end - 1])) end--;
      cur.parts.push([partStart, end]);
      cur.outerEnd = end;
      const nextPara = paras[p + 1];
      let continues = false;
      if (nextPara) {
        const [ns, ne] = nextPara;
        let k = ns;
        while (k < ne && isSpace(text[k])) k++;
        const c = text[k] ?? "";
        if (single ? c === "‘" : c === "“" || c === '"' || c === "«") continues = true;
        else if (!single) {
          const seg = text.slice(ns, ne);
          const close = seg.search(/[”»]|[^\s]"(?=[\s,.;:!?]|$)/);
          const opn = seg.search(/[“«]|(?:^|\s)"(?=\S)/);
          continues = close >= 0 && (opn < 0 || close < opn);
        }
      }
      if (!continues) {
        out.push(cur);
        cur = undefined;
        depth = 0;
      } else {
        // the next paragraph's own reopening mark must not count as a new opening
        depth = 1;
      }
    }
  }
  if (cur && cur.parts.length > 0) out.push(cur);
  // trim whitespace inside parts; drop empty parts
  for (const r of out) {
    r.parts = r.parts
      .map(([s, e]): [number, number] => {
        while (s < e && isSpace(text[s])) s++;
        while (e > s && isSpace(text[e - 1])) e--;
        return [s, e];
      })
      .filter(([s, e]) => e > s);
  }
  return out.filter((r) => r.parts.length > 0);
}

/**
 * The quoted words of a mention: its parts joined by a space. Where the writer's attribution cut a
 * sentence's end into a comma ("…ever see," he said. "It is…"), the comma goes back to a period, as the
 * next part opens a new sentence; nothing else is changed.
 */
function partsText(text: string, parts: ReadonlyArray<readonly [number, number]>): string {
  let out = "";
  parts.forEach(([s, e], k) => {
    const piece = text.slice(s, e);
    if (k > 0) {
      // the writer's own sentence between the parts says it: '…," he said. "It…' ends one sentence,
      // '…," he said, "and…' goes on with it
      const gap = text.slice(parts[k - 1]![1], s).replace(/[\s"“”‘’']+$/u, "");
      const first = /^[“"‘']?(\p{L}+)/u.exec(piece)?.[1] ?? "";
      // after the writer's comma, a capitalised function word ("If", "We", "The") still opens a sentence;
      // a name ("Congress") may go on with it
      const ends =
        /[.!?]$/.test(gap) ||
        (NEW_SENTENCE.test(piece) && (!/,$/.test(gap) || STOPWORDS.has(first.toLowerCase())));
      if (out.endsWith(",") && ends && /^[“"‘']?\p{Lu}/u.test(piece)) out = `${out.slice(0, -1)}.`;
      out += " ";
    }
    out += piece;
  });
  return out;
}

/** A part that opens a sentence: a capital other than the pronoun "I" ("I will go" may continue one). */
const NEW_SENTENCE = /^[“"‘']?(?!I\b)\p{Lu}/u;

function wordCount(text: string, parts: ReadonlyArray<readonly [number, number]>): number {
  let n = 0;
  for (const [s, e] of parts) n += wordTokens(text, s, e).length;
  return n;
}

/** Title-like: short, every significant word capitalised ("Born This Way", “State of the Union.”). */
function titleLike(text: string, parts: ReadonlyArray<readonly [number, number]>): boolean {
  if (parts.length !== 1) return false;
  const [s, e] = parts[0]!;
  const body = text.slice(s, e);
  if (/[.!?]\s+\S/.test(body)) return false;
  const toks = wordTokens(text, s, e);
  if (toks.length === 0 || toks.length > 8) return false;
  let significant = 0;
  for (const t of toks) {
    const w = text.slice(t.start, t.end);
    if (/^\d/.test(w)) continue;
    if (STOPWORDS.has(t.norm) && t.norm.length <= 4 && t !== toks[0]) continue;
    significant++;
    if (!/^\p{Lu}/u.test(w)) return false;
  }
  return significant > 0;
}

interface SentIndex {
  starts: number[];
  ends: number[];
  paras: number[];
}

function sentenceAt(idx: SentIndex, pos: number): number {
  let lo = 0;
  let hi = idx.starts.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (idx.starts[mid]! <= pos) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** An entity mention inside one article, for speaker resolution. */
interface EM {
  start: number;
  end: number;
  entity: Entity;
}

interface Resolved {
  speaker: Speaker;
  /** How it was found, for continuation: an explicit attribution counts for the next quote. */
  how: "attribution" | "continuation" | "none";
}

interface DocCtx {
  d: number;
  doc: Doc;
  text: string;
  idx: SentIndex;
  mentions: EM[];
  /** Spans of all quotes in the article (for skipping names said inside quotes). */
  quoted: Array<[number, number]>;
  paras: Array<[number, number]>;
  /** Speakers found by an attribution so far, at the opening mark of their quote, in text order. */
  attrib: Array<{ pos: number; sp: Speaker }>;
  /** Memo of `sentenceSpeaker` per sentence index (null: none). */
  sentSpeakers: Map<number, Speaker | null>;
  /** Outer spans of quotation marks that are not quotes (titles, names, labels). */
  skipped: Array<[number, number]>;
  /** Genders learnt in this article from "he"/"she" resolved to a person whose gender was unknown. */
  pronounGender: Map<string, "male" | "female">;
}

interface Cluster {
  byId: Map<string, Entity>;
  byRole: Map<string, Entity[]>;
  weight: Map<Entity, number>;
  gaz: Gazetteer;
}

function insideQuote(ctx: DocCtx, pos: number): boolean {
  for (const [s, e] of ctx.quoted) if (pos >= s && pos < e) return true;
  return false;
}

function paraOf(ctx: DocCtx, pos: number): number {
  for (let i = 0; i < ctx.paras.length; i++) if (pos < ctx.paras[i]![1] + 1) return i;
  return ctx.paras.length - 1;
}

function speakerOf(e: Entity): Speaker {
  return { name: e.name, entityId: e.id };
}

/** Gender/kind compatibility of a pronoun with an entity. */
function compatible(kind: PronounKind, e: Entity): boolean {
  if (kind === "org") return e.type === "organization";
  if (kind === "plural") return e.type === "organization";
  if (kind === "self") return false;
  if (e.type !== "person") return false;
  return e.gender === undefined || e.gender === kind;
}

const ROLE_NP = /\b(the|a|an)\s+((?:[\p{L}’'.-]+\s+){0,3}?)([\p{L}-]+)\b/giu;

/** Nearest antecedent before `pos` for a pronoun: a named entity or a definite role ("the manager"). */
type PronounKind = "male" | "female" | "org" | "plural" | "self";

function resolvePronoun(ctx: DocCtx, cl: Cluster, pos: number, kind: PronounKind): Speaker | undefined {
  if (kind === "self") return undefined;
  const p = paraOf(ctx, pos);
  const floor = ctx.paras[Math.max(0, p - 2)]![0];
  // `subj`: the antecedent opens its clause (a subject), not an object or a name inside a phrase
  let best: { pos: number; sp: Speaker; subj: boolean } | undefined;
  let unknown: { pos: number; sp: Speaker; subj: boolean } | undefined;
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (m.start >= pos) continue;
    if (m.start < floor) break;
    if (insideQuote(ctx, m.start)) continue;
    if (!compatible(kind, m.entity)) continue;
    if ((kind === "male" || kind === "female") && m.entity.gender === undefined) {
      // a person of unknown gender counts only when no one of the right gender is near
      if (!unknown) unknown = { pos: m.start, sp: speakerOf(m.entity), subj: subjectLike(ctx, m.start) };
      continue;
    }
    best = { pos: m.start, sp: speakerOf(m.entity), subj: subjectLike(ctx, m.start) };
    const speaks = SPEECH_NEXT.test(ctx.text.slice(m.end, m.end + 24));
    if (!best.subj && !speaks && (kind === "male" || kind === "female")) {
      // "Davids couldn't confirm … at the time of Lovelace's death. … “…,” he said": the subject of that
      // sentence, if the pronoun fits it too, is the likelier antecedent than a name inside its object
      const si = sentenceAt(ctx.idx, m.start);
      for (let k = i - 1; k >= 0; k--) {
        const o = ctx.mentions[k]!;
        if (sentenceAt(ctx.idx, o.start) !== si) break;
        if (
          o.entity !== m.entity &&
          o.entity.gender === kind &&
          !insideQuote(ctx, o.start) &&
          subjectLike(ctx, o.start)
        ) {
          best = { pos: o.start, sp: speakerOf(o.entity), subj: true };
          break;
        }
      }
    }
    break;
  }
  if (!best) best = unknown;
  if (kind === "org") {
    // "It read:": the nearest text ("the letter from Sir Paul") or organisation; a text that opens its
    // sentence ("The next letter opens with …") also beats a later organisation that does not
    const base = best?.subj ? Math.max(floor, best.pos) : floor;
    const window = ctx.text.slice(base, pos);
    let found: { pos: number; sp: Speaker; subj: boolean } | undefined;
    const re =
      /\b[Tt]he\s+((?:[\p{L}-]+\s+){0,2}?)([\p{L}-]+)\b((?:\s+(?:from|by|of)\s+[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)*)?)/gu;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (!TEXT_NOUNS.has(m[2]!.toLowerCase()) || insideQuote(ctx, base + m.index)) continue;
      const at = base + m.index;
      if (best && at < best.pos && !subjectLike(ctx, at)) continue;
      found = { pos: at, sp: { name: trimNP(m[0]) }, subj: true };
    }
    if (found && (!best || found.pos > best.pos || !best.subj)) best = found;
  }
  if (kind === "male" || kind === "female" || kind === "plural") {
    // a closer definite role noun ("the manager ... she said") wins over a farther name
    const base = Math.max(floor, best ? best.pos : floor);
    const window = ctx.text.slice(base, pos);
    let found: { pos: number; sp: Speaker; subj: boolean } | undefined;
    ROLE_NP.lastIndex = 0;
    for (let m = ROLE_NP.exec(window); m; m = ROLE_NP.exec(window)) {
      const head = m[3]!.toLowerCase();
      const at = base + m.index;
      if (insideQuote(ctx, at)) continue;
      // only a subject (at the start of a sentence or clause, or right after a speech verb), or any role
      // of the pronoun's own sentence ("Daniels sued the president after he wrote …")
      const lead = ctx.text.slice(Math.max(0, at - 30), at).trimEnd();
      if (
        lead !== "" &&
        !/[.!?:;,"”]$/.test(lead) &&
        !SPEECH_END.test(lead) &&
        sentenceAt(ctx.idx, at) !== sentenceAt(ctx.idx, pos)
      )
        continue;
      const g = cl.gaz.roles.get(head);
      const plural = head === "police" || head === "officials" || head.endsWith("ers");
      if (kind === "plural" ? !plural && !ORG_NOUNS.has(head) : g === undefined || (g !== "" && g !== kind))
        continue;
      if (m[1]!.toLowerCase() !== "the") continue;
      const linked =
        linkRole(ctx, cl, head, at) ?? (kind !== "plural" ? epithet(ctx, head, at, kind) : undefined);
      found = { pos: at, sp: linked ?? { name: trimNP(m[0]!) }, subj: true };
    }
    if (found && (!best || found.pos > best.pos)) best = found;
  }
  // "he said" goes on with the last speaker ("Greenpeace said … the oil giant Shell … “…”, it added"):
  // the speaker of the latest attribution wins over a nearer name that is not a later sentence's subject,
  // for a pronoun that is the subject of its sentence or of the attribution right after a quote
  const mainClause =
    subjectLike(ctx, pos) || /[”"»][,.]?\s*$/.test(ctx.text.slice(Math.max(0, pos - 4), pos));
  // a named person whose gender fits the pronoun beats a recent speaker of unknown gender ("von Post writes
  // that …" earlier, then "Kennedy tries to persuade von Post … “…,” he wrote")
  const genderOf = (sp: Speaker): string | undefined =>
    sp !== "unattributed" && sp.entityId ? cl.byId.get(sp.entityId)?.gender : undefined;
  let recent = mainClause ? recentSpeaker(ctx, cl, pos, floor, kind) : undefined;
  // …and a recent speaker this article already called by the other pronoun is not this one ("“…,” he
  // said. “…,” she said." after a man of unknown gender and a woman)
  if (
    recent &&
    (kind === "male" || kind === "female") &&
    recent.sp !== "unattributed" &&
    recent.sp.entityId !== undefined &&
    genderOf(recent.sp) === undefined &&
    (ctx.pronounGender.get(recent.sp.entityId) ?? kind) !== kind
  )
    recent = undefined;
  const surer =
    (kind === "male" || kind === "female") &&
    best !== undefined &&
    recent !== undefined &&
    genderOf(best.sp) === kind &&
    sentenceAt(ctx.idx, best.pos) > sentenceAt(ctx.idx, recent.pos) &&
    recent.sp !== "unattributed" &&
    recent.sp.entityId !== undefined &&
    genderOf(recent.sp) === undefined;
  const chosen =
    recent &&
    !surer &&
    (!best ||
      best.pos < recent.pos ||
      !best.subj ||
      sentenceAt(ctx.idx, best.pos) <= sentenceAt(ctx.idx, recent.pos))
      ? recent.sp
      : best?.sp;
  if (
    (kind === "male" || kind === "female") &&
    chosen !== undefined &&
    chosen !== "unattributed" &&
    chosen.entityId !== undefined &&
    genderOf(chosen) === undefined &&
    !ctx.pronounGender.has(chosen.entityId)
  )
    ctx.pronounGender.set(chosen.entityId, kind);
  return chosen;
}

/** Does the text before `at` in its sentence leave it the subject (at most an opening phrase and a few words)? */
function subjectLike(ctx: DocCtx, at: number): boolean {
  const si = sentenceAt(ctx.idx, at);
  let pre = ctx.text.slice(ctx.idx.starts[si]!, at).replace(/[“"«][^”"»]*[”"»]/g, " ");
  // an opening phrase ("In a later statement, X") without a verb of speech
  const comma = pre.indexOf(", ");
  if (comma >= 0 && !SPEECH_ANY.test(pre.slice(0, comma)) && pre.slice(0, comma).split(/\s+/).length <= 8)
    pre = pre.slice(comma + 2);
  return pre.trim() === "" || pre.trim().split(/\s+/).length <= 3;
}

const OPENING_PHRASE =
  /^(?:(?:In|On|At|After|Before|During|Since|Following|When|While|As|Despite|Meanwhile|However|Later|Earlier|Asked|Speaking|Separately|Also|But|And|Yet|Still)\b[^,]{0,80},\s*)?/;

/**
 * The subject of a reporting sentence without quotes ("Chen said his nephew …", "A Shard spokesman said
 * …", "Velemina Williams, 80, said …"): a pronoun or a name right before the speech verb (an appositive
 * may sit between), or a short described subject ("a spokesman for the building").
 */
function reportingSubject(ctx: DocCtx, cl: Cluster, si: number): Speaker | undefined {
  const s = ctx.idx.starts[si]!;
  // quoted words are not the subject (a sentence with a real quote has its speaker in `attrib`)
  const sent = ctx.text
    .slice(s, ctx.idx.ends[si]!)
    .replace(/[“"«][^”"»]*[”"»]/g, (q) => " ".repeat(q.length));
  if (/[“”"«»]/.test(sent) || insideQuote(ctx, s)) return undefined; // a sentence inside a quotation
  SPEECH_RE.lastIndex = 0;
  const m = SPEECH_RE.exec(sent);
  if (!m || m.index === 0 || m.index > 150) return undefined;
  const vAt = s + m.index;
  if (insideQuote(ctx, vAt)) return undefined;
  const before = sent.slice(0, m.index);
  const adverbs = "(?:(?:also|later|then|again|previously|once|had|has|have|would|will)\\s+)*";
  const pron = new RegExp(`(?:^|[\\s,])(he|she|it|they)\\s+${adverbs}$`, "i").exec(before);
  if (pron) {
    const kind = PRONOUNS[pron[1]!.toLowerCase()];
    return kind ? resolvePronoun(ctx, cl, s + pron.index + pron[0].indexOf(pron[1]!), kind) : undefined;
  }
  let last: EM | undefined;
  for (const x of ctx.mentions) {
    if (x.start < s) continue;
    if (x.end > vAt) break;
    last = x;
  }
  if (
    last &&
    (last.entity.type === "person" || last.entity.type === "organization") &&
    new RegExp(`^\\s*(?:,[^,.;]{1,60},)?\\s*${adverbs}$`).test(ctx.text.slice(last.end, vAt))
  )
    return speakerOf(last.entity);
  const open = OPENING_PHRASE.exec(before)![0].length;
  const np = before.slice(open).trim();
  const words = np.split(/\s+/);
  if (/^(?:a|an|the|one|another)$/i.test(words[0] ?? "") && words.length >= 2 && words.length <= 10) {
    const head = descriptionHead(np);
    if (cl.gaz.roles.has(head) || ORG_NOUNS.has(head) || TEXT_NOUNS.has(head)) {
      const at = s + open + (before.slice(open).length - before.slice(open).trimStart().length);
      return resolveNP(ctx, cl, at, at + np.length);
    }
  }
  return undefined;
}

/** Head noun of a described speaker: "A spokesman for the building" → "spokesman". */
function descriptionHead(name: string): string {
  const words = name.split(/\s+/);
  const cut = words.findIndex(
    (w, k) => k > 0 && /^(?:of|for|from|at|with|in|on|to|who|which|that)$/i.test(w),
  );
  const np = cut > 0 ? words.slice(0, cut) : words;
  return (np[np.length - 1] ?? "").toLowerCase().replace(/[^\p{L}-]/gu, "");
}

/** Can the pronoun `kind` refer to this speaker? Names by type and gender, descriptions by their head noun. */
function speakerFits(cl: Cluster, kind: PronounKind, sp: Speaker): boolean {
  if (sp === "unattributed" || kind === "self") return false;
  if (sp.entityId) {
    const e = cl.byId.get(sp.entityId);
    return e !== undefined && compatible(kind, e);
  }
  const head = descriptionHead(sp.name);
  if (kind === "org") return TEXT_NOUNS.has(head) || ORG_NOUNS.has(head);
  if (kind === "plural")
    return head === "police" || (head.endsWith("s") && cl.gaz.roles.has(head.slice(0, -1)));
  const g = cl.gaz.roles.get(head);
  return g !== undefined && (g === "" || g === kind);
}

/**
 * The speaker of the latest attribution before `pos` that the pronoun can refer to: an earlier quote's
 * speaker or the subject of a reporting sentence ("A Shard spokesman said the platform was closed."),
 * searched back over a few sentences, not before `floor`.
 */
function recentSpeaker(
  ctx: DocCtx,
  cl: Cluster,
  pos: number,
  floor: number,
  kind: PronounKind,
): { pos: number; sp: Speaker } | undefined {
  let si = sentenceAt(ctx.idx, pos);
  for (let k = 0; si >= 0 && k < 6; si--, k++) {
    const s = ctx.idx.starts[si]!;
    if (s < floor) break;
    const e = Math.min(ctx.idx.ends[si]!, pos);
    for (let j = ctx.attrib.length - 1; j >= 0; j--) {
      const a = ctx.attrib[j]!;
      if (a.pos >= s && a.pos < e && speakerFits(cl, kind, a.sp)) return a;
    }
    if (ctx.idx.ends[si]! <= pos) {
      let sp = ctx.sentSpeakers.get(si);
      if (sp === undefined) {
        ctx.sentSpeakers.set(si, null); // guards against re-entry while resolving
        sp = reportingSubject(ctx, cl, si) ?? null;
        ctx.sentSpeakers.set(si, sp);
      }
      if (sp && speakerFits(cl, kind, sp)) return { pos: s, sp };
    }
  }
  return undefined;
}

/**
 * "The athlete", "the singer", "the Florida Republican": a definite role never introduced before ("a
 * manager", "one official", "the manager of a bank") is another name for the article's main person (of
 * that gender, when known).
 */
function epithet(
  ctx: DocCtx,
  head: string,
  at: number,
  kind: "male" | "female" | undefined,
): Speaker | undefined {
  const before = ctx.text.slice(0, at);
  const intro = new RegExp(
    `\\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:[\\p{L}-]+\\s+){0,3}${head}\\b|[Tt]he\\s+${head}\\s+(?:of|at|for|from|who|with|in)\\b)`,
    "u",
  );
  if (intro.test(before) || intro.test(ctx.text.slice(at, at + head.length + 40))) return undefined;
  const counts = new Map<Entity, number>();
  for (const m of ctx.mentions) {
    if (m.entity.type !== "person" || (kind && m.entity.gender !== undefined && m.entity.gender !== kind))
      continue;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  let best: Entity | undefined;
  for (const [e, n] of counts) if (!best || n > counts.get(best)!) best = e;
  if (!best || counts.get(best)! < 2) return undefined;
  // someone else just named is the likelier referent ("Feinstein expressed … “…,” said the biographer")
  const si = sentenceAt(ctx.idx, at);
  const from = ctx.idx.starts[Math.max(0, si - 1)]!;
  for (const m of ctx.mentions) {
    if (m.start < from || m.start >= at || insideQuote(ctx, m.start)) continue;
    if (m.entity.type === "person" && m.entity !== best && counts.has(m.entity)) return undefined;
  }
  return speakerOf(best);
}

/** Party members, which stand for a person like a role noun ("the Florida Republican said"). */
const PARTY_NOUNS = new Set(
  "republican democrat conservative liberal tory socialist libertarian progressive independent".split(" "),
);

/** Roles that name someone other than the article's main person ("the official", "the lawyer"). */
const NOT_EPITHET = new Set(
  (
    "spokesman spokeswoman spokesperson spokespeople official officials source sources insider lawyer attorney " +
    "witness victim resident neighbor neighbour friend relative employee worker staffer officer agent " +
    "deputy investigator prosecutor judge doctor nurse analyst expert representative rep aide man woman " +
    "boy girl"
  ).split(" "),
);

/** A definite role noun with no entity of that role: the article's main person ("the athlete", "the future president"). */
function mainPersonEpithet(ctx: DocCtx, cl: Cluster, head: string, at: number): Speaker | undefined {
  const g = cl.gaz.roles.get(head);
  if (g === undefined || NOT_EPITHET.has(head)) return undefined;
  return epithet(ctx, head, at, g === "" ? undefined : g);
}

const NP_STOP =
  /^(?:had|has|have|was|were|is|are|will|would|could|should|also|finally|later|then|again|previously|recently|earlier|now|reportedly|who|which|that|said|says|reported|issued|wrote|told|announced|recalled|posted|tweeted|added)$/i;

/** A plain lower-case word that can head a noun phrase ("sender", "friend"): not a function word. */
function isNoun(w: string): boolean {
  return /^[a-z][a-z-]+$/.test(w) && !STOPWORDS.has(w);
}

/** Media and moments of saying: "in an email", "during an interview", "on Monday". */
const SAID_THROUGH =
  /^(?:e-?mails?|statements?|interviews?|tweets?|letters?|messages?|texts?|calls?|phone|telephone|releases?|video|podcast|conference|briefing|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/i;
/** Places of posting: cut only right after the preposition ("on Twitter", "on its blog"). */
const PLATFORM = /^(?:twitter|facebook|instagram|blog|website|posts?)$/i;

function trimNP(np: string): string {
  const words = np
    .replace(/[“”"«»]/g, "")
    .trim()
    .split(/\s+/);
  // a description ends before a verb-like word ("The Met had", "the campaign finally")
  const stop = words.findIndex((w, k) => k > 0 && NP_STOP.test(w));
  if (stop > 0) words.length = stop;
  // how or when it was said is not who said it: "a Google spokeswoman in an email to Vulture"
  const how = words.findIndex(
    (w, k) =>
      k > 0 &&
      /^(?:in|on|via|during|over|by)$/i.test(w) &&
      words.slice(k + 1, k + 4).some((x, j) => {
        const after = x.replace(/[,;:.]+$/, "");
        // "on Twitter", "on its blog" say how; "on Dyer's Facebook page" says whose: kept
        if (PLATFORM.test(after))
          return j === 0 || (j === 1 && /^(?:its|his|her|their|the)$/i.test(words[k + 1]!));
        return SAID_THROUGH.test(after);
      }),
  );
  if (how > 0) words.length = how;
  while (
    words.length > 1 &&
    /^(?:that|who|which|the|a|an|of|for|from|with|and|to|in|on|at)$/i.test(words[words.length - 1]!)
  )
    words.pop();
  return words
    .slice(0, 10)
    .join(" ")
    .replace(/[,;:.]+$/, "");
}

/** A definite role ("the mayor", "the company") to the entity that carries it. */
function linkRole(ctx: DocCtx, cl: Cluster, head: string, pos: number, modifiers = ""): Speaker | undefined {
  if (ORG_NOUNS.has(head)) {
    // "the company", "the department": the nearest organisation before, preferring one named with the noun;
    // "the San Francisco police department" only one named with those words too (not the Treasury Department)
    const need = modifiers
      .toLowerCase()
      .split(/\s+/)
      // descriptions ("the Texas-based company", "the state-owned bank") do not name it
      .filter(
        (w) => w !== "" && !STOPWORDS.has(w) && !/-(?:based|owned|run|backed|controlled|funded)$/.test(w),
      );
    let fallback: Entity | undefined;
    for (let i = ctx.mentions.length - 1; i >= 0; i--) {
      const m = ctx.mentions[i]!;
      if (m.start >= pos || m.entity.type !== "organization") continue;
      const name = m.entity.name.toLowerCase();
      if (name.includes(head) && need.every((w) => name.includes(w))) return speakerOf(m.entity);
      if (!fallback && BUSINESS.has(head) && need.length === 0) fallback = m.entity;
    }
    if (fallback) return speakerOf(fallback);
    return undefined;
  }
  const list = cl.byRole.get(head);
  if (!list || list.length === 0) return undefined;
  // prefer an entity with this role mentioned in the article, then the most mentioned one
  const inDoc = list.filter((e) => ctx.mentions.some((m) => m.entity === e));
  const pool = inDoc.length > 0 ? inDoc : list;
  let best = pool[0]!;
  for (const e of pool) if ((cl.weight.get(e) ?? 0) > (cl.weight.get(best) ?? 0)) best = e;
  return speakerOf(best);
}

/**
 * Whom "the 34-year-old" stands for: the person named before `pos` with that age ("Keiko Amari, 34,", "34-year-old
 * Keiko Amari", "Amari (34)"), or, when the article gives no one an age, the only person it has named.
 */
function agedPerson(ctx: DocCtx, years: string, pos: number): Entity | undefined {
  const withAge = new Set<Entity>();
  const named = new Set<Entity>();
  let anyAge = false;
  for (const m of ctx.mentions) {
    if (m.start >= pos || m.entity.type !== "person" || insideQuote(ctx, m.start)) continue;
    named.add(m.entity);
    const after = /^(?:,\s*|\s*\()(\d{1,3})\b(?:,|\))/.exec(ctx.text.slice(m.end, m.end + 8));
    const before = /\b(\d{1,3})-year-old\s+(?:[\p{L}-]+\s+){0,3}$/u.exec(
      ctx.text.slice(Math.max(0, m.start - 60), m.start),
    );
    const stated = after?.[1] ?? before?.[1];
    if (stated === undefined) continue;
    anyAge = true;
    if (stated === years) withAge.add(m.entity);
  }
  if (withAge.size === 1) return [...withAge][0];
  if (!anyAge && named.size === 1) return [...named][0];
  return undefined;
}

/** Resolves the noun phrase text[s, e) that is the subject of a speech verb. */
function resolveNP(ctx: DocCtx, cl: Cluster, from: number, e: number): Speaker | undefined {
  let s = from;
  // leading subordinators are not part of the subject: "when he", "as the mayor"
  const sub =
    /^\s*(?:when|while|as|after|before|because|although|though|if|since|then|but|and|so|where|whereas|once)\s+/i.exec(
      ctx.text.slice(s, e),
    );
  if (sub) s += sub[0].length;
  const np = ctx.text.slice(s, e);
  const trimmed = np.trim();
  if (trimmed === "") return undefined;
  const lead = s + (np.length - np.trimStart().length);
  const words = trimmed.split(/\s+/);
  const first = words[0]!.toLowerCase().replace(/[^a-z’']/g, "");
  const pk = PRONOUNS[first];
  if (pk !== undefined) return resolvePronoun(ctx, cl, lead, pk);
  // a social media handle speaks for itself: "@jddrake wrote", "Twitter user @chrisdyork said"
  const handle = /(?:^|\s)(@[A-Za-z0-9_]{2,30})\b/.exec(trimmed);
  if (handle && words.length <= 4) {
    const upTo = trimmed.slice(0, handle.index + handle[0].length).trim();
    return { name: upTo.split(/\s+/).length <= 3 ? upTo : handle[1]! };
  }
  // "the 34-year-old": the person the article gave that age, or the one person it named before
  const age = /^the\s+(\d{1,3})-year-old$/i.exec(trimmed.replace(/[,;:]+$/, ""));
  if (age) {
    const aged = agedPerson(ctx, age[1]!, lead);
    if (aged) return speakerOf(aged);
  }
  // an aside between dashes or in brackets describes the subject and does not speak: "South Africa's
  // African National Congress — the party of President Jacob Zuma — urged …"
  const asides: Array<[number, number]> = [];
  for (const m of np.matchAll(/\s[—–]\s[^—–]{1,120}?\s[—–](?=\s)|\([^()]{1,120}\)/g))
    asides.push([s + m.index, s + m.index + m[0].length]);
  const inAside = (p: number) => asides.some(([a, b]) => p >= a && p < b);
  const inNP = ctx.mentions.filter(
    (m) =>
      m.start >= s &&
      m.end <= e &&
      !insideQuote(ctx, m.start) &&
      !inAside(m.start) &&
      !/^['’]s?\s/.test(ctx.text.slice(m.end, m.end + 3)),
  );
  // "a spokesman for X", "the office of X", "X's attorney": the head noun speaks, not X
  const headMatch =
    /^(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother)\s+|[\p{Lu}][\p{L}.-]*(?:\s[\p{Lu}][\p{L}.-]*)*[’']s?\s+)((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)(?=\s+(?:of|for|from|at|with|in|on|to)\b|\s*,|\s*$)/u.exec(
      trimmed,
    );
  const headEnd0 = headMatch ? lead + headMatch[0].length : 0;
  // a person or organisation named before the head noun is the subject ("The FBI tweeted …")
  const headIsRole =
    headMatch !== null &&
    /^\p{Ll}/u.test(headMatch[2]!) &&
    (cl.gaz.roles.has(headMatch[2]!) || ORG_NOUNS.has(headMatch[2]!));
  const namedFirst =
    headMatch && !headIsRole
      ? inNP.find(
          (m) =>
            (m.entity.type === "person" || m.entity.type === "organization") &&
            m.start <= headEnd0 - headMatch[2]!.length,
        )
      : undefined;
  if (headMatch && !namedFirst) {
    const head = headMatch[2]!.toLowerCase();
    const headEnd = headEnd0;
    const isRole =
      cl.gaz.roles.has(head) || ORG_NOUNS.has(head) || TEXT_NOUNS.has(head) || isNoun(headMatch[2]!);
    if (isRole) {
      // appositive name right after the head: "Herbst's attorney, Charles Allen"
      const appo = inNP.find(
        (m) => m.start > headEnd && m.start <= headEnd + 3 && m.entity.type === "person",
      );
      if (appo) return speakerOf(appo.entity);
      // a name glued to the head ("opposition lawmaker Jose Guerra")
      const glued = inNP.find((m) => m.start === headEnd + 1 && m.entity.type === "person");
      if (glued) return speakerOf(glued.entity);
      const det = words[0]!.toLowerCase();
      if (det === "the") {
        const linked = linkRole(ctx, cl, head, lead, headMatch[1]) ?? mainPersonEpithet(ctx, cl, head, lead);
        if (linked) return linked;
      }
      return { name: trimNP(trimmed) };
    }
    // "the Florida Republican", "the Texan": a party member or a demonym standing for a person
    if (words[0]!.toLowerCase() === "the" && (PARTY_NOUNS.has(head) || cl.gaz.demonyms.has(normKey(head)))) {
      const main = epithet(ctx, headMatch[2]!, lead, undefined);
      if (main) return main;
    }
  }
  const person = inNP.find((m) => m.entity.type === "person");
  if (person) return speakerOf(person.entity);
  // "the athlete spoke about …": a definite role noun opening the clause
  const defRole = /^[Tt]he\s+((?:[\p{L}-]+\s+){0,2}?)([\p{L}-]+)\b/u.exec(trimmed);
  if (defRole && cl.gaz.roles.has(defRole[2]!.toLowerCase())) {
    const head = defRole[2]!.toLowerCase();
    return (
      linkRole(ctx, cl, head, lead) ?? mainPersonEpithet(ctx, cl, head, lead) ?? { name: trimNP(defRole[0]) }
    );
  }
  const org = inNP.find((m) => m.entity.type === "organization");
  if (org) return speakerOf(org.entity);
  // a name that is the whole subject speaks, whatever its type ("Pyongyang said", "the U.S. said")
  const whole = inNP.find((m) =>
    m.start === lead
      ? ctx.text.slice(m.end, e).trim().split(/\s+/).length <= 1
      : m.entity.type === "place" &&
        /^[Tt]he\s+$/.test(ctx.text.slice(lead, m.start)) &&
        /^[\s.,]*$/.test(ctx.text.slice(m.end, e)),
  );
  if (whole) return speakerOf(whole.entity);
  // a bare role without determiner ("police said", "officials said"), or a role noun phrase
  const role = words
    .map((w) => w.toLowerCase().replace(/[^a-z-]/g, ""))
    .find((w) => cl.gaz.roles.has(w) || ORG_NOUNS.has(w) || TEXT_NOUNS.has(w));
  if (role && words.length <= 8) {
    if (DETERMINERS.has(first) || words.length === 1 || first === role) {
      if (first === "the") {
        const linked = linkRole(ctx, cl, role, lead);
        if (linked) return linked;
      }
      return { name: trimNP(trimmed) };
    }
  }
  // bare plural roles ("researchers noted", "officials said")
  if (words.length <= 3) {
    const last = words[words.length - 1]!.toLowerCase().replace(/[^a-z-]/g, "");
    if (last.endsWith("s") && (cl.gaz.roles.has(last.slice(0, -1)) || ORG_NOUNS.has(last.slice(0, -1)))) {
      return { name: trimNP(trimmed) };
    }
  }
  // a name the entity list does not have ("Trugona said"): kept as written
  if (words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w)) && !PRONOUNS[first]) {
    return { name: trimmed.replace(/[,;:]+$/, "") };
  }
  // any short noun phrase with a determiner ("the senders", "one family friend") is a description
  if (
    (DETERMINERS.has(first) || first === "one") &&
    words.length >= 2 &&
    words.length <= 6 &&
    !/[“”"]/.test(trimmed)
  ) {
    return { name: trimNP(trimmed) };
  }
  return undefined;
}

/** Abbreviations whose period ends no sentence: titles, ranks, company suffixes, initials. */
const ABBR =
  "Sen|Gov|Rep|Dr|Mr|Mrs|Ms|Det|Sgt|Lt|Col|Gen|Capt|Cmdr|Maj|Adm|Cpl|Pvt|Prof|Rev|Supt|Insp|Fr|St|Co|Inc|Jr|Sr|Bros|Corp|U\\.S|[A-Z]";
/** Where an attribution clause after a quote ends: a new quotation mark or a sentence end. */
const CLAUSE_END = new RegExp(`[“"«]|(?<!\\b(?:${ABBR}))[.!?](?=\\s|$)`);
const ABBREVIATED = new RegExp(`\\b(?:${ABBR})\\.`, "g");

/** Attribution right after a quote: “…,” X said / said X / according to X. */
function postAttribution(
  ctx: DocCtx,
  cl: Cluster,
  from: number,
): { speaker?: Speaker; according?: Speaker; end: number } {
  const text = ctx.text;
  const pEnd = ctx.paras[paraOf(ctx, from)]![1];
  // “… state.” It said …: a period inside the closing mark ends the sentence, the next one is not an attribution
  if (
    /\.\s*["”»]$/.test(text.slice(Math.max(0, from - 3), from)) &&
    /^\s+\p{Lu}/u.test(text.slice(from, from + 3))
  )
    return { end: from };
  // the attribution clause ends at a sentence end, a new quotation mark or the paragraph end
  let limit = Math.min(pEnd, from + 200);
  const rest = text.slice(from, limit);
  const stop = rest.search(CLAUSE_END);
  if (stop >= 0) limit = from + stop;
  const clause = text.slice(from, limit);
  // “…”; said …: a semicolon starts another predicate of the writer's sentence, not an attribution
  if (/^\s*;/.test(clause)) return { end: from };
  const lead = /^[\s,.;:!?…—–-]*/.exec(clause)![0].length;
  const body = clause.slice(lead);
  if (body === "") return { end: from };
  const end = limit;
  // inverted: "said X", "says X", "according to X"
  const inv =
    /^(?:(?:also|later|then)\s+)?(?:[Aa]ccording to|(?:said|says|added|asked|wrote|stated|continued|explained|noted|declared|recalled|insisted|warned|replied|exclaimed|announced|tweeted|writes|adds|asks|continues|explains|notes|recalls|warns|replies|begins|reads|read|continues|concludes|ends))\s+/.exec(
      body,
    );
  if (inv) {
    const s = from + lead + inv[0].length;
    const npE = npEnd(text, s, end);
    let sp = resolveNP(ctx, cl, s, npE);
    // a description, then the name in apposition: "added the bill's sponsor, Representative Ana Diaz"
    if (sp && sp !== "unattributed" && sp.entityId === undefined && text.charCodeAt(npE) === 44) {
      const a = npE + 1 + (/^\s*/.exec(text.slice(npE + 1, end))?.[0].length ?? 0);
      const named = /^\p{Lu}/u.test(text.slice(a, a + 1))
        ? resolveNP(ctx, cl, a, npEnd(text, a, end))
        : undefined;
      if (named && named !== "unattributed" && named.entityId !== undefined) sp = named;
    }
    if (sp && /^[Aa]ccording/.test(inv[0].replace(/^(?:also|later|then)\s+/, "")))
      return { according: sp, end: from };
    // "said Perez, while Dunmore said “…”": the clause after the name attributes the next quotation
    if (sp && NEXT_SPEAKER.test(text.slice(npE, end))) return { speaker: sp, end: npE };
    if (sp) return { speaker: sp, end };
    return { end: from };
  }
  // "X said", "X told reporters", "X, the mayor, said"; not "and Y tweeted: “…”", which opens the next quotation
  SPEECH_RE.lastIndex = 0;
  const m = SPEECH_RE.exec(body);
  const opensNext = NEXT_SPEAKER.test(body) && /^[\s:,]*[“"«]/.test(text.slice(end, end + 3));
  if (m && m.index > 0 && m.index <= 220 && !opensNext) {
    const before = body.slice(0, m.index);
    if (!/[.;!?]/.test(before.replace(ABBREVIATED, ""))) {
      const s = from + lead;
      const sp = resolveNP(ctx, cl, s, s + before.length);
      if (sp) return { speaker: sp, end };
    }
  }
  const acc = /\b[Aa]ccording to\s+/.exec(body);
  if (acc) {
    const s = from + lead + acc.index + acc[0].length;
    const sp = resolveNP(ctx, cl, s, npEnd(text, s, end));
    if (sp) return { according: sp, end: from };
  }
  // wire style without a verb: "“…,” New York Gov. Andrew Cuomo, assessing the damage"
  const start = from + lead;
  const named = ctx.mentions.find(
    (m) =>
      m.entity.type === "person" &&
      m.start >= start &&
      m.start <= start + 40 &&
      /^(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}$/u.test(text.slice(start, m.start)) &&
      /^,\s+\p{Ll}+ing\b/u.test(text.slice(m.end, m.end + 30)),
  );
  const comma =
    /,\s*["”»]$/.test(text.slice(Math.max(0, from - 3), from)) || /^\s*,/.test(text.slice(from, start));
  if (named && comma) return { speaker: speakerOf(named.entity), end };
  return { end: from };
}

/** End of a noun phrase after an inverted verb: up to a comma, "who", a period or the limit. */
function npEnd(text: string, s: number, limit: number): number {
  const seg = text.slice(s, limit);
  const m = /,|;|\s[–—-]\s|\s(?:who|which|as|when|while|after|before|in a|on|during|because)\s|[“"«]/.exec(
    seg,
  );
  return m ? s + m.index : limit;
}

/** Attribution before a quote in its sentence: X said: “…” / X told Reuters, “…” / quoted X as saying. */
function preAttribution(ctx: DocCtx, cl: Cluster, open: number, partial: boolean): Speaker | undefined {
  const text = ctx.text;
  const si = sentenceAt(ctx.idx, open);
  let from = ctx.idx.starts[si]!;
  // "told E!\nNews on Friday, “…": a previous sentence that does not end with a period belongs here
  if (si > 0 && ctx.idx.paras[si - 1] === ctx.idx.paras[si]) {
    const prevEnd = text.slice(ctx.idx.starts[si - 1]!, ctx.idx.ends[si - 1]!).trimEnd();
    if (/[!:,]$/.test(prevEnd) && !/[“"]/.test(text.slice(from, open))) from = ctx.idx.starts[si - 1]!;
  }
  const window = text.slice(from, open);
  // skip text inside earlier quotes of the sentence
  const masked = window.replace(/[“"«][^”"»]*[”"»]/g, (q) => " ".repeat(q.length));
  const quoted = /\bquoted\s+(.{1,80}?)\s+as\s+saying\b/i.exec(masked);
  if (quoted) {
    const s = from + quoted.index + quoted[0].indexOf(quoted[1]!);
    const sp = resolveNP(ctx, cl, s, s + quoted[1]!.length);
    if (sp) return sp;
  }
  const passive = /^(.{1,80}?)\s+(?:was|were|is|has been)\s+quoted\s+as\s+saying\b/i.exec(masked);
  if (passive) {
    const sp = resolveNP(ctx, cl, from, from + passive[1]!.length);
    if (sp) return sp;
  }
  const acc = /\b[Aa]ccording to\s+([^,]{2,80}),\s*$/.exec(masked);
  if (acc) {
    const s = from + acc.index + acc[0].indexOf(acc[1]!);
    const sp = resolveNP(ctx, cl, s, s + acc[1]!.length);
    if (sp) return sp;
  }
  // full quotes: the speech verb right before the quote; fragments: the main (first) speech verb
  const re = partial ? PRE_PARTIAL : PRE_FULL;
  re.lastIndex = 0;
  const verbs: RegExpExecArray[] = [];
  for (let m = re.exec(masked); m; m = re.exec(masked)) verbs.push(m);
  if (verbs.length === 0) {
    // "According to Senator Tom Reed, the bill “has broad support”": the source opening the sentence
    const opening = /^\s*[Aa]ccording to\s+([^,]{2,80}),/.exec(masked);
    if (opening) {
      const s = from + opening[0].indexOf(opening[1]!);
      const sp = resolveNP(ctx, cl, s, s + opening[1]!.length);
      if (sp) return sp;
    }
    return partial ? undefined : colonSubject(ctx, cl, from, masked);
  }
  // a verb inside the "that" clause of an earlier speech verb is not the attribution:
  // "X said on Twitter that its forces had responded … “…”"
  const speechOnly = SPEECH_WORD;
  const embedded = (k: number): boolean => {
    const v = verbs[k]!;
    for (let j = 0; j < k; j++) {
      const u = verbs[j]!;
      const between = masked.slice(u.index + u[0].length, v.index);
      // a semicolon closes the "that" clause: "said that …; urged …"
      if (speechOnly.test(u[0]) && /\bthat\b/.test(between) && !between.includes(";")) return true;
    }
    return false;
  };
  const order: RegExpExecArray[] = [];
  if (partial) {
    for (let k = verbs.length - 1; k >= 0; k--) if (!embedded(k)) order.push(verbs[k]!);
    for (let k = verbs.length - 1; k >= 0; k--) if (embedded(k)) order.push(verbs[k]!);
  } else order.push(verbs[verbs.length - 1]!);
  for (const v of order) {
    const sp = subjectOfVerb(ctx, cl, from, masked, v, partial);
    if (sp) return sp;
  }
  return undefined;
}

/**
 * "His friend George Smathers put it bluntly: “…”": a full quote after a colon, with no speech verb, is
 * said by the subject opening the sentence (a pronoun, or a name within its first words).
 */
function colonSubject(ctx: DocCtx, cl: Cluster, from: number, masked: string): Speaker | undefined {
  if (!/:\s*$/.test(masked)) return undefined;
  const open = OPENING_PHRASE.exec(masked)![0].length;
  const clause = masked.slice(open);
  const pron = /^\s*(he|she|they|it)\b/i.exec(clause);
  if (pron) {
    const kind = PRONOUNS[pron[1]!.toLowerCase()];
    return kind ? resolvePronoun(ctx, cl, from + open + pron[0].indexOf(pron[1]!), kind) : undefined;
  }
  for (const m of ctx.mentions) {
    if (m.start < from + open) continue;
    if (m.start >= from + masked.length) break;
    if (m.entity.type !== "person" && m.entity.type !== "organization") continue;
    if (/^['’]s?\s/.test(ctx.text.slice(m.end, m.end + 3))) continue;
    const lead = ctx.text.slice(from + open, m.start).trim();
    return lead.split(/\s+/).filter(Boolean).length <= 3 ? speakerOf(m.entity) : undefined;
  }
  return undefined;
}

/** The speaker of the speech verb `v` found in `masked` (the sentence text before a quote, from `from`). */
function subjectOfVerb(
  ctx: DocCtx,
  cl: Cluster,
  from: number,
  masked: string,
  v: RegExpExecArray,
  partial: boolean,
): Speaker | undefined {
  const verbAt = v.index;
  const verb = v[0];
  // a full quote must follow its verb closely ("said, “", "told reporters: “", "said that “")
  if (!partial) {
    const between = masked.slice(verbAt + verb.length);
    // "X emailed to restate the policy …: “…”": a colon introduces the quote from further away
    const limit = /:\s*$/.test(between) ? 220 : 90;
    if (between.length > limit || /[.;]/.test(between)) return undefined;
  }
  let clause = masked.slice(0, verbAt);
  const clauseTrim = clause.trimEnd();
  // inverted inside the sentence: "They are, said the poet Pere Gimferrer, as full of “…”", "Says one friend: “…”"
  if (clauseTrim.endsWith(",") || clauseTrim === "") {
    const after = /^\s+([^,;:.]{2,80}?)[,:]/.exec(masked.slice(verbAt + verb.length));
    if (after && !/^(?:he|she|they|it|that|we|i)\b/i.test(after[1]!)) {
      const s2 = from + verbAt + verb.length + after[0].indexOf(after[1]!);
      const sp = resolveNP(ctx, cl, s2, s2 + after[1]!.length);
      if (sp) return sp;
    }
  }
  let s: number;
  let e: number;
  // "One former official, who said “…” were used, found …": the noun phrase before "who" speaks
  const rel = /,?\s*\bwho\s+(?:(?:also|later|then|had|has|have|once|previously)\s+)*$/i.exec(clause);
  if (rel && rel.index > 0) {
    const np = clause.slice(0, rel.index);
    const c = Math.max(np.lastIndexOf(", "), np.lastIndexOf(": "));
    s = from + (c >= 0 ? c + 2 : 0);
    e = from + np.length;
    const sp = resolveNP(ctx, cl, s, e) ?? subjectByMentions(ctx, s, e);
    if (sp) return sp;
  }
  // "He claimed …; suggested …; said “…”": a predicate after a semicolon shares the sentence's subject
  const coordinated = /;\s*(?:(?:and|but|then)\s+)?$/i.test(clause);
  if (
    PARTICIPLE.test(verb) ||
    clauseTrim.endsWith(",") ||
    coordinated ||
    /\b(?:and|but|then)$/i.test(clauseTrim)
  ) {
    // "X declined to comment, saying, “…”", "X, in a statement, said": the subject opens the clause; in
    // "A was placed on alert, while B has expressed … and called …", the clause of B
    const boundary = [...clause.matchAll(/,\s+(?:while|whereas|but)\s+/gi)].pop();
    if (boundary) {
      const cut = boundary.index + boundary[0].length;
      from += cut;
      clause = clause.slice(cut);
    }
    const firstComma = clause.search(/,\s/);
    // an opening adverbial: "On Monday, …", "Late on Monday, …", "Mimicking her testimony, …" (a preposition
    // within the first three words, so "The mayor defended the plan on Monday, saying" keeps its subject)
    const head =
      /^(?:(?:[A-Za-z]+ing\b[^,]*|(?:[^\s,]+\s+){0,2}?\b(?:in|on|at|after|before|during|since|following|when|while|as|despite|addressing|asked|speaking|meanwhile|however|later|earlier)\b[^,]*),\s*)?/i.exec(
        clause,
      )![0];
    s = from + head.length;
    e = firstComma >= head.length ? from + firstComma : from + clause.length;
    if (e <= s) e = from + clause.length;
    // the subject ends where an aside about it opens: "X — the party of Y — urged …, saying"
    const aside = /\s[—–]\s/.exec(clause.slice(head.length));
    if (aside && from + head.length + aside.index < e) e = from + head.length + aside.index;
    // the subject before the clause's verb: "He defended the plan …", "The mayor defended the plan …"
    const subject = CLAUSE_SUBJECT.exec(ctx.text.slice(s, e));
    if (subject) {
      const words = subject[1]!.split(/\s+/);
      const last = words[words.length - 1]!.toLowerCase();
      // "The chief prosecutor, …": a role noun after the match belongs to the subject
      const next = /^\s*([\p{Ll}-]+)/u.exec(ctx.text.slice(s + subject[0].length, e))?.[1] ?? "";
      if ((words.length === 1 || cl.gaz.roles.has(last) || ORG_NOUNS.has(last)) && !cl.gaz.roles.has(next)) {
        const sp = resolveNP(ctx, cl, s, s + subject[0].indexOf(subject[1]!) + subject[1]!.length);
        if (sp) return sp;
      }
    }
    // "and said": back to the start of the clause
    const sp = resolveNP(ctx, cl, s, e) ?? subjectByMentions(ctx, from, from + clause.length);
    return sp;
  }
  // "… in which he said": a pronoun right before the verb is its subject
  const pron =
    /\b(he|she|they|it)\s+(?:(?:also|later|then|had|has|have|would|will|again|once|previously)\s+)*$/i.exec(
      clause,
    );
  if (pron) {
    const kind = PRONOUNS[pron[1]!.toLowerCase()];
    if (kind) {
      const sp = resolvePronoun(ctx, cl, from + pron.index, kind);
      if (sp) return sp;
    }
  }
  const lastComma = Math.max(clause.lastIndexOf(", "), clause.lastIndexOf(": "));
  s = from + (lastComma >= 0 ? lastComma + 2 : 0);
  e = from + clause.length;
  const words = clause
    .slice(s - from)
    .trim()
    .split(/\s+/);
  if (words.length > 12) {
    // long clause: take the first person or organisation in it
    return subjectByMentions(ctx, s, e);
  }
  return resolveNP(ctx, cl, s, e) ?? subjectByMentions(ctx, s, e);
}

/**
 * A clause opening with a pronoun or a common noun phrase before a lower-case word that is not a
 * preposition or article (its verb): "The mayor defended …", not "A spokesman for the building …".
 */
const CLAUSE_SUBJECT =
  /^\s*((?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)|(?:[Tt]he|[Aa]n?)\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)\s+(?!(?:of|for|from|at|with|in|on|to|and|or|who|which|that|the|a|an)\b)(?=\p{Ll})/u;

/** The first person (else organisation) named in [s, e), or a pronoun at its start. */
function subjectByMentions(ctx: DocCtx, s: number, e: number): Speaker | undefined {
  const inside = ctx.mentions.filter(
    (m) =>
      m.start >= s &&
      m.end <= e &&
      !insideQuote(ctx, m.start) &&
      !/^['’]s?\s/.test(ctx.text.slice(m.end, m.end + 3)),
  );
  const person = inside.find((m) => m.entity.type === "person");
  if (person) return speakerOf(person.entity);
  const org = inside.find((m) => m.entity.type === "organization");
  if (org) return speakerOf(org.entity);
  return undefined;
}

/** "…, Harris said." at the end of the quote's sentence (for partial quotes inside a longer sentence). */
function sentenceTailAttribution(ctx: DocCtx, cl: Cluster, at: number): Speaker | undefined {
  const si = sentenceAt(ctx.idx, at);
  const s = ctx.idx.starts[si]!;
  const e = ctx.idx.ends[si]!;
  const sent = ctx.text.slice(s, e);
  const m = TAIL_SAID.exec(sent);
  if (m && s + m.index > at) {
    const ns = s + m.index + m[0].indexOf(m[1]!);
    return resolveNP(ctx, cl, ns, ns + m[1]!.length);
  }
  const inv = TAIL_INVERTED.exec(sent);
  if (inv && s + inv.index > at) {
    const ns = s + inv.index + inv[0].indexOf(inv[1]!);
    return resolveNP(ctx, cl, ns, ns + inv[1]!.length);
  }
  return undefined;
}

/** Speaker of an attribution sentence with no quote ("Both cracks sit near …, Kane said."). */
function sentenceSpeaker(ctx: DocCtx, cl: Cluster, si: number): Speaker | undefined {
  const s = ctx.idx.starts[si]!;
  const e = ctx.idx.ends[si]!;
  const sent = ctx.text.slice(s, e);
  if (/[“"«]/.test(sent)) return undefined;
  const tail = sentenceTailAttribution(ctx, cl, s);
  if (tail) return tail;
  SPEECH_RE.lastIndex = 0;
  const m = SPEECH_RE.exec(sent);
  if (!m || m.index === 0 || m.index > 100) return undefined;
  const clause = sent.slice(0, m.index);
  if (clause.split(/\s+/).length > 10) return undefined;
  return resolveNP(ctx, cl, s, s + clause.length);
}

/**
 * The person a sentence is about, when a bare quotation follows it: the sentence is short and has no
 * quotation marks and no verb of speech, names exactly one person, opens with that name (a title or role word may come first) and goes on with
 * a lower-case word; and the quotation at `quoteStart` opens its own sentence.
 */
function subjectSpeaker(ctx: DocCtx, si: number, quoteStart: number): Speaker | undefined {
  const s = ctx.idx.starts[si]!;
  const e = ctx.idx.ends[si]!;
  const sent = ctx.text.slice(s, e);
  // a short sentence about the person, not a report of what someone said ("… though Rimes said she …")
  if (/[“"«”»]/.test(sent) || SPEECH_ANY.test(sent) || sent.split(/\s+/).length > 25) return undefined;
  const qs = sentenceAt(ctx.idx, quoteStart);
  if (!/^\s*[“"«]/.test(ctx.text.slice(ctx.idx.starts[qs]!, quoteStart + 1))) return undefined;
  const people = ctx.mentions.filter((m) => m.start >= s && m.end <= e && m.entity.type === "person");
  if (people.length === 0 || people.some((m) => m.entity !== people[0]!.entity)) return undefined;
  const first = people[0]!;
  const before = ctx.text.slice(s, first.start).trim();
  if (before.split(/\s+/).filter(Boolean).length > 2 || /[,;:]/.test(before)) return undefined;
  if (!/^\s+\p{Ll}/u.test(ctx.text.slice(first.end, first.end + 3))) return undefined;
  return speakerOf(first.entity);
}

interface Local {
  raw: Raw;
  kind: "full" | "partial";
  resolved: Resolved;
  /** End of the attribution after the quote (or the closing mark when none). */
  postEnd: number;
  postAttributed: boolean;
  dropped?: boolean;
  tokens?: string[];
}

function normTokens(text: string, parts: ReadonlyArray<readonly [number, number]>): string[] {
  const out: string[] = [];
  for (const [s, e] of parts) for (const t of wordTokens(text, s, e)) out.push(t.norm);
  return out;
}

function containsSeq(long: readonly string[], short: readonly string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  outer: for (let i = 0; i + short.length <= long.length; i++) {
    for (let j = 0; j < short.length; j++) if (long[i + j] !== short[j]) continue outer;
    return true;
  }
  return false;
}

function lcs(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function contentSet(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.length < 3 || STOPWORDS.has(t)) continue;
    out.add(t.replace(/'s$/, "").replace(/(?<=\w{3})(?:es|s)$/, ""));
  }
  return out;
}

/** “…” called “…” by X: the agent of a passive naming verb. */
function passiveAgent(ctx: DocCtx, cl: Cluster, raw: Raw): Speaker | undefined {
  const before = ctx.text.slice(Math.max(0, raw.outerStart - 30), raw.outerStart);
  if (
    !/\b(?:called|described as|hailed as|dubbed|labell?ed|branded|praised as|quoted as saying)\s*$/.test(
      before,
    )
  )
    return undefined;
  const m = /^[,]?\s*by\s+/.exec(ctx.text.slice(raw.outerEnd, raw.outerEnd + 10));
  if (!m) return undefined;
  const s = raw.outerEnd + m[0].length;
  const e = npEnd(ctx.text, s, Math.min(ctx.text.length, s + 80));
  return resolveNP(ctx, cl, s, e);
}

/** Quotes of one article, before merging across articles. */
function docQuotes(ctx: DocCtx, cl: Cluster, minWords: number): Local[] {
  const { text } = ctx;
  const raws = scanQuotes(ctx.d, text);
  ctx.quoted = raws.map((r) => [r.parts[0]![0], r.parts[r.parts.length - 1]![1]]);
  const locals: Local[] = [];
  const kept = new Set<Raw>();
  for (const raw of raws) {
    const [s0, e0] = raw.parts[0]!;
    if (wordCount(text, raw.parts) < minWords) continue;
    if (titleLike(text, raw.parts)) continue;
    if (!/\p{L}{2}/u.test(partsText(text, raw.parts))) continue;
    const si = sentenceAt(ctx.idx, s0);
    const sStart = ctx.idx.starts[si]!;
    const before = text.slice(Math.max(sStart, raw.outerStart - 40), raw.outerStart);
    const nWords = wordCount(text, raw.parts);
    if (nWords <= 5 && NAMING_BEFORE.test(before)) continue;
    // headline lines
    const sent = text.slice(sStart, ctx.idx.ends[si]!);
    const sentToks = wordTokens(sent);
    const longToks = sentToks.filter((t) => t.end - t.start >= 4);
    const capShare = longToks.length
      ? longToks.filter((t) => /^\p{Lu}/u.test(sent.slice(t.start, t.end))).length / longToks.length
      : 0;
    if (longToks.length >= 3 && capShare >= 0.7 && !/[.!?]["”’)]*\s*$/.test(sent)) continue;
    const firstChar = text[s0] ?? "";
    const kind: "full" | "partial" = /[\p{Ll}]/u.test(firstChar) ? "partial" : "full";
    const lastEnd = raw.parts[raw.parts.length - 1]![1];
    // speech cue for fragments (scare quotes have none)
    const prevRaw = raws[raws.indexOf(raw) - 1];
    const gapPrev = prevRaw ? text.slice(prevRaw.outerEnd, raw.outerStart) : "";
    const continuation =
      prevRaw !== undefined &&
      gapPrev.length < 150 &&
      SPEECH_ANY.test(gapPrev) &&
      !/\n\s*\S[^\n]*\n/.test(gapPrev);
    if (kind === "partial" && !continuation) {
      const sEnd = ctx.idx.ends[sentenceAt(ctx.idx, lastEnd)]!;
      let from = sStart;
      if (si > 0 && ctx.idx.paras[si - 1] === ctx.idx.paras[si]) {
        const prevText = text.slice(ctx.idx.starts[si - 1]!, ctx.idx.ends[si - 1]!).trimEnd();
        if (/[!:,]$/.test(prevText)) from = ctx.idx.starts[si - 1]!;
      }
      const around = (text.slice(from, raw.outerStart) + " " + text.slice(raw.outerEnd, sEnd)).replace(
        /[“"«][^”"»]*[”"»]/g,
        " ",
      );
      if (!CUE_RE.test(around)) continue;
    }
    void e0;
    const post = postAttribution(ctx, cl, raw.outerEnd);
    let speaker: Speaker | undefined = post.speaker;
    let how: Resolved["how"] = speaker ? "attribution" : "none";
    if (!speaker && kind === "partial") speaker = passiveAgent(ctx, cl, raw);
    if (!speaker) speaker = preAttribution(ctx, cl, raw.outerStart, kind === "partial");
    if (!speaker && kind === "partial") speaker = sentenceTailAttribution(ctx, cl, raw.outerEnd);
    if (!speaker) speaker = post.according;
    if (speaker) how = "attribution";
    if (speaker && speaker !== "unattributed") ctx.attrib.push({ pos: raw.outerStart, sp: speaker });
    kept.add(raw);
    locals.push({
      raw,
      kind,
      resolved: { speaker: speaker ?? "unattributed", how },
      postEnd: post.speaker ? post.end : raw.outerEnd,
      postAttributed: post.speaker !== undefined && post.speaker !== "unattributed",
    });
  }
  ctx.skipped = raws.filter((r) => !kept.has(r)).map((r) => [r.outerStart, r.outerEnd]);
  // chains: “A,” X said, “B.” / “A,” X said. “B.” / “A.” ¶ “B.” — B without an attribution of its own;
  // a quoted title inside the attribution does not break the chain ("X said on NBC's “Meet the Press.”")
  const chained: Local[] = [];
  for (const q of locals) {
    const prev = chained[chained.length - 1];
    if (prev && !q.postAttributed && (q.resolved.how === "none" || prev.postAttributed)) {
      let gap = text.slice(prev.postEnd, q.raw.outerStart);
      for (const [a, b] of ctx.skipped)
        if (a >= prev.postEnd && b <= q.raw.outerStart)
          gap = gap.slice(0, a - prev.postEnd) + " ".repeat(b - a) + gap.slice(b - prev.postEnd);
      const prevPara = paraOf(ctx, prev.raw.outerEnd - 1);
      const qPara = paraOf(ctx, q.raw.outerStart);
      const gapClean = gap.replace(/^[\s,.;:!?…—–-]+|[\s,.;:!?…—–-]+$/g, "");
      if (
        gapClean === "" &&
        qPara - prevPara <= 1 &&
        prev.resolved.speaker !== "unattributed" &&
        !namesFormally(cl, text, q.raw.parts, prev.resolved.speaker)
      ) {
        prev.raw = {
          ...prev.raw,
          parts: [...prev.raw.parts, ...q.raw.parts],
          outerEnd: q.raw.outerEnd,
        };
        prev.postEnd = q.raw.outerEnd;
        continue;
      }
    }
    chained.push(q);
  }
  // continuation: a quote with no attribution takes the speaker of the previous attribution nearby
  for (let i = 0; i < chained.length; i++) {
    const q = chained[i]!;
    if (q.resolved.speaker !== "unattributed") continue;
    const qPara = paraOf(ctx, q.raw.outerStart);
    const prev = chained[i - 1];
    const prevSi = sentenceAt(ctx.idx, q.raw.outerStart) - 1;
    // an attribution sentence just before ("…, Kane said.")
    if (prevSi >= 0 && ctx.idx.paras[prevSi]! >= qPara - 1) {
      const prevSentStart = ctx.idx.starts[prevSi]!;
      if (!prev || prev.raw.outerEnd <= prevSentStart) {
        const sp = sentenceSpeaker(ctx, cl, prevSi);
        if (sp && sp !== "unattributed" && !namesFormally(cl, text, q.raw.parts, sp)) {
          q.resolved = { speaker: sp, how: "continuation" };
          continue;
        }
      }
    }
    // "Lawyer Sam Kohl was defiant after the ruling. “We will appeal.”": a quotation that opens its sentence,
    // right after a sentence without quotes whose subject is the one person it names
    if (
      q.kind === "full" &&
      prevSi >= 0 &&
      ctx.idx.paras[prevSi]! >= qPara - 1 &&
      (!prev || prev.raw.outerEnd <= ctx.idx.starts[prevSi]!)
    ) {
      const sp = subjectSpeaker(ctx, prevSi, q.raw.outerStart);
      if (sp && !namesFormally(cl, text, q.raw.parts, sp)) {
        q.resolved = { speaker: sp, how: "continuation" };
        continue;
      }
    }
    if (
      prev &&
      prev.resolved.speaker !== "unattributed" &&
      qPara - paraOf(ctx, prev.raw.outerEnd - 1) <= 1 &&
      !namesFormally(cl, text, q.raw.parts, prev.resolved.speaker)
    ) {
      const gap = text.slice(prev.postEnd, q.raw.outerStart);
      if (!/[.!?]\s+\S.*[.!?]/s.test(gap.trim()) || gap.length < 2) {
        q.resolved = { speaker: prev.resolved.speaker, how: "continuation" };
      }
    }
  }
  // nobody calls himself "Mr. Trump": a person named with an honorific inside the quote did not say it;
  // and a description that is a whole clause ("The announcement came a day after Kalanick") names no one
  for (const q of chained) {
    const sp = q.resolved.speaker;
    if (
      namesFormally(cl, text, q.raw.parts, sp) ||
      (sp !== "unattributed" && !sp.entityId && CLAUSE_VERB.test(sp.name))
    )
      q.resolved = { speaker: "unattributed", how: "none" };
  }
  // a fragment repeated inside a longer quote of the same article is not a quote of its own
  for (const q of chained) q.tokens = normTokens(text, q.raw.parts);
  for (const q of chained) {
    for (const r of chained) {
      if (q === r || r.dropped || q.tokens!.length > r.tokens!.length) continue;
      if (q.tokens!.length === r.tokens!.length && chained.indexOf(q) < chained.indexOf(r)) continue;
      if (containsSeq(r.tokens!, q.tokens!)) {
        q.dropped = true;
        break;
      }
    }
  }
  return chained.filter((q) => !q.dropped);
}

/** A finite verb that makes a would-be speaker description a clause. */
const CLAUSE_VERB =
  /\b(?:came|emerged|settled|became|went|was|were|is|are|has|had|have|will|would|took|made)\b/i;

/** Does the quoted text name the speaker (a person) with an honorific, "Mr. Shaw"? Then the speaker did not say it. */
function namesFormally(
  cl: Cluster,
  text: string,
  parts: ReadonlyArray<readonly [number, number]>,
  sp: Speaker,
): boolean {
  if (sp === "unattributed" || !sp.entityId) return false;
  const e = cl.byId.get(sp.entityId);
  if (e?.type !== "person") return false;
  const surname = e.name
    .split(" ")
    .pop()!
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b(?:Mr|Mrs|Ms|Miss)\\.?\\s+${surname}\\b`, "i").test(partsText(text, parts));
}

function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a === "unattributed" || b === "unattributed") return false;
  if (a.entityId && b.entityId) return a.entityId === b.entityId;
  return a.name.toLowerCase() === b.name.toLowerCase();
}

/**
 * Finds direct and partial quotes in a cluster, resolves their speakers against `entities` (from
 * `extractEntities` on the same docs) and merges the same quote across articles.
 */
export function extractQuotes(
  docs: readonly Doc[],
  entities: readonly Entity[],
  options: QuoteOptions = {},
): Quote[] {
  if (!Array.isArray(docs))
    throw new NewsweaveError("BAD_FIELD", "docs must be an array of Doc", { field: "docs" });
  if (!Array.isArray(entities)) {
    throw new NewsweaveError("BAD_FIELD", "entities must be an array (from extractEntities)", {
      field: "entities",
    });
  }
  const minWords = options.minWords ?? 2;
  if (!Number.isInteger(minWords) || minWords < 1) {
    throw new NewsweaveError(
      "BAD_OPTION",
      `minWords must be a positive integer, got ${String(options.minWords)}`,
    );
  }
  const gaz = options.gazetteer ?? defaultGazetteer();
  const byArticle = new Map<string, EM[]>();
  const byRole = new Map<string, Entity[]>();
  const weight = new Map<Entity, number>();
  for (const e of entities) {
    weight.set(e, e.mentions.length);
    for (const m of e.mentions) {
      const list = byArticle.get(m.articleId) ?? [];
      list.push({ start: m.start, end: m.end, entity: e });
      byArticle.set(m.articleId, list);
    }
    for (const r of e.roles ?? []) {
      const list = byRole.get(r) ?? [];
      list.push(e);
      byRole.set(r, list);
    }
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start);
  const byId = new Map(entities.map((e) => [e.id, e] as const));
  const cl: Cluster = { byId, byRole, weight, gaz };

  interface Item {
    d: number;
    local: Local;
    tokens: string[];
    text: string;
  }
  const items: Item[] = [];
  const ctxs: DocCtx[] = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    if (!doc || typeof doc.article?.text !== "string" || !Array.isArray(doc.sentences)) {
      throw new NewsweaveError("BAD_FIELD", `docs[${d}] is not a Doc (article.text and sentences)`, {
        field: `docs[${d}]`,
      });
    }
    const text = doc.article.text;
    const idx: SentIndex = {
      starts: doc.sentences.map((s: Sentence) => s.start),
      ends: doc.sentences.map((s: Sentence) => s.end),
      paras: doc.sentences.map((s: Sentence) => s.paragraph),
    };
    if (idx.starts.length === 0) {
      idx.starts.push(0);
      idx.ends.push(text.length);
      idx.paras.push(0);
    }
    const ctx: DocCtx = {
      d,
      doc,
      text,
      idx,
      mentions: byArticle.get(doc.article.id) ?? [],
      quoted: [],
      paras: paragraphs(text),
      attrib: [],
      pronounGender: new Map(),
      sentSpeakers: new Map(),
      skipped: [],
    };
    if (ctx.paras.length === 0) continue;
    ctxs.push(ctx);
    for (const local of docQuotes(ctx, cl, minWords)) {
      items.push({ d, local, tokens: local.tokens ?? [], text: partsText(text, local.raw.parts) });
    }
  }

  // merge the same words across articles (union-find)
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // each item's words as a set, built when first needed
  const bags: Array<Set<string> | undefined> = [];
  const bagOf = (k: number): Set<string> => (bags[k] ??= new Set(items[k]!.tokens));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.d === b.d) continue;
      const aShort = a.tokens.length <= b.tokens.length;
      const [short, long] = aShort ? [a, b] : [b, a];
      if (short.tokens.length < 3) continue;
      let same = containsSeq(long.tokens, short.tokens);
      if (!same && short.tokens.length >= 6) {
        // cheap bag-of-words bound before the quadratic LCS
        const bag = bagOf(aShort ? j : i);
        let shared = 0;
        for (const t of short.tokens) if (bag.has(t)) shared++;
        if (shared >= 0.9 * short.tokens.length)
          same = lcs(short.tokens, long.tokens) / short.tokens.length >= 0.9;
      }
      if (!same) continue;
      const sa = a.local.resolved.speaker;
      const sb = b.local.resolved.speaker;
      if (short.tokens.length < 6 && sa !== "unattributed" && sb !== "unattributed" && !sameSpeaker(sa, sb))
        continue;
      parent[find(i)] = find(j);
    }
  }
  const clusters = new Map<number, Item[]>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const list = clusters.get(r) ?? [];
    list.push(items[i]!);
    clusters.set(r, list);
  }
  const quotes: Quote[] = [];
  const order = [...clusters.values()].sort((x, y) => {
    const a = x[0]!;
    const b = y[0]!;
    return a.d - b.d || a.local.raw.outerStart - b.local.raw.outerStart;
  });
  for (const members of order) {
    members.sort((a, b) => a.d - b.d || a.local.raw.outerStart - b.local.raw.outerStart);
    // speaker: the most frequent named speaker, else a description, else unattributed
    const votes = new Map<string, { sp: Speaker; n: number; named: boolean }>();
    for (const m of members) {
      const sp = m.local.resolved.speaker;
      if (sp === "unattributed") continue;
      const k = sp.entityId ?? `n:${sp.name.toLowerCase()}`;
      const v = votes.get(k) ?? { sp, n: 0, named: sp.entityId !== undefined };
      v.n += m.local.resolved.how === "attribution" ? 1 : 0.6;
      votes.set(k, v);
    }
    let speaker: Speaker = "unattributed";
    let bestScore = -1;
    for (const v of votes.values()) {
      const score = v.n + (v.named ? 0.5 : 0);
      if (score > bestScore) {
        bestScore = score;
        speaker = v.sp;
      }
    }
    let longest = members[0]!;
    for (const m of members) if (m.tokens.length > longest.tokens.length) longest = m;
    const mentions: QuoteMention[] = members.map((m) => {
      const doc = docs[m.d]!;
      const parts = m.local.raw.parts;
      return {
        articleId: doc.article.id,
        start: parts[0]![0],
        end: parts[parts.length - 1]![1],
        sentence: sentenceAt(ctxs.find((c) => c.d === m.d)!.idx, parts[0]![0]),
        parts: parts.map(([s, e]) => ({ start: s, end: e })),
      };
    });
    const text = longest.text.replace(/[\s,]+$/, "");
    quotes.push({
      id: `q${quotes.length + 1}`,
      text,
      speaker,
      mentions,
      sources: countSources(
        docs,
        members.map((m) => m.d),
      ),
      kind: members.some((m) => m.local.kind === "full") ? "full" : "partial",
    });
  }

  // variants: the same speaker, much of the same content, different words
  const content = quotes.map((q) => contentSet(normTokens(q.text, [[0, q.text.length]])));
  const vparent = quotes.map((_, i) => i);
  const vfind = (i: number): number => {
    while (vparent[i] !== i) {
      vparent[i] = vparent[vparent[i]!]!;
      i = vparent[i]!;
    }
    return i;
  };
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      const a = quotes[i]!;
      const b = quotes[j]!;
      if (a.speaker === "unattributed" || b.speaker === "unattributed" || !sameSpeaker(a.speaker, b.speaker))
        continue;
      const ca = content[i]!;
      const cb = content[j]!;
      let shared = 0;
      for (const w of ca) if (cb.has(w)) shared++;
      const smaller = Math.min(ca.size, cb.size);
      if (shared >= 4 && smaller > 0 && shared / smaller >= 0.5) vparent[vfind(i)] = vfind(j);
    }
  }
  const vgroups = new Map<number, Quote[]>();
  quotes.forEach((q, i) => {
    const r = vfind(i);
    const list = vgroups.get(r) ?? [];
    list.push(q);
    vgroups.set(r, list);
  });
  for (const list of vgroups.values()) {
    if (list.length < 2) continue;
    let main = list[0]!;
    for (const q of list) if (q.sources > main.sources) main = q;
    for (const q of list) {
      q.group = `g-${main.id}`;
      q.variants = list.filter((o) => o !== q).map((o) => o.id);
      if (q !== main) q.variantOf = main.id;
    }
  }
  return quotes;
}
