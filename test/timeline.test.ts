/**
 * Dates and timeline. The hard cases are pinned by the invented fixtures in test/fixtures/analysis/ (every
 * labelled expression must resolve as labelled), by the bundled example (its answer key lists the dated
 * events) and by the seeds (three of five carry no publication date: none may get an invented date).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { type DateMention, extractDates, foreignLanguage, referenceOf } from "../src/analyze/dates.ts";
import { buildTimeline } from "../src/analyze/timeline.ts";
import { NewsweaveError } from "../src/errors.ts";
import { ingestPath, readJsonlClusters } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import { segmentArticle } from "../src/segment/index.ts";
import { analyzeCluster } from "../src/summarize/index.ts";
import type { Article, Doc } from "../src/types.ts";
import { fixtureDocs, fixtureNames, loadFixture, locate } from "./fixtures/analysis/load.ts";

function doc(text: string, published?: string, id = "a"): Doc {
  const article: Article = { id, text, origin: { source: `${id}.txt`, format: "text" } };
  if (published) article.published = published;
  return prepare([article])[0]!;
}

/** Prepared articles without publication dates, one per text. */
function undated(texts: readonly string[]): Doc[] {
  return prepare(
    texts.map((text, k): Article => ({ id: `u${k}`, text, origin: { source: `u${k}.txt`, format: "text" } })),
  );
}

/** Articles `s0`, `s1`, … all published on `published`. */
function publishedOn(published: string, texts: readonly string[]): Doc[] {
  return prepare(
    texts.map(
      (text, k): Article => ({
        id: `s${k}`,
        text,
        published,
        origin: { source: `s${k}.txt`, format: "text" },
      }),
    ),
  );
}

function at(mentions: readonly DateMention[], text: string): DateMention | undefined {
  return mentions.find((m) => m.text.includes(text) || text.includes(m.text));
}

const example = prepare((await ingestPath("examples/harbor-bridge")).articles);
const seeds = prepare((await ingestPath("../shared/seeds")).articles);

