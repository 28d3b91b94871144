/** The clean stage on invented articles: each kind of furniture, the lines that must stay, and invariants. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { buildCleanContext, cleanArticle, cleanCluster } from "../src/clean/index.ts";
import { NewsweaveError } from "../src/errors.ts";
import type { Article, CleanArticle, RemovalReason } from "../src/types.ts";

let counter = 0;
function art(text: string, extra: Partial<Article> = {}): Article {
  counter++;
  return { id: `a${counter}`, text, origin: { source: `test-${counter}`, format: "text" }, ...extra };
}

const BODY_1 =
  "The city council voted 7-2 on Tuesday to approve a new budget that adds forty police officers and expands bus service.";
const BODY_2 =
  "Mayor Dana Whitfield said the plan would be paid for by a half-cent sales tax increase that voters approved last year.";
const BODY_3 =
  "Opponents argued the council had moved too quickly and promised to put the measure back on the ballot in November.";

/** An article with real paragraphs around the given furniture lines. */
function withBody(...furniture: string[]): string {
  return [BODY_1, ...furniture, BODY_2, BODY_3].join("\n\n");
}

function removedOf(c: CleanArticle): { reason: RemovalReason; text: string }[] {
  return c.removed.map((r) => ({ reason: r.reason, text: c.raw.slice(r.start, r.end).trim() }));
}

function keptLines(c: CleanArticle): string[] {
  return c.text ? c.text.split("\n") : [];
}

/** Asserts that exactly the given lines were removed, each with its reason, and the body survived. */
function assertRemoves(lines: [string, RemovalReason][]): void {
  const c = cleanArticle(art(withBody(...lines.map(([l]) => l))));
  assert.deepEqual(
    removedOf(c),
    lines.map(([text, reason]) => ({ reason, text })),
  );
  assert.deepEqual(keptLines(c), [BODY_1, BODY_2, BODY_3]);
}

function assertKeeps(...lines: string[]): void {
  const c = cleanArticle(art(withBody(...lines)));
  assert.deepEqual(removedOf(c), [], `removed: ${JSON.stringify(removedOf(c))}`);
  assert.deepEqual(keptLines(c), [BODY_1, ...lines, BODY_2, BODY_3]);
}

/** Every kept piece maps back verbatim; pieces and removals are ordered and leave only whitespace uncovered. */
function assertSpans(c: CleanArticle): void {
  let lastRaw = -1;
  let lastClean = -1;
  const covered = new Uint8Array(c.raw.length);
  for (const p of c.pieces) {
    assert.ok(p.length > 0);
    assert.ok(p.rawStart > lastRaw && p.cleanStart > lastClean);
    assert.equal(
      c.text.slice(p.cleanStart, p.cleanStart + p.length),
      c.raw.slice(p.rawStart, p.rawStart + p.length),
    );
    covered.fill(1, p.rawStart, p.rawStart + p.length);
    lastRaw = p.rawStart + p.length - 1;
    lastClean = p.cleanStart + p.length - 1;
  }
  // pieces follow each other in the clean text: paragraphs joined by one newline, or directly where a
  // span was cut out of the middle of a paragraph
  c.pieces.forEach((p, k) => {
    const next = c.pieces[k + 1];
    if (!next) {
      assert.equal(p.cleanStart + p.length, c.text.length, "the last piece ends the text");
      return;
    }
    const gap = next.cleanStart - (p.cleanStart + p.length);
    if (gap === 1) assert.equal(c.text[p.cleanStart + p.length], "\n", "paragraphs joined by one newline");
    else {
      assert.equal(gap, 0, "pieces joined by one newline, or by nothing inside a paragraph");
      const cut = c.removed.some((r) => r.start >= p.rawStart + p.length && r.end <= next.rawStart);
      assert.ok(cut, "pieces of one paragraph are separated by a removed span");
    }
  });
  if (c.pieces.length > 0) assert.equal(c.pieces[0]!.cleanStart, 0);
  for (const r of c.removed) {
    assert.ok(r.start < r.end);
    for (let i = r.start; i < r.end; i++) {
      assert.equal(covered[i], 0, "a removed span overlaps a kept piece");
      covered[i] = 1;
    }
  }
  for (let i = 0; i < c.raw.length; i++) {
    if (!covered[i]) assert.match(c.raw[i] ?? "", /\s/, `raw[${i}] is neither kept nor removed`);
  }
}

