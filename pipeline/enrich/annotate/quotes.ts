// Direct quotes and who said them, read paragraph by paragraph as a reader does:
//   "Q," X said.   "Q," said X, a Y.   X said: "Q"   X told reporters that "Q"   according to X, "Q"
//   X: "Q"   He acknowledged …, underlining, "Q"   X called it "Q" (a partial quote, hung on its clause's subject)
//   "Q1." "Q2," he said.   (a quote without an attribution of its own takes the one of its sentence)
//   "Q," X said. "Q2."      (and then the paragraph's: the speaker continues)
//   "Q1 …  ¶ "Q2," X said.  (a quote left open at a paragraph's end runs on into the next paragraph)
// Each quote keeps the speaker as the text names it there (`said`: "he", "the minister", "Mr Blair")
// and that mention resolved to an actor's name (`speaker`): a pronoun to the person it refers to, a
// name to its actor. A quote whose attribution cannot be read has no speaker, and a diagnostic says so.
import type { Diagnostic, Quote, Sentence, Source } from '../../model.js';
import type { ActorIndex } from './actors.js';
import { contentId } from './ids.js';
import { SPEECH_VERBS } from './lexicon.js';
import { bodySentences } from './sentences.js';
import { escapeRegExp } from './text.js';

interface Span {
  start: number;
  end: number;
  inner: string;
  /** The quote is still open at the end of its text (a closing mark missing, or a quote running on). */
  open?: boolean;
}

interface Unit {
  text: string;
  sentences: Sentence[];
  /** Offset in `text` where each sentence starts. */
  offsets: number[];
}

/** Who a quote is attributed to: the mention as written, and the actor's name it resolves to. */
interface Attribution {
  said: string;
  speaker: string | null;
}

