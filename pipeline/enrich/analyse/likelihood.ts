// Likelihood in ICD 203 terms, read from a sentence's own hedging words, and impact from what is at stake.
//
// The mapping (first cue in the sentence wins; longer cues before shorter ones at the same place):
//
//   almost certain (95–99 %)   "almost certainly", "certainly", "certain to", "inevitable", "bound to",
//                               "all but certain", "definitely", "no doubt"
//   very likely (80–95 %)      "very/highly likely", plain future "will", "is going to", "is set to",
//                               "poised to" — reporters write "will" for what officials plan or expect;
//                               plans slip, so "will" is not certainty.
//   likely (55–80 %)           "likely", "probably", "probable", "expected to", "may well", "could well",
//                               and "would" stating the consequence of something ("would hit exporters").
//   roughly even chance        "even chance", "50-50", "toss-up", and the bare modals of possibility
//   (45–55 %)                  "may" and "could", and "risks …"/"threatens to": the source says it can
//                               happen and offers no estimate either way, so neither side of even is
//                               supported.
//   unlikely (20–45 %)         "unlikely", "improbable", "doubtful", the weaker hedges "might", "possibly",
//                               "perhaps", "potentially", and conditionals "would require", "would need",
//                               "only if": the outcome waits on preconditions not yet met.
//   very unlikely (05–20 %)    "very/highly unlikely", "remote", "will not", "won't", "is not expected to".
//   almost no chance (01–05 %) "no chance", "impossible", "ruled out", "will never".
//
// A risk stated without any hedge ("forces face incremental losses") is asserted by its source as
// happening or expected: it is taken as likely, with no cue, because one report is not certainty.
import type { Impact, Likelihood, LikelihoodTerm } from '../../model.js';
import { LIKELIHOOD_TERMS } from '../../model.js';
import { IMPACT_CUES } from '../annotate/lexicon.js';

export const BANDS: Readonly<Record<LikelihoodTerm, string>> = {
  'almost no chance': '01–05 %',
  'very unlikely': '05–20 %',
  unlikely: '20–45 %',
  'roughly even chance': '45–55 %',
  likely: '55–80 %',
  'very likely': '80–95 %',
  'almost certain': '95–99 %',
};

const CUES: ReadonlyArray<readonly [string, LikelihoodTerm]> = [
  ['almost certainly not', 'almost no chance'],
  ['no chance', 'almost no chance'],
  ['impossible', 'almost no chance'],
  ['ruled out', 'almost no chance'],
  ['rules out', 'almost no chance'],
  ['will never', 'almost no chance'],
  ['very unlikely', 'very unlikely'],
  ['highly unlikely', 'very unlikely'],
  ['extremely unlikely', 'very unlikely'],
  ['remote', 'very unlikely'],
  ['will not', 'very unlikely'],
  ["won't", 'very unlikely'],
  ['won’t', 'very unlikely'],
  ['is not expected to', 'very unlikely'],
  ['are not expected to', 'very unlikely'],
  ['unlikely', 'unlikely'],
  ['improbable', 'unlikely'],
  ['doubtful', 'unlikely'],
  ['would require', 'unlikely'],
  ['would need', 'unlikely'],
  ['would depend', 'unlikely'],
  ['only if', 'unlikely'],
  ['might', 'unlikely'],
  ['possibly', 'unlikely'],
  ['perhaps', 'unlikely'],
  ['potentially', 'unlikely'],
  ['roughly even chance', 'roughly even chance'],
  ['even chance', 'roughly even chance'],
  ['50-50', 'roughly even chance'],
  ['fifty-fifty', 'roughly even chance'],
  ['toss-up', 'roughly even chance'],
  ['will depend', 'roughly even chance'],
  ['may well', 'likely'],
  ['could well', 'likely'],
  ['may', 'roughly even chance'],
  ['could', 'roughly even chance'],
  ['risks(?=\\s+\\p{L}+ing\\b)', 'roughly even chance'],
  ['threatens to', 'roughly even chance'],
  ['threaten to', 'roughly even chance'],
  ['very likely', 'very likely'],
  ['highly likely', 'very likely'],
  ['increasingly likely', 'likely'],
  ['likely', 'likely'],
  ['probably', 'likely'],
  ['probable', 'likely'],
  ['expected to', 'likely'],
  ['would', 'likely'],
  ['almost certainly', 'almost certain'],
  ['all but certain', 'almost certain'],
  ['certainly', 'almost certain'],
  ['certain to', 'almost certain'],
  ['inevitable', 'almost certain'],
  ['inevitably', 'almost certain'],
  ['bound to', 'almost certain'],
  ['definitely', 'almost certain'],
  ['no doubt', 'almost certain'],
  ['is going to', 'very likely'],
  ['are going to', 'very likely'],
  ['is set to', 'very likely'],
  ['are set to', 'very likely'],
  ['poised to', 'very likely'],
  // "will" as a modal, not the noun ("political will").
  ['will(?! of\\b)(?=\\s+\\p{L})', 'very likely'],
];

