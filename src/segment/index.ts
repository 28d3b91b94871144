import { NewsweaveError } from "../errors.ts";
import type { CleanArticle, Doc, Sentence } from "../types.ts";
import { splitSentences } from "./sentences.ts";

export type { SentenceSpan } from "./sentences.ts";
export { splitSentences } from "./sentences.ts";
export { hasVerb, isFragment } from "./wink.ts";
export type { WordToken } from "./words.ts";
export { isCjkIdeograph, withWordTokenCache, wordTokens } from "./words.ts";

/** Splits a cleaned article into sentences: spans into `article.text`. */
export function segmentArticle(article: CleanArticle): Doc {
  if (article === null || typeof article !== "object" || typeof article.text !== "string") {
    throw new NewsweaveError("BAD_FIELD", "article.text must be a string", {
      file: article?.origin?.source,
      field: "text",
    });
  }
  const spans = splitSentences(article.text);
  const sentences: Sentence[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    sentences[i] = { articleId: article.id, index: i, start: s.start, end: s.end, paragraph: s.paragraph };
  }
  return { article, sentences };
}
