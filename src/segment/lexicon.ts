/** Word lists the sentence splitter uses. Keys are lower-case, without the final period. */

/** How an abbreviation behaves before a possible sentence boundary. */
export const Abbr = {
  /** Precedes a name: "Gen.", "Dr.", "Mr." — never ends a sentence. */
  Title: 1,
  /** Month: "Jan. 31" — ends a sentence only before a typical sentence opener. */
  Month: 2,
  /** Only before a number: "No. 5", "Vol. 2"; otherwise an ordinary word ("said no."). */
  Numeric: 3,
  /** Can end a sentence: "U.S.", "Inc.", "a.m.", "etc." — not before a lower-case word or a number. */
  Final: 4,
  /** Introduces something: "vs.", "e.g.", "i.e." — never ends a sentence. */
  Inner: 5,
  /** "a.m.", "p.m.": ends a sentence unless a day, time zone or number follows. */
  Time: 6,
} as const;
export type Abbr = (typeof Abbr)[keyof typeof Abbr];

function table(entries: Array<[string, Abbr]>): Map<string, Abbr> {
  const m = new Map<string, Abbr>();
  for (const [words, kind] of entries) for (const w of words.split(" ")) m.set(w, kind);
  return m;
}

/** Abbreviations recognised in any casing. */
export const ABBREVIATIONS: Map<string, Abbr> = table([
  [
    "mr mrs ms messrs mme dr prof gen sen rep reps gov lt col sgt capt cpl pvt maj adm cmdr cdr brig " +
      "rev hon pres supt det insp atty sens ste mt ft fr gens",
    Abbr.Title,
  ],
  ["jan feb mar apr jun jul aug sep sept oct nov dec", Abbr.Month],
  ["no nos vol vols pp art fig figs para ch", Abbr.Numeric],
  [
    "u.s u.k u.n e.u d.c u.s.a u.a.e inc corp co cos ltd jr sr etc llc plc bros ave blvd dept " +
      "est approx govt assn univ intl natl ph.d m.d b.a m.a a.k.a n.y l.a s.f ca " +
      "st rd lb lbs oz b.c a.d " +
      "ala ariz ark calif colo conn fla kan kans ky md mich minn neb nev okla tenn tex vt wis wyo ia",
    Abbr.Final,
  ],
  ["a.m p.m", Abbr.Time],
  ["vs v e.g i.e cf viz", Abbr.Inner],
]);

/**
 * Abbreviations that are also common words ("Ill.", "Miss.", "Wash."): recognised only when the
 * original text capitalises them or, for states, after a comma ("springfield, ill.").
 */
export const CAPITALISED_ABBREVIATIONS: Map<string, Abbr> = table([
  ["del ga ill ind la mass miss mo mont ore pa penn va wash", Abbr.Final],
  ["mon tue tues wed thu thur thurs fri sat sun", Abbr.Month],
]);

/** Top-level domains and file extensions: "tmz.com" and "report.pdf" are not "stuff.back". */
export const DOMAIN_PARTS: Set<string> = new Set(
  (
    "com org net gov edu mil int info biz news co uk us ca au de fr io ly tv fm me ie nz in jp cn ru es " +
    "it nl be ch se no dk fi pl br mx za eu asia html htm php asp aspx pdf jpg jpeg png gif mp3 mp4 js"
  ).split(" "),
);

/** Words that typically open a new sentence; an ambiguous abbreviation followed by one ends a sentence. */
export const OPENERS: Set<string> = new Set(
  (
    "the he she it they we i you his her its their our my this these those there but however " +
    "meanwhile although though also instead indeed earlier later both many"
  ).split(" "),
);

/** Pronouns that start an attribution ("he said"). */
export const PRONOUNS: Set<string> = new Set("he she they we i it you who".split(" "));

/** Verbs of saying used in attributions after a quote. */
export const SPEECH_VERBS: Set<string> = new Set(
  (
    "said says say asked asks added adds told tells wrote writes explained explains continued continues " +
    "noted notes replied replies shouted shouts stated states recalled recalls insisted insists argued " +
    "argues declared declares warned warns answered answers claimed claims cried exclaimed joked jokes " +
    "laughed quipped remarked remarks responded responds tweeted tweets whispered yelled admitted admits " +
    "acknowledged acknowledges announced announces observed observes concluded concludes suggested " +
    "suggests agreed agrees predicted predicts urged urges according mused muses pleaded screamed " +
    "sang sighed boasted boasts conceded concedes countered counters demanded demands posted posts " +
    "wondered wonders confirmed confirms reported reports added"
  ).split(" "),
);

/** Words that, after "a.m."/"p.m.", continue the sentence ("9 a.m. Thursday", "5 p.m. ET"). */
export const TIME_FOLLOWERS: Set<string> = new Set(
  (
    "et pt ct mt est edt pst pdt cst cdt gmt utc bst cet eastern pacific central mountain local " +
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday " +
    "january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec"
  ).split(" "),
);
