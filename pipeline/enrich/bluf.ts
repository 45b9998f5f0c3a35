// Bottom line up front and key judgments: the most central sentences of all sources (LexRank:
// PageRank over TF-IDF cosine similarity, with a light lead bias as news puts the point first),
// chosen for diversity: no near-duplicates, spread across sources.
import { NOT_ASSESSED, type KeyJudgment, type Scenario, type Source, type Statement } from '../model.js';
import { isTitleCaseLine } from './actors.js';
import { confidenceOf } from './corroboration.js';
import { hedgedLikelihood } from './likelihood.js';
import { endsWithColon } from './outline.js';
import { quotedShare } from './quotes.js';
import { speaksOfRisk } from './risk-language.js';
import { namesCondition } from './signposts.js';
import { similarPairs, cosine, tfidf, type Vector } from './similarity.js';
import { wordCount } from './text.js';

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
    for (const s of source.sentences) {
      if (s.kind === 'heading' || endsWithColon(s.text) || wordCount(s.text) < MIN_WORDS) continue;
      if (isTitleCaseLine(s.text) || quotedShare(s.text) >= MAX_QUOTED || LABELLED.test(s.text)) continue;
      out.push({ id: s.id, text: s.text.trim(), sourceId: source.id, position: position++ });
    }
  }
  return out;
}

/** Weighted PageRank over the similarity graph; teleporting favours a source's first sentences. */
function centrality(vectors: readonly Vector[], candidates: readonly Candidate[]): number[] {
  const n = vectors.length;
  const edges: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  similarPairs(vectors, EDGE, (i, j, sim) => {
    edges[i]?.push([j, sim]);
    edges[j]?.push([i, sim]);
  });
  // Each sentence passes its rank to its strongest neighbours only: the ranking barely moves and
  // the graph stays sparse. Stored flat (compressed rows) with weights normalized per row.
  const start = new Int32Array(n + 1);
  const target: number[] = [];
  const weight: number[] = [];
  edges.forEach((list, i) => {
    list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const kept = list.slice(0, NEIGHBOURS);
    const total = kept.reduce((sum, [, w]) => sum + w, 0);
    for (const [j, w] of kept) {
      target.push(j);
      weight.push(w / total);
    }
    start[i + 1] = target.length;
  });
  const lead = candidates.map((c) => 1 / (1 + c.position / 4));
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

interface Corpus {
  sentences: Array<{ id: string; text: string; sourceId: string }>;
  vectors: Vector[];
  index: Map<string, number>;
}

function corpusOf(sources: readonly Source[]): Corpus {
  const sentences = sources.flatMap((s) => s.sentences.filter((x) => x.kind !== 'heading').map((x) => ({ id: x.id, text: x.text, sourceId: s.id })));
  return { sentences, vectors: tfidf(sentences.map((s) => s.text)).vectors, index: new Map(sentences.map((s, i) => [s.id, i])) };
}

/**
 * Sentences of other sources that say something similar: the closest sentence of every other
 * source above a cosine threshold, and other sources' evidence for a scenario the sentence speaks of.
 */
function corroboration(id: string, corpus: Corpus, scenarios: readonly Scenario[]): string[] {
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
export function summarize(sources: readonly Source[], scenarios: readonly Scenario[] = []): Summary {
  const candidates = candidatesOf(sources);
  if (candidates.length === 0) return { bluf: [], keyJudgments: [] };
  const corpus = corpusOf(sources);
  const vectors = candidates.map((c) => corpus.vectors[corpus.index.get(c.id) ?? -1] ?? EMPTY);
  const rank = centrality(vectors, candidates);
  const top = Math.max(...rank);
  const score = rank.map((r) => r / top);
  const chosen: number[] = [];

  const pick = (count: number, weight: (i: number) => number): number[] => {
    const picked: number[] = [];
    while (picked.length < count) {
      let best = -1;
      let bestValue = -Infinity;
      candidates.forEach((c, i) => {
        if (chosen.includes(i)) return;
        const v = vectors[i];
        const closest = Math.max(0, ...chosen.map((k) => (v && vectors[k] ? cosine(v, vectors[k]) : 0)));
        if (closest >= NEAR_DUPLICATE) return;
        const sameSource = picked.filter((k) => candidates[k]?.sourceId === c.sourceId).length;
        const value = (score[i] ?? 0) * weight(i) - 0.6 * closest - (0.2 * sameSource) / Math.max(1, picked.length);
        if (value > bestValue) {
          best = i;
          bestValue = value;
        }
      });
      if (best < 0) break;
      picked.push(best);
      chosen.push(best);
    }
    return picked;
  };

  const blufCount = Math.min(4, Math.max(2, sources.length + 1));
  const bluf = pick(blufCount, () => 1).map((i): Statement => {
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
  const keyJudgments = pick(judgmentCount, analytic).map((i): KeyJudgment => {
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
    };
  });
  return { bluf, keyJudgments };
}
