import type { Doc, Removal } from "../types.ts";

export type CleanFormat = "text" | "json" | "md";

export interface CleanErrorReport {
  message: string;
}

function metaPairs(doc: Doc): Array<[string, string]> {
  const a = doc.article;
  const pairs: Array<[string, string | undefined]> = [
    ["title", a.title],
    ["outlet", a.outlet],
    ["author", a.author],
    ["published", a.published],
    ["updated", a.updated],
    ["place", a.place],
    ["url", a.url],
    ["source", a.origin.source + (a.origin.line !== undefined ? `:${a.origin.line}` : "")],
  ];
  return pairs.filter((p): p is [string, string] => p[1] !== undefined && p[1] !== "");
}

function removalCounts(removed: readonly Removal[]): string {
  const counts = new Map<string, number>();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts.entries()].map(([k, v]) => `${k} ${v}`).join(", ");
}

/** Plain data for `clean --format json`: metadata, clean text, sentences and removals with their text. */
export function cleanToJson(docs: readonly Doc[]): unknown[] {
  return docs.map((d) => {
    const a = d.article;
    return {
      id: a.id,
      title: a.title,
      url: a.url,
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      updated: a.updated,
      place: a.place,
      origin: a.origin,
      text: a.text,
      sentences: d.sentences.map((s) => ({
        index: s.index,
        paragraph: s.paragraph,
        start: s.start,
        end: s.end,
        text: a.text.slice(s.start, s.end),
      })),
      removed: a.removed.map((r) => ({
        reason: r.reason,
        start: r.start,
        end: r.end,
        text: a.raw.slice(r.start, r.end),
      })),
    };
  });
}

export function formatClean(docs: readonly Doc[], format: CleanFormat): string {
  if (format === "json") return `${JSON.stringify(cleanToJson(docs), null, 2)}\n`;
  const out: string[] = [];
  for (const d of docs) {
    const a = d.article;
    if (format === "md") {
      out.push(`## ${a.title ?? a.id}`, "");
      for (const [k, v] of metaPairs(d)) out.push(`- **${k}**: ${v}`);
      out.push(
        `- **removed**: ${a.removed.length} span(s)${a.removed.length ? ` (${removalCounts(a.removed)})` : ""}`,
      );
      out.push("");
      for (const s of d.sentences) out.push(`${s.index + 1}. ${a.text.slice(s.start, s.end)}`);
      out.push("");
    } else {
      out.push(`== ${a.id} ==`);
      for (const [k, v] of metaPairs(d)) out.push(`${k}: ${v}`);
      out.push(
        `removed: ${a.removed.length} span(s)${a.removed.length ? ` (${removalCounts(a.removed)})` : ""}`,
      );
      const width = String(d.sentences.length).length;
      for (const s of d.sentences) {
        out.push(`${String(s.index + 1).padStart(width)}  ${a.text.slice(s.start, s.end)}`);
      }
      out.push("");
    }
  }
  return out.join("\n");
}
