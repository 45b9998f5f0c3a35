// Similarity of wording: TF-IDF cosine over stemmed content words, and set overlap for short titles.
import type { Source } from '../../model.js';
import { terms } from './text.js';
import { bodySentences } from './sentences.js';

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
  const sentences = sources.flatMap((s) => bodySentences(s).map((x) => ({ id: x.id, text: x.text, sourceId: s.id })));
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

/** Slack for rounding: a bound, or a cosine summed in another order, is off by far less than this. */
const ROUNDING = 1e-9;

/**
 * An inverted index for finding every pair of vectors whose cosine reaches a floor, exactly: the
 * prefix filtering of all-pairs similarity search (Bayardo, Ma and Srikant, 2007) with the L2
 * bounds of L2AP (Anastasiu and Karypis, 2014). Terms are ranked from the most widespread to the
 * rarest. A vector's leading terms in that order, as many as keep their norm ‖v′‖ below
 * floor ÷ (the largest norm of a query), are its prefix and stay out of the postings: by
 * Cauchy–Schwarz its prefix alone cannot bring any query to the floor, so a vector that reaches it
 * with a query shares a term of its indexed rest with that query, and is found through the
 * postings. The terms left out are the widespread ones, whose postings would be the longest.
 * Nothing is estimated: a pair is passed over only when a bound proves it short of the floor.
 */
interface Index {
  /** The postings of term t: docs[head[t]] up to docs[head[t + 1]], ascending, with weights alongside. */
  head: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
  /** Each term's place in the order of prefixes, 0 for the most widespread; terms no indexed vector holds come last. */
  rank: Int32Array;
  /** Per indexed vector, the rank of its first indexed term: its prefix is its terms of lower rank. */
  boundary: Int32Array;
  /** Per indexed vector, the norm of its prefix. */
  prefixNorm: Float64Array;
  /** Whether any indexed vector has a prefix. */
  prefixed: boolean;
  /** The largest norm of an indexed vector (1, for unit vectors). */
  largest: number;
  /** The indexed vectors end to end (vector j at start[j] up to start[j + 1]): measured in turn, they are read in order. */
  start: Int32Array;
  terms: Int32Array;
  flat: Float64Array;
  /** Scratch for one query: partial dot products, and which vectors they are for (`seen` holds the query's stamp). */
  dot: Float64Array;
  seen: Int32Array;
  touched: Int32Array;
  stamp: number;
  /** The weights of the vector being looked up, by term. */
  query: Float64Array;
}

