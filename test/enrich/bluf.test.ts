import { describe, expect, it } from 'vitest';
import { summarize } from '../../pipeline/enrich/bluf.js';
import { cosine, tfidf } from '../../pipeline/enrich/similarity.js';
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

describe('BLUF and key judgments', () => {
  const { bluf, keyJudgments } = summarize([wire, paper, institute]);
  const ids = [wire, paper, institute].flatMap((s) => s.sentences.map((x) => x.id));

  it('gives 2–4 BLUF sentences and 3–6 key judgments, all traced to sentences', () => {
    expect(bluf.length).toBeGreaterThanOrEqual(2);
    expect(bluf.length).toBeLessThanOrEqual(4);
    expect(keyJudgments.length).toBeGreaterThanOrEqual(3);
    expect(keyJudgments.length).toBeLessThanOrEqual(6);
    for (const s of [...bluf, ...keyJudgments]) for (const id of s.evidence) expect(ids).toContain(id);
  });

  it('leaves out headings and sentences that are only a quote', () => {
    const texts = [...bluf, ...keyJudgments].map((s) => s.text);
    expect(texts).not.toContain('Hurricane Delia nears the coast');
    expect(texts.some((t) => t.startsWith('“Everyone'))).toBe(false);
  });

  it('spreads the BLUF across sources and picks no near-duplicates', () => {
    const sources = new Set(bluf.map((s) => s.evidence[0]?.split(':')[0]));
    expect(sources.size).toBeGreaterThanOrEqual(2);
    const picked = [...bluf, ...keyJudgments].map((s) => s.text);
    const { vectors } = tfidf(picked);
    for (let i = 0; i < vectors.length; i++) for (let j = i + 1; j < vectors.length; j++) expect(cosine(vectors[i]!, vectors[j]!)).toBeLessThan(0.5);
  });

  it('leads with the most central sentence: the landfall and evacuation story told by all three', () => {
    expect(bluf[0]?.text).toMatch(/landfall|evacuation/i);
  });

  it('gives key judgments a likelihood from their hedge and a confidence from corroborating sources', () => {
    for (const kj of keyJudgments) {
      const sources = new Set(kj.evidence.map((id) => id.split(':')[0]));
      const expected = sources.size >= 3 ? 'high' : sources.size === 2 ? 'moderate' : 'low';
      expect(kj.confidence).toBe(expected);
    }
    expect(keyJudgments.some((kj) => kj.confidence !== 'low')).toBe(true);
    const hedged = keyJudgments.find((kj) => kj.text.includes('will probably'));
    if (hedged) expect(hedged.likelihood).toBe('likely');
    expect(keyJudgments.every((kj) => kj.likelihood === null || typeof kj.likelihood === 'string')).toBe(true);
  });

  it('is empty without sentences to rank', () => {
    expect(summarize([])).toEqual({ bluf: [], keyJudgments: [] });
  });

  it('is deterministic', () => {
    expect(summarize([wire, paper, institute])).toEqual(summarize([wire, paper, institute]));
  });
});
