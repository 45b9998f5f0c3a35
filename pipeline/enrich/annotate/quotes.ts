// Direct quotes and who said them, from news attribution patterns:
//   "Q," X said.   X said: "Q"   "Q," said X of Y.   "Q," a senior official suggested.
//   He acknowledged …, underlining, "Q"  (he = the previous sentence's named person)
//   "Q2."  right after a quote with a speaker and no attribution of its own: the same speaker.
import type { Diagnostic, Quote, Sentence, Source } from '../../model.js';
import type { ActorIndex } from './actors.js';
import { contentId } from './ids.js';
import { SPEECH_VERBS } from './lexicon.js';
import { bodySentences } from './sentences.js';

interface Span {
  start: number;
  end: number;
  inner: string;
}

interface Unit {
  text: string;
  sentences: Sentence[];
  /** Offset in `text` where each sentence starts. */
  offsets: number[];
}

const OPEN = new Set(['“', '"', '«']);
const CLOSE = new Set(['”', '"', '»']);
const MIN_QUOTE_WORDS = 4;
const MAX_SPEAKER_WORDS = 9;
const PRONOUNS = new Set(['he', 'she']);
const DETERMINERS = /^(?:a|an|the|one|two|three|several|some|many|another|his|her|their|its)\s/i;
const CLAUSE_CUT = /,|\s(?:who|which|during|in|at|on|while|when|after|before|to|as|from|adding|speaking)\s/;
/** A descriptive speaker keeps its affiliation ("a forecaster at the hurricane centre"). */
const DESCRIPTIVE_CUT = /,|\s(?:who|which|during|while|when|after|before|adding|speaking)\s/;

