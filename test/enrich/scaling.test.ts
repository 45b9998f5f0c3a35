// Issue 7: enrichment was quadratic in the number of sentences and items. The indexed and
// deduplicated versions must give, on a mid-size corpus, exactly what the pairwise ones gave: each
// pairwise version is written out here as it was, or its result recorded.
// Issue 11: the pairs of similar vectors those versions were checked against came from the same
// index, which missed half the pairs of this corpus. The references for cosine pairs are now
// exhaustive: every pair's dot product, written out here.
import { describe, expect, it } from 'vitest';
import { centrality, summarize } from '../../pipeline/enrich/analyse/bluf.js';
import { independence } from '../../pipeline/enrich/analyse/corroboration.js';
import { contradictionsOf } from '../../pipeline/enrich/analyse/credibility.js';
import { scenarioLinker, withRiskIds } from '../../pipeline/enrich/analyse/risks.js';
import { mergeScenarios, similarTitles, type ScenarioDraft } from '../../pipeline/enrich/analyse/scenarios.js';
import {
  cosine,
  crossClassPairs,
  identicalClasses,
  indexedShare,
  overlap,
  sentenceCorpus,
  similarClassPairs,
  similarPairs,
  termSet,
  tfidf,
  type Classes,
  type Vector,
} from '../../pipeline/enrich/annotate/similarity.js';
import { negated } from '../../pipeline/enrich/annotate/text.js';
import type { Risk, Scenario } from '../../pipeline/model.js';
import { fixture } from '../support/fixture.js';
import { picker, random, syntheticCorpus } from './synthetic.js';

const sources = syntheticCorpus(7, 80);
const sentences = sources.flatMap((s) => s.sentences.map((x) => ({ ...x, sourceId: s.id })));
const corpusVectors = fixture(() => tfidf(sentences.map((s) => s.text)).vectors);
const singletons = (list: readonly Vector[]): Classes => ({ reps: [...list], members: list.map((_, i) => [i]) });
const sorted = (list: string[]): string[] => [...list].sort();

/**
 * Every pair of a query and a target whose cosine reaches `floor`, each pair's dot product taken
 * in full: the query's weights spread out by term, the target's terms read in order. Within one
 * set (`within`), only pairs i < j. The products are summed in the order `cosine` sums them, so
 * the values are the very numbers the index must report.
 */
function exhaustive(queries: readonly Vector[], targets: readonly Vector[], floor: number, within: boolean, onPair: (q: number, t: number, sim: number) => void): void {
  const size = Math.max(0, ...[...queries, ...targets].map((v) => (v.terms[v.terms.length - 1] ?? -1) + 1));
  const spread = new Float64Array(size);
  queries.forEach((q, i) => {
    q.terms.forEach((t, k) => (spread[t] = q.weights[k] as number));
    for (let j = within ? i + 1 : 0; j < targets.length; j++) {
      const target = targets[j] as Vector;
      let sim = 0;
      target.terms.forEach((t, k) => (sim += (spread[t] as number) * (target.weights[k] as number)));
      if (sim >= floor) onPair(i, j, sim);
    }
    for (const t of q.terms) spread[t] = 0;
  });
}

const exhaustivePairs = (list: readonly Vector[], floor: number): string[] => {
  const found: string[] = [];
  exhaustive(list, list, floor, true, (i, j, sim) => found.push(`${i}-${j}:${sim}`));
  return found;
};

/**
 * `found` must be the pairs `expected`, each once and with the same cosine. A mismatch is shown by
 * its counts and first pairs: a diff of thousands of lines would take minutes to print.
 */
function expectSamePairs(found: readonly string[], expected: readonly string[]): void {
  const [got, want] = [new Set(found), new Set(expected)];
  const missing = expected.filter((p) => !got.has(p));
  const extra = found.filter((p) => !want.has(p));
  expect({ missing: missing.length, extra: extra.length, first: [...missing, ...extra].slice(0, 5) }).toEqual({ missing: 0, extra: 0, first: [] });
  expect(found.length).toBe(expected.length);
}

describe('issue 7: the corpus exercises the shortcuts', () => {
  it('is mid-size, with sentences repeated word for word and denied', () => {
    const vectors = corpusVectors();
    expect(sentences.length).toBeGreaterThan(800);
    expect(identicalClasses(vectors).reps.length).toBeLessThan(sentences.length * 0.8);
    expect(sentences.filter((s) => negated(s.text)).length).toBeGreaterThan(40);
  });
});

