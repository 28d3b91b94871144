/**
 * Timeline: dated events of a story, merged across articles through the cluster's sentence alignment,
 * ordered by date, each citing the sentences that state it.
 */

import { countSources } from "../align/copies.ts";
import { type Alignment, alignSentences, cosine } from "../align/index.ts";
import { type Background, type ClusterRep, representCluster } from "../align/represent.ts";
import { NewsweaveError } from "../errors.ts";
import { isFragment, wordTokens } from "../segment/index.ts";
import { leansOnPrevious } from "../summarize/lean.ts";
import { defaultBackground } from "../summarize/resources.ts";
import type { Citation, Doc } from "../types.ts";
import { type DateMention, dateInterval, extractDates, type Granularity } from "./dates.ts";

export interface TimelineEvent {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY"; for a range of days, its first day. */
  date: string;
  granularity: Granularity;
  /** Last day of a range ("March 21 and 22", "last week"), when the event spans several days. */
  end?: string;
  /** The verbatim sentence of the best source. */
  text: string;
  /** The date expression as written in that sentence. */
  expression: string;
  /** Every sentence stating the event, the best source first (score 1), then by alignment score. */
  citations: Citation[];
  /** Number of distinct articles citing the event. */
  sources: number;
  /** Who "He"/"She" opening `text` most likely is (set by the report; see `subjectAntecedent`). */
  antecedent?: string;
}

export interface ClusterContext {
  /** Background frequencies for the cluster representation (default: the shipped table). */
  background?: Background;
  /** A representation already computed for these docs (same order), e.g. by the summarizer. */
  rep?: ClusterRep;
  /** The alignment already computed on `rep`. */
  alignment?: Alignment;
  /** Alignment threshold when the alignment is computed here. */
  threshold?: number;
}

export interface TimelineOptions extends ClusterContext {
  /** Reference (publication) dates by article id, overriding metadata. */
  references?: Readonly<Record<string, string>>;
  /** Date mentions already extracted, by article id. */
  dates?: ReadonlyMap<string, readonly DateMention[]>;
  /** Two sentences with the same date and at least this TF-IDF cosine tell the same event (default 0.2). */
  sameDateSimilarity?: number;
  /** Ranges longer than this many days (e.g. "this year" spans) are not events (default 14). */
  maxRangeDays?: number;
}

/** The representation and alignment of a cluster, computed unless passed in. */
export function clusterContext(
  docs: readonly Doc[],
  options: ClusterContext = {},
): { rep: ClusterRep; alignment: Alignment } {
  if (!Array.isArray(docs))
    throw new NewsweaveError("BAD_FIELD", "docs must be an array of prepared documents");
  const rep = options.rep ?? representCluster(docs, options.background ?? defaultBackground());
  if (rep.docs.length !== docs.length) {
    throw new NewsweaveError("BAD_OPTION", "the cluster representation was computed on other documents", {
      field: "rep",
    });
  }
  const alignment = options.alignment ?? alignSentences(rep, { threshold: options.threshold });
  return { rep, alignment };
}

/** Sentence id (in the representation) of sentence `index` of document `d`. */
export function sentenceId(rep: ClusterRep, d: number, index: number): number | undefined {
  return rep.byDoc[d]?.[index];
}

