import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { assessed, groundsOf } from '../../pipeline/enrich/analyse/assess.js';
import { enrich } from '../../pipeline/enrich/index.js';
import { negated } from '../../pipeline/enrich/annotate/text.js';
import { Brief, NOT_ASSESSED, type KeyJudgment, type Source } from '../../pipeline/model.js';
import { OWN, article, context, makeSource } from './helpers.js';

const SPREAD = 'The strike will spread to the northern ports next week.';
const WONT_SPREAD = 'The strike will not spread to the northern ports next week.';
const calm = article('calm', 'Dock workers met on Tuesday to discuss pay.');

function riskOf(sources: Source[], pattern: RegExp) {
  const brief = Brief.parse(enrich(sources, context()));
  const risk = brief.risks.find((r) => pattern.test(r.statement));
  if (!risk) throw new Error(`no risk matching ${pattern} in ${JSON.stringify(brief.risks.map((r) => r.statement))}`);
  return risk;
}

describe('credibility (Admiralty scale)', () => {
  it('1, confirmed: two independent sources', () => {
    const risk = riskOf([article('a', SPREAD, OWN.a), article('b', SPREAD, OWN.b)], /will spread/);
    expect(risk.credibility).toEqual({ rating: 1, label: 'confirmed by other sources', basis: '2 independent sources' });
    expect(risk.confidence).toBe('moderate');
  });

  it('2, probably true: two sources that are not independent', () => {
    const risk = riskOf([makeSource('a', [{ p: SPREAD }, { p: OWN.a }], { via: ['AP'] }), makeSource('b', [{ p: SPREAD }, { p: OWN.b }], { via: ['AP'] })], /will spread/);
    expect(risk.credibility).toMatchObject({ rating: 2, label: 'probably true' });
    expect(risk.corroboration).toBe(1);
  });

  it('2, probably true: one source naming who says it', () => {
    const risk = riskOf([article('a', 'Union leader Maria Costa said the strike could spread to the northern ports.')], /could spread/);
    expect(risk.credibility).toMatchObject({ rating: 2, basis: 'one source, attributed to a named speaker' });
  });

  it('3, possibly true: one source, no named speaker', () => {
    const risk = riskOf([article('a', 'A union official said the strike could spread to the northern ports.')], /could spread/);
    expect(risk.credibility).toMatchObject({ rating: 3, label: 'possibly true', basis: 'one source' });
  });

  it('4, doubtful: its source hedges it as unconfirmed or reported', () => {
    const risk = riskOf([article('a', 'The strike could reportedly spread to the northern ports.')], /reportedly/);
    expect(risk.credibility).toMatchObject({ rating: 4, label: 'doubtful', basis: 'hedged by its source: "reportedly"' });
  });

  it('5, improbable: an independent source says the opposite and none other confirms it', () => {
    const risk = riskOf([article('a', SPREAD, OWN.a), article('b', WONT_SPREAD, OWN.b), calm], /will spread/);
    expect(risk.credibility).toMatchObject({ rating: 5, label: 'improbable', basis: 'contradicted by 1 independent source' });
  });

  it('4, doubtful: contradicted, but confirmed by more independent sources than contradict it', () => {
    const risk = riskOf([article('a', SPREAD, OWN.a), article('b', SPREAD, OWN.b), article('c', WONT_SPREAD, OWN.c)], /will spread/);
    expect(risk.credibility).toMatchObject({ rating: 4, basis: 'disputed: 1 independent source says the opposite' });
  });

  it('does not count a contradiction from a source that is not independent', () => {
    const risk = riskOf([makeSource('a', [{ p: SPREAD }, { p: OWN.a }], { author: 'Jo Park' }), makeSource('b', [{ p: WONT_SPREAD }, { p: OWN.b }], { author: 'Jo Park' })], /will spread/);
    expect(risk.credibility.rating).toBe(3);
  });

  it('6, cannot be judged: the analyst’s own addition', () => {
    const overlay = { risks: { edits: {}, suppress: [], add: [{ statement: 'Dockers could occupy the terminal.', likelihood: 'unlikely' as const, impact: 'medium' as const, scenarios: [], note: 'Pattern of past strikes', confidence: 'moderate' as const }] } };
    const brief = Brief.parse(enrich([calm], context({ overlay })));
    expect(brief.risks[0]).toMatchObject({ origin: 'analyst', corroboration: 0, confidence: 'moderate', credibility: { rating: 6, label: 'cannot be judged' } });
  });

  it('rates key judgments too, on the sources of their evidence', () => {
    const a = article('a', SPREAD, 'Shipping lines have begun diverting container vessels to southern terminals.');
    const b = makeSource('b', [{ p: 'Shipping lines have begun diverting container vessels to the southern terminals.' }], { via: ['AP'] });
    const c = makeSource('c', [{ p: 'Shipping lines are diverting container vessels to southern terminals.' }], { via: ['AP'] });
    const grounds = groundsOf([a, b, c], findActors([a, b, c]), []);
    const judgment: KeyJudgment = { text: 'Shipping lines have begun diverting container vessels.', evidence: ['a:s2', 'b:s1', 'c:s1'], likelihood: null, confidence: 'high', corroboration: 3, credibility: NOT_ASSESSED, storyId: null };
    expect(assessed(judgment, grounds)).toMatchObject({ corroboration: 2, confidence: 'moderate', credibility: { rating: 1, basis: '2 independent sources' } });
    const longer = article(
      'd',
      'Dock workers met on Tuesday to discuss pay and pensions at length.',
      'Retailers expect shortages of imported fruit within a fortnight.',
      'The port authority has asked the government to appoint a mediator.',
    );
    const brief = enrich([a, b, c, longer], context());
    expect(brief.keyJudgments.length).toBeGreaterThan(0);
    for (const kj of brief.keyJudgments) expect(kj.credibility.basis).not.toBe('not assessed');
  });

  it('reads a statement as turned round by an odd number of negations', () => {
    expect(negated(WONT_SPREAD)).toBe(true);
    expect(negated('Officials denied the strike would spread.')).toBe(true);
    expect(negated("Officials didn't deny the strike would spread.")).toBe(false);
    expect(negated(SPREAD)).toBe(false);
  });
});
