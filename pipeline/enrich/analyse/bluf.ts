// Bottom line up front and key judgments: the most central sentences of all sources (LexRank:
// PageRank over TF-IDF cosine similarity, with a light lead bias as news puts the point first),
// chosen for diversity: no near-duplicates, spread across sources.
import { NOT_ASSESSED, type KeyJudgment, type Scenario, type Source, type Statement } from '../../model.js';
import { isTitleCaseLine } from '../annotate/actors.js';
import { confidenceOf } from './corroboration.js';
import { hedgedLikelihood } from './likelihood.js';
import { endsWithColon } from '../annotate/outline.js';
import { quotedShare } from '../annotate/quotes.js';
import { speaksOfRisk } from './risk-language.js';
import { namesCondition } from './signposts.js';
import { cosine, identicalClasses, sentenceCorpus, similarClassPairs, type Classes, type SentenceCorpus, type Vector } from '../annotate/similarity.js';
import { pointsBack, wordCount } from '../annotate/text.js';
import { bodySentences } from '../annotate/sentences.js';

interface Candidate {
  id: string;
  text: string;
  sourceId: string;
  /** Position among its source's candidates, from 0. */
  position: number;
}

const MIN_WORDS = 8;
const EDGE = 0.1;
const DAMPING = 0.85;
const ITERATIONS = 50;
const CONVERGED = 1e-6;
const NEIGHBOURS = 20;
/** A class's links are trimmed to the strongest when they reach this many times what its rows keep. */
const TRIM_AT = 2;
const EMPTY: Vector = { terms: new Int32Array(0), weights: new Float64Array(0) };
const NEAR_DUPLICATE = 0.5;
/** A sentence mostly in quotation marks is a quote with its attribution: the speaker's words, not the story's. */
const MAX_QUOTED = 0.3;
/** "Hold until November: if wage growth …" — a labelled fragment of a list, not a statement. */
const LABELLED = /^[^:.!?]{1,40}:\s/u;
const CORROBORATES = 0.25;
/** Key judgments are estimates: sentences that hedge, weigh a risk or name a condition weigh more. */
const ANALYTIC_BONUS = 1.25;

function candidatesOf(sources: readonly Source[]): Candidate[] {
  const out: Candidate[] = [];
  for (const source of sources) {
    let position = 0;
    for (const s of bodySentences(source)) {
      if (endsWithColon(s.text) || wordCount(s.text) < MIN_WORDS) continue;
      if (isTitleCaseLine(s.text) || quotedShare(s.text) >= MAX_QUOTED || LABELLED.test(s.text) || pointsBack(s.text)) continue;
      out.push({ id: s.id, text: s.text.trim(), sourceId: source.id, position: position++ });
    }
  }
  return out;
}

/** An edge of the similarity graph: the sentence it leads to and its cosine. */
type Edge = readonly [number, number];
const strongestFirst = (a: Edge, b: Edge): number => b[1] - a[1] || a[0] - b[0];

/**
 * The classes a class links to, as many as its rows can use: a link weaker than others that
 * already hold `limit` sentences is never kept, so links are trimmed to those now and then, and
 * weaker ones are dropped as they come. Links of equal strength stay together, as their members
 * interleave.
 */
class StrongestLinks {
  private links: Edge[] = [];
  /** Links weaker than this are not kept. */
  floor = -Infinity;

  constructor(
    private readonly sizeOf: (c: number) => number,
    private readonly limit: number,
  ) {}

  add(c: number, sim: number): void {
    if (sim < this.floor) return;
    this.links.push([c, sim]);
    if (this.links.length >= TRIM_AT * this.limit) this.trim();
  }

  /** The links kept, strongest first, then by class. */
  strongest(): Edge[] {
    this.trim();
    return this.links;
  }

  private trim(): void {
    const { links } = this;
    links.sort(strongestFirst);
    let held = 0;
    for (let k = 0; k < links.length; k++) {
      const link = links[k] as Edge;
      const previous = links[k - 1];
      if (held >= this.limit && previous && link[1] < previous[1]) {
        links.length = k;
        this.floor = previous[1];
        return;
      }
      held += this.sizeOf(link[0]);
    }
  }
}

/**
 * The strongest edges of each class of identical sentences, ordered as every member's row is
 * (strongest first, then by index), one more than a row keeps: the member's edge to itself is
 * the one left out. A class of repeated sentences links to all copies of its neighbours, so
 * whole classes are taken in order of strength and only the members a row can keep are listed.
 */
