// Packs a grouping can go wrong on (issue 12, "bad input"): an article with no text, one-line
// articles, a thousand near-identical articles, an article in another language, every article
// from one outlet. Each builds, every original is in exactly one story, and where something was
// left out a diagnostic says so. The pack is test/fixtures/stories (three stories of four, three
// and one articles, with four copies), read by the real read stage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { languageOf } from '../../pipeline/enrich/annotate/language.js';
import { Brief, storyProblems, type Source } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';
import { fixture } from '../support/fixture.js';
import { context } from './helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'stories');

function read(path: string, text: string): Source {
  const { source, diagnostics } = readSource({ path, bytes: new TextEncoder().encode(text) });
  if (!source) throw new Error(`${path}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return source;
}

const pack = fixture(() =>
  readdirSync(DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => read(join(DIR, name), readFileSync(join(DIR, name), 'utf8'))),
);

/** The stories as sorted lists of source ids, sorted: comparable across packs. */
const groupsOf = (brief: Brief, ids?: ReadonlySet<string>): string[][] =>
  brief.stories
    .map((s) => s.sources.filter((id) => !ids || ids.has(id)).sort())
    .filter((g) => g.length > 0)
    .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));

const build = (sources: Source[]): Brief => Brief.parse(enrich(sources, context()));
const ruleIds = (brief: Brief, file: string) => brief.diagnostics.filter((d) => d.file === file).map((d) => d.ruleId);

const FRENCH = `# Grève illimitée au port de Marseille

Les dockers du port de Marseille ont entamé lundi une grève illimitée pour obtenir une hausse des salaires, bloquant le trafic des conteneurs dans le premier port de France.

Le syndicat affirme que près de deux mille adhérents ont cessé le travail dès six heures du matin, et que la direction du port refuse depuis trois semaines toute négociation sérieuse.

Les transporteurs routiers craignent que les files de camions ne s'allongent encore si le mouvement se prolonge jusqu'à la fin de la semaine.`;

describe('bad input', () => {
  const plain = fixture(() => build(pack()));

  test('an article with no text is in a story of its own, named in a warning, and the other stories do not change', () => {
    const withEmpty = build([...pack(), read('seeds/empty-body.md', '# A headline and nothing else\n')]);
    expect(storyProblems(withEmpty)).toEqual([]);
    expect(ruleIds(withEmpty, 'seeds/empty-body.md')).toContain('enrich/empty-source');
    const others = new Set(pack().map((s) => s.id));
    expect(groupsOf(withEmpty, others)).toEqual(groupsOf(plain()));
    expect(withEmpty.stories.find((s) => s.sources.includes('empty-body'))?.summary).toEqual([]);
  });

  test('one-line articles each land in exactly one story, and the longer articles keep their stories', () => {
    const lines = ['Dock strike spreads.', 'Rates held again.', 'Museum reopens.'].map((text, i) => read(`seeds/line-${i}.txt`, `${text}\n`));
    const brief = build([...pack(), ...lines]);
    expect(storyProblems(brief)).toEqual([]);
    const others = new Set(pack().map((s) => s.id));
    expect(groupsOf(brief, others)).toEqual(groupsOf(plain()));
  });

  test('a thousand near-identical articles are one story of one source with 999 editions, read once', () => {
    const text = readFileSync(join(DIR, 'a1-strike-wire.md'), 'utf8');
    // Each edition adds a line of its own to the same article: near copies, not exact ones.
    const editions = Array.from({ length: 1000 }, (_, i) => read(`seeds/edition-${String(i).padStart(4, '0')}.md`, text.replace('\n\n', `\n\nUpdated at ${i} minutes past the hour.\n\n`)));
    const brief = build(editions);
    expect(storyProblems(brief)).toEqual([]);
    expect(brief.stories).toHaveLength(1);
    expect(brief.stories[0]?.sources).toEqual(['edition-0000']);
    expect(brief.stories[0]?.independentSources).toBe(1);
    expect(brief.sources.filter((s) => s.duplicateOf === 'edition-0000')).toHaveLength(999);
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/copy')).toHaveLength(999);
    // Only the original's sentences are evidence.
    const evidence = [...brief.stories.flatMap((s) => s.summary.flatMap((x) => x.evidence)), ...brief.bluf.flatMap((b) => b.evidence), ...brief.quotes.map((q) => q.evidence)];
    expect(evidence.length).toBeGreaterThan(0);
    for (const id of evidence) expect(id.startsWith('edition-0000:')).toBe(true);
  });

  test('an article in another language is a story of its own with a warning that names the language', () => {
    const french = read('seeds/marseille.md', FRENCH);
    expect(languageOf(french)).toBe('fra');
    const brief = build([...pack(), french]);
    expect(storyProblems(brief)).toEqual([]);
    const warning = brief.diagnostics.find((d) => d.ruleId === 'enrich/language');
    expect(warning).toMatchObject({ file: 'seeds/marseille.md', severity: 'warning' });
    expect(warning?.message).toMatch(/^reads as French, not English/);
    // The English articles are English, and the French one is a story apart.
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/language')).toHaveLength(1);
    expect(brief.stories.find((s) => s.sources.includes('marseille'))?.sources).toEqual(['marseille']);
    expect(groupsOf(brief, new Set(pack().map((s) => s.id)))).toEqual(groupsOf(plain()));
  });

  test('a short text declared in another language is named by its declaration; a short English one by nothing', () => {
    const short = (lang: string) => ({ ...read('seeds/short.md', '# Brief\n\nLes dockers font grève.\n'), lang });
    expect(languageOf(short('fr-FR'))).toBe('fr');
    expect(languageOf(short('en-GB'))).toBeNull();
    expect(languageOf(short(''))).toBeNull();
  });

  test('every article from one outlet: each story counts one independent source, and the grouping is the same', () => {
    const oneOutlet = pack().map((s) => ({ ...s, via: ['The Harbour Courier'], author: null }));
    const brief = build(oneOutlet);
    expect(storyProblems(brief)).toEqual([]);
    expect(groupsOf(brief)).toEqual(groupsOf(plain()));
    for (const story of brief.stories) expect(story.independentSources).toBe(1);
  });
});