describe("clean: furniture by kind", () => {
  it("share menus and follow prompts", () => {
    assertRemoves([
      ["Share this:", "share"],
      ["Click to share on Twitter (Opens in new window)", "share"],
      ["Facebook Twitter Email", "share"],
      ["Follow Dana Whitfield on Twitter at @danawhit", "share"],
      ["RSS", "share"],
      ["Follow by Email", "share"],
    ]);
  });

  it("an author's note signed with a handle, an address or a follow prompt", () => {
    assertRemoves([
      [
        "— Lena Marsh is the Riverton Gazette’s public information specialist and science writer. Follow her on twitter at @lenamarsh.",
        "byline",
      ],
      [
        "Omar Field is a staff reporter covering City Hall. Reach him at ofield@riverton-gazette.example.",
        "byline",
      ],
    ]);
    assertKeeps(
      "Lena Marsh is a science writer who won the state's journalism prize on Friday, the Gazette said.",
      "Omar Field, a reporter, was detained at the border on Monday and released after six hours.",
    );
  });

  it("subscription and newsletter prompts", () => {
    assertRemoves([
      [
        "Sign up for our morning newsletter and get the day's top stories delivered to your inbox.",
        "subscribe",
      ],
      ["Subscribe now", "subscribe"],
      ["Already a subscriber? Log in", "subscribe"],
    ]);
  });

  it("comment prompts and counters", () => {
    assertRemoves([
      ["Leave a Reply", "comments"],
      ["Your email address will not be published. Required fields are marked *", "comments"],
      ["Comments 0", "comments"],
      ["Sign in to comment", "comments"],
    ]);
  });

  it("photo captions and credits, including cut-off credits", () => {
    assertRemoves([
      [
        "Council members listen to residents during a packed hearing at City Hall in Riverton, Tuesday, May 5, 2020. (AP Photo/Lena Marsh)",
        "caption",
      ],
      [
        "Image copyright Getty Images Image caption Riverton's council chamber was full for the vote",
        "caption",
      ],
      ["Photo: Reuters", "caption"],
      ["Photo by Omar Field/Getty Images", "caption"],
      ["Buses wait at the Riverton depot on Monday. (AP Photo/Lena Ma...", "caption"],
      ["photo credit:", "caption"],
      ["FILE - In this March 2, 2019 file photo, Dana Whitfield speaks to reporters in Riverton.", "caption"],
    ]);
  });

  it("captions credited to an agency or photographer, and player captions", () => {
    assertRemoves([
      [
        "Flood water covers Main Street in Riverton, Tuesday, Oct. 30, 2012. Residents were told to... (Associated Press)",
        "caption",
      ],
      [
        "Dana Whitfield speaks at a rally in Riverton on May 5, 2020. Omar Field / for Riverton Daily",
        "caption",
      ],
      ["Media playback is unsupported on your device Media caption The mayor on the vote", "caption"],
      [
        "Embed Riverton Council Passes Budget 0:45 autoplay autoplay Copy this code to your website or blog",
        "widget",
      ],
      ["Budget day in Riverton! Posted by Dana Whitfield on Tuesday, May 5, 2020", "embed"],
    ]);
  });

  it("credits, stamps and notices glued to the end of a long paragraph are cut off alone", () => {
    const paragraph = `${BODY_1} ${BODY_2} ${BODY_3} ${BODY_1} ${BODY_2}`;
    for (const [glued, reason] of [
      [" (AP Photo/Lena Marsh)", "caption"],
      [" Copyright 2020 The Associated Press. All rights reserved.", "other"],
      [" (Published Tuesday, May 5, 2020)", "stamp"],
      [" Read or Share this story: https://example.com/s/123", "share"],
    ] as const) {
      const c = cleanArticle(art(`${paragraph}${glued}\n${BODY_3}`));
      assert.deepEqual(keptLines(c), [paragraph, BODY_3], glued);
      assert.deepEqual(removedOf(c), [{ reason, text: glued.trim() }], glued);
      assertSpans(c);
    }
  });

  it("a newsletter sign-up box glued before the first paragraph is cut off alone", () => {
    const box =
      "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! We have more newsletters Show me See our privacy notice Could not subscribe, try again later Invalid Email ";
    const c = cleanArticle(art(`${box}${BODY_1}\n${BODY_2}`));
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["subscribe"],
    );
    assertSpans(c);
  });

  it("advertising markers", () => {
    assertRemoves([
      ["Advertisement", "ad"],
      ["ADVERTISEMENT", "ad"],
      ["Advertisement Continue reading the main story", "ad"],
      ["Story continues below advertisement", "ad"],
    ]);
  });

  it("cookie and privacy notices", () => {
    assertRemoves([
      [
        "We use cookies to improve your experience on our site. By continuing to browse you accept our use of cookies.",
        "cookie",
      ],
      ["Privacy Policy | Terms of Use | Cookie Policy", "cookie"],
    ]);
  });

  it("navigation crumbs, read-more labels and related-link lists", () => {
    assertRemoves([
      ["News > U.S. > Politics", "navigation"],
      ["Read more about: Riverton, Budget, City Council", "navigation"],
      ["Related:", "navigation"],
      ["Council Approves Stadium Deal After Long Night", "navigation"],
      ["Riverton bus riders brace for fare changes", "navigation"],
    ]);
  });

  it("embedded tweets and posts", () => {
    assertRemoves([
      [
        "Big night for Riverton! pic.twitter.com/Ab12Cd34 — Dana Whitfield (@danawhit) January 5, 2019",
        "embed",
      ],
      ["We did it. Thank you all. — Riverton Council (@rivertoncouncil) January 5, 2019", "embed"],
      ["The vote is in and the budget passes with room to spare for transit (1/2)", "embed"],
      ["A post shared by Dana Whitfield (@danawhit) on Jan 5, 2019 at 8:14pm PST", "embed"],
      ["Tweet with a location", "embed"],
    ]);
  });

  it("weather widgets and player controls", () => {
    assertRemoves([
      ["Partly cloudy. High 58F. Winds NNE at 5 to 10 mph.", "widget"],
      ["Play Video", "widget"],
      ["Text Size", "widget"],
    ]);
  });

  it("notes about the article and credits", () => {
    assertRemoves([
      ["This article was updated at 5 p.m. to include comment from the mayor.", "stamp"],
      ["Update, 6:12 p.m.: Adds comment from the council president.", "stamp"],
      ["Ana Ruiz contributed to this report.", "byline"],
      ["(Reporting by Ana Ruiz; Editing by Tom Bell)", "byline"],
      ["You can reach Ana Ruiz at ana.ruiz@example.com", "byline"],
      ["Have a news tip? Email us at tips@harborgazette.com or call our newsroom any time of day.", "byline"],
      ["KHB 5's Dana Holt reports.", "byline"],
      ["Watch KHB 5 News at 6 p.m. for updates from the harbor.", "byline"],
      [
        "Associated Press writers Ana Ruiz in Dover, Delaware, Tom Bell in Trenton, New Jersey, and Mei Lin in Raleigh, North Carolina, also contributed.",
        "byline",
      ],
      [
        "Varga reported from Port Alder and Quint reported from Lisvale; AP Science Writer Dana Holt contributed to this report from Washington. Associated Press writer Mei Lin in Raleigh also contributed.",
        "byline",
      ],
      ["Got a story idea? Contact the newsroom at news@harborgazette.com.", "byline"],
    ]);
  });

  it("a run of short title-case menu lines before the body", () => {
    const c = cleanArticle(
      art(["Home", "World News", "Local Sport", "Weather Radar", BODY_1, BODY_2].join("\n")),
    );
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2]);
    assert.ok(c.removed.every((r) => r.reason === "navigation"));
  });

  it("bullet menu debris", () => {
    const c = cleanArticle(
      art(["• Live", "• Audio Only", "• facebook", "• twitter", BODY_1, BODY_2].join("\n")),
    );
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["navigation", "navigation", "share", "share"],
    );
  });

  it("a paragraph repeated inside the article keeps its first copy", () => {
    const c = cleanArticle(art([BODY_1, BODY_2, BODY_3, BODY_2].join("\n\n")));
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2, BODY_3]);
    assert.equal(c.removed.length, 1);
    assert.equal(c.removed[0]?.reason, "repeat");
    assert.ok((c.removed[0]?.start ?? 0) > c.raw.indexOf(BODY_3), "the later copy is the one removed");
  });

  it("a caption's alt-text copy next to it goes, the same sentence in the body stays", () => {
    const sentence = "Whitfield will visit the new depot and the harbour on Friday, an aide said.";
    const c = cleanArticle(
      art([sentence, `${sentence} | Photo: Reuters`, BODY_1, sentence, BODY_2].join("\n")),
    );
    assert.deepEqual(keptLines(c), [BODY_1, sentence, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["caption", "caption"],
    );
  });

  it("a footer of furniture takes the weak prompts with it", () => {
    const c = cleanArticle(
      art(
        [
          BODY_1,
          BODY_2,
          "Leave a Reply",
          "Want the latest news from Riverton?",
          "Subscribe to our newsletter.",
          "Thanks, we'll keep you posted!",
        ].join("\n"),
      ),
    );
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["comments", "subscribe", "subscribe", "subscribe"],
    );
  });
});