/** Quoted spans of a text: typographic and straight double quotes, paired in reading order. */
function spans(text: string): { found: Span[]; open: boolean } {
  const found: Span[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (start < 0 && OPEN.has(c) && (c !== '"' || i === 0 || /[\s(\[—–-]/.test(text[i - 1] ?? ''))) start = i;
    else if (start >= 0 && CLOSE.has(c) && i > start + 1) {
      found.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
      start = -1;
    }
  }
  return { found, open: start >= 0 };
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

/** The noun phrase naming a speaker, cut before clauses and trailing punctuation. */
function cleanSpeaker(phrase: string): string | null {
  let np = phrase.replace(/^[\s,;:—–-]+|[\s,;:—–.-]+$/g, '').replace(/^(?:and|but|so)\s+/i, '');
  const cut = np.search(DETERMINERS.test(np) ? DESCRIPTIVE_CUT : CLAUSE_CUT);
  if (cut > 0) np = np.slice(0, cut);
  // "Lucian Kim of the International Crisis Group": the person, not the affiliation.
  if (/^\p{Lu}/u.test(np)) np = np.replace(/\s+of\s+.*$/, '');
  np = np.trim();
  const n = wordList(np).length;
  return n === 0 || n > MAX_SPEAKER_WORDS ? null : np;
}

/** Speaker named after the quote: `” X said` or `” said X`. */
function speakerAfter(post: string): string | null {
  const m = /^\s*[,.!?…]?\s*(.*)$/su.exec(post);
  const rest = m?.[1] ?? '';
  const ws = wordList(rest).slice(0, MAX_SPEAKER_WORDS + 1);
  const v = ws.findIndex(isSpeechVerb);
  if (v < 0) return null;
  if (v > 0) return cleanSpeaker(rest.slice(0, rest.indexOf(ws[v] ?? '')));
  const afterVerb = rest.slice(rest.indexOf(ws[0] ?? '') + (ws[0] ?? '').length);
  return cleanSpeaker(afterVerb.split(/[.;]|,\s(?!Jr\b)/)[0] ?? '');
}

/** Speaker named before the quote: `X said: “Q”`, or the subject of `He …, underlining, “Q”`. */
function speakerBefore(pre: string): string | null {
  const according = /according to ([^,.;“"]+)[,]?\s*$/i.exec(pre);
  if (according?.[1]) return cleanSpeaker(according[1]);
  const ws = wordList(pre);
  const tail = ws.slice(-MAX_SPEAKER_WORDS - 4);
  let v = -1;
  tail.forEach((w, i) => {
    if (isSpeechVerb(w)) v = i;
  });
  if (v < 0) return null;
  const verb = tail[v] ?? '';
  const verbAt = pre.lastIndexOf(verb);
  const clauseStart = Math.max(pre.lastIndexOf(',', verbAt - 1), pre.lastIndexOf(';', verbAt - 1));
  if (/ing$/i.test(verb)) {
    // A participle ("…, underlining, “Q”") hangs on the sentence's subject.
    const head = /^\s*([^,;]+?)\s+(?:has|had|have|was|is|also|then|\p{Ll}+(?:ed|s))\b/u.exec(pre);
    return head?.[1] ? cleanSpeaker(head[1]) : null;
  }
  const subject = pre.slice(clauseStart + 1, verbAt);
  // An apposition ("Jerome Powell, the Fed chair, told …") leaves the clause empty: the subject leads the sentence.
  return cleanSpeaker(wordList(subject).length > 0 ? subject : pre.slice(0, verbAt));
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

/** Every direct quote in the sources, with its speaker reduced to the canonical actor name. */
export function findQuotes(sources: readonly Source[], actors: ActorIndex): QuoteResult {
  const quotes: Quote[] = [];
  const diagnostics: Diagnostic[] = [];

  const canonical = (np: string, previousPerson: () => string | null): string | null => {
    const first = np.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (PRONOUNS.has(first)) return previousPerson();
    if (DETERMINERS.test(np)) {
      const bare = np.replace(DETERMINERS, '');
      const actor = actors.resolve(bare);
      return actor && actor.name.toLowerCase() === bare.toLowerCase() ? actor.name : np;
    }
    return actors.resolve(np)?.name ?? np;
  };

  for (const source of sources) {
    const sentences = bodySentences(source);
    let lastSpeaker: string | null = null;
    let lastUnit: Unit | null = null;
    for (const unit of units(sentences)) {
      const previousSentence = lastUnit?.sentences[lastUnit.sentences.length - 1];
      const speakerOfPrevious = lastSpeaker;
      const previousPerson = (): string | null => {
        if (speakerOfPrevious && actors.resolve(speakerOfPrevious)?.kind === 'person') return speakerOfPrevious;
        return previousSentence ? (actors.personsIn(previousSentence.id)[0]?.name ?? null) : null;
      };
      const { found } = spans(unit.text);
      let cursor = 0;
      let unitSpeaker: string | null = null;
      const pending: Quote[] = [];
      found.forEach((span, k) => {
        const inner = span.inner.trim().replace(/,$/, '').trim();
        const next = found[k + 1];
        if (wordList(inner).length < MIN_QUOTE_WORDS) return;
        const pre = unit.text.slice(cursor, span.start);
        const post = unit.text.slice(span.end, next ? next.start : unit.text.length);
        cursor = span.end;
        const np = speakerAfter(post) ?? speakerBefore(pre);
        const speaker = np ? canonical(np, previousPerson) : null;
        if (speaker) unitSpeaker = speaker;
        const at = unit.offsets.findLastIndex((o) => o <= span.start);
        const sentence = unit.sentences[Math.max(0, at)] ?? unit.sentences[0];
        if (sentence) pending.push({ id: contentId('qt', inner), text: inner, speaker, evidence: sentence.id, storyId: null });
      });
      const hasOwnAttribution = pending.some((q) => q.speaker !== null) || saysSomething(unit.text, found);
      for (const q of pending) {
        // A quote with no attribution continues the speaker of this or the previous unit.
        q.speaker ??= hasOwnAttribution ? unitSpeaker : speakerOfPrevious;
        if (q.speaker === null) {
          const s = unit.sentences.find((x) => x.id === q.evidence);
          diagnostics.push({
            file: source.path,
            line: s?.line ?? 0,
            column: 0,
            severity: 'info',
            ruleId: 'enrich/quote-unattributed',
            message: `No speaker found for the quote "${q.text.slice(0, 60)}${q.text.length > 60 ? '…' : ''}"`,
          });
        }
        quotes.push(q);
      }
      lastSpeaker = pending.length > 0 ? (pending[pending.length - 1]?.speaker ?? null) : null;
      lastUnit = unit;
    }
  }
  return { quotes, diagnostics };
}
