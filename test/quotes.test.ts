/**
 * Quotes: marks, attribution, speakers, merging and variants, on short articles written for these tests
 * (the events are invented). Docs are built with segmentArticle so that the tests do not depend on the
 * clean stage.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractEntities } from "../src/analyze/entities.ts";
import { extractQuotes, type Quote } from "../src/analyze/quotes.ts";
import { NewsweaveError } from "../src/errors.ts";
import { segmentArticle } from "../src/segment/index.ts";
import type { CleanArticle, Doc } from "../src/types.ts";

function docsOf(...texts: string[]): Doc[] {
  return texts.map((text, i) => {
    const article: CleanArticle = {
      id: `a${i}`,
      text,
      raw: text,
      pieces: [{ cleanStart: 0, rawStart: 0, length: text.length }],
      removed: [],
      origin: { source: `a${i}.txt`, format: "text" },
    };
    return segmentArticle(article);
  });
}

function quotesOf(...texts: string[]): { docs: Doc[]; quotes: Quote[] } {
  const docs = docsOf(...texts);
  return { docs, quotes: extractQuotes(docs, extractEntities(docs)) };
}

function speakerName(q: Quote): string {
  return q.speaker === "unattributed" ? "unattributed" : q.speaker.name;
}

function byText(quotes: Quote[], start: string): Quote {
  const q = quotes.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting "${start}" in: ${quotes.map((x) => x.text).join(" | ")}`);
  return q;
}

/** Every mention's parts are verbatim source text, and the quote text is made of those parts. */
function assertVerbatim(docs: Doc[], q: Quote): void {
  for (const m of q.mentions) {
    const text = docs.find((d) => d.article.id === m.articleId)!.article.text;
    for (const p of m.parts) {
      const piece = text.slice(p.start, p.end);
      assert.ok(!/^["“”]|["“”]$/.test(piece), `part includes a quotation mark: ${piece}`);
    }
  }
  const longest = q.mentions.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const text = docs.find((d) => d.article.id === longest.articleId)!.article.text;
  // parts joined by a space (a comma the attribution put at a sentence's end may go back to a period)
  const joined = longest.parts
    .map((p) => text.slice(p.start, p.end))
    .join(" ")
    .replace(/[\s,]+$/, "");
  const loose = (x: string) => x.replace(/[,.] /g, " ");
  assert.equal(loose(q.text), loose(joined));
  assert.equal(q.text.length, joined.length);
}