describe("clean: lines that must stay", () => {
  it("news lines that mention photos, email, Twitter or sharing", () => {
    assertKeeps(
      "The president shared a photo on Twitter of the two leaders shaking hands, and it drew thousands of replies.",
      "Officials said the suspect sent an email to the school district on Monday morning.",
      "Share prices fell 4 percent after the announcement.",
      "In a post on Twitter, the governor said the roads would reopen Friday.",
      "Photos released by the agency show the damaged roof of the terminal.",
      "The newspaper said it had gained 10,000 newsletter subscribers since January.",
      "Twitter and Facebook shares rose",
      "Residents can sign up for alerts on the county website.",
      "Subscribers to the service will pay $10 a month.",
      "The bakery sells cookies to tourists, and we accept cash only, the owner said.",
    );
  });

  it("quoted promises and attributed lines that look like prompts", () => {
    assertKeeps(
      '"We will keep you posted as the investigation continues," the sheriff said.',
      "“Follow the money,” the prosecutor told jurors on Thursday.",
      "Follow Whitfield on Twitter and you will see how she campaigns, her opponent said.",
    );
  });

  it("subheadings, short sentences and lists inside the body", () => {
    assertKeeps(
      "Budget talks: the sticking point",
      "Nobody voted against it.",
      "What happens next?",
      "Maria Lopez, 34",
      "James Okafor, 51",
      "Lee Chen, 29",
    );
  });

  it("a long paragraph that merely opens like a caption stays", () => {
    const opening = "In this photo taken on Tuesday, council members debate the budget in Riverton.";
    const long = `${opening} ${BODY_1} ${BODY_2} ${BODY_3}`;
    const c = cleanArticle(art(`${long}\n${BODY_1}`));
    assert.deepEqual(keptLines(c), [long, BODY_1]);
  });

  it("an article that is only an embedded post keeps the post", () => {
    const post =
      "Proud of our council tonight: forty new officers, more buses, and a budget that balances. Thank you Riverton! pic.twitter.com/Ab12Cd34 — Dana Whitfield (@danawhit) May 5, 2020";
    const c = cleanArticle(art(`${post}\nTweet with a location`));
    assert.deepEqual(keptLines(c), [post]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["embed"],
    );
  });

  it("a web archive's crawl notice, the whole of a page that failed to load, is furniture", () => {
    // the notice in our own words, opening as the archive's does
    const notice =
      "These crawls are part of an effort to archive pages as they are made, and the pages they point to. " +
      "A link to the copy that was live when the page was written is then kept. " +
      'Crawls of supported "No More 404" sites.';
    const c = cleanArticle(art(notice));
    assert.equal(c.text.trim(), "");
    const alexa = cleanArticle(
      art(
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive, which keeps it.\n" +
          "Flowing in every day, these data are added to the Wayback Machine after some months.",
      ),
    );
    assert.equal(alexa.text.trim(), "");
    // an article that reports on such crawls keeps its sentences
    const report = cleanArticle(
      art(`${BODY_1}\nArchivists said these crawls are part of an effort to save the web.`),
    );
    assert.deepEqual(keptLines(report), [
      BODY_1,
      "Archivists said these crawls are part of an effort to save the web.",
    ]);
  });

  it("a server's error page in place of the article is furniture; a sentence about such an error stays", () => {
    for (const page of [
      "404 Not Found",
      "Sorry, the page you are looking for could not be found.\nPlease try the search box.",
      "The IP address has changed.\nThe IP address for this domain may have changed recently. Check your DNS settings.",
      "This video is no longer available",
    ]) {
      const c = cleanArticle(art(page));
      assert.ok(
        !keptLines(c).some((l) => /not found|could not be found|IP address|no longer available/.test(l)),
        page,
      );
    }
    const story = `${BODY_1}\nVisitors saw a page not found error for most of Tuesday, the council said.`;
    assert.deepEqual(keptLines(cleanArticle(art(story))), story.split("\n"));
  });

  it("an article that is only the embedding widget's notice has no text left", () => {
    const notice =
      "You can add location information to your Tweets, such as your city or precise location, from the web and via third-party applications. You always have the option to delete your Tweet location history. Learn more";
    const c = cleanArticle(art(`Tweet with a location\n\n${notice}`));
    assert.equal(c.text.trim(), "");
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["embed", "embed"],
    );
  });

  it("a line that is only a caps word with a dash is not a dateline when it is a label", () => {
    for (const label of ["BREAKING — ", "NEW — "]) {
      const c = cleanArticle(art(`${label}${BODY_1}\n${BODY_2}`));
      assert.equal(c.place, undefined);
      assert.ok(c.text.startsWith(label), label);
    }
  });

  it("an e-mail alert box before the first paragraph goes, and the dateline after it too", () => {
    const box =
      "Breaking News Emails Get breaking news alerts and special reports. The news and stories that matter, delivered weekday mornings.";
    const c = cleanArticle(art(`${box}\nPORT ALDER, Maine — ${BODY_1}\n${BODY_2}`));
    assert.deepEqual(keptLines(c), [BODY_1, BODY_2]);
    assert.equal(c.place, "PORT ALDER, Maine");
    assertSpans(c);
  });

  it("a columnist's closing bio goes with its 'His column appears …' line; a sentence about a column stays", () => {
    const bio =
      "Marrow is a political contributor for Harbor News. He also teaches at Alder College, where he lives with his wife. His column will appear twice a month in The Quill.";
    const news = "Marrow is a political contributor whose last column angered the mayor, officials said.";
    const c = cleanArticle(art([BODY_1, news, BODY_2, bio].join("\n")));
    assert.deepEqual(keptLines(c), [BODY_1, news, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["byline"],
    );
    assertSpans(c);
  });

  it("an app promotion line goes; a sentence about downloading an app stays", () => {
    const promo =
      "Want stories like these delivered straight to your phone? Download the Harbor Daily iPhone app now!";
    const news =
      "The council said the offer gives residents an incentive to download the app and report potholes.";
    const c = cleanArticle(art([BODY_1, news, BODY_2, promo].join("\n")));
    assert.deepEqual(keptLines(c), [BODY_1, news, BODY_2]);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["subscribe"],
    );
    const bare = cleanArticle(
      art([BODY_1, "Download our free news app for breaking alerts.", BODY_2].join("\n")),
    );
    assert.deepEqual(keptLines(bare), [BODY_1, BODY_2]);
    assertSpans(c);
  });

  it("two outlets quoting the same sentence is not boilerplate", () => {
    const quote = '"We will not back down," Governor Ellis said at the rally.';
    const cluster = cleanCluster([
      art([BODY_1, quote, "Watch Riverton News live", BODY_2].join("\n")),
      art([BODY_3, quote, "Watch Riverton News live", "Rescue efforts continue", BODY_2].join("\n")),
    ]);
    for (const c of cluster) assert.ok(keptLines(c).includes(quote), "the shared quotation stays");
    // The shared furniture line goes (repetition plus furniture vocabulary); a shared subheading does not.
    for (const c of cluster) assert.ok(!keptLines(c).includes("Watch Riverton News live"));
    assert.ok(keptLines(cluster[1] as CleanArticle).includes("Rescue efforts continue"));
    // On its own, the same article keeps that line: repetition alone is what removed it.
    const alone = cleanArticle(art([BODY_1, "Watch Riverton News live", BODY_2].join("\n")));
    assert.ok(keptLines(alone).includes("Watch Riverton News live"));
  });

  it("the cluster context can be built once and passed to cleanArticle", () => {
    const a = art([BODY_1, "Watch Riverton News live", BODY_2].join("\n"));
    const b = art([BODY_3, "Watch Riverton News live", BODY_2].join("\n"));
    const context = buildCleanContext([a, b]);
    assert.ok(!keptLines(cleanArticle(a, context)).includes("Watch Riverton News live"));
  });
});

