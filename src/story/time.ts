/**
 * When an article happened, for clustering: its publication date (the one in its metadata, or the one the
 * cleaner found in a dateline or byline stamp), or, when it has none, the median date of the dated articles
 * read with it from the same folder (a folder, a feed, a dump usually covers one period).
 */
import type { Article } from "../types.ts";

/** Dates more than a day after the clock are not trusted (treated as no date). */
const FUTURE_SLACK = 86_400_000;

/** The publication time of an article (ms), unless it has none or it lies in the future of `now`. */
export function publishedTime(a: Pick<Article, "published">, now: number): number | undefined {
  const t = a.published ? Date.parse(a.published) : Number.NaN;
  return Number.isNaN(t) || t > now + FUTURE_SLACK ? undefined : t;
}

/** The folder an article was read from (a feed's or a dump's items share their file's folder). */
export function folderOf(a: Pick<Article, "origin">): string {
  const source = a.origin?.source ?? "";
  const cut = Math.max(source.lastIndexOf("/"), source.lastIndexOf("\\"));
  return cut >= 0 ? source.slice(0, cut) : "";
}

/**
 * Times for articles read together, parallel to `times`: a known time is kept; an unknown one becomes the
 * median of the known times of the articles from the same folder, and stays undefined when there are none.
 */
export function fillUndated(
  articles: ReadonlyArray<Pick<Article, "origin">>,
  times: ReadonlyArray<number | undefined>,
): Array<number | undefined> {
  const known = new Map<string, number[]>();
  articles.forEach((a, i) => {
    const t = times[i];
    if (t === undefined) return;
    const key = folderOf(a);
    const list = known.get(key);
    if (list) list.push(t);
    else known.set(key, [t]);
  });
  const median = new Map<string, number>();
  for (const [key, list] of known) {
    list.sort((x, y) => x - y);
    median.set(key, list[Math.floor((list.length - 1) / 2)]!);
  }
  return times.map((t, i) => t ?? median.get(folderOf(articles[i]!)));
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A time the user typed (`--since`, `?since=`): an ISO 8601 date or date-time, checked against the
 * calendar ("2026-02-30" is refused rather than rolled over to March 2). Without a zone, UTC. A bare number
 * ("2026", "1700000000") is not a time. Returns ms since the epoch, or undefined.
 */
export function parseIsoInstant(value: string): number | undefined {
  const m = ISO_INSTANT.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1, 7) as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // rebuilt in the one form Date.parse reads the same everywhere (seconds and fraction dropped past ms)
  const zone = m[7] === undefined ? "Z" : /^[+-]\d{2}$/.test(m[7]) ? `${m[7]}:00` : m[7].toUpperCase();
  const fraction = /\.(\d{1,3})\d*/.exec(value)?.[1] ?? "0";
  const clock =
    m[4] === undefined ? "T00:00:00" : `T${h}:${mi}:${s.padStart(2, "0")}.${fraction.padEnd(3, "0")}`;
  const t = Date.parse(`${y}-${mo}-${d}${clock}${zone}`);
  return Number.isNaN(t) ? undefined : t;
}
