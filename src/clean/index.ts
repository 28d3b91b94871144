/**
 * The clean stage: removes web furniture from an article's text, keeps every line of real article text
 * verbatim, and records where every kept run and every removed span sits in the raw text.
 *
 * Lines are judged whole, on line-level features plus a pattern list for kinds of furniture
 * (see patterns.ts). Only whole lines, or a leading/trailing fragment of a line (a dateline, a glued
 * "Advertisement", a trailing stamp), are removed; characters inside kept text are never changed.
 *
 * Output: `text` holds the kept paragraphs, one per line, joined by "\n"; `pieces` map each kept run back to
 * `raw`; `removed` lists every removed span of content with its reason. Whitespace between kept runs
 * (indentation, blank lines, "\r") is dropped without being listed: every raw character is either in a
 * piece, in a removal, or whitespace.
 */
import { NewsweaveError } from "../errors.ts";
import { guessTitle } from "../ingest/text.ts";
import type { Article, CleanArticle, Piece, Removal, RemovalReason } from "../types.ts";
import { type Line, lineKey, makeLine, splitLines } from "./lines.ts";
import { findDateline, findLeadingByline, SPEAKER_LABEL } from "./metadata.ts";
import {
  classifyLine,
  EMBED_UI,
  hoverCards,
  isSoftPrompt,
  isWeakFooterLine,
  LEADING_FURNITURE,
  trailingFragment,
  trailingPromo,
  type Verdict,
} from "./patterns.ts";

export type { Line } from "./lines.ts";
export { splitLines } from "./lines.ts";

/** What the other documents of a cluster tell about an article's lines. */
export interface CleanContext {
  /** For the key of each short line: in how many documents of the cluster it occurs. */
  lineDocs: ReadonlyMap<string, number>;
}

/** Lines of at most this many words are counted for cross-document repetition. */
const CONTEXT_MAX_WORDS = 10;

/** Builds the cluster context: which short lines recur across the cluster's documents. */
export function buildCleanContext(articles: readonly Article[]): CleanContext {
  return contextFromLines(articles.map((a) => splitLines(textOf(a, 0))));
}

function contextFromLines(perDoc: readonly Line[][]): CleanContext {
  const lineDocs = new Map<string, number>();
  for (const lines of perDoc) {
    const seen = new Set<string>();
    for (const line of lines) {
      if (line.words > CONTEXT_MAX_WORDS || !line.key || seen.has(line.key)) continue;
      seen.add(line.key);
      lineDocs.set(line.key, (lineDocs.get(line.key) ?? 0) + 1);
    }
  }
  return { lineDocs };
}

function textOf(article: Article, index: number): string {
  const text = (article as { text?: unknown } | null | undefined)?.text;
  if (typeof text !== "string") {
    throw new NewsweaveError("BAD_FIELD", `article ${article?.id ?? `#${index}`} has no text string`, {
      ...(article?.origin?.source ? { file: article.origin.source } : {}),
      field: "text",
    });
  }
  return text;
}

/** Cleans every article of a cluster, using lines repeated across the cluster as evidence of furniture. */
export function cleanCluster(articles: readonly Article[]): CleanArticle[] {
  if (!Array.isArray(articles))
    throw new NewsweaveError("BAD_FIELD", "articles must be an array of {id, text, …} objects", {
      field: "articles",
    });
  // citations, copies and every analysis key articles by id: two articles with one id cannot be told apart
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    if (typeof a !== "object" || a === null)
      throw new NewsweaveError("BAD_FIELD", `article ${i + 1} is not an object`, { field: `articles[${i}]` });
    const id = a.id;
    if (typeof id !== "string") return;
    const first = seen.get(id);
    if (first !== undefined) {
      throw new NewsweaveError(
        "BAD_FIELD",
        `articles ${first + 1} and ${i + 1} have the same id "${id}" (from ${articles[first]?.origin?.source ?? "?"} and ${a.origin?.source ?? "?"}): ids must be unique within a story`,
        { ...(a.origin?.source ? { file: a.origin.source } : {}), field: "id" },
      );
    }
    seen.set(id, i);
  });
  const perDoc = articles.map((a, i) => splitLines(textOf(a, i)));
  const context = contextFromLines(perDoc);
  return articles.map((a, i) => cleanLines(a, perDoc[i] ?? [], context));
}