function strongestEdges(classes: Classes): Edge[][] {
  const limit = NEIGHBOURS + 1;
  const sizeOf = (c: number): number => classes.members[c]?.length ?? 0;
  const linked = classes.reps.map(() => new StrongestLinks(sizeOf, limit));
  const floorOf = (c: number): number => linked[c]?.floor ?? -Infinity;
  similarClassPairs(
    classes,
    EDGE,
    (a, b, sim) => {
      linked[a]?.add(b, sim);
      if (a !== b) linked[b]?.add(a, sim);
    },
    // A pair weaker than what both its ends already keep need not be measured.
    (a, b, upper) => upper >= floorOf(a) || upper >= floorOf(b),
  );
  return linked.map((strongest) => {
    const links = strongest.strongest();
    const top: Edge[] = [];
    for (let k = 0; k < links.length && top.length < limit; ) {
      // Classes linked with the same strength interleave by index.
      const sim = (links[k] as Edge)[1];
      const tied: Edge[] = [];
      for (; k < links.length && (links[k] as Edge)[1] === sim; k++) {
        for (const j of (classes.members[(links[k] as Edge)[0]] ?? []).slice(0, limit)) tied.push([j, sim]);
      }
      tied.sort(strongestFirst);
      top.push(...tied.slice(0, limit - top.length));
    }
    return top;
  });
}

/**
 * Weighted PageRank over the similarity graph of the vectors; teleporting favours a source's first
 * sentences (`positions`: each sentence's place among its source's candidates, from 0).
 */
export function centrality(vectors: readonly Vector[], positions: readonly number[]): number[] {
  const n = vectors.length;
  const classes = identicalClasses(vectors);
  const classOf = new Int32Array(n);
  classes.members.forEach((members, c) => {
    for (const i of members) classOf[i] = c;
  });
  const edges = strongestEdges(classes);
  // Each sentence passes its rank to its strongest neighbours only: the ranking barely moves and
  // the graph stays sparse. Stored flat (compressed rows) with weights normalized per row.
  const start = new Int32Array(n + 1);
  const target: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const kept = (edges[classOf[i] as number] ?? []).filter(([j]) => j !== i).slice(0, NEIGHBOURS);
    const total = kept.reduce((sum, [, w]) => sum + w, 0);
    for (const [j, w] of kept) {
      target.push(j);
      weight.push(w / total);
    }
    start[i + 1] = target.length;
  }
  const lead = positions.map((p) => 1 / (1 + p / 4));
  const leadSum = lead.reduce((a, b) => a + b, 0);
  const teleport = Float64Array.from(lead, (x) => x / leadSum);
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const r = rank[i] as number;
      const from = start[i] as number;
      const to = start[i + 1] as number;
      if (from === to) dangling += r;
      for (let e = from; e < to; e++) {
        const j = target[e] as number;
        next[j] = (next[j] as number) + DAMPING * r * (weight[e] as number);
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) {
      const value = (next[i] as number) + ((1 - DAMPING) + DAMPING * dangling) * (teleport[i] as number);
      change += Math.abs(value - (rank[i] as number));
      next[i] = value;
    }
    rank = next;
    if (change < CONVERGED) break;
  }
  return [...rank];
}

export interface Summary {
  bluf: Statement[];
  keyJudgments: KeyJudgment[];
}

/**
 * Sentences of other sources that say something similar: the closest sentence of every other
 * source above a cosine threshold, and other sources' evidence for a scenario the sentence speaks of.
 */
function corroboration(id: string, corpus: SentenceCorpus, scenarios: readonly Scenario[]): string[] {
  const ownIndex = corpus.index.get(id);
  const own = ownIndex === undefined ? undefined : corpus.sentences[ownIndex];
  const v = ownIndex === undefined ? undefined : corpus.vectors[ownIndex];
  if (!own || !v) return [];
  const best = new Map<string, { id: string; sim: number }>();
  corpus.sentences.forEach((other, k) => {
    const w = corpus.vectors[k];
    if (other.sourceId === own.sourceId || !w) return;
    const sim = cosine(v, w);
    const current = best.get(other.sourceId);
    if (sim >= CORROBORATES && (!current || sim > current.sim)) best.set(other.sourceId, { id: other.id, sim });
  });
  for (const scenario of scenarios) {
    if (!scenario.evidence.includes(id)) continue;
    for (const evidence of scenario.evidence) {
      const k = corpus.index.get(evidence);
      const sourceId = k === undefined ? undefined : corpus.sentences[k]?.sourceId;
      if (sourceId && sourceId !== own.sourceId && !best.has(sourceId)) best.set(sourceId, { id: evidence, sim: 0 });
    }
  }
  return [...best.values()].map((b) => b.id);
}

