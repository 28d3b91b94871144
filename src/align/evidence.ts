/**
 * Whether two aligned sentences share what is said, not only who it is about. The alignment weighs rare
 * terms, and a person's name and title are rare terms: "Sudan's foreign minister Ibrahim Ghandour said
 * Africa's enemies were behind the failed bid" and "… Foreign Minister Ibrahim Ghandour would hold a news
 * conference" align on the name alone. A statement shares what is said when the two sentences have in
 * common a word written in lower case (a verb, a common noun: "closed", "rebuild"), a number, or a day or
 * month name; names, titles and attribution verbs ("said", "told") do not count.
 */
import { stem } from "../eval/porter.ts";
import { STOPWORDS } from "../lexicon/stopwords.ts";
import { wordTokens } from "../segment/index.ts";
import type { ClusterRep } from "./represent.ts";

/** Verbs that attribute a statement: shared by any two quoted sentences. */
const ATTRIBUTION = new Set(
  "said says say saying told tell tells telling according added adds stated states reported reports reporting noted notes wrote writes asked asks".split(
    " ",
  ),
);
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** What a sentence says, as stems: see the module comment. */
export function statementTerms(text: string, start: number, end: number): Set<string> {
  const lower = new Set<string>();
  const capital = new Set<string>();
  const toks = wordTokens(text, start, end);
  toks.forEach((t, k) => {
    const w = t.norm;
    if (/\d/.test(w)) {
      lower.add(w.replace(/,/g, ""));
      return;
    }
    if (CALENDAR.test(w)) {
      lower.add(w);
      return;
    }
    // scripts without case (Chinese, Japanese): every word is a common word
    if (w.toUpperCase() === w) {
      lower.add(w);
      return;
    }
    if (w.length < 3 || STOPWORDS.has(w) || ATTRIBUTION.has(w)) return;
    const c = text.charCodeAt(t.start);
    const upper = c >= 65 && c <= 90;
    // a capitalised first word may be a common word ("Closed", "Rescuers"); anywhere else it is a name
    if (!upper) lower.add(stem(w));
    else if (k > 0) capital.add(stem(w));
    else if (!lower.has(stem(w))) lower.add(`^${stem(w)}`);
  });
  const out = new Set<string>();
  for (const s of lower) {
    const bare = s.startsWith("^") ? s.slice(1) : s;
    if (!capital.has(bare)) out.add(s);
  }
  return out;
}

/**
 * Whether two statements share a term of `statementTerms`. A capitalised first word counts only against
 * the same word in lower case in the other sentence.
 */
export function sharesStatement(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const s of a) {
    if (s.startsWith("^")) {
      if (b.has(s.slice(1))) return true;
    } else if (b.has(s) || b.has(`^${s}`)) return true;
  }
  return false;
}

const termCache = new WeakMap<ClusterRep, Map<number, Set<string>>>();

/** `statementTerms` of sentence `id` of a cluster, computed once per cluster representation. */
function termsOf(rep: ClusterRep, id: number): Set<string> {
  let cache = termCache.get(rep);
  if (!cache) {
    cache = new Map();
    termCache.set(rep, cache);
  }
  let terms = cache.get(id);
  if (!terms) {
    const s = rep.sents[id]!;
    terms = statementTerms(rep.docs[s.doc]!.article.text, s.sentence.start, s.sentence.end);
    cache.set(id, terms);
  }
  return terms;
}

/**
 * Whether sentences `a` and `b` of a cluster share what is said (see the module comment): an alignment
 * link supports a citation or an agreement only then.
 */
export function sameStatement(rep: ClusterRep, a: number, b: number): boolean {
  return sharesStatement(termsOf(rep, a), termsOf(rep, b));
}
