// The sampled mutation score (make mutation with MUTATE_SAMPLE): the estimator and the sample's choice.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../bench/mutation-score.js';
// @ts-expect-error: a plain ES module for Stryker, without types
import { sampled } from '../../stryker-sample.mjs';

describe('estimate', () => {
  it('gives the plain score, with no margin, when every declaration was run', () => {
    const e = estimate([{ all: 3, sampled: [{ n: 10, k: 9 }, { n: 5, k: 1 }, { n: 5, k: 5 }] }]);
    expect(e?.score).toBeCloseTo(15 / 20, 12);
    expect(e?.margin).toBe(0);
  });

  it('scales each sampled part to its size before adding the parts up', () => {
    // A whole part of 100 mutants, 50 detected; a part of 10 declarations of which 2 were drawn,
    // with 10 mutants each, all detected: it stands for 100 mutants, so the score is 150 / 200.
    const e = estimate([
      { all: 1, sampled: [{ n: 100, k: 50 }] },
      { all: 10, sampled: [{ n: 10, k: 10 }, { n: 10, k: 10 }] },
    ]);
    expect(e?.score).toBeCloseTo(0.75, 12);
    // Both drawn declarations agree, so the estimate has no spread to report.
    expect(e?.margin).toBeCloseTo(0, 12);
  });

  it('widens its margin with the spread between declarations and narrows it as more are drawn', () => {
    const units = (m: number) => Array.from({ length: m }, (_, i) => ({ n: 10, k: i % 2 === 0 ? 10 : 2 }));
    const few = estimate([{ all: 100, sampled: units(10) }]);
    const many = estimate([{ all: 100, sampled: units(60) }]);
    expect(few?.score).toBeCloseTo(0.6, 12);
    expect(many?.score).toBeCloseTo(0.6, 12);
    expect(few?.margin).toBeGreaterThan(0.1);
    expect(many?.margin).toBeGreaterThan(0);
    expect(many?.margin).toBeLessThan((few?.margin ?? 0) / 2);
  });

  it('has nothing to say without mutants', () => {
    expect(estimate([])).toBeUndefined();
    expect(estimate([{ all: 2, sampled: [{ n: 0, k: 0 }] }])).toBeUndefined();
  });
});

describe('the sample', () => {
  it('is the same on every run and near its rate', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `unit${i}`);
    const first = names.filter((name) => sampled('pipeline/x.ts', name, 0.4));
    expect(names.filter((name) => sampled('pipeline/x.ts', name, 0.4))).toEqual(first);
    expect(first.length / names.length).toBeGreaterThan(0.36);
    expect(first.length / names.length).toBeLessThan(0.44);
    // A larger sample holds the smaller one: raising the rate only adds declarations.
    for (const name of first) expect(sampled('pipeline/x.ts', name, 0.6)).toBe(true);
  });
});

describe('a sample of one declaration', () => {
  it('gives no margin rather than a false zero', () => {
    expect(estimate([{ all: 5, sampled: [{ n: 4, k: 2 }] }])?.margin).toBeNaN();
  });
});