describe("clean: metadata", () => {
  it("datelines move to place", () => {
    const cases: [string, string | undefined][] = [
      ["WASHINGTON (AP) — ", "WASHINGTON"],
      ["PYONGYANG, North Korea – ", "PYONGYANG, North Korea"],
      ["SEOUL, South Korea (Reuters) - ", "SEOUL, South Korea"],
      ["(CNN) — ", undefined],
      ["(CNN)", undefined],
      ["(Reuters) ", undefined],
      ["NEW YORK (AP) — ", "NEW YORK"],
      ["LAHORE: ", "LAHORE"],
      ["NEW DELHI, India: ", "NEW DELHI, India"],
      ["BEIRUT/AMMAN (Reuters) - ", "BEIRUT/AMMAN"],
      ["PRETORIA/KHARTOUM, ", "PRETORIA/KHARTOUM"],
    ];
    for (const [dateline, place] of cases) {
      const c = cleanArticle(art(`${dateline}${BODY_1}\n${BODY_2}`));
      assert.equal(c.place, place, dateline);
      assert.deepEqual(keptLines(c), [BODY_1, BODY_2], dateline);
      assert.deepEqual(removedOf(c), [{ reason: "dateline", text: dateline.trim() }]);
      assertSpans(c);
    }
  });

  it("a caps word and a colon is a speaker, not a dateline, in a transcript or a label", () => {
    const transcript = `TRUMP: ${BODY_1}\nKIM: ${BODY_2}`;
    const c = cleanArticle(art(transcript));
    assert.equal(c.place, undefined);
    assert.deepEqual(keptLines(c), [`TRUMP: ${BODY_1}`, `KIM: ${BODY_2}`]);
    for (const label of [
      "BREAKING: ",
      "DISCLAIMER: ",
      "WATCH: ",
      "FACT CHECK: ",
      "EXPLAINER: ",
      "POLITICS: ",
    ]) {
      const l = cleanArticle(art(`${label}${BODY_1}\n${BODY_2}`));
      assert.equal(l.place, undefined, label);
      assert.ok(l.text.startsWith(label), label);
    }
  });

  it("a line that is only a date and time is the page's stamp; a sentence that starts with a date stays", () => {
    for (const stamp of [
      "March 10, 2026 at 7:42 p.m.",
      "Tuesday, 10 March 2026 19:42 GMT",
      "2026-03-10 19:42",
    ]) {
      const c = cleanArticle(art(`${stamp}\n${BODY_1}\n${BODY_2}`));
      assert.deepEqual(removedOf(c), [{ reason: "stamp", text: stamp }], stamp);
      assert.equal(c.published, "2026-03-10", stamp);
    }
    const sentence = "March 10, 2026 was the coldest day of the year, the weather service said.";
    const kept = cleanArticle(art(`${BODY_1}\n${sentence}\n${BODY_2}`));
    assert.ok(kept.text.includes(sentence));
    assert.deepEqual(removedOf(kept), []);
  });

  it("update stamps go to updated, and their date to published when there is none", () => {
    const stamp = "UPDATED 9:50 AM PT — Thursday, January 31, 2019";
    const c = cleanArticle(art(`${stamp}\n${BODY_1}\n${BODY_2}`));
    assert.equal(c.updated, stamp);
    assert.equal(c.published, "2019-01-31");
    assert.deepEqual(removedOf(c), [{ reason: "stamp", text: stamp }]);
    const dated = cleanArticle(art(`${stamp}\n${BODY_1}`, { published: "2019-01-30" }));
    assert.equal(dated.published, "2019-01-30", "an existing publication date is kept");
    const pub = cleanArticle(art(`Published 17 February 2019\n${BODY_1}\n${BODY_2}`));
    assert.equal(pub.published, "2019-02-17");
    assert.equal(pub.updated, undefined);
  });

  it("a lone byline line becomes the author when there is none", () => {
    for (const [line, author] of [
      ["By Jane Doe", "Jane Doe"],
      ["By JANE DOE and JOHN ROE, Associated Press", "JANE DOE and JOHN ROE"],
      ["Author: Emily Stone", "Emily Stone"],
      ["Riverton Newsroom", "Riverton Newsroom"],
      ["Associated Press", "Associated Press"],
    ]) {
      const c = cleanArticle(art(`${line}\n${BODY_1}\n${BODY_2}`));
      assert.equal(c.author, author, line);
      assert.deepEqual(removedOf(c), [{ reason: "byline", text: line }]);
    }
    const kept = cleanArticle(art(`By Jane Doe\n${BODY_1}`, { author: "J. Doe" }));
    assert.equal(kept.author, "J. Doe");
  });

  it("the headline: a first line equal to the title, or repeated later", () => {
    const title = "Council Approves Budget, Adds Police";
    const c = cleanArticle(art(`council approves budget -- adds police!\n${BODY_1}\n${BODY_2}`, { title }));
    assert.deepEqual(removedOf(c), [{ reason: "headline", text: "council approves budget -- adds police!" }]);
    const untitled = cleanArticle(art([title, BODY_1, title, BODY_2].join("\n")));
    assert.equal(untitled.title, title);
    assert.deepEqual(
      removedOf(untitled).map((r) => r.reason),
      ["headline", "headline"],
    );
    assert.deepEqual(keptLines(untitled), [BODY_1, BODY_2]);
  });
});

