import { describe, expect, it } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { Brief, unresolvedEvidence, type Diagnostic, type Source } from '../../pipeline/model.js';
import { fixture } from '../support/fixture.js';
import { article, context, makeSource } from './helpers.js';

const merger = makeSource(
  'merger-wire',
  [
    { p: 'Acme Corp agreed to buy Globex Inc for $4bn on Monday, creating the largest maker of industrial sensors in Europe. Acme chief executive Jane Doe said the deal would close next year.' },
    { p: '“This deal gives us the scale to compete with Asian rivals,” Doe told analysts.' },
    { h: 'Possible outcomes' },
    { list: [{ text: 'Clearance with remedies:', items: ['Regulators approve the deal if Acme sells its Dutch plant.'] }, { text: 'Outright block:', items: ['The European Commission blocks the merger after an in-depth probe.'] }] },
    { h: 'Risks' },
    { list: ['An outright block would cost Acme a break fee of $300m.', 'Integration delays could erode the promised savings.'] },
  ],
  { title: 'Acme to buy Globex for $4bn' },
);
const analysis = article(
  'merger-analysis',
  'Competition lawyers say an outright block by the European Commission is unlikely but not impossible. Acme has offered remedies including the sale of its Dutch plant.',
  'The timetable will depend on whether the Commission opens an in-depth probe. Jane Doe has staked her tenure on the deal.',
);

describe('enrich', () => {
  const enriched = fixture(() => enrich([merger, analysis], context()));

  it('returns a Brief that passes the schema with every evidence id resolved', () => {
    const brief = enriched();
    expect(() => Brief.parse(brief)).not.toThrow();
    expect(unresolvedEvidence(brief)).toEqual([]);
    expect(brief.sources).toEqual([merger, analysis]);
  });

  it('fills every part of the analysis', () => {
    const brief = enriched();
    expect(brief.scenarios.map((s) => s.title)).toEqual(['Outright block', 'Clearance with remedies']);
    expect(brief.scenarios[0]?.sources).toEqual(['merger-wire', 'merger-analysis']);
    expect(brief.risks.length).toBeGreaterThanOrEqual(2);
    expect(brief.actors.find((a) => a.name === 'Jane Doe')?.role).toBe('Acme chief executive');
    expect(brief.quotes).toEqual([{ id: expect.stringMatching(/^qt-[0-9a-f]{8}$/), text: 'This deal gives us the scale to compete with Asian rivals', speaker: 'Jane Doe', said: 'Doe', actorId: brief.actors.find((a) => a.name === 'Jane Doe')?.id, evidence: 'merger-wire:s3', storyId: brief.stories[0]?.id }]);
    expect(brief.quotes[0]?.actorId).toMatch(/^ac-[0-9a-f]{8}$/);
    expect(brief.signposts.map((s) => s.evidence)).toContainEqual(['merger-analysis:s3']);
    expect(brief.bluf.length).toBeGreaterThanOrEqual(2);
    expect(brief.keyJudgments.length).toBeGreaterThanOrEqual(3);
  });

  it('links the break-fee risk to the outright-block scenario', () => {
    const brief = enriched();
    const block = brief.scenarios.find((s) => s.title === 'Outright block');
    const fee = brief.risks.find((r) => r.statement.includes('break fee'));
    expect(fee?.scenarioIds).toEqual([block?.id]);
    expect(block?.riskIds).toContain(fee?.id);
  });

  it('titles the brief from the overlay, else a single source, else the most mentioned actors', () => {
    const brief = enriched();
    expect(enrich([merger, analysis], context({ overlay: { title: 'Sensor merger' } })).title).toBe('Sensor merger');
    expect(enrich([merger], context()).title).toBe('Acme to buy Globex for $4bn');
    expect(brief.title).toBe(`Briefing: ${brief.actors[0]?.name}, ${brief.actors[1]?.name}`);
    expect(brief.title).toBe('Briefing: Acme Corp, Jane Doe');
  });

  it('takes lang, subtitle, audience and marking from the overlay, generatedAt from the context', () => {
    const b = enrich([merger], context({ overlay: { lang: 'en-GB', subtitle: 'Deal watch', audience: 'Board', marking: 'INTERNAL' }, generatedAt: '2030-01-02T03:04:05.000Z' }));
    expect([b.lang, b.subtitle, b.audience, b.marking, b.generatedAt]).toEqual(['en-GB', 'Deal watch', 'Board', 'INTERNAL', '2030-01-02T03:04:05.000Z']);
    expect(enrich([{ ...merger, lang: 'fr' }], context()).lang).toBe('fr');
  });

  it('carries the context’s diagnostics first and adds its own', () => {
    const given: Diagnostic = { file: 'seeds/x.txt', line: 1, column: 1, severity: 'warning', ruleId: 'not-utf8', message: 'm' };
    const b = enrich([article('calm', 'The bakery opened a second branch on the high street.')], context({ diagnostics: [given] }));
    expect(b.diagnostics[0]).toEqual(given);
    expect(b.diagnostics.map((d) => d.ruleId)).toEqual(['not-utf8', 'enrich/no-scenarios', 'enrich/no-risks', 'enrich/no-signposts']);
  });

  it('builds a valid brief from no sources and warns about an empty one', () => {
    const empty: Source = { ...article('empty', 'x'), sentences: [], tree: { type: 'root', children: [] } };
    const b = enrich([empty], context());
    expect(() => Brief.parse(b)).not.toThrow();
    expect(b.diagnostics.find((d) => d.ruleId === 'enrich/empty-source')).toMatchObject({ file: 'seeds/empty.md', severity: 'warning' });
    const none = enrich([], context());
    expect(() => Brief.parse(none)).not.toThrow();
    expect(none.title).toBe('Briefing');
  });

  it('is pure: the same input gives the same brief, and input order does not change ids', () => {
    const brief = enriched();
    expect(JSON.stringify(enrich([merger, analysis], context()))).toBe(JSON.stringify(brief));
    const reversed = enrich([analysis, merger], context());
    expect(reversed.scenarios.map((s) => s.id).sort()).toEqual(brief.scenarios.map((s) => s.id).sort());
    expect(reversed.risks.map((r) => r.id).sort()).toEqual(brief.risks.map((r) => r.id).sort());
  });

  // Speed is measured by `make bench`, not here: this checks that a large pack stays sound.
  it('enriches 100 news-length articles into a valid brief whose evidence resolves', () => {
    const sources = Array.from({ length: 100 }, (_, k) => syntheticArticle(k));
    const big = Brief.parse(enrich(sources, context()));
    expect(unresolvedEvidence(big)).toEqual([]);
    expect(new Set(big.actors.flatMap((a) => a.sources)).size).toBeGreaterThan(50);
  });
});

