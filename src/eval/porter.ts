/**
 * Porter stemmer with the behaviour of NLTK's `PorterStemmer()` in its default mode
 * (`NLTK_EXTENSIONS`), which is what Google's `rouge-score` uses with `use_stemmer=True`.
 *
 * Differences from the 1980 paper that this mode has (all reproduced here):
 * - a table of irregular forms (dying → die, skies → sky, news → news, …) bypasses the rules;
 * - words of one or two characters are returned unchanged;
 * - step 1a: "ies" of a four-letter word → "ie" (dies → die, but flies → fli);
 * - step 1b: "ied" → "ie" for four-letter words, else → "i" (died → die, spied → spi);
 * - the *o condition also holds for a two-letter vowel-consonant stem;
 * - step 1c: y → i only after a consonant that is not the first letter (happy → happi, enjoy → enjoy);
 * - step 2: "alli" → "al" is tried first and then step 2 runs again; "bli" → "ble" instead of
 *   "abli" → "able"; extra rules "fulli" → "ful" and "logi" → "log" (measure taken with the "l").
 *
 * Rule lists follow NLTK's first-match semantics: the first rule whose suffix matches decides,
 * and if its condition fails the word is left as it is (later rules are not tried).
 */

type Condition = (stem: string) => boolean;
type Rule = readonly [suffix: string, replacement: string, condition: Condition | null];

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["sky", "sky"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["news", "news"],
  ["innings", "inning"],
  ["inning", "inning"],
  ["outings", "outing"],
  ["outing", "outing"],
  ["cannings", "canning"],
  ["canning", "canning"],
  ["howe", "howe"],
  ["proceed", "proceed"],
  ["exceed", "exceed"],
  ["succeed", "succeed"],
]);

function isVowelLetter(c: string): boolean {
  return c === "a" || c === "e" || c === "i" || c === "o" || c === "u";
}

/** True when word[i] is a consonant: not a, e, i, o, u, and "y" only when it follows a vowel or starts the word. */
function isConsonant(word: string, i: number): boolean {
  // Walk back over a run of y's: y at 0 is a consonant, y after a consonant is a vowel.
  let consonant = true;
  let start = i;
  while (start >= 0 && word[start] === "y") start--;
  // word[start] is the first non-y before the run (or start < 0).
  if (start < 0) {
    consonant = true; // y at position 0 is a consonant
    start = 0;
  } else {
    consonant = !isVowelLetter(word[start]!);
  }
  for (let k = start + 1; k <= i; k++) consonant = !consonant; // each y flips the previous state
  return consonant;
}

/** Porter's measure m: the number of vowel→consonant transitions, i.e. the count of "VC" in [C](VC){m}[V]. */
function measure(stem: string): number {
  let m = 0;
  let prevConsonant = true; // value irrelevant for i = 0 except for a leading y
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i]!;
    let consonant: boolean;
    if (isVowelLetter(c)) consonant = false;
    else if (c === "y") consonant = i === 0 ? true : !prevConsonant;
    else consonant = true;
    if (consonant && prevVowel) m++;
    prevVowel = !consonant;
    prevConsonant = consonant;
  }
  return m;
}

function hasPositiveMeasure(stem: string): boolean {
  return measure(stem) > 0;
}

function measureAboveOne(stem: string): boolean {
  return measure(stem) > 1;
}

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** Condition *o: ends consonant-vowel-consonant with the last not w, x or y; or (NLTK) is a two-letter vowel-consonant. */
function endsCvc(word: string): boolean {
  const n = word.length;
  if (n >= 3) {
    const last = word[n - 1]!;
    if (
      isConsonant(word, n - 3) &&
      !isConsonant(word, n - 2) &&
      isConsonant(word, n - 1) &&
      last !== "w" &&
      last !== "x" &&
      last !== "y"
    ) {
      return true;
    }
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      if (condition === null || condition(stem)) return stem + replacement;
      return word;
    }
  }
  return word;
}

const STEP1A: readonly Rule[] = [
  ["sses", "ss", null],
  ["ies", "i", null],
  ["ss", "ss", null],
  ["s", "", null],
];

function step1a(word: string): string {
  if (word.length === 4 && word.endsWith("ies")) return word.slice(0, 1) + "ie";
  return applyRules(word, STEP1A);
}

function step1b(word: string): string {
  if (word.endsWith("ied")) return word.length === 4 ? word.slice(0, -3) + "ie" : word.slice(0, -3) + "i";
  if (word.endsWith("eed")) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + "ee" : word;
  }
  let stem: string | null = null;
  if (word.endsWith("ed")) {
    const s = word.slice(0, -2);
    if (containsVowel(s)) stem = s;
  } else if (word.endsWith("ing")) {
    const s = word.slice(0, -3);
    if (containsVowel(s)) stem = s;
  }
  if (stem === null) return word;
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) return stem + "e";
  if (endsDoubleConsonant(stem)) {
    const last = stem[stem.length - 1];
    return last === "l" || last === "s" || last === "z" ? stem : stem.slice(0, -1);
  }
  return measure(stem) === 1 && endsCvc(stem) ? stem + "e" : stem;
}

