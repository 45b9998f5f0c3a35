import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outline } from '../../pipeline/enrich/annotate/outline.js';
import { findScenarios, languageScenarios, similarTitles } from '../../pipeline/enrich/analyse/scenarios.js';
import type { Source } from '../../pipeline/model.js';
import { article, makeSource } from './helpers.js';

function scenariosOf(...sources: Source[]) {
  return findScenarios(sources, new Map(sources.map((s) => [s.id, outline(s)]))).scenarios;
}

const thinkTank = makeSource('thinktank', [
  { p: 'The coalition talks have entered their third week.' },
  { h: 'Three pathways after the election' },
  {
    list: [
      { text: 'Grand coalition:', items: ['The two largest parties share power under a rotating chancellorship.', 'Markets would welcome the continuity.'] },
      { text: 'Minority government:', items: ['The conservatives govern alone with case-by-case support.'] },
      { text: 'Fresh elections:', items: ['Talks collapse and voters return to the polls in spring.'] },
    ],
  },
  { p: 'Each pathway carries its own fiscal costs.' },
  { h: 'Market reaction' },
  { list: ['Bond yields rose by ten basis points.', 'The currency slipped against the dollar.'] },
]);

describe('scenarios from structure', () => {
  it('takes the items under a heading naming pathways, with sub-items as summary and evidence', () => {
    const scenarios = scenariosOf(thinkTank);
    expect(scenarios.map((s) => s.title)).toEqual(['Grand coalition', 'Minority government', 'Fresh elections']);
    const grand = scenarios[0];
    expect(grand?.summary).toBe('The two largest parties share power under a rotating chancellorship. Markets would welcome the continuity.');
    expect(grand?.evidence).toEqual(['thinktank:s3', 'thinktank:s4', 'thinktank:s5']);
    expect(grand?.sources).toEqual(['thinktank']);
    expect(grand?.confidence).toBe('low');
    expect(grand?.riskIds).toEqual([]);
  });

  it('ids are "sc-" and 8 hex of the sha256 of the normalized title', () => {
    const expected = createHash('sha256').update('grand coalition').digest('hex').slice(0, 8);
    expect(scenariosOf(thinkTank)[0]?.id).toBe(`sc-${expected}`);
  });

  it('reads flat text-style layouts: a lead line ending in a colon, then its items', () => {
    const wire = makeSource('wire', [
      { h: 'Options on the table' },
      { p: 'Tariff truce:' },
      { list: ['Both sides freeze duties at current levels for six months.'] },
      { p: 'Full trade war:' },
      { list: ['Duties double on all remaining goods by the autumn.', 'Farm exports would bear the brunt.'] },
    ]);
    const scenarios = scenariosOf(wire);
    expect(scenarios.map((s) => [s.title, s.evidence])).toEqual([
      ['Tariff truce', ['wire:s2', 'wire:s3']],
      ['Full trade war', ['wire:s4', 'wire:s5', 'wire:s6']],
    ]);
  });

  it('does not take a lead-in sentence ending in a colon as a scenario', () => {
    const source = makeSource('brief', [
      { h: 'Possible outcomes' },
      { p: 'Officials said the choices were these:' },
      {
        list: [
          'A negotiated settlement by the end of the year.',
          'Prolonged litigation: the case drags on for years in the courts.',
          'The regulator imposes a record fine on the company, which appeals while the market waits for a ruling.',
        ],
      },
    ]);
    expect(scenariosOf(source).map((s) => [s.title, s.summary])).toEqual([
      ['A negotiated settlement by the end of the year', ''],
      ['Prolonged litigation', 'the case drags on for years in the courts.'],
      ['The regulator imposes a record fine on the company', 'The regulator imposes a record fine on the company, which appeals while the market waits for a ruling.'],
    ]);
  });

  it('reads numbered scenario headings with their paragraphs', () => {
    const source = makeSource('bank', [
      { h: 'Scenario 1: Soft landing', depth: 3 },
      { p: 'Inflation returns to target without a rise in unemployment.' },
      { h: 'Scenario 2: Stagflation', depth: 3 },
      { p: 'Prices keep rising while output stalls.' },
    ]);
    expect(scenariosOf(source).map((s) => [s.title, s.summary, s.evidence])).toEqual([
      ['Soft landing', 'Inflation returns to target without a rise in unemployment.', ['bank:s1', 'bank:s2']],
      ['Stagflation', 'Prices keep rising while output stalls.', ['bank:s3', 'bank:s4']],
    ]);
  });

  it('ignores lists under other headings', () => {
    const titles = scenariosOf(thinkTank).map((s) => s.title);
    expect(titles).not.toContain('Bond yields rose by ten basis points');
  });
});

