// What ties sources together: only the same outlet or the same named author, never merely having one.
import { describe, expect, it } from 'vitest';
import { independence } from '../../pipeline/enrich/analyse/corroboration.js';
import { makeSource } from './helpers.js';

const story = (id: string, meta: { via?: string[]; author?: string | null }) =>
  makeSource(id, [{ p: 'Ministers are weighing options such as a fuel subsidy and a windfall tax.' }], meta);

describe('ties between sources', () => {
  it('counts sources that came through different outlets as independent', () => {
    const groups = independence([story('a', { via: ['Reuters'] }), story('b', { via: ['AP'] }), story('c', { via: ['Bloomberg'] })]);
    expect(groups.count(['a', 'b', 'c'])).toBe(3);
  });

  it('counts sources by different named authors as independent', () => {
    const groups = independence([story('a', { author: 'Jane Roe' }), story('b', { author: 'John Doe' })]);
    expect(groups.count(['a', 'b'])).toBe(2);
  });

  it('drops only a leading "the" from an outlet name', () => {
    const groups = independence([
      story('a', { via: ['The Times'] }),
      story('b', { via: ['Times'] }),
      story('c', { via: ['Voice of the People'] }),
      story('d', { via: ['Voice of People'] }),
    ]);
    expect(groups.count(['a', 'b'])).toBe(1);
    expect(groups.count(['c', 'd'])).toBe(2);
  });
});
