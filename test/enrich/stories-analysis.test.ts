// The analysis runs story by story (enrich/index.ts analyseStories): a scenario is merged, a risk
// linked to a scenario and a key judgment drawn only within the story that tells them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { Brief, danglingIds, storyProblems, type Source } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';
import { fixture } from '../support/fixture.js';
import { article, context } from './helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'stories');
const sourceOf = (id: string) => id.slice(0, id.lastIndexOf(':'));

const packBrief = fixture(() => {
  const sources = readdirSync(DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name): Source => {
      const { source } = readSource({ path: join(DIR, name), bytes: readFileSync(join(DIR, name)) });
      if (!source) throw new Error(`${name} was not read`);
      return source;
    });
  return Brief.parse(enrich(sources, context()));
});

/** The same warning in two unrelated stories. */
const SHARED = 'Officials warned that the closure could cost the region millions of pounds in lost trade.';
const twoStories = fixture(() =>
  Brief.parse(
    enrich(
      [
        article('port', 'Dock workers at the Port of Calder walked out on Monday after pay talks with Harbour Holdings collapsed.', 'The Harbour Workers Union said 2,400 members joined the strike at the container terminal.', SHARED, 'Hauliers queued for miles on the coast road as cranes stood idle.'),
        article('dock', 'The strike at the Port of Calder entered its second day as Harbour Holdings refused new talks with the union.', 'Container ships waited offshore while the Harbour Workers Union picketed the terminal gates.'),
        article('museum', 'The Museum of Northern Art in Wellby will close for two years from March for a rebuild of its roof.', 'Its director, Ines Carrow, said the collection of 40,000 paintings would tour abroad meanwhile.', SHARED),
        article('gallery', 'Wellby council approved the Museum of Northern Art roof rebuild on Thursday at a cost of 30 million.', 'Ines Carrow told councillors the paintings would go on tour in Europe and Japan.'),
      ],
      context(),
    ),
  ),
);

describe('story summaries and the bottom line', () => {
  test('take sentences that stand alone, not ones opening on a pronoun that points back', () => {
    const strike = (id: string, first: string) =>
      article(id, first, 'He said the Harbour Workers Union would hold the strike at the Port of Calder until Harbour Holdings raised its pay offer.', 'They blocked the container terminal at the Port of Calder on Monday.');
    const brief = Brief.parse(
      enrich(
        [
          strike('one', 'Union leader Maria Costa led dock workers out of the Port of Calder on Monday over pay.'),
          strike('two', 'Dock workers at the Port of Calder walked out on Monday in a row over pay with Harbour Holdings.'),
          article('three', 'The Museum of Northern Art in Wellby will close for two years for a rebuild of its roof.', 'He said the collection of 40,000 paintings would tour abroad meanwhile.'),
          article('four', 'Wellby council approved the Museum of Northern Art roof rebuild on Thursday at a cost of 30 million.', 'He told councillors the paintings would go on tour in Europe and Japan.'),
        ],
        context(),
      ),
    );
    expect(brief.stories).toHaveLength(2);
    const said = [...brief.stories.flatMap((s) => s.summary), ...brief.bluf, ...brief.keyJudgments].map((x) => x.text);
    expect(said.length).toBeGreaterThan(4);
    for (const text of said) expect(text).not.toMatch(/^(?:He|They) /);
  });
});

describe('the analysis, story by story', () => {
  test('every item is in the story whose sources it was found in, and a risk links only to scenarios of its own story', () => {
    const brief = packBrief();
    expect(storyProblems(brief)).toEqual([]);
    expect(danglingIds(brief)).toEqual([]);
    const storyOf = new Map(brief.stories.flatMap((s) => s.sources.map((id) => [id, s.id] as const)));
    const scenarioStory = new Map(brief.scenarios.map((s) => [s.id, s.storyId]));
    for (const item of [...brief.risks, ...brief.scenarios, ...brief.keyJudgments]) {
      expect(item.storyId).not.toBeNull();
      expect(storyOf.get(sourceOf(item.evidence[0] as string))).toBe(item.storyId);
    }
    for (const risk of brief.risks) for (const id of risk.scenarioIds) expect(scenarioStory.get(id)).toBe(risk.storyId);
  });

  test('the leading stories told by several articles each get key judgments; a story of one article gets none', () => {
    const brief = packBrief();
    const judged = new Set(brief.keyJudgments.map((k) => k.storyId));
    for (const story of brief.stories) expect(judged.has(story.id)).toBe(story.sources.length > 1);
  });

  test('the same warning in two stories is two risks, one per story, with ids of their own', () => {
    const brief = twoStories();
    expect(brief.stories.map((s) => [...s.sources].sort())).toEqual([
      ['dock', 'port'],
      ['gallery', 'museum'],
    ]);
    const shared = brief.risks.filter((r) => r.statement === SHARED);
    expect(shared).toHaveLength(2);
    expect(new Set(shared.map((r) => r.storyId)).size).toBe(2);
    expect(new Set(shared.map((r) => r.id)).size).toBe(2);
    const ids = [...brief.risks, ...brief.scenarios].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
