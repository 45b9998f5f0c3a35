// Similarity of wording: TF-IDF cosine over stemmed content words, and set overlap for short titles.
import type { Source } from '../model.js';
import { terms } from './text.js';

/**
 * A unit-length sparse TF-IDF vector: term numbers in ascending order and their weights. Term
 * numbers belong to the model that made the vector; compare only vectors of one model.
 */
export interface Vector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

export interface TfIdf {
  vectors: Vector[];
}

/** TF-IDF vectors of texts, with smoothed IDF so that a term in every document still counts a little. */
export function tfidf(texts: readonly string[]): TfIdf {
  const numbers = new Map<string, number>();
  const termLists = texts.map((text) =>
    terms(text).map((t) => {
      let n = numbers.get(t);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(t, n);
      }
      return n;
    }),
  );
  const df = new Int32Array(numbers.size);
  for (const list of termLists) for (const t of new Set(list)) df[t] = (df[t] ?? 0) + 1;
  const n = texts.length;
  const vectors = termLists.map((list): Vector => {
    const tf = new Map<number, number>();
    for (const t of list) tf.set(t, (tf.get(t) ?? 0) + 1);
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(ids, (t) => (1 + Math.log(tf.get(t) ?? 1)) * (Math.log((1 + n) / (1 + (df[t] ?? 0))) + 1));
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0));
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm;
    return { terms: ids, weights };
  });
  return { vectors };
}

/** The sentences of all sources, headings left out, with their TF-IDF vectors in one model. */
export interface SentenceCorpus {
  sentences: Array<{ id: string; text: string; sourceId: string }>;
  vectors: Vector[];
  /** Position of each sentence id in `sentences`. */
  index: Map<string, number>;
}

export function sentenceCorpus(sources: readonly Source[]): SentenceCorpus {
  const sentences = sources.flatMap((s) => s.sentences.filter((x) => x.kind !== 'heading').map((x) => ({ id: x.id, text: x.text, sourceId: s.id })));
  return { sentences, vectors: tfidf(sentences.map((s) => s.text)).vectors, index: new Map(sentences.map((s, i) => [s.id, i])) };
}

/** Cosine of two unit vectors of one model: a merge of their sorted term lists. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) {
      dot += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Terms in more than this share of a large corpus find no candidate pairs on their own. */
const COMMON_TERM_SHARE = 0.05;
const MIN_POSTINGS_CAP = 64;
/** Common terms add little to a cosine: an estimate this close to the floor is worth measuring. */
const ESTIMATE_MARGIN = 0.75;

interface Postings {
  docs: number[];
  weights: number[];
  /** How many vectors hold the term, counting each member of a class of identical vectors. */
  count: number;
}

/**
 * An inverted index of vectors: for each term, the vectors holding it (ascending) and its weight
 * in each; terms in more than `cap` vectors are common and propose no pairs. With scratch space
 * for accumulating dot products.
 */
interface Index {
  postings: Postings[];
  cap: number;
  dot: Float64Array;
  touched: Int32Array;
  /** The weights of the vector being looked up, by term. */
  query: Float64Array;
  /** The indexed vectors end to end (vector j at start[j] up to start[j + 1]): measured in turn, they are read in order. */
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
}

function indexOf(vectors: readonly Vector[], sizes: readonly number[], cap: number): Index {
  const postings: Postings[] = [];
  vectors.forEach((v, i) => {
    v.terms.forEach((t, k) => {
      const list = (postings[t] ??= { docs: [], weights: [], count: 0 });
      list.docs.push(i);
      list.weights.push(v.weights[k] as number);
      list.count += sizes[i] ?? 1;
    });
  });
  const start = new Int32Array(vectors.length + 1);
  vectors.forEach((v, i) => (start[i + 1] = (start[i] as number) + v.terms.length));
  const terms = new Int32Array(start[vectors.length] as number);
  const weights = new Float64Array(terms.length);
  vectors.forEach((v, i) => {
    terms.set(v.terms, start[i]);
    weights.set(v.weights, start[i]);
  });
  const n = vectors.length;
  return { postings, cap, dot: new Float64Array(n), touched: new Int32Array(n), query: new Float64Array(postings.length), start, terms, weights };
}

const isCommon = (index: Index, term: number): boolean => (index.postings[term]?.count ?? 0) > index.cap;

/** The norm of a vector's weights on common terms: by Cauchy–Schwarz, the most they add to a cosine with a unit vector. */
function commonNorm(v: Vector, index: Index): number {
  let sum = 0;
  v.terms.forEach((t, k) => {
    if (isCommon(index, t)) sum += (v.weights[k] as number) ** 2;
  });
  return Math.sqrt(sum);
}

/**
 * Calls `onMatch(j, sim)` for every indexed vector j > `after`, ascending, whose cosine with `v`
 * reaches `floor`: dot products are first estimated through the postings of the terms that are
 * not common, and only estimates near the floor are measured exactly, unless `worth(j, estimate)`
 * turns the pair down first.
 */
function matchesOf(v: Vector, index: Index, after: number, floor: number, onMatch: (j: number, sim: number) => void, worth?: (j: number, estimate: number) => boolean): void {
  const { dot, touched, postings, cap, query, start, terms, weights: flat } = index;
  let count = 0;
  for (let m = 0; m < v.terms.length; m++) {
    const t = v.terms[m] as number;
    const w = v.weights[m] as number;
    if (t < query.length) query[t] = w;
    const list = postings[t];
    if (!list || list.count > cap) continue;
    const { docs, weights } = list;
    for (let k = docs.length - 1; k >= 0; k--) {
      const j = docs[k] as number;
      if (j <= after) break;
      if (dot[j] === 0) touched[count++] = j;
      dot[j] = (dot[j] as number) + w * (weights[k] as number);
    }
  }
  const found = touched.subarray(0, count).sort();
  for (const j of found) {
    const estimate = dot[j] as number;
    dot[j] = 0;
    if (estimate < floor * ESTIMATE_MARGIN || (worth && !worth(j, estimate))) continue;
    // cosine(v, vector j), through the query's weights spread out by term: the same products,
    // summed in the same order, with zeros for the terms v lacks.
    let sim = 0;
    for (let k = start[j] as number; k < (start[j + 1] as number); k++) sim += (query[terms[k] as number] as number) * (flat[k] as number);
    if (sim >= floor) onMatch(j, sim);
  }
  for (const t of v.terms) if (t < query.length) query[t] = 0;
}

