/**
 * Entities: candidates, types and alias merging, on short articles written for these tests (the events are
 * invented). Docs are built with segmentArticle so that the tests do not depend on the clean stage.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Entity, extractEntities } from "../src/analyze/entities.ts";
import { defaultGazetteer, type Gazetteer, normKey } from "../src/analyze/gazetteer.ts";
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

function find(entities: Entity[], name: string): Entity {
  const e = entities.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}" in: ${entities.map((x) => x.name).join(", ")}`);
  return e;
}

/** The texts of all mentions of an entity, as written. */
function surfaces(docs: Doc[], e: Entity): string[] {
  return e.mentions.map((m) => {
    const doc = docs.find((d) => d.article.id === m.articleId)!;
    return doc.article.text.slice(m.start, m.end);
  });
}

describe("extractEntities: alias merging across articles", () => {
  const docs = docsOf(
    "North Korean leader Kim Jong Un will meet President Donald Trump in Hanoi, Vietnam, next month. " +
      "Kim Yong Chol, the North's lead negotiator, met Trump at the White House last week. " +
      "Chol carried a letter from Kim.",
    "Kim Jong-un said the talks with the United States would go well. Trump said Kim was serious. " +
      "Officials in the U.S. were more careful.",
    "The US and North Korea have not agreed on a date. Kim Jong Un has not travelled since June.",
  );
  const entities = extractEntities(docs);

  it('merges "Kim Jong Un" / "Kim Jong-un" / "Kim" and counts the articles', () => {
    const kim = find(entities, "Kim Jong Un");
    assert.equal(kim.type, "person");
    assert.ok(kim.aliases.includes("Kim Jong-un"));
    const forms = surfaces(docs, kim);
    assert.ok(forms.filter((s) => s === "Kim").length >= 2, forms.join(", "));
    assert.equal(kim.sources, 3);
  });

  it('keeps "Kim Yong Chol" distinct and gives him "Chol"', () => {
    const chol = find(entities, "Kim Yong Chol");
    assert.equal(chol.type, "person");
    assert.deepEqual(surfaces(docs, chol).sort(), ["Chol", "Kim Yong Chol"]);
    const kim = find(entities, "Kim Jong Un");
    for (const m of kim.mentions) {
      const text = docs.find((d) => d.article.id === m.articleId)!.article.text.slice(m.start, m.end);
      assert.notEqual(text, "Chol");
    }
  });

  it('merges "Trump" with "President Donald Trump", without the title in the span', () => {
    const trump = find(entities, "Donald Trump");
    assert.equal(trump.type, "person");
    assert.ok(trump.roles?.includes("president"));
    assert.deepEqual([...new Set(surfaces(docs, trump))].sort(), ["Donald Trump", "Trump"]);
    assert.equal(trump.sources, 2);
  });

  it('merges "U.S." / "United States" / "US" into one place', () => {
    const us = find(entities, "United States");
    assert.equal(us.type, "place");
    assert.deepEqual([...new Set(surfaces(docs, us))].sort(), ["U.S.", "US", "United States"]);
  });

  it("does not make demonyms or sentence openers into entities", () => {
    const names = entities.map((e) => e.name);
    assert.ok(!names.includes("North Korean"));
    assert.ok(!names.includes("Officials"));
  });

  it("points every mention at the name in the article text", () => {
    for (const e of entities) {
      for (const m of e.mentions) {
        const text = docs.find((d) => d.article.id === m.articleId)!.article.text.slice(m.start, m.end);
        const forms = [e.name, ...e.aliases];
        assert.ok(forms.includes(text), `${text} is not a form of ${e.name}`);
      }
    }
  });
});

