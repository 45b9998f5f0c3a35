// Grouping a pack's articles into stories: articles that report the same event or ongoing story.
//
// Each article becomes two weighted term vectors over the pack's own vocabulary:
//   - words: content-word stems, the title and the lead counting more, since news writing puts the
//     story there;
//   - names and numbers: capitalised words inside a sentence (people, places, organisations) and
//     figures (a year, a magnitude, a sum, a toll). They tell two similar events apart far better
//     than the words that describe them: two jewel heists in one city, two hosts of one award.
// Weights are sublinear term frequency times smoothed IDF; an article pair's similarity is a fixed
// mix of the two cosines. Articles are joined by average-linkage agglomerative clustering, stopped
// at one similarity floor, with the nearest-neighbour chain: O(n²) in the number of articles, never
// in the number of sentences.
//
// Document frequency is counted twice: first over articles, then over the stories the first pass
// found. A story told by half the pack would otherwise lose its own words' weight (in a month of
// news, one story's name is in every second article), and fall apart into pieces.
//
// The settings were tuned on the tuning part of two public labelled sets (bench/stories.md) and hold
// for every pack: no knob per pack.
import { STOP_WORDS } from '../annotate/lexicon.js';
import { stem, words } from '../annotate/text.js';

export interface StoryArticle {
  id: string;
  title: string;
  /** The article's text; sentences end in sentence punctuation or a line break. */
  text: string;
}

export interface GroupingOptions {
  /** Mean similarity two groups need to be one story. */
  floor: number;
  /** Weight of a term in the title, relative to the body. */
  titleWeight: number;
  /** Weight of a term in the lead, relative to the body. */
  leadWeight: number;
  /** Sentences that make the lead. */
  leadSentences: number;
  /** Weight of a name, and of a number, relative to a word. */
  nameWeight: number;
  numberWeight: number;
  /** Share of the names-and-numbers cosine in a pair's similarity; the rest is the words' cosine. */
  nameShare: number;
  /** Clustering passes; each after the first counts document frequency over the last pass's stories. */
  passes: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = {
  floor: 0.17,
  titleWeight: 3,
  leadWeight: 2,
  leadSentences: 3,
  nameWeight: 2,
  numberWeight: 2,
  nameShare: 0.6,
  passes: 2,
};

/** Sparse vector: feature → weight. */
type Sparse = Map<string, number>;

const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])|\n+/u;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Names in one sentence: runs of capitalised words other than the sentence's first, lower-cased. */
export function namesIn(sentence: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) names.push(run.join(' ').toLowerCase());
    run = [];
  };
  let first = true;
  for (const token of sentence.match(TOKEN) ?? []) {
    const capital = /^\p{Lu}/u.test(token) && !STOP_WORDS.has(token.toLowerCase());
    if (capital && !first) run.push(token.replace(/['’]s$/u, '').replace(/\.$/, ''));
    else flush();
    first = false;
  }
  flush();
  return names;
}

function add(vector: Sparse, key: string, weight: number): void {
  vector.set(key, (vector.get(key) ?? 0) + weight);
}

/** Weighted counts of an article's features: `w:` word stems, `n:` names and `#` numbers. */
export function featuresOf(article: StoryArticle, options: GroupingOptions = DEFAULT_GROUPING): Sparse {
  const counts: Sparse = new Map();
  const addText = (text: string, weight: number) => {
    for (const w of words(text)) {
      if (w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w)) add(counts, `w:${stem(w)}`, weight);
    }
    for (const number of text.match(NUMBER) ?? []) add(counts, `n:#${number.replace(/,/g, '')}`, weight * options.numberWeight);
    for (const name of namesIn(text)) add(counts, `n:${name}`, weight * options.nameWeight);
  };
  for (const line of article.title.split(SENTENCE_END)) addText(line, options.titleWeight);
  article.text
    .split(SENTENCE_END)
    .filter((s) => s.trim() !== '')
    .forEach((sentence, i) => addText(sentence, i < options.leadSentences ? options.leadWeight : 1));
  return counts;
}

/**
 * Unit-length TF-IDF vectors of the features with a prefix. Document frequency is counted over
 * units: groups of articles (each article alone, or the stories of a previous pass).
 */
function vectors(raw: readonly Sparse[], units: readonly (readonly number[])[], prefix: string): Sparse[] {
  const df = new Map<string, number>();
  for (const unit of units) {
    const keys = new Set<string>();
    for (const i of unit) for (const key of (raw[i] as Sparse).keys()) if (key.startsWith(prefix)) keys.add(key);
    for (const key of keys) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const n = units.length;
  return raw.map((counts) => {
    const vector: Sparse = new Map();
    let norm = 0;
    for (const [key, count] of counts) {
      if (!key.startsWith(prefix)) continue;
      const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + (df.get(key) ?? 0))) + 1);
      vector.set(key, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [key, weight] of vector) vector.set(key, weight / norm);
    return vector;
  });
}

