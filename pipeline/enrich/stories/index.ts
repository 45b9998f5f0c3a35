// The pack as stories: copies set aside, the originals grouped into stories, and each story given
// a title, a summary across its articles, its dates, sources and main actors. The extractors then
// read only the originals, and every item they find is placed in the story of its evidence.
import type { Actor, Diagnostic, Source, Statement, Story } from '../../model.js';
import { independence } from '../analyse/corroboration.js';
import { contentId } from '../annotate/ids.js';
import { bodySentences } from '../annotate/sentences.js';
import { cosine, type SentenceCorpus, type Vector } from '../annotate/similarity.js';
import { pointsBack, terms, wordCount } from '../annotate/text.js';
import { findCopies } from './copies.js';
import { groupArticles } from './group.js';
import { sectionLabel, sectionOf } from './sections.js';

/** The text the grouping and the copy finder compare: the sentences, headings left out. */
function articleOf(source: Source) {
  return {
    id: source.id,
    title: source.title,
    text: bodySentences(source).map((s) => s.text).join('\n'),
    date: source.published,
  };
}

export interface Copies {
  /** Every source, each copy with `duplicateOf` naming its original. */
  sources: Source[];
  /** The sources that are not copies, in pack order: what the analysis reads. */
  originals: Source[];
  diagnostics: Diagnostic[];
}

/** Marks the copies among the sources. */
export function markCopies(sources: readonly Source[]): Copies {
  const { of, copies } = findCopies(sources.map(articleOf));
  const marked = sources.map((source, i) => {
    const original = of[i];
    return { ...source, duplicateOf: original === null || original === undefined ? null : (sources[original] as Source).id };
  });
  const diagnostics = copies.map((c): Diagnostic => {
    const copy = sources[c.copy] as Source;
    const original = sources[c.original] as Source;
    const how = c.share === 1 ? 'repeats' : `repeats ${Math.round(c.share * 100)} % of`;
    return {
      file: copy.path,
      line: 0,
      column: 0,
      severity: 'info',
      ruleId: 'enrich/copy',
      message: `${how} ${original.path}: listed as another edition of it, not analysed or counted as a source of its own`,
    };
  });
  return { sources: marked, originals: marked.filter((s) => s.duplicateOf === null), diagnostics };
}

/** Sentences a summary may take: long enough to say something, short enough to read at a glance. */
const SUMMARY_WORDS = { min: 6, max: 60 } as const;
/** Lead sentences of an article count this much more: news writing puts the story first. */
const LEAD_BONUS = 0.25;
const LEAD_SENTENCES = 2;
/** Maximal marginal relevance: the weight of centrality against novelty. */
const MMR_LAMBDA = 0.7;
/** A sentence this close to one already chosen says the same thing. */
const REDUNDANT = 0.5;
/** The main actors a story lists; the JSON's actor list keeps them all. */
const STORY_ACTORS = 6;

function summaryLength(articles: number): number {
  return articles === 1 ? 2 : articles < 4 ? 3 : 4;
}

/** Dot product of a unit vector with a dense-by-map centroid. */
function dotCentroid(v: Vector, centroid: ReadonlyMap<number, number>): number {
  let dot = 0;
  for (let k = 0; k < v.terms.length; k++) dot += (v.weights[k] as number) * (centroid.get(v.terms[k] as number) ?? 0);
  return dot;
}

/**
 * Two to four sentences across the story's articles: central to the story (close to the centroid of
 * its sentences, lead sentences weighted up) and each saying something the others do not (MMR).
 * Centroid, not pairwise, scores: the work grows with the story's sentences, not their square.
 * `members` come earliest first.
 */
