/**
 * Agreement, uniqueness and conflicts across sources. Planted conflicts live in the invented fixtures
 * (test/fixtures/analysis/) and in the bundled example (12,000 against 14,000 vehicles a day); the seeds
 * must yield no conflict at all.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Comparison, compareSources } from "../src/analyze/compare.ts";
import { offTopicDocs } from "../src/analyze/timeline.ts";
import { NewsweaveError } from "../src/errors.ts";
import { ingestPath } from "../src/ingest/index.ts";
import { prepare } from "../src/pipeline.ts";
import { analyzeCluster } from "../src/summarize/index.ts";
import type { Article, Doc } from "../src/types.ts";
import { fixtureDocs, fixtureNames, loadFixture } from "./fixtures/analysis/load.ts";

const example = prepare((await ingestPath("examples/harbor-bridge")).articles);
const seeds = prepare((await ingestPath("../shared/seeds")).articles);

function cluster(...texts: [string, string?][]): Doc[] {
  return prepare(
    texts.map(([text, published], k): Article => {
      const a: Article = {
        id: `s${k}`,
        outlet: `Outlet ${k}`,
        text,
        origin: { source: `s${k}.txt`, format: "text" },
      };
      if (published) a.published = published;
      return a;
    }),
  );
}

/** Each pair of statements, as two articles published the same day, yields no conflict. */
function assertNoConflicts(cases: readonly [string, string][]): void {
  for (const [a, b] of cases) {
    const r = compareSources(cluster([a, "2024-06-04"], [b, "2024-06-04"]));
    assert.deepEqual(
      r.conflicts.map((c) => c.values.map((v) => v.text)),
      [],
      `"${a}" / "${b}"`,
    );
  }
}

/** Which side of the conflict each article is on (index of its value group). */
function sides(c: Comparison["conflicts"][number]): Map<string, number> {
  const out = new Map<string, number>();
  c.values.forEach((v, k) => {
    for (const x of v.citations) out.set(x.articleId, k);
  });
  return out;
}