describe("clean: invariants", () => {
  const messy = [
    "• Home",
    "  • World",
    "   • facebook",
    "News > Local",
    "Riverton Passes Budget",
    "",
    "By Ana Ruiz",
    "UPDATED 6:00 PM ET — Tuesday, May 5, 2020",
    "RIVERTON, Ohio (AP) — The city council voted 7-2 on Tuesday to approve a new budget.  ",
    "\t",
    "Advertisement",
    `   ${BODY_2}`,
    "Council members listen during the hearing. (AP Photo/Lena Marsh)",
    BODY_3,
    BODY_2,
    "Leave a Reply",
    "Comments 0",
  ].join("\r\n");

  it("kept text keeps one paragraph per line, maps back to the raw text and accounts for every character", () => {
    const c = cleanArticle(art(messy));
    assertSpans(c);
    assert.equal(c.place, "RIVERTON, Ohio");
    assert.equal(c.author, "Ana Ruiz");
    assert.deepEqual(keptLines(c), [
      "The city council voted 7-2 on Tuesday to approve a new budget.",
      BODY_2,
      BODY_3,
    ]);
    assert.ok(!c.text.includes("\n\n") && !c.text.includes("\r"));
  });

  it("is idempotent: cleaning the cleaned text removes nothing more", () => {
    for (const text of [
      messy,
      withBody("Share this:", "Photo: Reuters"),
      `WASHINGTON (AP) — ${BODY_1}\n${BODY_2}`,
    ]) {
      const once = cleanArticle(art(text));
      const { raw: _raw, pieces: _pieces, removed: _removed, ...meta } = once;
      const twice = cleanArticle({ ...meta, text: once.text });
      assert.deepEqual(twice.removed, []);
      assert.equal(twice.text, once.text);
      assert.equal(twice.place, once.place);
    }
  });

  it("an article that is all furniture yields empty text", () => {
    const c = cleanArticle(
      art("Share this:\nFacebook Twitter Email\n\nAdvertisement\nLeave a Reply\nComments 0"),
    );
    assert.equal(c.text, "");
    assert.deepEqual(c.pieces, []);
    assert.equal(c.removed.length, 5);
    assertSpans(c);
    const empty = cleanArticle(art(""));
    assert.equal(empty.text, "");
    assert.deepEqual(empty.removed, []);
    const blank = cleanArticle(art(" \n\n \t\n"));
    assert.equal(blank.text, "");
  });

  it("holds the span invariant and idempotence on every document of the dev set", () => {
    const file = fileURLToPath(new URL("../../shared/bench/multinews-dev.jsonl", import.meta.url));
    let docs = 0;
    for (const row of readFileSync(file, "utf8").split("\n")) {
      if (!row.trim()) continue;
      const cluster = JSON.parse(row) as { documents: { text: string }[] };
      for (const c of cleanCluster(cluster.documents.map((d) => art(d.text)))) {
        docs++;
        assertSpans(c);
        const { raw: _raw, pieces: _pieces, removed: _removed, ...meta } = c;
        assert.deepEqual(cleanArticle({ ...meta, text: c.text }).removed, [], c.id);
      }
    }
    assert.ok(docs > 100);
  });

  it("keeps the article's other fields", () => {
    const c = cleanArticle(art(BODY_1, { url: "https://example.com/a", outlet: "Example" }));
    assert.equal(c.url, "https://example.com/a");
    assert.equal(c.outlet, "Example");
    assert.equal(c.raw, BODY_1);
    assert.equal(c.text, BODY_1);
  });

  it("rejects an article without a text string with a NewsweaveError", () => {
    const bad = { id: "x", origin: { source: "bad.json", format: "jsonl" } } as unknown as Article;
    assert.throws(
      () => cleanArticle(bad),
      (e: unknown) => e instanceof NewsweaveError && e.code === "BAD_FIELD" && e.location.field === "text",
    );
    assert.throws(() => cleanCluster([art(BODY_1), bad]), NewsweaveError);
  });
});