function summarizeStory(members: readonly Source[], corpus: SentenceCorpus): { summary: Statement[]; central: Statement | null } {
  const candidates = members.flatMap((source) =>
    bodySentences(source)
      .map((s, i) => ({ sentence: s, lead: i < LEAD_SENTENCES, at: corpus.index.get(s.id) }))
      .filter((c) => c.at !== undefined && wordCount(c.sentence.text) >= SUMMARY_WORDS.min && wordCount(c.sentence.text) <= SUMMARY_WORDS.max),
  );
  // Sentences that need the one before them ("He said…") go only where nothing else can.
  const standing = candidates.filter((c) => !pointsBack(c.sentence.text));
  if (standing.length > 0) candidates.splice(0, candidates.length, ...standing);
  if (candidates.length === 0) return { summary: [], central: null };
  const vectorOf = (c: (typeof candidates)[number]) => corpus.vectors[c.at as number] as Vector;
  const centroid = new Map<number, number>();
  for (const c of candidates) {
    const v = vectorOf(c);
    for (let k = 0; k < v.terms.length; k++) centroid.set(v.terms[k] as number, (centroid.get(v.terms[k] as number) ?? 0) + (v.weights[k] as number));
  }
  const norm = Math.sqrt([...centroid.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
  const score = candidates.map((c) => (dotCentroid(vectorOf(c), centroid) / norm) * (c.lead ? 1 + LEAD_BONUS : 1));
  const chosen: number[] = [];
  const want = summaryLength(members.length);
  while (chosen.length < want) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach((c, i) => {
      if (chosen.includes(i)) return;
      const closest = Math.max(0, ...chosen.map((j) => cosine(vectorOf(c), vectorOf(candidates[j] as (typeof candidates)[number]))));
      if (closest >= REDUNDANT) return;
      const value = MMR_LAMBDA * (score[i] as number) - (1 - MMR_LAMBDA) * closest;
      // Ties by place: the earlier article, the earlier sentence.
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    chosen.push(best);
  }
  const statement = (i: number): Statement => {
    const { sentence } = candidates[i] as (typeof candidates)[number];
    return { text: sentence.text, evidence: [sentence.id] };
  };
  // In reading order: the earliest article first, each article's sentences in turn. The first
  // chosen, the most central, is the story's line in the bottom line.
  return { summary: [...chosen].sort((a, b) => a - b).map(statement), central: chosen.length > 0 ? statement(chosen[0] as number) : null };
}

/**
 * The most representative headline: the one whose words the story's other articles use most,
 * in their titles and leads. Titles are already free of kickers and site names (read stage).
 */
function storyTitle(members: readonly Source[]): string {
  const vocabularies = members.map((s) => new Set([...terms(s.title), ...s.sentences.slice(0, 3).flatMap((x) => terms(x.text))]));
  let best = '';
  let bestScore = -Infinity;
  members.forEach((source, i) => {
    const own = [...new Set(terms(source.title))];
    if (own.length === 0) return;
    const shared = own.reduce((sum, t) => sum + vocabularies.filter((v, j) => j !== i && v.has(t)).length, 0);
    const score = shared / Math.sqrt(own.length);
    if (score > bestScore) {
      bestScore = score;
      best = source.title.trim();
    }
  });
  return best || (members[0]?.title.trim() ?? '') || (members[0]?.id ?? 'Story');
}

function storyActors(members: readonly Source[], actors: readonly Actor[]): string[] {
  const ids = new Set(members.map((s) => s.id));
  return actors
    .map((actor, rank) => ({ actor, rank, present: actor.sources.filter((id) => ids.has(id)).length }))
    .filter((a) => a.present > 0)
    .sort((a, b) => b.present - a.present || a.rank - b.rank)
    .slice(0, STORY_ACTORS)
    .map((a) => a.actor.name);
}

/** The story's section, by the model of English news words: none for a story not in English. */
function storySection(members: readonly Source[]): string | null {
  if (!members.every((s) => /^en\b/i.test(s.lang))) return null;
  const { section } = sectionOf(members.map(articleOf));
  return section === null ? null : sectionLabel(section);
}

export interface Stories {
  /** Heaviest first: independent sources, then articles, then place in the pack. */
  stories: Story[];
  /** Each story's most central summary sentence, by story id: its line in the bottom line. */
  central: Map<string, Statement>;
}

/** The originals as stories. */
export function findStories(originals: readonly Source[], actors: readonly Actor[], corpus: SentenceCorpus): Stories {
  const groups = groupArticles(originals.map(articleOf));
  const { count } = independence(originals);
  const stories = groups.map((group) => {
    const members = group
      .map((i) => originals[i] as Source)
      .sort((a, b) => (a.published && b.published ? a.published.localeCompare(b.published) : a.published ? -1 : b.published ? 1 : 0));
    const dates = members.flatMap((s) => (s.published ? [s.published] : [])).sort();
    const { summary, central } = summarizeStory(members, corpus);
    return {
      first: group[0] as number,
      central,
      story: {
        id: contentId('st', (originals[group[0] as number] as Source).id),
        title: storyTitle(members),
        summary,
        sources: members.map((s) => s.id),
        independentSources: count(members.map((s) => s.id)),
        dates: { first: dates[0] ?? null, last: dates.at(-1) ?? null },
        actors: storyActors(members, actors),
        section: storySection(members),
      } satisfies Story,
    };
  });
  stories.sort((a, b) => b.story.independentSources - a.story.independentSources || b.story.sources.length - a.story.sources.length || a.first - b.first);
  return {
    stories: stories.map((s) => s.story),
    central: new Map(stories.flatMap((s) => (s.central ? [[s.story.id, s.central] as const] : []))),
  };
}

/** Places items in stories: the story most of an item's evidence comes from (the first such story on a tie). */
export function storyPlacer(stories: readonly Story[]) {
  const storyOfSource = new Map<string, number>();
  stories.forEach((story, k) => story.sources.forEach((id) => storyOfSource.set(id, k)));
  return (evidence: readonly string[]): string | null => {
    const votes = new Map<number, number>();
    for (const id of evidence) {
      const k = storyOfSource.get(id.slice(0, id.lastIndexOf(':')));
      if (k !== undefined) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [k, n] of votes) if (best === null || n > (votes.get(best) ?? 0) || (n === votes.get(best) && k < best)) best = k;
    return best === null ? null : (stories[best] as Story).id;
  };
}
