// The analyst's overlay applied to the analysis: rename, merge, add, suppress, override, with
// warnings at brief.yaml:line for entries that match nothing, and a brief left with no dangling id.
import { describe, expect, it } from 'vitest';
import { contentId } from '../../pipeline/enrich/annotate/ids.js';
import { enrich } from '../../pipeline/enrich/index.js';
import { Brief, Risk, Scenario } from '../../pipeline/model.js';
import { fixture } from '../support/fixture.js';
import { briefWith, paper, risk, scenario, warnings, wire } from './coalition.js';
import { context } from './helpers.js';

// Ids come from the wording, so the analyst can write them once and keep them across rebuilds.
const named = fixture(() => ({
  GRAND: contentId('sc', 'Grand coalition'),
  MINORITY: contentId('sc', 'Minority government'),
  FRESH: contentId('sc', 'Fresh elections'),
  COLLAPSE: contentId('rk', 'A grand coalition could collapse over the budget, triggering a crisis.'),
  SUPPORT: contentId('rk', 'A minority government would require support from regional parties for every vote.'),
  DELAY: contentId('rk', 'Markets fear fresh elections could delay the budget until autumn.'),
}));

describe('the overlay', () => {
  const unedited = fixture(() => Brief.parse(enrich([paper, wire], context())));

  it('finds what the edits below name, with the ids derived from the wording', () => {
    const { GRAND, MINORITY, FRESH, COLLAPSE, SUPPORT, DELAY } = named();
    const plain = unedited();
    expect(plain.scenarios.map((s) => s.id).sort()).toEqual([GRAND, MINORITY, FRESH].sort());
    expect(plain.risks.map((r) => r.id)).toEqual(expect.arrayContaining([COLLAPSE, SUPPORT, DELAY]));
    expect(risk(plain, DELAY)?.scenarioIds).toEqual([FRESH]);
  });

  it('renames a scenario, keeping its id so the overlay applies again next build', () => {
    const { MINORITY } = named();
    const plain = unedited();
    const brief = briefWith(`scenarios:\n  ${MINORITY}: { title: Conservative minority, note: The board's term }\n`);
    expect(scenario(brief, MINORITY)).toMatchObject({ title: 'Conservative minority', note: "The board's term", edits: ['title'], origin: 'sources' });
    expect(scenario(brief, MINORITY)?.evidence).toEqual(scenario(plain, MINORITY)?.evidence);
  });

  it('merges scenarios into the first named: sources, evidence and risks unioned, the merged id gone everywhere', () => {
    const { MINORITY, FRESH, SUPPORT, DELAY } = named();
    const plain = unedited();
    const brief = briefWith(`scenarios:\n  merge: [${MINORITY}, ${FRESH}]\n`);
    const merged = scenario(brief, MINORITY);
    expect(scenario(brief, FRESH)).toBeUndefined();
    expect(merged?.sources).toEqual(['paper', 'wire']);
    expect(merged?.evidence).toEqual([...new Set([...(scenario(plain, MINORITY)?.evidence ?? []), ...(scenario(plain, FRESH)?.evidence ?? [])])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(merged?.riskIds.sort()).toEqual([SUPPORT, DELAY].sort());
    expect(risk(brief, DELAY)?.scenarioIds).toEqual([MINORITY]);
    expect(merged?.edits).toEqual(['merge']);
    // Weighed again on all its sources: the wire story now backs it too.
    expect(scenario(plain, MINORITY)?.corroboration).toBe(1);
    expect(merged).toMatchObject({ corroboration: 2, confidence: 'moderate', credibility: { rating: 1 } });
  });

  it('adds a scenario and a risk with the analyst’s note, no evidence, and credibility that cannot be judged', () => {
    const { GRAND } = named();
    const brief = briefWith(`scenarios:
  add:
    - title: Caretaker government
      summary: The outgoing cabinet stays on until spring.
      note: Precedent of 2017.
risks:
  add:
    - statement: A caretaker cabinet could miss the budget deadline.
      likelihood: likely
      impact: high
      scenarios: [caretaker government, ${GRAND}]
      note: Budget calendar.
      confidence: moderate
`);
    const caretaker = scenario(brief, contentId('sc', 'Caretaker government'));
    const added = risk(brief, contentId('rk', 'A caretaker cabinet could miss the budget deadline.'));
    expect(caretaker).toMatchObject({ origin: 'analyst', note: 'Precedent of 2017.', evidence: [], sources: [], corroboration: 0, confidence: 'low' });
    expect(caretaker?.credibility).toMatchObject({ rating: 6, label: 'cannot be judged' });
    expect(added).toMatchObject({ origin: 'analyst', evidence: [], likelihood: { term: 'likely', band: '55–80 %', cue: null }, impact: 'high', score: 15, confidence: 'moderate' });
    expect(added?.scenarioIds).toEqual([caretaker?.id, GRAND]);
    expect(caretaker?.riskIds).toEqual([added?.id]);
    expect(scenario(brief, GRAND)?.riskIds).toContain(added?.id);
  });

  it('suppresses scenarios, risks, actors, quotes and signposts, and no link is left to what went', () => {
    const { MINORITY, FRESH, SUPPORT, DELAY } = named();
    const plain = unedited();
    const quote = plain.quotes[0]?.id;
    const signpost = plain.signposts.find((s) => s.text.includes('regional parties'))?.id;
    const brief = briefWith(`scenarios:\n  suppress: [${FRESH}]\nrisks:\n  suppress: [${SUPPORT}]\nactors:\n  suppress: [ina berg]\nquotes:\n  suppress: [${quote}]\nsignposts:\n  suppress: [${signpost}]\n`);
    expect(scenario(brief, FRESH)).toBeUndefined();
    expect(risk(brief, DELAY)?.scenarioIds).toEqual([]);
    expect(risk(brief, SUPPORT)).toBeUndefined();
    expect(scenario(brief, MINORITY)?.riskIds).toEqual([]);
    expect(brief.actors.map((a) => a.name)).not.toContain('Ina Berg');
    expect(plain.actors.map((a) => a.name)).toContain('Ina Berg');
    expect(brief.quotes).toEqual([]);
    expect(brief.signposts.map((s) => s.id)).not.toContain(signpost);
    expect(warnings(brief)).toEqual([]);
  });

  it('overrides likelihood and impact, drops the source’s cue, recomputes the score and re-ranks the risks', () => {
    const { SUPPORT } = named();
    const plain = unedited();
    expect(risk(plain, SUPPORT)).toMatchObject({ likelihood: { term: 'unlikely', cue: 'would require' }, impact: 'medium', score: 6 });
    const brief = briefWith(`risks:\n  ${SUPPORT}: { likelihood: almost certain, impact: high, note: Whip count }\n`);
    expect(risk(brief, SUPPORT)).toMatchObject({ likelihood: { term: 'almost certain', band: '95–99 %', cue: null }, impact: 'high', score: 21, note: 'Whip count', edits: ['likelihood', 'impact'] });
    expect(brief.risks[0]?.id).toBe(SUPPORT);
    expect(brief.risks.map((r) => r.score)).toEqual([...brief.risks.map((r) => r.score)].sort((a, b) => b - a));
  });

  it('warns, at the brief.yaml line, about every entry that matches nothing, and applies the rest', () => {
    const { GRAND, FRESH, COLLAPSE } = named();
    const brief = briefWith(`title: Coalition watch
scenarios:
  sc-00000000: { title: Nothing }
  ${FRESH}: { title: Snap election }
  merge:
    - [${GRAND}, ${FRESH}, sc-11111111]
  suppress: [sc-22222222]
risks:
  rk-33333333: { impact: low }
  suppress: [${COLLAPSE}, rk-44444444]
  add:
    - { statement: Talks could stall., likelihood: likely, impact: low, scenarios: [Nowhere], note: Hunch. }
actors:
  suppress: [Nobody Known]
`);
    expect(warnings(brief)).toEqual([
      'seeds/brief.yaml:3 scenarios.sc-00000000: no scenario sc-00000000 in this build',
      `seeds/brief.yaml:4 scenarios.${FRESH}: scenario ${FRESH} was merged into ${GRAND}: edit that one`,
      'seeds/brief.yaml:6 scenarios.merge.0.2: no scenario sc-11111111 in this build to merge',
      'seeds/brief.yaml:7 scenarios.suppress.0: no scenario sc-22222222 in this build',
      'seeds/brief.yaml:9 risks.rk-33333333: no risk rk-33333333 in this build',
      'seeds/brief.yaml:10 risks.suppress.1: no risk rk-44444444 in this build',
      'seeds/brief.yaml:12 risks.add.0.scenarios.0: no scenario Nowhere in this build, by id or title',
      'seeds/brief.yaml:14 actors.suppress.0: no actor named "Nobody Known" in this build',
    ]);
    expect(brief.diagnostics.filter((d) => d.ruleId === 'overlay/unmatched').every((d) => d.severity === 'warning')).toBe(true);
    expect(brief.title).toBe('Coalition watch');
    expect(scenario(brief, GRAND)?.edits).toEqual(['merge']);
    expect(risk(brief, COLLAPSE)).toBeUndefined();
    expect(risk(brief, contentId('rk', 'Talks could stall.'))?.scenarioIds).toEqual([]);
  });

  it('warns about an addition that repeats an item already there, and keeps the one from the sources', () => {
    const { GRAND } = named();
    const brief = briefWith('scenarios:\n  add:\n    - { title: grand coalition, note: Again. }\n');
    expect(warnings(brief)).toEqual([`seeds/brief.yaml:3 scenarios.add.0: a scenario titled "grand coalition" is already there as ${GRAND}: edit it instead`]);
    expect(scenario(brief, GRAND)?.origin).toBe('sources');
  });

  it('applies the same way whatever the order of the sources', () => {
    const { GRAND, MINORITY, FRESH, DELAY } = named();
    const yaml = `scenarios:\n  merge: [${MINORITY}, ${FRESH}]\n  ${GRAND}: { title: Grand bargain }\nrisks:\n  ${DELAY}: { impact: high }\n`;
    const a = briefWith(yaml);
    const b = briefWith(yaml, [wire, paper]);
    const key = (brief: Brief) => JSON.stringify([brief.scenarios.map((s) => [s.id, s.title, [...s.riskIds].sort()]).sort(), brief.risks.map((r) => [r.id, r.score]).sort()]);
    expect(key(b)).toBe(key(a));
  });
});

describe('items without evidence', () => {
  const base = { id: 'sc-0123abcd', title: 'T', summary: '', sources: [], evidence: [], riskIds: [], confidence: 'low' as const };

  it('are the analyst’s, with a note; an item from the sources must cite a sentence', () => {
    expect(Scenario.safeParse({ ...base, origin: 'analyst', note: 'Why' }).success).toBe(true);
    expect(Scenario.safeParse({ ...base, origin: 'analyst' }).error?.issues[0]).toMatchObject({ path: ['note'] });
    expect(Scenario.safeParse(base).error?.issues[0]).toMatchObject({ path: ['evidence'] });
    const added = { id: 'rk-0123abcd', statement: 'S', scenarioIds: [], likelihood: { term: 'likely', band: '55–80 %', cue: null }, impact: 'low', score: 5, evidence: [], sources: [] };
    expect(Risk.safeParse({ ...added, origin: 'analyst', note: 'Why' }).success).toBe(true);
    expect(Risk.safeParse(added).success).toBe(false);
  });
});
