// Similarity of wording: TF-IDF cosine over stemmed content words, and set overlap for short titles.
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
}

/** An inverted index: for each term, the vectors holding it (ascending) and its weight in each. */
function postingsOf(vectors: readonly Vector[]): Postings[] {
  const postings: Postings[] = [];
  vectors.forEach((v, i) => {
    v.terms.forEach((t, k) => {
      const list = (postings[t] ??= { docs: [], weights: [] });
      list.docs.push(i);
      list.weights.push(v.weights[k] as number);
    });
  });
  return postings;
}

/** Dot products being accumulated, by indexed vector, and which of them are non-zero. */
interface Scratch {
  dot: Float64Array;
  touched: number[];
}

/**
 * Calls `onMatch(j, sim)` for every indexed vector j > `after` whose cosine with `v` reaches
 * `floor`: dot products are first estimated through the postings of the terms that are not
 * common, and only estimates near the floor are measured exactly.
 */
function matchesOf(v: Vector, indexed: readonly Vector[], postings: readonly Postings[], cap: number, after: number, floor: number, scratch: Scratch, onMatch: (j: number, sim: number) => void): void {
  const { dot, touched } = scratch;
  for (let m = 0; m < v.terms.length; m++) {
    const list = postings[v.terms[m] as number];
    if (!list || list.docs.length > cap) continue;
    const w = v.weights[m] as number;
    const { docs, weights } = list;
    for (let k = docs.length - 1; k >= 0; k--) {
      const j = docs[k] as number;
      if (j <= after) break;
      if (dot[j] === 0) touched.push(j);
      dot[j] = (dot[j] as number) + w * (weights[k] as number);
    }
  }
  touched.sort((a, b) => a - b);
  for (const j of touched) {
    const estimate = dot[j] as number;
    dot[j] = 0;
    const other = indexed[j];
    if (other && estimate >= floor * ESTIMATE_MARGIN) {
      const sim = cosine(v, other);
      if (sim >= floor) onMatch(j, sim);
    }
  }
  touched.length = 0;
}

/** How many texts a term may be in and still propose pairs: common terms have low IDF and little weight. */
function commonTermCap(size: number): number {
  return Math.max(MIN_POSTINGS_CAP, Math.ceil(size * COMMON_TERM_SHARE));
}

/**
 * Pairs of vectors whose cosine reaches `floor`, with their exact cosine; `onPair(i, j, sim)` is
 * called once per such pair, i < j. Dot products are accumulated through an inverted index instead
 * of comparing every pair, and common terms are left out of that first estimate, which keeps the
 * work near linear.
 */
export function similarPairs(vectors: readonly Vector[], floor: number, onPair: (i: number, j: number, sim: number) => void): void {
  const postings = postingsOf(vectors);
  const cap = commonTermCap(vectors.length);
  const scratch: Scratch = { dot: new Float64Array(vectors.length), touched: [] };
  vectors.forEach((v, i) => matchesOf(v, vectors, postings, cap, i, floor, scratch, (j, sim) => onPair(i, j, sim)));
}

/** Like similarPairs, but only pairs of a query and a target (vectors of one model): `onPair(q, t, sim)`. */
export function crossPairs(queries: readonly Vector[], targets: readonly Vector[], floor: number, onPair: (q: number, t: number, sim: number) => void): void {
  const postings = postingsOf(targets);
  const cap = commonTermCap(queries.length + targets.length);
  const scratch: Scratch = { dot: new Float64Array(targets.length), touched: [] };
  queries.forEach((v, q) => matchesOf(v, targets, postings, cap, -1, floor, scratch, (t, sim) => onPair(q, t, sim)));
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