/** A deterministic article of about 600 words: varied vocabulary, names, quotes, hedges. */
function syntheticArticle(k: number): Source {
  let seed = 1000 + k;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const nouns = ['tariff', 'port', 'election', 'storm', 'bank', 'merger', 'budget', 'pension', 'refinery', 'harvest', 'court', 'union', 'airline', 'vaccine', 'reservoir', 'bond', 'currency', 'grid', 'hospital', 'factory'];
  const verbs = ['raised', 'delayed', 'approved', 'blocked', 'reviewed', 'cut', 'expanded', 'questioned', 'funded', 'closed'];
  const names = ['Maria Lopez', 'Chen Wei', 'Kofi Mensah', 'Ana Silva', 'Olaf Berg', 'Priya Nair', 'Tomas Novak', 'Lena Fischer'];
  const hedges = ['could', 'may', 'will probably', 'might', 'is likely to'];
  const sentence = (): string => {
    const parts = Array.from({ length: 3 }, () => `the ${nouns[next(20)]}${next(3) ? '' : 's'} of ${nouns[next(20)]} ${next(100)}`);
    const head = `${names[next(8)]} said ${parts[0]} ${hedges[next(5)]} affect ${parts[1]} after officials ${verbs[next(10)]} ${parts[2]}.`;
    return next(6) === 0 ? `“${head.slice(0, -1)},” ${names[next(8)]} added.` : head;
  };
  const paragraphs = Array.from({ length: 12 }, () => ({ p: Array.from({ length: 2 }, sentence).join(' ') }));
  return makeSource(`synthetic-${k}`, [...paragraphs, { h: 'Risks' }, { list: [sentence(), sentence()] }]);
}
