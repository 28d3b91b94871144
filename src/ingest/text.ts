/** Plain text articles. */
import { NewsweaveError } from "../errors.ts";
import type { Article } from "../types.ts";
import { baseName } from "./util.ts";

/** A first line this short, without closing punctuation, followed by more text, is taken as the title. */
const MAX_TITLE_CHARS = 150;
const MAX_TITLE_WORDS = 25;

/** The first line of a text when it reads as a headline (short, no closing punctuation, more text after it). */
export function guessTitle(text: string): string | undefined {
  const start = text.search(/\S/);
  if (start === -1) return undefined;
  const end = text.indexOf("\n", start);
  if (end === -1) return undefined; // a single line is the article, not a title
  const line = text.slice(start, end).trim();
  if (line.length === 0 || line.length > MAX_TITLE_CHARS) return undefined;
  if (line.split(/\s+/).length > MAX_TITLE_WORDS) return undefined;
  if (/[.!?;:,…]["'”’»)\]]*$/.test(line)) return undefined;
  if (!/\p{L}/u.test(line)) return undefined;
  if (text.slice(end).trim() === "") return undefined;
  return line;
}

/**
 * A plain-text article. The text is returned unchanged; a short first line without final punctuation
 * also becomes `title` (it stays in the text: removing it is the cleaner's decision).
 */
export function parseText(text: string, source: string): Article {
  if (text.trim() === "") throw new NewsweaveError("EMPTY_INPUT", "empty input", { file: source });
  const article: Article = { id: baseName(source), text, origin: { source, format: "text" } };
  const title = guessTitle(text);
  if (title) article.title = title;
  return article;
}
