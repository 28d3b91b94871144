import { TOLL_SUBJECTS } from "../analyze/compare.ts";
import type { Report } from "../analyze/report.ts";
import type { Citation } from "../types.ts";
import {
  counted,
  escapeHtml,
  escapeMarkdown,
  markHtml,
  markText,
  quotationRuns,
  sourceHeading,
} from "./summary.ts";

export type ReportFormat = "text" | "md" | "json" | "html";
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "md", "json", "html"];

export interface StoryReport {
  id: string;
  report: Report;
}

/** Formatting is independent of the output language: a block is a heading, a paragraph or a list. */
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "para"; parts: Inline[]; cls?: string }
  | { kind: "list"; items: Inline[][]; ordered?: boolean; cls?: string };

type Inline =
  | { text: string; em?: boolean; strong?: boolean; quote?: boolean }
  | { marks: number[]; anchor: string };

const oneLine = (t: string) => t.replace(/\s+/g, " ").trim();

function numbers(report: Report): Map<string, number> {
  return new Map(report.articles.map((a, k) => [a.id, k + 1]));
}

function marksOf(nums: Map<string, number>, cits: readonly Citation[]): number[] {
  return [
    ...new Set(cits.map((c) => nums.get(c.articleId)).filter((n): n is number => n !== undefined)),
  ].sort((a, b) => a - b);
}

/** The text on one line, with the person an opening "He"/"She" means in brackets after it. */
function named(x: { text: string; antecedent?: string }): string {
  const text = oneLine(x.text);
  if (!x.antecedent) return text;
  const cut = text.search(/\s/);
  return cut < 0 ? text : `${text.slice(0, cut)} [${x.antecedent}]${text.slice(cut)}`;
}

/** An article as readers know it: its outlet, or "source N" when it names none (not its file id). */
function sourceName(report: Report, nums: Map<string, number>, articleId: string): string {
  const outlet = report.articles.find((a) => a.id === articleId)?.outlet;
  return outlet ?? `source ${nums.get(articleId) ?? "?"}`;
}

/** The distinct articles of some citations, by name, in citation order. */
function sourceNames(report: Report, nums: Map<string, number>, cits: readonly Citation[]): string {
  return [...new Set(cits.map((c) => c.articleId))].map((id) => sourceName(report, nums, id)).join(", ");
}

/**
 * What a story is called where several are printed: the title of the article its summary opens with (else
 * of its first titled article), with the story's id after it ("Port Alder shuts Harbor Bridge … (input)").
 */
function storyHeading(story: StoryReport): string {
  const { report } = story;
  const lead = report.summary?.sentences[0]?.from.articleId;
  const titled =
    report.articles.find((a) => a.id === lead && a.title) ?? report.articles.find((a) => a.title);
  return titled?.title ? `${oneLine(titled.title)} (${story.id})` : story.id;
}

