import { describe, expect, it } from 'vitest';
import { cosine, identicalClasses, overlap, similarClassPairs, similarPairs, tfidf, type Vector } from '../../pipeline/enrich/annotate/similarity.js';

/** A deterministic pseudo-random generator, so the corpus is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['port', 'strike', 'union', 'wage', 'ship', 'fruit', 'storm', 'coast', 'fuel', 'talks', 'court', 'vote', 'rain', 'bank', 'rate', 'grain'];
function texts(count: number, seed: number): string[] {
  const rnd = lcg(seed);
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => WORDS[Math.floor(rnd() * WORDS.length)] as string).join(' '));
}

function exhaustive(vectors: readonly Vector[], floor: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < vectors.length; i++)
    for (let j = i + 1; j < vectors.length; j++) {
      const sim = cosine(vectors[i] as Vector, vectors[j] as Vector);
      if (sim >= floor) out.set(`${i}-${j}`, sim);
    }
  return out;
}

describe('similar pairs through the inverted index', () => {
  for (const [floor, seed] of [[0.1, 1], [0.3, 2], [0.5, 3], [0.8, 4]] as const) {
    it(`finds exactly the pairs an exhaustive comparison finds at cosine ≥ ${floor}, with their cosine`, () => {
      const { vectors } = tfidf(texts(60, seed));
      const found = new Map<string, number>();
      similarPairs(vectors, floor, (i, j, sim) => {
        expect(i).toBeLessThan(j);
        expect(found.has(`${i}-${j}`)).toBe(false);
        found.set(`${i}-${j}`, sim);
      });
      const expected = exhaustive(vectors, floor);
      expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [k, sim] of expected) expect(found.get(k)).toBeCloseTo(sim, 12);
    });
  }

  it('includes a pair whose cosine equals the floor exactly', () => {
    const { vectors } = tfidf(['port strike', 'port strike', 'port talks']);
    const sim = cosine(vectors[0] as Vector, vectors[2] as Vector);
    expect(sim).toBeGreaterThan(0);
    const found: string[] = [];
    similarPairs(vectors, sim, (i, j) => found.push(`${i}-${j}`));
    expect(found.sort()).toEqual(['0-1', '0-2', '1-2']);
  });

  it('reports a class of identical vectors paired with itself, and classes once per pair', () => {
    const { vectors } = tfidf(texts(40, 7).flatMap((t, i) => (i % 3 === 0 ? [t, t] : [t])));
    const classes = identicalClasses(vectors);
    const found = new Map<string, number>();
    similarClassPairs(classes, 0.2, (a, b, sim) => {
      expect(a).toBeLessThanOrEqual(b);
      expect(found.has(`${a}-${b}`)).toBe(false);
      found.set(`${a}-${b}`, sim);
    });
    const expected = new Map<string, number>();
    classes.reps.forEach((v, a) => {
      if ((classes.members[a]?.length ?? 0) > 1) expected.set(`${a}-${a}`, cosine(v, v));
      for (let b = a + 1; b < classes.reps.length; b++) {
        const sim = cosine(v, classes.reps[b] as Vector);
        if (sim >= 0.2) expected.set(`${a}-${b}`, sim);
      }
    });
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, sim] of expected) expect(found.get(k)).toBeCloseTo(sim, 12);
  });

  it('never turns down a pair its caller would keep: the bound passed to worth is at least the cosine', () => {
    const { vectors } = tfidf(texts(50, 11));
    const classes = identicalClasses(vectors);
    const bounds = new Map<string, number>();
    const found = new Map<string, number>();
    similarClassPairs(
      classes,
      0.15,
      (a, b, sim) => found.set(`${a}-${b}`, sim),
      (a, b, upper) => {
        bounds.set(`${Math.min(a, b)}-${Math.max(a, b)}`, upper);
        return true;
      },
    );
    for (const [k, sim] of found) {
      const upper = bounds.get(k);
      if (upper !== undefined) expect(upper).toBeGreaterThanOrEqual(sim - 1e-12);
    }
    expect(found.size).toBeGreaterThan(0);
  });

  it('skips the pairs worth turns down, and only those', () => {
    const { vectors } = tfidf(texts(50, 13));
    const classes = identicalClasses(vectors);
    const all: string[] = [];
    similarClassPairs(classes, 0.15, (a, b) => all.push(`${a}-${b}`));
    const kept: string[] = [];
    similarClassPairs(classes, 0.15, (a, b) => kept.push(`${a}-${b}`), (a, b) => (a + b) % 2 === 0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    for (const k of kept) {
      const [a, b] = k.split('-').map(Number) as [number, number];
      expect((a + b) % 2).toBe(0);
    }
    expect(kept.sort()).toEqual(all.filter((k) => (k.split('-').map(Number) as [number, number]).reduce((x, y) => x + y) % 2 === 0).sort());
  });
});

describe('overlap of two term sets', () => {
  it('is zero, with nothing shared, when either set is empty', () => {
    expect(overlap(new Set(), new Set(['buffer']))).toEqual({ shared: 0, coefficient: 0 });
    expect(overlap(new Set(['buffer']), new Set())).toEqual({ shared: 0, coefficient: 0 });
    expect(overlap(new Set(), new Set())).toEqual({ shared: 0, coefficient: 0 });
  });

  it('is 1 when one wording contains the other, and shared terms over the smaller set otherwise', () => {
    expect(overlap(new Set(['buffer', 'zone']), new Set(['buffer', 'zone', 'un', 'control']))).toEqual({ shared: 2, coefficient: 1 });
    expect(overlap(new Set(['buffer', 'zone', 'line']), new Set(['buffer', 'zone', 'un', 'control']))).toEqual({ shared: 2, coefficient: 2 / 3 });
  });
});