/**
 * Average-linkage agglomerative clustering by the nearest-neighbour chain: merges the two groups
 * with the highest mean pairwise similarity while that mean is at least `floor`, and returns the
 * groups as item numbers in ascending order, ordered by their first item. `similarity` is the n × n
 * symmetric matrix, row by row; it is overwritten.
 */
export function averageLinkage(similarity: Float64Array, n: number, floor: number): number[][] {
  const sim = similarity;
  const size = new Int32Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const active = new Uint8Array(n).fill(1);
  const final = new Uint8Array(n);
  const chain: number[] = [];
  let next = 0; // the first group that may still merge
  for (;;) {
    if (chain.length === 0) {
      while (next < n && (!active[next] || final[next])) next++;
      if (next >= n) break;
      chain.push(next);
    }
    const a = chain[chain.length - 1] as number;
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let j = 0; j < n; j++) {
      if (j === a || !active[j]) continue;
      const s = sim[a * n + j] as number;
      // A tie goes to the chain's previous group, so that the chain ends in a reciprocal pair.
      if (s > bestSim || (s === bestSim && j === previous)) {
        bestSim = s;
        best = j;
      }
    }
    if (best < 0 || bestSim < floor) {
      // Nothing close enough, and under average linkage nothing can come closer (a merged group's
      // similarity is a mean of its parts'): the group is final. Only a chain's first group gets
      // here, since every later one is at least as close to the group before it.
      final[a] = 1;
      chain.length = 0;
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    // a and previous are each other's nearest: merge them into a.
    chain.length -= 2;
    const b = previous;
    const sa = size[a] as number;
    const sb = size[b] as number;
    for (let j = 0; j < n; j++) {
      if (!active[j] || j === a || j === b) continue;
      const merged = ((sim[a * n + j] as number) * sa + (sim[b * n + j] as number) * sb) / (sa + sb);
      sim[a * n + j] = merged;
      sim[j * n + a] = merged;
    }
    size[a] = sa + sb;
    (members[a] as number[]).push(...(members[b] as number[]));
    members[b] = [];
    active[b] = 0;
  }
  return members
    .filter((m, i) => active[i] && m.length > 0)
    .map((m) => m.sort((x, y) => x - y))
    .sort((x, y) => (x[0] as number) - (y[0] as number));
}

/**
 * Pairwise similarity of the articles, the mix of the words' and the names' cosines, as an n × n
 * matrix. Accumulated through an inverted index (each feature's articles and weights), so the work
 * is the sum over features of the square of how many articles hold each, in typed arrays.
 */
function similarities(raw: readonly Sparse[], units: readonly (readonly number[])[], options: GroupingOptions): Float64Array {
  const n = raw.length;
  const cosines = (vectorsOf: readonly Sparse[]): Float64Array => {
    const sim = new Float64Array(n * n);
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    vectorsOf.forEach((vector, i) => {
      for (const [key, weight] of vector) {
        let list = postings.get(key);
        if (!list) postings.set(key, (list = { docs: [], weights: [] }));
        list.docs.push(i);
        list.weights.push(weight);
      }
    });
    for (const { docs, weights } of postings.values()) {
      for (let a = 0; a < docs.length; a++) {
        const i = docs[a] as number;
        const wi = weights[a] as number;
        const row = i * n;
        for (let b = a + 1; b < docs.length; b++) {
          const k = row + (docs[b] as number);
          sim[k] = (sim[k] as number) + wi * (weights[b] as number);
        }
      }
    }
    return sim;
  };
  const sim = cosines(vectors(raw, units, 'w:'));
  const nameVectors = vectors(raw, units, 'n:');
  const names = cosines(nameVectors);
  // Two articles that both name people, places or figures are compared on them too; where either
  // names none, there is nothing to compare, and the words alone decide.
  const share = options.nameShare;
  for (let i = 0; i < n; i++) {
    if ((nameVectors[i] as Sparse).size === 0) continue;
    for (let j = i + 1; j < n; j++) {
      if ((nameVectors[j] as Sparse).size === 0) continue;
      const k = i * n + j;
      sim[k] = (1 - share) * (sim[k] as number) + share * (names[k] as number);
    }
  }
  // Postings list articles in ascending order, so only i < j was filled: mirror it.
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sim[j * n + i] = sim[i * n + j] as number;
  return sim;
}

/**
 * The articles as stories: groups of article numbers, every article in exactly one, each group in
 * ascending order and the groups in the order of their first article.
 */
export function groupArticles(articles: readonly StoryArticle[], options: GroupingOptions = DEFAULT_GROUPING): number[][] {
  const raw = articles.map((a) => featuresOf(a, options));
  let groups: number[][] = articles.map((_, i) => [i]);
  for (let pass = 0; pass < Math.max(1, options.passes); pass++) {
    groups = averageLinkage(similarities(raw, groups, options), articles.length, options.floor);
  }
  return groups;
}

/** The grouping as bench/stories.ts takes it (`--grouping build/pipeline/enrich/stories/group.js#groupStories`). */
export function groupStories(articles: readonly StoryArticle[]): string[][] {
  return groupArticles(articles).map((group) => group.map((i) => (articles[i] as StoryArticle).id));
}