describe("extractDates", () => {
  for (const name of fixtureNames()) {
    test(`fixture ${name}: every labelled expression is found and resolved as labelled`, () => {
      const f = loadFixture(name);
      const docs = fixtureDocs(f);
      for (const label of f.dates) {
        const { doc: d, start, end } = locate(docs, label);
        const found = extractDates(d).find((m) => m.start < end && start < m.end);
        assert.ok(found, `${label.article}: "${label.text}" is found`);
        const got = found.resolved;
        if (label.date === null) {
          assert.equal(
            got,
            undefined,
            `${label.article}: "${label.text}" stays unresolved, got ${got?.date}`,
          );
        } else {
          assert.equal(got?.date, label.date, `${label.article}: "${label.text}"`);
          if (label.range) assert.deepEqual([got?.start, got?.end], label.range);
        }
      }
    });
  }

  test("tense picks the past or the future occurrence around the publication date", () => {
    // published Wednesday 2025-01-08
    const d = doc(
      "The board met on Dec. 30 to debate the plan. It will vote on Jan. 20, the chair said Tuesday. " +
        "Members will meet again Thursday. Protesters rallied in November and will rally in March.",
      "2025-01-08",
    );
    const m = extractDates(d);
    assert.equal(at(m, "Dec. 30")?.resolved?.date, "2024-12-30");
    assert.equal(at(m, "Jan. 20")?.resolved?.date, "2025-01-20");
    assert.equal(at(m, "Tuesday")?.resolved?.date, "2025-01-07");
    assert.equal(at(m, "Thursday")?.resolved?.date, "2025-01-09");
    assert.equal(at(m, "November")?.resolved?.date, "2024-11");
    assert.equal(at(m, "March")?.resolved?.date, "2025-03");
    assert.equal(at(m, "March")?.resolved?.granularity, "month");
    for (const x of m) assert.equal(x.anchor, "published");
  });

  test("a deadline or a hope points forward: 'could reopen by the weekend', 'hope to finish Saturday'", () => {
    // published Thursday 2024-08-01
    const d = doc(
      "One lane could reopen by the weekend. Crews hope to finish the work Saturday.",
      "2024-08-01",
    );
    const m = extractDates(d);
    assert.equal(at(m, "weekend")?.resolved?.start, "2024-08-03");
    assert.equal(at(m, "Saturday")?.resolved?.date, "2024-08-03");
  });

  test("a count before a weekday is no day of the month: 'rose to 15 on Wednesday'", () => {
    // published Thursday 2025-01-09
    const d = doc(
      "The death toll rose to 15 on Wednesday, officials said. The fire killed 12 on Tuesday.",
      "2025-01-09",
    );
    const m = extractDates(d);
    assert.deepEqual(
      m.map((x) => [x.text, x.resolved?.date]),
      [
        ["on Wednesday", "2025-01-08"],
        ["on Tuesday", "2025-01-07"],
      ],
    );
  });

  test("a verb's tense beats a nearer -ed adjective, and an expectation points forward", () => {
    // published Wednesday 2026-03-04
    const d = doc(
      "Crews will reopen the flooded terminal on March 2. " +
        "Officials expect the damaged pier to reopen on March 1, the chair said. " +
        "The storm had flooded the terminal on Feb. 27.",
      "2026-03-04",
    );
    const m = extractDates(d);
    assert.equal(at(m, "March 2")?.resolved?.date, "2027-03-02");
    assert.equal(at(m, "March 1")?.resolved?.date, "2027-03-01");
    assert.equal(at(m, "Feb. 27")?.resolved?.date, "2026-02-27");
  });

  test("a part of a month is a span of its days; an attribution closing the sentence is no tense cue", () => {
    // published Sunday 2019-02-17
    const d = doc(
      "The summit will be held at the end of February, officials said. " +
        "The talks are due in early March, officials said. " +
        "The bridge reopens in late March, the mayor told reporters. " +
        "The vote is set for mid-April. " +
        "The plant closed at the end of last month. " +
        "The council met on March 3, the clerk said.",
      "2019-02-17",
    );
    const m = extractDates(d);
    const span = (text: string) => {
      const r = at(m, text)?.resolved;
      return [r?.start, r?.end];
    };
    assert.deepEqual(span("end of February"), ["2019-02-21", "2019-02-28"]);
    assert.deepEqual(span("March"), ["2019-03-01", "2019-03-10"], "'due in early March' is ahead");
    const late = m.filter((x) => x.text === "March")[1]?.resolved;
    assert.deepEqual(
      [late?.start, late?.end],
      ["2019-03-21", "2019-03-31"],
      "'reopens in late March' is ahead",
    );
    assert.deepEqual(span("April"), ["2019-04-11", "2019-04-20"]);
    assert.deepEqual(span("end of last month"), ["2019-01-21", "2019-01-31"]);
    // a time of day is no part of a month
    const evening = extractDates(doc("The council voted late yesterday to close the pier.", "2019-02-17"));
    assert.deepEqual(
      evening.map((x) => x.resolved),
      [{ date: "2019-02-16", granularity: "day" }],
    );
    // a day that is written stays a day; in the clause before the attribution, "met" makes it past
    const day = m.find((x) => x.text === "March 3")?.resolved;
    assert.equal(day?.date, "2018-03-03");
    assert.equal(day?.start, undefined);
  });

  test("an undated article keeps relative expressions unresolved and resolves only what the text fixes", () => {
    const d = doc(
      "On Tuesday the mayor spoke. Last month the council voted, and the plan dates from 2009. " +
        "The hearing is on March 3. The agency was founded on June 12, 2018.",
    );
    const m = extractDates(d);
    for (const t of ["Tuesday", "Last month", "March 3"]) {
      const x = at(m, t);
      assert.ok(x, `"${t}" is found`);
      assert.equal(x.resolved, undefined, `"${t}" is not given an invented date`);
      assert.equal(x.anchor, "none");
    }
    assert.equal(at(m, "2009")?.resolved?.date, "2009");
    assert.equal(at(m, "June 12, 2018")?.resolved?.date, "2018-06-12");
    assert.equal(at(m, "June 12, 2018")?.anchor, "text");
  });

  test("in an undated article, a bare month takes the year of the date before it unless a tense moves it", () => {
    const same = extractDates(
      doc(
        "The bill funds the agencies until September 2015 while the port authority is funded only until February.",
      ),
    );
    assert.equal(at(same, "February")?.resolved?.date, "2015-02");
    const next = extractDates(doc("The two mayors met in June 2018. They will meet again in February."));
    assert.equal(at(next, "February")?.resolved?.date, "2019-02");
  });

  test("false hits are not dates: ordinals, 'Now', names, verbs, weekdays inside names", () => {
    const d = doc(
      "For a second time, Councillor Grace May asked the board to wait. Now it's up to voters. " +
        "Students will march to the capitol. Stores expect a Black Friday rush, and the Sunday Ledger ran the story. " +
        "It may rain. The plan won 2-1 in a vote of 5,000 members.",
      "2024-03-14",
    );
    const m = extractDates(d);
    assert.deepEqual(
      m.map((x) => x.text),
      [],
    );
  });

  test("a year after an abbreviation is a year; one after a number is not", () => {
    const d = doc(
      "The court followed Dale v. Orrin (Colo. 2001) in its ruling. The fund paid 12 2000 grants.",
      "2024-03-14",
    );
    assert.deepEqual(
      extractDates(d).map((x) => [x.text, x.resolved?.date]),
      [["2001", "2001"]],
    );
  });

  test("the reference option overrides metadata and must be a date", () => {
    const d = doc("The council met on Monday.", "2024-03-14");
    assert.equal(extractDates(d)[0]?.resolved?.date, "2024-03-11");
    assert.equal(extractDates(d, { reference: "2024-03-20" })[0]?.resolved?.date, "2024-03-18");
    assert.throws(
      () => extractDates(d, { reference: "next Tuesday" }),
      (e: unknown) =>
        e instanceof NewsweaveError && e.code === "BAD_OPTION" && e.location.field === "reference",
    );
  });

  test("results do not depend on the clock", () => {
    const d = doc("The council met on Monday and will vote next month. It met last year, too.", "2024-03-14");
    const undated = doc("The council met on Monday and will vote next month.");
    const before = [extractDates(d), extractDates(undated)];
    const RealDate = globalThis.Date;
    class FrozenDate extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date> | []) {
        if (args.length === 0) super(Date.UTC(1999, 0, 1));
        else super(...(args as ConstructorParameters<typeof Date>));
      }
      static override now(): number {
        return RealDate.UTC(1999, 0, 1);
      }
    }
    globalThis.Date = FrozenDate as DateConstructor;
    try {
      assert.deepEqual([extractDates(d), extractDates(undated)], before);
    } finally {
      globalThis.Date = RealDate;
    }
  });

  test("the seeds without a publication date get no invented dates", () => {
    const undated = seeds.filter((s) => referenceOf(s) === undefined);
    assert.equal(undated.length, 3, "three of the five seeds carry no publication date");
    let relative = 0;
    for (const s of undated) {
      for (const m of extractDates(s)) {
        if (!m.relative) continue;
        relative++;
        assert.equal(m.resolved, undefined, `${s.article.id}: "${m.text}" must stay unresolved`);
      }
    }
    assert.ok(relative >= 10, "the undated seeds hold many relative expressions");
  });

  test("the hand-labelled seed dates still match the cleaned text and are resolved as labelled", () => {
    const gold = JSON.parse(readFileSync("test/gold/dates/seeds.json", "utf8")) as {
      documents: {
        index: number;
        id: string;
        mentions: { start: number; end: number; excerpt: string; date?: string | null; ignore?: boolean }[];
      }[];
    };
    let total = 0;
    let correct = 0;
    for (const g of gold.documents) {
      const d = seeds[g.index]!;
      assert.equal(d.article.id, g.id);
      const mentions = extractDates(d);
      for (const m of g.mentions) {
        assert.equal(d.article.text.slice(m.start, m.end), m.excerpt, "gold span has not drifted");
        if (m.ignore) continue;
        total++;
        const found = mentions.find((x) => x.start < m.end && m.start < x.end);
        if (found && (found.resolved?.date ?? null) === (m.date ?? null)) correct++;
      }
    }
    assert.ok(total >= 25);
    assert.ok(correct / total >= 0.95, `${correct}/${total} seed expressions resolved as labelled`);
  });
});