/** Cleans one article. `context` (from `buildCleanContext`) adds cross-document evidence. */
export function cleanArticle(article: Article, context?: CleanContext): CleanArticle {
  return cleanLines(article, splitLines(textOf(article, 0)), context);
}

/** A stretch [start, end) cut out of a kept line, with why. */
type InnerCut = [number, number, RemovalReason];

/**
 * Control characters in a line (tab aside), with the whole of an ANSI escape sequence they open: CSI
 * ("\x1b[31m"), OSC ("\x1b]8;;url\x07"), two-character escapes. C1 characters (U+0080-U+009F) stay:
 * they are Windows-1252 punctuation read as Latin-1 ("\u0097" for a dash), and cutting them loses it.
 */
export function controlRuns(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re =
    /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f]+/g;
  for (const m of text.matchAll(re)) {
    const last = out[out.length - 1];
    if (last && last[1] === m.index) last[1] = m.index + m[0].length;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Reasons of furniture that a soft prompt next to it belongs with. */
const PROMPT_NEIGHBOURS = new Set<RemovalReason>(["subscribe", "comments", "share", "cookie"]);
const HEADLINE_END = /[.!?:;,]["'”’)\]]*$/;
const MENU_BULLET = /^[•·▪►◦‣]/;

function cleanLines(article: Article, lines: Line[], context?: CleanContext): CleanArticle {
  const n = lines.length;
  const reason: (RemovalReason | undefined)[] = new Array(n).fill(undefined);
  const verdicts: (Verdict | undefined)[] = new Array(n);
  const meta: { author?: string; published?: string; updated?: string; place?: string; title?: string } = {};
  // An article that went through cleaning before keeps its metadata.
  const previous = article as Partial<CleanArticle>;
  const hasAuthor = () => Boolean(article.author || meta.author);
  const hasPublished = () => Boolean(article.published || meta.published);

  // 1. Furniture glued to the end of a line (a stamp, a share link, a credit on a long paragraph) is cut
  // first; then each line is judged on its own, on what is left of it.
  // From here on `lines` holds what is left of each line; `rawEnd` keeps where the whole line ended.
  const rawEnd: number[] = lines.map((l) => l.end);
  const tailReason: RemovalReason[] = new Array(n).fill("other");
  for (let i = 0; i < n; i++) {
    let line = lines[i] as Line;
    for (let k = 0; k < 3; k++) {
      const frag = trailingFragment(line.text, line.words);
      if (!frag) break;
      tailReason[i] = frag.reason;
      const rest = line.text.slice(0, frag.start).trimEnd();
      line = makeLine(rest, line.start, line.start + rest.length, i);
      if (!rest) break;
    }
    lines[i] = line;
    const v = classifyLine(line);
    verdicts[i] = v;
    if (v && !v.agency) reason[i] = v.reason;
    else if (!line.text) reason[i] = tailReason[i];
  }

  // 2. Where the body is: the first and last kept sentence-like lines of some length.
  const isBody = (i: number) => {
    const l = lines[i] as Line;
    return (
      reason[i] === undefined &&
      verdicts[i] === undefined &&
      l.words >= 12 &&
      (l.endsSentence || l.words >= 20)
    );
  };
  let firstBody = -1;
  let lastBody = -1;
  for (let i = 0; i < n; i++) {
    if (!isBody(i)) continue;
    if (firstBody < 0) firstBody = i;
    lastBody = i;
  }

  // 3. Metadata lines: agency names are bylines outside the body and photo credits inside it.
  for (let i = 0; i < n; i++) {
    const v = verdicts[i];
    if (!v) continue;
    if (v.agency) {
      // Before the body it names the author; after it, it signs the article; inside it, it credits a photo.
      const before = firstBody < 0 || i < firstBody;
      reason[i] = before || i > lastBody ? "byline" : "caption";
      if (before && !hasAuthor() && v.author) meta.author = v.author;
      continue;
    }
    if (v.reason === "byline" && v.author && !hasAuthor()) meta.author = v.author;
    if (v.stamp) {
      if (v.stamp === "updated" && !previous.updated && !meta.updated) meta.updated = (lines[i] as Line).text;
      if (v.iso && !hasPublished()) meta.published = v.iso;
    }
  }

  // 4. Caption echoes: the caption text repeated next to its credited copy (image alt text).
  for (let i = 0; i < n; i++) {
    const key = verdicts[i]?.captionKey;
    if (!key) continue;
    for (const j of [i - 1, i + 1]) {
      if (j >= 0 && j < n && reason[j] === undefined && (lines[j] as Line).key === key) reason[j] = "caption";
    }
  }

  // 5. Link lists after a "Related:" label.
  for (let i = 0; i < n; i++) {
    if (!verdicts[i]?.listLabel) continue;
    for (let j = i + 1, taken = 0; j < n && taken < 10; j++) {
      if (reason[j] !== undefined) continue;
      const l = lines[j] as Line;
      if (l.words <= 16 && !l.hasQuote && (!l.endsSentence || l.capShare >= 0.6)) {
        reason[j] = "navigation";
        taken++;
      } else break;
    }
  }

  // 6. Menu debris: runs of very short verbless lines before or after the body, or bulleted anywhere.
  removeMenuRuns(lines, reason, firstBody, lastBody);

  // 7. Headline: a line equal to the title, or (with no title) a short unpunctuated first line.
  const titleKeys = titleKeysOf(article.title);
  let headlineKey: string | undefined;
  const first = reason.indexOf(undefined);
  if (first >= 0) {
    const l = lines[first] as Line;
    if (titleKeys.size > 0) {
      if (titleKeys.has(l.key)) headlineKey = l.key;
    } else if (
      l.words >= 2 &&
      (l.words <= 10 || (l.words <= 16 && l.capShare >= 0.6)) &&
      !HEADLINE_END.test(l.text) &&
      reason.indexOf(undefined, first + 1) >= 0
    ) {
      headlineKey = l.key;
      meta.title = l.text;
    }
  }
  for (let i = 0; i < n; i++) {
    if (reason[i] !== undefined) continue;
    const l = lines[i] as Line;
    if ((headlineKey !== undefined && l.key === headlineKey) || (l.words >= 3 && titleKeys.has(l.key))) {
      reason[i] = "headline";
    }
  }

  // 8. Leading and trailing fragments: the dateline of the first paragraph, glued furniture.
  const leadCut = new Array<number>(n).fill(0);
  const leadReason: RemovalReason[] = new Array(n).fill("other");
  let firstPara = -1;
  for (let i = 0; i < n; i++) {
    if (reason[i] === undefined && (lines[i] as Line).words >= 6) {
      firstPara = i;
      break;
    }
  }
  if (firstPara >= 0) {
    const text = (lines[firstPara] as Line).text;
    let labels = 0;
    for (let i = 0; i < n; i++)
      if (reason[i] === undefined && SPEAKER_LABEL.test((lines[i] as Line).text)) labels++;
    const dl = findDateline(text, labels <= 1);
    if (dl && dl.length < text.length) {
      leadCut[firstPara] = dl.length;
      leadReason[firstPara] = "dateline";
      if (dl.place) meta.place = dl.place;
    } else {
      const by = findLeadingByline(text);
      if (by && by.length < text.length) {
        leadCut[firstPara] = by.length;
        leadReason[firstPara] = "byline";
        if (!hasAuthor()) meta.author = by.author;
        if (by.iso && !hasPublished()) meta.published = by.iso;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (reason[i] !== undefined) continue;
    const text = (lines[i] as Line).text;
    if (leadCut[i] === 0) {
      for (const { re, reason: why } of LEADING_FURNITURE) {
        const m = re.exec(text);
        if (m && m[0].length < text.length) {
          leadCut[i] = m[0].length;
          leadReason[i] = why;
          break;
        }
      }
    }
  }

  // 9. Repetition inside the article: keep the first copy of a paragraph; short verbless furniture repeated
  // inside the article goes entirely.
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (reason[i] !== undefined) continue;
    const l = lines[i] as Line;
    const key = leadCut[i] ? lineKey(l.text.slice(leadCut[i])) : l.key;
    if (!key) continue;
    const seen = firstSeen.get(key);
    if (seen === undefined) {
      firstSeen.set(key, i);
      continue;
    }
    reason[i] = "repeat";
    if (l.words <= 6 && !l.endsSentence && !l.hasVerb && reason[seen] === undefined) reason[seen] = "repeat";
  }

  // 10. Repetition across the cluster is evidence only together with line features: a short, unpunctuated,
  // unquoted line with furniture vocabulary. (Outlets share sentences, quotes and whole wire stories.)
  if (context) {
    for (let i = 0; i < n; i++) {
      if (reason[i] !== undefined) continue;
      const l = lines[i] as Line;
      if (l.words > CONTEXT_MAX_WORDS || l.endsSentence || l.hasQuote) continue;
      if ((context.lineDocs.get(l.key) ?? 0) >= 2 && l.vocabShare >= 0.34) reason[i] = "repeat";
    }
  }

  // 11. Soft prompts next to furniture, and the weak lines of a footer made of furniture.
  for (let i = 0; i < n; i++) {
    if (reason[i] !== undefined || !isSoftPrompt(lines[i] as Line)) continue;
    const before = i > 0 ? reason[i - 1] : undefined;
    const after = i + 1 < n ? reason[i + 1] : undefined;
    if (before && PROMPT_NEIGHBOURS.has(before)) reason[i] = "subscribe";
    else if (after && PROMPT_NEIGHBOURS.has(after)) reason[i] = "subscribe";
  }
  absorbFooter(lines, reason);

  // 12. An article made only of an embedded post or a captioned photo: then that post or caption is the
  // article's content, not furniture around it.
  if (!reason.includes(undefined)) {
    for (let i = 0; i < n; i++) {
      const r = reason[i];
      const l = lines[i] as Line;
      if ((r === "embed" || r === "caption") && l.words >= 12 && !EMBED_UI.test(l.text))
        reason[i] = undefined;
    }
  }

  // 13. Hover cards pasted inside a paragraph (a politician's full name and related headlines) are cut
  // out of it; the paragraph's text on both sides stays one paragraph.
  // Terminal escape sequences and control characters ("\x1b[31m") are cut out too: they would colour a
  // terminal and are invalid in HTML.
  const innerCuts: InnerCut[][] = lines.map((l, i) => {
    if (reason[i] !== undefined) return [];
    const cuts: InnerCut[] = [
      ...hoverCards(l.text).map(([a, b]): InnerCut => [a, b, "navigation"]),
      ...controlRuns(l.text).map(([a, b]): InnerCut => [a, b, "other"]),
      ...trailingPromo(l.text).map(([a, b]): InnerCut => [a, b, "subscribe"]),
    ];
    return cuts
      .filter(([a]) => a >= (leadCut[i] ?? 0))
      .sort((x, y) => x[0] - y[0])
      .map(([a, b, r]): InnerCut => [l.start + a, l.start + b, r]);
  });

  const out = assemble(article, lines, rawEnd, reason, leadCut, leadReason, tailReason, meta, innerCuts);
  // A title guessed from a line that turned out to be furniture (a breadcrumb, a byline) is no title.
  if (out.title !== undefined && titleKeys.size > 0) {
    for (let i = 0; i < n; i++) {
      const r = reason[i];
      if (r !== undefined && r !== "headline" && titleKeys.has((lines[i] as Line).key)) {
        delete out.title;
        // the headline is then often the first line left ("• Live" dropped, "Kim, Trump Prepare for …" kept)
        const headline = guessTitle(out.text);
        if (headline && headline.split(/\s+/).length >= 3) out.title = headline;
        break;
      }
    }
  }
  return out;
}

function titleKeysOf(title: string | undefined): Set<string> {
  const keys = new Set<string>();
  if (!title) return keys;
  const whole = lineKey(title);
  if (whole) keys.add(whole);
  // "Headline | Outlet", "Headline - Outlet"
  const cut = title.search(/\s[|–—-]\s[^|–—-]{1,40}$/);
  if (cut > 0) {
    const head = lineKey(title.slice(0, cut));
    if (head) keys.add(head);
  }
  return keys;
}

function isMenuItem(l: Line): boolean {
  return l.words <= 4 && !l.endsSentence && !l.hasVerb && !l.hasQuote;
}

function removeMenuRuns(
  lines: Line[],
  reason: (RemovalReason | undefined)[],
  firstBody: number,
  lastBody: number,
) {
  const n = lines.length;
  let i = 0;
  while (i < n) {
    if (reason[i] !== undefined || !isMenuItem(lines[i] as Line)) {
      i++;
      continue;
    }
    // Collect a run of kept menu-like lines, stepping over lines already removed.
    const run: number[] = [];
    let j = i;
    for (; j < n; j++) {
      if (reason[j] !== undefined) continue;
      if (!isMenuItem(lines[j] as Line)) break;
      run.push(j);
    }
    const start = run[0] ?? i;
    const end = run[run.length - 1] ?? i;
    const outside = firstBody < 0 || end < firstBody || start > lastBody;
    const bulleted = run.every((k) => MENU_BULLET.test((lines[k] as Line).text));
    if (run.length >= 3 && (outside || bulleted)) {
      for (const k of run) reason[k] = (lines[k] as Line).social ? "share" : "navigation";
    }
    i = j;
  }
}

/** From the end: furniture lines and weak lines; if the zone holds 2+ furniture lines, weak lines go too. */
function absorbFooter(lines: Line[], reason: (RemovalReason | undefined)[]) {
  let hard = 0;
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (reason[i] !== undefined) hard++;
    else if (!isWeakFooterLine(lines[i] as Line)) break;
    start = i;
  }
  if (hard < 2) return;
  for (let i = start; i < lines.length; i++) {
    if (reason[i] !== undefined) continue;
    let r: RemovalReason | undefined;
    for (let j = i + 1; j < lines.length && !r; j++) r = reason[j];
    for (let j = i - 1; j >= start && !r; j--) r = reason[j];
    reason[i] = r ?? "other";
  }
}

function assemble(
  article: Article,
  lines: Line[],
  rawEnd: number[],
  reason: (RemovalReason | undefined)[],
  leadCut: number[],
  leadReason: RemovalReason[],
  tailReason: RemovalReason[],
  meta: { author?: string; published?: string; updated?: string; place?: string; title?: string },
  innerCuts: ReadonlyArray<ReadonlyArray<InnerCut>>,
): CleanArticle {
  const raw = article.text;
  const pieces: Piece[] = [];
  const removed: Removal[] = [];
  const parts: string[] = [];
  let cleanPos = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const r = reason[i];
    const end = rawEnd[i] ?? l.end;
    if (r !== undefined) {
      if (l.end > l.start) removed.push({ start: l.start, end: l.end, reason: r });
      if (end > l.end) removed.push({ start: l.end, end, reason: tailReason[i] ?? r });
      continue;
    }
    let s = l.start + (leadCut[i] ?? 0);
    while (s < l.end && /\s/.test(raw[s] ?? "")) s++;
    if (s > l.start) removed.push({ start: l.start, end: s, reason: leadReason[i] ?? "other" });
    if (s < l.end) {
      if (parts.length > 0) cleanPos += 1; // the "\n" between paragraphs
      // the line's kept stretches around its inner cuts, joined into one paragraph
      let text = "";
      let from = s;
      const cuts: InnerCut[] = [...(innerCuts[i] ?? []).filter(([a]) => a >= s), [l.end, l.end, "other"]];
      for (const [a, b, why] of cuts) {
        if (a > from) {
          pieces.push({ cleanStart: cleanPos, rawStart: from, length: a - from });
          text += raw.slice(from, a);
          cleanPos += a - from;
        }
        if (b > Math.max(a, from)) removed.push({ start: Math.max(a, from), end: b, reason: why });
        from = Math.max(from, b);
      }
      parts.push(text);
    }
    if (end > l.end) removed.push({ start: l.end, end, reason: tailReason[i] ?? "other" });
  }
  const { text: _raw, ...rest } = article;
  const out: CleanArticle = { ...rest, text: parts.join("\n"), raw, pieces, removed };
  if (meta.title && !article.title) out.title = meta.title;
  if (meta.author && !article.author) out.author = meta.author;
  if (meta.published && !article.published) out.published = meta.published;
  if (meta.updated) out.updated = meta.updated;
  if (meta.place) out.place = meta.place;
  return out;
}