/** BLUF (2–4 sentences) and key judgments (3–6), extractive and traced to their sentences. */
/**
 * The bottom line and the key judgments of the sources. `withBluf: false` skips the bottom line
 * (a story in a pack of several, whose line comes from its summary): the key judgments may then
 * take the sentences the bottom line would have.
 */
export function summarize(sources: readonly Source[], scenarios: readonly Scenario[] = [], corpus: SentenceCorpus = sentenceCorpus(sources), withBluf = true): Summary {
  const candidates = candidatesOf(sources);
  if (candidates.length === 0) return { bluf: [], keyJudgments: [] };
  const vectors = candidates.map((c) => corpus.vectors[corpus.index.get(c.id) ?? -1] ?? EMPTY);
  const rank = centrality(vectors, candidates.map((c) => c.position));
  const top = Math.max(...rank);
  const score = rank.map((r) => r / top);
  // Candidates by score, best first: a round of picking ends at the first that cannot win even
  // with the largest weight, so only the few near the top are weighed and compared.
  const byScore = Array.from(candidates.keys()).sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  const chosen: number[] = [];
  const isChosen = new Uint8Array(candidates.length);
  // Each candidate's cosine with the closest chosen sentence, brought up to date when it is looked at.
  const closest = new Float64Array(candidates.length);
  const comparedWith = new Int32Array(candidates.length);
  const closestChosen = (i: number): number => {
    const v = vectors[i] ?? EMPTY;
    let max = closest[i] as number;
    for (let k = comparedWith[i] as number; k < chosen.length; k++) max = Math.max(max, cosine(v, vectors[chosen[k] as number] ?? EMPTY));
    closest[i] = max;
    comparedWith[i] = chosen.length;
    return max;
  };

  const pick = (count: number, weight: (i: number) => number, maxWeight: number): number[] => {
    const picked: number[] = [];
    while (picked.length < count) {
      let best = -1;
      let bestValue = -Infinity;
      for (const i of byScore) {
        const s = score[i] ?? 0;
        if (s * maxWeight < bestValue) break;
        if (isChosen[i]) continue;
        const near = closestChosen(i);
        if (near >= NEAR_DUPLICATE) continue;
        const sourceId = candidates[i]?.sourceId;
        const sameSource = picked.filter((k) => candidates[k]?.sourceId === sourceId).length;
        const value = s * weight(i) - 0.6 * near - (0.2 * sameSource) / Math.max(1, picked.length);
        // Of equal values, the first candidate in reading order.
        if (value > bestValue || (value === bestValue && i < best)) {
          best = i;
          bestValue = value;
        }
      }
      if (best < 0) break;
      picked.push(best);
      chosen.push(best);
      isChosen[best] = 1;
    }
    return picked;
  };

  const blufCount = withBluf ? Math.min(4, Math.max(2, sources.length + 1)) : 0;
  const bluf = pick(blufCount, () => 1, 1).map((i): Statement => {
    const c = candidates[i] as Candidate;
    return { text: c.text, evidence: [c.id] };
  });

  const judgmentCount = Math.min(6, Math.max(3, Math.ceil(candidates.length / 8)));
  const weights = new Map<number, number>();
  const analytic = (i: number): number => {
    let w = weights.get(i);
    if (w === undefined) {
      const text = candidates[i]?.text ?? '';
      w = hedgedLikelihood(text) || speaksOfRisk(text) || namesCondition(text) ? ANALYTIC_BONUS : 1;
      weights.set(i, w);
    }
    return w;
  };
  const keyJudgments = pick(judgmentCount, analytic, ANALYTIC_BONUS).map((i): KeyJudgment => {
    const c = candidates[i] as Candidate;
    const support = corroboration(c.id, corpus, scenarios);
    return {
      text: c.text,
      evidence: [c.id, ...support],
      likelihood: hedgedLikelihood(c.text)?.term ?? null,
      // One supporting sentence per other source; assess.ts weighs which of them are independent.
      confidence: confidenceOf(1 + support.length),
      corroboration: 1 + support.length,
      credibility: NOT_ASSESSED,
      storyId: null,
    };
  });
  return { bluf, keyJudgments };
}