export function citationOf(rep: ClusterRep, id: number, score: number): Citation {
  const s = rep.sents[id]!;
  return {
    articleId: rep.docs[s.doc]!.article.id,
    sentence: s.sentence.index,
    start: s.sentence.start,
    end: s.sentence.end,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Similarity of two sentences: the alignment link when there is one, else their cosine. */
export function similarity(rep: ClusterRep, alignment: Alignment, a: number, b: number): number {
  if (a === b) return 1;
  for (const l of alignment.links[a] ?? []) if (l.s === b) return l.score;
  return cosine(rep, a, b);
}

interface Candidate {
  id: number;
  doc: number;
  mention: DateMention;
  interval: [number, number];
  rank: number;
  /** May join an event but not start one (a year naming a thing: "the 2012 nominee"). */
  support: boolean;
}

const GRAN_RANK: Record<Granularity, number> = { day: 0, month: 1, year: 2 };

function granularityRank(m: DateMention): number {
  const r = m.resolved!;
  return r.start ? 0.5 : GRAN_RANK[r.granularity];
}

/** A sentence that is little more than its date ("March 10, 2026 at 7:42 p.m."): a stamp, not an event. */
/** A bare year used as a modifier of the noun after it: "the 2012 campaign", "into 2016 elections". */
function modifierYear(text: string, m: DateMention): boolean {
  if (!/^\d{4}$/.test(m.text)) return false;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  if (
    /\b(?:in|since|by|until|till|during|before|after|from|through|of|to|between|and|or|circa|early|mid|late)\s+$/i.test(
      before,
    )
  )
    return false;
  return (
    /^\s+[\p{L}]/u.test(text.slice(m.end, m.end + 3)) &&
    !/^\s+(?:and|or|to|through|when|after|before|until)\b/i.test(text.slice(m.end, m.end + 10))
  );
}

const DAY_WORDS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow)\b|\b(?:last|this) (?:night|morning|afternoon|evening)\b/i;

/** A mention of one day: resolved to a day, or a weekday or "yesterday" that no reference date resolves. */
function dayLevel(text: string, m: DateMention): boolean {
  if (m.resolved) return m.resolved.granularity === "day" && m.resolved.start === undefined;
  // "USA Today", "NBC's Today" are names
  return DAY_WORDS.test(m.text) && !TODAY_NAME.test(text.slice(Math.max(0, m.start - 8), m.end));
}

const TODAY_NAME = /(?:\busa|['’]s)\s+today$/i;

/** "the first time since the Blizzard of 1888", "the worst since 2008": a year the event is measured against. */
function sinceComparison(text: string, m: DateMention): boolean {
  return (
    m.resolved?.granularity === "year" &&
    /\bsince\b[^,.;:!?]{0,40}$/i.test(text.slice(Math.max(0, m.start - 45), m.start))
  );
}

function isStamp(text: string, s: { start: number; end: number }, m: DateMention): boolean {
  // an embedded post's credit line: "Posted by Donald J. Trump on Wednesday, March 2, 2016"
  if (/^(?:[—–-]\s*)?(?:posted|shared|published|uploaded) by\b/i.test(text.slice(s.start, m.start)))
    return true;
  const all = wordTokens(text, s.start, s.end).length;
  const inDate = wordTokens(text, m.start, m.end).length;
  return all - inDate < 3;
}

/** "the 1961 bridge", "Romney's 2012 campaign": a year used as an adjective. */
function isModifier(text: string, m: DateMention): boolean {
  return (
    /^\d{4}$/.test(m.text) &&
    /(?:\bthe|\ba|\ban|'s|’s)\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start)) &&
    /^\s+[A-Za-z]/.test(text.slice(m.end, m.end + 3))
  );
}

/**
 * The year of a court decision cited in parentheses, after a case name or a law report reference:
 * "People v. Jefferson, 981 P.2d 613 (Colo. App. 1998)", "Roe v. Wade (1973)". It dates the precedent,
 * not the story's event.
 */
function citationYear(text: string, m: DateMention): boolean {
  if (!/^\d{4}$/.test(m.text) || !/^\s*\)/.test(text.slice(m.end, m.end + 3))) return false;
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  const open = /\(([^()]{0,40})$/.exec(before);
  if (!open) return false;
  const lead = before.slice(0, open.index);
  return (
    /\b\d+\s+[A-Z][A-Za-z0-9.]*(?:\s[A-Z][A-Za-z0-9.]*)?\s+\d+,?\s*$/.test(lead) ||
    /\sv\.?\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?,?\s*$/.test(lead)
  );
}

/** Character ranges of the double-quoted passages inside [start, end) (both marks in the span). */
function quotedRanges(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.slice(start, end).matchAll(/[“"«][^”"»“«]*[”"»]/g))
    out.push([start + m.index, start + m.index + m[0].length]);
  return out;
}

/**
 * Mentions that date what a speaker talks about rather than the sentence's own event: inside a
 * quotation while the same sentence has a date expression outside it (“… as we held the summit in
 * 2017,” she said on Thursday: the event is Thursday's statement, even when Thursday cannot be resolved).
 */
function quotedBackground(doc: Doc, mentions: readonly DateMention[]): Set<DateMention> {
  const text = doc.article.text;
  const out = new Set<DateMention>();
  const bySentence = new Map<number, DateMention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const [index, list] of bySentence) {
    if (list.length < 2) continue;
    const s = doc.sentences[index];
    if (!s) continue;
    const quoted = quotedRanges(text, s.start, s.end);
    if (quoted.length === 0) continue;
    const inside = (m: DateMention) => quoted.some(([a, b]) => a <= m.start && m.end <= b);
    if (!list.some((m) => !inside(m))) continue;
    for (const m of list) if (inside(m)) out.add(m);
  }
  return out;
}

/**
 * Below this TF-IDF cosine between an article's words and those of every other article, an article with
 * no aligned sentence is about something else. Above it, the article tells the same story in other
 * words (an interview, a feature, a second report that shares no sentence-level detail) and stays.
 */
export const ON_TOPIC_DOC = 0.3;

/**
 * Articles about something else: in a cluster of three or more, an article none of whose sentences is
 * aligned with any sentence of another article (while the others are aligned among themselves) and whose
 * words, taken as a whole, are not close to those of any other article (`ON_TOPIC_DOC`).
 */
export function offTopicDocs(rep: ClusterRep, alignment: Alignment): Set<number> {
  const out = new Set<number>();
  if (rep.docs.length < 3) return out;
  const linked = rep.byDoc.map((ids) => ids.some((id) => (alignment.links[id]?.length ?? 0) > 0));
  if (linked.filter(Boolean).length < 2) return out;
  const unlinked = linked.flatMap((l, d) => (l ? [] : [d]));
  if (unlinked.length === 0) return out;
  const vectors = rep.byDoc.map((ids) => documentVector(rep, ids));
  for (const d of unlinked) {
    let best = 0;
    for (let e = 0; e < vectors.length; e++)
      if (e !== d) best = Math.max(best, sparseCosine(vectors[d]!, vectors[e]!));
    if (best < ON_TOPIC_DOC) out.add(d);
  }
  return out;
}

/** An article's TF-IDF vector: its sentences' term counts summed, weighted by the cluster's IDF. */
function documentVector(rep: ClusterRep, ids: readonly number[]): Map<number, number> {
  const v = new Map<number, number>();
  for (const id of ids) {
    const s = rep.sents[id]!;
    for (let k = 0; k < s.uniq.length; k++) {
      const t = s.uniq[k]!;
      v.set(t, (v.get(t) ?? 0) + s.counts[k]! * rep.idf[t]!);
    }
  }
  return v;
}

function sparseCosine(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

const MONTH_NAMES =
  "january february march april may june july august september october november december".split(" ");
const DAY_NAMES = "sunday monday tuesday wednesday thursday friday saturday".split(" ");

/** Whether an unresolved expression can denote a day in [a, b] (by its month or weekday name). */
function compatibleUnresolved(m: DateMention, a: number, b: number): boolean {
  const lower = m.text.toLowerCase();
  const month = MONTH_NAMES.findIndex((n) => new RegExp(`\\b${n.slice(0, 3)}`).test(lower));
  const weekday = DAY_NAMES.findIndex((n) => new RegExp(`\\b${n.slice(0, 3)}`).test(lower));
  if (month < 0 && weekday < 0) return true;
  for (let n = a; n <= b && n < a + 400; n++) {
    const t = new Date(n * 86_400_000);
    if (month >= 0 && t.getUTCMonth() !== month) continue;
    if (weekday >= 0 && t.getUTCDay() !== weekday) continue;
    return true;
  }
  return false;
}

/**
 * Builds the timeline of a cluster: every resolved date mention is an event candidate; candidates with
 * compatible dates (the same date, or a coarser date containing it) whose sentences are aligned merge into
 * one event. Sentences whose date could not be resolved (undated articles) are attached to an event they
 * are aligned with when their wording fits the date (same weekday or month name), so they are cited
 * without being given an invented date.
 */
export function buildTimeline(docs: readonly Doc[], options: TimelineOptions = {}): TimelineEvent[] {
  const { rep, alignment } = clusterContext(docs, options);
  const sameDate = options.sameDateSimilarity ?? 0.2;
  const maxRange = options.maxRangeDays ?? 14;
  const mentionsOf = (d: Doc): readonly DateMention[] => {
    const given = options.dates?.get(d.article.id);
    if (given) return given;
    const reference = options.references?.[d.article.id];
    return extractDates(d, reference !== undefined ? { reference } : {});
  };
  const candidates: Candidate[] = [];
  const unresolved: { id: number; doc: number; mention: DateMention }[] = [];
  const offTopic = offTopicDocs(rep, alignment);
  docs.forEach((doc, d) => {
    if (offTopic.has(d)) return;
    const mentions = mentionsOf(doc);
    const background = quotedBackground(doc, mentions);
    const text = doc.article.text;
    // per sentence, counted once: how many of its mentions are not modifier years, how many name a day,
    // and whether it is a caption or heading (a sentence of pasted text can hold thousands of dates)
    const plainYears = new Map<number, number>();
    const dayLevels = new Map<number, number>();
    for (const o of mentions) {
      if (!modifierYear(text, o)) plainYears.set(o.sentence, (plainYears.get(o.sentence) ?? 0) + 1);
      if (dayLevel(text, o)) dayLevels.set(o.sentence, (dayLevels.get(o.sentence) ?? 0) + 1);
    }
    const fragments = new Map<number, boolean>();
    const fragment = (i: number): boolean => {
      let f = fragments.get(i);
      if (f === undefined) {
        const s = doc.sentences[i]!;
        f = isFragment(text.slice(s.start, s.end));
        fragments.set(i, f);
      }
      return f;
    };
    for (const m of mentions) {
      if (background.has(m)) continue;
      const id = sentenceId(rep, d, m.sentence);
      if (id === undefined) continue;
      const s = doc.sentences[m.sentence]!;
      if (isStamp(doc.article.text, s, m)) continue;
      // a photo caption or a heading ("Donald Trump with Ivanka Trump on July 30, 2015 in Ayr") tells no event
      if (fragment(m.sentence)) continue;
      if (!m.resolved) {
        unresolved.push({ id, doc: d, mention: m });
        continue;
      }
      const interval = dateInterval(m.resolved);
      if (m.resolved.start && interval[1] - interval[0] + 1 > maxRange) continue;
      // a year naming a thing ("the 2012 nominee"; "heading into 2016 presidential elections" in a sentence
      // with a time of its own, "rallied Thursday") may support an event but does not make one
      // and so does a year or month beside a day of the sentence's own, even one that cannot be resolved
      // ("on Monday night, breaking the previous record … in 1821")
      const support =
        isModifier(text, m) ||
        citationYear(text, m) ||
        // another mention of the sentence that is not a modifier year (m itself is one here)
        (modifierYear(text, m) && (plainYears.get(m.sentence) ?? 0) > 0) ||
        (m.resolved.granularity !== "day" &&
          (dayLevels.get(m.sentence) ?? 0) - (dayLevel(text, m) ? 1 : 0) > 0) ||
        sinceComparison(text, m);
      candidates.push({ id, doc: d, mention: m, interval, rank: granularityRank(m), support });
    }
  });
  // finest dates first, so a coarser mention joins an event it contains and never glues two days together;
  // supporting mentions last
  const modifier = (c: Candidate) => c.support;
  candidates.sort(
    (a, b) =>
      Number(modifier(a)) - Number(modifier(b)) ||
      a.rank - b.rank ||
      a.interval[0] - b.interval[0] ||
      a.doc - b.doc ||
      a.id - b.id,
  );
  const events: { rep: Candidate; members: Candidate[] }[] = [];
  for (const c of candidates) {
    let best: (typeof events)[0] | undefined;
    let bestScore = 0;
    for (const e of events) {
      const r = e.rep;
      const same = r.interval[0] === c.interval[0] && r.interval[1] === c.interval[1] && r.rank === c.rank;
      const contains = c.interval[0] <= r.interval[0] && r.interval[1] <= c.interval[1];
      if (!same && !contains) continue;
      let score = 0;
      for (const m of e.members) {
        if (m.id === c.id) {
          score = 1;
          break;
        }
        score = Math.max(score, similarity(rep, alignment, m.id, c.id));
      }
      const needed = same ? sameDate : alignment.threshold;
      if (score >= needed && score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    if (best) best.members.push(c);
    else if (!modifier(c)) events.push({ rep: c, members: [c] });
  }
  // an unresolved mention joins the one event it is best aligned with, when its wording fits the date
  const attached = new Map<
    (typeof events)[0],
    { id: number; doc: number; mention: DateMention; score: number }[]
  >();
  for (const u of unresolved) {
    let best: (typeof events)[0] | undefined;
    let bestScore = 0;
    for (const e of events) {
      if (e.members.some((m) => m.id === u.id)) {
        best = undefined;
        break;
      }
      let score = 0;
      for (const m of e.members) {
        for (const l of alignment.links[m.id] ?? []) if (l.s === u.id && l.score > score) score = l.score;
      }
      if (score > bestScore && compatibleUnresolved(u.mention, e.rep.interval[0], e.rep.interval[1])) {
        best = e;
        bestScore = score;
      }
    }
    if (best) {
      const list = attached.get(best) ?? [];
      list.push({ ...u, score: bestScore });
      attached.set(best, list);
    }
  }
  const out: (TimelineEvent & { order: [number, number, number] })[] = [];
  for (const e of events) {
    // the best source: the most central member among those with the event's own (finest) date; a
    // sentence whose date words could not be resolved but fit the event comes next
    const finest = e.members.filter((m) => m.rank === e.rep.rank && m.interval[0] === e.rep.interval[0]);
    const extra = attached.get(e) ?? [];
    let head: { id: number; doc: number; mention: DateMention } = finest[0]!;
    let headScore = Number.NEGATIVE_INFINITY;
    const pool = [...finest.map((m) => ({ m, dated: true })), ...extra.map((m) => ({ m, dated: false }))];
    for (const { m, dated } of pool) {
      // a date used as a modifier ("the 1961 bridge") names a thing, not the event: a poor headline
      let sum = isModifier(docs[m.doc]!.article.text, m.mention) ? -0.5 : 0;
      if (!dated) sum -= 0.5;
      // nor does a sentence that leans on the one before it ("He confirmed …") when another stands alone
      if (leansOnPrevious(docs[m.doc]!, rep.sents[m.id]!.sentence.index)) sum -= 1;
      for (const o of e.members) if (o.id !== m.id) sum += similarity(rep, alignment, m.id, o.id);
      if (sum > headScore + 1e-9) {
        head = m;
        headScore = sum;
      }
    }
    const cited = new Map<number, number>();
    cited.set(head.id, 1);
    for (const m of e.members)
      if (!cited.has(m.id)) cited.set(m.id, similarity(rep, alignment, head.id, m.id));
    for (const a of extra) if (!cited.has(a.id)) cited.set(a.id, a.score);
    const citations = [...cited.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([id, score]) => citationOf(rep, id, score));
    const r = finest[0]!.mention.resolved!;
    const s = rep.sents[head.id]!.sentence;
    out.push({
      date: r.date,
      granularity: r.granularity,
      ...(r.end && r.end !== r.start ? { end: r.end } : {}),
      text: docs[head.doc]!.article.text.slice(s.start, s.end),
      expression: head.mention.text,
      citations,
      sources: countSources(
        docs,
        [...cited.keys()].map((id) => rep.sents[id]!.doc),
      ),
      order: [e.rep.interval[0], -e.rep.interval[1], head.doc * 1e6 + head.id],
    });
  }
  out.sort(
    (a, b) =>
      a.order[0] - b.order[0] || a.order[1] - b.order[1] || b.sources - a.sources || a.order[2] - b.order[2],
  );
  return out.map(({ order: _order, ...e }) => e);
}