describe("spans of dates", () => {
  test("the two ends of a span are one mention covering it", () => {
    const d = doc(
      "The first era ran 2002 to 2009, before the site opened. The second lasted from 2009 to March of 2012. " +
        "Prices rose between 2001 and March 2003. He served from January 2010 to May 2012. In 2014 he retired.",
      "2014-07-10",
    );
    const spans = extractDates(d).map((m) => [m.text, m.resolved?.start, m.resolved?.end]);
    assert.deepEqual(spans, [
      ["2002 to 2009", "2002-01-01", "2009-12-31"],
      ["2009 to March of 2012", "2009-01-01", "2012-03-31"],
      ["2001 and March 2003", "2001-01-01", "2003-03-31"],
      ["January 2010 to May 2012", "2010-01-01", "2012-05-31"],
      ["2014", undefined, undefined],
    ]);
  });

  test("a year naming a thing does not date a sentence that has a time of its own", () => {
    const docs = [
      doc(
        "Democratic lawmakers rallied behind the president Thursday, and advocates warned Republicans would alienate voters heading into 2016 presidential elections. " +
          "Obama won the 2012 election in November 2012.",
        "2014-12-05",
      ),
    ];
    const events = buildTimeline(docs).map((e) => [e.date, e.text.slice(0, 30)]);
    assert.deepEqual(events, [
      ["2012-11", "Obama won the 2012 election in"],
      ["2014-12-04", "Democratic lawmakers rallied b"],
    ]);
  });

  test("the year of a cited court decision does not date the sentence citing it", () => {
    const docs = [
      doc(
        "The state appealed the ruling, citing Dale v. Orrin, 412 P.2d 77 (Ida. App. 2001) and Marsh v. Pell (1994). " +
          "The same court ruled against the county in 2009.",
        "2024-03-14",
      ),
    ];
    const events = buildTimeline(docs).map((e) => [e.date, e.text.slice(0, 24)]);
    assert.deepEqual(events, [["2009", "The same court ruled aga"]]);
  });

  test("a sentence about a long span is not listed once per end in the timeline", () => {
    const docs = [
      doc(
        "The mine ran 2002 to 2009 under its first owner. Its manager served from January 2010 to May 2012. It closed on March 4, 2013.",
        "2014-07-10",
      ),
    ];
    const texts = buildTimeline(docs).map((e) => e.text);
    assert.equal(new Set(texts).size, texts.length, texts.join(" | "));
    assert.ok(texts.some((t) => /closed on March 4/.test(t)));
  });
});