describe("extractEntities: people who share a name stay distinct", () => {
  const docs = docsOf(
    "Maria Lopez won the final on Sunday. Her sister Ana Lopez watched from the stands. Lopez said she was tired.",
    "Maria Lopez, 31, has won four titles this year. Lopez will rest until March.",
    "Ana Lopez plans to return next season, her coach said.",
  );
  const entities = extractEntities(docs);

  it("keeps both sisters and gives the bare surname to the one already named in that article", () => {
    const maria = find(entities, "Maria Lopez");
    const ana = find(entities, "Ana Lopez");
    assert.notEqual(maria.id, ana.id);
    assert.equal(surfaces(docs, maria).filter((s) => s === "Lopez").length, 2);
    assert.equal(surfaces(docs, ana).filter((s) => s === "Lopez").length, 0);
    assert.equal(maria.gender, "female");
  });
});

describe("extractEntities: types from titles, heads, context and the gazetteer", () => {
  const docs = docsOf(
    "Secretary of State Ellen Varga said the Alder County Highway Department inspected the Kittredge Memorial Bridge " +
      "in Port Alder on Monday. The Metro Transit Authority (MTA) added buses. The MTA said service would resume. " +
      "Tomasz Brennan, who owns Brennan Lobster Co., said his trucks use the Tannery Street Bridge. " +
      "The engineer, Robert J. Kane, won the Nobel Prize in 2010. Kane spoke to Reuters.",
    "Hanoi, Vietnam, will host the talks, according to the Foreign Ministry. Varga arrived from Seoul.",
  );
  const entities = extractEntities(docs);
  const typeOf = (name: string): string => find(entities, name).type;

  it("types people by titles, roles, appositives and given names", () => {
    assert.equal(typeOf("Ellen Varga"), "person");
    assert.ok(find(entities, "Ellen Varga").roles?.includes("secretary"));
    assert.equal(typeOf("Tomasz Brennan"), "person");
    assert.equal(typeOf("Robert J. Kane"), "person");
    assert.deepEqual([...new Set(surfaces(docs, find(entities, "Robert J. Kane")))].sort(), [
      "Kane",
      "Robert J. Kane",
    ]);
  });

  it("types organisations by head words and the gazetteer", () => {
    assert.equal(typeOf("Alder County Highway Department"), "organization");
    assert.equal(typeOf("Brennan Lobster Co."), "organization");
    assert.equal(typeOf("Reuters"), "organization");
    assert.equal(typeOf("Foreign Ministry"), "organization");
  });

  it("types places by head words, context and the gazetteer", () => {
    assert.equal(typeOf("Kittredge Memorial Bridge"), "place");
    assert.equal(typeOf("Tannery Street Bridge"), "place");
    assert.equal(typeOf("Port Alder"), "place");
    assert.equal(typeOf("Hanoi"), "place");
    assert.equal(typeOf("Vietnam"), "place");
  });

  it("a name before a resident noun is where the people are from", () => {
    const docs = docsOf(
      "A Cedar Hollow man was arrested on Friday. Police said the Cedar Hollow man had fled. Two Marlow Bay teens were hurt.",
      "Dana Whitlock met an Ashford Falls couple.",
    );
    const found = extractEntities(docs);
    assert.equal(find(found, "Cedar Hollow").type, "place");
    assert.equal(find(found, "Marlow Bay").type, "place");
    assert.equal(find(found, "Ashford Falls").type, "place");
    assert.equal(find(found, "Dana Whitlock").type, "person");
  });

  it('types prizes and events as "other"', () => {
    assert.equal(typeOf("Nobel Prize"), "other");
  });

  it("links an acronym given in parentheses to its name", () => {
    const mta = find(entities, "Metro Transit Authority");
    assert.equal(mta.type, "organization");
    assert.deepEqual([...new Set(surfaces(docs, mta))].sort(), ["MTA", "Metro Transit Authority"]);
  });

  it("does not split a person named with a title across articles", () => {
    const varga = find(entities, "Ellen Varga");
    assert.equal(varga.sources, 2);
  });
});