function step1c(word: string): string {
  if (!word.endsWith("y")) return word;
  const stem = word.slice(0, -1);
  return stem.length > 1 && isConsonant(stem, stem.length - 1) ? stem + "i" : word;
}

function step2(word: string): string {
  if (word.endsWith("alli")) {
    const stem = word.slice(0, -4);
    if (hasPositiveMeasure(stem)) return step2(stem + "al");
  }
  const rules: readonly Rule[] = [
    ["ational", "ate", hasPositiveMeasure],
    ["tional", "tion", hasPositiveMeasure],
    ["enci", "ence", hasPositiveMeasure],
    ["anci", "ance", hasPositiveMeasure],
    ["izer", "ize", hasPositiveMeasure],
    ["bli", "ble", hasPositiveMeasure],
    ["alli", "al", hasPositiveMeasure],
    ["entli", "ent", hasPositiveMeasure],
    ["eli", "e", hasPositiveMeasure],
    ["ousli", "ous", hasPositiveMeasure],
    ["ization", "ize", hasPositiveMeasure],
    ["ation", "ate", hasPositiveMeasure],
    ["ator", "ate", hasPositiveMeasure],
    ["alism", "al", hasPositiveMeasure],
    ["iveness", "ive", hasPositiveMeasure],
    ["fulness", "ful", hasPositiveMeasure],
    ["ousness", "ous", hasPositiveMeasure],
    ["aliti", "al", hasPositiveMeasure],
    ["iviti", "ive", hasPositiveMeasure],
    ["biliti", "ble", hasPositiveMeasure],
    ["fulli", "ful", hasPositiveMeasure],
    // The "l" of "logi" counts with the stem, so geology → geolog like archaeology → archaeolog.
    ["logi", "log", () => hasPositiveMeasure(word.slice(0, -3))],
  ];
  return applyRules(word, rules);
}

const STEP3: readonly Rule[] = [
  ["icate", "ic", hasPositiveMeasure],
  ["ative", "", hasPositiveMeasure],
  ["alize", "al", hasPositiveMeasure],
  ["iciti", "ic", hasPositiveMeasure],
  ["ical", "ic", hasPositiveMeasure],
  ["ful", "", hasPositiveMeasure],
  ["ness", "", hasPositiveMeasure],
];

const STEP4: readonly Rule[] = [
  ["al", "", measureAboveOne],
  ["ance", "", measureAboveOne],
  ["ence", "", measureAboveOne],
  ["er", "", measureAboveOne],
  ["ic", "", measureAboveOne],
  ["able", "", measureAboveOne],
  ["ible", "", measureAboveOne],
  ["ant", "", measureAboveOne],
  ["ement", "", measureAboveOne],
  ["ment", "", measureAboveOne],
  ["ent", "", measureAboveOne],
  ["ion", "", (stem) => measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))],
  ["ou", "", measureAboveOne],
  ["ism", "", measureAboveOne],
  ["ate", "", measureAboveOne],
  ["iti", "", measureAboveOne],
  ["ous", "", measureAboveOne],
  ["ive", "", measureAboveOne],
  ["ize", "", measureAboveOne],
];

function step5a(word: string): string {
  if (!word.endsWith("e")) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  if (m > 1) return stem;
  if (m === 1 && !endsCvc(stem)) return stem;
  return word;
}

function step5b(word: string): string {
  if (word.endsWith("ll") && measure(word.slice(0, -1)) > 1) return word.slice(0, -1);
  return word;
}

function stemUncached(word: string): string {
  const lower = word.toLowerCase();
  // NLTK looks the word up as given (before lower-casing) and uses the length of the word as given.
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return lower;
  let s = step1a(lower);
  s = step1b(s);
  s = step1c(s);
  s = step2(s);
  s = applyRules(s, STEP3);
  s = applyRules(s, STEP4);
  s = step5a(s);
  return step5b(s);
}

const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** Stems one word like NLTK's `PorterStemmer().stem(word)` (default mode, lower-cases). Memoized. */
export function stem(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const result = stemUncached(word);
  if (cache.size >= CACHE_LIMIT) {
    // Drop the oldest entry (Map keeps insertion order).
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(word, result);
  return result;
}

/** Empties the memo table (for tests and long-running processes that want the memory back). */
export function clearStemCache(): void {
  cache.clear();
}
