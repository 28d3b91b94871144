/**
 * Invented news for the stream tests: stories about made-up places and people, each with its own
 * vocabulary, told by several articles in different words. Deterministic (seeded).
 */
import type { Article } from "../src/types.ts";

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "tr", "st"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"];

/** An invented word of 3 syllables. */
export function inventedWord(r: () => number): string {
  let w = "";
  for (let k = 0; k < 3; k++)
    w += ONSETS[Math.floor(r() * ONSETS.length)]! + VOWELS[Math.floor(r() * VOWELS.length)]!;
  return w;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

const FRAMES = [
  "Officials in {P} said the {N} near {Q} was closed on Monday after {A} raised concerns.",
  "{A} told reporters that the {N} at {P} would stay shut while engineers inspect the {M}.",
  "Residents of {Q} described long queues as the {N} in {P} remained closed for a third day.",
  "The {M} at {P} had been repaired in the spring, according to records seen by {A}.",
  "Inspectors from {Q} found cracks in the {M} and ordered further tests on the {N}.",
  "Traffic from {P} to {Q} was diverted through the old {N} road, {A} said on Tuesday.",
  "Local businesses in {P} said the closure of the {N} had cut their trade by half.",
  "{A} promised a full report on the {M} by the end of the month.",
];

export interface InventedStory {
  key: string;
  articles: Article[];
}

/**
 * `stories` stories of `perStory` articles each. Every story has its own place names, person and object
 * words; every article uses a different sample of sentence frames.
 */
export function inventedStories(
  stories: number,
  perStory: number,
  seed = 1,
  published?: string,
): InventedStory[] {
  const r = rng(seed);
  const out: InventedStory[] = [];
  for (let s = 0; s < stories; s++) {
    const P = cap(inventedWord(r));
    const Q = cap(inventedWord(r));
    const A = `${cap(inventedWord(r))} ${cap(inventedWord(r))}`;
    const N = inventedWord(r);
    const M = inventedWord(r);
    const key = `story${s}`;
    const articles: Article[] = [];
    for (let a = 0; a < perStory; a++) {
      const frames = [...FRAMES].sort(() => r() - 0.5).slice(0, 5);
      const text = frames
        .map((f) =>
          f.replace("{P}", P).replace("{Q}", Q).replace("{A}", A).replace("{N}", N).replace("{M}", M),
        )
        .join(" ");
      const article: Article = {
        id: `${key}-a${a}`,
        title: `${cap(N)} in ${P} closed`,
        text,
        origin: { source: `${key}-a${a}.txt`, format: "text" },
      };
      if (published) article.published = published;
      articles.push(article);
    }
    out.push({ key, articles });
  }
  return out;
}

/** One JSONL line per story in the bench format ({"id","documents":[{"text","title"}]}). */
export function toJsonl(stories: readonly InventedStory[]): string {
  return stories
    .map(
      (s) =>
        `${JSON.stringify({ id: s.key, documents: s.articles.map((a) => ({ text: a.text, title: a.title })) })}\n`,
    )
    .join("");
}
