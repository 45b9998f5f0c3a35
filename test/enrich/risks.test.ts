import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outline } from '../../pipeline/enrich/annotate/outline.js';
import { speaksOfRisk } from '../../pipeline/enrich/analyse/risk-language.js';
import { findRisks, withRiskIds } from '../../pipeline/enrich/analyse/risks.js';
import { findScenarios } from '../../pipeline/enrich/analyse/scenarios.js';
import type { Source } from '../../pipeline/model.js';
import { article, makeSource } from './helpers.js';

function analyse(...sources: Source[]) {
  const outlines = new Map(sources.map((s) => [s.id, outline(s)]));
  const { scenarios, structuralIds } = findScenarios(sources, outlines);
  const risks = findRisks(sources, outlines, scenarios, structuralIds);
  return { scenarios: withRiskIds(scenarios, risks), risks };
}

const tradeAnalysis = makeSource('trade', [
  { p: 'Negotiators from both blocs meet again on Monday.' },
  { h: 'Two scenarios for the steel dispute' },
  {
    list: [
      { text: 'Tariff truce:', items: ['Both sides freeze duties for six months without escalating the dispute.'] },
      { text: 'Quota deal:', items: ['Exporters accept annual quotas in exchange for lower duties.'] },
    ],
  },
  { h: 'Risks and challenges' },
  { p: 'Analysts flag two risks:' },
  {
    list: [
      'A tariff truce could collapse if either side imposes new duties, escalating the dispute.',
      'A quota deal would require monitoring by customs agencies and substantial resources.',
    ],
  },
  { p: 'Smaller exporters might lose market share to state-backed rivals.' },
  { h: 'Outlook' },
  { p: 'Economists warn the dispute could push the region into recession. Officials hope to reduce the risk of retaliation.' },
]);

describe('risks', () => {
  it('takes the items and sentences of a risk section, skipping the lead-in', () => {
    const { risks } = analyse(tradeAnalysis);
    const statements = risks.map((r) => r.statement);
    expect(statements).toEqual(
      expect.arrayContaining([
        'A tariff truce could collapse if either side imposes new duties, escalating the dispute.',
        'A quota deal would require monitoring by customs agencies and substantial resources.',
        'Smaller exporters might lose market share to state-backed rivals.',
      ]),
    );
    expect(statements).not.toContain('Analysts flag two risks:');
  });

  it('finds risk-cue sentences elsewhere, but not mitigations or scenario descriptions', () => {
    const statements = analyse(tradeAnalysis).risks.map((r) => r.statement);
    expect(statements).toContain('Economists warn the dispute could push the region into recession.');
    expect(statements).not.toContain('Officials hope to reduce the risk of retaliation.');
    expect(statements).not.toContain('Both sides freeze duties for six months without escalating the dispute.');
    expect(statements).toHaveLength(4);
  });

  it('maps likelihood from the statement’s own hedge and impact from what is at stake, score = rank × rank', () => {
    const { risks } = analyse(tradeAnalysis);
    const recession = risks.find((r) => r.statement.includes('recession'));
    expect(recession?.likelihood).toEqual({ term: 'roughly even chance', band: '45–55 %', cue: 'could' });
    expect(recession?.impact).toBe('high');
    expect(recession?.score).toBe(12);
    const quota = risks.find((r) => r.statement.includes('quota'));
    expect(quota?.likelihood.cue).toBe('would require');
    expect(quota?.impact).toBe('medium');
    expect(quota?.score).toBe(6);
    expect(risks.map((r) => r.score)).toEqual([...risks.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('links each risk to the scenarios it speaks of, and scenarios back to their risks', () => {
    const { risks, scenarios } = analyse(tradeAnalysis);
    const truce = scenarios.find((s) => s.title === 'Tariff truce');
    const quotaDeal = scenarios.find((s) => s.title === 'Quota deal');
    const truceRisk = risks.find((r) => r.statement.startsWith('A tariff truce'));
    const quotaRisk = risks.find((r) => r.statement.startsWith('A quota deal'));
    expect(truceRisk?.scenarioIds).toEqual([truce?.id]);
    expect(quotaRisk?.scenarioIds).toEqual([quotaDeal?.id]);
    expect(risks.find((r) => r.statement.startsWith('Smaller exporters'))?.scenarioIds).toEqual([]);
    expect(truce?.riskIds).toEqual([truceRisk?.id]);
    expect(quotaDeal?.riskIds).toEqual([quotaRisk?.id]);
  });

  it('ids are "rk-" and 8 hex of the sha256 of the normalized statement', () => {
    const { risks } = analyse(article('storm', 'The storm surge could breach the harbour wall.'));
    const expected = createHash('sha256').update('the storm surge could breach the harbour wall').digest('hex').slice(0, 8);
    expect(risks.map((r) => r.id)).toEqual([`rk-${expected}`]);
  });

  it('merges near-identical risks across sources, keeping every source and sentence', () => {
    const a = article('wire', 'Forecasters warn the storm surge could breach the harbour wall on Friday.');
    const b = article('paper', 'Residents were told to leave. Forecasters warn the storm surge could breach the harbour wall by Friday.');
    const { risks } = analyse(a, b);
    expect(risks).toHaveLength(1);
    expect(risks[0]?.sources).toEqual(['wire', 'paper']);
    expect(risks[0]?.evidence).toEqual(['wire:s1', 'paper:s2']);
  });

  it('names a merged risk by its shortest wording, so its id does not depend on the order of the sources', () => {
    const a = article('wire', 'Forecasters warn the storm surge could breach the harbour wall on Friday.');
    const b = article('paper', 'Forecasters warn the storm surge could breach the old harbour wall on Friday.');
    const forward = analyse(b, a).risks;
    const backward = analyse(a, b).risks;
    expect(forward).toHaveLength(1);
    expect(forward[0]?.statement).toBe('Forecasters warn the storm surge could breach the harbour wall on Friday.');
    expect(backward[0]?.id).toBe(forward[0]?.id);
  });

  it('keeps a statement and its negation apart', () => {
    const a = article('wire', 'Union leaders warn the strike will spread to the northern ports next week.');
    const b = article('paper', 'Union leaders warn the strike will not spread to the northern ports next week.');
    const { risks } = analyse(a, b);
    expect(risks.map((r) => r.evidence)).toEqual([['wire:s1'], ['paper:s1']]);
  });

  it('reads risk cues generally, and not inside names', () => {
    expect(speaksOfRisk('The merger raises concerns about hospital prices.')).toBe(true);
    expect(speaksOfRisk('The plan is unsustainable without new funding.')).toBe(true);
    expect(speaksOfRisk('The union refused to negotiate over pensions.')).toBe(true);
    expect(speaksOfRisk('The new levees should lower the risk of flooding.')).toBe(false);
    expect(speaksOfRisk('Analysts at the International Crisis Group met on Monday.')).toBe(false);
  });

  it('finds no risk in a calm text', () => {
    expect(analyse(article('calm', 'The bakery opened a second branch on the high street.')).risks).toEqual([]);
  });
});
