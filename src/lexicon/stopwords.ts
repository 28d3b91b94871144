/**
 * English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and a few
 * high-frequency adverbs. Content words are everything else. Lower-case, apostrophes normalised to '.
 */
const WORDS = `
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are aren't around as at be became
because become becomes becoming been before beforehand behind being below beside besides between beyond both
but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either
else elsewhere enough etc even ever every everyone everything everywhere except few for former formerly from
further had hadn't has hasn't have haven't having he he'd he'll he's hence her here here's hereafter hereby
herein hers herself him himself his how how's however i i'd i'll i'm i've if in indeed into is isn't it it's
its itself just least less let's like many may me meanwhile might mine more moreover most mostly much must
mustn't my myself namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of
off often on once one only onto or other others otherwise ought our ours ourselves out over own per perhaps
please quite rather really same seem seemed seeming seems several she she'd she'll she's should shouldn't
since so some somehow someone something sometime sometimes somewhere still such than that that's the their
theirs them themselves then thence there there's thereafter thereby therefore therein thereupon these they
they'd they'll they're they've this those though through throughout thru thus to together too toward towards
under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's whatever when
when's whence whenever where where's whereafter whereas whereby wherein whereupon wherever whether which while
whither who who's whoever whole whom whose why why's will with within without won't would wouldn't yet you
you'd you'll you're you've your yours yourself yourselves 's s t d ll m re ve
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
