import { describe, expect, it } from 'vitest';
import { confidenceOf, independence } from '../../pipeline/enrich/analyse/corroboration.js';
import { enrich } from '../../pipeline/enrich/index.js';
import { fixture } from '../support/fixture.js';
import { OWN, article, context, makeSource } from './helpers.js';

const story = (id: string, meta: { via?: string[]; author?: string | null }) =>
  makeSource(id, [{ p: 'Ministers are weighing options such as a fuel subsidy and a windfall tax.' }], meta);

describe('independent sources', () => {
  const sources = [
    story('relay', { via: ['Caliber.Az', 'Bloomberg'] }),
    story('wire', { via: ['Bloomberg'] }),
    story('column-1', { author: 'Jane Roe' }),
    story('column-2', { author: 'Jane  ROE' }),
    story('desk-1', { author: 'Staff' }),
    story('desk-2', { author: 'Staff' }),
    story('other', { via: ['the Bloomberg'] }),
  ];
  const independent = fixture(() => independence(sources));

  it('counts sources that share an outlet they came through as one', () => {
    const groups = independent();
    expect(groups.count(['relay', 'wire'])).toBe(1);
    expect(groups.count(['relay', 'other'])).toBe(1);
  });

  it('counts sources by the same author as one, but not two stories under a byline that names no one', () => {
    const groups = independent();
    expect(groups.count(['column-1', 'column-2'])).toBe(1);
    expect(groups.count(['desk-1', 'desk-2'])).toBe(2);
  });

  it('counts unrelated sources separately, whatever the order of the sources', () => {
    const groups = independent();
    expect(groups.count(['relay', 'column-1', 'desk-1', 'desk-2'])).toBe(4);
    const reversed = independence([...sources].reverse());
    for (const s of sources) expect(reversed.groupOf(s.id)).toBe(groups.groupOf(s.id));
  });

  it('joins groups through a chain of shared outlets', () => {
    const chain = independence([story('a', { via: ['Reuters'] }), story('b', { via: ['Reuters', 'AP'] }), story('c', { via: ['AP'] })]);
    expect(chain.count(['a', 'c'])).toBe(1);
  });

  it('grades confidence by independent sources: one low, two moderate, three high', () => {
    expect([1, 2, 3, 5].map(confidenceOf)).toEqual(['low', 'moderate', 'high', 'high']);
  });
});

describe('corroboration in the brief', () => {
  const tax = (id: 'a' | 'b' | 'c', meta: { via?: string[]; author?: string | null }) =>
    makeSource(id, [{ p: 'The cabinet discussed options, including a windfall tax on energy firms and a fuel subsidy.' }, { p: OWN[id] }], meta);

  it('gives scenarios and risks the number of independent sources, and confidence from it', () => {
    const brief = enrich([tax('a', { via: ['Bloomberg'] }), tax('b', { via: ['Bloomberg'] }), tax('c', {})], context());
    const windfall = brief.scenarios.find((s) => /windfall tax/i.test(s.title));
    expect(windfall?.sources).toEqual(['a', 'b', 'c']);
    expect(windfall?.corroboration).toBe(2);
    expect(windfall?.confidence).toBe('moderate');
  });

  it('gives a risk reported by one outlet through two relays low confidence', () => {
    const text = 'Economists warn the windfall tax could drive investment abroad.';
    const brief = enrich([makeSource('x', [{ p: text }, { p: OWN.x }], { via: ['Reuters'] }), makeSource('y', [{ p: text }, { p: OWN.y }], { via: ['Reuters'] }), article('z', 'The weather was mild.')], context());
    expect(brief.risks).toHaveLength(1);
    expect(brief.risks[0]).toMatchObject({ sources: ['x', 'y'], corroboration: 1, confidence: 'low' });
  });
});