describe("extractEntities: a gazetteer word inside a longer name", () => {
  it("a company or place name after a given name is a surname; a position word makes its own place", () => {
    const docs = docsOf(
      "Mayor Michael R. Bloomberg closed the parks. Bloomberg said they would reopen Friday. " +
        "Stocks fell, Bloomberg reported. A record tide flooded Lower Manhattan. George Washington slept in Manhattan.",
      "Michael Bloomberg toured Queens on Tuesday.",
    );
    const entities = extractEntities(docs);
    const mayor = find(entities, "Michael R. Bloomberg");
    assert.equal(mayor.type, "person");
    assert.equal(mayor.sources, 2);
    assert.deepEqual([...new Set(surfaces(docs, mayor))].sort(), [
      "Bloomberg",
      "Michael Bloomberg",
      "Michael R. Bloomberg",
    ]);
    // the news service that reports stays the company
    assert.equal(find(entities, "Bloomberg").type, "organization");
    assert.equal(find(entities, "Lower Manhattan").type, "place");
    assert.equal(find(entities, "Manhattan").type, "place");
    assert.equal(find(entities, "George Washington").type, "person");
    assert.ok(!entities.some((e) => e.name === "Lower" || e.name === "Michael R."));
  });

  it("an organisation named after a place is not that place", () => {
    const docs = docsOf(
      "The robot patrolled offices in Mountain View, California. The man was held until the Mountain View Police arrived.",
      "A drunk man was arrested in Mountain View last week.",
    );
    const entities = extractEntities(docs);
    assert.equal(find(entities, "Mountain View").type, "place");
    assert.equal(find(entities, "Mountain View").sources, 2);
    assert.equal(find(entities, "Mountain View Police").type, "organization");
  });

  it("a time zone after a time and a verb made of an abbreviation are not names", () => {
    const docs = docsOf(
      "Update, July 7th, 6:40PM ET: the campaign passed $40,000. Brown KOed his goal by 8 p.m. EST on Monday.",
    );
    const names = extractEntities(docs).map((e) => e.name);
    assert.ok(!names.some((n) => /\bET\b|\bEST\b|KOed/.test(n)), names.join(", "));
  });

  it("a storm's name is an event, a web site's name keeps its domain", () => {
    const docs = docsOf(
      "Hurricane Sandy hit New Jersey on Monday. Damage from Sandy was huge, and 16,271 flights were canceled, " +
        "according to Flightstats.com. As of Tuesday morning, Flightstats said three airports were closed. Typhoon Haiyan was worse.",
    );
    const entities = extractEntities(docs);
    assert.equal(find(entities, "Sandy").type, "other");
    assert.equal(find(entities, "Haiyan").type, "other");
    const site = find(entities, "Flightstats.com");
    assert.equal(site.type, "organization");
    assert.deepEqual([...new Set(surfaces(docs, site))].sort(), ["Flightstats", "Flightstats.com"]);
  });
});