function norm(v: Vector): number {
  let sum = 0;
  for (const w of v.weights) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * Positions of a vector's terms, from its lowest rank to its highest. Sorted as numbers, rank ×
 * length + position (exact in a double), which is several times faster than with a comparator.
 */
function byRank(v: Vector, rank: Int32Array): Float64Array {
  const length = v.terms.length;
  const keys = Float64Array.from(v.terms, (t, k) => (rank[t] as number) * length + k).sort();
  for (let p = 0; p < length; p++) keys[p] = (keys[p] as number) % length;
  return keys;
}

/** The index of `vectors` for the lookups of `queries` (the prefixes depend on the largest query's norm). */
function indexOf(vectors: readonly Vector[], queries: readonly Vector[], floor: number): Index {
  // A floor of 0 or less would take in the pairs that share no term, which no index finds.
  if (!(floor > 0)) throw new RangeError(`a similarity floor must be positive, not ${floor}`);
  let termCount = 0;
  for (const list of [vectors, queries]) {
    for (const v of list) termCount = Math.max(termCount, (v.terms[v.terms.length - 1] ?? -1) + 1);
  }
  const df = new Int32Array(termCount);
  let most = 0;
  for (const v of vectors) for (const t of v.terms) most = Math.max(most, (df[t] = (df[t] as number) + 1));
  // The terms the indexed vectors hold, most widespread first, ties by term number so that the
  // index, and what it measures, depend on the vectors alone: sorted as numbers, as in byRank.
  const held: number[] = [];
  df.forEach((d, t) => {
    if (d > 0) held.push((most - d) * termCount + t);
  });
  const order = Float64Array.from(held).sort();
  // The others can add to no dot product, so they come after every boundary.
  const rank = new Int32Array(termCount).fill(order.length);
  order.forEach((key, r) => (rank[key % termCount] = r));
  const largestQuery = queries.reduce((most, q) => Math.max(most, norm(q)), 0);
  const largest = vectors.reduce((most, q) => Math.max(most, norm(q)), 0);
  // With the slack, a prefix stays short of the floor even after the rounding of its norm and of any cosine.
  const budget = largestQuery > 0 ? (floor - ROUNDING) / largestQuery : Infinity;

  const n = vectors.length;
  const boundary = new Int32Array(n);
  const prefixNorm = new Float64Array(n);
  const indexed: Uint8Array[] = [];
  const count = new Int32Array(termCount + 1);
  vectors.forEach((v, j) => {
    const keep = new Uint8Array(v.terms.length);
    let sum = 0;
    let edge = termCount;
    for (const k of byRank(v, rank)) {
      const w = v.weights[k] as number;
      const t = v.terms[k] as number;
      // The prefix ends at the first term that would take it to the budget, so that it is the
      // vector's terms ranked below `edge`, which the bound in matchesOf relies on.
      if (edge === termCount && Math.sqrt(sum + w * w) < budget) sum += w * w;
      else {
        if (edge === termCount) edge = rank[t] as number;
        keep[k] = 1;
        count[t + 1] = (count[t + 1] as number) + 1;
      }
    }
    boundary[j] = edge;
    prefixNorm[j] = Math.sqrt(sum);
    indexed.push(keep);
  });
  const head = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) head[t + 1] = (head[t] as number) + (count[t + 1] as number);
  const fill = head.slice(0, termCount);
  const docs = new Int32Array(head[termCount] as number);
  const weights = new Float64Array(docs.length);
  // Vectors in order, so that each term's postings are ascending.
  vectors.forEach((v, j) => {
    const keep = indexed[j] as Uint8Array;
    v.terms.forEach((t, k) => {
      if (keep[k] !== 1) return;
      const at = fill[t] as number;
      docs[at] = j;
      weights[at] = v.weights[k] as number;
      fill[t] = at + 1;
    });
  });
  const start = new Int32Array(n + 1);
  vectors.forEach((v, j) => (start[j + 1] = (start[j] as number) + v.terms.length));
  const terms = new Int32Array(start[n] as number);
  const flat = new Float64Array(terms.length);
  vectors.forEach((v, j) => {
    terms.set(v.terms, start[j]);
    flat.set(v.weights, start[j]);
  });
  return { head, docs, weights, rank, boundary, prefixNorm, prefixed: prefixNorm.some((x) => x > 0), largest, start, terms, flat, dot: new Float64Array(n), seen: new Int32Array(n), touched: new Int32Array(n), stamp: 0, query: new Float64Array(termCount) };
}

/**
 * The share of the vectors' term occurrences that the index for `floor` holds in its postings; the
 * others are in prefixes, left to the bound. Below 1, pairs are found through the bound as well as
 * the postings: what tests of exactness must exercise.
 */
export function indexedShare(vectors: readonly Vector[], floor: number): number {
  const total = vectors.reduce((sum, v) => sum + v.terms.length, 0);
  return total === 0 ? 1 : indexOf(vectors, vectors, floor).docs.length / total;
}

/**
 * Calls `onMatch(j, sim)` for every indexed vector j > `after`, ascending, whose cosine with `v`
 * reaches `floor`, none left out. The postings give each candidate's dot product with `v` over its
 * indexed terms; what its prefix can add is at most ‖v on the terms ranked below the prefix's
 * end‖ · ‖prefix‖ (Cauchy–Schwarz). Candidates whose bound reaches the floor are measured exactly,
 * unless `worth(j, upper)` turns the pair down first; `upper` is a bound its cosine cannot exceed.
 * Every step only drops vectors whose cosine is proved short of the floor, with room for rounding.
 */
