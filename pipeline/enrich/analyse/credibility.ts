// Credibility of what the sources say, on the Admiralty scale (NATO AJP-2.1, "information
// credibility"), judged from the sources themselves. The first rule that applies gives the rating:
//
//   6 cannot be judged  no sentence of any source behind it: the analyst's own addition.
//   5 improbable        contradicted: a near-identical sentence (TF-IDF cosine ≥ 0.6) in a source
//                       independent of the item's sources says the opposite — one of the two is
//                       negated ("will" / "will not", "denied") — and the contradicting independent
//                       sources are at least as many as those behind the item.
//   4 doubtful          contradicted by fewer independent sources than back it; or every sentence
//                       behind it carries its source's own doubt ("reportedly", "unconfirmed",
//                       "rumours", "speculation", "could not be verified").
//   1 confirmed         two or more independent sources (corroboration.ts says which are).
//   2 probably true     several sources that are not independent of each other; or one source that
//                       attributes it to a named speaker (a quote whose speaker is a known actor, or
//                       a named person with a verb of saying).
//   3 possibly true     one source, unattributed or attributed to someone unnamed.
//
// Contradictions are found once for the whole corpus through an inverted index (similarity.ts), so
// the cost stays near linear in the number of sentences.
import type { Confidence, Credibility, CredibilityRating, Source } from '../../model.js';
import { CREDIBILITY_LABELS } from '../../model.js';
import { confidenceOf, type Independence } from './corroboration.js';
import { DOUBT_CUES } from '../annotate/lexicon.js';
import { crossClassPairs, identicalClasses, sentenceCorpus, type SentenceCorpus, type Vector } from '../annotate/similarity.js';
import { negated } from '../annotate/text.js';
import { bodySentences } from '../annotate/sentences.js';

const CONTRADICTS = 0.6;
const DOUBT = new RegExp(DOUBT_CUES.join('|'), 'i');

export interface Grounds {
  independence: Independence;
  textOf(sentenceId: string): string | undefined;
  /** Independent source groups with a sentence that says the opposite, by sentence id. */
  contradictions: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether a sentence attributes what it says to a named speaker. */
  attributed(sentenceId: string): boolean;
}

export interface Weight {
  corroboration: number;
  confidence: Confidence;
  credibility: Credibility;
}

/** The source a sentence id belongs to: ids are `<sourceId>:s<N>`. */
function sourceOfSentence(id: string): string {
  return id.slice(0, id.lastIndexOf(':'));
}

/**
 * For each sentence, the independent groups whose near-identical sentence says the opposite. Only
 * a negated sentence can contradict an affirmative one, so only the (few) negated sentences are
 * looked up, in an index of the others. A sentence repeated word for word across sources is looked
 * up once: every copy of a denial contradicts every copy of the claim.
 */
export function contradictionsOf(sources: readonly Source[], independence: Independence, corpus?: SentenceCorpus): Map<string, Set<string>> {
  const sentences = sources.flatMap((s) => bodySentences(s).map((x) => ({ id: x.id, text: x.text, group: independence.groupOf(s.id) })));
  const found = new Map<string, Set<string>>();
  const isNegated = sentences.map((s) => negated(s.text));
  if (!isNegated.includes(true)) return found;
  const { vectors } = corpus ?? sentenceCorpus(sources);
  const side = (want: boolean) => {
    const members = sentences.flatMap((s, i) => (isNegated[i] === want ? [{ ...s, vector: vectors[i] as Vector }] : []));
    const classes = identicalClasses(members.map((m) => m.vector));
    const copies = classes.members.map((list) => list.flatMap((k) => members[k] ?? []));
    return { classes, copies, groups: copies.map((list) => new Set(list.map((m) => m.group))) };
  };
  const denials = side(true);
  const claims = side(false);
  // Each sentence of one class is contradicted by the groups of the other's, but never by its own group.
  const note = (targets: ReadonlyArray<{ id: string; group: string }>, groups: ReadonlySet<string>): void => {
    for (const { id, group } of targets) {
      for (const other of groups) {
        if (other === group) continue;
        const set = found.get(id) ?? new Set<string>();
        set.add(other);
        found.set(id, set);
      }
    }
  };
  crossClassPairs(denials.classes, claims.classes, CONTRADICTS, (d, c) => {
    note(denials.copies[d] ?? [], claims.groups[c] ?? new Set());
    note(claims.copies[c] ?? [], denials.groups[d] ?? new Set());
  });
  return found;
}

function credibility(rating: CredibilityRating, basis: string): Credibility {
  return { rating, label: CREDIBILITY_LABELS[rating], basis };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function rate(evidence: readonly string[], sourceIds: readonly string[], grounds: Grounds): Credibility {
  if (evidence.length === 0) return credibility(6, "no source sentence: the analyst's addition");
  const behind = new Set(sourceIds.map((id) => grounds.independence.groupOf(id)));
  const against = new Set(evidence.flatMap((id) => [...(grounds.contradictions.get(id) ?? [])]).filter((g) => !behind.has(g)));
  if (against.size > 0 && against.size >= behind.size) return credibility(5, `contradicted by ${plural(against.size, 'independent source')}`);
  if (against.size > 0) return credibility(4, `disputed: ${plural(against.size, 'independent source')} ${against.size === 1 ? 'says' : 'say'} the opposite`);
  const doubts = evidence.map((id) => DOUBT.exec(grounds.textOf(id) ?? '')?.[0]);
  if (doubts.every((d) => d !== undefined)) return credibility(4, `hedged by its source: "${doubts[0]?.toLowerCase()}"`);
  if (behind.size >= 2) return credibility(1, `${behind.size} independent sources`);
  if (sourceIds.length >= 2) return credibility(2, `${sourceIds.length} sources, not independent (a shared outlet or author)`);
  if (evidence.some((id) => grounds.attributed(id))) return credibility(2, 'one source, attributed to a named speaker');
  return credibility(3, 'one source');
}

/** Corroboration, confidence and credibility of an item from the sentences and sources behind it. */
export function weigh(evidence: readonly string[], sourceIds: readonly string[], grounds: Grounds): Weight {
  const sources = [...new Set([...sourceIds, ...evidence.map(sourceOfSentence)])];
  const corroboration = grounds.independence.count(sources);
  return { corroboration, confidence: confidenceOf(corroboration), credibility: rate(evidence, sources, grounds) };
}
