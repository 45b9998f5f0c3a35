import { describe, expect, it } from 'vitest';
import { summarize } from '../../pipeline/enrich/analyse/bluf.js';
import { cosine, tfidf } from '../../pipeline/enrich/annotate/similarity.js';
import type { LikelihoodTerm } from '../../pipeline/model.js';
import { fixture } from '../support/fixture.js';
import { article, makeSource } from './helpers.js';

const wire = makeSource('wire', [
  { h: 'Hurricane Delia nears the coast' },
  {
    p: 'Hurricane Delia strengthened to a category four storm on Tuesday as it approached the southern coast. Forecasters expect landfall near the port city late on Wednesday. Authorities ordered the evacuation of coastal districts ahead of the storm.',
  },
  { p: '“Everyone in the evacuation zone must leave tonight, there will be no second warning,” the governor said.' },
  { p: 'Fuel shortages were reported at several petrol stations along the evacuation routes.' },
]);
const paper = article(
  'paper',
  'The evacuation of coastal districts began before dawn as Hurricane Delia gathered strength over warm water. Officials said landfall near the port city was likely late on Wednesday. Hospitals moved patients inland and schools closed for the week.',
  'Insurers estimate that damage from the storm could exceed ten billion dollars if the surge breaches the harbour defences.',
);
const institute = article(
  'institute',
  'Delia is the third major hurricane to threaten the southern coast in five years, testing evacuation plans that were redrawn after the last storm. Landfall near the port city would expose the region’s refineries to flooding. The storm will probably disrupt fuel supplies for weeks.',
);

/** The ICD 203 term of the one hedge a sentence of these fixtures is written with, or null. */
const HEDGES: ReadonlyArray<readonly [RegExp, LikelihoodTerm]> = [
  [/\bwill probably\b/, 'likely'],
  [/\bis likely to\b|\bwas likely\b|\bare likely to\b/, 'likely'],
  [/\bwould require\b/, 'unlikely'],
  [/\bwould\b/, 'likely'],
  [/\bcould\b|\bmay\b/, 'roughly even chance'],
  [/\bmight\b/, 'unlikely'],
];
function termOf(text: string): LikelihoodTerm | null {
  return HEDGES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const dockWire = article(
  'dock-wire',
  'Dock workers will probably extend the strike at the northern ports into a third week.',
  'Shipping lines could divert their container vessels to the southern terminals during the strike.',
  'Retailers are likely to run short of imported fruit within a fortnight of the walkout.',
);
const dockPaper = article(
  'dock-paper',
  'The strike at the northern ports will probably run into a third week, union officials said.',
  'Container vessels could be diverted to the southern terminals if the dock strike goes on.',
  'Supermarkets are likely to run short of imported fruit within a fortnight, grocers said.',
);
const dockAnalysis = article(
  'dock-analysis',
  'A settlement would require the port authority to raise its pay offer to the dock workers.',
  'Talks between the union and the port authority might resume at the end of the week.',
  'Prolonged closures at the northern ports would push up prices for imported goods across the region.',
  'Farmers may lose part of the spring harvest if refrigerated containers stay stuck on the quays.',
);

describe('BLUF and key judgments', () => {
  const summary = fixture(() => summarize([wire, paper, institute]));
  const ids = [wire, paper, institute].flatMap((s) => s.sentences.map((x) => x.id));

  it('gives 2–4 BLUF sentences and 3–6 key judgments, all traced to sentences', () => {
    const { bluf, keyJudgments } = summary();
    expect(bluf.length).toBeGreaterThanOrEqual(2);
    expect(bluf.length).toBeLessThanOrEqual(4);
    expect(keyJudgments.length).toBeGreaterThanOrEqual(3);
    expect(keyJudgments.length).toBeLessThanOrEqual(6);
    for (const s of [...bluf, ...keyJudgments]) for (const id of s.evidence) expect(ids).toContain(id);
  });

  it('leaves out headings and sentences that are only a quote', () => {
    const { bluf, keyJudgments } = summary();
    const texts = [...bluf, ...keyJudgments].map((s) => s.text);
    expect(texts).not.toContain('Hurricane Delia nears the coast');
    expect(texts.some((t) => t.startsWith('“Everyone'))).toBe(false);
  });

  it('spreads the BLUF across sources and picks no near-duplicates', () => {
    const { bluf, keyJudgments } = summary();
    const sources = new Set(bluf.map((s) => s.evidence[0]?.split(':')[0]));
    expect(sources.size).toBeGreaterThanOrEqual(2);
    const picked = [...bluf, ...keyJudgments].map((s) => s.text);
    const { vectors } = tfidf(picked);
    for (let i = 0; i < vectors.length; i++) for (let j = i + 1; j < vectors.length; j++) expect(cosine(vectors[i]!, vectors[j]!)).toBeLessThan(0.5);
  });

  it('leads with the most central sentence: the landfall and evacuation story told by all three', () => {
    const { bluf } = summary();
    expect(bluf[0]?.text).toMatch(/landfall|evacuation/i);
  });

  it('gives key judgments a likelihood from their hedge and a confidence from corroborating sources', () => {
    const { keyJudgments } = summary();
    for (const kj of keyJudgments) {
      const sources = new Set(kj.evidence.map((id) => id.split(':')[0]));
      const expected = sources.size >= 3 ? 'high' : sources.size === 2 ? 'moderate' : 'low';
      expect(kj.confidence).toBe(expected);
    }
    expect(keyJudgments.some((kj) => kj.confidence !== 'low')).toBe(true);
    // Every judgment, hedged or not: the term of the hedge it is written with, null without one.
    for (const kj of keyJudgments) expect(kj.likelihood, kj.text).toBe(termOf(kj.text));
    expect(keyJudgments.some((kj) => kj.likelihood !== null)).toBe(true);
  });

  it('takes each key judgment’s likelihood from its own hedge when every candidate is hedged', () => {
    // Each sentence carries one hedge, so every judgment picked has one and must carry its term.
    const judgments = summarize([dockWire, dockPaper, dockAnalysis]).keyJudgments;
    expect(judgments.length).toBeGreaterThanOrEqual(2);
    for (const kj of judgments) {
      expect(termOf(kj.text), `a hedge in "${kj.text}"`).not.toBeNull();
      expect(kj.likelihood, kj.text).toBe(termOf(kj.text));
    }
  });

  it('is empty without sentences to rank', () => {
    expect(summarize([])).toEqual({ bluf: [], keyJudgments: [] });
  });

  it('is deterministic', () => {
    expect(summarize([wire, paper, institute])).toEqual(summarize([wire, paper, institute]));
  });
});