const OPEN = new Set(['“', '"', '«']);
const CLOSE = new Set(['”', '"', '»', '“']);
const MIN_QUOTE_WORDS = 4;
/** A speaker phrase: a name with its title, or a description ("a senior official at the ministry"). */
const MAX_SPEAKER_WORDS = 12;
/** Words between a quote and the verb that attributes it, an apposition included ("X, director of Y, said"). */
const MAX_FRAME_WORDS = 30;
const PERSONAL = new Set(['he', 'she']);
const FIRST_PERSON = new Set(['i', 'we']);
const PLURAL = new Set(['they']);
const DETERMINERS = /^(?:a|an|the|one|two|three|several|some|many|another|his|her|their|its)\s/i;
/** Words that open a clause before its subject: "As they say", "When he spoke", "in which Adelson said". */
const LEADING = /^(?:(?:and|but|so|or|yet|then|also|now|as|when|while|if|because|since|though|although|after|before|once|until|where|whereas|which|who|that|in which|at which|during which|with which|asked\s.*?,|meanwhile|still|later|earlier|however|indeed|instead|here|there)\b[\s,]*)+/i;
const CLAUSE_CUT = /,|\s(?:who|which|during|in|at|on|while|when|after|before|to|as|from|adding|speaking|last|this|late|early|earlier|later|yesterday|today|tonight)\s/;
/** A descriptive speaker keeps its affiliation ("a forecaster at the hurricane centre"). */
const DESCRIPTIVE_CUT = /,|\s(?:who|which|during|while|when|after|before|adding|speaking|on\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s/i;
/** Verbs that introduce a partial quote in a clause ("X called it “a disgrace”", "X is labelling it “…”"). */
const FRAMING_VERBS = new Set(
  `call calls called calling label labels labeled labelled labeling labelling describe describes described describing
  characterize characterizes characterized characterise characterised dub dubs dubbed term terms termed brand brands
  branded cite cites cited citing chant chants chanted chanting accuse accuses accused accusing urge urged urging
  praise praised praising blast blasted slam slammed criticize criticized criticised deride derided dismiss dismissed
  decry decried hail hailed vow pledged pledge promise insist offer offered offering shout shouted shouting yell yelled
  read reads write wrote written tweet tweeted post posted`.split(/\s+/),
);

/** Quoted spans of a text: typographic and straight double quotes, paired in reading order; one left open at the end is kept open. */
function spans(text: string): { found: Span[]; open: boolean } {
  const found: Span[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (start < 0 && OPEN.has(c) && (c !== '"' || i === 0 || /[\s(\[—–-]/.test(text[i - 1] ?? ''))) start = i;
    else if (start >= 0 && CLOSE.has(c) && i > start + 1 && (c !== '“' || /[,.!?…]$/.test(text.slice(0, i)))) {
      found.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
      start = -1;
    }
  }
  return { found, open: start >= 0 };
}

/** The spans with one left open at the end of the text taken to run to its end. */
function spansToEnd(text: string): Span[] {
  const { found, open } = spans(text);
  if (!open) return found;
  const cursor = found.at(-1)?.end ?? 0;
  const start = [...text.slice(cursor)].findIndex((c, i) => OPEN.has(c) && (c !== '"' || i + cursor === 0 || /[\s(\[—–-]/.test(text[i + cursor - 1] ?? '')));
  if (start < 0) return found;
  const at = cursor + start;
  return [...found, { start: at, end: text.length, inner: text.slice(at + 1), open: true }];
}

/** Share of a sentence's characters inside quotation marks: 1 for a sentence that is only a quote. */
export function quotedShare(text: string): number {
  const { found } = spans(text);
  const inside = found.reduce((sum, span) => sum + span.end - span.start, 0);
  return text.length === 0 ? 0 : inside / text.length;
}

/** A paragraph's sentences as one text: a quote and its attribution often sit in sentences of their own ("…?” Trump asked.). */
function paragraphUnit(sentences: readonly Sentence[]): Unit {
  const unit: Unit = { text: '', sentences: [], offsets: [] };
  for (const s of sentences) {
    unit.offsets.push(unit.text === '' ? 0 : unit.text.length + 1);
    unit.text = unit.text === '' ? s.text : `${unit.text} ${s.text}`;
    unit.sentences.push(s);
  }
  return unit;
}

function wordList(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Verbs that attribute a quote: the lexicon's verbs of saying and the reporting verbs news uses beside them. */
const QUOTE_VERBS: ReadonlySet<string> = new Set([
  ...SPEECH_VERBS,
  ...`reported reports shouted shouts yelled yells chanted chants assured assures testified testifies recounted
  recounts whispered whispers exclaimed exclaims demanded demands joked jokes answered answers texted scoffed
  retorted pleaded wondered wonders cried screamed snapped sighed`.split(/\s+/),
]);
/** Words after which a "verb" such as "comments", "claims" or "states" is a noun: "her comments", "the claims". */
const NOUN_BEFORE = /^(?:a|an|the|his|her|their|its|our|my|your|these|those|this|such|many|some|new|recent|whose|united|two|both|other|several)$/i;
/** Verb forms inside a phrase that make it a clause, not a speaker ("A super PAC … ran its first round"). */
const CLAUSE_VERBS = /^(?:is|was|were|are|be|been|being|has|had|have|ran|made|did|does|got|went|came|took|gave|saw|would|will|could|can|may|might|should|must|published|launched|released|rallied|addressed|forwards|forwarded|lists|using)$/i;
/** Role words that stand in lower case between a name's parts: "Immigration minister Des Browne", "Home Secretary". */
const ROLE_WORDS =
  'minister|secretary|spokesman|spokeswoman|spokesperson|leader|chairman|chairwoman|chair|president|director|chief|executive|official|adviser|advisor|candidate|senator|governor|mayor|judge|commissioner|ambassador|correspondent|editor|analyst|manager|member|deputy|shadow|home|foreign|affairs|general|attorney|prime|party|campaign|press|policy|state|health|defence|defense|education|justice|interior|finance|trade|economy|environment|transport|culture|security|immigration|front-runner|nominee|hopeful|rival|challenger|chancellor|host|founder|co-founder|strategist|pollster|lawmaker|legislator|congressman|congresswoman|MP|MEP|peer';
/** Words a description may start with in lower case: "officials said", "pollster Dana Whitfield". */
const LOWER_SPEAKERS = /^(?:officials?|analysts?|experts?|critics?|residents?|sources?|aides?|officers?|police|prosecutors?|investigators?|witnesses?|voters?|supporters?|protesters?|demonstrators?|lawmakers?|democrats|republicans|organizers|organisers|observers|economists?|pollsters?|spokes(?:man|woman|person)|researchers?|scientists?|doctors?|lawyers?|attorneys?|diplomats?|activists?|campaigners?|advisers?|advisors?|insiders?|staff|people|others|many|some|both|each|all|everyone|nobody|one|administration|government)$/i;
/** Sentence-end punctuation followed by a space, not after a title or an initial ("Sen. Tammy Baldwin", "Harry M. Reid"). */
const SENTENCE_BREAK = /(?<!\b(?:Sen|Rep|Reps|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|St|Jr|Sr|Prof|Rev|Capt|Cmdr|Adm|Maj|Pres|Sec|Atty|Supt|Insp|Calif|Fla|Ky|Tex|Va|Mass|Nev|Ill|Pa|Mich|Wis|Ariz|Colo|Conn|Ga|Md|Minn|Mo|Tenn|Wash|Vt|Ore|Ind|Okla|No|Inc|Co|Corp|Ltd|U\.S|U\.K|U\.N|D\.C|\p{Lu}))[.!?]["”’)]?\s|(?<=\b(?:U\.S|U\.K|U\.N|D\.C))\.\s(?=(?:He|She|They|It|The|But|And|This|That|We|I|In|On|His|Her)\s)/u;

/** The index of the last (or first) verb of saying in a word list, noun uses ("her comments") skipped. */
function speechVerbAt(ws: readonly string[], last: boolean): number {
  let found = -1;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    if (!QUOTE_VERBS.has(w.toLowerCase())) continue;
    if (i > 0 && NOUN_BEFORE.test(ws[i - 1] as string)) continue;
    // A capitalised "Says" inside a sentence is a headline's or a name's, not the verb ("Said" opens an inversion).
    if (i > 0 && /^\p{Lu}/u.test(w)) continue;
    found = i;
    if (!last) break;
  }
  return found;
}

const isSpeechVerb = (w: string): boolean => QUOTE_VERBS.has(w.toLowerCase());

/** Where `word` stands in `text` as a whole word, the last (or first) time. */
function wordAt(text: string, word: string, last: boolean): number {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu');
  let at = -1;
  for (const m of text.matchAll(pattern)) {
    at = m.index ?? -1;
    if (!last) break;
  }
  return at;
}

/** The noun phrase naming a speaker, cut before clauses and trailing punctuation; null when it is no noun phrase. */
function cleanSpeaker(phrase: string): string | null {
  let np = phrase
    .replace(/[“”"«»]/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
    .replace(/\.$/, (dot) => (/\b(?:Jr|Sr|Inc|Co|Corp|Ltd|\p{Lu})\.$/u.test(phrase.trim()) ? dot : ''))
    .replace(LEADING, '');
  // "Graham, a former candidate," — the name, not the apposition.
  const cut = np.search(DETERMINERS.test(np) ? DESCRIPTIVE_CUT : CLAUSE_CUT);
  if (cut > 0) np = np.slice(0, cut);
  // "Lucian Kim of the International Crisis Group", "voter Stephanie Hooton of Derry": the person, not the affiliation.
  if (/^\p{Lu}/u.test(np) || /^\p{Ll}[^]*\p{Lu}[\p{L}’'-]+\s+of\s/u.test(np)) np = np.replace(/\s+of\s+.*$/, '');
  np = np.replace(/\s+(?:also|again|then|later|once|had|has|have|was|is|would|will|could|can|did|does|do|himself|herself|themselves|\p{Ll}+ly)$/iu, '').trim();
  const ws = wordList(np);
  if (ws.length === 0 || ws.length > MAX_SPEAKER_WORDS) return null;
  // A phrase with a verb in it is a clause, not a speaker.
  if (ws.some((w) => isSpeechVerb(w) && /^\p{Ll}/u.test(w)) || ws.some((w) => CLAUSE_VERBS.test(w))) return null;
  const first = ws[0] as string;
  const lower = first.toLowerCase();
  if (/^(?:not|never|it|that|there|here|what|how|why|to|in|on|at|for|with|by|from|about|now|just|even|only|among|like|unlike|so|than)$/i.test(first)) return null;
  if (/^this$/i.test(first) && ws.length < 2) return null;
  // In lower case a speaker is a pronoun, a determiner's phrase, a role word, or a role before a name.
  if (/^\p{Ll}/u.test(first)) {
    const pronoun = ws.length === 1 && (PERSONAL.has(lower) || PLURAL.has(lower) || FIRST_PERSON.has(lower));
    const described = DETERMINERS.test(`${first} `) || LOWER_SPEAKERS.test(first);
    const roleAndName = /^\p{Lu}/u.test(ws.at(-1) as string) && ws.length <= 6;
    if (!pronoun && !described && !roleAndName) return null;
  }
  return np;
}

/** The text of a sentence up to `at`: back to the last sentence break before it. */
function sentenceUpTo(text: string, at: number): string {
  const head = text.slice(0, at);
  let start = 0;
  const pattern = new RegExp(SENTENCE_BREAK.source, 'gu');
  for (const m of head.matchAll(pattern)) start = (m.index ?? 0) + m[0].length;
  return head.slice(start);
}

/** Speaker named after the quote: `” X said`, `” said X`, `” X, the Y, told Z`. */
function speakerAfter(post: string): string | null {
  // “Q”. Next sentence …: the quote's sentence ended; what follows attributes something else.
  if (/^\s*[.!?]/.test(post)) return null;
  const m = /^\s*[,…—–-]*\s*(.*)$/su.exec(post);
  const rest = (m?.[1] ?? '').split(/[“"«]/)[0] ?? '';
  // Only what follows in the quote's own sentence.
  const end = rest.search(SENTENCE_BREAK);
  const own = end >= 0 ? rest.slice(0, end + 1) : rest;
  const ws = wordList(own).slice(0, MAX_FRAME_WORDS);
  const v = speechVerbAt(ws, false);
  if (v < 0) return null;
  const verb = ws[v] as string;
  const verbAt = wordAt(own, verb, false);
  if (v > 0) {
    // "“Q” fostered by Trump and others, the groups say": the phrase after the last comma.
    const before = own.slice(0, verbAt);
    const comma = before.search(/,(?!\d)[^,]*$/);
    return (comma > 0 ? cleanSpeaker(before.slice(comma + 1)) : null) ?? cleanSpeaker(before);
  }
  const afterVerb = own.slice(verbAt + verb.length);
  return cleanSpeaker(afterVerb.split(SENTENCE_BREAK)[0]?.split(/[;!?]|\.$|,\s(?!Jr\b|Sr\b)/)[0] ?? '');
}

/** "“Would it be negotiable?” Hannity pressed.": a name or pronoun and a past-tense verb right after a quote that ends in , ? or !. */
function speakerAfterAnyVerb(quoteEnd: string, post: string): string | null {
  if (!/[,?!]\s*$/.test(quoteEnd)) return null;
  const m = /^\s*((?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*|he|she|they|(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}\p{Lu}[\p{L}’'.-]*)\s+\p{Ll}+ed\b/u.exec(post);
  if (m?.[1]) return cleanSpeaker(m[1]);
  // "“Is Obama profiling?” reacted Trump."
  const inverted = /^\s*\p{Ll}+ed\s+((?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*)\s*(?:[.,;]|$)/u.exec(post);
  return inverted?.[1] ? cleanSpeaker(inverted[1]) : null;
}

/** Speaker named before the quote: `X said: “Q”`, `according to X, “Q”`, `Said X, “Q”`, the subject of `He …, underlining, “Q”`. */
function speakerBefore(pre: string): string | null {
  const clause = sentenceUpTo(pre, pre.length);
  const according = /according to ([^,.;“"]+)[,]?\s*[—–-]?\s*$/i.exec(clause);
  if (according?.[1]) return cleanSpeaker(according[1]);
  // "Michael P. McDonald: “Q”" — a name and a colon, as a heading or a transcript gives a speaker.
  const colon = /(?:^\s*|[—–-]\s+)((?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}.’'-]*)\s*:\s*$/u.exec(clause);
  if (colon?.[1] && !/^(?:Q|A|Note|Update|Editor|Correction|Read|Watch|Related|Photo|Video)$/i.test(colon[1])) return cleanSpeaker(colon[1]);
  const ws = wordList(clause);
  const tail = ws.slice(-MAX_FRAME_WORDS);
  const v = speechVerbAt(tail, true);
  if (v < 0) return null;
  const verb = tail[v] ?? '';
  const verbAt = wordAt(clause, verb, true);
  if (/ing$/i.test(verb)) return clauseSubject(clause.slice(0, verbAt));
  return subjectBefore(clause, verbAt) ?? inverted(clause.slice(verbAt + verb.length));
}

/** "X delivered a blunt message to Trump: “Q”": a sentence that ends in a colon before the quote gives it to its subject. */
function colonSubject(pre: string): string | null {
  const clause = sentenceUpTo(pre, pre.length);
  return /:\s*$/.test(clause) ? clauseSubject(clause) : null;
}

/** "Said Dorothy Poynter, who …, “Q”", "explained CBS moderator Nancy Cordes: “Q”": the speaker after the verb. */
function inverted(afterVerb: string): string | null {
  if (!/^\s+\p{Lu}|^\s+(?:a|an|the)\s/u.test(afterVerb)) return null;
  return cleanSpeaker(afterVerb.split(/[:;]|,\s(?!Jr\b|Sr\b)/)[0] ?? '');
}

/** Where a clause starts before a verb: after the last clause opener ("when she said", "in which Adelson said", "and Lina Park said"). */
const CLAUSE_OPENER = /(?:^|[,;:—–(]\s*|\s)(?:when|as|while|because|since|though|although|after|before|if|once|where|whereas|which|who|whom|that|but|so|yet|and|then|until|unless)\s+(?=\S)/giu;

/** The subject of the clause whose verb starts at `verbAt`: back to the clause's start, an apposition skipped. */
function subjectBefore(clause: string, verbAt: number): string | null {
  let head = clause.slice(0, verbAt);
  // "Jerome Powell, the Fed chair, told …": an apposition between commas; the subject is before it.
  const appositive = /^(.*?),\s*(?:a|an|the|who|which|whose|\p{Ll}+\s+(?:of|at|for))\b[^,]*,\s*(?:\p{Ll}+\s+){0,2}$/iu.exec(head);
  // "Theresa May, Tory shadow work and pensions secretary, said": a name, then its role between commas.
  const named = /^(.*?\p{Lu}[\p{L}’'.-]+),\s*[^,]{2,80},\s*(?:\p{Ll}+\s+){0,2}$/u.exec(head);
  if (appositive?.[1]) head = appositive[1];
  else if (named?.[1] && /(?:^|[\s(])\p{Lu}[\p{L}’'.-]*\s+\p{Lu}[\p{L}’'.-]+$|^\s*\p{Lu}[\p{L}’'.-]+$/u.test(named[1].split(/[,;:]/).at(-1) ?? '')) head = named[1];
  let start = 0;
  for (const m of head.matchAll(CLAUSE_OPENER)) {
    // "Marks and Spencer": an "and" between two capitalised words joins a name.
    if (/\band\s+$/i.test(m[0]) && /\p{Lu}[\p{L}’'.-]*\s*$/u.test(head.slice(0, m.index)) && /^\p{Lu}/u.test(head.slice((m.index ?? 0) + m[0].length))) continue;
    start = (m.index ?? 0) + m[0].length;
  }
  let subject = head.slice(start);
  const lastComma = subject.search(/,(?!\d)[^,]*$/);
  if (lastComma >= 0 && wordList(subject.slice(lastComma + 1)).length > 0) subject = subject.slice(lastComma + 1);
  // "She greeted supporters and told them …": a clause with no subject of its own shares its sentence's.
  if (wordList(subject).length === 0) return sentenceSubject(head);
  return cleanSpeaker(subject);
}

/** The subject a sentence opens with, after an opening phrase ("On Saturday, Sen. Bernie Sanders (I-Vt.) called …"). */
function sentenceSubject(sentence: string): string | null {
  let s = sentence.replace(/^[\s—–-]+/, '');
  for (let i = 0; i < 3; i++) {
    // An opening phrase before a comma: "On Saturday,", "Hours later,", "Reprising one of her lines,", "WASHINGTON (AP) —".
    const opener = /^(?:(?:In|On|At|During|After|Before|Like|Unlike|With|For|From|Later|Earlier|Meanwhile|However|Still|Since|Asked|Speaking|Addressing|When|While|As|If|Though|Although|Also|Then|Now|But|And|So|Yet|Of|By|Under|Despite|Amid|Even)\b[^,]{0,120}|\p{Lu}{2,}[\p{Lu}\s.,]*\([^)]*\)|[\p{L}\p{N}’'-]+(?:\s+[\p{Ll}\p{N}’'-]+){1,6}|\p{Lu}\p{Ll}+ing\b.{0,200}?)\s*[,—–]\s*(?=\p{Lu}|the\s|a\s|an\s|he\s|she\s|they\s)/u.exec(s);
    if (!opener) break;
    s = s.slice(opener[0].length);
  }
  // A name, with its title or a lower-case role between ("Immigration minister Des Browne", "Sen. Bernie Sanders (I-Vt.)").
  const subject = new RegExp(
    `^((?:(?:The|A|An)\\s+)?(?:\\p{Lu}[\\p{L}’'.-]*\\s+){0,5}(?:(?:${ROLE_WORDS})\\s+){0,3}(?:\\p{Lu}[\\p{L}’'.-]*\\s+){0,3}\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\([^)]*\\))?)(?:,[^,]{1,80},)?\\s+\\p{Ll}`,
    'u',
  ).exec(s);
  if (subject?.[1] && !/^(?:The|A|An|This|That|These|Those|It|In|On|At|\p{Lu}\p{Ll}+ing)$/u.test(subject[1])) return cleanSpeaker(subject[1]);
  const pronoun = /^(He|She|They|he|she|they)\s+\p{Ll}/u.exec(s);
  if (pronoun?.[1]) return pronoun[1].toLowerCase();
  // "the former secretary of state talked …", "A federal lawsuit was filed …": a determiner's phrase up to its verb.
  const described = /^((?:the|a|an|another|The|A|An|Another)\s+(?:[\p{L}’'-]+\s+){0,6}?[\p{L}’'-]+)\s+(?:\p{Ll}+ed|is|was|has|had|says|said|told|\p{Ll}+s)\b/u.exec(s);
  return described?.[1] ? cleanSpeaker(described[1]) : null;
}

/** The subject of a clause that frames a partial quote with a verb such as "called", "cited", "chanted". */
function framingSpeaker(pre: string): string | null {
  const clause = sentenceUpTo(pre, pre.length);
  const ws = wordList(clause).slice(-14);
  let v = -1;
  ws.forEach((w, i) => {
    if (FRAMING_VERBS.has(w.toLowerCase()) && !(i > 0 && NOUN_BEFORE.test(ws[i - 1] as string))) v = i;
  });
  if (v < 0) return null;
  const verb = ws[v] as string;
  const verbAt = wordAt(clause, verb, true);
  if (/ing$/i.test(verb)) return clauseSubject(clause.slice(0, verbAt));
  return subjectBefore(clause, verbAt) ?? sentenceSubject(clause);
}

/** The subject of the last clause of a text ("…, when Sanders protesters interrupted her speech,"), else of its sentence. */
function clauseSubject(text: string): string | null {
  let start = -1;
  for (const m of text.matchAll(CLAUSE_OPENER)) start = (m.index ?? 0) + m[0].length;
  return (start > 0 ? sentenceSubject(text.slice(start)) : null) ?? sentenceSubject(text);
}

export interface QuoteResult {
  quotes: Quote[];
  diagnostics: Diagnostic[];
}

interface Found {
  quote: Quote;
  /** The attribution the quote's own frame gives, before continuation. */
  own: Attribution | null;
  open: boolean;
}

/** Every direct quote in the sources, with its speaker as written and resolved to an actor's name. */
type Gender = 'm' | 'f';

/**
 * The gender the text gives each person, by name: an honorific before the surname (Mr, Sir, Lord;
 * Mrs, Ms, Miss, Lady, Baroness, Dame), else the pronouns of the sentences that name that person alone
 * (and of the next sentence when it names no one). No list of first names: only what the text says.
 */
export function gendersOf(sources: readonly Source[], actors: ActorIndex): (name: string) => Gender | null {
  const bySurname = new Map<string, Gender>();
  const votes = new Map<string, number>();
  for (const source of sources) {
    const sentences = bodySentences(source);
    sentences.forEach((s, i) => {
      for (const m of s.text.matchAll(/\b(Mr|Sir|Lord|Baron|Mrs|Ms|Miss|Lady|Baroness|Dame)\.?\s+(?:\p{Lu}[\p{L}'’-]+\s+)*?(\p{Lu}[\p{L}'’-]+)(?![\p{L}'’-]*\s+\p{Lu})/gu)) {
        bySurname.set((m[2] as string).toLowerCase(), /^(?:Mr|Sir|Lord|Baron)$/.test(m[1] as string) ? 'm' : 'f');
      }
      const persons = actors.personsIn(s.id);
      if (persons.length !== 1) return;
      const next = sentences[i + 1];
      const text = next && actors.personsIn(next.id).length === 0 ? `${s.text} ${next.text}` : s.text;
      const he = (text.match(/\b(?:he|his|him|himself)\b/gi) ?? []).length;
      const she = (text.match(/\b(?:she|her|hers|herself)\b/gi) ?? []).length;
      const name = (persons[0] as { name: string }).name;
      votes.set(name, (votes.get(name) ?? 0) + Math.sign(he - she));
    });
  }
  return (name) => {
    const surname = name.split(/\s+/).at(-1)?.toLowerCase() ?? '';
    const honorific = bySurname.get(surname);
    if (honorific) return honorific;
    const vote = votes.get(name) ?? 0;
    return vote > 0 ? 'm' : vote < 0 ? 'f' : null;
  };
}

export function findQuotes(sources: readonly Source[], actors: ActorIndex): QuoteResult {
  const quotes: Quote[] = [];
  const diagnostics: Diagnostic[] = [];
  const genderOf = gendersOf(sources, actors);

  for (const source of sources) {
    const sentences = bodySentences(source);
    /** The person a pronoun speaker refers to: the last speaker who is a person, else the last person named. */
    let lastPersonSpeaker: string | null = null;
    /** Persons named in the source's earlier paragraphs, in order of mention. */
    const named: string[] = [];
    const resolveSaid = (said: string, sentence: Sentence | undefined, paragraph: readonly Sentence[], before = ''): string | null => {
      const first = said.split(/\s+/)[0]?.toLowerCase() ?? '';
      const one = wordList(said).length === 1;
      if (one && FIRST_PERSON.has(first)) return source.author ?? null;
      // "They" is people or an organisation the text does not settle: the quote keeps the pronoun only.
      if (one && PLURAL.has(first)) return null;
      if (one && PERSONAL.has(first)) {
        // The person named last before it whose gender does not contradict the pronoun's: in the
        // paragraph's earlier sentences, latest first (in a sentence, its first person, most often its
        // subject); then the last speaker; then the persons of earlier paragraphs, latest first; then
        // a person of its own sentence.
        const wanted: Gender = first === 'she' ? 'f' : 'm';
        const fits = (name: string | null | undefined): name is string => !!name && (genderOf(name) ?? wanted) === wanted;
        const at = sentence ? paragraph.indexOf(sentence) : -1;
        // "Ms Hutt said she hoped “…” Asked about waiting lists, she said …": a person named earlier in
        // the pronoun's own sentence, before its quote.
        const speaks = (name: string, text: string) => {
          const surname = escapeRegExp(name.split(/\s+/).at(-1) ?? '');
          return new RegExp(`${surname}\\s+(?:\\p{Ll}+\\s+)?(?:said|says|told|added|argued|insisted|claimed|warned)\\b`, 'u').test(text);
        };
        const own = (sentence ? actors.personsIn(sentence.id) : []).find((p) => fits(p.name) && speaks(p.name, before));
        if (own) return own.name;
        for (let i = at - 1; i >= 0; i--) {
          const earlier = paragraph[i] as Sentence;
          // "He said they might … Mr Houston … He told BBC News": a sentence led by the same pronoun
          // speaks of the same person; the one it refers to is further back.
          if (new RegExp(`^${first}\\b`, 'i').test(earlier.text.trim())) continue;
          // The one who speaks in it ("Tony Blair has failed, Michael Howard said"), else its first.
          const people = actors.personsIn(earlier.id).filter((p) => fits(p.name));
          const person = people.find((p) => speaks(p.name, earlier.text)) ?? people[0];
          if (person) return person.name;
        }
        if (fits(lastPersonSpeaker)) return lastPersonSpeaker;
        for (let i = named.length - 1; i >= 0; i--) if (fits(named[i])) return named[i] as string;
        return (sentence ? actors.personsIn(sentence.id) : []).find((p) => fits(p.name))?.name ?? null;
      }
      if (DETERMINERS.test(said)) {
        const bare = said.replace(DETERMINERS, '');
        const actor = actors.resolve(bare, source.id);
        // "the Treasury" is the Treasury; "the Lord Chancellor Lord Falconer" is Lord Falconer.
        const surname = actor?.name.split(/\s+/).at(-1)?.toLowerCase() ?? '\u0000';
        if (actor && actor.kind !== 'person' && /^\p{Lu}/u.test(bare) && actor.name.toLowerCase() === bare.toLowerCase()) return actor.name;
        if (actor && actor.kind === 'person' && bare.toLowerCase().endsWith(surname) && wordList(bare).length > wordList(actor.name).length) return actor.name;
        // "the Salford MP" where the text introduced Hazel Blears as the Salford MP. Only a definite
        // description: "a spokesman" is someone the text has not named.
        return (/^the\s/i.test(said) ? actors.byRole(said, source.id)?.name : null) ?? said;
      }
      return actors.resolve(said, source.id)?.name ?? said;
    };

    // Paragraph by paragraph, each the sentences of one block.
    const blocks: Sentence[][] = [];
    for (const s of sentences) {
      const last = blocks.at(-1);
      if (last && last[0]?.block === s.block) last.push(s);
      else blocks.push([s]);
    }
    /** The speaker of the previous paragraph's last quote, for a paragraph that opens with a quote and names no one. */
    let carried: Attribution | null = null;
    /** Quotes of a run left open at a paragraph's end, waiting for the run's attribution. */
    let waiting: Found[] = [];
    let lastSentence: Sentence | undefined;
    for (const block of blocks) {
      const found: Found[] = [];
      const unit = paragraphUnit(block);
      const quoted = spansToEnd(unit.text);
      const opensWithQuote = quoted[0] !== undefined && unit.text.slice(0, quoted[0].start).trim() === '';
      {
        let cursor = 0;
        quoted.forEach((span, k) => {
          const next = quoted[k + 1];
          const pre = unit.text.slice(cursor, span.start);
          const post = span.open ? '' : unit.text.slice(span.end, next ? next.start : unit.text.length);
          cursor = span.end;
          const at = unit.offsets.findLastIndex((o) => o <= span.start);
          const sentence = unit.sentences[Math.max(0, at)] ?? unit.sentences[0];
          // A partial quote inside a clause: the clause's subject, when a verb frames it.
          const partial = sentenceUpTo(pre, pre.length).trim() !== '' && !/[:,]\s*$/.test(pre);
          // A partial quote mid-sentence is attributed after it only as “…,” X said: "“kind of riding
          // the fence” until Haley said" is someone else speaking.
          const closes = /[,?!]\s*$/.test(span.inner) || /^\s*,/.test(post);
          const after = /[.]\s*$/.test(span.inner) || (partial && !closes) ? null : speakerAfter(post);
          // The sentence up to the quote, earlier quotes blanked: "Ted Cruz says his “friend” Marco Rubio ran “…”".
          const sentenceStart = unit.offsets[Math.max(0, at)] ?? 0;
          const whole = unit.text.slice(sentenceStart, span.start).replace(/[“"][^“”"]*[”"]/g, (q) => ' '.repeat(q.length));
          const named = after !== null && /^(?:he|she|they)$/i.test(after) ? speakerBefore(pre) : null;
          const np =
            (named !== null && /^\p{Lu}/u.test(named) && !/^(?:He|She|They)$/.test(named) ? named : null) ??
            after ??
            speakerBefore(pre) ??
            (partial && whole.length > pre.length ? speakerBefore(whole) : null) ??
            (partial || k === 0 ? framingSpeaker(pre) : null) ??
            colonSubject(pre) ??
            speakerAfterAnyVerb(span.inner, post) ??
            // A partial quote with no verb of saying is the words of its clause's subject ("Rubio bemoaned a climate in which people “literally hate each other”").
            (partial ? clauseSubject(sentenceUpTo(pre, pre.length)) : null);
          const own = np ? { said: np, speaker: resolveSaid(np, sentence, block, unit.text.slice(sentenceStart, span.start)) } : null;
          if (own?.speaker && actors.resolve(own.speaker)?.kind === 'person') lastPersonSpeaker = own.speaker;
          const inner = span.inner.trim().replace(/[,“]$/, '').trim();
          if (!sentence) return;
          // Short quotes ("Apparently not," he said) still name the speaker the next quote continues.
          const quote: Quote = { id: contentId('qt', inner), text: inner, speaker: own?.speaker ?? null, said: own?.said ?? null, evidence: sentence.id, storyId: null };
          found.push({ quote, own, open: span.open === true });
        });
      }
      // People named in this paragraph: what a "he" in a later one may refer to.
      for (const s of block) for (const person of actors.personsIn(s.id)) named.push(person.name);

      // A quote with no attribution of its own takes its sentence's, then the paragraph's so far; a
      // paragraph that opens with a quote and names no one continues the previous paragraph's speaker.
      const sentenceOf = (f: Found) => block.findIndex((s) => s.id === f.quote.evidence);
      const indirectSpeaker = (s: Sentence): Attribution | null => {
        if (/[“”"]/.test(s.text)) return null;
        const ws = wordList(s.text);
        const v = speechVerbAt(ws, false);
        if (v < 0) return null;
        const np = subjectBefore(s.text, wordAt(s.text, ws[v] as string, false));
        return np ? { said: np, speaker: resolveSaid(np, s, block) } : null;
      };
      let current: Attribution | null = null;
      for (const f of found) {
        if (f.own) {
          current = f.own;
          continue;
        }
        // Before any attribution in the paragraph: the next quote's when it is attributed in the same
        // or the next sentence ("“Q1.” “Q2,” he said"); then the speaker of the indirect speech just
        // before; then the paragraph's last attribution; then, in a paragraph that opens with a quote,
        // the previous paragraph's speaker.
        const later = found.slice(found.indexOf(f) + 1).find((g) => g.own !== null);
        // (Only an attribution after its own quote: "Morgan said: “Q3”" introduces someone new.)
        const laterSentence = later ? block[sentenceOf(later)] : undefined;
        const near = later && sentenceOf(later) - sentenceOf(f) <= 1 && /^\s*[“"]/.test(laterSentence?.text ?? '') ? later.own : null;
        // "Charles Kennedy said Harry should apologise. “There is a reservoir of goodwill …”": the
        // speaker of the indirect speech just before, when that sentence quotes no one.
        const k = sentenceOf(f);
        const previous = k > 0 ? block[k - 1] : k === 0 ? lastSentence : undefined;
        const indirect = previous && !found.some((g) => g.quote.evidence === previous.id) ? indirectSpeaker(previous) : null;
        const take = near ?? indirect ?? current ?? (opensWithQuote ? carried : null) ?? null;
        if (take) {
          f.quote.speaker = take.speaker;
          f.quote.said = take.said;
        }
      }
      // A run left open in the previous paragraph takes this paragraph's attribution when it continues the run.
      if (waiting.length > 0 && opensWithQuote) {
        const run = found.find((f) => f.quote.speaker !== null);
        for (const w of waiting) {
          if (w.quote.speaker === null && run) {
            w.quote.speaker = run.quote.speaker;
            w.quote.said = run.quote.said;
          }
        }
      }
      waiting = found.filter((f) => f.open);
      const last = [...found].reverse().find((f) => f.quote.speaker !== null);
      carried = last ? { said: last.quote.said ?? '', speaker: last.quote.speaker } : null;
      lastSentence = block.at(-1);
      for (const f of found) if (wordList(f.quote.text).length >= MIN_QUOTE_WORDS) quotes.push(f.quote);
    }
  }
  const where = new Map(sources.flatMap((source) => source.sentences.map((s) => [s.id, { source, s }] as const)));
  for (const q of quotes) {
    const { source, s } = where.get(q.evidence) ?? {};
    if (q.speaker !== null) {
      // The actor the speaker names, when the speaker is an actor's name ("a spokesman" is none).
      const actor = actors.resolve(q.speaker, source?.id);
      q.actorId = actor && actor.name === q.speaker ? (actor.id ?? null) : null;
      continue;
    }
    q.actorId = null;
    diagnostics.push({
      file: source?.path ?? '',
      line: s?.line ?? 0,
      column: 0,
      severity: 'info',
      ruleId: 'enrich/quote-unattributed',
      message: `No speaker found for the quote "${q.text.slice(0, 60)}${q.text.length > 60 ? '…' : ''}"`,
    });
  }
  return { quotes, diagnostics };
}
