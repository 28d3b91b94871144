/**
 * Line-level judgement of web furniture. Every rule looks at a WHOLE line (or at the credit/signature at its
 * end) together with its features (length, final punctuation, capitalisation, verbs, vocabulary); a keyword
 * alone never removes a line. The patterns describe kinds of furniture, not strings from particular pages.
 */
import type { RemovalReason } from "../types.ts";
import { countWords, type Line, lineKey } from "./lines.ts";
import { MONTH, parseBareDateLine, parseBylineLine, parseStampLine } from "./metadata.ts";

/** What the line-level classifier decided about one line. */
export interface Verdict {
  reason: RemovalReason;
  /** A byline with the author's name. */
  author?: string;
  /** A stamp: which date field it carries, and the ISO date if it has one. */
  stamp?: "updated" | "published";
  iso?: string;
  /** A lone agency/newsroom name: a byline before the body, a photo credit inside it. */
  agency?: boolean;
  /** A "Related:" style label: the short lines after it are links. */
  listLabel?: boolean;
  /** For captions ending in a credit: the key of the caption text without the credit. */
  captionKey?: string;
}

interface Rule {
  re: RegExp;
  reason: RemovalReason;
  /** Only lines with at most this many words. */
  max: number;
  /**
   * For rules not anchored at the start: a plain search for words that every match of `re` contains (same
   * case sensitivity), tried first because it is much cheaper than `re` on the many lines without them.
   */
  hint?: RegExp;
}

/** Longest line judged a caption as a whole; a credit at the end of a longer line is cut off alone. */
const CAPTION_MAX = 90;
/** Longest line judged a caption from a "Photo: X" label at its end. */
const LABELLED_MAX = 40;
/** Longest line judged a caption from its opening alone ("FILE - In this photo …"), with no credit. */
const OPENING_MAX = 50;
/** Longest line judged a caption from a "Photo: X" label glued after its last sentence. */
const PHOTO_LABEL_MAX = 25;
/** Longest line judged an embedded post as a whole (a post is at most ~60 words). */
const EMBED_MAX = 70;

/** Verbs of reporting: a line that attributes something to someone is news, not furniture. */
export const REPORTING =
  /\b(?:said|says|say|told|tells|according to|added|adds|noted|wrote|writes|stated|explained|announced|reported|claimed|insisted|asked|warned|argued|argues)\b/i;