describe("conflicts", () => {
  for (const name of fixtureNames()) {
    test(`fixture ${name}: every planted conflict is found and nothing else`, () => {
      const f = loadFixture(name);
      const result = compareSources(fixtureDocs(f));
      for (const p of f.conflicts) {
        const [[a, va], [b, vb]] = p.between;
        const hit = result.conflicts.find((c) => {
          const s = sides(c);
          return c.kind === p.kind && s.has(a) && s.has(b) && s.get(a) !== s.get(b);
        });
        assert.ok(hit, `${p.kind} conflict between ${a} and ${b}`);
        const textOf = (id: string) =>
          hit.values.find((v) => v.citations.some((x) => x.articleId === id))!.text;
        assert.ok(
          textOf(a).includes(va) || va.includes(textOf(a)),
          `${a} states "${va}", got "${textOf(a)}"`,
        );
        assert.ok(
          textOf(b).includes(vb) || vb.includes(textOf(b)),
          `${b} states "${vb}", got "${textOf(b)}"`,
        );
      }
      assert.equal(result.conflicts.length, f.conflicts.length, "no conflict that was not planted");
    });
  }

  test("the bundled example: exactly the planted 12,000 against 14,000 vehicles a day", () => {
    const { conflicts } = compareSources(example);
    assert.equal(conflicts.length, 1);
    const c = conflicts[0]!;
    assert.equal(c.kind, "number");
    const s = sides(c);
    assert.notEqual(s.get("02-alder-daily"), undefined);
    for (const other of ["01-coastal-herald", "05-feed#0"]) {
      assert.ok(s.has(other), `${other} states 12,000`);
      assert.notEqual(s.get(other), s.get("02-alder-daily"));
    }
    assert.deepEqual(c.values.map((v) => v.value).sort(), ["12000", "14000"]);
    // each value points at its own words in the cited article
    const byId = new Map(example.map((d) => [d.article.id, d]));
    for (const v of c.values) {
      const src = byId.get(v.citations[0]!.articleId)!;
      assert.equal(src.article.text.slice(v.start, v.end), v.text);
    }
  });

  test("the seeds: no conflict", () => {
    assert.deepEqual(compareSources(seeds).conflicts, []);
  });

  test("the issue's examples: '12 killed' against '14 killed', 'end of February' against 'March'", () => {
    const killed = cluster(
      [
        "A bus crash on the coastal highway on Monday left 12 killed and dozens hurt, police said.",
        "2024-06-04",
      ],
      [
        "A bus crash on the coastal highway on Monday left 14 killed and dozens hurt, police said.",
        "2024-06-04",
      ],
    );
    const k = compareSources(killed).conflicts;
    assert.equal(k.length, 1);
    assert.equal(k[0]!.kind, "number");
    const when = cluster(
      [
        "The two leaders will hold their second summit at the end of February, officials confirmed.",
        "2019-01-20",
      ],
      ["The two leaders will hold their second summit in March, officials confirmed.", "2019-01-20"],
    );
    const w = compareSources(when).conflicts;
    assert.equal(w.length, 1);
    assert.equal(w[0]!.kind, "date");
  });

  test("different quantities of different things are not conflicts", () => {
    const cases: [string, string][] = [
      [
        "The storm dropped 4 inches of rain on the valley on Saturday.",
        "The storm dropped 6 inches of snow on the valley on Saturday.",
      ],
      [
        "The city approved a $1.8 million repair contract for the bridge.",
        "The bridge repair for the city will cost $3.2 million.",
      ],
      [
        "At least 12 buses were damaged in the depot fire on the highway.",
        "The depot fire on the highway damaged 14 buses.",
      ],
      [
        "Rescuers pulled 180 passengers from the water after the ferry sank.",
        "The ferry was carrying 230 passengers when it sank in the bay.",
      ],
      [
        "The first bridge over the river was finished in 1961.",
        "The second bridge over the river was finished in 1998.",
      ],
      [
        "Wind and solar made up 10 percent of power in March.",
        "Wind and solar made up 8.6 percent of power in March 2016.",
      ],
      // a total and one of its parts, the other part given beside it
      [
        "So far 3.3 million people have signed up for private health insurance through the exchanges, the administration said.",
        "The administration said 1.9 million people have signed up for private health insurance through the federal exchange, while 1.4 million signed up through state exchanges.",
      ],
      // two years written out: two events
      [
        "Note: the solar eclipse of November 3, 2013 has ended.",
        "A partial solar eclipse shines in the skies over Manila in January 2009.",
      ],
    ];
    assertNoConflicts(cases);
  });

  test("casualty counts that differ are reported, however differently they are worded", () => {
    // three outlets on an invented quake: different verbs, few shared words, counts at different hours
    const docs = cluster(
      [
        "A magnitude 6.1 earthquake struck the hill town of Varenna before dawn on Monday. At least 31 people are dead and 120 were injured, the regional governor said. Rescuers worked through the rubble of the old quarter.",
        "2024-06-04",
      ],
      [
        "Rescue teams dug through collapsed houses in Varenna on Monday. The quake killed 27 people, officials told reporters. Schools across the region were closed.",
        "2024-06-04",
      ],
      [
        "Survivors of the Varenna earthquake slept in tents on Monday night. The death toll rose to 31, and 120 people were hurt, according to the civil protection agency.",
        "2024-06-04",
      ],
    );
    const tolls = compareSources(docs).conflicts.filter((c) => c.subject === "death toll");
    assert.equal(tolls.length, 1);
    const byArticle = sides(tolls[0]!);
    // 31 in s0 and s2, 27 in s1
    assert.equal(byArticle.get("s0"), byArticle.get("s2"));
    assert.notEqual(byArticle.get("s0"), byArticle.get("s1"));
    assert.deepEqual(tolls[0]!.values.map((v) => v.value).sort(), ["27", "31"]);
    assert.match(tolls[0]!.values.find((v) => v.value === "31")!.text, /^At least 31 people are dead$/);
    // the injured agree (120 and 120): no conflict on them
    assert.equal(compareSources(docs).conflicts.filter((c) => c.subject === "injured").length, 0);
    // the wounded and the missing, a weekday after the verb
    const more = compareSources(
      cluster(
        [
          "Gunfire at a block party in Bunny Friend Park wounded 16 people, and three people are missing, police said.",
          "2024-06-04",
        ],
        [
          "Seventeen people were injured Sunday night after gunfire at a block party in Bunny Friend Park, and police said five remain missing.",
          "2024-06-04",
        ],
      ),
    ).conflicts;
    assert.deepEqual(more.map((c) => [c.subject, c.values.map((v) => v.value)]).sort(), [
      ["injured", ["16", "17"]],
      ["missing", ["3", "5"]],
    ]);
  });

  test("casualty counts are read in the ways news writes them", () => {
    const cases: [string, string, string, string[]][] = [
      [
        "A fire tore through a textile factory in Dunmore on Monday night and killed 12 people, fire officials said.",
        "The death toll from Monday's textile factory fire in Dunmore rose to 15 on Tuesday, fire officials said.",
        "death toll",
        ["death toll from Monday's textile factory fire in Dunmore rose to 15", "killed 12 people"],
      ],
      [
        "A plane crashed after take-off from Linden airport on Friday, and all 48 people on board were killed, the aviation authority said.",
        "A plane crashed after take-off from Linden airport on Friday, killing 52 people, the aviation authority said.",
        "death toll",
        ["48 people on board were killed", "killing 52 people"],
      ],
      [
        "A fire at a textile factory killed 12 people in Dunmore on Monday, fire officials said.",
        "A fire at a textile factory in Dunmore on Monday killed 15 people, fire officials said.",
        "death toll",
        ["killed 12 people", "killed 15 people"],
      ],
      [
        "Gunmen opened fire at the Linden market on Friday, killing two people and injuring 8 others, police said.",
        "Gunmen killed two people and injured 11 others at the Linden market on Friday, police said.",
        "injured",
        ["injured 11 others", "injuring 8 others"],
      ],
    ];
    for (const [a, b, subject, texts] of cases) {
      const found = compareSources(cluster([a, "2024-06-04"], [b, "2024-06-04"])).conflicts.filter(
        (c) => c.subject === subject,
      );
      assert.deepEqual(
        found.map((c) => c.values.map((v) => v.text).sort()),
        [texts.sort()],
        `"${a}" / "${b}"`,
      );
    }
  });

  test("casualty counts of different people, places, times or things are not conflicts", () => {
    const cases: [string, string][] = [
      // a part against the whole: another noun, another place
      [
        "The storm killed 46 people across the region, officials said on Tuesday.",
        "Two boys were killed when a tree fell on their house during the storm on Tuesday.",
      ],
      [
        "Sandstorm Ria killed 12 people in Port Ellis and flooded the harbour.",
        "Sandstorm Ria killed 30 people, officials said, and flooded the harbour.",
      ],
      // an earlier toll or another event the article recalls
      [
        "The floods killed 17 people in the valley this week, the governor said.",
        "Floods in the valley a year earlier killed 40 people, the governor recalled this week.",
      ],
      // ages, parts of a group, people counted among others
      [
        "Ernest Hale, 38, died outside his home in the valley, police said.",
        "Police said four people died in the valley shootings.",
      ],
      [
        "Special forces killed two of the attackers at the hotel, the ministry said.",
        "The attackers at the hotel killed 30 people, the ministry said.",
      ],
      [
        "A gunman and at least one other person are dead after the shooting at the mall.",
        "Two people died in the shooting at the mall, police said.",
      ],
      // "dead" describing a noun: three men found dead, not a toll
      [
        "Rescuers found three dead men in the car after the crash on the coast road.",
        "The crash on the coast road killed five people, rescuers said.",
      ],
      // "29 others" were killed besides someone named before them
      [
        "The bodies of seven cargo workers were found near the terminal, and 29 others were killed in the airport attack.",
        "The airport attack killed 36 people, officials said.",
      ],
      // a floor the other count clears
      [
        "Fifteen people died and more than 35 were injured in the attacks at the mosque, officials said.",
        "At least 15 people were killed and 39 injured in the attacks at the mosque, officials said.",
      ],
      // a round lower bound that the other count meets
      [
        "More than a dozen people died in the gas attack on the subway.",
        "The gas attack on the subway killed 13 people.",
      ],
      // a projection against a count
      [
        "Officials fear the death toll could rise to 200 after the landslide.",
        "The landslide killed 45 people, officials said.",
      ],
      // a day's toll against a war's, in statements that share little
      [
        "Four people were killed across the province on Tuesday, activists said.",
        "The United Nations says more than 7,500 people have now died in the province.",
      ],
    ];
    assertNoConflicts(cases);
  });

  test("numbers that are not one fact told twice are not conflicts", () => {
    const cases: [string, string][] = [
      // the other sentence states the same number in another role
      [
        "Volunteers who ate two meals a day lost more weight than those who ate six.",
        "Compared with volunteers eating six meals a day, those who ate two lost more weight.",
      ],
      // ages of different people
      [
        "Police charged a 34-year-old man with the robbery of the corner store.",
        "Police said a 19-year-old clerk was hurt in the robbery of the corner store.",
      ],
      // one stem, two nouns
      [
        "The health survey tracked 800 villagers in the hill region of Norland.",
        "The health survey covered two villages in the hill region of Norland.",
      ],
      // a projection against a count
      [
        "Health officials said the outbreak could exceed 5,000 cases by the winter.",
        "Health officials said the outbreak has reached 1,200 cases so far.",
      ],
      // a rate against a total
      [
        "The new plant will capture about one tonne of carbon per day, the company said.",
        "The new plant has captured 10 tonnes of carbon since June, the company said.",
      ],
      // a measure of the mirrors against a count of them
      [
        "Three mirrors on the mountain will reflect winter sunlight into the town square.",
        "The 300 square foot mirrors on the mountain will reflect winter sunlight into the town square.",
      ],
      // durations of different things
      [
        "A judge sentenced the former producer to 12 years in prison for the murder.",
        "The former producer has been in prison for 4 years awaiting the murder verdict.",
      ],
      // one number written more roundly than the other
      [
        "The carmaker agreed to recall 2.6 million cars over faulty ignition switches.",
        "The carmaker will recall 2.59 million cars over faulty ignition switches.",
      ],
      // shares of different things
      [
        "Firefighters who worked at the site are 19 percent more likely to have cancer, the study found.",
        "Cancer among firefighters who worked at the site was 32 percent higher, the study found.",
      ],
      // a number in words
      [
        "One hundred and three patients with the disease took part in the trial of the drug.",
        "The trial of the drug enrolled 103 patients with the disease.",
      ],
      // a year against a day, and a photo caption
      [
        "The park where the diamond was found was established in 1972, officials said.",
        "Officials said the diamond was found in the park on June 24, 2015.",
      ],
      // a part of a set against the whole set
      [
        "After the first post was removed, the intruder kept posting, and the other two posts were removed too.",
        "The league has removed all three posts sent by the intruder from its account.",
      ],
      [
        "The storm left another 24 inches of snow on Tuesday across the lake shore towns.",
        "The storm left 34 inches of snow across the lake shore towns, the weather service said.",
      ],
      // figures far apart: the club's workers and its neighbour's
      [
        "Seven temporary workers were hired as cooks by the Palm Crest resort, records show.",
        "The Palm Crest resort asked to hire 70 temporary workers as cooks, servers and maids, records show.",
      ],
    ];
    assertNoConflicts(cases);
    // votes on different things, and a score that is no vote
    assertNoConflicts([
      [
        "The Dunmore council voted 7-2 on Monday to approve the library budget.",
        "The Dunmore council voted 5-4 on Monday to reject the new parking tax.",
      ],
      [
        "Harlow Town won 3-1 at home on Saturday, with two goals from Ben Ora.",
        "Harlow Town won 2-1 at home on Saturday, with two goals from Ben Ora.",
      ],
    ]);
    // a forecast against a count, a range against a value inside it, scheduled acts of different kinds
    assertNoConflicts([
      [
        "Strell Cycles sold 40,000 electric bikes in Norvale, the company said on Tuesday.",
        "Strell Cycles expects to sell 55,000 electric bikes in Norvale, the company said on Tuesday.",
      ],
      [
        "Between 300 and 400 volunteers spent Sunday morning clearing litter from Ferndale beach.",
        "Some 350 volunteers spent Sunday morning clearing litter from Ferndale beach.",
      ],
      [
        "Ferndale will hold a public hearing on the proposed rezoning of the old Mercer mill on June 14, the city said.",
        "Ferndale city council will vote on June 21 on the proposed rezoning of the old Mercer mill, the city said.",
      ],
    ]);
    // the founding years of two things; two people with one family name in different roles
    assertNoConflicts([
      [
        "The old Harlow bridge opened in 1932 and carried trains for decades.",
        "The new Harlow ferry terminal opened in 1998 and carried trains for decades.",
      ],
      [
        "Mayor Tom Brisk said the bridge would reopen in June, the city said.",
        "Police chief Anna Brisk said the bridge would reopen in June, the city said.",
      ],
    ]);
    // sums paid in different ways, a sum in two currencies, a floor and a figure above it
    assertNoConflicts([
      [
        "Reports say the agency provided $25,000 to the informant before the meeting in Lima.",
        "Reports say the informant was given $10,000 in cash before the meeting in Lima.",
      ],
      [
        "The actress was awarded $3.6 million ($4.5 million Australian) in damages on Wednesday.",
        "The actress was awarded $4.56 million in damages on Wednesday over the articles.",
      ],
      [
        "The governor collected more than $360,000 in speaking fees last year, the records show.",
        "The governor earned $374,327 in speaking fees last year, the records show.",
      ],
    ]);
    // durations, deadlines and the dates of different acts are not one date told twice
    assertNoConflicts([
      [
        "The red panda that slipped out of the Dunmore Zoo on Saturday was found on Monday in a park nearby.",
        "The red panda is back at the Dunmore Zoo after two days on the loose in a park nearby.",
      ],
      [
        "The Kestrel Bay chemical plant was shut on Monday after a gas leak, the company said.",
        "The Kestrel Bay chemical plant reopened on Wednesday after a gas leak, the company said.",
      ],
    ]);
    // "Sales open on Friday" in articles of different days: which Friday is our guess, never a disagreement
    const friday = cluster(
      [
        "Dunmore Jazz Week returns to Kestrel Park from 9 to 11 August, organisers said on Monday. Headliners include the trio Blue Heron and singer Mara Quill. Tickets cost between £30 and £70 and go on sale on Friday. About 9,000 people are expected each day.",
        "2024-03-18",
      ],
      [
        "Blue Heron will top the bill at this year's Dunmore Jazz Week in Kestrel Park, which runs from August 9 to 11. Standing tickets cost £30, organiser Tom Reyes said. Sales open on Friday. Organisers expect around 9,000 fans a day.",
        "2024-03-18",
      ],
      [
        "Day tickets for Dunmore Jazz Week range from £30 to £70, with sales opening on Friday. The three-day event in Kestrel Park starts on 9 August. Mara Quill and Blue Heron head the bill, organiser Tom Reyes said.",
        "2024-03-19",
      ],
    );
    assert.deepEqual(compareSources(friday).conflicts, []);
    // published on a Thursday: "by Saturday" and "by the weekend" both lie ahead
    const deadline = cluster(
      ["Officials hope to reopen one lane of Route 9 by Saturday, the highway agency said.", "2024-08-01"],
      ["One lane of Route 9 could reopen by the weekend, the highway agency said.", "2024-08-01"],
    );
    assert.deepEqual(compareSources(deadline).conflicts, []);
    // a date the article never states: "that day" is our reading of an earlier date in its paragraph
    const anaphora = cluster(
      [
        "Supporters were urged to eat at a Brisket Barn restaurant on January 21, 2014, the event page said.",
        "2014-01-10",
      ],
      [
        "Fans held a rally on January 8, 2014. Supporters were urged to eat at a Brisket Barn restaurant on that day, the event page said.",
        "2014-01-10",
      ],
    );
    assert.deepEqual(
      compareSources(anaphora).conflicts.map((c) => c.values.map((v) => v.text)),
      [],
    );
    // different days, in articles with no date to resolve them against
    const days = cluster(
      ["The index fell 666 points on Friday as bank shares slid."],
      ["The index fell 1,175 points on Monday as bank shares slid."],
    );
    assert.deepEqual(compareSources(days).conflicts, []);
  });

  test("the same fact told with different numbers is still a conflict", () => {
    const cases: [string, string][] = [
      [
        "The humidifier on his ventilator was switched off for 19 hours, the inquest heard.",
        "The inquest heard the humidifier on his ventilator was turned off for 18 hours.",
      ],
      [
        "The pope bent over the barrier to bless 11-year-old Michael Keane in the crowd.",
        "The pope stopped his car to bless 10-year-old Michael Keane in the crowd.",
      ],
      [
        "Seven crew members of the two boats that collided have been arrested, police said.",
        "Six crew members of the two boats that collided have been arrested, police said.",
      ],
      // a round number is not a loose one
      [
        "About 1,000 people marched to the city hall on Saturday, the organisers said.",
        "The organisers said 1,400 people marched to the city hall on Saturday.",
      ],
      // synonyms are one noun
      [
        "Twelve people were killed when the bus left the coastal highway on Monday, police said.",
        "Police said 14 persons were killed when the bus left the coastal highway on Monday.",
      ],
      // a sum of money for no named thing
      [
        "A lost landscape by Anton Varek sold for $3.1 million at auction in Lisbury on Thursday.",
        "The lost Anton Varek landscape sold for $2.6 million at a Lisbury auction on Thursday.",
      ],
      // a vote tally, however it is written
      [
        "The Dunmore council voted 7-2 on Monday to cap short-term rentals at 90 nights a year, the clerk said.",
        "The Dunmore council voted on Monday, by six votes to three, to cap short-term rentals at 90 nights a year.",
      ],
      // a sum right after a company's name
      [
        "The regulator fined Kerrow Telecom 1.3 million euros on Wednesday for overcharging customers.",
        "The regulator fined Kerrow Telecom 3.1 million euros on Wednesday for overcharging customers.",
      ],
      // one person in one role, named with two given names
      [
        "Chief engineer Paulina Ortez said the Brackley dam was safe but that repairs would begin soon.",
        "“There is no danger to the public,” said the water authority's chief engineer, Marisol Ortez.",
      ],
      // the year one thing was founded, told with the same verb
      [
        "The Kessler brewery, which was founded in 1887, will close in May, its owners said.",
        "The Kessler brewery, founded in 1878, will close in May, its owners said.",
      ],
      // one person's age, before and after the name, in sentences that go on differently
      [
        "Nine-year-old Anika Rao of Harwick won the state spelling bee on Saturday with the word 'quixotic'.",
        "Anika Rao, 10, a fourth grader from Harwick, spelled 'quixotic' to take the title after 14 rounds.",
      ],
    ];
    for (const [a, b] of cases) {
      const r = compareSources(cluster([a, "2024-06-04"], [b, "2024-06-04"]));
      assert.equal(r.conflicts.length, 1, `"${a}" / "${b}"`);
    }
  });

  test("the comparison reuses the summarizer's alignment and gives the same result", () => {
    const analysis = analyzeCluster(example);
    assert.deepEqual(
      compareSources(example, { rep: analysis.rep, alignment: analysis.alignment }),
      compareSources(example),
    );
  });
});

