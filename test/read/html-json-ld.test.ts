// The facts a page's schema.org JSON-LD states: which objects are the page's own article, and
// the headlines, authors, dates and publishers read from them, however the CMS nests them.
import { describe, expect, test } from 'vitest';
import { readJsonLd, type JsonLdFacts } from '../../pipeline/read/html/json-ld.js';

/** The facts of one script per value; a script that is not JSON fails the test. */
function factsOf(...values: unknown[]): JsonLdFacts {
  return readJsonLd(
    values.map((value) => JSON.stringify(value)),
    (reason) => {
      throw new Error(`invalid JSON-LD: ${reason}`);
    },
  );
}

describe('where the article stands', () => {
  test('an array of objects at the top is read', () => {
    expect(factsOf([{ '@type': 'WebSite', name: 'Wire' }, { '@type': 'NewsArticle', headline: 'Talks resume', datePublished: '2024-03-05' }])).toEqual({
      headlines: ['Talks resume'],
      authors: [],
      published: ['2024-03-05'],
      publishers: [],
    });
  });

  test('a @graph, as Yoast writes it: the article first, then the web page it sits on', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', headline: 'Talks resume | Wire', datePublished: '2024-03-04', author: { name: 'Web Desk' }, publisher: { name: 'Wire Group' } },
        {
          '@type': 'NewsArticle',
          headline: 'Talks resume',
          datePublished: '2024-03-05',
          author: { '@type': 'Person', name: 'Jane Doe' },
          publisher: { '@type': 'Organization', name: 'Wire' },
        },
      ],
    };
    expect(factsOf(graph)).toEqual({
      headlines: ['Talks resume', 'Talks resume | Wire'],
      authors: ['Jane Doe'],
      published: ['2024-03-05'],
      publishers: ['Wire'],
    });
  });

  test('the claim a fact check reviews is not the page’s work: its date and author are not believed', () => {
    const review = {
      '@type': 'ClaimReview',
      headline: 'No, the ministry did not say that',
      datePublished: '2019-11-18',
      author: { '@type': 'Organization', name: 'Checker.info' },
      itemReviewed: { '@type': 'CreativeWork', datePublished: '2019-11-10', author: { '@type': 'Person', name: 'The Defence Ministry' } },
    };
    expect(factsOf(review)).toMatchObject({ authors: ['Checker.info'], published: ['2019-11-18'] });
  });

  test('an object of several types is an article when one of them is', () => {
    expect(factsOf({ '@type': ['WebPage', 'NewsArticle'], author: 'Jane Doe', datePublished: '2024-03-05' })).toMatchObject({
      authors: ['Jane Doe'],
      published: ['2024-03-05'],
    });
  });

  test.each(['NewsArticle', 'ReportageNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting', 'Report', 'ClaimReview', 'Article'])(
    '%s is an article',
    (type) => {
      expect(factsOf({ '@type': type, author: 'Jane Doe' }).authors).toEqual(['Jane Doe']);
    },
  );

  test.each(['WebPage', 'Person', 'ArticleListing', 'ReportCard'])('%s is not, even when it has an author', (type) => {
    expect(factsOf({ '@type': type, author: 'Jane Doe', datePublished: '2024-03-05' })).toMatchObject({ authors: [], published: [] });
  });
});

describe('authors', () => {
  test('null values, which CMSs write for fields they leave empty, are passed over', () => {
    const article = { '@type': 'NewsArticle', headline: 'Talks resume', image: null, author: null, publisher: { name: 'Wire', logo: null } };
    expect(factsOf(article, { '@type': 'NewsArticle', author: [null, { name: 'Jane Doe' }] })).toEqual({
      headlines: ['Talks resume'],
      authors: ['Jane Doe'],
      published: [],
      publishers: ['Wire'],
    });
  });

  test.each([
    ['a name', 'Jane Doe', ['Jane Doe']],
    ['a person', { '@type': 'Person', name: ' Jane Doe ' }, ['Jane Doe']],
    ['a list of people', [{ name: 'Anna Petrosyan' }, { name: 'Levon Hakobyan' }], ['Anna Petrosyan', 'Levon Hakobyan']],
    ['a list of names and people', ['Anna Petrosyan', { name: 'Levon Hakobyan' }], ['Anna Petrosyan', 'Levon Hakobyan']],
    ['a person without a name', { '@type': 'Person', url: 'https://wire.example/staff/jd' }, []],
    ['an empty name', { name: '  ' }, []],
    ['a number', 7, []],
  ])('given as %s', (_what, author, names) => {
    expect(factsOf({ '@type': 'NewsArticle', headline: 'Talks resume', author }).authors).toEqual(names);
  });

  test('of two blocks describing the article (the CMS’s and an SEO plugin’s), the first that names authors gives them', () => {
    const cms = { '@type': 'NewsArticle', headline: 'Talks resume', publisher: { name: 'Wire' } };
    const plugin = { '@type': 'NewsArticle', headline: 'Talks resume', author: [{ name: 'Anna Petrosyan' }] };
    const another = { '@type': 'NewsArticle', headline: 'Talks resume', author: [{ name: 'Levon Hakobyan' }] };
    expect(factsOf(cms, plugin, another).authors).toEqual(['Anna Petrosyan']);
  });

  test('no article at all credits no one', () => {
    expect(factsOf({ '@type': 'WebPage', headline: 'Talks resume' })).toEqual({ headlines: ['Talks resume'], authors: [], published: [], publishers: [] });
  });
});

describe('values', () => {
  test('headlines and dates are trimmed; blank ones state nothing', () => {
    expect(factsOf({ '@type': 'NewsArticle', headline: ' Talks resume\n', datePublished: ' 2024-03-05 ' })).toMatchObject({
      headlines: ['Talks resume'],
      published: ['2024-03-05'],
    });
    expect(factsOf({ '@type': 'NewsArticle', headline: '  ', datePublished: '' })).toMatchObject({ headlines: [], published: [] });
  });

  test('each article names its publishers, as a name, an organization or a list', () => {
    const facts = factsOf(
      { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Wire' } },
      { '@type': 'NewsArticle', publisher: ['Reuters', { name: 'AP' }] },
    );
    expect(facts.publishers).toEqual(['Wire', 'Reuters', 'AP']);
  });

  test('a script that is not JSON is reported, and the others still read', () => {
    const reasons: string[] = [];
    const facts = readJsonLd(['{"headline": ', JSON.stringify({ '@type': 'NewsArticle', headline: 'Talks resume' })], (reason) => reasons.push(reason));
    expect(facts.headlines).toEqual(['Talks resume']);
    expect(reasons).toHaveLength(1);
  });
});

describe('articles in a list of other works', () => {
  // A "related stories" ItemList holds teasers: their authors, dates and headlines are not the page's.
  test('are not the page: its own article, or its meta tags, name the author and the date', () => {
    const graph = JSON.stringify({
      '@graph': [
        { '@type': 'NewsArticle', headline: 'Talks resume' },
        { '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', headline: 'Older story', author: { name: 'Someone Else' }, datePublished: '2019-01-01' }] },
      ],
    });
    const facts = readJsonLd([graph], () => undefined);
    expect(facts).toMatchObject({ headlines: ['Talks resume'], authors: [], published: [] });
    const related = JSON.stringify({ '@type': 'NewsArticle', headline: 'Talks resume', author: 'Jane Doe', relatedLink: [{ '@type': 'NewsArticle', author: 'Someone Else', datePublished: '2019-01-01' }] });
    expect(readJsonLd([related], () => undefined)).toMatchObject({ authors: ['Jane Doe'], published: [] });
  });
});
