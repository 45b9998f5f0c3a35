// A story's headline, its central sentence, and the notes on copies, on small hand-made packs.
import { describe, expect, test } from 'vitest';
import { sentenceCorpus } from '../../pipeline/enrich/annotate/similarity.js';
import { findStories, markCopies } from '../../pipeline/enrich/stories/index.js';
import type { Source } from '../../pipeline/model.js';
import { makeSource, OWN } from './helpers.js';

/** Two sentences every article of the test story carries: what makes them one story. */
const CORE = [
  'Dock workers at the Port of Calder walked out on Monday after pay talks with Harbour Holdings collapsed.',
  'The Harbour Workers Union said 2,400 members joined the strike at the container terminal.',
];
const source = (id: string, title: string, published: string | null, paragraphs: readonly string[]) => makeSource(id, paragraphs.map((p) => ({ p })), { title, published });
const storiesOf = (sources: readonly Source[]) => findStories(sources, [], sentenceCorpus(sources));
const titlesOf = (sources: readonly Source[]) => storiesOf(sources).stories.map((s) => s.title);

describe('a story’s title', () => {
  test('is the headline whose words the other articles use most, trimmed, neither the first nor the longest', () => {
    expect(
      titlesOf([
        source('a', 'Quiet quays in the north', '2026-03-01', [OWN.a, ...CORE]),
        source('b', '  Dock strike at Calder ', '2026-03-02', [OWN.b, ...CORE]),
        source('c', 'Hauliers wait for hours on the coast road in Calder as the dock strike leaves cranes idle', '2026-03-03', [OWN.c, ...CORE]),
      ]),
    ).toEqual(['Dock strike at Calder']);
  });

  test('counts the words of the other articles’ leads, not only their headlines', () => {
    expect(titlesOf([source('a', 'Quiet quays in the north', '2026-03-01', [OWN.a, ...CORE]), source('b', 'Dock strike at Calder', '2026-03-02', [OWN.b, ...CORE])])).toEqual(['Dock strike at Calder']);
  });

  test('does not count words found only after an article’s third sentence', () => {
    // "ferry fares rise" is in a's fourth sentence only: b's headline shares nothing, a tie, and the
    // earlier article's headline stands.
    expect(
      titlesOf([
        source('a', 'Quiet quays in the north', '2026-03-01', [OWN.a, ...CORE, 'Ferry fares will rise by a fifth from next month on every crossing.']),
        source('b', 'Ferry fares rise', '2026-03-02', [OWN.b, ...CORE]),
      ]),
    ).toEqual(['Quiet quays in the north']);
  });

  test('on a tie, is the earliest article’s headline, whatever the order of the pack', () => {
    expect(titlesOf([source('late', 'Dock strike in Calder', '2026-03-05', [OWN.b, ...CORE]), source('early', 'Calder dock strike', '2026-03-01', [OWN.a, ...CORE])])).toEqual(['Calder dock strike']);
  });

  test('falls back to the earliest headline, trimmed, when no headline has a content word, and to the article id when there is none', () => {
    expect(titlesOf([source('a', '  The  ', '2026-03-01', [OWN.a, ...CORE]), source('b', 'It is', '2026-03-02', [OWN.b, ...CORE])])).toEqual(['The']);
    expect(titlesOf([source('a', '', '2026-03-01', [OWN.a, ...CORE]), source('b', ' ', '2026-03-02', [OWN.b, ...CORE])])).toEqual(['a']);
  });
});

describe('a story’s central sentence', () => {
  test('is the sentence closest to what all its articles say, not simply the first one', () => {
    const { stories, central } = storiesOf([
      source('a', 'Strike at Calder', '2026-03-01', [OWN.a, ...CORE]),
      source('b', 'Calder strike', '2026-03-02', [OWN.b, ...CORE]),
      source('c', 'Dock strike', '2026-03-03', [OWN.c, ...CORE]),
    ]);
    expect(stories).toHaveLength(1);
    const story = stories[0] as (typeof stories)[number];
    expect(central.get(story.id)).toEqual({ text: CORE[0], evidence: ['a:s2'] });
    // The summary reads in order, the repeats of the central sentence left out.
    expect(story.summary.map((s) => s.evidence[0])).toEqual(['a:s1', 'a:s2', 'a:s3']);
  });
});

describe('copies', () => {
  const TEXT = [...CORE, 'Hauliers queued for miles on the coast road as cranes stood idle on the quays.', 'Ministers said they would not step in while the two sides were still talking.'];

  test('a copy names its original; the original and other articles name none', () => {
    const { sources, originals } = markCopies([source('orig', 'Strike', null, TEXT), source('same', 'Strike', null, TEXT), source('other', 'Other', null, [OWN.x, OWN.y])]);
    expect(sources.map((s) => s.duplicateOf)).toEqual([null, 'orig', null]);
    expect(originals.map((s) => s.id)).toEqual(['orig', 'other']);
  });

  test('the note on a copy says whether it repeats its original whole or what share of it', () => {
    const changed = [...TEXT.slice(0, 3), 'Late on Tuesday the company said it would return to the table with a new offer for the union.'];
    const { diagnostics } = markCopies([source('orig', 'Strike', null, TEXT), source('same', 'Strike', null, TEXT), source('updated', 'Strike', null, changed)]);
    expect(diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message])).toEqual([
      ['seeds/same.md', 'info', 'enrich/copy', 'repeats seeds/orig.md: listed as another edition of it, not analysed or counted as a source of its own'],
      ['seeds/updated.md', 'info', 'enrich/copy', 'repeats 76 % of seeds/orig.md: listed as another edition of it, not analysed or counted as a source of its own'],
    ]);
  });
});