describe('scenarios from language', () => {
  it.each([
    ['Ministers are weighing options such as a fuel-duty cut or targeted rebates for poorer households.', ['Fuel-duty cut', 'Targeted rebates for poorer households']],
    ['Analysts see several outcomes, including a hung parliament and a narrow majority for the opposition.', ['Hung parliament', 'Narrow majority for the opposition']],
    ['The board outlined two scenarios: a friendly merger, a hostile bid.', ['Friendly merger', 'Hostile bid']],
    ['Forecasters have not ruled out the possibility of a second landfall near the border.', ['Second landfall near the border']],
    ['A settlement could involve the sale of the cable business, people familiar said.', ['Sale of the cable business']],
    ['Outcomes range from a quick recovery to a prolonged slump.', ['Quick recovery', 'Prolonged slump']],
    ['Investors price in outcomes such as a rate cut and a weaker currency, traders said.', ['Rate cut', 'Weaker currency']],
  ])('%s', (sentence, titles) => {
    expect(languageScenarios(sentence)).toEqual(titles);
  });

  it('finds nothing without a cue', () => {
    expect(languageScenarios('Two potential outcomes are under review.')).toEqual([]);
    expect(languageScenarios('The storm weakened overnight as it moved inland.')).toEqual([]);
  });

  it('strips nominal wrappers such as "the establishment of"', () => {
    expect(languageScenarios('Diplomats discussed outcomes including the establishment of a joint customs authority.')).toEqual(['Joint customs authority']);
  });
});

describe('merging scenarios across sources', () => {
  const wire = article('wire', 'Party leaders are weighing outcomes, including a grand coalition and fresh elections in the spring.');
  const paper = article('paper', 'Commentators increasingly raise the possibility of a grand coalition, however awkward.');

  it('merges the same scenario named in several sources, listing every source and sentence', () => {
    const scenarios = scenariosOf(thinkTank, wire, paper);
    const grand = scenarios.find((s) => s.title === 'Grand coalition');
    expect(grand?.sources).toEqual(['thinktank', 'wire', 'paper']);
    expect(grand?.evidence).toEqual(expect.arrayContaining(['thinktank:s3', 'wire:s1', 'paper:s1']));
    expect(grand?.confidence).toBe('high');
    expect(scenarios.find((s) => s.title === 'Fresh elections')?.confidence).toBe('moderate');
    expect(scenarios.filter((s) => /coalition/i.test(s.title))).toHaveLength(1);
  });

  it('orders scenarios by how many sources back them', () => {
    expect(scenariosOf(thinkTank, wire, paper)[0]?.title).toBe('Grand coalition');
  });

  it('gives the same ids whatever the order of the sources', () => {
    const ids = (list: Source[]) => scenariosOf(...list).map((s) => s.id).sort();
    expect(ids([thinkTank, wire, paper])).toEqual(ids([paper, wire, thinkTank]));
  });

  it('titles a merged scenario by its shortest wording, whatever the order of the sources', () => {
    const x = article('x', 'Analysts see outcomes including a grand coalition government and early elections.');
    const y = article('y', 'Commentators raise the possibility of a grand coalition.');
    const forward = scenariosOf(x, y).find((s) => /coalition/i.test(s.title));
    const backward = scenariosOf(y, x).find((s) => /coalition/i.test(s.title));
    expect(forward?.title).toBe('Grand coalition');
    expect(backward?.id).toBe(forward?.id);
  });

  it('adds sentences that name a scenario by most of its title words', () => {
    const extra = article('extra', 'A minority government would struggle to pass the budget.');
    const minority = scenariosOf(thinkTank, extra).find((s) => s.title === 'Minority government');
    expect(minority?.evidence).toContain('extra:s1');
    expect(minority?.sources).toEqual(['thinktank', 'extra']);
  });

  it('compares titles by word overlap with light stemming, not by synonyms', () => {
    expect(similarTitles('Demilitarised buffer zones', 'a demilitarized buffer zone under UN control')).toBe(true);
    expect(similarTitles('Grand coalition', 'Minority government')).toBe(false);
    expect(similarTitles('Rate cut', 'Rate hike')).toBe(false);
  });
});