describe('issue 11: the corpus takes the index past its shortcuts', () => {
  it('is past the size where the issue 7 index left widespread terms out, and lost pairs by it', () => {
    const vectors = corpusVectors();
    // That index proposed no pairs through terms in more than max(64, 5 %) of the vectors, and
    // measured only pairs whose estimate without them reached 3/4 of the floor.
    const df = new Map<number, number>();
    for (const v of vectors) for (const t of v.terms) df.set(t, (df.get(t) ?? 0) + 1);
    const cap = Math.max(64, Math.ceil(vectors.length * 0.05));
    const widespread = new Set([...df].filter(([, n]) => n > cap).map(([t]) => t));
    expect(widespread.size).toBeGreaterThan(5);
    const rare = (v: Vector): Vector => {
      const keep = [...v.terms.keys()].filter((k) => !widespread.has(v.terms[k] as number));
      return { terms: Int32Array.from(keep, (k) => v.terms[k] as number), weights: Float64Array.from(keep, (k) => v.weights[k] as number) };
    };
    const rest = vectors.map(rare);
    let lost = 0;
    exhaustive(vectors, vectors, 0.3, true, (i, j) => {
      if (cosine(rest[i] as Vector, rest[j] as Vector) < 0.3 * 0.75) lost++;
    });
    // 5,669 of the 11,483 pairs ≥ 0.3 of this corpus.
    expect(lost).toBeGreaterThan(1000);
  });

  it('leaves widespread terms out of the postings, to the bound, at the floors of merges and contradictions', () => {
    const vectors = corpusVectors();
    // At 0.1 every term of these short sentences weighs more than the floor: all are indexed.
    expect(indexedShare(vectors, 0.3)).toBeLessThan(0.95);
    expect(indexedShare(vectors, 0.6)).toBeLessThan(0.6);
  });
});

describe('issue 11: the index finds the pairs an exhaustive comparison finds', () => {
  it.each([0.1, 0.3, 0.6])('within one set, at a floor of %s', (floor) => {
    const vectors = corpusVectors();
    const found: string[] = [];
    similarPairs(vectors, floor, (i, j, sim) => found.push(`${i}-${j}:${sim}`));
    const expected = exhaustivePairs(vectors, floor);
    expect(expected.length).toBeGreaterThan(1000);
    expectSamePairs(found, expected);
  });

  it('across two sets', () => {
    const vectors = corpusVectors();
    const queries = vectors.filter((_, i) => i % 3 === 0);
    const targets = vectors.filter((_, i) => i % 3 !== 0);
    const found: string[] = [];
    crossClassPairs(singletons(queries), singletons(targets), 0.3, (q, t, sim) => found.push(`${q}-${t}:${sim}`));
    const expected: string[] = [];
    exhaustive(queries, targets, 0.3, false, (q, t, sim) => expected.push(`${q}-${t}:${sim}`));
    expect(expected.length).toBeGreaterThan(1000);
    expectSamePairs(found, expected);
  });
});

describe('issue 7: pairs of classes of identical vectors are the pairs of their members', () => {
  const classed = fixture(() => {
    const vectors = corpusVectors();
    const classes = identicalClasses(vectors);
    const expand = (a: number, b: number, sim: number, into: string[]): void => {
      for (const i of classes.members[a] ?? []) {
        for (const j of classes.members[b] ?? []) if (a !== b || i < j) into.push(`${Math.min(i, j)}-${Math.max(i, j)}:${sim}`);
      }
    };
    return { vectors, classes, expand };
  });

  it.each([0.1, 0.3, 0.6])('within one set, at a floor of %s', (floor) => {
    const { vectors, classes, expand } = classed();
    const measured: number[] = [];
    similarPairs(vectors, floor, (i, j, sim) => {
      if (sim !== cosine(vectors[i] as Vector, vectors[j] as Vector)) measured.push(i, j);
    });
    expect(measured).toEqual([]);
    const byClass: string[] = [];
    similarClassPairs(classes, floor, (a, b, sim) => expand(a, b, sim, byClass));
    expect(byClass.length).toBeGreaterThan(1000);
    expectSamePairs(byClass, exhaustivePairs(vectors, floor));
  });

  it('across two sets', () => {
    const vectors = corpusVectors();
    const queries = vectors.filter((_, i) => i % 3 === 0);
    const targets = vectors.filter((_, i) => i % 3 !== 0);
    const pairwise: string[] = [];
    exhaustive(queries, targets, 0.3, false, (q, t, sim) => pairwise.push(`${q}-${t}:${sim}`));
    const [qc, tc] = [identicalClasses(queries), identicalClasses(targets)];
    const byClass: string[] = [];
    crossClassPairs(qc, tc, 0.3, (a, b, sim) => {
      for (const q of qc.members[a] ?? []) for (const t of tc.members[b] ?? []) byClass.push(`${q}-${t}:${sim}`);
    });
    expect(byClass.length).toBeGreaterThan(1000);
    expectSamePairs(byClass, pairwise);
  });
});

