// Sections: the coarse level above the stories, as a news digest has it (Politics, Business, Sport …).
//
// A story is one event or storyline; a section is the desk that would run it. The two levels answer
// two questions a reader asks of a pack, and no single flat grouping answers both: two unrelated
// politics stories of one week are two stories but one section. So the stories are grouped first
// (group.ts, by what the articles share), and each story is then given its section by what its words
// say, with a multinomial naive Bayes model over content-word stems (`sections.json`, a data file:
// per section, the log-probability of its most telling words, and one for every other word).
//
// A story's whole text is classified at once, since a story of several articles says more than any
// one of them. A story with too few telling words, or whose best section wins by too little per
// word, gets no section: a story of a kind the model was never shown (an earthquake, a court case
// abroad) is better left unfiled than filed under the wrong desk.
//
// bench/sections.ts trains the model on the tuning part of a labelled public set and scores it on the
// part kept aside (bench/stories.md).
import { STOP_WORDS } from '../annotate/lexicon.js';
import { stem, words } from '../annotate/text.js';
import model from './sections.json' with { type: 'json' };

export interface SectionModel {
  /** Where the model comes from: the data set, its commit, the part it was trained on. */
  source: string;
  sections: Array<{
    id: string;
    /** The section's name as the pack prints it. */
    label: string;
    /** Log-probability of a word the section's list does not hold. */
    unseen: number;
    /** Log-probability of each telling word (a stem). */
    words: Record<string, number>;
  }>;
}

export interface SectionRule {
  /** Telling words (counted once each) a text needs before it is given a section. */
  minWords: number;
  /** The best section's lead over the second, in log-probability per telling word. */
  minMargin: number;
}

export const SECTION_RULE: Readonly<SectionRule> = { minWords: 8, minMargin: 0.02 };

export const SECTIONS = model as SectionModel;

/** Title counts twice: the headline says what the story is about. */
const TITLE_WEIGHT = 2;

/** The content-word stems of a text with their counts: the model's features. */
export function sectionFeatures(texts: ReadonlyArray<{ title: string; text: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of words(text)) {
      if (word.length < 3 || STOP_WORDS.has(word) || /\d/.test(word)) continue;
      const s = stem(word);
      counts.set(s, (counts.get(s) ?? 0) + weight);
    }
  };
  for (const { title, text } of texts) {
    add(title, TITLE_WEIGHT);
    add(text, 1);
  }
  return counts;
}

export interface SectionScore {
  /** The section's id, or null when the text does not settle it. */
  section: string | null;
  /** The best section, settled or not. */
  best: string;
  /** Telling words the text holds. */
  telling: number;
  /** The best section's lead over the second, per telling word. */
  margin: number;
}

/**
 * The section of a text: the one of highest log-likelihood over its telling words, each counted
 * sublinearly (1 + ln n), so that one word repeated does not decide a long story.
 */
export function sectionOf(
  texts: ReadonlyArray<{ title: string; text: string }>,
  sectionModel: SectionModel = SECTIONS,
  rule: SectionRule = SECTION_RULE,
): SectionScore {
  const features = sectionFeatures(texts);
  const telling = new Set<string>();
  for (const section of sectionModel.sections) for (const word of features.keys()) if (word in section.words) telling.add(word);
  const scores = sectionModel.sections.map((section) => {
    let score = 0;
    for (const word of telling) score += (1 + Math.log(features.get(word) as number)) * (section.words[word] ?? section.unseen);
    return { id: section.id, score };
  });
  scores.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const [first, second] = scores;
  if (first === undefined) return { section: null, best: '', telling: 0, margin: 0 };
  let weight = 0;
  for (const word of telling) weight += 1 + Math.log(features.get(word) as number);
  const margin = second === undefined ? Infinity : weight === 0 ? 0 : (first.score - second.score) / weight;
  const settled = telling.size >= rule.minWords && margin >= rule.minMargin;
  return { section: settled ? first.id : null, best: first.id, telling: telling.size, margin };
}

/** The printed name of a section id. */
export function sectionLabel(id: string, sectionModel: SectionModel = SECTIONS): string {
  return sectionModel.sections.find((s) => s.id === id)?.label ?? id;
}
