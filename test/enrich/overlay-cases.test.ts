// The overlay's edge cases: warnings without places, merges that name too little or chain, risk edits
// that restate what the build has.
import { describe, expect, it } from 'vitest';
import { contentId } from '../../pipeline/enrich/annotate/ids.js';
import { enrich } from '../../pipeline/enrich/index.js';
import { Brief, type Overlay } from '../../pipeline/model.js';
import { briefWith, overlayOf, paper, risk, scenario, warnings, wire } from './coalition.js';
import { context } from './helpers.js';

const ids = () => ({
  GRAND: contentId('sc', 'Grand coalition'),
  MINORITY: contentId('sc', 'Minority government'),
  FRESH: contentId('sc', 'Fresh elections'),
  SUPPORT: contentId('rk', 'A minority government would require support from regional parties for every vote.'),
});

describe('overlay warnings', () => {
  it('point at the entry’s line and column in brief.yaml', () => {
    const brief = briefWith('scenarios:\n  sc-00000000: { title: Nothing }\n');
    expect(brief.diagnostics.filter((d) => d.ruleId === 'overlay/unmatched').map((d) => [d.file, d.line, d.column, d.message])).toEqual([['seeds/brief.yaml', 2, 3, 'scenarios.sc-00000000: no scenario sc-00000000 in this build']]);
  });

  it('of an overlay written without places, still come, at line 0', () => {
    const overlay: Overlay = { ...overlayOf('scenarios:\n  sc-00000000: { title: Nothing }\n') };
    delete overlay.places;
    const brief = Brief.parse(enrich([paper, wire], context({ overlay })));
    expect(brief.diagnostics.filter((d) => d.ruleId === 'overlay/unmatched').map((d) => [d.line, d.column, d.message])).toEqual([[0, 0, 'scenarios.sc-00000000: no scenario sc-00000000 in this build']]);
  });
});

describe('overlay merges', () => {
  it('a merge naming no scenario of this build changes nothing', () => {
    const brief = briefWith('scenarios:\n  merge:\n    - [sc-11111111, sc-22222222]\n');
    expect(warnings(brief)).toEqual(['seeds/brief.yaml:3 scenarios.merge.0.0: no scenario sc-11111111 in this build to merge', 'seeds/brief.yaml:3 scenarios.merge.0.1: no scenario sc-22222222 in this build to merge']);
    expect(brief.scenarios.map((s) => s.edits)).toEqual([[], [], []]);
  });

  it('a merge naming one scenario of this build leaves it unmerged', () => {
    const { GRAND } = ids();
    const brief = briefWith(`scenarios:\n  merge:\n    - [${GRAND}, sc-11111111]\n`);
    expect(scenario(brief, GRAND)?.edits).toEqual([]);
    expect(brief.scenarios).toHaveLength(3);
  });

  it('merges chain: a scenario merged into one that is merged in turn ends in the last survivor', () => {
    const { GRAND, MINORITY, FRESH } = ids();
    const brief = briefWith(`scenarios:\n  merge:\n    - [${GRAND}, ${MINORITY}]\n    - [${FRESH}, ${GRAND}]\n    - [${MINORITY}, ${FRESH}]\n`);
    expect(warnings(brief)).toEqual([]);
    expect(brief.scenarios.map((s) => [s.id, s.edits])).toEqual([[FRESH, ['merge']]]);
  });
});

describe('overlay risk edits', () => {
  it('a new statement replaces the source’s and is marked as edited', () => {
    const { SUPPORT } = ids();
    expect(risk(briefWith(`risks:\n  ${SUPPORT}: { statement: Regional parties hold the balance. }\n`), SUPPORT)).toMatchObject({ statement: 'Regional parties hold the balance.', edits: ['statement'] });
  });

  it('restating what the build already has is no edit: same statement, likelihood or impact', () => {
    const { SUPPORT } = ids();
    const brief = briefWith(`risks:\n  ${SUPPORT}: { statement: A minority government would require support from regional parties for every vote., likelihood: unlikely, impact: medium }\n`);
    expect(risk(brief, SUPPORT)).toMatchObject({ likelihood: { term: 'unlikely', cue: 'would require' }, impact: 'medium', score: 6, edits: [] });
  });

  it('a note alone keeps the risk’s likelihood and impact', () => {
    const { SUPPORT } = ids();
    expect(risk(briefWith(`risks:\n  ${SUPPORT}: { note: Check the whip count. }\n`), SUPPORT)).toMatchObject({ likelihood: { term: 'unlikely', cue: 'would require' }, impact: 'medium', note: 'Check the whip count.', edits: [] });
  });
});
