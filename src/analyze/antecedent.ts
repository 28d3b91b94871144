/**
 * Who "He" or "She" is, for a sentence shown out of its article (a timeline event, a fact reported by one
 * source): the person who is the subject of the sentence before it. Centering in its simplest form: the
 * first named person of the previous sentence (of the one before that when it names nobody), provided the
 * name comes early in that sentence (a subject, not a late object) and its known gender fits the pronoun.
 * A previous sentence that opens with the same pronoun passes the question on ("He won. He said …").
 *
 * The answer is an annotation next to the verbatim text ("He [Mike Pompeo] confirmed …"), never an edit of it.
 */
import type { Doc } from "../types.ts";
import type { Entity } from "./entities.ts";

interface PersonMention {
  start: number;
  end: number;
  name: string;
  gender?: "male" | "female";
}

/** Person mentions of each article, in text order. */
export type PeopleIndex = ReadonlyMap<string, readonly PersonMention[]>;

export function indexPeople(entities: readonly Entity[]): PeopleIndex {
  const out = new Map<string, PersonMention[]>();
  for (const e of entities) {
    if (e.type !== "person") continue;
    for (const m of e.mentions) {
      const list = out.get(m.articleId) ?? [];
      list.push({ start: m.start, end: m.end, name: e.name, ...(e.gender ? { gender: e.gender } : {}) });
      out.set(m.articleId, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

const PRONOUN = /^(He|She)\b/;
/** Sentences looked back over for a name. */
const REACH = 2;
/** The name must start in this first share of its sentence. */
const EARLY = 0.5;
/** Sentences opening with the same pronoun followed back at most this often. */
const CHAIN = 3;

/**
 * The person a sentence opening with "He" or "She" most likely means, or undefined when the sentences
 * before it do not say clearly.
 */
export function subjectAntecedent(
  doc: Doc,
  sentence: number,
  people: PeopleIndex,
  depth = 0,
): string | undefined {
  const text = doc.article.text;
  const s = doc.sentences[sentence];
  if (!s) return undefined;
  const pronoun = PRONOUN.exec(text.slice(s.start, s.start + 4))?.[1];
  if (!pronoun) return undefined;
  const gender = pronoun === "He" ? "male" : "female";
  const mentions = people.get(doc.article.id) ?? [];
  for (let k = sentence - 1; k >= Math.max(0, sentence - REACH); k--) {
    const prev = doc.sentences[k]!;
    if (text.startsWith(pronoun, prev.start) && PRONOUN.test(text.slice(prev.start, prev.start + 4)))
      return depth < CHAIN ? subjectAntecedent(doc, k, people, depth + 1) : undefined;
    const first = mentions.find(
      (m) => m.start >= prev.start && m.end <= prev.end && m.gender !== otherOf(gender) && !isCredit(text, m),
    );
    if (!first) continue;
    return first.start - prev.start <= (prev.end - prev.start) * EARLY ? first.name : undefined;
  }
  return undefined;
}

/** A name in a photo or video credit ("Photo: Jane Doe/AP"), which is never the subject of the text. */
function isCredit(text: string, m: PersonMention): boolean {
  // "Jane Doe/AP", and "Jane doe/ap" where only the given name was recognised
  if (/^(?:\s\S+?)?\//.test(text.slice(m.end, m.end + 30))) return true;
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  return /\b(?:photo|photograph|image|video|credit|getty)\b[^\n]{0,25}$/i.test(before);
}

function otherOf(g: "male" | "female"): "male" | "female" {
  return g === "male" ? "female" : "male";
}