describe("extractQuotes: marks and shapes", () => {
  it("finds straight and curly quotes, verbatim, without the comma before the attribution", () => {
    const { docs, quotes } = quotesOf(
      'Mayor Dana Whitlock closed the bridge on Tuesday. "We are not going to gamble with people\'s lives," Whitlock said.',
      "Police Chief Anthony Ruiz asked drivers to leave early. “Please be patient and put the phone down,” Ruiz said.",
    );
    assert.equal(quotes.length, 2);
    const a = byText(quotes, "We are not going");
    assert.equal(a.text, "We are not going to gamble with people's lives");
    assert.equal(speakerName(a), "Dana Whitlock");
    const b = byText(quotes, "Please be patient");
    assert.equal(speakerName(b), "Anthony Ruiz");
    for (const q of quotes) assertVerbatim(docs, q);
  });

  it("'According to X,' opening the sentence names the source of a quote later in it; a name in apposition beats a role", () => {
    const { quotes } = quotesOf(
      "Senator Jane Miller criticised the bill on Monday during a heated debate in the Senate.\n" +
        '"This bill is a disaster for working families," Miller said.\n' +
        'According to Senator Tom Reed, the bill "has broad support among voters in both parties."\n' +
        '"We will pass it this spring," added the bill\'s sponsor, Representative Ana Diaz.\n' +
        'According to the arrest report, Hale told officers, "I never touched the boat."',
    );
    assert.equal(speakerName(byText(quotes, "This bill")), "Jane Miller");
    assert.equal(speakerName(byText(quotes, "has broad support")), "Tom Reed");
    assert.equal(speakerName(byText(quotes, "We will pass")), "Ana Diaz");
    assert.equal(speakerName(byText(quotes, "I never touched")), "Hale");
  });

  it("'the Lisvale police department' is not another department named earlier; 'the Ohio-based company' is the company", () => {
    const { quotes } = quotesOf(
      "Staff at the Harbor County Treasury Department left the building on Monday after an emailed threat. " +
        'The Lisvale police department said on Twitter that officers had searched "every floor of the building and found nothing."\n' +
        'Brennan Lobster Co. closed its plant. The Ohio-based company said it would "reopen when the police allow it."',
    );
    assert.equal(speakerName(byText(quotes, "every floor")), "The Lisvale police department");
    assert.equal(speakerName(byText(quotes, "reopen when")), "Brennan Lobster Co.");
  });

  it("a name in an aside about the subject does not speak: 'X — the party of Mayor Y — urged …, saying “…”'", () => {
    const { quotes } = quotesOf(
      'President Tomas Reyna flew home on Monday. Valdoria\'s Harbor Workers Union — the party of President Tomas Reyna — urged the government to challenge the ruling, saying the court is "no longer needed."',
    );
    assert.equal(speakerName(byText(quotes, "no longer needed")), "Harbor Workers Union");
  });

  it("wire style with no verb: '“…,” Maine Gov. Ada Pell, touring the coast'", () => {
    const { quotes } = quotesOf(
      'The storm left the coast without power on Tuesday. "We have not seen damage like this in a generation," Maine Gov. Ada Pell, assessing the scope of a storm that swept homes into the sea.',
    );
    assert.equal(speakerName(byText(quotes, "We have not seen")), "Ada Pell");
  });

  it("German „…“ and »…« quotations end at their closing mark", () => {
    const { quotes } = quotesOf(
      "„Das ist ein guter Tag für Berlin“, sagte Kai Wegner am Dienstag. Die Opposition kritisierte den Plan scharf. " +
        "»Wir werden dagegen klagen«, sagte eine Sprecherin der Partei.",
    );
    assert.deepEqual(
      quotes.map((q) => q.text),
      ["Das ist ein guter Tag für Berlin", "Wir werden dagegen klagen"],
    );
  });

  it("joins a quote split by its attribution and resolves the pronoun to the nearest person", () => {
    const { docs, quotes } = quotesOf(
      "Mayor Dana Whitlock spoke after the council vote. “We will find the money,” she said, “and we will fix this bridge.”",
    );
    assert.equal(quotes.length, 1);
    const q = quotes[0]!;
    assert.equal(q.mentions[0]!.parts.length, 2);
    assert.equal(q.text, "We will find the money, and we will fix this bridge.");
    assert.equal(speakerName(q), "Dana Whitlock");
    assertVerbatim(docs, q);
  });

  it("a country named with 'the' that says something is the speaker ('the U.S. said')", () => {
    const { quotes } = quotesOf(
      "Voters in Norland re-elected the president in April, though the U.S. said the vote was not a " +
        "“credible expression of the will of the people.” The United States has sent no observers since 2019.",
    );
    assert.equal(speakerName(byText(quotes, "credible expression")), "United States");
  });

  it("keeps a quote that runs over several paragraphs together", () => {
    const { docs, quotes } = quotesOf(
      'Gov. Ellen Marchetti wrote to the council on Friday: "The state will stand with Port Alder.\n\n' +
        '"I have asked our engineers to help the city, and they will start on Monday."\n\n' +
        "The council meets again next week.",
    );
    assert.equal(quotes.length, 1);
    const q = quotes[0]!;
    assert.equal(q.mentions[0]!.parts.length, 2);
    assert.ok(q.text.endsWith("they will start on Monday."));
    assert.equal(speakerName(q), "Ellen Marchetti");
    assertVerbatim(docs, q);
  });

  it("continues a speaker over the next quote when it has no attribution of its own", () => {
    const { quotes } = quotesOf(
      "Both cracks sit near the riveted connections, county engineer Robert Kane said.\n" +
        "“When a beam cracks near its connection, the load has to go somewhere else.”",
    );
    assert.equal(quotes.length, 1);
    assert.equal(speakerName(quotes[0]!), "Robert Kane");
  });

  it("finds partial quotes and gives them the speaker of the sentence", () => {
    const { quotes } = quotesOf(
      "Tomasz Brennan said on Monday that the detour was “costing us every single day” and that he had hired two drivers.",
    );
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.kind, "partial");
    assert.equal(speakerName(quotes[0]!), "Tomasz Brennan");
  });
});

