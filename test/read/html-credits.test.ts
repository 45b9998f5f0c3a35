// How the HTML reader turns a page's stated credits, dates and site names into an author, a date
// and a site: prefixes, links, roles, dates and the site's own name taken off, lists of names split.
import { describe, expect, test } from 'vitest';
import { cleanSiteName, firstIsoDate, isoDateOf, parseCredit } from '../../pipeline/read/html/credits.js';
import { readSource } from '../../pipeline/read/index.js';

const names = (credit: string, sites: readonly string[] = []) => parseCredit(credit, sites).names;

describe('parseCredit: the words before the names', () => {
  test.each([
    ['Written by Jane Doe'],
    ['Author: Jane Doe'],
    ['Author : Jane Doe'],
    ['Author:Jane Doe'],
    ['By Jane Doe.'],
    ['By:Jane Doe'],
    ['By : Jane Doe'],
  ])('%j credits Jane Doe', (credit) => {
    expect(names(credit)).toEqual(['Jane Doe']);
  });

  test.each([['Byron Tau'], ['Shelby Grad']])('%j is a name, not a "by" before one', (credit) => {
    expect(names(credit)).toEqual([credit]);
  });
});

describe('parseCredit: where the names end', () => {
  test('a bar between names, outlet and date ends the names; the rest is kept in order, spaced', () => {
    expect(parseCredit('Jane Doe | Reuters | November 19, 2019', [])).toEqual({
      names: ['Jane Doe'],
      rest: 'Reuters November 19, 2019',
    });
  });

  test('white space and line breaks around a credit, as markup leaves them, change nothing', () => {
    expect(parseCredit('\n    By Jane Doe\n    November 19, 2019\n  ', [])).toEqual({
      names: ['Jane Doe'],
      rest: 'November 19, 2019',
    });
  });

  test('names run together with a comma and no space are still two', () => {
    expect(names('Jane Doe,John Roe')).toEqual(['Jane Doe', 'John Roe']);
  });
});

describe('parseCredit: profile links are no names', () => {
  test.each([
    ['facebook.com/someone'],
    ['edition.cnn.com/profiles/jane-doe'],
    ['http://example.com/jane'],
    ['//www.example.com/authors/jane'],
    ['https://example.com/profile?author=jane&lang=en'],
    ['  https://example.com/profile?author=jane&lang=en'],
  ])('%j credits nobody', (credit) => {
    expect(parseCredit(credit, [])).toEqual({ names: [], rest: '' });
  });

  test.each([
    ['Jane Doe, www.janedoe.com'],
    ['Jane Doe, twitter.com/janedoe'],
  ])('%j: the link beside the name is dropped', (credit) => {
    expect(names(credit)).toEqual(['Jane Doe']);
  });

  test('a link after a bar is what follows the name', () => {
    expect(parseCredit('Jane Doe | https://twitter.com/janedoe', [])).toEqual({
      names: ['Jane Doe'],
      rest: 'https://twitter.com/janedoe',
    });
  });
});

describe('parseCredit: what stands beside the names', () => {
  test('the site’s own name, of several words, is no co-author', () => {
    expect(names('Jane Doe, The Caucasus Ledger', ['The Caucasus Ledger'])).toEqual(['Jane Doe']);
  });

  test('a date written after the name is no name', () => {
    expect(names('Jane Doe, Tuesday 19 November 2019')).toEqual(['Jane Doe']);
  });

  test('an outlet followed by a date is credited to the outlet alone', () => {
    expect(names('Reuters, 19 November 2019')).toEqual(['Reuters']);
  });

  test('the site’s own name, even when it reads like a list, credits nobody', () => {
    expect(parseCredit('Eurasia, news and views', ['Eurasia, news and views'])).toEqual({ names: [], rest: '' });
  });

  test('a site named like two people ("Stars and Stripes") is not split into authors', () => {
    expect(parseCredit('Stars and Stripes', ['Stars and Stripes'])).toEqual({ names: [], rest: '' });
    expect(names('By Stars and Stripes', ['Stars and Stripes'])).toEqual([]);
    // Without the site's name to go by, it reads as two names, as "Budiono and Sutarman" does.
    expect(names('Stars and Stripes')).toEqual(['Stars', 'Stripes']);
  });
});

describe('parseCredit: lists of names, and credits that are none', () => {
  test.each([
    ['Maria de la Cruz Santos and John Roe', ['Maria de la Cruz Santos', 'John Roe']],
    ['Ahmad al-Lawan and Nour el-Din', ['Ahmad al-Lawan', 'Nour el-Din']],
    ['Budiono and Sutarman', ['Budiono', 'Sutarman']],
  ])('%j → %j', (credit, expected) => {
    expect(names(credit)).toEqual(expected);
  });

  test.each([
    ['Jane Doe and family'],
    ['Jane Doe and daughter'],
    ['Jane Doe and festival-goers'],
    ['The Ukrainian army and navy'],
    ['Jane Doe, With Additional Reporting From Kyiv And Lviv'],
  ])('%j is no list of names and stays whole', (credit) => {
    expect(names(credit)).toEqual([credit]);
  });
});

describe('dates and site names', () => {
  test.each([
    ['  20191119', '2019-11-19'],
    ['November 19, 2019 · Story 10234567', '2019-11-19'],
  ])('date %j → %s', (stated, iso) => {
    expect(isoDateOf(stated)).toBe(iso);
  });

  test('the first date that reads as one is taken, past those that do not', () => {
    expect(firstIsoDate(['', 'yesterday', '2019-11-19', '2020-01-01'])).toBe('2019-11-19');
    expect(firstIsoDate(['soon', 'later'])).toBeNull();
    expect(firstIsoDate([])).toBeNull();
  });

  test.each([
    ['', null],
    ['   ', null],
    ['edition.cnn.com/world', null],
    ['//example.com', null],
    ['The Caucasus Ledger', 'The Caucasus Ledger'],
    ['Rfi.fr/ru Русская служба', 'Rfi.fr/ru Русская служба'],
  ])('site %j → %j', (name, cleaned) => {
    expect(cleanSiteName(name)).toBe(cleaned);
  });
});

describe('a saved page’s credits, read end to end', () => {
  const body =
    '<h1>Talks resume in Geneva</h1>' +
    '<p>Delegations met on Monday for the first time since January, officials in Geneva said.</p>' +
    '<p>The talks are expected to last a week and to cover prisoner exchanges and the ceasefire line.</p>';
  const read = (head: string) => {
    const result = readSource({ path: 'seeds/page.html', bytes: new TextEncoder().encode(`<html><head>${head}</head><body>${body}</body></html>`) });
    if (result.source === null) throw new Error('the page was not read');
    return result.source;
  };

  test('a profile link as author and a template placeholder as date give way to the next stated ones', () => {
    const source = read(
      '<meta name="author" content="facebook.com/jane.doe.writes">' +
        '<meta property="article:author" content="By JANE DOE, Staff Writer">' +
        '<meta property="article:published_time" content="{{publish_date}}">' +
        '<meta name="date" content="2019/11/19">' +
        '<meta property="og:site_name" content="The Caucasus Ledger | News from the region">',
    );
    expect(source).toMatchObject({ author: 'Jane Doe', published: '2019-11-19', via: ['The Caucasus Ledger'] });
  });
});
