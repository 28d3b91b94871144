/**
 * TREC-style SGML document collections (DUC, TAC, the Gigaword wire corpora): `<DOC>` … `</DOC>` blocks,
 * one article each, with the id in `<DOCNO>` (or `<DOC id="…">`), an optional headline and date, and the
 * body in `<TEXT>`, as `<P>` paragraphs or as plain lines whose indentation starts a paragraph.
 */
import { NewsweaveError } from "../errors.ts";
import type { Article } from "../types.ts";
import { htmlToText } from "./dom.ts";
import { baseName, lineColumn, toIsoDate } from "./util.ts";

const DOC_OPEN = /<DOC(?:\s[^>]*)?>/gi;
const DOC_CLOSE = /<\/DOC\s*>/gi;

/** Whether a text (after any XML prologue) opens like a TREC SGML collection. */
export function looksLikeSgml(head: string): boolean {
  return /^<DOC(?:\s[^>]*)?>/i.test(head) && /<DOCNO\b|<DOC\s[^>]*\bid\s*=/i.test(head);
}

/** Content of the first `<tag>` … `</tag>` inside `block` (tags matched case-insensitively), raw. */
function element(block: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`, "i").exec(block);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const close = new RegExp(`</${tag}\\s*>`, "i").exec(block.slice(from));
  return close ? block.slice(from, from + close.index) : undefined;
}

/** Every `<TEXT>` body of a block (some collections split one story over several). */
function texts(block: string): string[] {
  const out: string[] = [];
  const re = /<TEXT(?:\s[^>]*)?>([\s\S]*?)<\/TEXT\s*>/gi;
  for (let m = re.exec(block); m; m = re.exec(block)) out.push(m[1]!);
  return out;
}

/** Typesetting codes of the wire services (`&UR;`, `&LR;`, `&QC;`, `&HT;`) carry no text. */
const TYPESETTING = /&(?:UR|LR|QC|QL|QR|HT|MD|TL|NY);/g;

/**
 * Paragraphs of a plain `<TEXT>` body: blank lines separate them; without blank lines, a line indented
 * while others are not starts one (the AP and NYT wire layout); lines inside a paragraph are joined.
 */
function plainParagraphs(body: string): string[] {
  const lines = body.split("\n");
  const blank = lines.some((l, k) => l.trim() === "" && k > 0 && k < lines.length - 1);
  const filled = lines.filter((l) => l.trim() !== "");
  const indented = filled.filter((l) => /^(?:\t| {2,})/.test(l)).length;
  const byIndent = !blank && indented > 0 && indented < filled.length;
  // every line indented: one-line paragraphs
  if (!blank && indented > 1 && indented === filled.length) return filled.map((l) => l.trim());
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(current.join(" "));
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (byIndent && /^(?:\t| {2,})/.test(line)) flush();
    current.push(line.trim());
  }
  flush();
  return out;
}

/** Escapes what HTML would read as markup in plain text, leaving entity references to be decoded. */
function plainToHtml(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Clean text of a `<TEXT>` body: paragraphs separated by blank lines, entities decoded, tags dropped. */
function bodyText(raw: string): string {
  const body = raw.replace(TYPESETTING, "").replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ");
  const html = /<P\b/i.test(body)
    ? body
    : plainParagraphs(
        body.replace(/<\/?(?:a|b|i|u|em|strong|span|font|sup|sub)\b[^>]*>/gi, "").replace(/<[^>]*>/g, " "),
      )
        .map((p) => `<p>${plainToHtml(p)}</p>`)
        .join("");
  // a wire underscore between spaces is a dash ("PORT ALDER (AP) _ Ferry service …")
  return wireQuotes(htmlToText(html))
    .replace(/(\S) _ (?=\S)/g, "$1 — ")
    .trim();
}

/** The wire services' typewriter quotes: ``like this'' is “like this”. */
function wireQuotes(text: string): string {
  return text.replace(/``/g, "\u201c").replace(/''/g, "\u201d");
}

const inline = (raw: string | undefined): string | undefined => {
  if (raw === undefined) return undefined;
  const text = wireQuotes(htmlToText(raw.replace(TYPESETTING, "").replace(/<[^>]*>/g, " ")))
    .replace(/\s+/g, " ")
    .trim();
  return text === "" ? undefined : text;
};

/** Outlets of the wire-service id prefixes of DUC, TAC and Gigaword. */
const OUTLETS: Record<string, string> = {
  AFP: "Agence France-Presse",
  AP: "Associated Press",
  APW: "Associated Press",
  CNA: "Central News Agency",
  FBIS: "Foreign Broadcast Information Service",
  FT: "Financial Times",
  LA: "Los Angeles Times",
  LTW: "Los Angeles Times-Washington Post",
  NYT: "The New York Times",
  SJMN: "San Jose Mercury News",
  WPB: "Washington Post-Bloomberg",
  WSJ: "The Wall Street Journal",
  XIE: "Xinhua",
  XIN: "Xinhua",
};

function validDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/**
 * The date a document id encodes: "APW19981016.0240", "AFP_ENG_20050101.0001", "NYT19990101.0001"
 * (YYYYMMDD after the source), "AP880217-0100", "WSJ870227-0150" (YYMMDD, 1900s).
 */
export function dateFromDocId(id: string): string | undefined {
  const long = /^[A-Z]{2,4}(?:_[A-Z]{3}_)?((?:19|20)\d{2})(\d{2})(\d{2})(?:[._-]|$)/.exec(id);
  if (long) return validDate(Number(long[1]), Number(long[2]), Number(long[3]));
  const short = /^(?:AP|WSJ)(\d{2})(\d{2})(\d{2})-/.exec(id);
  if (short) return validDate(1900 + Number(short[1]), Number(short[2]), Number(short[3]));
  return undefined;
}

/** A date element's value: ISO-like strings, "19981016", "981016", or whatever `toIsoDate` reads. */
function dateOf(raw: string | undefined): string | undefined {
  const s = inline(raw);
  if (s === undefined) return undefined;
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})\b/.exec(s);
  if (compact) return validDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?/.exec(s);
  if (iso) return toIsoDate(iso[2] ? `${iso[1]}T${iso[2]}` : iso[1]);
  return toIsoDate(s);
}

/** Articles of an SGML collection, in file order. A `<DOC>` without text is skipped; none at all is an error. */
export function parseSgml(text: string, source: string): Article[] {
  const out: Article[] = [];
  const used = new Set<string>();
  let k = 0;
  DOC_OPEN.lastIndex = 0;
  for (let open = DOC_OPEN.exec(text); open; open = DOC_OPEN.exec(text)) {
    const from = open.index + open[0].length;
    DOC_CLOSE.lastIndex = from;
    const close = DOC_CLOSE.exec(text);
    if (!close) {
      const where = lineColumn(text, open.index);
      throw new NewsweaveError("BAD_XML", "malformed SGML: a <DOC> is never closed with </DOC>", {
        file: source,
        ...where,
      });
    }
    const block = text.slice(from, close.index);
    DOC_OPEN.lastIndex = close.index + close[0].length;
    const index = k++;
    const body = texts(block).map(bodyText).filter(Boolean).join("\n\n");
    if (body === "") continue;
    const attr = /\bid\s*=\s*"([^"]*)"|\bid\s*=\s*'([^']*)'/i.exec(open[0]);
    const docno = inline(element(block, "DOCNO")) ?? attr?.[1] ?? attr?.[2];
    let id = docno ?? `${baseName(source)}#${index}`;
    for (let n = 2; used.has(id); n++) id = `${docno ?? baseName(source)}~${n}`;
    used.add(id);
    const article: Article = { id, text: body, origin: { source, format: "sgml", index } };
    const title = ["HEADLINE", "HL", "HEAD", "TITLE"].map((t) => inline(element(block, t))).find(Boolean);
    if (title) article.title = title;
    const published =
      dateOf(element(block, "DATE_TIME")) ??
      dateOf(element(block, "DATE")) ??
      (docno && dateFromDocId(docno));
    if (published) article.published = published;
    const prefix = docno && /^([A-Z]{2,4})(?=[_\d])/.exec(docno)?.[1];
    if (prefix && OUTLETS[prefix]) article.outlet = OUTLETS[prefix];
    out.push(article);
  }
  if (out.length === 0)
    throw new NewsweaveError("EMPTY_INPUT", "no <DOC> with a <TEXT> body in this SGML collection", {
      file: source,
    });
  return out;
}
