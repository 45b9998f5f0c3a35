// What enrich tells the user about a pack with nothing to analyse, or nothing of a kind.
import { describe, expect, test } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { article, context, makeSource } from './helpers.js';

const notes = (brief: ReturnType<typeof enrich>) => brief.diagnostics.map((d) => [d.ruleId, d.message]);

describe('notes on an empty or thin pack', () => {
  test('an empty pack: no sources, and so no scenarios, risks or signposts; English by default', () => {
    const brief = enrich([], context());
    expect(brief.lang).toBe('en');
    expect(notes(brief)).toEqual([
      ['enrich/no-sources', 'No sources to analyse'],
      ['enrich/no-scenarios', 'No scenarios found: no heading names scenarios, options or outcomes, and no sentence enumerates them'],
      ['enrich/no-risks', 'No risks found: no risk section and no sentence with a risk cue'],
      ['enrich/no-signposts', 'No signposts found: no sentence names a condition ("depends on", "if", "unless" …)'],
    ]);
  });

  test('a source without sentences is named in a warning', () => {
    const brief = enrich([makeSource('blank', [])], context());
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/empty-source').map((d) => [d.file, d.severity, d.message])).toEqual([['seeds/blank.md', 'warning', 'No sentences to analyse in seeds/blank.md']]);
  });

  test('a pack with scenarios, a risk and a signpost gets none of the notes on their absence', () => {
    const brief = enrich(
      [
        makeSource('port', [
          { p: 'Dock workers at the Port of Calder walked out on Monday after pay talks with Harbour Holdings collapsed.' },
          { h: 'Scenarios' },
          { list: ['The union accepts the new offer and the port reopens within a week.', 'The strike spreads to the other ports on the coast by the end of the month.'] },
          { h: 'Risks' },
          { p: 'There is a risk that food shortages hit the islands if the ferries stop running.' },
          { p: 'The outcome depends on whether the government agrees to mediate between the two sides.' },
        ]),
      ],
      context(),
    );
    expect(brief.scenarios.length).toBeGreaterThan(0);
    expect(brief.risks.length).toBeGreaterThan(0);
    expect(brief.signposts.length).toBeGreaterThan(0);
    expect(brief.diagnostics.map((d) => d.ruleId).filter((id) => id.startsWith('enrich/no-'))).toEqual([]);
  });
});

describe('the bottom line of a pack of many stories', () => {
  test('gives one line to each of the six leading stories, no more', () => {
    const topics = [
      'Dock workers at the Port of Calder walked out on Monday after pay talks with Harbour Holdings collapsed.',
      'The Museum of Northern Art in Wellby will close for two years from March for a rebuild of its roof.',
      'Farmers in the Ostel valley lost most of their barley harvest to a week of heavy summer hail.',
      'The city council of Brannock voted to ban private cars from its old town centre from next spring.',
      'A new railway tunnel under the Kessen hills opened to freight trains after eleven years of digging.',
      'Astronomers at the Varrow observatory spotted a comet that will pass close to the sun in October.',
      'The national football league of Tarsia suspended its season after a dispute over television money.',
    ];
    const brief = enrich(
      topics.map((t, i) => article(`t${i}`, t)),
      context(),
    );
    expect(brief.stories).toHaveLength(7);
    expect(brief.bluf).toHaveLength(6);
  });
});
