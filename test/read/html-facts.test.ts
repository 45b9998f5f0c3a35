// An article's facts as pageFacts gathers them from the page's metadata and Readability (title,
// kicker, author, date, site, language), and the text comparisons the title and site choices rest on.
import { describe, expect, test } from 'vitest';
import { similarity } from '../../pipeline/read/html/compare.js';
import { pageFacts, type PageFacts, type ReadabilityFacts } from '../../pipeline/read/html/facts.js';
import type { PageMetadata } from '../../pipeline/read/html/metadata.js';
import { readSource } from '../../pipeline/read/index.js';
import type { Source } from '../../pipeline/model.js';

const metadata = (overrides: Partial<PageMetadata>): PageMetadata => ({
  titles: [],
  documentTitle: null,
  headings: [],
  authors: [],
  dates: [],
  siteNames: [],
  lang: null,
  hosts: [],
  ...overrides,
});

const facts = (page: Partial<PageMetadata>, article: ReadabilityFacts = {}): PageFacts => pageFacts(metadata(page), article);

const BODY =
  '<p>Delegations met in Geneva on Monday for the first time since January, officials said. The talks went on late into the night, and both sides said they would return next week to settle the remaining points.</p>';

function read(head: string, article: string, lang = 'en'): Source {
  const html = `<html lang="${lang}"><head>${head}</head><body><article>${article}${BODY}</article></body></html>`;
  const result = readSource({ path: 'seeds/page.html', bytes: new TextEncoder().encode(html) });
  if (result.source === null) throw new Error('the page was not read');
  return result.source;
}

describe('similarity', () => {
  test('two texts without words share nothing', () => {
    expect(similarity('', '')).toBe(0);
    expect(similarity('* * *', '—')).toBe(0);
  });

  test('a word counts as often as both texts have it, no more', () => {
    expect(similarity('New York', 'New York New York')).toBeCloseTo(4 / 6);
    expect(similarity('talks talks', 'talks')).toBeCloseTo(2 / 3);
  });
});

describe('pageFacts', () => {
  test('a page that states nothing has no facts', () => {
    expect(facts({})).toStrictEqual({ title: null, kicker: null, author: null, published: null, site: null, lang: null });
  });

  test("Readability's title when the page states none", () => {
    expect(facts({}, { title: 'Talks resume in Geneva' }).title).toBe('Talks resume in Geneva');
  });

  test('a section before the confirmed headline is its kicker', () => {
    const found = facts({ titles: ['Opinion | Talks resume in Geneva'], headings: ['Talks resume in Geneva'] });
    expect(found).toMatchObject({ title: 'Talks resume in Geneva', kicker: 'Opinion' });
  });

  test('a byline that goes on to a date dates the article when nothing else does', () => {
    expect(facts({}, { byline: 'By Jane Doe | 3 March 2024' })).toMatchObject({ author: 'Jane Doe', published: '2024-03-03' });
    expect(facts({ dates: ['2024-03-02T18:00:00Z'] }, { byline: 'By Jane Doe | 3 March 2024' }).published).toBe('2024-03-02');
  });

  test('a page credited to its own site, named like two people, has no author', () => {
    const found = facts({ siteNames: ['Stars and Stripes'], authors: ['Stars and Stripes'] });
    expect(found).toMatchObject({ author: null, site: 'Stars and Stripes' });
    const page = read('<meta property="og:site_name" content="Stars and Stripes"><meta name="author" content="Stars and Stripes">', '<h1>Talks resume in Geneva</h1>');
    expect(page.author).toBeNull();
  });

  test('a site name that is an address is passed over for the next', () => {
    expect(facts({ siteNames: ['https://www.example.com', 'Example News'] }).site).toBe('Example News');
    expect(facts({ siteNames: ['www.example.com'] }, { siteName: 'Example News' }).site).toBe('Example News');
  });

  test.each([
    ['en_GB', null, 'en-GB'],
    ['pt-BR', null, 'pt-BR'],
    ['english', null, null],
    ['deutsch', 'de', 'de'],
    ['en-US.UTF-8', null, null],
    [null, ' fr_CA ', 'fr-CA'],
  ])('the language tag %j (Readability: %j) is %j', (stated, readability, expected) => {
    expect(facts({ lang: stated }, { lang: readability }).lang).toBe(expected);
  });
});

describe('the facts of a saved page', () => {
  test('kicker, site and language', () => {
    const source = read(
      '<meta property="og:title" content="Opinion | Talks resume in Geneva"><title>Opinion | Talks resume in Geneva - Example News</title>',
      '<h1>Talks resume in Geneva</h1>',
      'en_GB',
    );
    expect(source).toMatchObject({ title: 'Talks resume in Geneva', kicker: 'Opinion', via: ['Example News'], lang: 'en-GB' });
  });

  test('an og:site_name that is the site address gives way to the name the page states elsewhere', () => {
    const source = read(
      '<meta property="og:site_name" content="www.example.com"><meta name="application-name" content="Example News"><title>Talks resume in Geneva</title>',
      '<h1>Talks resume in Geneva</h1>',
    );
    expect(source.via).toEqual(['Example News']);
  });

  test('an <html lang> that is no language tag is not taken for one', () => {
    expect(read('<title>Talks resume in Geneva</title>', '<h1>Talks resume in Geneva</h1>', 'deutsch').lang).not.toBe('deutsch');
  });
});