describe("extractQuotes: what is not a quote", () => {
  it("skips titles, nicknames, one-word and scare quotes", () => {
    const { quotes } = quotesOf(
      "The band played “Born This Way” and the new single “The Cure” on Saturday. " +
        "Police dubbed the robbers the “Cold Hands Bandits” last year. " +
        "Critics called the show “brilliant” on Sunday. Fans gathered around the “water cooler” for hours.",
    );
    assert.deepEqual(
      quotes.map((q) => q.text),
      [],
    );
  });

  it("yields no quotes for indirect speech", () => {
    const { quotes } = quotesOf(
      "Council President Gloria Feeney said the council had acted on the best information it had. " +
        "She said engineers had not described the problem as urgent and that she would support emergency spending.",
    );
    assert.deepEqual(quotes, []);
  });

  it("does not count a fragment repeated from a longer quote of the same article", () => {
    const { quotes } = quotesOf(
      "Marisol Vega said “nobody told us” about the closure. " +
        "“I walk my kids across that bridge to school. Nobody told us anything until the barricades went up,” Vega said.",
    );
    assert.equal(quotes.length, 1);
    assert.ok(quotes[0]!.text.startsWith("I walk my kids"));
  });
});

describe("extractQuotes: described speakers", () => {
  it("a description names who spoke, not how or when", () => {
    const { quotes } = quotesOf(
      '"We are reviewing the footage," a harbor authority spokeswoman said in an email to the Ledger.\n' +
        '"The ferry will run on Saturday," the ferry operator on Monday told passengers.\n' +
        '"Nobody was hurt," the hospital said in a statement.\n' +
        '"Thank you for the support," a message on the Alder Rowing Club\'s Facebook page said.',
    );
    const names = quotes.map(speakerName);
    assert.ok(names.includes("a harbor authority spokeswoman"), names.join(" | "));
    assert.ok(names.includes("the ferry operator"), names.join(" | "));
    assert.ok(names.includes("the hospital"), names.join(" | "));
    assert.ok(
      names.some((n) => /Facebook page/.test(n)),
      `whose page it was stays part of the description: ${names.join(" | ")}`,
    );
  });
});

