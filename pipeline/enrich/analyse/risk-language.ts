// When a sentence outside a risk section states a risk. A risk is a harm that may come, so a cue
// word is not enough: what counts is what the cue does in the sentence (lexicon: RISK_CUES).
//
//   harm   names a harmful event or outcome: "escalation", "collapse", "default", "flooding",
//          "losses", "refused to negotiate" …
//   frame  names a risk and points at what is at stake: "risk", "threat", "warn", "fear", "concern" …
//   mood   a state of unease: "volatile", "fragile", "sensitivities", "tensions" …
//
// A sentence states a risk when
//   1. a harm or frame cue stands in its foreground;
//   2. a frame cue in its background names a harm after it ("amid fears of a recession");
//   3. a hedging modal governs a verb of harm ("the grid could fail", "hospitals may be overwhelmed");
//   4. a mood cue in its foreground comes with a harm anywhere or a consequence in the foreground
//      (a hedging modal and its verb: "remains fragile and could change quickly").
// The background is what sets the scene for the claim instead of making it: a leading subordinate
// clause ("As the situation remains volatile, …", "Although X refused to negotiate, …"), an "amid"
// phrase, and the object of a verb of explanation ("… reflects growing concerns over …"): the cause
// of what happened, not a harm to come. A mood without harm or consequence is context ("political
// sensitivities persist").
// A cue does not count when a word just before it mitigates it ("reduce the risk", "without
// provoking", "patched the vulnerability"), a word after it in its clause says it has passed
// ("concerns about the vaccine have eased"), or it is capitalised inside the sentence, as part of a
// name ("International Crisis Group").
import { BACKGROUND_PATTERNS, HARM_VERBS, MITIGATION_WORDS, RELIEF_WORDS, RISK_CUES } from '../annotate/lexicon.js';
import { words } from '../annotate/text.js';

type CueKind = keyof typeof RISK_CUES;

interface Cue {
  kind: CueKind;
  index: number;
  end: number;
}

/** How many words before a cue a mitigation reaches: "reduce the risk of retaliation". */
const MITIGATION_REACH = 5;
/** How many words after a cue, within its clause, a relief word reaches: "concerns about the vaccine have eased". */
const RELIEF_REACH = 8;
const CLAUSE_BREAK = /[,;:]|\s(?:as|but|while|although|though|because|even)\s/;

const KINDS = Object.keys(RISK_CUES) as CueKind[];
// One scan finds every cue; the kind of each is told from the word found. Most sentences have none.
const ANY_CUE = new RegExp(KINDS.flatMap((kind) => RISK_CUES[kind]).join('|'), 'gi');
const KIND_PATTERNS = KINDS.map((kind) => [kind, new RegExp(`^(?:${RISK_CUES[kind].join('|')})`, 'i')] as const);
const BACKGROUND = BACKGROUND_PATTERNS.map((source) => new RegExp(source, 'gi'));
const MODAL = '(?:could|may|might|would|will|can|risks?|threatens? to)';
// ASCII classes: a Unicode-aware case-insensitive pattern scans several times slower.
const DEGREE = '(?:(?:[a-z]+ly|also|further|even|well|soon|still)\\s+)?';
const HARMFUL_MODAL = new RegExp(`\\b${MODAL}\\s+${DEGREE}(?:be\\s+|have\\s+)?(?:${HARM_VERBS.join('|')})\\b`, 'gi');
const CONSEQUENCE = new RegExp(`\\b${MODAL}\\s+${DEGREE}[a-z]+`, 'gi');

/** "May" inside a sentence is the month, not the modal. */
function withoutMonth(text: string): string {
  return text.replace(/(?<=\S\s+)May\b/g, 'Month');
}

function mitigated(text: string, index: number, end: number): boolean {
  const before = words(text.slice(Math.max(0, index - 80), index)).slice(-MITIGATION_REACH);
  const rest = text.slice(end, end + 120);
  const clause = rest.search(CLAUSE_BREAK);
  const after = words(clause < 0 ? rest : rest.slice(0, clause)).slice(0, RELIEF_REACH);
  return before.some((w) => MITIGATION_WORDS.has(w)) || after.some((w) => RELIEF_WORDS.has(w));
}

/** The cues of a sentence that count: not mitigated, not part of a name. */
function cuesOf(text: string): Cue[] {
  const found: Cue[] = [];
  for (const m of text.matchAll(ANY_CUE)) {
    if (m.index > 0 && /^\p{Lu}/u.test(m[0])) continue;
    const kind = KIND_PATTERNS.find(([, pattern]) => pattern.test(m[0]))?.[0];
    const end = m.index + m[0].length;
    if (kind && !mitigated(text, m.index, end)) found.push({ kind, index: m.index, end });
  }
  return found;
}

/** Character spans of the sentence that set the scene. */
function backgroundSpans(text: string): Array<[number, number]> {
  return BACKGROUND.flatMap((pattern) => [...text.matchAll(pattern)].map((m): [number, number] => [m.index, m.index + m[0].length]));
}

/** The spans' end where `at` falls inside a span; -1 in the foreground. */
function spanEnd(spans: ReadonlyArray<[number, number]>, at: number): number {
  return spans.find(([from, to]) => at >= from && at < to)?.[1] ?? -1;
}

function harmfulModals(text: string): Cue[] {
  return [...text.matchAll(HARMFUL_MODAL)]
    .map((m): Cue => ({ kind: 'harm', index: m.index, end: m.index + m[0].length }))
    .filter((c) => !mitigated(text, c.index, c.end));
}

/** True when the sentence states a risk by the rules above. */
export function speaksOfRisk(sentence: string): boolean {
  const text = withoutMonth(sentence);
  const cues = [...cuesOf(text), ...harmfulModals(text)];
  if (cues.length === 0) return false;
  const spans = backgroundSpans(text);
  const inForeground = (c: Cue): boolean => spanEnd(spans, c.index) < 0;
  const harms = cues.filter((c) => c.kind === 'harm');

  if (cues.some((c) => c.kind !== 'mood' && inForeground(c))) return true;
  const framesHarm = cues.some((c) => {
    const end = spanEnd(spans, c.index);
    return c.kind === 'frame' && harms.some((h) => h.index > c.index && h.index < end);
  });
  if (framesHarm) return true;
  if (!cues.some((c) => c.kind === 'mood' && inForeground(c))) return false;
  const consequence = [...text.matchAll(CONSEQUENCE)].some((m) => spanEnd(spans, m.index) < 0);
  return harms.length > 0 || consequence;
}
