// Cue lexicons for the enrich stage. Plain data, general English news language, nothing tied
// to any one story: extend a list here and every extractor picks it up. The words that tell an
// actor's kind are a data file of their own (actor-words.json).
import ACTOR_WORDS from './actor-words.json' with { type: 'json' };

/** Function words dropped before comparing or ranking sentences. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although am among an and any are aren't as at
  be because been before being below between both but by can cannot could couldn't did didn't do does
  doesn't doing don't down during each either else even ever every few for from further had hadn't has
  hasn't have haven't having he he'd he'll he's her here hers herself him himself his how however i i'd
  i'll i'm i've if in into is isn't it it's its itself just let's like may me might more most much must
  mustn't my myself neither no nor not now of off on once only or other ought our ours ourselves out over
  own per quite rather said same says say shall shan't she she'd she'll she's should shouldn't since so
  some still such than that that's the their theirs them themselves then there there's these they
  they'd they'll they're they've this those though through thus to too toward towards under until up
  upon us very via was wasn't we we'd we'll we're we've were weren't what what's when when's where
  where's whether which while who who's whom whose why why's will with within without won't would
  wouldn't yet you you'd you'll you're you've your yours yourself yourselves mr mrs ms dr also one two
  three first second new`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a capitalised phrase a role rather than a name ("Secretary General", "CEO"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  `president vice prime minister secretary general chancellor premier king queen prince princess
  emperor pope cardinal bishop archbishop governor mayor senator congressman congresswoman
  representative rep sen gov speaker chairman chairwoman chair chairperson director ceo cfo coo cto
  chief executive officer head commissioner ambassador envoy commander admiral colonel lieutenant
  captain major sergeant marshal attorney justice judge chancellor spokesman spokeswoman spokesperson
  leader deputy foreign defence defense finance interior economy trade health treasury state
  undersecretary assistant adviser advisor economist analyst professor dr mr mrs ms sir dame lord lady
  sheikh emir sultan crown founder president-elect managing partner superintendent inspector
  ayatollah rabbi imam reverend detective mp msp mep mla`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case role nouns that head an apposition ("Jane Doe, chief economist at Acme, said"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  `analyst economist strategist spokesman spokeswoman spokesperson professor researcher fellow
  chairman chairwoman chair chief executive director minister secretary president governor
  ambassador envoy commander general senator leader mayor adviser advisor official diplomat lawyer
  attorney correspondent editor founder ceo cfo head manager partner negotiator representative
  lawmaker legislator expert scholar historian investor trader banker member officer spokesperson
  premier chancellor deputy administrator commissioner economist meteorologist forecaster scientist
  pollster campaigner activist consultant chairperson executive`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics that mark the next capitalised words as a person. */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'baroness', 'baron', 'rev', 'reverend']);

/** Named organisations that read as anything else ("Tories", "Lib Dems", "Plaid Cymru"), lower-cased: actor-words.json. */
export const ORGANISATIONS: ReadonlySet<string> = new Set(ACTOR_WORDS.organisations.map((w) => w.toLowerCase()));

/** Plural nouns that make a capitalised phrase a group of people ("Labour MPs", "UK Muslims"): actor-words.json. */
export const GROUP_WORDS: ReadonlySet<string> = new Set(ACTOR_WORDS.groupWords.map((w) => w.toLowerCase()));

/** Words that make a capitalised phrase an organisation ("Crisis Group", "Ministry of Defence"). */
export const ORG_WORDS: ReadonlySet<string> = new Set(ACTOR_WORDS.organisationWords.map((w) => w.toLowerCase()));

