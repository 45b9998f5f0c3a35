// The enrich stage's first step: each source annotated once, into the layers that the grouping into
// stories and the analysers read, as a spaCy Doc holds the layers its components add: the outline
// of each source (its blocks in reading order), the actors and their mentions, the quotes with their
// speakers, and the vectors of all sentences in one model. Word-level features (terms, word counts,
// negation) are memoized per sentence in text.ts, so an analyser that asks again gets the first
// computation. Not yet everything reads from here: the grouping (stories/group.ts) and the copy
// finder still tokenize the articles their own way.
import type { Diagnostic, Quote, Source } from '../../model.js';
import { findActors, type ActorIndex } from './actors.js';
import { languageNotes } from './language.js';
import { outline, type Block } from './outline.js';
import { findQuotes } from './quotes.js';
import { sentenceCorpus, type SentenceCorpus } from './similarity.js';

export interface Annotations {
  /** Each source's blocks, by source id. */
  outlines: ReadonlyMap<string, Block[]>;
  actors: ActorIndex;
  quotes: Quote[];
  /** The sentences of all sources, headings left out, in one TF-IDF model. */
  corpus: SentenceCorpus;
  /** What annotating left out or doubts: text not in English, quotes without a speaker. */
  diagnostics: Diagnostic[];
}

/** The layers of a pack's sources (the originals: copies are set aside before). */
export function annotate(sources: readonly Source[]): Annotations {
  const actors = findActors(sources);
  const { quotes, diagnostics: quoteNotes } = findQuotes(sources, actors);
  return {
    outlines: new Map(sources.map((s) => [s.id, outline(s)])),
    actors,
    quotes,
    corpus: sentenceCorpus(sources),
    diagnostics: [...languageNotes(sources), ...quoteNotes],
  };
}
