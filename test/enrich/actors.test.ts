import { describe, expect, it } from 'vitest';
import { findActors, isTitleCaseLine } from '../../pipeline/enrich/annotate/actors.js';
import { fixture } from '../support/fixture.js';
import { article, makeSource } from './helpers.js';

const centralBank = article(
  'ecb-wire',
  'FRANKFURT (Reuters) - The European Central Bank (ECB) kept interest rates unchanged on Thursday, ECB President Christine Lagarde told reporters in Frankfurt.',
  'Markets rallied after the decision. Lagarde said inflation was easing faster than expected.',
  "Lagarde's deputy Luis de Guindos warned that wage growth in Germany remained strong.",
);

const merger = article(
  'merger-broadsheet',
  'Acme Corp agreed to buy Globex Inc for $4bn, the companies said on Monday.',
  'Jane Doe, chief executive of Acme, said the deal would create the largest supplier in Europe.',
  "Ms Doe's rival, Hank Scorpio, called the bid hostile. Doe declined to comment further.",
);

describe('actors', () => {
  const central = fixture(() => {
    const { actors } = findActors([centralBank]);
    const byName = (name: string) => actors.find((a) => a.name === name);
    return { actors, byName };
  });

  it('splits a title from a name: "ECB President Christine Lagarde" → Christine Lagarde, role ECB President', () => {
    const { byName } = central();
    const lagarde = byName('Christine Lagarde');
    expect(lagarde?.kind).toBe('person');
    expect(lagarde?.role).toBe('ECB President');
  });

  it('merges the surname alone and its possessive into the full name', () => {
    const { actors, byName } = central();
    const lagarde = byName('Christine Lagarde');
    expect(lagarde?.mentions).toBe(3);
    expect(lagarde?.evidence).toEqual(['ecb-wire:s1', 'ecb-wire:s3', 'ecb-wire:s4']);
    expect(actors.filter((a) => a.name.includes('Lagarde'))).toHaveLength(1);
  });

  it('merges an acronym defined in brackets with its long name, counting the acronym inside a role', () => {
    const { byName } = central();
    const bank = byName('European Central Bank');
    expect(bank?.kind).toBe('organization');
    expect(bank?.mentions).toBe(3);
    expect(byName('ECB')).toBeUndefined();
  });

  it('knows places from a gazetteer of world knowledge', () => {
    const { byName } = central();
    expect(byName('Frankfurt')?.kind).toBe('place');
    expect(byName('Germany')?.kind).toBe('place');
  });

  it('keeps name particles inside a name and takes a lower-case role before it', () => {
    const { byName } = central();
    const guindos = byName('Luis de Guindos');
    expect(guindos?.kind).toBe('person');
    expect(guindos?.role).toBe('deputy');
  });

  it('leaves out days and sentence-initial common words', () => {
    const { byName } = central();
    expect(byName('Thursday')).toBeUndefined();
    expect(byName('Markets')).toBeUndefined();
    expect(byName('FRANKFURT')).toBeUndefined();
  });

  it('drops company-form suffixes when merging and reads roles from appositions', () => {
    const index = findActors([merger]);
    const acme = index.actors.find((a) => a.name.startsWith('Acme'));
    expect(acme?.kind).toBe('organization');
    expect(acme?.mentions).toBe(2);
    const doe = index.actors.find((a) => a.name === 'Jane Doe');
    expect(doe?.role).toBe('chief executive of Acme');
    expect(doe?.mentions).toBe(3);
    expect(index.actors.find((a) => a.name === 'Hank Scorpio')?.kind).toBe('person');
    expect(index.actors.find((a) => a.name === 'Europe')?.kind).toBe('place');
  });

  it('resolves written forms to the canonical actor and lists persons per sentence in order', () => {
    const index = findActors([centralBank]);
    expect(index.resolve('Lagarde')?.name).toBe('Christine Lagarde');
    expect(index.resolve('ECB President Christine Lagarde')?.name).toBe('Christine Lagarde');
    expect(index.resolve('ECB')?.name).toBe('European Central Bank');
    expect(index.resolve('Somebody Else')).toBeNull();
    expect(index.personsIn('ecb-wire:s4').map((a) => a.name)).toEqual(['Christine Lagarde', 'Luis de Guindos']);
  });

  it('counts mentions and sources across articles, most mentioned first', () => {
    const second = article('ecb-analysis', 'Christine Lagarde faces a divided council in Frankfurt. Lagarde has little room to cut.');
    const { actors: both } = findActors([centralBank, second]);
    expect(both[0]?.name).toBe('Christine Lagarde');
    expect(both[0]?.sources).toEqual(['ecb-wire', 'ecb-analysis']);
    expect(both[0]?.mentions).toBe(5);
  });

  it('takes no names from headings or title-case lines, and none from outlets the story came via', () => {
    const source = makeSource(
      'election',
      [{ h: 'Senate Race Tightens In Ohio' }, { p: 'Senator Maria Lopez leads in Ohio, the Dispatch reported.' }, { list: ['Key Swing Counties:'] }],
      { via: ['Dispatch'] },
    );
    const names = findActors([source]).actors.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Maria Lopez', 'Ohio']));
    expect(names).not.toContain('Senate Race');
    expect(names).not.toContain('Key Swing Counties');
    expect(names).not.toContain('Dispatch');
    expect(findActors([source]).actors.find((a) => a.name === 'Ohio')?.mentions).toBe(1);
  });

  it('counts a nationality as a mention of its country: alone, in a role, and leading a compound', () => {
    const source = article(
      'gas-wire',
      'Russian President Vladimir Putin met German officials in Moscow.',
      'Russian-backed forces shelled the town. Russia denied the report. Pro-Russian groups rallied in Odesa.',
      'South African miners joined the protest.',
    );
    const { actors: found } = findActors([source]);
    const named = (name: string) => found.find((a) => a.name === name);
    expect(named('Russia')).toMatchObject({ kind: 'place', mentions: 3, evidence: ['gas-wire:s1', 'gas-wire:s2', 'gas-wire:s3'] });
    expect(named('Germany')).toMatchObject({ kind: 'place', mentions: 1 });
    expect(named('South Africa')).toMatchObject({ kind: 'place', mentions: 1 });
    expect(named('Vladimir Putin')?.role).toBe('Russian President');
    expect(found.filter((a) => /^(?:Russian|German|South African|Pro-Russian)$/.test(a.name))).toEqual([]);
  });

  it('tells title-case lines from sentences', () => {
    expect(isTitleCaseLine('Security Guarantees for Allies:')).toBe(true);
    expect(isTitleCaseLine('Senator Maria Lopez leads in Ohio.')).toBe(false);
  });
});

describe('actor ids, aliases and role evidence', () => {
  it('gives one stable id per actor, keeps the other written forms, and the sentence that ties the role', () => {
    const a = article('a', 'The debate opened at noon. Home Secretary Hazel Blears said the plan was sound. Blears later left.');
    const { actors } = findActors([a]);
    const blears = actors.find((x) => x.name === 'Hazel Blears');
    expect(blears?.id).toMatch(/^ac-[0-9a-f]{8}$/);
    expect(blears?.aliases).toContain('Blears');
    expect(blears?.role).toMatch(/Secretary/);
    expect(blears?.roleEvidence).toBe('a:s2');
    expect(findActors([a]).actors.find((x) => x.name === 'Hazel Blears')?.id).toBe(blears?.id);
    expect(new Set(actors.map((x) => x.id)).size).toBe(actors.length);
  });
});
