/**
 * Whether a sentence (or a run of sentences) needs the one before it to be understood. One judgement for
 * every place a sentence is shown out of its article: summary selection, timeline events, facts reported
 * by one source.
 */
import { wordTokens } from "../segment/index.ts";
import type { Doc } from "../types.ts";
import { DANGLING_OPENERS } from "./features.ts";

/** Words that open a subordinate clause: "Whether this …" leans on what came before as much as "This …". */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  "whether",
  "if",
  "while",
  "when",
  "as",
  "since",
  "after",
  "before",
  "until",
  "unless",
  "once",
]);

/** Openers that presuppose something told before ("Another police official confirmed …", "Both men …"). */
const PRESUPPOSING: ReadonlySet<string> = new Set(["another", "both"]);

/** "The pair had lunch", "After meeting, the duo left": people counted, not named. */
const PAIR_SUBJECT =
  /^(?:(?:after|before|when|while|as|then|later)\b[^,.]{0,40},\s*)?the (?:pair|duo|trio|couple)\b/iu;

/** "The announcement comes after …", "The move came as …": a sentence about something told before it. */
const POINTS_BACK =
  /^(?:The|This|That|These|Those|Its|His|Her|Their)\s+(?:[\p{L}-]+\s+){0,2}?(?:comes?|came|follows?|followed)\s+(?:after|as|amid|days|weeks|months|hours|just|a day|one day|two days|less than|only|on the heels)\b/u;

/** "How far out, though, is still unclear.": a first clause set off by a word that answers the sentence before. */
const CONNECTS_BACK =
  /^[^,.;:“”"]{1,60}?,\s*(?:though|however|too|then|instead|meanwhile|in turn|in fact|as well|nonetheless|nevertheless|therefore|moreover|in addition|for example|for instance|likewise|similarly|by contrast|in contrast|on the other hand|as a result|in response)\s*,/iu;

/** '“It is beyond anything I'd seen,” he said.': a quotation whose speaker the reader meets only before it. */
const PRONOUN_SAID =
  /^[“"][^”"]{0,600}[”"]\s*,?\s*(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:said|says|added|adds|told|tells|explained|continued|wrote|writes|recalled|noted|insisted|warned)\b/u;

/**
 * "Mr. Trump's visit, he said, is causing …", "The plan will work, she said.": the speaker is a pronoun
 * set into the sentence, named only before it.
 */
const INSERTED_PRONOUN_SAID =
  /,\s*(?:he|she|they)\s+(?:said|says|added|adds|noted|argued|wrote|writes|explained|insisted|warned|recalled|told (?:reporters|[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*){0,3}))\s*(?:,|[.!?]["”]?\s*$)/u;

/** '…,” Pelosi said.': a sentence that attributes a quotation. */
const SAID_AFTER_QUOTE =
  /[”"]\s*,?\s*(?:[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*|[Hh]e|[Ss]he|[Tt]hey|the\s+[\p{Ll}\s]+?)?\s*(?:said|says|told|added|wrote|explained|continued|argued|stated)\b/u;

function textOf(doc: Doc, first: number, last: number): string {
  return doc.article.text.slice(doc.sentences[first]!.start, doc.sentences[last]!.end);
}

/**
 * True when sentences `first`…`last` of an article (one sentence by default) cannot be shown without the
 * sentence before them:
 * - they open with a pronoun or connective ("He confirmed …", "But …"), or with a subordinate clause whose
 *   subject is one ("Whether this …");
 * - they are about what was told before ("The announcement comes after …") or answer it ("How far, though, …");
 * - they are a quotation whose speaker is named only around them ('“We have just begun.”', '“…,” he said.',
 *   the start or end of a quotation that spans several sentences, or the rest of one attributed in the
 *   sentence before).
 */
export function leansOnPrevious(doc: Doc, first: number, last = first): boolean {
  const s = doc.sentences[first]!;
  const text = doc.article.text;
  const words = wordTokens(text, s.start, Math.min(s.end, s.start + 60));
  const opener = words[0]?.norm ?? "";
  if (DANGLING_OPENERS.has(opener) || PRESUPPOSING.has(opener)) return true;
  if (opener === "the" && words[1]?.norm === "latter") return true; // "The latter said …"
  // "After meeting, the pair had lunch together.": a subject that only the sentence before names
  if (PAIR_SUBJECT.test(text.slice(s.start, Math.min(s.end, s.start + 80)))) return true;
  if (SUBORDINATORS.has(opener) && DANGLING_OPENERS.has(words[1]?.norm ?? "")) return true;
  const head = text.slice(s.start, Math.min(s.end, s.start + 700));
  if (POINTS_BACK.test(head) || CONNECTS_BACK.test(head) || PRONOUN_SAID.test(head)) return true;
  // outside quotation marks only: inside them, "he said" is the speaker's own words
  if (INSERTED_PRONOUN_SAID.test(head.replace(/[“"][^”"]*[”"]/g, (q) => " ".repeat(q.length)))) return true;
  const unit = textOf(doc, first, last);
  // a quotation alone with no speaker inside it, the start of one that goes on after it, or the end of
  // one opened before it
  if (/^[“"][^”"]*(?:[.!?…]["”])?$/u.test(unit) || /^[^“”]*”/u.test(unit)) return true;
  return continuesQuote(doc, first, last);
}

/** "The announcement comes after …": the sentence is about what the one before it told. */
export function pointsBack(doc: Doc, index: number): boolean {
  const s = doc.sentences[index]!;
  return POINTS_BACK.test(doc.article.text.slice(s.start, s.end));
}

/**
 * A quotation that goes on from the sentence before it, whose attribution it does not repeat:
 * '“…,” Pelosi said. “Let us supply the votes …”' — alone it has no speaker.
 */
export function continuesQuote(doc: Doc, first: number, last = first): boolean {
  const unit = textOf(doc, first, last);
  if (!/^[“"]/.test(unit) || !/[.!?]["”]$/.test(unit)) return false;
  const prev = doc.sentences[first - 1];
  if (prev === undefined || prev.paragraph !== doc.sentences[first]!.paragraph) return false;
  return SAID_AFTER_QUOTE.test(doc.article.text.slice(prev.start, prev.end));
}