describe("titles guessed from furniture", () => {
  it("drops a title that ingest guessed from a breadcrumb line", () => {
    const text =
      "News > Local\nThe county fair opened on Friday with a record number of livestock entries this year.\nOrganisers said attendance was up by a fifth compared with last summer's event.";
    const out = cleanArticle(art(text, { title: "News > Local" }));
    assert.equal(out.title, undefined);
    assert.ok(!out.text.includes("News > Local"));
  });

  it("a headline under the dropped line becomes the title", () => {
    const text =
      "News > Local\nCounty fair opens with record entries\nThe county fair opened on Friday with a record number of livestock entries this year.\nOrganisers said attendance was up by a fifth compared with last summer's event.";
    const out = cleanArticle(art(text, { title: "News > Local" }));
    assert.equal(out.title, "County fair opens with record entries");
    assert.ok(out.text.startsWith("County fair opens"), "the text itself is unchanged");
  });

  it("keeps a real headline as the title", () => {
    const text =
      "Fair opens with record entries\nThe county fair opened on Friday with a record number of livestock entries this year.\nOrganisers said attendance was up by a fifth compared with last summer's event.";
    const out = cleanArticle(art(text, { title: "Fair opens with record entries" }));
    assert.equal(out.title, "Fair opens with record entries");
  });
});