describe("agreement and uniqueness", () => {
  const result = compareSources(example);
  const byId = new Map(example.map((d) => [d.article.id, d]));

  test("agreed facts are stated by two or more outlets, each cited verbatim", () => {
    assert.ok(result.agreed.length >= 8);
    for (const f of result.agreed) {
      assert.ok(f.sources >= 2);
      assert.equal(
        new Set(f.citations.map((c) => c.articleId)).size,
        f.sources,
        "sources are distinct articles",
      );
      assert.equal(f.outlets.length, f.sources);
      // the text runs from the first citation to the last one of the same article (one quotation)
      const c = f.citations[0]!;
      const end = Math.max(...f.citations.filter((x) => x.articleId === c.articleId).map((x) => x.end));
      assert.equal(byId.get(c.articleId)!.article.text.slice(c.start, end), f.text);
    }
    const detour = result.agreed.find((f) => /detour/i.test(f.text) && /20 minutes/.test(f.text));
    assert.ok(detour && detour.sources >= 4, "the 20-minute detour is told by most outlets");
  });

  test("two sentences that give different figures for one thing do not agree", () => {
    const pairs: [string, string][] = [
      [
        "Average rents in Port Alder rose 14 percent over the past year, a property survey found on Monday.",
        "Rents in Port Alder climbed 19 percent in the last year, a property survey found on Monday.",
      ],
      [
        "Police in Tarrow arrested a 29-year-old man on Thursday in connection with the March 3 robbery of Belmont Jewelers.",
        "Police in Tarrow arrested a 29-year-old man Thursday in the March 5 robbery of Belmont Jewelers.",
      ],
      [
        "Regulators fined Pellman Chemicals $250,000 on Wednesday for the spill into the Orrin River.",
        "Regulators ordered Pellman Chemicals to pay a $200,000 fine for the spill into the Orrin River.",
      ],
    ];
    for (const [a, b] of pairs) {
      const r = compareSources(cluster([a, "2024-03-08"], [b, "2024-03-08"]));
      assert.deepEqual(
        r.agreed.map((f) => f.text),
        [],
        `"${a}" / "${b}"`,
      );
    }
    // the same figures, or a figure the other sentence also gives, still agree
    const same = compareSources(
      cluster(
        [
          "About 1,750 black rhinos live in Namibia, out of a world population of 4,800, the charity said.",
          "2024-03-08",
        ],
        ["About 1,750 of the world's 4,800 black rhinos live in Namibia, the charity said.", "2024-03-08"],
      ),
    );
    assert.equal(same.agreed.length, 1);
  });

  test("an agreed fact is shown in a sentence that stands on its own when one of its sources has it", () => {
    const docs = cluster(
      [
        "The harbor council met on Tuesday to discuss the flooded ferry terminal.\nCouncil chair Ada Moss spoke first. She said the ferry terminal would reopen on March 20 after pumps clear the flooded basement.",
        "2026-03-04",
      ],
      [
        "Harbor officials expect the flooded ferry terminal to reopen on March 20, once pumps clear the basement, council chair Ada Moss said.\nFerry passengers have used buses since the storm.",
        "2026-03-04",
      ],
    );
    const fact = compareSources(docs).agreed.find((f) => /March 20/.test(f.text));
    assert.ok(fact, "the reopening date is agreed");
    assert.match(fact.text, /^Harbor officials expect/);
    assert.equal(fact.sources, 2, "both outlets are still cited");
    assert.equal(fact.citations[0]!.articleId, "s1", "the first citation is the sentence shown");
  });

  test("a quotation over two sentences that several outlets carry is one agreed statement", () => {
    const whole = result.agreed.filter((f) => /not one day sooner/.test(f.text));
    assert.equal(whole.length, 1, whole.map((f) => f.text).join(" | "));
    assert.match(whole[0]!.text, /gamble with people's lives\. The bridge stays closed/);
    assert.ok(whole[0]!.sources >= 3);
    assert.ok(!result.agreed.some((f) => f !== whole[0] && /gamble with people/.test(f.text)));
  });

  test("unique facts are 'only in' one outlet, and the unrelated feed item is left out", () => {
    assert.ok(result.unique.length >= 5);
    for (const f of result.unique) {
      assert.equal(f.sources, 1);
      assert.equal(f.label, `only in ${f.outlets[0]}`);
    }
    assert.ok(
      result.unique.some((f) => /Coast Guard/.test(f.text) && f.outlets[0] === "01-coastal-herald"),
      "the Coast Guard is mentioned only by 01",
    );
    assert.ok(!result.unique.some((f) => /maple|sugarhouse|pancake/i.test(f.text)));
    assert.ok(!result.agreed.some((f) => /maple|sugarhouse|pancake/i.test(f.text)));
  });

  test("a passage an article repeats is listed once among the facts only it reports", () => {
    const told = "Grant was a skilled horseman who rode at the front of the column during the siege.";
    const docs = cluster(
      [
        `Port Alder closed its harbor bridge on Tuesday after inspectors found cracked steel beams.\n${told} The mayor said the bridge would reopen in May.\nThe ferry ran late. ${told}`,
      ],
      [
        "The harbor bridge in Port Alder was shut Tuesday because of cracked beams, the city said.\nThe ferry added trips for commuters.",
      ],
    );
    const unique = compareSources(docs).unique.map((f) => f.text);
    assert.equal(unique.filter((t) => t === told).length, 1, unique.join(" | "));
  });

  test("a photo caption or a crime-log line is no fact 'only in' one outlet", () => {
    const docs = cluster(
      [
        "Port Alder closed its harbor bridge on Tuesday after inspectors found cracked steel beams.\nPhotos: the ten most dramatic bridge closures of the decade.\nThe mayor said the bridge would reopen in May.",
      ],
      [
        "Inspectors found cracked steel beams under the Port Alder harbor bridge, which closed on Tuesday.\nLARCENY FROM AUTO, 2026-0310, 4200 block of Quarry Street.\nA ferry company said it would add evening runs for stranded commuters.",
      ],
    );
    const unique = compareSources(docs).unique.map((f) => f.text);
    assert.ok(
      unique.some((t) => /ferry company/.test(t)),
      unique.join(" | "),
    );
    assert.ok(!unique.some((t) => /^Photos:|LARCENY/.test(t)), unique.join(" | "));
  });

  test("a statement is not both agreed and unique", () => {
    const key = (c: { articleId: string; sentence: number }) => `${c.articleId}#${c.sentence}`;
    const agreed = new Set(result.agreed.flatMap((f) => f.citations.map(key)));
    for (const f of result.unique) assert.ok(!agreed.has(key(f.citations[f.citations.length - 1]!)));
  });

  test("a unique fact is its article's text from its first to its last cited sentence, all in one article", () => {
    for (const f of result.unique) {
      const ids = new Set(f.citations.map((c) => c.articleId));
      assert.equal(ids.size, 1);
      const text = byId.get(f.citations[0]!.articleId)!.article.text;
      assert.equal(text.slice(f.citations[0]!.start, f.citations[f.citations.length - 1]!.end), f.text);
    }
  });

  test("a unique sentence that continues a quotation is shown with the sentence that opened it", () => {
    const docs = cluster(
      [
        "The Quill Street pier in Marrowby closed on Friday after divers found rot in its pilings. " +
          "Harbor master Jan Ostrowski said repairs would take a month.\n\n" +
          "“We saw this coming for years. The council never put a cent into the pilings,” said Ines Carvalho, who runs a fish stall on the pier.",
      ],
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Repairs will take a month, harbor master Jan Ostrowski said.",
      ],
    );
    const cmp = compareSources(docs);
    const fact = cmp.unique.find((f) => /never put a cent/.test(f.text));
    assert.ok(fact, cmp.unique.map((f) => f.text).join(" | "));
    assert.ok(fact.text.startsWith("“We saw this coming for years."), fact.text);
    assert.equal(cmp.unique.filter((f) => /saw this coming|never put a cent/.test(f.text)).length, 1);
  });

  test("a unique sentence that opens a quotation is shown with the rest of the quotation", () => {
    const docs = cluster(
      [
        "The Quill Street pier in Marrowby closed on Friday after divers found rot in its pilings.\n\n" +
          "“We begged the council for new pilings back in 2019 and again last spring. Nobody listened. " +
          "Repairs will take a month at least,” said Ines Carvalho, who runs a fish stall on the pier.",
      ],
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Repairs will take a month at least, harbor master Jan Ostrowski said.",
      ],
    );
    const cmp = compareSources(docs);
    const fact = cmp.unique.find((f) => /begged the council/.test(f.text));
    assert.ok(fact, cmp.unique.map((f) => f.text).join(" | "));
    assert.ok(fact.text.endsWith("who runs a fish stall on the pier."), fact.text);
    assert.equal(fact.citations.length, 3);
  });

  test("nothing is 'only in' one source when no other article has anything to say", () => {
    const docs = cluster(
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Repairs will take a month, harbor master Jan Ostrowski said.",
      ],
      ["Tweet with a location"],
      ["Yes"],
    );
    assert.deepEqual(compareSources(docs).unique, []);
  });

  test("a quotation shown whole in a confirmed fact is not also listed as reported by one source", () => {
    const docs = cluster(
      [
        "Zack Brown answered questions from backers on Reddit about his potato salad campaign on Tuesday. " +
          'He wrote: "I never thought this campaign would go this far with so many strangers. Ten dollars seemed like a modest goal for a salad. ' +
          'Potato salad is not controversial, and people everywhere love a harmless joke."',
      ],
      [
        "Potato salad is not controversial, and people everywhere love a harmless joke, Zack Brown wrote on Reddit. " +
          "His Kickstarter page raised more than 30,000 dollars in a week from thousands of backers.",
      ],
    );
    const cmp = compareSources(docs);
    const fact = cmp.agreed.find((f) => /not controversial/.test(f.text));
    assert.ok(fact?.text.includes("I never thought"), "the agreed fact shows the quotation from its opening");
    assert.deepEqual(
      cmp.unique.filter((f) => /never thought|modest goal/.test(f.text)).map((f) => f.text),
      [],
    );
  });

  test("on every dev cluster, no fact is listed twice: none is inside another or both confirmed and 'only in'", async () => {
    const { clusters } = await ingestPath("../shared/bench/multinews-dev.jsonl");
    const norm = (t: string) => t.replace(/\s+/g, " ").replace(/^["“”'‘’\s]+|["“”'‘’\s]+$/g, "");
    for (const c of clusters) {
      const cmp = compareSources(prepare(c.articles));
      const agreed = cmp.agreed.map((f) => norm(f.text));
      agreed.forEach((t, i) => {
        for (let j = 0; j < agreed.length; j++)
          assert.ok(j === i || !agreed[j]!.includes(t), `${c.id}: "${t.slice(0, 60)}" shown twice`);
        for (const u of cmp.unique)
          assert.notEqual(norm(u.text), t, `${c.id}: "${t.slice(0, 60)}" both ways`);
      });
    }
  });

  test("what an article about something else reports alone comes after the story's own news", () => {
    const docs = cluster(
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Repairs will take a month, harbor master Jan Ostrowski said. " +
          "The pier's fish market, run by fourteen families since 1962, will move to the Harbour Road car park.",
      ],
      [
        "The Quill Street pier in Marrowby closed Friday after divers found rot in the pilings. " +
          "Harbor master Jan Ostrowski said repairs would take a month. " +
          "The Saturday ferry crossings to Gullholm Island were cancelled until the pier reopens.",
      ],
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Glassblowers in Venetian workshops anneal borosilicate goblets overnight in kilns. " +
          "Murano artisans guard cobalt pigment recipes dating to medieval guild charters. " +
          "Tourists queue for filigree demonstrations beside lagoon vaporetto stops. " +
          "Apprentices spend seven years learning to shape chandeliers. " +
          "A single mirror can take a master craftsman three weeks to finish. " +
          "Exports to Japan doubled last year, the trade council said. " +
          "Counterfeit souvenirs from abroad undercut island prices.",
      ],
    );
    const unique = compareSources(docs).unique;
    assert.ok(unique.length >= 3, unique.map((f) => f.text).join(" | "));
    const firstOther = unique.findIndex((f) => f.citations[0]!.articleId === "s2");
    const lastStory = unique.findLastIndex((f) => f.citations[0]!.articleId !== "s2");
    assert.ok(firstOther > lastStory, unique.map((f) => f.text).join(" | "));
  });

  test("a report of the same story in other words is not set aside as off topic; an unrelated page is", () => {
    const docs = cluster(
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings. " +
          "Repairs will take a month, harbor master Jan Ostrowski said.",
      ],
      [
        "The Quill Street pier in Marrowby closed Friday after divers found rot in the pilings. " +
          "Harbor master Jan Ostrowski said repairs would take a month.",
      ],
      // no sentence of it is aligned with another article's, but it is about the pier
      [
        "Fishermen who tie up at the Quill Street pier spent the weekend moving their boats to Marrowby's north quay. " +
          "The pilings had worried them for years, one fisherman said, and the divers only confirmed it. " +
          "Nobody knows where the Quill Street fish market will go while the pier is shut for the month of repairs. " +
          "A crab buyer from Dunmere has offered the crews his slipway at half the usual fee.",
      ],
      [
        "Glassblowers in Venetian workshops anneal borosilicate goblets overnight in kilns. " +
          "Murano artisans guard cobalt pigment recipes dating to medieval guild charters. " +
          "Apprentices spend seven years learning to shape chandeliers.",
      ],
    );
    const analysis = analyzeCluster(docs);
    assert.deepEqual([...offTopicDocs(analysis.rep, analysis.alignment)], [3]);
    // what only the fishermen's report tells is listed as its own fact
    const unique = compareSources(docs, { rep: analysis.rep, alignment: analysis.alignment }).unique;
    assert.ok(
      unique.some((f) => f.citations[0]!.articleId === "s2" && /crab buyer/.test(f.text)),
      unique.map((f) => f.text).join(" | "),
    );
  });

  test("two sentences that share a person's name and title but say different things do not agree", () => {
    const docs = cluster(
      [
        "Harland's foreign minister Ilse Marwood said rivals were behind it. " +
          "Mayor Dana Whitlock closed the Kestrel Bridge on Tuesday. Ferries ran late.",
      ],
      [
        "Harland Foreign Minister Ilse Marwood would speak later. " +
          "The Kestrel Bridge was closed Tuesday by Mayor Dana Whitlock. Ferries ran late.",
      ],
    );
    const agreed = compareSources(docs).agreed.map((f) => f.text);
    assert.ok(!agreed.some((t) => /Marwood/.test(t)), agreed.join(" | "));
    assert.ok(
      agreed.some((t) => /Kestrel Bridge/.test(t)),
      agreed.join(" | "),
    );
  });

  test("the writer's own question is no fact; a question someone asked, quoted, is", () => {
    const docs = cluster(
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings.\n\n" +
          "So what will happen to the fish market that has stood there since 1962?\n\n" +
          "“Who pays for the new pilings?” council member Ruth Amadi asked at the Monday meeting.",
      ],
      ["The Quill Street pier in Marrowby closed Friday after divers found rot in the pilings."],
    );
    const texts = compareSources(docs).unique.map((f) => f.text);
    assert.ok(!texts.some((t) => /fish market/.test(t)), texts.join(" | "));
    assert.ok(
      texts.some((t) => /Ruth Amadi asked/.test(t)),
      texts.join(" | "),
    );
  });

  test("unique facts are listed most informative first", () => {
    const docs = cluster(
      [
        "Marrowby closed the Quill Street pier on Friday after divers found rot in its pilings.\n\n" +
          "Ostrowski said he was sad.\n\n" +
          "The Coast Guard barred fishing boats from the eastern basin until engineers from Halloran Marine finish their survey in April.",
      ],
      ["The Quill Street pier in Marrowby closed Friday after divers found rot in the pilings."],
    );
    const texts = compareSources(docs).unique.map((f) => f.text);
    const detail = texts.findIndex((t) => /Coast Guard/.test(t));
    const remark = texts.findIndex((t) => /was sad/.test(t));
    assert.ok(detail >= 0 && remark >= 0, texts.join(" | "));
    assert.ok(detail < remark, "the detailed statement comes before the short remark");
  });

  test("a unique sentence that leans on the one before it comes after one that stands on its own", () => {
    const docs = cluster(
      [
        "The harbor bridge reopened on Monday after three months of repairs to its cracked steel girders.\n" +
          "But the mayor also wants a tram line, a cycle lane and new lighting installed before the autumn festival.",
      ],
      [
        "After three months of repairs to cracked steel girders, the harbor bridge reopened on Monday.\n" +
          "The ferry company will sell two of its boats to a buyer in Norway.",
      ],
    );
    const texts = compareSources(docs).unique.map((f) => f.text);
    const leaning = texts.findIndex((t) => /^But the mayor/.test(t));
    const alone = texts.findIndex((t) => /^The ferry company/.test(t));
    assert.ok(leaning >= 0 && alone >= 0, texts.join(" | "));
    assert.ok(
      alone < leaning,
      "the self-contained fact is listed first, though the other has more rare words",
    );
  });

  test("facts that need the sentence before them come after every fact that stands on its own", () => {
    const docs = cluster(
      [
        "The harbor bridge reopened on Monday after three months of repairs to its cracked steel girders.\n" +
          "Harbor pilot Mara Quint has guided ships past the bridge for thirty years.\n" +
          "“Engineers from Oslo, Rotterdam and Hamburg inspected 412 rivets, 96 beams and 18 cable anchors before the Kessling Authority signed off,” she said.",
      ],
      [
        "After three months of repairs to cracked steel girders, the harbor bridge reopened on Monday.\n" +
          "The ferry company will sell two of its boats.",
      ],
    );
    const texts = compareSources(docs).unique.map((f) => f.text);
    const quote = texts.findIndex((t) => /^“Engineers from Oslo/.test(t));
    const alone = texts.findIndex((t) => /^The ferry company/.test(t));
    assert.ok(quote >= 0 && alone >= 0, texts.join(" | "));
    assert.ok(alone < quote, `a quotation whose speaker is only 'she' is listed last: ${texts.join(" | ")}`);
  });

  test("bad options are reported as NewsweaveError", () => {
    assert.throws(
      () => compareSources(example, { tolerance: 2 }),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_OPTION",
    );
  });
});