/** LexRank as it was, on every edge ≥ 0.1 an exhaustive comparison finds: each row sorted and cut to its 20 strongest. */
function pairwiseCentrality(list: readonly Vector[], positions: readonly number[]): number[] {
  const n = list.length;
  const edges: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  exhaustive(list, list, 0.1, true, (i, j, sim) => {
    edges[i]?.push([j, sim]);
    edges[j]?.push([i, sim]);
  });
  const rows = edges.map((row) => {
    const kept = [...row].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 20);
    const total = kept.reduce((sum, [, w]) => sum + w, 0);
    return kept.map(([j, w]): [number, number] => [j, w / total]);
  });
  const lead = positions.map((p) => 1 / (1 + p / 4));
  const leadSum = lead.reduce((a, b) => a + b, 0);
  const teleport = lead.map((x) => x / leadSum);
  let rank = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    rows.forEach((row, i) => {
      const r = rank[i] as number;
      if (row.length === 0) dangling += r;
      for (const [j, w] of row) next[j] = (next[j] as number) + 0.85 * r * w;
    });
    let change = 0;
    for (let i = 0; i < n; i++) {
      const value = (next[i] as number) + (1 - 0.85 + 0.85 * dangling) * (teleport[i] as number);
      change += Math.abs(value - (rank[i] as number));
      next[i] = value;
    }
    rank = next;
    if (change < 1e-6) break;
  }
  return [...rank];
}

describe('issue 7: centrality over classes of repeated sentences', () => {
  // Few stories told many times: rows with many more links than they keep, so links are dropped unmeasured.
  it.each([
    ['80 stories', sources],
    ['10 stories', syntheticCorpus(3, 200, 10)],
  ])('ranks exactly as the pairwise LexRank, %s', (_, corpus) => {
    const list = corpus.flatMap((s) => s.sentences);
    const positions = list.map((s) => Number(s.id.split(':s')[1]) - 1);
    const model = tfidf(list.map((s) => s.text)).vectors;
    expect(centrality(model, positions)).toEqual(pairwiseCentrality(model, positions));
  });

  it('BLUF and key judgments are those the exhaustive LexRank chooses', () => {
    const { bluf, keyJudgments } = summarize(sources);
    // Recorded on this corpus once centrality equalled the exhaustive LexRank above (issue 11).
    // Issue 7 recorded [s003:s5], [s025:s2], [s009:s10], [s029:s2] and key judgments led by
    // s022:s1, s014:s3, s020:s2, s052:s2, s007:s1, s006:s2 (33, 49, 28, 26, 33, 22 sentences):
    // ranks over a graph lacking 59 % of the links ≥ 0.1 between this corpus's sentences, which
    // the index of then missed. The corroborating sentences themselves are found by a full scan.
    expect(bluf.map((s) => s.evidence)).toEqual([['s031:s1'], ['s022:s1'], ['s051:s1'], ['s027:s1']]);
    expect(keyJudgments.map((k) => k.evidence[0])).toEqual(['s024:s3', 's058:s11', 's029:s2', 's000:s2', 's052:s2', 's003:s5']);
    expect(keyJudgments.map((k) => k.evidence.length)).toEqual([49, 38, 41, 52, 26, 37]);
  });
});

/** Scenario drafts over the corpus: titles of two to five of a sentence's words, some structural. */
function draftsOf(seed: number): ScenarioDraft[] {
  const rand = random(seed);
  const pick = picker(rand);
  return sentences
    .filter(() => rand() < 0.3)
    .map((s) => {
      const words = s.text.replace(/[.]$/, '').split(' ');
      const from = Math.floor(rand() * (words.length - 2));
      const title = words.slice(from, from + 2 + Math.floor(rand() * 4)).join(' ');
      return { title: rand() < 0.2 ? `${pick(['Option', 'Outcome'])}: ${title}` : title, summary: s.text, ids: [s.id], sourceId: s.sourceId, structural: rand() < 0.3 };
    });
}