describe("extractQuotes: speakers", () => {
  it("resolves said X, according to X, roles and titles", () => {
    const { quotes } = quotesOf(
      "Mayor Dana Whitlock called a news conference.\n" +
        "“The bridge stays closed until the engineers say it is safe,” the mayor said.\n" +
        "“Please be patient,” said Police Chief Anthony Ruiz.\n" +
        "Inspectors found “cracks in two floor beams,” according to the Alder County Highway Department.",
    );
    assert.equal(speakerName(byText(quotes, "The bridge stays")), "Dana Whitlock");
    assert.equal(speakerName(byText(quotes, "Please be patient")), "Anthony Ruiz");
    assert.equal(speakerName(byText(quotes, "cracks in two")), "Alder County Highway Department");
  });

  it("gives a quotation after ', saying' to the subject of the clause, whatever names the sentence before", () => {
    const { quotes } = quotesOf(
      "Mayor Tom Brisk faced angry residents over the new parking fees in Eastvale.\n" +
        "The mayor defended the plan on Monday, saying “It is the only way to fund the road repairs.”\n" +
        "Eastvale residents complained about the fees at the council meeting.\n" +
        "He answered them on Tuesday, saying “The fees will end when the roads are fixed.”\n" +
        "Mimicking the council's vote, the residents raised their hands and chanted “No more fees.”",
    );
    assert.equal(speakerName(byText(quotes, "It is the only way")), "Tom Brisk");
    assert.equal(speakerName(byText(quotes, "The fees will end")), "Tom Brisk");
  });

  it("gives a bare quotation to the one person the sentence before it is about", () => {
    const { quotes } = quotesOf(
      "A court in Halden ruled against the tenants' association on Friday.\n" +
        "Lawyer Sam Kohl spoke outside the courthouse. “We will appeal this decision. The judge got it wrong.”",
      "The judge met Sam Kohl and the landlord, Ada Brenn, in chambers. “Nobody leaves until this is settled.”",
    );
    assert.equal(speakerName(byText(quotes, "We will appeal")), "Sam Kohl");
    // two people named before it: no guess
    assert.equal(speakerName(byText(quotes, "Nobody leaves")), "unattributed");
  });

  it("a speaker the article has called 'he' is not the next 'she'", () => {
    const { quotes } = quotesOf(
      "Senator Ray Dunmore and Governor Lila Perez clashed over the water bill on Thursday. " +
        "“Then they were misled,” he said. “Nobody was misled,” she said.",
    );
    assert.equal(speakerName(byText(quotes, "Then they were")), "Ray Dunmore");
    assert.equal(speakerName(byText(quotes, "Nobody was misled")), "Lila Perez");
  });

  it("knows the gender of a first name that only one of the longer name lists holds", () => {
    const { quotes } = quotesOf(
      "Governor Lila Perez met Senator Ray Dunmore in Caldwell on Friday to discuss the water bill.\n" +
        "“It was a productive meeting,” she said.",
    );
    assert.equal(speakerName(quotes[0]!), "Lila Perez");
  });

  it("uses the gender of the pronoun to pick between two people", () => {
    const { quotes } = quotesOf(
      "Marisol Vega walked to the barricade with her neighbour John Miller.\n" +
        "“Nobody told us anything until the barricades went up,” she said.",
    );
    assert.equal(speakerName(quotes[0]!), "Marisol Vega");
  });

  it("keeps an unnamed speaker as described, and says unattributed when there is none", () => {
    const { quotes } = quotesOf(
      "“We are reviewing the inspection records,” a spokesman for the county said.\n\n" +
        "The bridge opened in 1961.\n\n" +
        "“Some repairs cannot wait for the next budget.”",
    );
    const described = byText(quotes, "We are reviewing");
    assert.ok(described.speaker !== "unattributed");
    assert.equal(described.speaker.name, "a spokesman for the county");
    assert.equal(described.speaker.entityId, undefined);
    assert.equal(byText(quotes, "Some repairs").speaker, "unattributed");
  });

  it("attributes a quote to the entity found by extractEntities", () => {
    const docs = docsOf("“We will rebuild,” said Gov. Ellen Marchetti.");
    const entities = extractEntities(docs);
    const [q] = extractQuotes(docs, entities);
    assert.ok(q && q.speaker !== "unattributed");
    const entity = entities.find((e) => e.id === (q.speaker as { entityId?: string }).entityId);
    assert.equal(entity?.name, "Ellen Marchetti");
  });
});

describe("extractQuotes: across outlets", () => {
  const { docs, quotes } = quotesOf(
    "Mayor Dana Whitlock closed the bridge. “We are not going to gamble with people's lives. The bridge stays closed until the engineers tell me it is safe,” Whitlock said.",
    'The mayor, Dana Whitlock, spoke at City Hall. "We are not going to gamble with people\'s lives. The bridge stays closed until the engineers tell me it is safe," Whitlock told reporters.',
    "Whitlock was firm. “We are not going to gamble with people's lives,” she said.",
    "Mayor Dana Whitlock said on Tuesday the span would stay shut. “We're not going to gamble with anybody's life. That bridge stays closed until engineers say it's safe,” she said.",
  );

  it("merges the same quote from several articles into one quote with all sources", () => {
    const q = byText(quotes, "We are not going to gamble");
    assert.equal(q.sources, 3);
    assert.deepEqual(
      q.mentions.map((m) => m.articleId),
      ["a0", "a1", "a2"],
    );
    assert.equal(speakerName(q), "Dana Whitlock");
    assertVerbatim(docs, q);
    for (const m of q.mentions) {
      const sentence = docs.find((d) => d.article.id === m.articleId)!.sentences[m.sentence]!;
      assert.ok(sentence.start <= m.start && m.start < sentence.end);
    }
  });

  it("shows a reworded version as a separate variant, not merged", () => {
    const main = byText(quotes, "We are not going to gamble");
    const variant = byText(quotes, "We're not going to gamble");
    assert.notEqual(main.id, variant.id);
    assert.equal(variant.sources, 1);
    assert.ok(main.group && main.group === variant.group);
    assert.equal(variant.variantOf, main.id);
    assert.equal(main.variantOf, undefined);
    assert.deepEqual(main.variants, [variant.id]);
  });

  it("does not link different statements of the same speaker as variants", () => {
    const { quotes: qs } = quotesOf(
      "“We will find the money for the repairs,” Mayor Dana Whitlock said.",
      "“The ferry will add six trips a day starting Wednesday,” Mayor Dana Whitlock said.",
    );
    assert.equal(qs.length, 2);
    assert.ok(qs.every((q) => q.group === undefined));
  });
});