describe("extractEntities: names that open a sentence", () => {
  it("a 'St.'/'Mt.' name opening a sentence keeps its prefix", () => {
    const entities = extractEntities(
      docsOf(
        "St. Louis County prosecutors said on Monday that the case would go to a grand jury. Mt. Hood was closed to climbers.",
      ),
    );
    assert.equal(find(entities, "St. Louis County").type, "place");
    find(entities, "Mt. Hood");
    assert.ok(!entities.some((e) => e.name === "Louis County"));
  });

  it("a Secretary-General or a Chief Whip is a title, not part of the name", () => {
    const entities = extractEntities(
      docsOf(
        "U.N. Secretary-General Ban Ki-moon said the warrant mattered. Ban spoke in New York. Chief Whip John Steenhuisen disagreed.",
      ),
    );
    const ban = find(entities, "Ban Ki-moon");
    assert.equal(ban.type, "person");
    assert.ok(ban.roles?.includes("secretary-general"));
    assert.ok(ban.aliases.includes("Ban"), ban.aliases.join(", "));
    assert.equal(find(entities, "John Steenhuisen").type, "person");
  });

  it("an adviser's or a writer's title is not part of the name", () => {
    const entities = extractEntities(
      docsOf(
        "He met US National Security Adviser HR McMaster on Friday. The report was written by AP Science Writer Seth Borenstein.",
      ),
    );
    assert.ok(find(entities, "HR McMaster").roles?.includes("adviser"));
    assert.equal(find(entities, "Seth Borenstein").type, "person");
  });

  it("a person 'of' an institution is two names, an institution 'of' a field is one", () => {
    const entities = extractEntities(
      docsOf(
        "The research was led by Alexander Hristov of Penn State University. Experts at the Schar School of Policy and Government agreed.",
      ),
    );
    assert.equal(find(entities, "Alexander Hristov").type, "person");
    assert.equal(find(entities, "Penn State University").type, "organization");
    find(entities, "Schar School of Policy and Government");
  });

  it("well-known given names not in every list (Mitt, Newt, Jeb) make a name even at a sentence start", () => {
    const entities = extractEntities(docsOf("Mitt Romney's official Facebook page lost fans on Tuesday."));
    assert.equal(find(entities, "Mitt Romney").type, "person");
  });

  it("'the' before a name that modifies a noun ('the Harrow-Quill team') is no evidence against a person", () => {
    const docs = docsOf(
      "Rosalind Harrow and Thaddeus Quill reunite in a comedy about two cousins who inherit a ski lodge. " +
        "The Harrow-Quill team has worked together for years. Harrow plays a tax lawyer. " +
        "The Harrow family sells the lodge.",
      "Harrow and Quill do their best. Harrow is funny. Harrow runs the lodge, and Quill books a band.",
    );
    assert.equal(find(extractEntities(docs), "Rosalind Harrow").type, "person");
    // "the Lewisham Odeon": a name with an article of its own is still not a person
    const odeon = docsOf(
      "Crowds queued outside the Lewisham Odeon on Friday. The Lewisham Odeon closes next year.",
    );
    assert.notEqual(find(extractEntities(odeon), "Lewisham Odeon").type, "person");
  });

  it("a first name from the long list (Tina, Seth) before a surname is evidence of a person", () => {
    // "The Ralston name" counts against a person; only the first name, on the long list, counts for one
    const docs = docsOf("Tina Ralston was seen at the Lewisham Odeon. The Ralston name was on the poster.");
    assert.equal(find(extractEntities(docs), "Tina Ralston").type, "person");
    // a first name that is more often a word is no evidence: "Hope Air" flies patients
    const charity = extractEntities(
      docsOf(
        "Hope Air, which provides free flights to patients, booked the trip. " +
          "Volunteers from Hope Air, which has a dozen pilots, met the family.",
      ),
    );
    assert.notEqual(find(charity, "Hope Air").type, "person");
    // a compass word, a particle or a hyphenated place is not a first name
    const places = docsOf("Cadets marched at West Point on Friday. Fog closed La Guardia in the morning.");
    const entities = extractEntities(places);
    assert.notEqual(find(entities, "West Point").type, "person");
  });

  it("a name that is all of a quotation is a title of a work, not a person", () => {
    const docs = docsOf(
      "The studio ran a campaign called “Copper Lantern,” with ads during the game. " +
        "Critics said “Copper Lantern” was the best spot of the evening. Viewers shared Copper Lantern online.",
    );
    assert.equal(find(extractEntities(docs), "Copper Lantern").type, "other");
  });

  it("names with a particle are people, and the surname after 'al-' is one of their aliases", () => {
    const docs = docsOf(
      "Sudan's Omar al-Hamdi flew home on Monday. The warrant names Osama bin Tariq and Anke von der Brel. " +
        "Hamdi said he was innocent. On Tuesday, al-Hamdi met fighters from al-Shabab.",
    );
    const entities = extractEntities(docs);
    const hamdi = find(entities, "Omar al-Hamdi");
    assert.equal(hamdi.type, "person");
    assert.deepEqual(surfaces(docs, hamdi), ["Omar al-Hamdi", "Hamdi", "al-Hamdi"]);
    assert.equal(find(entities, "Osama bin Tariq").type, "person");
    assert.equal(find(entities, "Anke von der Brel").type, "person");
    assert.equal(find(entities, "al-Shabab").type, "organization");
  });

  it("a name after the kind of work it is, or after 'starred in', is a work", () => {
    const docs = docsOf(
      "He lent his voice to the animated series Copper Harbor last year. Critics loved the sitcom Dunmore Heights. " +
        "She starred in Glass Orchard before her first album.",
    );
    const entities = extractEntities(docs);
    for (const name of ["Copper Harbor", "Dunmore Heights", "Glass Orchard"])
      assert.equal(find(entities, name).type, "other", name);
  });

  it("a sailor's or an airman's rank is a title, and an award named by its kind is not a person", () => {
    const docs = docsOf(
      "Seaman Tobias Rennick Vale died during training on Friday. Vale had earned the Harbor Service Medal. " +
        "Senior Airman Lena Ostrow said she had trained with Vale. He also held the Marksman Rifle Qualification.",
    );
    const entities = extractEntities(docs);
    assert.equal(find(entities, "Tobias Rennick Vale").type, "person");
    assert.equal(find(entities, "Lena Ostrow").type, "person");
    assert.ok(
      !entities.some((e) => /^(?:Seaman|Senior Airman) /.test(e.name)),
      "the rank is not part of the name",
    );
    assert.equal(find(entities, "Marksman Rifle Qualification").type, "other");
  });

  it("J.P. Morgan is the bank, not a person", () => {
    const entities = extractEntities(docsOf("Analysts at J.P. Morgan said the shares were undervalued."));
    assert.equal(find(entities, "JPMorgan").type, "organization");
  });
});