describe("buildTimeline", () => {
  const timeline = buildTimeline(example);
  const byId = new Map(example.map((d) => [d.article.id, d]));

  test("events are ordered by date and quote a cited sentence verbatim", () => {
    assert.ok(timeline.length >= 8);
    for (let k = 1; k < timeline.length; k++) {
      assert.ok(timeline[k - 1]!.date.slice(0, 4) <= timeline[k]!.date.slice(0, 4));
    }
    const days = timeline.filter((e) => e.granularity === "day").map((e) => e.date);
    assert.deepEqual(days, [...days].sort());
    for (const e of timeline) {
      const c = e.citations[0]!;
      assert.equal(c.score, 1);
      assert.equal(byId.get(c.articleId)!.article.text.slice(c.start, c.end), e.text);
      assert.equal(e.sources, new Set(e.citations.map((x) => x.articleId)).size);
    }
  });

  test("the answer key's dated events are on the timeline, merged across outlets", () => {
    const event = (date: string) => timeline.filter((e) => e.date === date);
    const sources = (date: string) => Math.max(0, ...event(date).map((e) => e.sources));
    assert.ok(sources("1961") >= 2, "the bridge opened in 1961 (01, 02, 04)");
    assert.ok(sources("2026-01-22") >= 1, "the consultant's report");
    assert.ok(sources("2026-02-17") >= 2, "the council vote, told by 01 and 03 without the day");
    assert.ok(sources("2026-03-03") >= 3, "the inspection (01, 02, 05 say March 3; 03 says last Tuesday)");
    assert.ok(sources("2026-03-10") >= 3, "the closure");
    assert.ok(sources("2026-03-12") >= 3, "the council meeting on Thursday (02, 03, 05)");
    assert.ok(sources("2026-03-18") >= 2, "the public session (01, 05 'next Wednesday evening')");
    assert.ok(event("2026-03-31").length >= 1, "the ferry fare waiver ends");
  });

  test("the undated article is cited by alignment but never dated on its own", () => {
    const civic = "04-civic-voice";
    const cited = timeline.filter((e) => e.citations.some((c) => c.articleId === civic));
    assert.ok(cited.length >= 1, "04 supports some event");
    for (const e of cited) {
      // 04 can head an event only with a date written in full in its own text (a year)
      if (e.citations[0]!.articleId === civic) assert.equal(e.granularity, "year");
    }
    assert.ok(extractDates(byId.get(civic)!).every((m) => m.resolved === undefined || !m.relative));
  });

  test("no event from the unrelated feed item, from a time stamp or from 'six weeks'", () => {
    assert.ok(!timeline.some((e) => e.date === "2026-03-21"), "the maple festival is not part of the story");
    assert.ok(
      !timeline.some((e) => /7:42 p\.m\./.test(e.text) && e.text.length < 40),
      "no event from a stamp",
    );
    assert.ok(!timeline.some((e) => e.date >= "2026-04"), "no reopening date is invented");
  });

  test("a year inside a quotation does not date a sentence that has its own date outside it", () => {
    const statement =
      "Speaking on Thursday, harbour master Ines Varga said, “We rebuilt the east pier in 2009 and we can do it again.”";
    // undated article: Thursday cannot be resolved, and 2009 is what she talks about, not the event
    const undated = buildTimeline([doc(`${statement} Crews will inspect the pilings.`, undefined, "u")]);
    assert.ok(!undated.some((e) => e.date === "2009"), JSON.stringify(undated));
    // published Friday 2026-03-06: the statement is dated by its own Thursday
    const dated = buildTimeline([doc(`${statement} Crews will inspect the pilings.`, "2026-03-06", "d")]);
    assert.deepEqual(
      dated.filter((e) => e.text.startsWith("Speaking on Thursday")).map((e) => e.date),
      ["2026-03-05"],
    );
    // a date that only the quotation gives is still the event's date
    const quoteOnly = buildTimeline([
      doc("“We will reopen the east pier on March 20,” harbour master Ines Varga said.", "2026-03-06", "q"),
    ]);
    assert.deepEqual(
      quoteOnly.map((e) => e.date),
      ["2026-03-20"],
    );
  });

  test("the summarizer's representation and alignment can be reused", () => {
    const analysis = analyzeCluster(example);
    const reused = buildTimeline(example, { rep: analysis.rep, alignment: analysis.alignment });
    assert.deepEqual(reused, timeline);
  });

  test("seeds: the Singapore summit merges a dated and an undated mention of June 12", () => {
    const seedTimeline = buildTimeline(seeds);
    const june = seedTimeline.find((e) => e.date === "2018-06-12");
    assert.ok(june);
    assert.ok(
      june.sources >= 3,
      "001 (June 12, 2018), 004 (June 12, read in the past) and 003 (June 12, undated)",
    );
    const feb = seedTimeline.find((e) => e.date === "2019-02-28");
    assert.ok(feb && feb.sources >= 2, "the end of February (000 dated, 002 undated)");
  });

  test("an event is told by a sentence that stands on its own, not one leaning on the sentence before it", () => {
    const docs = publishedOn("2026-03-04", [
      "The harbor council met on Tuesday to discuss the flooded ferry terminal.\nCouncil chair Ada Moss spoke first. She said the ferry terminal would reopen on March 20 after pumps clear the flooded basement.",
      "Harbor officials expect the flooded ferry terminal to reopen on March 20, once pumps clear the basement, council chair Ada Moss said.\nFerry passengers have used buses since the storm.",
    ]);
    const events = buildTimeline(docs).filter((e) => e.date === "2026-03-20");
    assert.equal(events.length, 1, "both outlets' March 20 are one event");
    assert.match(events[0]!.text, /^Harbor officials expect/);
    assert.equal(events[0]!.sources, 2);
  });

  test("an event is told by a sentence that names its speaker, not a quotation that leaves the speaker out", () => {
    const docs = publishedOn("2026-03-04", [
      "Harbor pilot Mara Quint has worked the Port Alder channel for thirty years.\n“The terminal will reopen on March 20. Nobody should expect ferries before then.”",
      "The flooded ferry terminal will reopen on March 20, once pumps clear the basement, harbor officials said.\nFerry passengers have used buses since the storm.",
    ]);
    const events = buildTimeline(docs).filter((e) => e.date === "2026-03-20");
    assert.equal(events.length, 1, "both outlets' March 20 are one event");
    assert.match(events[0]!.text, /^The flooded ferry terminal/);
  });

  test("a year the event is measured against does not date it; a dated event of its own stays", () => {
    const docs = undated([
      "A record tide of 14 feet hit the Port Alder harbor on Monday night, breaking the previous record of 11 feet in 1821.\nThe harbor exchange closed for a second day, the first time since the Great Gale of 1888.",
      "The Harbor Bridge opened in 1961 and carries 40,000 cars a day. The tide flooded its eastern ramps on Monday.\nUSA Today counted 12 flooded towns in 2012, when the last big storm struck.",
    ]);
    const dates = buildTimeline(docs).map((e) => e.date);
    assert.ok(!dates.includes("1821"), `the old record is no event: ${dates.join(", ")}`);
    assert.ok(!dates.includes("1888"), `'the first time since 1888' is no event: ${dates.join(", ")}`);
    assert.ok(dates.includes("1961"), `the bridge's opening is: ${dates.join(", ")}`);
    assert.ok(dates.includes("2012"), `'USA Today' is no day of the sentence's own: ${dates.join(", ")}`);
  });

  test("an embedded post's credit line ('Posted by … on Wednesday, March 2, 2016') is no event", () => {
    // a real cluster (multinews-dev, line 22) that embeds a Facebook video with its credit line
    const line = readFileSync("../shared/bench/multinews-dev.jsonl", "utf8").split("\n")[21]!;
    const { clusters } = readJsonlClusters(line, "dev.jsonl");
    const events = buildTimeline(prepare(clusters[0]!.articles));
    assert.ok(events.length > 0);
    assert.ok(!events.some((e) => /^Posted by\b/.test(e.text)), events.map((e) => e.text).join(" | "));
  });

  test("a photo caption with a date is no event", () => {
    const docs = undated([
      "Port Alder closed its harbor bridge on March 10, 2026, after inspectors found cracked beams.\nMayor Dana Whitlock with engineers on the bridge on March 4, 2026 in Port Alder.",
      "Inspectors found the cracks on March 3, 2026, officials said.",
    ]);
    const dates = buildTimeline(docs).map((e) => e.date);
    assert.ok(dates.includes("2026-03-10") && dates.includes("2026-03-03"), dates.join(", "));
    assert.ok(!dates.includes("2026-03-04"), `the caption's date: ${dates.join(", ")}`);
  });

  test("bad input is reported as a NewsweaveError", () => {
    assert.throws(
      () => buildTimeline("nope" as unknown as Doc[]),
      (e: unknown) => e instanceof NewsweaveError,
    );
    assert.throws(
      () => buildTimeline(example, { rep: analyzeCluster(example.slice(0, 2)).rep }),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_OPTION",
    );
  });
});