describe("extractQuotes: input", () => {
  it("rejects bad input and options with NewsweaveError", () => {
    const docs = docsOf("“Hello there,” she said.");
    assert.throws(
      () => extractQuotes(docs, extractEntities(docs), { minWords: 0 }),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_OPTION",
    );
    assert.throws(
      () => extractQuotes([{} as Doc], []),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_FIELD",
    );
    assert.throws(
      () => extractQuotes(docs, null as unknown as []),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_FIELD",
    );
  });

  it("handles articles without quotes or text", () => {
    assert.deepEqual(extractQuotes(docsOf("", "No quotes here."), []), []);
  });
});

describe("speaker attribution on unseen styles", () => {
  it("a pronoun after a quote goes on with the last speaker, not a nearer organisation in object position", () => {
    const { quotes } = quotesOf(
      'The Harbor Trust said the dock was picked because it faces the offices of the shipping firm Meridian Lines, which plans to expand. The volunteers wanted to "paint a mural that shows the old fishing fleet", it added.',
    );
    assert.equal(speakerName(byText(quotes, "paint a mural")), "Harbor Trust");
  });

  it("a pronoun after a quote refers to a described speaker of the sentence before", () => {
    const { quotes } = quotesOf(
      'The ferry terminal closed at noon. A terminal spokesman said the staff had advised that "The Deck" should stay shut for the evening.\n"We are sorry for the delay and will refund every ticket bought for today," he said.',
    );
    assert.match(speakerName(byText(quotes, "We are sorry")), /spokesman/);
  });

  it("a bare surname keeps meaning the article's main person after a relative with the same surname appears", () => {
    const { quotes } = quotesOf(
      'Lin Weiming, a rural teacher, said on Monday that he had left the county. Lin said the school stayed closed. Lin told reporters he would return.\nLin said his cousin, Lin Haoran, was questioned by police on Tuesday. Lin Haoran was released later. Lin Haoran declined to comment.\n"My cousin did nothing wrong," Lin said.',
    );
    assert.equal(speakerName(byText(quotes, "My cousin did nothing")), "Lin Weiming");
  });

  it("a definite party noun or role never introduced stands for the article's main person", () => {
    const { quotes } = quotesOf(
      'Senator Dana Holloway spoke on Sunday about the canal bill. Holloway said the vote would come in May.\n"This bill is about water, not politics," the Ohio Republican said.',
      'Runner Maya Osei won the city marathon on Sunday. Osei set a course record. Osei thanked her coach.\nIn an interview after the race, the athlete said the last mile "felt like running through glue" for her.',
    );
    assert.equal(speakerName(byText(quotes, "This bill is about water")), "Dana Holloway");
    assert.equal(speakerName(byText(quotes, "felt like running")), "Maya Osei");
  });

  it("a role named just before keeps its own reading: someone else just named is not the main person", () => {
    const { quotes } = quotesOf(
      'Painter Rosa Quint opened her show in Lisbon on Friday. Quint said the works took three years. Quint was born in Porto.\nCritic Tomas Brill praised the colours. "The portraits are the strongest part of the show," said the critic.',
    );
    const sp = speakerName(byText(quotes, "The portraits are"));
    assert.notEqual(sp, "Rosa Quint");
  });

  it("the subject of a relative clause speaks a fragment: 'X, who said …'", () => {
    const { quotes } = quotesOf(
      'One former county official, who said "dozens of complaints" were filed about the plant, called the decision careless.',
    );
    assert.match(speakerName(byText(quotes, "dozens of complaints")), /official/);
  });

  it("predicates after semicolons share the sentence's subject", () => {
    const { quotes } = quotesOf(
      'Mayor Paul Renner has spoken about rivals before. He claimed former council member Anna Voss had "no idea how budgets work"; said during a radio interview that Judge Carla Ment lacked "the temper for the bench"; and urged voters to "look closely" at the race.',
    );
    assert.equal(speakerName(byText(quotes, "the temper for")), "Paul Renner");
    assert.equal(speakerName(byText(quotes, "look closely")), "Paul Renner");
  });

  it("a quote after a colon with no speech verb belongs to the subject of the sentence", () => {
    const { quotes } = quotesOf(
      'His old teammate Victor Ashby put it plainly to the board: "You either fix the roof this year or you close the gym."',
    );
    assert.equal(speakerName(byText(quotes, "You either fix")), "Victor Ashby");
  });

  it("a quote split by an attribution that names a show in quotes stays one quote", () => {
    const { docs, quotes } = quotesOf(
      'Governor Ellen Marsh spoke about the storm on Sunday.\n"The levees held," the governor said on WNQ\'s "Morning Desk." "But the roads did not."',
    );
    const q = byText(quotes, "The levees held");
    assert.equal(q.mentions[0]!.parts.length, 2);
    assert.equal(speakerName(q), "Ellen Marsh");
    assert.ok(!quotes.some((x) => x.text.startsWith("Morning Desk")));
    assertVerbatim(docs, q);
  });

  it("a quote split by its attribution reads as the speaker's sentences: the cut comma becomes a period", () => {
    const { quotes } = quotesOf(
      'Governor Ellen Marsh toured the coast. "It is beyond anything I thought I would see," Marsh said. "It is a devastating sight." ' +
        '"If the river rises again," she added, "I will order an evacuation." "We will work with," Marsh said, "the county and the state."',
    );
    assert.equal(
      byText(quotes, "It is beyond").text,
      "It is beyond anything I thought I would see. It is a devastating sight.",
    );
    assert.equal(
      byText(quotes, "If the river").text,
      "If the river rises again, I will order an evacuation.",
    );
    assert.equal(byText(quotes, "We will work").text, "We will work with, the county and the state.");
    // the writer's period after the attribution ends the sentence, even before "I"
    const { quotes: more } = quotesOf(
      'Spokesman Mark Toner spoke in Washington. "I know we have not seen him in person," Toner told a briefing. "I do not know if we tried."',
    );
    assert.equal(
      byText(more, "I know we").text,
      "I know we have not seen him in person. I do not know if we tried.",
    );
  });

  it("an abbreviated rank before the name does not cut the speaker short", () => {
    const { quotes } = quotesOf(
      'The sailor died on Friday. "Our condolences go out to his family," said Capt. Jay Hennessey, commanding officer of the center. ' +
        '"We will review the training," said Lt. Cmdr. Ana Ruiz.',
    );
    assert.equal(speakerName(byText(quotes, "Our condolences")), "Jay Hennessey");
    assert.equal(speakerName(byText(quotes, "We will review")), "Ana Ruiz");
  });

  it("tokenised straight quotes with a space on both sides pair up instead of running on", () => {
    const { quotes } = quotesOf(
      'The poster was deleted on monday. Critics were quick. One user wrote: " real smart, marketing team " and another tweeted: " somebody is getting fired. " the film opens in august.',
    );
    assert.deepEqual(
      quotes.map((q) => q.text),
      ["real smart, marketing team", "somebody is getting fired."],
    );
  });

  it("a social media handle is the speaker of what it posted", () => {
    const { quotes } = quotesOf(
      'The poster was deleted on Monday. @jddrake wrote: "Real smart, marketing team." ' +
        'Twitter user @chrisdyork said: "Pretty unfortunate date and picture combo." "This is awful," tweeted @mary_k.',
    );
    assert.equal(speakerName(byText(quotes, "Real smart")), "@jddrake");
    assert.equal(speakerName(byText(quotes, "Pretty unfortunate")), "Twitter user @chrisdyork");
    assert.equal(speakerName(byText(quotes, "This is awful")), "@mary_k");
  });

  it("'he wrote' goes to the man named before, not to a recent speaker whose gender is unknown", () => {
    const { quotes } = quotesOf(
      'In her 1997 memoir, Ilsabet von Marsh writes that the senator pursued her with letters. In the first letter, written a year after they met, Thomas Reyes tries to persuade von Marsh to meet him in Oslo. "Is there any chance you shall be there," he wrote.',
    );
    assert.equal(speakerName(byText(quotes, "Is there any chance")), "Thomas Reyes");
  });

  it("'he said' goes to the subject of the sentence before, not to a man named inside its object", () => {
    const { quotes } = quotesOf(
      'Seaman Derek Amsel, 21, drowned during training on Monday.\n\nSpokesman Martin Pell could not confirm how many people were in the pool at the time of Mr. Amsel\'s death.\n\n"We scale the instructor ratio to the class," he said.',
    );
    assert.equal(speakerName(byText(quotes, "We scale")), "Martin Pell");
  });

  it("a quote that names someone as 'Mr. X' is not X's, even where it would continue X's quote", () => {
    const { quotes } = quotesOf(
      'Carl Shaw, 34, was sentenced on Friday in Alder County. "I did nothing wrong," Shaw said. "Mr. Shaw is a gifted man, but his crimes are serious."',
    );
    assert.equal(speakerName(byText(quotes, "I did nothing wrong")), "Carl Shaw");
    assert.notEqual(speakerName(byText(quotes, "Mr. Shaw is a gifted")), "Carl Shaw");
  });

  it("a clause before 'said' is no speaker ('The announcement came a day after kalanick said …')", () => {
    const { quotes } = quotesOf(
      'The board met on Monday. The announcement came a day after kalanick said "we will review everything we do."',
    );
    assert.equal(speakerName(byText(quotes, "we will review")), "unattributed");
  });

  it("a pronoun in a subordinate clause refers to a role of its own sentence", () => {
    const { quotes } = quotesOf(
      'Chef Omar Haddad spoke to the press. "The menu will change," the chef said.\nThe owner of the cafe, Lena Park, sued the mayor after he wrote in a letter that the cafe was "a fire trap."',
    );
    assert.match(speakerName(byText(quotes, "a fire trap")), /mayor/);
  });

  it("two speakers in one sentence keep their own quotes ('said Perez, while Dunmore said “…”')", () => {
    const { quotes } = quotesOf(
      "Governor Lila Perez and Senator Ray Dunmore debated the school budget on Wednesday. “Yes, we can afford it,” said Perez, while Dunmore said “No, we cannot.” The debate lasted two hours.",
      "The two rivals met in Caddon. Ann Lee wrote: “The plan is a mistake” and Bo Kim replied: “The plan will pass.”",
    );
    assert.equal(speakerName(byText(quotes, "Yes, we can afford it")), "Lila Perez");
    assert.equal(byText(quotes, "Yes, we can afford it").text, "Yes, we can afford it");
    assert.equal(speakerName(byText(quotes, "No, we cannot")), "Ray Dunmore");
    assert.equal(speakerName(byText(quotes, "The plan is a mistake")), "Ann Lee");
    assert.equal(speakerName(byText(quotes, "The plan will pass")), "Bo Kim");
  });

  it("'the 34-year-old' is the person given that age, or the one person named before", () => {
    const { quotes } = quotesOf(
      "Sprinter Keiko Amari won the 100 metres at the Varnia Games on Sunday. “I have dreamed of this since I was a child,” the 34-year-old said.",
      "Police arrested Tom Hale, 41, and Ann Hale, 39, in Oakham on Monday. “We did nothing wrong,” the 39-year-old said.",
      "Police arrested Tom Hale and Ann Hale in Oakham on Monday. “We were at home all night,” the 39-year-old said.",
    );
    assert.equal(speakerName(byText(quotes, "I have dreamed")), "Keiko Amari");
    assert.equal(speakerName(byText(quotes, "We did nothing wrong")), "Ann Hale");
    // two people, no ages: no guess
    assert.equal(speakerName(byText(quotes, "We were at home")), "the 39-year-old");
  });
});