describe("extractEntities: what is not an entity", () => {
  it("ignores the article's own author and outlet", () => {
    const [doc] = docsOf(
      "Priya Natarajan reports that Mayor Dana Whitlock closed the bridge. Metro News Network asked why.",
    );
    doc!.article.author = "Priya Natarajan";
    doc!.article.outlet = "Metro News Network";
    const names = extractEntities([doc!]).map((e) => e.name);
    assert.ok(names.includes("Dana Whitlock"));
    assert.ok(!names.includes("Priya Natarajan"));
    assert.ok(!names.includes("Metro News Network"));
  });

  it("ignores months, weekdays and capitalised sentence openers", () => {
    const names = extractEntities(
      docsOf("However, the vote was delayed. Preparations began on Tuesday. In March the council met again."),
    ).map((e) => e.name);
    assert.deepEqual(names, []);
  });

  it("returns nothing for an empty cluster", () => {
    assert.deepEqual(extractEntities([]), []);
  });
});

describe("extractEntities: resources and errors", () => {
  it("uses a gazetteer passed in", () => {
    const base = defaultGazetteer();
    const entries = new Map(base.entries);
    entries.set(normKey("Zorvania"), { name: "Zorvania", type: "place" });
    const gazetteer: Gazetteer = { ...base, entries };
    const docs = docsOf("Zorvania signed the pact. Zorvania will host the summit.");
    const without = extractEntities(docs).find((e) => e.name === "Zorvania");
    assert.notEqual(without?.type, "place");
    assert.equal(find(extractEntities(docs, { gazetteer }), "Zorvania").type, "place");
  });

  it("rejects input that is not a list of Docs with BAD_FIELD", () => {
    assert.throws(
      () => extractEntities([{ article: {} } as unknown as Doc]),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_FIELD",
    );
    assert.throws(
      () => extractEntities("text" as unknown as Doc[]),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_FIELD",
    );
  });
});