/** Addressing the reader ("you", "our"); "us" only in lower case, so that "US" (the country) does not count. */
const READER = /\b(?:you|your|yours|we|our)\b|\b(?:we|you)['’](?:ll|re|ve|d)\b/i;
const READER_US = /\b[Uu]s\b/;
function addressesReader(text: string): boolean {
  return READER.test(text) || READER_US.test(text);
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const HANDLE = /(?:^|[\s(])@\w{2,}/;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+\.\S+/;
const PHONE = /\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b|\b\d{4} \d{3} \d{3,4}\b/;
const PLATFORM =
  /\b(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon)\b|@\w|https?:/i;

const AGENCY_WORD =
  /\b(?:getty|ap|afp|reuters|epa|efe|associated press|shutterstock|corbis|wenn|splash|rex|alamy|bloomberg|xinhua|yonhap|kcna|pool|handout|wireimage|filmmagic|nasa|youtube|instagram|twitter|facebook|cnet|istock|istockphoto|zuma|sipa|anadolu|tass|dpa|abaca|sputnik|ria novosti|imago|invision)\b/i;

/** Whole-line rules, tried in order; each is anchored at both ends or guarded by a small word limit. */
/** Text of a post-embedding widget (Twitter's location notice, "Embed this tweet"): furniture even when an
 * article holds nothing else. */
export const EMBED_UI =
  /^(?:tweet with a location|you can add location information to your tweets\b.*|add this (?:tweet|video) to your website\b.*|embed (?:this )?(?:tweet|video|post)|view (?:this )?(?:post|tweet|photo|video) on (?:instagram|twitter|facebook|youtube)|(?:verified account|twitter ads info)\b.*|\d{1,2}:\d{2} [ap]m - \d{1,2} \w+ \d{4})\W*$/i;

const LINE_RULES: Rule[] = [
  // Advertising
  {
    re: /^(?:advertisements?|advertising|advert|ad|sponsored(?: (?:content|links?|stories|posts?))?|paid (?:content|post|partner content)|promoted(?: (?:stories|content|links))?|partner content|story continues?(?: below| after)?(?: (?:this )?advertisement)?|story continued below|article continues (?:below|after (?:this )?advertisement)|continue reading(?: the main story| below)?)\W*$/i,
    reason: "ad",
    max: 6,
  },
  {
    re: /^(?:advertisement|advert|ad)\s*[-–—:|]?\s*(?:continue reading(?: the main story| below)?|story continues below)\W*$/i,
    reason: "ad",
    max: 8,
  },
  { re: /^(?:sponsored|paid for|presented|brought to you) by\s+\S.*$/i, reason: "ad", max: 8 },
  // Share menus and follow prompts
  {
    re: /^(?:share|share this(?: (?:article|story|post|page|video|on \w+))?|share (?:on|via|to|with) \S+(?: \S+)?|share (?:your|this) (?:story|thoughts|comments?)|tweet this|pin it|e-?mail this(?: (?:article|story|page))?|print this(?: (?:article|story|page))?|follow us(?: on .+)?|like us on facebook|find us on facebook|connect with us(?: on .+)?|join us on (?:facebook|twitter|instagram)(?: .+)?|click to (?:share|email|print|tweet|pin)\b.*|share or comment on this (?:article|story).*|read or share this story:.*|rss(?: feeds?)?|follow by e-?mail|subscribe via rss|atom feed)\W*$/i,
    reason: "share",
    max: 15,
  },
  { re: /^(?:twitter|facebook|instagram|e-?mail|linkedin)\s*:\s*\S+(?:\s+\S+)?$/i, reason: "share", max: 4 },
  {
    re: /^see more (?:of|from) .{1,60} on (?:facebook|instagram|twitter|youtube|linkedin)\W*$/i,
    reason: "share",
    max: 14,
  },
  // Syndication footers that feed generators append ("The post <title> appeared first on <site>.")
  {
    re: /^(?:the post .{3,200} appeared first on .{2,80}|this (?:article|story|post) (?:was )?(?:originally |first )?(?:appeared|published) (?:first )?(?:on|in) .{2,80})\W*$/i,
    reason: "navigation",
    max: 60,
  },
  // Subscription prompts (whole-line forms; longer prompts are scored below)
  {
    re: /^(?:subscribe(?: now| today| here)?|sign up(?: now| today| here)?|get (?:our|the) newsletters?|newsletters?(?: sign[- ]?up)?|thanks? (?:you )?for (?:subscribing|signing up)|already (?:a )?(?:subscriber|member)\b.*|you(?:'ve|’ve| have) (?:successfully )?(?:subscribed|signed up)\b.*|support (?:our|independent|quality) journalism\b.*|become a (?:member|subscriber|supporter)\b.*|log ?in|sign in|register|create (?:an |your )?account|invalid e-?mail(?: address)?)\W*$/i,
    reason: "subscribe",
    max: 15,
  },
  // E-mail alert boxes: "Breaking News Emails Get breaking news alerts and special reports. The news and
  // stories that matter, delivered weekday mornings."
  {
    re: /^(?:[\w ]{0,30}\be-?mails?\s+)?get (?:breaking news|news|the latest) alerts\b.{0,160}$|^[\w ,]{0,60}\bdelivered (?:to you )?(?:every )?(?:weekday|daily|every) (?:mornings?|evenings?)\W*$/i,
    reason: "subscribe",
    max: 40,
  },
  // App promotions: "Want stories like these delivered straight to your phone? Download the Us Weekly iPhone app
  // now!" (a whole line; "an incentive to download the app" inside a sentence is news)
  {
    re: /^(?:(?:want|get) (?:more )?(?:stories|news|updates|alerts)\b[^?!.]{0,80}[?!.]\s*)?download (?:the|our) [^.!?]{0,60}?\bapps?\b[^.!?]{0,100}[.!?]?\s*$/i,
    reason: "subscribe",
    max: 40,
  },
  // Comment prompts and counters
  {
    re: /^(?:leave a (?:reply|comment)|post a comment|add (?:a |your )?comments?|comments?|no comments(?: yet)?|view (?:all )?comments|show comments|hide comments|load comments|read comments|see (?:all )?comments|join the (?:conversation|discussion|debate)|(?:sign|log) ?in to (?:comment|reply|post)|you must be logged in to (?:post a )?comment|be the first to comment|comments? (?:are|is) (?:now )?(?:closed|disabled)|commenting (?:is|has been) (?:closed|disabled)|post with no comments|there (?:are|is) (?:no|\d+) comments?|\d+ comments?|comments? \(?\d+\)?|cancel reply|report abuse|conversation|discussion)\W*$/i,
    reason: "comments",
    max: 14,
  },
  {
    re: /^(?:your e-?mail address will not be published|required fields are marked)\b/i,
    reason: "comments",
    max: 25,
  },
  // Cookie / legal link rows
  {
    re: /^(?:privacy(?: policy| notice| statement)?|terms(?: of (?:use|service))?|terms and conditions|cookie (?:policy|settings|preferences)|accept(?: all)?(?: cookies)?|manage (?:cookies|preferences|consent)|do not sell my (?:personal )?info(?:rmation)?|ad ?choices)(?:\s*[|•·,/]\s*(?:privacy(?: policy)?|terms(?: of (?:use|service))?|cookie policy|contact us|about us|sitemap|careers|ad ?choices|help|faq))*\W*$/i,
    reason: "cookie",
    max: 14,
  },
  // Caption and image-credit labels
  {
    re: /^(?:photo|photos|image|images|picture|pictures|video|gallery|slideshow|enlarge(?: (?:image|photo|this image))?|view (?:gallery|slideshow|photos|image|video)|open gallery|click to enlarge|hide caption|toggle caption|show caption|caption|media caption)\W*$/i,
    reason: "caption",
    max: 3,
  },
  {
    re: /^(?:image|photo|picture|video|media) (?:copyright|caption|credit|source)\b/i,
    reason: "caption",
    max: 45,
  },
  { re: /^enlarge (?:this )?(?:image|photo|icon)\b/i, reason: "caption", max: 40 },
  { re: /^media playback is unsupported on your device\b/i, reason: "caption", max: 45 },
  { re: /^(?:photo|video) gallery\b/i, reason: "widget", max: 30 },
  { re: /^skip (?:twitter|instagram|facebook|youtube|tiktok) post\b/i, reason: "embed", max: EMBED_MAX },
  {
    re: /\bthis copy is for your personal,? non-?commercial use only\b/i,
    reason: "other",
    max: 60,
    hint: /this copy is for your personal/i,
  },
  // A server's or browser's error page in place of the article
  {
    re: /^(?:the ip address (?:has changed|for this domain may have changed)|check your dns settings\b|it may take \d+-\d+ hours for dns changes|(?:error )?404(?: error)?\W+(?:page )?not found|page not found\W*$|403 forbidden|access denied\W*$|service (?:temporarily )?unavailable\W*$|this site can['’]t be reached|(?:sorry, )?the page you (?:are looking for|were looking for|requested) (?:could not be found|cannot be found|can['’]t be found|does not exist|is no longer available|has been removed)|this (?:video|content) is (?:no longer|not) available(?: in your (?:country|region))?\W*$)/i,
    reason: "widget",
    max: 70,
    hint: /ip address|dns|404|not found|forbidden|access denied|unavailable|can['’]t be reached|page you|no longer available|not available/i,
  },
  // The Internet Archive's notice on a page it crawled: a page that failed to load, not an article
  {
    re: /^these crawls are part of an effort to archive pages\b|^crawls of supported\s*["“]\s*no more 404\s*["”]\s*sites\W*$|^starting in 1996, alexa internet has been donating their crawl data to the internet archive\b|^flowing in every day, these data are added to the wayback machine\b/i,
    reason: "widget",
    max: 140,
    hint: /crawl|wayback/i,
  },
  { re: /^\((?:photo |image )?credits?:[^()]*\)$/i, reason: "caption", max: 12 },
  { re: /^FILE(?: PHOTO)?\s*[-–—:|]\s*\S/, reason: "caption", max: OPENING_MAX },
  { re: /^CLOSE\s+[A-Z"“]/, reason: "caption", max: 50 },
  // Embedded posts: the widget's own text, never the post
  { re: EMBED_UI, reason: "embed", max: 45 },
  // Navigation: labels, related links, crumbs
  {
    re: /^(?:related(?: (?:posts?|articles?|stories|content|coverage|links?|news|reading|topics|videos?|galleries|gallery|items|searches))?|more (?:stories|news|videos|coverage|headlines)|also(?: read)?|see also|read (?:more|also|next|this next)|recommended(?: for you| stories| reading)?|you (?:may|might) also like|you may be interested in|popular(?: now| stories)?|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|top stories|latest(?: news| stories| headlines)?|what to read next|further reading|in other news|editor['’]?s picks|around the web|from our partners|promoted (?:links|stories)|more|next|previous|back to top|skip to (?:main )?content|main menu|menu|search|home|opinion|in-depth|sections|topics|tags|story highlights|more from [\w ]{1,30}|more on (?:this|[A-Z][\w ]{1,30}))\s*[:»>…-]*$/i,
    reason: "navigation",
    max: 6,
  },
  {
    re: /^click (?:here|for more|to (?:read|see|watch|view|learn|find out|donate|subscribe|play|listen|enlarge|continue))\b|\bclick here\b/i,
    reason: "navigation",
    max: 14,
    hint: /click/i,
  },
  {
    re: /^view (?:graphic|interactive|photos?|gallery|video|slideshow|full (?:story|article|coverage)|more|all)\b/i,
    reason: "navigation",
    max: 20,
  },
  // Widgets
  {
    re: /^(?:text size|font size|a\s?a\s?a|print(?: this)?(?: page| article| story)?|save(?: article| story)?|bookmark|reprints?(?: (?:&|and) permissions)?|permalink|download(?: the)? app|get the app|open in app|listen to (?:this )?(?:article|story)|\d+ min(?:ute)?s? read|audio only|play video|play|replay|watch video|watch live|live|live updates|video loading|video unavailable|media playback is unsupported on your device|this video (?:is|has been) (?:unavailable|removed)|loading|please wait|close|menu|toggle navigation|skip(?: to (?:main )?content| ad)?|up next|autoplay|next video|more videos|map customizer|scroll (?:down|to continue)|expand|collapse|fullscreen|mute|unmute)\W*$/i,
    reason: "widget",
    max: 8,
  },
  {
    re: /\b(?:just watched|must watch|replay more videos|video will start in|copy this code to your (?:website|site|blog)|autoplay autoplay)\b/i,
    reason: "widget",
    max: 40,
    hint: /just watched|must watch|replay more videos|video will start in|copy this code to your|autoplay autoplay/i,
  },
  // Credits and notes about the article itself
  {
    re: /^[—–-]*\s*\(?(?:additional )?(?:reporting|writing|editing|research|compiled|translated|translation|produced|graphics)(?: by|:)\s/i,
    reason: "byline",
    max: 40,
  },
  {
    re: /\bcontributed (?:to )?(?:this|the) (?:report|story|article|reporting)\W*$/i,
    reason: "byline",
    max: 25,
    hint: /contributed /i,
  },
  {
    // the wire's credits paragraph: "Hays reported from New York and Breed from Raleigh; AP Science Writer
    // Seth Borenstein contributed to this report from Washington. Associated Press writers … also contributed."
    re: /^(?:[\p{Lu}][\p{L}.'’-]+\s){1,3}(?:and (?:[\p{Lu}][\p{L}.'’-]+\s){1,3})?reported from\b.*\bcontributed\b[^.!?]*[.!?]?["”]?$/u,
    reason: "byline",
    max: 90,
    hint: /reported from/,
  },
  {
    // a station's credit and promo lines: "NBC 7's Wendy Fry reports.", "Watch NBC 7 News at 4 p.m. for updates."
    re: /^(?:[\p{Lu}\d][\p{L}\d&.-]*\s){1,3}?[\p{Lu}\d][\p{L}\d&.-]*['’]s (?:[\p{Lu}][\p{L}.'’-]+\s){1,2}[\p{Lu}][\p{L}'’-]+ reports?\.?$|^watch .{2,60}?\b(?:at|on|tonight)\b.{0,40}?\bfor (?:updates|more|the latest)\b.{0,60}$/iu,
    reason: "byline",
    max: 25,
    hint: /reports?\.?$|^watch /i,
  },
  {
    // "Associated Press writers Ana Ruiz in Dover, Delaware, and Tom Bell in Trenton also contributed."
    re: /^(?:[\p{Lu}][\p{L}.&'’-]*\s){0,4}(?:staff )?(?:writers?|reporters?|correspondents?|researchers?)\s[^!?]{0,300}?\b(?:also )?contributed\b(?: to (?:this|the) (?:report|story|article|reporting))?\W*$/u,
    reason: "byline",
    max: 50,
    hint: /contributed/,
  },
  {
    re: /^[\p{Lu}][\p{L}.'’ ,&-]{2,150}\bcontributed\W*$/u,
    reason: "byline",
    max: 15,
    hint: /contributed/,
  },
  {
    re: /^[—–-]*\s*(?:with )?(?:assistance|reporting|additional reporting) (?:from|by)\b|^contributing\s*:/i,
    reason: "byline",
    max: 30,
  },
  { re: /^[—–-]\s*[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){1,3}$/u, reason: "byline", max: 5 },
  {
    // "Jane Doe reported from Kabul and John Roe from Washington."
    re: /^[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3}(?:,? (?:and )?[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3})* reported (?:from|in) [\p{Lu}]/u,
    reason: "byline",
    max: 20,
  },
  {
    // "Jane Doe, BBC News, Islamabad": name, outlet, place.
    re: /^[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){1,3}, (?:[\p{Lu}][\p{L}.'’&-]* ){0,3}(?:News|Press|Times|Post|Correspondent|Reporter|Editor|Staff)(?:, [\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,2})?$/u,
    reason: "byline",
    max: 10,
  },
  { re: /^(?:AP|AFP|Reuters|REUTERS|Getty Images|EPA) Photo\b/, reason: "caption", max: 30 },
  {
    re: /^(?:this (?:story|article|report|piece) was (?:prepared|produced|written|reported|made possible|supported|funded|originally produced) (?:in partnership with|by|with|for|through)\b)/i,
    reason: "byline",
    max: 30,
  },
  {
    re: /^[—–-]*\s*\(?(?:this|the) (?:article|story|post|report|piece|editorial|column|interview|video|page|version) (?:was |has been |is |had been )?(?:originally |first |last |previously )?(?:updated|published|posted|corrected|amended|modified|edited|reproduced|republished|reprinted|revised|appeared)\b/i,
    reason: "stamp",
    max: 45,
  },
  { re: /^\(?originally (?:published|posted|appeared)\b/i, reason: "stamp", max: 30 },
  {
    re: /^(?:[\w ,.]{0,30}\b)?update[ds]?\b.{0,40}?:\s*(?:adds?|added|article (?:updated|has been updated)|this (?:story|article|post)|corrects?|corrected|changes?|updates?|updated|includes?)\b/i,
    reason: "stamp",
    max: 30,
  },
  // Legal / copyright notices and browser messages
  {
    re: /^\(?(?:©|\(c\)|copyright\b)|^(?:republished|reprinted|reproduced) (?:with|by) (?:permission|arrangement)\b/i,
    reason: "other",
    max: 60,
  },
  {
    re: /\ball rights reserved\b|\bmay not be (?:published|broadcast|rewritten|redistributed)\b/i,
    reason: "other",
    max: 30,
    hint: /all rights reserved|may not be /i,
  },
  {
    re: /\b(?:(?:please )?enable javascript|javascript (?:is )?(?:disabled|required)|not a robot|your browser (?:does not|doesn['’]t) support|(?:update|upgrade) your browser|ad ?blocker|disable your ad|whitelist (?:us|our site))\b/i,
    reason: "other",
    max: 60,
    hint: /javascript|not a robot|your browser|blocker|disable your ad|whitelist /i,
  },
];

// ---- credits and signatures at the END of a line (tested on the tail only) ----
const TAIL = 220;
/** "(AP Photo/Ahn Young-joon)", "(U.S. Navy photo)", "(Photo: AP)", cut-off "(AP Photo/Steve... (Associated Press)". */
const TRAILING_PHOTO_CREDIT =
  /\((?:[\p{Lu}][\p{L}.&'’-]*\s+){0,4}(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|[Pp]icture|[Vv]ideo|[Ss]creenshot|[Ii]llustration|[Gg]raphic|[Ff]ile photo)s?\b[^()]{0,100}(?:\)\s*)?(?:\((?:AP|Associated Press|Reuters|AFP|Getty Images|EPA)\)\s*)?$/u;
const TRAILING_AGENCY_CREDIT =
  /\b(?:REUTERS|AFP|EPA|AP|XINHUA|YONHAP|KCNA|GETTY IMAGES|POOL|SHUTTERSTOCK)(?:-[A-Z]+)?\s*\/\s*[\p{L}.'’ -]{2,50}$|(?:\/|\bvia )(?:Getty Images|AFP|AP|Reuters|Shutterstock|EPA)\)?$|[.!?]["”]?\s*\((?:AP|Reuters|AFP|EPA|Getty Images|Associated Press)\)$|[.!?]["”]?\s+[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3}\s+\/\s+(?:for )?[\p{Lu}][\p{L}&.' -]{1,40}$/u;
/** "… a source said. | Photo: Reuters", "… Credit: EIA", "photo credit to:" */
const TRAILING_LABELLED_CREDIT =
  /\|\s*(?:[Pp]hoto|[Ii]mage|[Cc]redit|[Ss]ource|[Vv]ideo)s?\s*:\s*[^|]{1,60}$|(?:^|[.!?)"”]\s+)(?:[Pp]hoto|[Ii]mage|[Pp]icture)?\s*[Cc]redits?\s*(?:to)?\s*:\s*[^.!?]{0,60}$|\s(?:Photo |Image |Picture )?Credits?:\s*[^\s:]+(?:\s[^\s:]+){0,5}$/u;
/** "… the minister said. Photo: Reuters": weaker, the label may be glued to an article paragraph. */
const TRAILING_PHOTO_LABEL = /[.!?]["”]?\s+(?:[Pp]hoto|[Ii]mage|[Pp]icture)s?\s*:\s*[\p{L}/ ,.&'’-]{2,60}$/u;
/** "— Seth Rogen (@Sethrogen) July 5, 2017" */
const TWEET_SIGNATURE = new RegExp(
  `[—–-]{1,2}\\s*[^—–()]{1,60}\\(@\\w{1,30}\\)\\s*(?:on\\s+)?${MONTH}\\s+\\d{1,2},?\\s+\\d{4}(?:\\s+Report)?\\s*$`,
);
const INSTAGRAM_SIGNATURE = new RegExp(
  `\\bA (?:post|video|photo) shared by\\b.{1,100}\\s+on\\s+${MONTH}\\s+\\d{1,2}`,
  "i",
);
const PIC_TWITTER = /\bpic\.twitter\.com\/\w+/;
/** "… Posted by Jane Doe on Wednesday, March 2, 2016" (an embedded Facebook post). */
const POSTED_BY_SIGNATURE = new RegExp(
  `\\bPosted by [^.!?]{1,60} on (?:[A-Z][a-z]+day,? )?${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\s*$`,
);
const THREAD_MARK = /\(\d{1,2}\/\d{1,2}\)\s*$/;
const TRAILING_HANDLE = /@\w{2,}\W*$/;

// ---- caption openings ----
const CAPTION_OPENING =
  /^(?:in )?this (?:\S+ )?(?:undated |handout |file |aerial |combination |\w+\.? \d{1,2}, \d{4},? (?:file )?)?(?:photo|image|picture|photograph|video|screenshot|frame grab|still)\b|^an? (?:handout |undated |file |aerial |satellite )?(?:photo|image|picture|still image|video grab|frame grab)(?: [\w.,'’-]+){1,10}? (?:shows|showing)\b/i;
const CREDIT_COLON =
  /^(?:photo|image|picture|video|graphic|illustration|screenshot|source)s?(?: credits?)?\s*:\s*(\S.*)$/i;
const CREDIT_BY =
  /^(?:photo|photograph|image|picture|video|graphic|illustration|screenshot|thumbnail image|top image|header image|lead image|main image|file photo)s?(?: credits?)? (?:by|courtesy(?: of)?|via|credits?(?: to)?|from|to)\b/i;
const SLASH_CREDIT = /^[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}\s*\/\s*\S.*$/u;
const AGENCY_ALONE =
  /^(?:the )?(?:associated press|reuters|afp|agence france-presse|ap|upi|bloomberg(?: news)?|cnn(?: wire)?|pa|pa wire|dpa|xinhua|efe|ani|pti|ians|tass|press association|getty images|getty|epa|shutterstock|ap photo|handout|pool)(?: photo)?$/i;
const NEWSROOM =
  /^(?:[\p{Lu}][\p{L}&.'’-]*\s+){1,3}(?:[Nn]ewsroom|[Ss]taff(?: [Ww]riter| [Rr]eporter)?|[Ww]ire|[Nn]ews [Dd]esk|[Ww]eb [Dd]esk|[Nn]ews [Ss]ervice|[Ee]ditorial [Bb]oard)$/u;

// ---- label + list ("Read more about: A, B, C", "PHOTOS: …", "(Quiz: …)") ----
const LABEL_LIST =
  /^[([]?\s*(?:read more about|more about|more on|more from|tags?|topics?|filed under|related(?: topics| articles?| stories| coverage| posts?| content| links?| news| video| reading)?|categories|see more|posted in|also read|also on [\w ]{1,30}|read more|read also|read next|more|see also|also|read|watch|watch more|listen|photos?|pics|videos?|maps?|interactive(?: map| graphic)?|graphics?|gallery|slideshow|quiz|poll|bonus|timeline|more coverage|full coverage|references?|sources?|via|h\/t|hat tip|recommended|trending|don['’]t miss|must read|must see|in pictures)\s*:/i;
const BRACKETED = /^[([].*[)\]]$/;

// ---- contact lines ----
const CONTACT_OPENING =
  /^(?:to contact|you can (?:reach|contact|e-?mail|follow)|contact|reach|e-?mail|write to|send (?:tips|comments|questions))\b/i;
/** A question inviting tips before the contact: "Have a news tip? Email us at …", "Got a story idea? Call …". */
const TIP_LEAD =
  /^(?:(?:do you )?have|got|know(?: of)?) (?:a |an |any )?(?:news )?(?:tips?|story(?: ideas?)?|questions?|comments?|information|correction)\b[^.?!]{0,40}[?.!]\s*/i;
const FOLLOW_OPENING =
  /^(?:[Ff]ollow|FOLLOW) (?:me|us|him|her|them|@\w+|[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3})(?:\s|$|[;,.])/u;
const CAN_BE_FOLLOWED = /\bcan be (?:followed|reached|contacted) (?:on|at|via)\b/i;
/** An author's note: "— Lena Marsh is the Gazette's science writer." (signed with a handle, e-mail or follow prompt). */
const AUTHOR_NOTE =
  /^(?:[—–-]+\s*)?[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){1,3} (?:is|was) (?:a|an|the|[\p{Lu}][\p{L}.'’&-]*['’]s)\b[^.!?]{0,120}?\b(?:writer|reporter|correspondent|editor|journalist|columnist|contributor|specialist|producer|author|fellow|blogger|intern)s?\b/u;
const FOLLOW_PERSON = /\bfollow (?:him|her|them|me)\b/i;
/** A columnist's bio closing an op-ed: "Carville is a political contributor for Fox News … His column will
 *  appear twice a month in The Hill." (the bio opening and the column sentence together) */
const COLUMN_BIO =
  /^[\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3} (?:is|was) (?:a|an|the)\b[^.!?]{0,120}?\b(?:writer|columnist|contributor|commentator|strategist|analyst|editor|correspondent)\b.*\b(?:His|Her|Their) column (?:will )?(?:appears?|runs?)\b/su;
const CONTACT_STRIP = new RegExp(
  `${EMAIL.source}|${URL.source}|${PHONE.source}|(?:^|\\s)@\\w+|\\bor\\b|[,;:()|/·•-]`,
  "g",
);

// ---- subscriptions ----
const SUB_HIT =
  /\b(?:subscrib\w*|unsubscrib\w*|newsletters?|sign(?:ing|ed)? ?up|inbox|opt[- ]out|log ?in|sign in|free trial|paywall|membership)\b/gi;
const IMPERATIVE_OPENING =
  /^(?:sign|subscribe|get|join|register|receive|enter|stay|don['’]t|never|want|try|start|become)\b/i;
/** Soft prompts: furniture only next to other furniture (or in the footer). */
const SOFT_PROMPT =
  /\b(?:keep you (?:posted|updated|informed)|stay (?:up to date|informed|in the know|tuned|connected)|(?:get|receive|want(?: to know)?) the latest|delivered (?:straight |directly )?to your inbox|don['’]t miss (?:out|a thing)|never miss|follow (?:us|our)|like (?:us|our page)|join (?:us|our (?:community|mailing list)))\b/i;

// ---- cookies, weather ----
const COOKIE = /\bcookies?\b/i;
const COOKIE_CONTEXT =
  /\b(?:we use|this (?:site|website)|our (?:site|website|partners)|you (?:agree|consent|accept)|by (?:continuing|using|clicking)|accept|browsing experience|privacy (?:policy|notice|settings)|consent)\b/i;
const WEATHER = [
  /\b(?:high|low)s?\s+(?:of\s+|near\s+|around\s+)?-?\d{1,3}\s?°?\s?[FC]\b/i,
  /\bwinds?\s+\w+(?:\s+\w+)?\s+(?:at\s+)?\d+(?:\s+to\s+\d+)?\s*(?:mph|km\/h|kph|knots)\b/i,
  /\bchance of (?:rain|snow|precipitation|showers)\s+\d+%/i,
  /^(?:mostly |partly )?(?:sunny|cloudy|clear|showers|rain|snow|thunderstorms?|overcast|fog)(?:\s+(?:early|late|skies))?\.?\s+(?:high|low)s?\b/i,
  /\bfeels like\s+-?\d{1,3}\s?°/i,
];

const MENU_SEPARATORS = /\s[|•·]\s|\s[|•·]$|^[|•·]\s/g;
const BREADCRUMB = /^[^>»›]{1,40}(?:\s[>»›]\s[^>»›]{1,40})+$/;
const BULLET = /^[•·▪►◦‣]\s*/;
const ELLIPSIS_END = /(?:\.\.\.|…)$/;
const WIDGET_LEADIN =
  /^(?:watch|listen to|check out|see|take a look at|view|scroll down|click)\b.*\b(?:below|above|here)\s*[:.!]?$/i;
const NUMERIC_ONLY = /^[\d\s.,:/%+#-]+$/;

function tail(text: string): string {
  return text.length > TAIL ? text.slice(text.length - TAIL) : text;
}

/**
 * The position where a trailing photo credit starts, or -1. A credit in parentheses or an agency/photographer
 * credit marks a caption of up to CAPTION_MAX words; a "Photo: X" label only a caption of up to LABELLED_MAX.
 */
export function trailingCreditStart(text: string, words: number): number {
  const t = tail(text);
  const offset = text.length - t.length;
  let m = photoOrAgencyCredit(t);
  if (!m && words <= LABELLED_MAX && t.includes(":")) m = TRAILING_LABELLED_CREDIT.exec(t);
  if (!m && words <= PHOTO_LABEL_MAX && t.includes(":")) m = TRAILING_PHOTO_LABEL.exec(t);
  return m ? offset + m.index : -1;
}

/**
 * `TRAILING_PHOTO_CREDIT.exec(t) ?? TRAILING_AGENCY_CREDIT.exec(t)`, skipping an expression when `t` lacks
 * what all its matches contain: "(" for a photo credit; "/", "via " or "(" for an agency credit.
 */
function photoOrAgencyCredit(t: string): RegExpExecArray | null {
  const paren = t.includes("(");
  return (
    (paren ? TRAILING_PHOTO_CREDIT.exec(t) : null) ??
    (paren || t.includes("/") || t.includes("via ") ? TRAILING_AGENCY_CREDIT.exec(t) : null)
  );
}

/** Whether the last character that is not whitespace (`\s`) is ")". */
function endsWithParen(t: string): boolean {
  return t.trimEnd().endsWith(")");
}

function menuItemsShort(text: string, sep: RegExp): boolean {
  const items = text.split(sep);
  let nonEmpty = 0;
  for (const item of items) {
    const w = item.trim();
    if (!w) continue;
    nonEmpty++;
    if (w.split(/\s+/).length > 4 || /[!?]$/.test(w)) return false;
  }
  return nonEmpty >= 2;
}

function isContactOnly(text: string): "byline" | "navigation" | undefined {
  const hasContact = EMAIL.test(text) || PHONE.test(text) || HANDLE.test(text);
  const hasUrl = URL.test(text);
  if (!hasContact && !hasUrl) return undefined;
  const rest = text.replace(CONTACT_STRIP, " ").trim();
  const tokens = rest ? rest.split(/\s+/) : [];
  if (tokens.length > 3) return undefined;
  for (const t of tokens) if (!/^[\p{Lu}]/u.test(t)) return undefined;
  return hasContact ? "byline" : "navigation";
}

/** Subscription prompts: many subscription words, or a short second-person/imperative prompt. */
function isSubscribePrompt(line: Line): boolean {
  const text = line.text;
  if (line.words > 150) return false;
  SUB_HIT.lastIndex = 0;
  let hits = 0;
  let lastEnd = 0;
  for (let m = SUB_HIT.exec(text); m; m = SUB_HIT.exec(text)) {
    hits++;
    lastEnd = m.index + m[0].length;
  }
  if (hits === 0) return false;
  if (REPORTING.test(text) || line.hasQuote) return false;
  const addressed = addressesReader(text) || IMPERATIVE_OPENING.test(text);
  if (!addressed) return false;
  if (line.words <= 25) return true;
  // A long prompt must be furniture to its end: text after the last subscription word would be article text.
  return hits * 15 >= line.words && countWords(text.slice(lastEnd)) <= 12;
}

function isWeather(line: Line): boolean {
  if (line.words > 30) return false;
  let score = 0;
  for (const re of WEATHER) if (re.test(line.text)) score++;
  return score >= 2 || (score === 1 && line.words <= 8);
}

/** Classifies one line on its own. Returns undefined for a line to keep (as far as this line alone shows). */
export function classifyLine(line: Line): Verdict | undefined {
  const { text, words } = line;
  if (!line.hasAlnum) return { reason: "fragment" };
  const bareDate = parseBareDateLine(text, words);
  if (bareDate)
    return { reason: "stamp", stamp: bareDate.kind, ...(bareDate.iso ? { iso: bareDate.iso } : {}) };
  if (words <= 2 && NUMERIC_ONLY.test(text)) return { reason: "fragment" };
  if (words <= 2 && ELLIPSIS_END.test(text)) return { reason: "fragment" };

  // Metadata lines.
  if (words <= 16) {
    const stamp = parseStampLine(text, words);
    if (stamp) return { reason: "stamp", stamp: stamp.kind, ...(stamp.iso ? { iso: stamp.iso } : {}) };
    const author = parseBylineLine(text, words);
    if (author) return { reason: "byline", author };
    if (words <= 5 && AGENCY_ALONE.test(text)) return { reason: "byline", agency: true, author: text };
    if (words <= 5 && NEWSROOM.test(text)) return { reason: "byline", author: text };
  }

  for (const rule of LINE_RULES) {
    if (words > rule.max) continue;
    if (rule.hint && !rule.hint.test(text)) continue;
    if (rule.re.test(text)) {
      if (rule.reason === "navigation" && words <= 6 && LIST_LABEL.test(text))
        return { reason: "navigation", listLabel: true };
      return { reason: rule.reason };
    }
  }

  // Embedded posts: Twitter/Instagram signatures, picture links, thread markers.
  if (words <= EMBED_MAX) {
    const t = tail(text);
    // each expression is tried only when the text holds a string every match contains
    if (
      (text.includes("pic.twitter.com/") && PIC_TWITTER.test(text)) ||
      (t.includes("(@") && TWEET_SIGNATURE.test(t)) ||
      (/shared by/i.test(text) && INSTAGRAM_SIGNATURE.test(text)) ||
      (t.includes("Posted by ") && POSTED_BY_SIGNATURE.test(t))
    ) {
      return { reason: "embed" };
    }
    if (endsWithParen(t) && THREAD_MARK.test(t)) return { reason: "embed" };
  }

  // Captions: a credit at the end, or a caption opening.
  if (words <= CAPTION_MAX) {
    const credit = trailingCreditStart(text, words);
    if (credit >= 0) return { reason: "caption", captionKey: captionKeyOf(text, credit) };
    if (words <= OPENING_MAX && CAPTION_OPENING.test(text) && !REPORTING.test(text))
      return { reason: "caption" };
  }

  if (isSubscribePrompt(line)) return { reason: "subscribe" };
  if (words <= 80 && COOKIE.test(text) && COOKIE_CONTEXT.test(text) && !REPORTING.test(text)) {
    return { reason: "cookie" };
  }
  if (isWeather(line)) return { reason: "widget" };

  if (words <= 80 && !line.hasQuote && COLUMN_BIO.test(text)) return { reason: "byline" };
  if (words > 25) return undefined;
  return classifyShortLine(line);
}

/** Labels after which the short lines are a list of links. */
const LIST_LABEL =
  /^(?:related|more (?:stories|news|videos|coverage|headlines|from|on)|also|see also|read (?:more|also|next)|recommended|you (?:may|might) also like|you may be interested in|popular|most (?:popular|read|viewed|shared)|trending|top stories|latest|what to read next|further reading|editor['’]?s picks|around the web|from our partners|promoted)\b/i;

function captionKeyOf(text: string, creditStart: number): string | undefined {
  const body = text.slice(0, creditStart);
  return countWords(body) < 5 ? undefined : lineKey(body);
}

/** Rules for short lines (at most 25 words), judged on their features. */
function classifyShortLine(line: Line): Verdict | undefined {
  const { text, words } = line;

  // Credits: "Photo: Reuters", "Photo by X/Getty Images", "Alexandra Wyman/Getty Images".
  const colon = CREDIT_COLON.exec(text);
  if (colon && words <= 12) {
    const rest = colon[1] ?? "";
    const restWords = rest.split(/\s+/).length;
    if (/\//.test(rest) || AGENCY_WORD.test(rest) || restWords <= 2) {
      if (restWords <= 8 && !line.endsSentence) return { reason: "caption" };
    } else if (line.capShare >= 0.5 || !line.endsSentence) return { reason: "navigation" };
  }
  if (
    words <= 10 &&
    CREDIT_BY.test(text) &&
    (!line.endsSentence || /\//.test(text) || AGENCY_WORD.test(text))
  ) {
    return { reason: "caption" };
  }
  if (words <= 8 && SLASH_CREDIT.test(text) && !line.endsSentence) {
    const slashes = text.split("/").length - 1;
    if (AGENCY_WORD.test(text) || slashes >= 2) return { reason: "caption" };
  }

  // Label followed by a list or a teaser: "Read more about: A, B", "PHOTOS: …", "(Quiz: …)".
  if (words <= 18 && LABEL_LIST.test(text)) {
    if (!line.endsSentence || BRACKETED.test(text) || line.capShare >= 0.6 || /^[([]?[A-Z]{2,}/.test(text)) {
      return { reason: "navigation" };
    }
  }
  if (words <= 16 && BRACKETED.test(text) && !line.endsSentence) {
    // "[The Holiday Movie Guide: 12 films …]", "[H/T Fox News]": an inserted link, not a sentence.
    if (text.startsWith("[") || (line.capShare >= 0.6 && !line.hasVerb)) return { reason: "navigation" };
  }

  // Contact lines and follow prompts.
  if (
    words <= 25 &&
    CONTACT_OPENING.test(text.replace(TIP_LEAD, "")) &&
    (EMAIL.test(text) || HANDLE.test(text) || PHONE.test(text))
  ) {
    return { reason: "byline" };
  }
  if (
    words <= 45 &&
    !line.hasQuote &&
    AUTHOR_NOTE.test(text) &&
    (EMAIL.test(text) || HANDLE.test(text) || FOLLOW_PERSON.test(text))
  ) {
    return { reason: "byline" };
  }
  if (words <= 22 && !line.hasQuote && !REPORTING.test(text) && PLATFORM.test(text)) {
    if (FOLLOW_OPENING.test(text) || CAN_BE_FOLLOWED.test(text)) return { reason: "share" };
  }
  if (words <= 12) {
    const contact = isContactOnly(text);
    if (contact) return { reason: contact };
  }

  // A short line ending with a handle and no verb: the header of an embedded post.
  if (words <= 8 && TRAILING_HANDLE.test(text) && !line.hasVerb && !line.endsSentence)
    return { reason: "embed" };

  // Menus: crumbs, separator rows, bullet items, furniture vocabulary.
  if (words <= 12 && BREADCRUMB.test(text) && menuItemsShort(text, /\s[>»›]\s/))
    return { reason: "navigation" };
  if (words <= 25) {
    MENU_SEPARATORS.lastIndex = 0;
    const seps = text.match(MENU_SEPARATORS)?.length ?? 0;
    if (seps >= 2 && !line.endsSentence && menuItemsShort(text, /\s*[|•·]\s*/)) {
      return { reason: line.social ? "share" : "navigation" };
    }
  }
  if (words <= 5 && BULLET.test(text) && !line.endsSentence) {
    return { reason: line.social ? "share" : "navigation" };
  }
  if (words <= 20 && line.vocabShare >= 0.85 && !line.hasQuote) {
    const platforms = text.match(
      /\b(?:facebook|twitter|instagram|pinterest|linkedin|whatsapp|reddit|google|youtube)\b/gi,
    );
    if (
      line.uiWord ||
      (words === 1 && line.social) ||
      ((platforms?.length ?? 0) >= 2 && !/,|\band\b/.test(text))
    ) {
      return { reason: line.social ? "share" : "widget" };
    }
  }

  // Teasers cut off with an ellipsis: "For Date Night, Amanda Seyfried Took Her Husband To The Bache...".
  if (words <= 14 && ELLIPSIS_END.test(text) && line.capShare >= 0.6 && !line.hasQuote)
    return { reason: "navigation" };

  // Lead-ins to an embedded player: "Check out the video below:".
  if (words <= 20 && WIDGET_LEADIN.test(text) && !REPORTING.test(text)) return { reason: "widget" };

  return undefined;
}

/** A soft prompt ("Promise, we'll keep you posted!"): furniture only in a run of furniture. */
export function isSoftPrompt(line: Line): boolean {
  if (line.words > 20 || line.hasQuote || REPORTING.test(line.text)) return false;
  return SOFT_PROMPT.test(line.text);
}

/** A line weak enough to be absorbed into a footer made of furniture. */
export function isWeakFooterLine(line: Line): boolean {
  if (!line.hasAlnum) return true;
  if (line.words > 12 || line.hasQuote || REPORTING.test(line.text)) return false;
  if (NUMERIC_ONLY.test(line.text)) return true;
  return SOFT_PROMPT.test(line.text) || addressesReader(line.text);
}

/** `may(t)`: whether the tail holds what every match of `re` contains (much cheaper than `re`). */
const TRAILING_FRAGMENTS: {
  re: RegExp;
  reason: RemovalReason;
  may: (t: string) => boolean;
}[] = [
  // "(Published Wednesday, July 26, 2017)"
  {
    re: /\s*\((?:published|updated|posted|first published)(?:\s+on)?\s+[^()]{3,60}\)\s*$/i,
    reason: "stamp",
    may: (t) => endsWithParen(t),
  },
  // "Read or Share this story: https://…"
  {
    re: /\s*\bRead or Share this story:\s*\S+\s*$/i,
    reason: "share",
    may: (t) => /read or share this story:/i.test(t),
  },
  // "Copyright 2014 The Associated Press. All rights reserved. This material may not be published, …"
  {
    re: /\s*(?:article continues below\s+)?(?:copyright|©)\s*(?:©\s*)?\d{4}\b[^©]{0,120}?\ball rights reserved\.?(?:\s*this material may not be published, broadcast, rewritten,? (?:or|and) redistributed\.?)?\s*$/i,
    reason: "other",
    may: (t) => /all rights reserved/i.test(t),
  },
];

/**
 * Furniture glued to the end of a line that is otherwise kept: a stamp, a share link, a copyright notice, and
 * on lines too long to be a caption or a post, the photo credit or the post signature alone.
 * Returns where the fragment starts.
 */
export function trailingFragment(
  text: string,
  words: number,
): { start: number; reason: RemovalReason } | undefined {
  const t = tail(text);
  const offset = text.length - t.length;
  for (const { re, reason, may } of TRAILING_FRAGMENTS) {
    if (!may(t)) continue;
    const m = re.exec(t);
    if (m) return { start: offset + m.index, reason };
  }
  if (words > CAPTION_MAX) {
    const m = photoOrAgencyCredit(t);
    if (m) return { start: offset + m.index, reason: "caption" };
  }
  // both labelled forms contain ":"
  if (words > PHOTO_LABEL_MAX && t.includes(":")) {
    const m =
      (words > LABELLED_MAX ? TRAILING_LABELLED_CREDIT.exec(t) : null) ?? TRAILING_PHOTO_LABEL.exec(t);
    // The label starts after the sentence end that the pattern includes.
    if (m) return { start: offset + m.index + (/^[.!?)"”]+/.exec(m[0])?.[0].length ?? 0), reason: "caption" };
  }
  if (words > EMBED_MAX && t.includes("(@")) {
    const m = TWEET_SIGNATURE.exec(t);
    if (m) return { start: offset + m.index, reason: "embed" };
  }
  return undefined;
}

/** Furniture glued to the start of a paragraph: "Advertisement …", "Story highlights …". */
export const LEADING_FURNITURE: { re: RegExp; reason: RemovalReason }[] = [
  {
    re: /^(?:ADVERTISEMENT|Advertisement)(?:\s+Continue reading the main story)?\s+(?=[A-Z"“‘'])/,
    reason: "ad",
  },
  { re: /^(?:Story highlights|STORY HIGHLIGHTS)\s+(?=[A-Z"“‘'])/, reason: "navigation" },
  // a newsletter sign-up box glued before the first paragraph: "Get daily updates directly to your inbox
  // + Subscribe Thank you for subscribing! … Could not subscribe, try again later Invalid Email"
  {
    re: /^get (?:daily|the latest|our) [\w ]{0,40}?(?:to|in) your inbox\b[^.!?]{0,40}?\bsubscribe\b.{0,160}?\binvalid email(?: address)?\.?\s+(?=\S)/i,
    reason: "subscribe",
  },
];

/**
 * A politician's hover card pasted into the text by some news sites (The Hill): after a name the reader
 * sees, the full name glued to the first of a few related headlines, the last ending in "MORE":
 * "President Trump Donald John TrumpMcMaster complained … citing media coverage MORE has repeatedly …".
 * In text lower-cased by an archive, "more" is an ordinary word, so a headline colon is required too.
 * Returns [start, end) offsets in `text` of each card, from the space after the visible name to "MORE".
 */
const HOVER_CARD = /\b([A-Z][a-z]+) ((?:[A-Z][a-z]*\.? ){1,3})\1(?=[A-Z])[^\n]{0,600}? MORE\b/g;
const HOVER_CARD_LOWER = /\b([a-z]{4,}) ((?:[a-z]+\.? ){1,3})\1(?=[a-z]{2})[^\n.]{0,600}? more\b/g;

/** A station's promo closing a paragraph: "… No further details were released. Watch NBC 7 News at 4 p.m. for updates." */
const TRAILING_PROMO =
  /(?<=[.!?]["”’]?)\s+Watch [^\n]{2,60}?\b(?:at|on|tonight)\b[^\n]{0,40}?\bfor (?:updates|more|the latest)\b[^\n.!?]{0,60}[.!]?\s*$/;

/** The span of a promo sentence ending a kept line, if any. */
export function trailingPromo(text: string): Array<[number, number]> {
  const m = TRAILING_PROMO.exec(text);
  return m ? [[m.index, text.length]] : [];
}

export function hoverCards(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [HOVER_CARD, HOVER_CARD_LOWER]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[1]!.length;
      const end = m.index + m[0].length;
      if (re === HOVER_CARD_LOWER && !text.slice(start, end).includes(":")) continue;
      if (!out.some(([a, b]) => start < b && a < end)) out.push([start, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}