/** The evidence and sources of each merged scenario, clustered and extended pair by pair, as it was. */
function pairwiseMerge(drafts: readonly ScenarioDraft[]): string[] {
  const ordered = [...drafts.filter((d) => d.structural), ...drafts.filter((d) => !d.structural)];
  const clusters: Array<{ drafts: ScenarioDraft[]; extra: Array<{ id: string; sourceId: string }> }> = [];
  for (const draft of ordered) {
    const home = clusters.find((c) => c.drafts.some((d) => similarTitles(d.title, draft.title)));
    if (home) home.drafts.push(draft);
    else clusters.push({ drafts: [draft], extra: [] });
  }
  for (const cluster of clusters) {
    const title = termSet(cluster.drafts[0]?.title ?? '');
    if (title.size < 2) continue;
    const cited = new Set(cluster.drafts.flatMap((d) => d.ids));
    for (const s of sentences) {
      const { shared } = overlap(title, termSet(s.text));
      if (!cited.has(s.id) && shared >= 2 && shared / title.size >= 0.66) cluster.extra.push({ id: s.id, sourceId: s.sourceId });
    }
  }
  return clusters.map((c) => {
    const evidence = sorted([...new Set([...c.drafts.flatMap((d) => d.ids), ...c.extra.map((e) => e.id)])]);
    const from = sorted([...new Set([...c.drafts.map((d) => d.sourceId), ...c.extra.map((e) => e.sourceId)])]);
    return `${from.join(',')} | ${evidence.join(',')}`;
  });
}

describe('issue 7: scenarios merged through indexes', () => {
  const drafts = draftsOf(11);
  const merging = fixture(() => mergeScenarios(drafts, sources));

  it('cluster the same drafts and find the same mentions as pair by pair', () => {
    const merged = merging();
    expect(merged.length).toBeGreaterThan(50);
    expect(merged.some((s) => s.sources.length > 5)).toBe(true);
    const found = merged.map((s) => `${sorted(s.sources).join(',')} | ${sorted(s.evidence).join(',')}`);
    expect(sorted(found)).toEqual(sorted(pairwiseMerge(drafts)));
  });

  /** The scenarios a risk speaks of, as it was: a TF-IDF model of the risk and all scenarios for every risk. */
  function pairwiseLinks(draft: { statement: string; ids: string[] }, scenarios: readonly Scenario[]): string[] {
    const riskTerms = termSet(draft.statement);
    const model = tfidf([draft.statement, ...scenarios.map((s) => `${s.title} ${s.summary}`)]);
    const riskVector = model.vectors[0] as Vector;
    return scenarios
      .filter((scenario, k) => {
        if (draft.ids.some((id) => scenario.evidence.includes(id))) return true;
        const title = termSet(scenario.title);
        const { shared } = overlap(title, riskTerms);
        if (title.size > 0 && shared >= Math.min(2, title.size) && shared / title.size >= 0.5) return true;
        return cosine(riskVector, model.vectors[k + 1] as Vector) >= 0.35;
      })
      .map((s) => s.id);
  }

  it('link each risk to the scenarios the pairwise linking chose', () => {
    const merged = merging();
    const linked = scenarioLinker(merged);
    const risks = sentences.filter((_, i) => i % 4 === 0).map((s) => ({ statement: s.text, ids: [s.id] }));
    const links = risks.map((r) => linked(r));
    expect(links.filter((l) => l.length > 1).length).toBeGreaterThan(20);
    expect(links).toEqual(risks.map((r) => pairwiseLinks(r, merged)));
  });

  it('give each scenario the ids of its risks, in risk order', () => {
    const merged = merging();
    const rand = random(5);
    const pick = picker(rand);
    const risks = Array.from({ length: 300 }, (_, k) => ({ id: `rk-${String(k).padStart(6, '0')}`, scenarioIds: [pick(merged).id, pick(merged).id] }) as Risk);
    const expected = merged.map((s) => risks.filter((r) => r.scenarioIds.includes(s.id)).map((r) => r.id));
    expect(withRiskIds(merged, risks).map((s) => s.riskIds)).toEqual(expected);
  });
});

describe('issue 7: contradictions looked up once per repeated sentence', () => {
  it('are those found sentence by sentence', () => {
    const groups = independence(sources);
    const corpus = sentenceCorpus(sources);
    const all = corpus.sentences.map((s, i) => ({ ...s, group: groups.groupOf(s.sourceId), vector: corpus.vectors[i] as Vector }));
    const denials = all.filter((s) => negated(s.text));
    const claims = all.filter((s) => !negated(s.text));
    const expected = new Map<string, Set<string>>();
    const note = (id: string, group: string): void => void expected.set(id, (expected.get(id) ?? new Set()).add(group));
    const [denialVectors, claimVectors] = [denials.map((d) => d.vector), claims.map((c) => c.vector)];
    exhaustive(denialVectors, claimVectors, 0.6, false, (d, c) => {
      const [denial, claim] = [denials[d], claims[c]];
      if (!denial || !claim || denial.group === claim.group) return;
      note(denial.id, claim.group);
      note(claim.id, denial.group);
    });
    const flat = (map: ReadonlyMap<string, ReadonlySet<string>>): string[] => sorted([...map].map(([id, set]) => `${id}: ${sorted([...set]).join(',')}`));
    expect(expected.size).toBeGreaterThan(100);
    expect(flat(contradictionsOf(sources, groups))).toEqual(flat(expected));
  });
});
