// Splitting text into words, and the order that picks one wording among near-identical ones.
import { describe, expect, it } from 'vitest';
import { shorterFirst, words } from '../../pipeline/enrich/annotate/text.js';

describe('words', () => {
  it('folds typographic apostrophes into straight ones, so both spellings give the same word', () => {
    expect(words('They don’t know')).toEqual(['they', "don't", 'know']);
    expect(words('They don’t know')).toEqual(words("They don't know"));
  });

  it('keeps hyphenated and apostrophised compounds whole', () => {
    expect(words('Jean-Claude Juncker met Seán O’Shea in mid-2024')).toEqual(['jean-claude', 'juncker', 'met', 'seán', "o'shea", 'in', 'mid-2024']);
  });

  it('drops only a final possessive "\'s"', () => {
    expect(words('Powell’s remarks')).toEqual(['powell', 'remarks']);
    expect(words("O'Sullivan's plan")).toEqual(["o'sullivan", 'plan']);
  });
});

describe('shorterFirst', () => {
  it('puts the shorter wording first, whatever the alphabet says', () => {
    expect(shorterFirst('zebra', 'apples')).toBeLessThan(0);
    expect(shorterFirst('apples', 'zebra')).toBeGreaterThan(0);
  });

  it('orders wordings of the same length alphabetically, and a wording equal to itself', () => {
    expect(shorterFirst('abc', 'abd')).toBeLessThan(0);
    expect(shorterFirst('abd', 'abc')).toBeGreaterThan(0);
    expect(shorterFirst('abc', 'abc')).toBe(0);
  });

  it('sorts to the same order from any starting order', () => {
    const wordings = ['rates rise', 'rates rose', 'rates', 'prices', 'rates up'];
    const expected = ['rates', 'prices', 'rates up', 'rates rise', 'rates rose'];
    expect([...wordings].sort(shorterFirst)).toEqual(expected);
    expect([...wordings].reverse().sort(shorterFirst)).toEqual(expected);
  });
});
