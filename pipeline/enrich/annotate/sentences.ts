// Which of a source's sentences carry its text. Headings name sections; they are read for structure
// (annotate/outline.ts) and never as statements, and this is the one place that says so for every step.
import type { Sentence, Source } from '../../model.js';

/** A source's sentences without its headings, in reading order. */
export function bodySentences(source: Source): Sentence[] {
  return source.sentences.filter((s) => s.kind !== 'heading');
}