describe("syndication footers", () => {
  it("removes the feed generator's 'appeared first on' line but keeps news that mentions a post", () => {
    const text =
      "The school board approved the new bus routes on Monday after a two-hour debate.\nThe superintendent's post on the district website appeared hours before the vote.\nThe post Board approves new bus routes appeared first on Valley Courier.";
    const out = cleanArticle(art(text));
    assert.ok(!out.text.includes("appeared first on"));
    assert.ok(out.text.includes("The superintendent's post on the district website"));
    assert.ok(out.removed.some((r) => r.reason === "navigation"));
  });
});

describe("outlet credits opening an article", () => {
  it("removes a '(ABC) —' style credit of any outlet abbreviation, keeps the sentence", () => {
    const out = cleanArticle(
      art(
        "(WXYZ) — Firefighters contained a warehouse fire on the east side on Sunday night, officials said.\nNo one was hurt.",
      ),
    );
    assert.ok(out.text.startsWith("Firefighters contained"));
    assert.ok(out.removed.some((r) => r.reason === "dateline"));
  });
});

describe("hover cards pasted inside a paragraph", () => {
  it("a politician's full name and related headlines are cut out; the paragraph stays whole", () => {
    const text =
      "Senator Marlow Jane Ellen MarlowBudget talks stall as deadline nears Marlow: 'We will not blink' on tariffs MORE told reporters on Tuesday that the vote would wait.\n" +
      "Aides said a deal was close.";
    const c = cleanArticle(art(text));
    assert.equal(
      c.text,
      "Senator Marlow told reporters on Tuesday that the vote would wait.\nAides said a deal was close.",
    );
    assert.deepEqual(
      c.removed.map((r) => [c.raw.slice(r.start, r.end), r.reason]),
      [
        [
          " Jane Ellen MarlowBudget talks stall as deadline nears Marlow: 'We will not blink' on tariffs MORE",
          "navigation",
        ],
      ],
    );
    assertSpans(c);
    // in archive text lower-cased, "more" is an ordinary word: a headline colon is needed as well
    const lower = cleanArticle(
      art(
        "speaker marlow jane ellen marlowbudget talks stall marlow: we will not blink more said on tuesday the vote would wait.",
      ),
    );
    assert.equal(lower.text, "speaker marlow said on tuesday the vote would wait.");
  });

  it("ordinary text with a repeated name or the word MORE stays", () => {
    for (const text of [
      "Marlow met Jane Ellen Marlow, her sister, and they asked for MORE time to count the votes.",
      "the council chair chairman said the budget needs more money: the vote was delayed.",
      "MORE THAN 200 PEOPLE attended the meeting on Tuesday, organizers said.",
    ]) {
      const c = cleanArticle(art(text));
      assert.equal(c.text, text);
    }
  });
});

