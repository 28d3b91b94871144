/** Plain data passed between the stages. Text is referenced by character spans, never copied. */

export type InputFormat = "text" | "html" | "feed" | "jsonl" | "multinews" | "sgml";

/** Where an article came from, precise enough to report an error against it. */
export interface Origin {
  /** File path, "<stdin>" or a caller-given name. */
  source: string;
  format: InputFormat;
  /** 1-based line in a JSONL/Multi-News file. */
  line?: number;
  /** Index of the document inside its line/feed (0-based). */
  index?: number;
  /** Cluster id for bench JSONL input (all documents of a line share it). */
  cluster?: string;
}

/** What ingest returns: one news article, text as found (after decoding and HTML extraction). */
export interface Article {
  id: string;
  title?: string;
  url?: string;
  outlet?: string;
  author?: string;
  /** Publication date, ISO 8601 (date or date-time). */
  published?: string;
  text: string;
  origin: Origin;
}

/** A character range [start, end) into some text. */
export interface Span {
  start: number;
  end: number;
}

export type RemovalReason =
  | "share" // social/share menus, "Follow us"
  | "subscribe" // newsletter / subscription prompts
  | "comments" // comment prompts and counters
  | "caption" // photo captions, image credits
  | "ad" // "Advertisement", sponsored
  | "cookie" // cookie / privacy notices
  | "navigation" // breadcrumbs, menus, related links, "Read more"
  | "headline" // repeated headline
  | "byline" // byline / author line
  | "stamp" // "UPDATED 9:50 AM PT" stamps, moved to metadata
  | "dateline" // "PYONGYANG, North Korea –" moved to metadata
  | "embed" // embedded tweets / posts
  | "repeat" // a block repeated inside the article or across a cluster
  | "widget" // weather, stock tickers, misc page furniture
  | "fragment" // short non-sentence debris
  | "other";

/** A piece of the raw text that cleaning removed, with why. */
export interface Removal extends Span {
  reason: RemovalReason;
}

/** One run of kept text: clean[cleanStart, cleanStart+length) == raw[rawStart, rawStart+length). */
export interface Piece {
  cleanStart: number;
  rawStart: number;
  length: number;
}

/** An article after cleaning: `text` is the cleaned text; spans map back to `raw` through `pieces`. */
export interface CleanArticle extends Omit<Article, "text"> {
  text: string;
  raw: string;
  pieces: Piece[];
  removed: Removal[];
  /** Place from a dateline ("PYONGYANG, North Korea"). */
  place?: string;
  /** Update stamp text kept as metadata ("UPDATED 9:50 AM PT — Thursday, January 31, 2019"). */
  updated?: string;
}

/** A sentence: a span into CleanArticle.text. */
export interface Sentence extends Span {
  articleId: string;
  /** 0-based index of the sentence in its article. */
  index: number;
  /** 0-based paragraph index (paragraphs are separated by blank lines or single newlines). */
  paragraph: number;
}

/** An article ready for analysis: clean text plus its sentences. */
export interface Doc {
  article: CleanArticle;
  sentences: Sentence[];
}

/** A source sentence that supports a summary sentence. */
export interface Citation {
  articleId: string;
  /** Sentence index in that article. */
  sentence: number;
  /** Character span of the supporting sentence in that article's clean text. */
  start: number;
  end: number;
  /** Alignment similarity in [0, 1]; 1 for the sentence the summary sentence was taken from. */
  score: number;
}

/** One sentence of a summary: taken from a source sentence (possibly lightly compressed), with its support. */
export interface SummarySentence {
  /** The printed text (verbatim source text, possibly with a dateline or attribution tail removed). */
  text: string;
  /** The source sentence it was taken from. */
  from: Citation;
  /** Every supporting sentence, `from` first. */
  support: Citation[];
  /** In a report: indexes into `comparison.conflicts` of the disagreements this sentence is part of. */
  conflicts?: number[];
}

export interface Summary {
  sentences: SummarySentence[];
  words: number;
}

/** A bench cluster: several articles about one story, with human reference summaries. */
export interface Cluster {
  id: string;
  articles: Article[];
  references: string[];
}