describe("entities: dates and generic nouns are not names", () => {
  const docs = docsOf(
    "City officials in Marrowby closed the Quill Street pier on Friday. A Jan. 22 report by the firm Osk & Lind " +
      "had warned of rot, and Jan Ostrowski, the harbor master, said the City Council ignored it.",
    "County engineers said the pier could reopen by Aug. 3. Port officials declined to comment, and Ostrowski said " +
      "the City Council will meet on March 9.",
    "City officials said the Quill Street pier stays closed. Ostrowski told the Marrowby Gazette the Council was warned.",
  );
  const entities = extractEntities(docs);
  const names = entities.map((e) => e.name);

  it("a month before a day number is a date, while the same word as a given name stays a person", () => {
    const at = (doc: number, phrase: string) => docs[doc]!.article.text.indexOf(phrase);
    const dates = [
      { articleId: "a0", start: at(0, "Jan. 22") },
      { articleId: "a1", start: at(1, "Aug. 3") },
    ];
    for (const e of entities)
      for (const m of e.mentions)
        for (const d of dates)
          assert.ok(
            !(m.articleId === d.articleId && m.start <= d.start && d.start < m.end),
            `the date at ${d.articleId}:${d.start} is a mention of ${e.name}`,
          );
    assert.equal(find(entities, "Jan Ostrowski").type, "person");
  });

  it("a generic noun alone ('City officials', 'County engineers') is not an entity; the full name is", () => {
    for (const generic of ["City", "County", "Port"])
      assert.ok(!names.includes(generic), `${generic} listed`);
    assert.equal(find(entities, "City Council").type, "organization");
  });

  it("'Quill St.' and 'Quill Street' are one place; a leading 'St.' stays a saint", () => {
    const more = docsOf(
      "The pier at the end of Quill St. was closed, the Marrowby Gazette reported.",
      "Traffic on Quill Street backed up for a mile. Crews from St. Brendan Hospital stood by.",
    );
    const found = extractEntities(more);
    const street = find(found, "Quill Street");
    assert.deepEqual([...street.aliases].sort(), ["Quill St."]);
    assert.equal(street.sources, 2);
    assert.ok(
      found.some((e) => e.name === "St. Brendan Hospital"),
      found.map((e) => e.name).join(", "),
    );
  });

  it("institutions named with a state or 'of': one organisation each, typed by their head word", () => {
    const found = extractEntities(
      docsOf(
        "Researchers from Florida Atlantic University and the University of Oregon surveyed the site on Monday.",
        "The Georgia Bureau of Investigation and the Ohio Department of Health joined AT&T engineers in the Gulf of Mexico.",
        "The remains were moved to Pineview Cemetery, a member of Congress told the Quillby Globe.",
      ),
    );
    const typeOf = (name: string) => find(found, name).type;
    assert.equal(typeOf("Florida Atlantic University"), "organization");
    assert.equal(typeOf("University of Oregon"), "organization");
    assert.equal(typeOf("Georgia Bureau of Investigation"), "organization");
    assert.equal(typeOf("Ohio Department of Health"), "organization");
    assert.equal(typeOf("AT&T"), "organization");
    assert.equal(typeOf("Gulf of Mexico"), "place");
    assert.equal(typeOf("Pineview Cemetery"), "place");
    assert.equal(typeOf("Quillby Globe"), "organization");
    const names = found.map((e) => e.name);
    // the pieces are not listed as entities of their own
    for (const piece of ["Florida", "Oregon", "Georgia", "Ohio", "Persian Gulf", "Atlantic University"])
      assert.ok(!names.includes(piece), `${piece} listed: ${names.join(", ")}`);
    assert.ok(names.includes("Congress"), names.join(", "));
  });

  it("an unlisted first name opening a sentence starts the name when a suffix or an age follows", () => {
    const found = extractEntities(
      docsOf(
        "Theodus Grange II, owner of the funeral home, has a cousin buried there. Grange said building was wrong.",
        "Delmore Ruggs, 34, was arrested on Monday. Residents Hall Jr. and others watched.",
      ),
    );
    const names = found.map((e) => e.name);
    assert.equal(find(found, "Theodus Grange II").type, "person");
    assert.ok(find(found, "Theodus Grange II").aliases.includes("Grange"), names.join(", "));
    assert.equal(find(found, "Delmore Ruggs").type, "person");
    assert.ok(!names.some((n) => n.startsWith("Residents")), names.join(", "));
  });

  it("'Martin Luther King, Jr. Avenue' is one place; a person's initials ('JFK') do not make him an organisation", () => {
    const found = extractEntities(
      docsOf(
        "The march ended on Martin Luther King, Jr. Avenue, where John F. Kennedy had spoken in 1963.",
        "JFK said the city would remember. JFK's aides agreed. JFK left. JFK returned to Washington that night.",
      ),
    );
    const names = found.map((e) => e.name);
    assert.equal(find(found, "Martin Luther King, Jr. Avenue").type, "place");
    assert.ok(!names.includes("Jr. Avenue"), names.join(", "));
    const jfk = find(found, "John F. Kennedy");
    assert.equal(jfk.type, "person");
    assert.ok(jfk.aliases.includes("JFK"), jfk.aliases.join(", "));
  });

  it("a surname after 'von' or 'van' is a person's, even when it is also a newspaper's word ('von Post')", () => {
    const found = extractEntities(
      docsOf(
        "In 1955 he wrote to a Swedish socialite named Ilsabet von Post, the Harbor Post reported.",
        "His letters to Ilsabet von Post were sold on Monday. Von Post kept them for decades, and von Post's estate sold them.",
      ),
    );
    const person = find(found, "Ilsabet von Post");
    assert.equal(person.type, "person");
    assert.equal(find(found, "Harbor Post").type, "organization");
    assert.ok(person.mentions.length >= 3, `${person.mentions.length} mentions`);
  });

  it("parties, chief executives, appositive roles and events: what a report on a summit names", () => {
    const found = extractEntities(
      docsOf(
        "The ruling Law and Justice Party has a broad agenda. Ostrava CEO Lena Kraal said the GDP grew.",
        "Mateusz Kolbrek, mayor of a small town, said the Group of 20 summit in Franco-German-dominated Europe mattered.",
        "Kolbrek spoke near the site of the Warsaw Uprising. Sen. Mike Lee (R-Utah) said Nato allies would pay more.",
      ),
    );
    const names = found.map((e) => e.name);
    assert.equal(find(found, "Law and Justice Party").type, "organization");
    const kraal = find(found, "Lena Kraal");
    assert.equal(kraal.type, "person");
    assert.deepEqual(kraal.roles, ["ceo"]);
    const kolbrek = find(found, "Mateusz Kolbrek");
    assert.equal(kolbrek.type, "person");
    assert.ok(kolbrek.aliases.includes("Kolbrek"));
    assert.equal(find(found, "Warsaw Uprising").type, "other");
    assert.ok(names.includes("Franco-German"), names.join(", "));
    assert.equal(find(found, "North Atlantic Treaty Organization").type, "organization");
    for (const bad of ["Party", "GDP", "CEO", "Group", "Franco-German-dominated", "R-Utah", "Nato"])
      assert.ok(!names.includes(bad), `${bad} listed: ${names.join(", ")}`);
  });

  it("two institutions joined by 'and', capitals headings and '-leaning' endings are not one name", () => {
    const found = extractEntities(
      docsOf(
        "Lovelace attended Crestview High School and Faulkner State Community College before joining the Navy.",
        "UNLAWFUL ENTRY: A Republican-leaning group in Alder County reported the theft on Monday.",
        "STOLEN VEHICLE: Police in Alder County said the car was found on Tuesday. The Party met in Alder County.",
        "LARCENY FROM AUTO, 2017-0724, 4200 block of Quill Street. An SUV was taken. PLEASE call, police said; please help.",
      ),
    );
    const names = found.map((e) => e.name);
    assert.ok(names.includes("Crestview High School"), names.join(", "));
    assert.ok(names.includes("Faulkner State Community College"), names.join(", "));
    assert.ok(names.includes("Quill Street"), names.join(", "));
    for (const bad of [
      "UNLAWFUL ENTRY",
      "STOLEN VEHICLE",
      "Republican-leaning",
      "Party",
      "LARCENY",
      "AUTO",
      "SUV",
      "PLEASE",
    ])
      assert.ok(!names.includes(bad), `${bad} listed: ${names.join(", ")}`);
    assert.ok(!names.some((n) => n.includes(" and ")), names.join(", "));
  });

  it("a road keeps its number; stock codes and a bare Roman numeral are no entities", () => {
    const found = extractEntities(
      docsOf(
        "Trucks on Interstate 5 were stuck for hours, and Highway 101 closed near Alder Springs on Monday.",
        "Cereal maker Kellogg Co (K.N) and Clorox (CLX.N) left Alder Springs, where one worker has bipolar II disorder.",
      ),
    );
    const names = found.map((e) => e.name);
    assert.equal(find(found, "Interstate 5").type, "place");
    assert.equal(find(found, "Highway 101").type, "place");
    for (const bad of ["Interstate", "Highway", "N", "CLX", "K.N", "II"])
      assert.ok(!names.includes(bad), `${bad} listed: ${names.join(", ")}`);
    assert.ok(names.includes("Clorox"), names.join(", "));
  });

  it("a person's gender comes from the pronouns that take her up when no name or title says it", () => {
    const found = extractEntities(
      docsOf(
        "Mayor Ilsabet Vask opened the bridge. Vask was elected in May. She said the bridge would reopen.",
        "Vask visited the site on Monday, where she met engineers. Engineers told Vask and Tarrin Oren he was late.",
        "Tarrin Oren, 44, met Vask. She left early.",
      ),
    );
    assert.equal(find(found, "Ilsabet Vask").gender, "female");
    // one cue is not enough, and a sentence naming two people gives none
    assert.equal(find(found, "Tarrin Oren").gender, undefined);
  });

  it("a capital letter before a hyphen and a common word ('H-bombs', 'T-shirts') is not a name", () => {
    const found = extractEntities(
      docsOf(
        "Inspectors fear the site may be used to develop H-bombs, Mara Vell of the Oslo Peace Institute said. " +
          "Volunteers in T-shirts handed out X-rays of the damaged pier.",
      ),
    );
    const names = found.map((e) => e.name);
    for (const word of ["H-bombs", "T-shirts", "X-rays"])
      assert.ok(!names.some((n) => n.includes(word)), `${word} listed: ${names.join(", ")}`);
    assert.equal(find(found, "Mara Vell").type, "person");
  });

  it("a lower-case 'peninsula' completing a known place joins it; 'the Fake News' in a quoted post is no one", () => {
    const docs = docsOf(
      "Envoys met in Hanoi to discuss the future of the Korean Peninsula, the ministry said.",
      "Both leaders vowed to bring peace to the Korean peninsula. " +
        "The mayor, Mara Vell, wrote on Twitter: “This is more than anyone has done, and the Fake News knows it.”",
      "Troops on the North Korean peninsula border were put on alert.",
    );
    const found = extractEntities(docs);
    const place = find(found, "Korean Peninsula");
    assert.equal(place.type, "place");
    assert.equal(place.sources, 2, surfaces(docs, place).join(" | "));
    const names = found.map((e) => e.name);
    assert.ok(!names.some((n) => /news|^peninsula$/i.test(n)), names.join(", "));
    assert.equal(find(found, "Mara Vell").type, "person");
  });

  it("a first name opening a sentence starts the name; a word also used in lower case does not", () => {
    const docs = docsOf(
      "Zack Orrin, 34, was arrested on Friday at the Port Alder ferry terminal. Orrin told police he was innocent.",
      "Hope Kestrel Council members met on Monday. Officials said there was little hope of a quick fix. " +
        "Wall street traders shrugged. Staten island, n.y. -- the ferry ran late.",
    );
    const found = extractEntities(docs);
    const zack = find(found, "Zack Orrin");
    assert.equal(zack.type, "person");
    assert.deepEqual(surfaces(docs, zack), ["Zack Orrin", "Orrin"]);
    const names = found.map((e) => e.name);
    assert.ok(!names.some((n) => n.startsWith("Hope")), names.join(", "));
    assert.ok(names.includes("Wall Street") && names.includes("Staten Island"), names.join(", "));
  });
});

describe("extractEntities: era markers are no names", () => {
  const docs = docsOf(
    "Divers found a Roman ship from the first century A.D. off Vendicari. It sank around AD 79, and its jars date to 200 BC.",
    "The Vendicari wreck dates to the first century AD, the Sicilian heritage office said.",
  );
  const names = extractEntities(docs).map((e) => e.name);

  it("drops A.D., AD and BC beside a year or a century, and keeps the names around them", () => {
    for (const era of ["A.D.", "AD", "BC"]) assert.ok(!names.includes(era), names.join(", "));
    assert.ok(names.includes("Vendicari"), names.join(", "));
  });
});