test("'N minutes earlier' compares times and does not make a later weekday past", () => {
  const doc = segmentArticle({
    id: "schools",
    text: "The district said buses would leave 15 minutes earlier starting Wednesday because of the detour.",
    raw: "",
    pieces: [],
    removed: [],
    published: "2026-03-10",
    origin: { source: "schools.txt", format: "text" },
  });
  const wednesday = extractDates(doc).find((m) => /Wednesday/.test(m.text));
  assert.equal(wednesday?.resolved?.date, "2026-03-11");
});

describe("articles in other languages", () => {
  test("French and German dates are read with the article's own language, against its publication date", () => {
    const fr = doc(
      "Le deuxième sommet du port d'Alder aura lieu le 27 février, a annoncé la mairie. Jeudi dernier, la maire a quitté la ville en train. Les deux délégations se retrouveront pour deux jours de discussions.",
      "2019-02-17",
      "fr",
    );
    const frDates = extractDates(fr);
    assert.equal(at(frDates, "27 février")?.resolved?.date, "2019-02-27");
    assert.equal(at(frDates, "Jeudi dernier")?.resolved?.date, "2019-02-14");
    // "pour deux jours" is how long, not when
    assert.equal(
      frDates.some((m) => /deux jours/.test(m.text)),
      false,
      frDates.map((m) => m.text).join(", "),
    );
    const de = doc(
      "Das zweite Treffen im Hafen von Alder findet am 27. Februar 2019 statt, teilte die Stadt mit. Die Bürgermeisterin reiste am Donnerstag ab.",
      undefined,
      "de",
    );
    // "am 27. Februar" does not end a sentence; an undated article keeps its weekday unresolved
    assert.equal(de.sentences.length, 2);
    const deDates = extractDates(de);
    assert.equal(at(deDates, "27. Februar 2019")?.resolved?.date, "2019-02-27");
    assert.equal(at(deDates, "Donnerstag")?.resolved, undefined);
  });

  test("an English article is not mistaken for another language", () => {
    const en = doc(
      "US jobless rate falls to 6.3 percent, lowest in 5 years; economy gains 288,000 jobs",
      "2014-05-02",
    );
    assert.equal(foreignLanguage(en.article.text), undefined);
  });
});