// A cue may carry a lookaround after its words ("will(?! of)"); its key is the words alone.
const keyOf = (cue: string): string => cue.replace(/\(.*$/, '');
const TERM_OF = new Map(CUES.map(([cue, term]) => [keyOf(cue), term] as const));
const alternatives = [...CUES]
  .sort((a, b) => keyOf(b[0]).length - keyOf(a[0]).length)
  .map(([cue]) => cue.replace(/ /g, '\\s+'));
const CUE_PATTERN = new RegExp(`(?<![\\p{L}'’-])(?:${alternatives.join('|')})(?![\\p{L}'’-])`, 'giu');

export function likelihood(term: LikelihoodTerm, cue: string | null): Likelihood {
  return { term, band: BANDS[term], cue };
}

const BARE_MODALS = new Set(['will', 'would', 'could', 'may', 'might']);

/**
 * The likelihood a sentence's hedging expresses, or null when it has no hedging cue. A bare modal
 * followed at once by an adverb of likelihood takes the adverb's term ("will almost certainly").
 */
export function hedgedLikelihood(text: string): Likelihood | null {
  // "May" inside a sentence is the month, not the modal.
  const prepared = text.replace(/(?<=\S\s+)May\b/g, 'Month');
  const matches = [...prepared.matchAll(CUE_PATTERN)];
  const first = matches[0];
  if (!first) return null;
  const cue = first[0].toLowerCase().replace(/\s+/g, ' ');
  const next = matches[1];
  if (BARE_MODALS.has(cue) && next && /^\s+$/.test(prepared.slice(first.index + first[0].length, next.index))) {
    const adverb = next[0].toLowerCase().replace(/\s+/g, ' ');
    const term = TERM_OF.get(adverb);
    if (term) return likelihood(term, `${cue} ${adverb}`);
  }
  const term = TERM_OF.get(cue);
  return term ? likelihood(term, cue) : null;
}

/** A risk's likelihood: its hedge, or "likely" when the source asserts it without one. */
export function riskLikelihood(text: string): Likelihood {
  return hedgedLikelihood(text) ?? likelihood('likely', null);
}

/** 1 (almost no chance) … 7 (almost certain). */
export function likelihoodRank(term: LikelihoodTerm): number {
  return LIKELIHOOD_TERMS.indexOf(term) + 1;
}

const IMPACT_PATTERNS = {
  high: new RegExp(IMPACT_CUES.high.join('|'), 'i'),
  medium: new RegExp(IMPACT_CUES.medium.join('|'), 'i'),
};

/** What is at stake: high for war, casualties, collapse…; medium for costs, delays, resources…; else low. */
export function impactOf(text: string): Impact {
  if (IMPACT_PATTERNS.high.test(text)) return 'high';
  if (IMPACT_PATTERNS.medium.test(text)) return 'medium';
  return 'low';
}

export function impactRank(impact: Impact): number {
  return impact === 'high' ? 3 : impact === 'medium' ? 2 : 1;
}