/** How many texts a term may be in and still propose pairs: common terms have low IDF and little weight. */
function commonTermCap(size: number): number {
  return Math.max(MIN_POSTINGS_CAP, Math.ceil(size * COMMON_TERM_SHARE));
}

/**
 * Vectors equal term for term and weight for weight: the same sentence repeated (syndicated copy,
 * a story quoted again). Their cosine with any vector is the same, so pairs are found once per class.
 */
export interface Classes {
  /** One vector per class, in order of first occurrence. */
  reps: Vector[];
  /** The input indices in each class, ascending. */
  members: number[][];
}

/** Groups vectors into classes of identical ones, classes and members in input order. */
export function identicalClasses(vectors: readonly Vector[]): Classes {
  const classOf = new Map<string, number>();
  const reps: Vector[] = [];
  const members: number[][] = [];
  vectors.forEach((v, i) => {
    const key = `${v.terms.join(',')}|${v.weights.join(',')}`;
    const c = classOf.get(key);
    if (c !== undefined) {
      members[c]?.push(i);
      return;
    }
    classOf.set(key, reps.length);
    reps.push(v);
    members.push([i]);
  });
  return { reps, members };
}

const singletons = (vectors: readonly Vector[]): Classes => ({ reps: [...vectors], members: vectors.map((_, i) => [i]) });

/** Slack for rounding when a bound is compared with a cosine summed in another order. */
const ROUNDING = 1e-9;

/**
 * Pairs of classes whose vectors' cosine reaches `floor`, with that cosine: `onPair(a, b, sim)`
 * once per pair, a ≤ b, and a = b for a class of two or more (its members are alike). The
 * members of a and b are the pairs of vectors `similarPairs` would find. Dot products are
 * accumulated through an inverted index instead of comparing every pair, and common terms are
 * left out of that first estimate, which keeps the work near linear. A caller that keeps only
 * the strongest pairs can turn a pair down unmeasured: `worth(a, b, upper)` is given a bound
 * its cosine cannot exceed, the estimate plus the most its common terms can add.
 */
export function similarClassPairs(classes: Classes, floor: number, onPair: (a: number, b: number, sim: number) => void, worth?: (a: number, b: number, upper: number) => boolean): void {
  const { reps, members } = classes;
  const sizes = members.map((m) => m.length);
  const index = indexOf(reps, sizes, commonTermCap(sizes.reduce((a, b) => a + b, 0)));
  const norms = worth ? Float64Array.from(reps, (v) => commonNorm(v, index)) : new Float64Array(0);
  reps.forEach((v, a) => {
    const after = (sizes[a] ?? 1) > 1 ? a - 1 : a;
    const bounded = worth && ((b: number, estimate: number) => worth(a, b, estimate + (norms[a] as number) * (norms[b] as number) + ROUNDING));
    matchesOf(v, index, after, floor, (b, sim) => onPair(a, b, sim), bounded);
  });
}

/** Pairs of vectors whose cosine reaches `floor`, with their exact cosine; `onPair(i, j, sim)` once per pair, i < j. */
export function similarPairs(vectors: readonly Vector[], floor: number, onPair: (i: number, j: number, sim: number) => void): void {
  similarClassPairs(singletons(vectors), floor, onPair);
}

/** Like similarClassPairs, but only pairs of a query class and a target class: `onPair(q, t, sim)`. */
export function crossClassPairs(queries: Classes, targets: Classes, floor: number, onPair: (q: number, t: number, sim: number) => void): void {
  const total = (c: Classes): number => c.members.reduce((sum, m) => sum + m.length, 0);
  const index = indexOf(targets.reps, targets.members.map((m) => m.length), commonTermCap(total(queries) + total(targets)));
  queries.reps.forEach((v, q) => matchesOf(v, index, -1, floor, (t, sim) => onPair(q, t, sim)));
}

/** Shared terms over the smaller set: 1 when one wording contains the other ("buffer zone" in "a buffer zone under UN control"). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; coefficient: number } {
  if (a.size === 0 || b.size === 0) return { shared: 0, coefficient: 0 };
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return { shared, coefficient: shared / Math.min(a.size, b.size) };
}

/** The set of stemmed content terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(terms(text));
}

/**
 * Groups texts that say the same thing (cosine ≥ threshold, or identical once normalized), each
 * group listed by its members' indices in order, groups in order of their first member.
 */
export function nearDuplicateGroups(texts: readonly string[], threshold: number): number[][] {
  const key = (t: string): string => terms(t).join(' ');
  const firstOf = new Map<string, number>();
  const parent = texts.map((t, i) => {
    const k = key(t);
    const first = firstOf.get(k);
    if (first !== undefined) return first;
    firstOf.set(k, i);
    return i;
  });
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const unique = [...firstOf.values()];
  const { vectors } = tfidf(unique.map((i) => texts[i] ?? ''));
  similarPairs(vectors, threshold, (a, b) => {
    const ra = find(unique[a] ?? a);
    const rb = find(unique[b] ?? b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  const groups = new Map<number, number[]>();
  texts.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}