describe("control characters", () => {
  it("terminal escape sequences and control characters are cut out; Windows-1252 punctuation read as Latin-1 stays", () => {
    const text =
      "The council approved the budget \u001b[31mRED\u001b[0m on Tuesday.\n" +
      "The mayor said \u001b]8;;http://x.example\u0007the vote\u001b]8;;\u0007 was close\u0008.\n" +
      "Work starts in May \u0097 weather permitting.";
    const c = cleanArticle(art(text));
    assert.equal(
      c.text,
      "The council approved the budget RED on Tuesday.\nThe mayor said the vote was close.\nWork starts in May \u0097 weather permitting.",
    );
    assert.ok(c.removed.every((r) => r.reason === "other"));
    assertSpans(c);
  });
});

describe("a station's promo closing a paragraph", () => {
  it("is cut out and the paragraph kept", () => {
    const text = `${BODY_1}\nNo further details were released. Watch KHB 5 News at 6 p.m. for updates from the harbor.`;
    const c = cleanArticle(art(text));
    assert.ok(c.text.endsWith("No further details were released."), c.text);
    assert.deepEqual(
      c.removed.map((r) => r.reason),
      ["subscribe"],
    );
    assertSpans(c);
    // a sentence that only starts the same way stays
    const kept = `${BODY_1}\nWatch the video at 4 p.m. for a preview of the new bridge design by the county engineers.`;
    assert.equal(cleanArticle(art(kept)).text, kept);
  });
});
