import { describe, expect, it } from 'vitest';
import { contentId } from '../../pipeline/enrich/annotate/ids.js';
import { findSignposts, namesCondition } from '../../pipeline/enrich/analyse/signposts.js';
import { article, makeSource } from './helpers.js';

describe('signposts', () => {
  it.each([
    'The outcome will depend on turnout in the northern suburbs.',
    'Approval depends on whether regulators accept the divestments.',
    'If the Fed cuts rates in June, the dollar could weaken further.',
    'Unless the storm turns north, the capital will escape the worst.',
    'Once regulators approve the deal, the combined firm will cut jobs.',
    'The truce hinges on the release of detained sailors.',
    'Any bailout would be contingent on deep spending cuts.',
    'Prices will keep rising as long as the drought persists.',
    'A recount would require a court order in each county.',
  ])('names a condition: %s', (sentence) => {
    expect(namesCondition(sentence)).toBe(true);
  });

  it.each([
    'The company once dominated the market for mobile phones.',
    'Ministers vowed to settle the matter once and for all.',
    'It looked as if the talks would fail on Friday.',
    'Shares rose three per cent in early trading.',
  ])('names no condition: %s', (sentence) => {
    expect(namesCondition(sentence)).toBe(false);
  });

  it('collects signposts with their sentence ids, skipping headings', () => {
    const source = makeSource('election', [
      { h: 'What happens if the vote is close' },
      { p: 'Polls closed at eight. The result will depend on postal ballots counted on Thursday.' },
    ]);
    const text = 'The result will depend on postal ballots counted on Thursday.';
    expect(findSignposts([source])).toEqual([{ id: contentId('sp', text), text, evidence: ['election:s3'], storyId: null }]);
  });

  it('merges the same condition reported by several sources', () => {
    const a = article('wire', 'The merger depends on approval from competition authorities in Brussels.');
    const b = article('paper', 'Analysts were upbeat. The merger depends on approval from the competition authorities in Brussels.');
    expect(findSignposts([a, b])).toEqual([
      { id: expect.stringMatching(/^sp-[0-9a-f]{8}$/), text: 'The merger depends on approval from competition authorities in Brussels.', evidence: ['wire:s1', 'paper:s2'], storyId: null },
    ]);
  });
});