function matchesOf(v: Vector, index: Index, after: number, floor: number, onMatch: (j: number, sim: number) => void, worth?: (j: number, upper: number) => boolean): void {
  const { head, docs, weights, rank, boundary, prefixNorm, prefixed, largest, dot, seen, touched, query, start, terms, flat } = index;
  const stamp = ++index.stamp;
  let count = 0;
  const scan = (t: number, w: number, admit: boolean): void => {
    for (let k = (head[t + 1] as number) - 1; k >= (head[t] as number); k--) {
      const j = docs[k] as number;
      if (j <= after) break;
      if (seen[j] !== stamp) {
        if (!admit) continue;
        seen[j] = stamp;
        dot[j] = 0;
        touched[count++] = j;
      }
      dot[j] = (dot[j] as number) + w * (weights[k] as number);
    }
  };
  for (let m = 0; m < v.terms.length; m++) query[v.terms[m] as number] = v.weights[m] as number;
  // v's terms by rank, and below[p]: v's norm over the first p of them. Without prefixes (a low
  // floor, short vectors) no bound needs them: every term is read in its order.
  const positions = prefixed ? byRank(v, rank) : new Float64Array(0);
  const ranks = Int32Array.from(positions, (k) => rank[v.terms[k] as number] as number);
  const below = new Float64Array(positions.length + 1);
  let sum = 0;
  positions.forEach((k, p) => (below[p + 1] = Math.sqrt((sum += (v.weights[k] as number) ** 2))));
  if (!prefixed) for (let m = 0; m < v.terms.length; m++) scan(v.terms[m] as number, v.weights[m] as number, true);
  // The rarest terms first. A vector first met through v's term of rank r shares no term of higher
  // rank with v (its prefix ranks below r), so its cosine is at most below[p + 1] · its norm: once
  // that falls short of the floor, the postings only add to the vectors already met (AllPairs).
  for (let p = positions.length - 1; p >= 0; p--) {
    const admit = (below[p + 1] as number) * largest + ROUNDING >= floor;
    if (!admit && count === 0) break;
    scan(v.terms[positions[p] as number] as number, v.weights[positions[p] as number] as number, admit);
  }
  // v's norm over its terms ranked below r, the most they share with a prefix ending at r.
  const normBelow = (r: number): number => {
    let lo = 0;
    let hi = ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ranks[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return below[lo] as number;
  };
  const found = touched.subarray(0, count).sort();
  for (const j of found) {
    const prefix = prefixNorm[j] as number;
    const upper = (dot[j] as number) + (prefix > 0 ? normBelow(boundary[j] as number) * prefix : 0) + ROUNDING;
    if (upper < floor || (worth && !worth(j, upper))) continue;
    // cosine(v, vector j), through the query's weights spread out by term: the same products,
    // summed in the same order, with zeros for the terms v lacks.
    let sim = 0;
    for (let k = start[j] as number; k < (start[j + 1] as number); k++) sim += (query[terms[k] as number] as number) * (flat[k] as number);
    if (sim >= floor) onMatch(j, sim);
  }
  for (const t of v.terms) query[t] = 0;
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

/**
 * Pairs of classes whose vectors' cosine reaches `floor` (> 0), with that cosine: `onPair(a, b,
 * sim)` once per pair, a ≤ b, and a = b for a class of two or more (its members are alike). The
 * members of a and b are the pairs of vectors `similarPairs` would find. Every pair that reaches
 * the floor is found, as an exhaustive comparison would, but through an inverted index with
 * prefix filtering (see `Index`) instead of comparing every pair. A caller that keeps only the
 * strongest pairs can turn a pair down unmeasured: `worth(a, b, upper)` is given a bound its
 * cosine cannot exceed.
 */
export function similarClassPairs(classes: Classes, floor: number, onPair: (a: number, b: number, sim: number) => void, worth?: (a: number, b: number, upper: number) => boolean): void {
  const { reps, members } = classes;
  const index = indexOf(reps, reps, floor);
  reps.forEach((v, a) => {
    const after = (members[a]?.length ?? 1) > 1 ? a - 1 : a;
    const bounded = worth && ((b: number, upper: number) => worth(a, b, upper));
    matchesOf(v, index, after, floor, (b, sim) => onPair(a, b, sim), bounded);
  });
}

/** Pairs of vectors whose cosine reaches `floor` (> 0), with their exact cosine; `onPair(i, j, sim)` once per pair, i < j. */
export function similarPairs(vectors: readonly Vector[], floor: number, onPair: (i: number, j: number, sim: number) => void): void {
  similarClassPairs(singletons(vectors), floor, onPair);
}

/** Like similarClassPairs, but only pairs of a query class and a target class: `onPair(q, t, sim)`. */
export function crossClassPairs(queries: Classes, targets: Classes, floor: number, onPair: (q: number, t: number, sim: number) => void): void {
  const index = indexOf(targets.reps, queries.reps, floor);
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
