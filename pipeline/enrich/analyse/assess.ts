// Weighs every analysed item on the sources behind it: corroboration, confidence and credibility
// (rules in corroboration.ts and credibility.ts). Runs after the overlay, so a merged scenario is
// weighed on all its sources, and the analyst's additions keep the confidence the analyst gave
// and are marked as resting on no source.
import type { Confidence, Credibility, Origin, Quote, Source } from '../../model.js';
import type { ActorIndex } from '../annotate/actors.js';
import { independence } from './corroboration.js';
import { contradictionsOf, weigh, type Grounds } from './credibility.js';
import { SPEECH_VERBS } from '../annotate/lexicon.js';
import type { SentenceCorpus } from '../annotate/similarity.js';
import { words } from '../annotate/text.js';

/**
 * Whether a sentence names who says what it says: the home of a quote whose speaker is a known
 * actor ("a senior diplomat" is not), or a sentence with a named person and a verb of saying.
 * Asked only of the few sentences behind single-source items, so worked out on demand.
 */
function attribution(textOf: (id: string) => string | undefined, actors: ActorIndex, quotes: readonly Quote[]): (sentenceId: string) => boolean {
  const quoted = new Set(quotes.filter((q) => q.speaker && /^\p{Lu}/u.test(q.speaker) && actors.resolve(q.speaker)).map((q) => q.evidence));
  return (id) => {
    if (quoted.has(id)) return true;
    const text = textOf(id) ?? '';
    return actors.personsIn(id).length > 0 && (/\baccording to\b/i.test(text) || words(text).some((w) => SPEECH_VERBS.has(w)));
  };
}

export function groundsOf(sources: readonly Source[], actors: ActorIndex, quotes: readonly Quote[], corpus?: SentenceCorpus): Grounds {
  const groups = independence(sources);
  const texts = new Map(sources.flatMap((s) => s.sentences.map((x) => [x.id, x.text] as const)));
  const textOf = (id: string): string | undefined => texts.get(id);
  return {
    independence: groups,
    textOf,
    contradictions: contradictionsOf(sources, groups, corpus),
    attributed: attribution(textOf, actors, quotes),
  };
}

interface Weighable {
  evidence: string[];
  confidence: Confidence;
  corroboration: number;
  credibility: Credibility;
  sources?: string[];
  origin?: Origin;
}

/** The item with its corroboration, confidence and credibility worked out from its sources. */
export function assessed<T extends Weighable>(item: T, grounds: Grounds): T {
  const weight = weigh(item.evidence, item.sources ?? [], grounds);
  // An analyst's addition rests on no source: its confidence is the analyst's own.
  return { ...item, ...weight, confidence: item.origin === 'analyst' ? item.confidence : weight.confidence };
}