function blocksOf(story: StoryReport, many: boolean): Block[] {
  const { report } = story;
  const nums = numbers(report);
  const base = many ? 2 : 1;
  const out: Block[] = [];
  const anchor = story.id;
  if (many) out.push({ kind: "heading", level: 1, text: storyHeading(story) });
  if (report.summary) {
    out.push({ kind: "heading", level: base, text: "Summary" });
    out.push({
      kind: "para",
      parts: [
        {
          text: `${counted(report.summary.words, "word")} from ${counted(report.articles.length, "article")}`,
          em: true,
        },
      ],
      cls: "meta",
    });
    let para: Inline[] = [];
    for (const run of quotationRuns(report.summary.sentences)) {
      const parts: Inline[] = [
        ...run.sentences.map((s) => ({ text: oneLine(s.text) })),
        { marks: marksOf(nums, run.support), anchor },
      ];
      if (run.sentences.some((s) => s.conflicts?.length))
        parts.push({ text: "(sources disagree: see Disagreements)", em: true });
      // sentences that follow each other in their article stay in one paragraph
      if (run.follows) para.push(...parts);
      else {
        para = parts;
        out.push({ kind: "para", parts: para });
      }
    }
  }
  if (report.timeline?.length) {
    out.push({ kind: "heading", level: base + 1, text: "Timeline" });
    // a sentence that dates two events ("one warrant in 2009 and another in 2010") is listed once, with both
    const when = (e: (typeof report.timeline)[number]) => (e.end ? `${e.date} – ${e.end}` : e.date);
    const groups = new Map<string, Array<(typeof report.timeline)[number]>>();
    for (const e of report.timeline) {
      const key = `${e.text}\u0000${marksOf(nums, e.citations).join(",")}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    out.push({
      kind: "list",
      items: [...groups.values()].map((events) => [
        { text: events.map(when).join("; "), strong: true },
        { text: named(events[0]!) },
        { marks: marksOf(nums, events[0]!.citations), anchor },
      ]),
    });
  }
  if (report.quotes?.length) {
    out.push({ kind: "heading", level: base + 1, text: "Quotes" });
    const byId = new Map(report.quotes.map((q) => [q.id, q]));
    const bySpeaker = new Map<string, typeof report.quotes>();
    for (const q of report.quotes) {
      const who = q.speaker === "unattributed" ? "Unattributed" : q.speaker.name;
      bySpeaker.set(who, [...(bySpeaker.get(who) ?? []), q]);
    }
    for (const [who, quotes] of bySpeaker) {
      out.push({ kind: "para", parts: [{ text: who, strong: true }] });
      out.push({
        kind: "list",
        items: quotes.map((q) => {
          const cits: Citation[] = q.mentions.map((m) => ({
            articleId: m.articleId,
            sentence: m.sentence,
            start: m.start,
            end: m.end,
            score: 1,
          }));
          const item: Inline[] = [
            { text: oneLine(q.text), quote: true },
            { marks: marksOf(nums, cits), anchor },
          ];
          const main = q.variantOf ? byId.get(q.variantOf) : undefined;
          if (main) {
            // an outlet quoting the same statement twice in other words is not another outlet's wording
            const mainArticles = new Set(main.mentions.map((m) => m.articleId));
            const elsewhere = q.mentions.some((m) => !mainArticles.has(m.articleId));
            item.push({
              text: elsewhere
                ? "(another outlet's wording of the same statement)"
                : "(the same statement, quoted again in other words)",
              em: true,
            });
          }
          return item;
        }),
      });
    }
  }
  if (report.entities?.length) {
    out.push({ kind: "heading", level: base + 1, text: "People, places and organisations" });
    const shown = report.entities.filter((e) => e.type !== "other").slice(0, 40);
    out.push({
      kind: "list",
      items: shown.map((e) => [
        { text: e.name, strong: true },
        {
          text: `(${e.type}; ${e.sources} source${e.sources === 1 ? "" : "s"}${e.aliases.length ? `; also ${e.aliases.slice(0, 4).join(", ")}` : ""})`,
        },
      ]),
    });
  }
  const cmp = report.comparison;
  if (cmp) {
    if (cmp.conflicts.length) {
      out.push({ kind: "heading", level: base + 1, text: "Disagreements" });
      out.push({
        kind: "list",
        items: cmp.conflicts.map((c) => [
          { text: `${TOLL_SUBJECTS.has(c.subject) ? c.subject : c.kind}:`, strong: true },
          {
            text: c.values
              .map((v) => `“${oneLine(v.text)}” in ${sourceNames(report, nums, v.citations)}`)
              .join(" vs "),
          },
          {
            marks: marksOf(
              nums,
              c.values.flatMap((v) => v.citations),
            ),
            anchor,
          },
        ]),
      });
    }
    if (cmp.agreed.length) {
      out.push({ kind: "heading", level: base + 1, text: "Confirmed by several sources" });
      out.push({
        kind: "list",
        items: cmp.agreed
          .slice(0, 15)
          .map((f) => [
            { text: named(f) },
            { text: `(${f.sources} sources)`, em: true },
            { marks: marksOf(nums, f.citations), anchor },
          ]),
      });
    }
    if (cmp.unique.length) {
      out.push({ kind: "heading", level: base + 1, text: "Reported by one source only" });
      out.push({
        kind: "list",
        items: cmp.unique
          .slice(0, 15)
          .map((f) => [
            { text: named(f) },
            { text: `(only in ${sourceNames(report, nums, f.citations.slice(0, 1))})`, em: true },
            { marks: marksOf(nums, f.citations), anchor },
          ]),
      });
    }
  }
  out.push({ kind: "heading", level: base + 1, text: "Sources" });
  out.push({
    kind: "list",
    ordered: true,
    cls: "sources",
    items: report.articles.map((a) => {
      const heading = sourceHeading(a);
      const copy = a.copyOf !== undefined ? nums.get(a.copyOf) : undefined;
      const details = [heading.details, copy !== undefined ? `copy of source ${copy}` : ""].filter(Boolean);
      return [
        { text: heading.title, strong: true },
        { text: details.length ? `— ${details.join("; ")}` : "" },
      ];
    }),
  });
  return out;
}

function inlineText(parts: Inline[], md: boolean): string {
  const pieces: string[] = [];
  for (const p of parts) {
    if ("marks" in p) {
      if (p.marks.length) pieces.push(markText(p.marks));
      continue;
    }
    if (!p.text.trim()) continue;
    const t = md ? escapeMarkdown(p.text) : oneLine(p.text);
    if (p.quote) pieces.push(`“${t}”`);
    else if (md && p.strong) pieces.push(`**${t}**`);
    else if (md && p.em) pieces.push(`*${t}*`);
    else pieces.push(t);
  }
  return pieces.join(" ");
}

function toText(blocks: Block[], md: boolean): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === "heading") {
      if (out.length > 0 && out[out.length - 1] !== "") out.push("");
      out.push(md ? `${"#".repeat(b.level)} ${escapeMarkdown(b.text)}` : b.text.toUpperCase(), "");
    } else if (b.kind === "para") {
      out.push(inlineText(b.parts, md));
      if (md) out.push("");
    } else {
      b.items.forEach((item, k) => {
        out.push(`${b.ordered ? `${k + 1}.` : "-"} ${inlineText(item, md)}`);
      });
      out.push("");
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

function inlineHtml(parts: Inline[], anchor: string): string {
  return parts
    .filter((p) => "marks" in p || p.text.trim() !== "")
    .map((p) => {
      if ("marks" in p) {
        return markHtml(p.marks, (n) => `${escapeHtml(anchor)}-src${n}`);
      }
      const t = escapeHtml(p.text);
      if (p.quote) return `<q>${t}</q>`;
      if (p.strong) return `<strong>${t}</strong>`;
      if (p.em) return `<em>${t}</em>`;
      return t;
    })
    .join(" ");
}

const STYLE = `body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif}.meta{color:#666}sup a{text-decoration:none;font:.75rem system-ui,sans-serif}
li{margin:.3rem 0}em{color:#8a4b00}`;

function toHtml(stories: readonly StoryReport[]): string {
  const many = stories.length > 1;
  const body: string[] = [];
  for (const story of stories) {
    body.push("<article>");
    for (const b of blocksOf(story, many)) {
      if (b.kind === "heading") body.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
      else if (b.kind === "para")
        body.push(`<p${b.cls ? ` class="${b.cls}"` : ""}>${inlineHtml(b.parts, story.id)}</p>`);
      else {
        const tag = b.ordered ? "ol" : "ul";
        body.push(`<${tag}${b.cls ? ` class="${b.cls}"` : ""}>`);
        b.items.forEach((item, k) => {
          const id = b.cls === "sources" ? ` id="${escapeHtml(story.id)}-src${k + 1}"` : "";
          body.push(`<li${id}>${inlineHtml(item, story.id)}</li>`);
        });
        body.push(`</${tag}>`);
      }
    }
    body.push("</article>");
  }
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    "<title>Newsweave report</title>",
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Renders story reports: JSON (one object, or JSON Lines for several), HTML page, Markdown or text. */
export function formatReport(stories: readonly StoryReport[], format: ReportFormat): string {
  switch (format) {
    case "json":
      if (stories.length === 1) return `${JSON.stringify(stories[0]!.report, null, 2)}\n`;
      return stories.map((s) => `${JSON.stringify({ id: s.id, ...s.report })}\n`).join("");
    case "html":
      return toHtml(stories);
    case "md":
      return stories.map((s) => toText(blocksOf(s, stories.length > 1), true)).join("\n");
    default:
      return stories.map((s) => toText(blocksOf(s, stories.length > 1), false)).join("\n");
  }
}
