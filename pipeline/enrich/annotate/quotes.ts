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
const CLAUSE_CUT = /,|\s(?:who|which|during|in|at|on|while|when|after|before|to|as|from|adding|speaking|last|this|on|late|early|earlier|later|yesterday|today|tonight)\s/;
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

/** Sentences joined where a quote runs across a sentence break. */
function units(sentences: readonly Sentence[]): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  for (const s of sentences) {
    if (current && current.sentences[0]?.block === s.block && spans(current.text).open) {
      current.offsets.push(current.text.length + 1);
      current.text += ` ${s.text}`;
      current.sentences.push(s);
      continue;
    }
    current = { text: s.text, sentences: [s], offsets: [0] };
    out.push(current);
  }
  return out;
}

function wordList(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu) ?? [];
}

const isSpeechVerb = (w: string): boolean => SPEECH_VERBS.has(w.toLowerCase());

/** The noun phrase naming a speaker, cut before clauses and trailing punctuation; null when it is no noun phrase. */
function cleanSpeaker(phrase: string): string | null {
  let np = phrase
    .replace(/[“”"«»]/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:—–.-]+$/g, '')
    .replace(LEADING, '');
  // "Graham, a former candidate," — the name, not the apposition; "a spokesman, Jo Lee," — the name too.
  const cut = np.search(DETERMINERS.test(np) ? DESCRIPTIVE_CUT : CLAUSE_CUT);
  if (cut > 0) np = np.slice(0, cut);
  // "Lucian Kim of the International Crisis Group": the person, not the affiliation.
  if (/^\p{Lu}/u.test(np)) np = np.replace(/\s+of\s+.*$/, '');
  np = np.replace(/\s+(?:also|again|then|later|once|had|has|have|was|is|would|will|could|can|did|does|do)$/i, '').trim();
  const ws = wordList(np);
  if (ws.length === 0 || ws.length > MAX_SPEAKER_WORDS) return null;
  // A phrase with a verb of saying or a lower-case verb form in it is a clause, not a speaker.
  if (ws.some(isSpeechVerb)) return null;
  const first = ws[0] as string;
  // A speaker starts with a capital, a determiner, a pronoun or a role word; not with "visited" or "now".
  if (!/^\p{Lu}/u.test(first) && !DETERMINERS.test(`${first} `) && !PERSONAL.has(first.toLowerCase()) && !FIRST_PERSON.has(first.toLowerCase()) && !PLURAL.has(first.toLowerCase()) && ws.length < 2) return null;
  if (/^(?:not|never|it|this|that|there|here|what|how|why|to|in|on|at|for|with|by|from|about|now|just|even|only)$/i.test(first)) return null;
  return np;
}

/** Speaker named after the quote: `” X said`, `” said X`, `” X, the Y, told Z`. */
function speakerAfter(post: string): string | null {
  const m = /^\s*[,.!?…—–-]*\s*(.*)$/su.exec(post);
  const rest = (m?.[1] ?? '').split(/[“"«]/)[0] ?? '';
  const ws = wordList(rest).slice(0, MAX_FRAME_WORDS);
  const v = ws.findIndex(isSpeechVerb);
  if (v < 0) return null;
  const verb = ws[v] as string;
  const verbAt = new RegExp(`(?<![\\p{L}])${verb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').exec(rest)?.index ?? rest.indexOf(verb);
  if (v > 0) {
    const before = rest.slice(0, verbAt);
    // The verb must close the phrase before it: "…,” he said", not "…,” the report, which he said …".
    if (/[.;!?]/.test(before.replace(/\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Inc|Co|Corp|U\.S|D\.C|R|D|I)\.(?=\s|,|-)/g, ''))) return null;
    return cleanSpeaker(before);
  }
  const afterVerb = rest.slice(verbAt + verb.length);
  return cleanSpeaker(afterVerb.split(/[.;!?]\s|[.;!?]$|,\s(?!Jr\b|Sr\b)/)[0] ?? '');
}

/** Speaker named before the quote: `X said: “Q”`, `according to X, “Q”`, the subject of `He …, underlining, “Q”`. */
function speakerBefore(pre: string): string | null {
  const according = /according to ([^,.;“"]+)[,]?\s*[—–-]?\s*$/i.exec(pre);
  if (according?.[1]) return cleanSpeaker(according[1]);
  // "Michael P. McDonald: “Q”" — a name and a colon, as a heading or a transcript gives a speaker.
  const colon = /(?:^|[.!?]\s+|[—–-]\s+)((?:\p{Lu}[\p{L}.’'-]*\s+){0,4}\p{Lu}[\p{L}.’'-]*)\s*:\s*$/u.exec(pre);
  if (colon?.[1] && !/^(?:Q|A|Note|Update|Editor|Correction|Read|Watch|Related|Photo|Video)$/i.test(colon[1])) return cleanSpeaker(colon[1]);
  const ws = wordList(pre);
  const tail = ws.slice(-MAX_FRAME_WORDS);
  let v = -1;
  tail.forEach((w, i) => {
    if (isSpeechVerb(w)) v = i;
  });
  if (v < 0) return null;
  const verb = tail[v] ?? '';
  const verbAt = pre.lastIndexOf(verb);
  // Words between the verb and the quote that open a new clause with its own verb ("said it would … and that “Q”") are fine;
  // a full stop between them is not: the verb belongs to another sentence.
  if (/[.!?]\s/.test(pre.slice(verbAt))) return null;
  if (/ing$/i.test(verb)) {
    // A participle ("…, underlining, “Q”") hangs on the sentence's subject.
    const head = /^\s*([^,;]+?)\s+(?:has|had|have|was|is|also|then|\p{Ll}+(?:ed|s))\b/u.exec(pre);
    return head?.[1] ? cleanSpeaker(head[1]) : null;
  }
  return subjectBefore(pre, verbAt);
}

/** The subject of the clause whose verb starts at `verbAt`: back to the clause's start, an apposition skipped. */
function subjectBefore(pre: string, verbAt: number): string | null {
  const head = pre.slice(0, verbAt);
  // The clause starts after the last sentence end, semicolon or quote before the verb.
  const start = Math.max(head.search(/[^.!?;”"]*$/), 0);
  let clause = head.slice(start);
  // "Jerome Powell, the Fed chair, told …": an apposition between commas; the subject is before it.
  const appositive = /^(.*?),\s*(?:a|an|the|who|which|whose)\b[^,]*,\s*(?:\p{Ll}+\s+){0,2}$/iu.exec(clause);
  if (appositive?.[1]) clause = appositive[1];
  else {
    const lastComma = clause.lastIndexOf(',');
    if (lastComma >= 0 && wordList(clause.slice(lastComma + 1)).length > 0) clause = clause.slice(lastComma + 1);
  }
  return cleanSpeaker(clause);
}

/** The subject of a clause that frames a partial quote with a verb such as "called", "cited", "chanted". */
function framingSpeaker(pre: string): string | null {
  const ws = wordList(pre).slice(-12);
  let v = -1;
  ws.forEach((w, i) => {
    if (FRAMING_VERBS.has(w.toLowerCase())) v = i;
  });
  if (v < 0) return null;
  const verb = ws[v] as string;
  const verbAt = pre.lastIndexOf(verb);
  if (/[.!?]\s/.test(pre.slice(verbAt))) return null;
  return subjectBefore(pre, verbAt);
}

/** True when the text outside the quotes has a verb of saying: an attribution, even one not understood. */
function saysSomething(text: string, quoted: readonly Span[]): boolean {
  let outside = '';
  let cursor = 0;
  for (const span of quoted) {
    outside += ` ${text.slice(cursor, span.start)}`;
    cursor = span.end;
  }
  outside += ` ${text.slice(cursor)}`;
  return wordList(outside).some(isSpeechVerb);
}

export interface QuoteResult {
  quotes: Quote[];
  diagnostics: Diagnostic[];
}

interface Found {
  quote: Quote;
  /** The attribution the quote's own frame gives, before continuation. */
  own: Attribution | null;
  unit: number;
  open: boolean;
}

/** Every direct quote in the sources, with its speaker as written and resolved to an actor's name. */
export function findQuotes(sources: readonly Source[], actors: ActorIndex): QuoteResult {
  const quotes: Quote[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const source of sources) {
    const sentences = bodySentences(source);
    /** The person a pronoun speaker refers to: the last speaker who is a person, else the last person named. */
    let lastPersonSpeaker: string | null = null;
    let lastNamed: string | null = null;
    const resolveSaid = (said: string, sentence: Sentence | undefined): string | null => {
      const first = said.split(/\s+/)[0]?.toLowerCase() ?? '';
      const one = wordList(said).length === 1;
      if (one && FIRST_PERSON.has(first)) return source.author ?? null;
      if (one && (PERSONAL.has(first) || PLURAL.has(first))) {
        const inSentence = sentence ? actors.personsIn(sentence.id) : [];
        // "She said the regulator …": the pronoun is the subject; a person named earlier in its own sentence comes first.
        return lastPersonSpeaker ?? inSentence[0]?.name ?? lastNamed;
      }
      if (DETERMINERS.test(said)) {
        const bare = said.replace(DETERMINERS, '');
        const actor = actors.resolve(bare);
        return actor && actor.name.toLowerCase() === bare.toLowerCase() ? actor.name : said;
      }
      return actors.resolve(said)?.name ?? said;
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
    for (const block of blocks) {
      const found: Found[] = [];
      const blockUnits = units(block);
      let opensWithQuote = false;
      blockUnits.forEach((unit, u) => {
        const quoted = spansToEnd(unit.text);
        if (u === 0 && quoted[0] && unit.text.slice(0, quoted[0].start).trim() === '') opensWithQuote = true;
        let cursor = 0;
        quoted.forEach((span, k) => {
          const next = quoted[k + 1];
          const pre = unit.text.slice(cursor, span.start);
          const post = span.open ? '' : unit.text.slice(span.end, next ? next.start : unit.text.length);
          cursor = span.end;
          const at = unit.offsets.findLastIndex((o) => o <= span.start);
          const sentence = unit.sentences[Math.max(0, at)] ?? unit.sentences[0];
          // A partial quote inside a clause: the clause's subject, when a verb frames it.
          const partial = pre.trim() !== '' && !/[:,]\s*$/.test(pre) && !/^\s*[,.!?]/.test(post);
          const np = speakerAfter(post) ?? speakerBefore(pre) ?? (partial || k === 0 ? framingSpeaker(pre) : null);
          const own = np ? { said: np, speaker: resolveSaid(np, sentence) } : null;
          if (own?.speaker && actors.resolve(own.speaker)?.kind === 'person') lastPersonSpeaker = own.speaker;
          const inner = span.inner.trim().replace(/[,“]$/, '').trim();
          if (!sentence) return;
          // Short quotes ("Apparently not," he said) still name the speaker the next quote continues.
          const quote: Quote = { id: contentId('qt', inner), text: inner, speaker: own?.speaker ?? null, said: own?.said ?? null, evidence: sentence.id, storyId: null };
          found.push({ quote, own, unit: u, open: span.open === true });
        });
        // People named outside quotes in this unit: what a later "he" may refer to.
        for (const s of unit.sentences) {
          const person = actors.personsIn(s.id).at(-1);
          if (person) lastNamed = person.name;
        }
      });

      // A quote with no attribution of its own takes its sentence's, then the paragraph's so far; a
      // paragraph that opens with a quote and names no one continues the previous paragraph's speaker.
      const blockText = blockUnits.map((u) => u.text).join(' ');
      const attributed = found.find((f) => f.own !== null)?.own ?? null;
      let current: Attribution | null = opensWithQuote && !saysSomething(blockText, spansToEnd(blockText)) ? carried : null;
      for (const f of found) {
        if (f.own) {
          current = f.own;
          continue;
        }
        const sameUnit = found.find((g) => g.unit === f.unit && g.own !== null)?.own ?? null;
        const take = sameUnit ?? current ?? (opensWithQuote ? carried : null) ?? (found.indexOf(f) === 0 ? attributed : null);
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
      for (const f of found) if (wordList(f.quote.text).length >= MIN_QUOTE_WORDS) quotes.push(f.quote);
    }
  }
  const where = new Map(sources.flatMap((source) => source.sentences.map((s) => [s.id, { source, s }] as const)));
  for (const q of quotes) {
    if (q.speaker !== null) continue;
    const { source, s } = where.get(q.evidence) ?? {};
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
