import { createRequire } from "node:module";
import type { WinkMethods } from "wink-nlp";
import { NewsweaveError } from "../errors.ts";

const require = createRequire(import.meta.url);
let nlp: WinkMethods | undefined;
let tagger: WinkMethods | undefined;

function loadWink(pipe: string[]): WinkMethods {
  try {
    const winkNLP = require("wink-nlp") as typeof import("wink-nlp").default;
    const model = require("wink-eng-lite-web-model") as import("wink-nlp").Model;
    return winkNLP(model, pipe);
  } catch (e) {
    throw new NewsweaveError(
      "INTERNAL",
      `cannot load wink-nlp: ${e instanceof Error ? e.message : e}`,
      {},
      { cause: e },
    );
  }
}

/** wink-nlp with only sentence boundary detection, loaded on first use. */
function winkNlp(): WinkMethods {
  nlp ??= loadWink(["sbd"]);
  return nlp;
}

/**
 * Whether a sentence has a verb (wink-nlp's part-of-speech tags VERB or AUX): "Parts of the coast still
 * under water." has none, a caption or a heading that reads as a sentence.
 */
export function hasVerb(text: string): boolean {
  tagger ??= loadWink(["pos"]);
  const tokens = tagger.readDoc(text).tokens();
  const pos = tokens.out(tagger.its.pos) as string[];
  const words = tokens.out() as string[];
  for (let i = 0; i < pos.length; i++) {
    if (pos[i] === "VERB" || pos[i] === "AUX") return true;
    // the tagger sometimes reads a verb after its subject as a noun or adjective: "The song blends …",
    // "This drives me nuts", "The timing of the attack confused …"
    // ("bridge closures of the decade" is a noun phrase)
    if (i > 0 && SUBJECT.has(pos[i - 1]!) && /^\p{Ll}+(?:s|ed)$/u.test(words[i]!) && words[i + 1] !== "of")
      return true;
  }
  return false;
}

const SUBJECT = new Set(["NOUN", "PROPN", "PRON", "DET", "NUM"]);

/**
 * Sentence ends found by wink-nlp, as ascending character offsets into `text` (the end of the
 * last token of every sentence). Token offsets are rebuilt from token values and their preceding
 * whitespace; characters wink drops (U+FEFF) are skipped by re-synchronising on the token text.
 */
export function winkSentenceEnds(text: string): number[] {
  const w = winkNlp();
  const doc = w.readDoc(text);
  const its = w.its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const tokenEnd = new Int32Array(values.length);
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    p += (spaces[i] as string).length;
    if (!text.startsWith(v, p)) {
      const q = text.indexOf(v, p);
      if (q >= 0) p = q;
    }
    p += v.length;
    tokenEnd[i] = p;
  }
  const ends: number[] = [];
  for (const span of spans) {
    const last = span[1];
    if (last >= 0 && last < tokenEnd.length) ends.push(tokenEnd[last] as number);
  }
  return ends;
}

/** Words that mark English text; a sentence without any is not judged by the English tagger. */
const ENGLISH = /\b(?:the|of|and|to|is|are|was|were|for|with|that|from)\b/i;

/**
 * A caption, heading or list line rather than a sentence: English text of at most `maxWords` words with no
 * verb ("Parts of the coast still under water.", "Photos: the 10 most fascinating people of 2011.").
 */
export function isFragment(text: string, maxWords = 25): boolean {
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words <= maxWords && ENGLISH.test(text) && !hasVerb(text);
}
