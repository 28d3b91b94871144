/**
 * HTML parsing (linkedom, which never runs scripts) and DOM -> text with paragraph breaks:
 * block elements end a paragraph ("\n\n"), <br> is a line break ("\n"), script/style and similar
 * content is never output, attributes are never output.
 */
import { parseHTML } from "linkedom";

/** The small part of the DOM this module uses (the project compiles without the DOM lib). */
export interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}
export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
export interface DomDocument extends DomNode {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose content is never article text. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "select",
  "option",
  "optgroup",
  "datalist",
  "textarea",
  "input",
  "audio",
  "video",
  "source",
  "track",
  "map",
  "area",
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

function hasRealBody(document: DomDocument): boolean {
  const root = document.documentElement;
  if (root?.localName !== "html") return false;
  const children = root.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomElement;
    if (child.nodeType === ELEMENT && child.localName === "body") return true;
  }
  return false;
}

/**
 * Rebuilds `<html><head>…</head><body>…</body></html>` around fragments and documents missing their
 * body tag: linkedom does not create the implied elements an HTML5 parser would.
 */
function wrapDocument(html: string): string {
  let rest = html.replace(/<!doctype[^>]*>/gi, "").replace(/<\/?html\b[^>]*>/gi, "");
  let head = "";
  const open = /<head\b[^>]*>/i.exec(rest);
  if (open) {
    const afterOpen = open.index + open[0].length;
    const close = /<\/head\s*>/i.exec(rest.slice(afterOpen));
    const body = /<body\b/i.exec(rest.slice(afterOpen));
    const end = close ? close.index : body ? body.index : -1;
    if (end !== -1) {
      head = rest.slice(afterOpen, afterOpen + end);
      const cut = close && (!body || close.index <= body.index) ? end + close[0].length : end;
      rest = rest.slice(0, open.index) + rest.slice(afterOpen + cut);
    }
  }
  rest = rest.replace(/<\/?body\b[^>]*>/gi, "");
  return `<!DOCTYPE html><html><head>${head}</head><body>${rest}</body></html>`;
}

/** Markup that can hold an <html> and a <body> element: linkedom creates elements only from tags. */
const HTML_TAG = /<html/i;
const BODY_TAG = /<body/i;

/** Parses an HTML document or fragment into a DOM with a real <body>. Scripts are not executed. */
export function loadDocument(html: string): DomDocument {
  // without both tags the first parse could only be thrown away (fragments: feed items, titles)
  if (HTML_TAG.test(html) && BODY_TAG.test(html)) {
    const first = (parseHTML(html) as unknown as { document: DomDocument }).document;
    if (hasRealBody(first)) return first;
  }
  return (parseHTML(wrapDocument(html)) as unknown as { document: DomDocument }).document;
}

/** Text of a DOM subtree: paragraphs separated by "\n\n", <br> as "\n", whitespace collapsed. */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = "";
  let preDepth = 0;

  const flush = (): void => {
    if (current === "") return;
    // Two <br> in a row separate paragraphs, as many sites use them instead of <p>.
    for (const block of current.split(/\n[ \t]*\n/)) {
      const lines: string[] = [];
      for (const raw of block.split("\n")) {
        const line = raw.replace(/[ \t]{2,}/g, " ").trim();
        if (line) lines.push(line);
      }
      if (lines.length > 0) paragraphs.push(lines.join("\n"));
    }
    current = "";
  };

  // Iterative walk (deeply nested markup must not overflow the call stack); `{ end }` marks an element's end.
  const stack: Array<DomNode | { end: DomElement }> = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("end" in item) {
      if (item.end.localName === "pre") preDepth--;
      if (BLOCK.has(item.end.localName)) flush();
      continue;
    }
    const node = item;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const data = node.textContent ?? "";
      current += preDepth > 0 ? data.replace(/[ \t\f\r]+/g, " ") : data.replace(/[ \t\n\r\f]+/g, " ");
      continue;
    }
    let tag = "";
    if (node.nodeType === ELEMENT) {
      const element = node as DomElement;
      tag = (element.localName ?? "").toLowerCase();
      if (SKIP.has(tag) || element.hasAttribute("hidden")) continue;
      if (tag === "br") {
        current += "\n";
        continue;
      }
      if (tag === "td" || tag === "th") current += " ";
      if (BLOCK.has(tag)) flush();
      if (tag === "pre") preDepth++;
      stack.push({ end: element });
    } else if (node.nodeType !== 9 && node.nodeType !== 11) {
      continue; // comments, doctypes, processing instructions
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return paragraphs.join("\n\n");
}

/** Depth of the deepest element under `root` (iterative). */
export function maxDepth(root: DomNode, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

const RAW_BLOCKS =
  /<(script|style|noscript|template|svg|math|iframe|object|textarea|select|head|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const BLOCK_TAG = new RegExp(`<\\/?(?:${[...BLOCK].join("|")})\\b[^>]*>`, "gi");

/**
 * Last resort for markup linkedom cannot build a tree from: removes non-text elements and all tags with
 * regular expressions, keeps block boundaries as paragraph breaks, and lets linkedom decode the entities
 * of the now flat text.
 */
export function flatHtmlToText(html: string): string {
  const flat = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(RAW_BLOCKS, " ")
    .replace(/<br\b[^>]*>/gi, "\u0001")
    .replace(BLOCK_TAG, "\u0002")
    .replace(/<\/?[A-Za-z!?][^>]*(?:>|$)/g, "")
    .replace(/</g, "&lt;");
  const paragraphs = flat.split("\u0002").map((p) => `<p>${p.replace(/\u0001/g, "<br>")}</p>`);
  const document = loadDocument(`<html><body>${paragraphs.join("")}</body></html>`);
  return document.body ? domToText(document.body) : "";
}

/** Text of an HTML fragment (feed item content, a title with markup). */
export function htmlToText(html: string): string {
  if (!/<[A-Za-z/!?]|&#?\w+;/.test(html)) return html.replace(/\s+/g, " ").trim();
  const document = loadDocument(html);
  return document.body ? domToText(document.body) : "";
}