/** Suffix words that make a capitalised phrase a place ("Kherson Oblast", "Gulf of Mexico"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(ACTOR_WORDS.placeWords.map((w) => w.toLowerCase()));

/** Capitalised words that name times, not actors. */
export const TIME_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december spring summer autumn winter christmas easter
  ramadan`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words that may join capitalised words inside one name ("Bank of England", "Ludwig van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'bin', 'al', 'ibn', 'el']);

/** Verbs of saying that attribute a quote ("…," Smith said / warned / told reporters). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  `said says say added adds told tells noted notes observed observes emphasized emphasised emphasizes
  emphasises stressed stresses warned warns suggested suggests argued argues explained explains
  acknowledged acknowledges insisted insists stated states declared declares remarked remarks wrote
  writes asked asks replied replies responded responds continued continues concluded concludes
  claimed claims predicted predicts cautioned cautions urged urges underlined underlines underscored
  underscores admitted admits conceded concedes announced announces commented comments recalled
  recalls maintained maintains contended contends countered counters quipped lamented laments
  complained complains posted posts tweeted tweets reiterated reiterates affirmed affirms confirmed
  confirms pointed points vowed vows promised promises boasted told reckoned reckons agreed agrees
  thinks believes believed mused predicted forecast forecasts estimated estimates announced wrote
  underlining emphasizing emphasising stressing adding noting warning saying arguing insisting
  explaining telling`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words in a heading that announce a list of scenarios. */
export const SCENARIO_HEADING_WORDS: readonly string[] = [
  'scenario', 'scenarios', 'option', 'options', 'outcome', 'outcomes', 'pathway', 'pathways', 'path',
  'paths', 'possibilities', 'futures', 'alternatives', 'endgame', 'endgames', 'ways forward', 'courses of action',
];

/** Plural nouns that introduce an enumeration of scenarios in running text ("outcomes, including X and Y"). */
export const SCENARIO_NOUNS: readonly string[] = [
  'scenarios', 'outcomes', 'options', 'pathways', 'paths', 'possibilities', 'alternatives', 'solutions',
  'settlements', 'arrangements', 'proposals', 'courses of action', 'endgames',
];

/** What may stand between a scenario noun and its enumeration. */
export const ENUMERATION_CUES: readonly string[] = ['including', 'such as', 'like', 'include', 'includes', 'namely', 'ranging from', 'range from', ':', '—', '–'];

/** Phrases whose object is a single scenario ("the possibility of an armistice", "could involve X"). */
export const SCENARIO_PHRASES: readonly string[] = [
  'the possibility of', 'the prospect of', 'the option of', 'the scenario of', 'could involve',
  'might involve', 'may involve', 'would involve', 'could take the form of', 'could include',
];

/** Nominal wrappers stripped from a scenario title ("the establishment of a buffer zone" → "buffer zone"). */
export const SCENARIO_WRAPPERS: readonly string[] = [
  'establishment of', 'creation of', 'introduction of', 'imposition of', 'adoption of', 'deployment of',
  'setting up of', 'formation of', 'conclusion of', 'signing of', 'prospect of', 'possibility of',
];

/** Words in a heading that mark its section as a list of risks. */
export const RISK_HEADING_WORDS: readonly string[] = [
  'risk', 'risks', 'challenge', 'challenges', 'threat', 'threats', 'danger', 'dangers', 'concern',
  'concerns', 'vulnerabilities', 'downside', 'downsides', 'pitfalls', 'obstacles', 'hurdles', 'headwinds',
];

/**
 * Regular-expression sources of risk cues, by what they do in a sentence (see risk-language.ts):
 * harm names a harmful event or outcome; frame names a risk and points at what is at stake;
 * mood names a state of unease, which is context until a harm or a consequence comes with it.
 */
export const RISK_CUES: Readonly<Record<'harm' | 'frame' | 'mood', readonly string[]>> = {
  harm: [
    '\\bescalat\\w*', '\\bprovok\\w*', '\\bprovocat\\w*', '\\bunsustainable\\b', '\\blosses\\b',
    '\\brefus\\w* to (?:negotiate|talk|engage|discuss)', '\\bno interest in (?:negotiat|talk|discuss)\\w*',
    '\\bjeopardi[sz]\\w*', '\\bundermin\\w*', '\\bdestabili[sz]\\w*', '\\bbacklash\\b', '\\bcollapse\\b',
    '\\bshortfall\\w*', '\\bshortages?\\b', '\\bdisrupt\\w*', '\\bretaliat\\w*', '\\bsetbacks?\\b',
    '\\bdeteriorat\\w*', '\\bcrisis\\b', '\\bdefault\\w*', '\\brecession\\b', '\\bbreach\\w*', '\\bflood\\w*',
    '\\boutages?\\b', '\\bcontagion\\b', '\\bspill\\s?over\\b',
  ],
  frame: [
    // "risk management", "risk appetite", "risk-free": a practice or a measure, not a risk.
    '\\brisks?\\b(?![-\\s]+(?:appetite|management|assessments?|premi\\w+|models?|officers?|managers?|free|averse|aversion|committees?|profiles?|ratings?|weight\\w*))',
    '\\brisky\\b', '\\bthreat(?:s|en|ens|ened|ening)?\\b', '\\bdanger\\w*', '\\bwarn\\w*', '\\bconcern(?:s|ed)?\\b',
    '\\bfears?\\b', '\\bfeared\\b', '\\bvulnerab\\w*',
  ],
  mood: [
    '\\bsensitivit\\w*', '\\bvolatil\\w*', '\\bfragil\\w*', '\\bstrain\\w*', '\\btense\\b', '\\btensions?\\b',
    '\\buncertain\\w*', '\\binstabilit\\w*', '\\bunstable\\b', '\\bprecarious\\b', '\\bturmoil\\b',
  ],
};

/** Verbs of harm: after a hedging modal they state a risk ("could fail", "might be overwhelmed"). */
export const HARM_VERBS: readonly string[] = [
  'fail\\w*', 'collaps\\w*', 'crash\\w*', 'plung\\w*', 'slump\\w*', 'worsen\\w*', 'spiral\\w*', 'derail\\w*',
  'stall\\w*', 'erupt\\w*', 'overwhelm\\w*', 'default\\w*', 'escalat\\w*', 'spread\\w*', 'breach\\w*',
  'disrupt\\w*', 'damag\\w*', 'hurt\\w*', 'lose', 'lost', 'losing', 'cost\\w*', 'delay\\w*', 'undermin\\w*',
  'jeopardi[sz]\\w*', 'harm\\w*', 'kill\\w*', 'destroy\\w*', 'cripple\\w*', 'paraly[sz]\\w*', 'halt\\w*',
  'wipe\\w* out', 'shut\\w* down', 'flood\\w*', 'provok\\w*', 'backfire\\w*', 'unravel\\w*',
];

/** Words that, just before a risk cue, turn it into a mitigation ("reduce the risk", "without provoking"). */
export const MITIGATION_WORDS: ReadonlySet<string> = new Set(
  `reduce reduces reducing reduced lower lowers lowering mitigate mitigates mitigating avoid avoids avoiding
  avoided without prevent prevents preventing prevented limit limits limiting ease eases easing defuse
  defusing minimise minimize minimising minimizing curb curbing allay allays allayed allaying dispel
  dispels dispelled dismiss dismisses dismissed downplay downplays downplayed patch patches patched
  fix fixes fixed resolve resolves resolved address addresses addressed`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that, after a risk cue in its clause, say it has passed ("fears eased", "the threat receded"). */
export const RELIEF_WORDS: ReadonlySet<string> = new Set(
  `eased eases easing receded recedes receding subsided subsides abated abates faded fades passed
  diminished dissipated lifted vanished`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * What sets the scene for a sentence's claim rather than making it (regular-expression sources):
 * a leading subordinate clause, an "amid" phrase, and the object of a verb of explanation.
 */
export const BACKGROUND_PATTERNS: readonly string[] = [
  '^(?:as|although|though|despite|in spite of|given|while|whereas|even as|with|amid|amidst)\\b[^,]*,',
  '\\bamid(?:st)?\\b[^,;]*',
  '\\b(?:reflects?|reflected|reflecting|stems? from|stemmed from|(?:is|was|are|were) driven by|against the backdrop of|in the wake of)\\b[^;]*',
];

/** What is at stake, from most to least severe; the first tier a statement matches sets its impact. */
export const IMPACT_CUES: Readonly<Record<'high' | 'medium', readonly string[]>> = {
  high: [
    '\\bwars?\\b', '\\bescalat\\w*', '\\bcasualt\\w*', '\\bdeaths?\\b', '\\bdead\\b', '\\bkill\\w*',
    '\\bcollapse\\w*', '\\bsovereignty\\b', '\\bnuclear\\b', '\\binvasion\\b', '\\binvade\\w*',
    '\\bhostilities\\b', '\\battacks?\\b', '\\bdefault\\w*', '\\brecession\\b', '\\bdepression\\b',
    '\\bfamine\\b', '\\bcatastroph\\w*', '\\bexistential\\b', '\\bcoup\\b', '\\bgenocide\\b',
    '\\bdestabili[sz]\\w*', '\\bterritor\\w*', '\\bbankrupt\\w*', '\\bcivil unrest\\b', '\\bfatalit\\w*',
    '\\bsystemic\\b', '\\bhumanitarian\\b', '\\bmilitary confrontation\\b',
  ],
  medium: [
    '\\bcosts?\\b', '\\bcostly\\b', '\\bdelays?\\b', '\\bdelayed\\b', '\\bresources\\b', '\\bfunding\\b',
    '\\bbudget\\w*', '\\bprices?\\b', '\\binflation\\b', '\\blosses\\b', '\\bdisrupt\\w*', '\\btensions?\\b',
    '\\bsanctions?\\b', '\\btariffs?\\b', '\\bshortages?\\b', '\\bshortfall\\w*', '\\bunsustainable\\b',
    '\\bprovok\\w*', '\\bprovocat\\w*', '\\bsupport\\b', '\\bjobs?\\b', '\\bunemployment\\b',
    '\\bbacklash\\b', '\\bdamage\\w*', '\\bstrain\\w*', '\\bsupply\\b', '\\bvolatil\\w*', '\\bsovereign debt\\b',
    '\\bagreement\\b', '\\bsensitivit\\w*',
  ],
};

/** Regular-expression sources for sentences that name a condition deciding which way things go. */
export const SIGNPOST_CUES: readonly string[] = [
  '\\b(?:will|would|could|may|might) depend(?:s)? on\\b', '\\bdepends? on\\b', '\\bdepending on\\b',
  '\\bdependent on\\b', '\\bhinges? on\\b', '\\bcontingent (?:on|upon)\\b', '\\bconditional on\\b',
  '\\bas long as\\b', '\\bunless\\b', '\\bprovided that\\b', '\\bon condition that\\b', '\\bin the event\\b',
  '\\bonly (?:if|when|once)\\b', '\\bwould require\\b', '\\bwould need\\b', '\\bhinging on\\b',
  '(?<!\\bas )(?<!\\beven )\\bif\\b(?! so\\b| any\\b| not\\b| only\\b)',
  // "once" opening a clause, not "once and for all", "once again", "the once mighty" or "once dominated".
  "(?<!\\b(?:at|was|were|is|are|had|has|have|the|a|an) )\\bonce\\s(?!\\w+ed\\b|(?:and|or|again|more|in|upon|was|were|had|held|made|ran|led|took|a|an)\\b)",
  '\\bkey (?:test|question|factor|indicator) (?:is|will be)\\b', '\\bwatch(?:ers)? for\\b',
];

/** Words that make a capitalised phrase an event, law or thing, not an actor ("Hurricane Milton", "Paris Agreement"). */
export const EVENT_WORDS: ReadonlySet<string> = new Set(
  `hurricane storm typhoon cyclone tornado operation summit war treaty accord agreement act bill plan
  index award awards cup olympics games day week conference festival election elections referendum
  doctrine protocol convention declaration initiative strategy program programme project deal pact
  talks process report prize championship year policy budget`
    .split(/\s+/)
    .filter(Boolean),
);

/** Company-form suffixes dropped when matching organisation names ("Acme Corp" = "Acme"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'corp', 'corp.', 'co', 'co.', 'ag', 'sa', 'se', 'nv', 'gmbh']);

/** Prepositions after which an unknown single name is most likely a place ("in Kherson"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'across', 'outside', 'inside', 'around', 'throughout', 'towards']);

/** Bylines that name no one: two stories under them are not by the same author. */
export const GENERIC_BYLINES: ReadonlySet<string> = new Set([
  'staff', 'staff writer', 'staff writers', 'staff reporter', 'our correspondent', 'editorial board', 'the editorial board',
  'editors', 'agencies', 'newsroom', 'news desk', 'web desk', 'admin', 'reporters', 'wire services',
]);

/** Words that turn a statement round ("not", "denied"; every "-n't" too): near-identical sentences that differ in them disagree. */
export const NEGATORS: ReadonlySet<string> = new Set(
  'not no never none nobody nothing neither nor cannot deny denies denied denying'
    .split(/\s+/)
    .filter(Boolean),
);

/** Regular-expression sources for a source's own doubt about what it reports. */
export const DOUBT_CUES: readonly string[] = [
  '\\breportedly\\b', '\\balleged(?:ly)?\\b', '\\bpurported(?:ly)?\\b', '\\bsupposedly\\b', '\\bunconfirmed\\b',
  '\\bunverified\\b', '\\brumou?r\\w*', '\\bspeculat\\w*', '\\b(?:could|can|has|have|had)\\s+not\\s+(?:been\\s+|be\\s+)?(?:independently\\s+)?(?:verified|confirmed)\\b',
  '\\b(?:is|are|was|were)\\s+said\\s+to\\b', '\\b(?:unnamed|anonymous)\\s+sources?\\b', '\\bunsubstantiated\\b',
];
