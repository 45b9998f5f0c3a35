// What a saved page states about its article outside the text (meta tags, JSON-LD, <title>, h1s,
// <html lang>, its own address, the charset it declares), read as the HTML reader reads it.
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { Source, type ReadResult } from '../../pipeline/model.js';
import { declaredCharset } from '../../pipeline/read/html/charset.js';
import { parseDocument } from '../../pipeline/read/html/dom.js';
import { readMetadata, type PageMetadata } from '../../pipeline/read/html/metadata.js';
import { readSource } from '../../pipeline/read/index.js';

/** The metadata of a whole page; JSON-LD that is not JSON fails the test. */
function metadataOfPage(html: string): PageMetadata {
  return readMetadata(parseDocument(fromHtml(html)), (reason) => {
    throw new Error(`invalid JSON-LD: ${reason}`);
  });
}

const metadataOf = (head: string, body = ''): PageMetadata => metadataOfPage(`<html><head>${head}</head><body>${body}</body></html>`);
const jsonLd = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
/** Each character as the one byte of its code point: how a page in a single-byte charset is stored. */
const latin = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const article = '<h1>Talks resume</h1><p>Delegations met on Monday for the first time since January, officials said.</p>';

function sourceOf(result: ReadResult): Source {
  if (result.source === null) throw new Error('the page was not read');
  expect(Source.safeParse(result.source).success).toBe(true);
  return result.source;
}

const readHtml = (html: Uint8Array): Source => sourceOf(readSource({ path: 'seeds/page.html', bytes: html }));

describe('meta tags', () => {
  test('every title tag is read, OpenGraph first, then Twitter, then the rest', () => {
    const head = [
      '<meta name="parsely-title" content="T8">',
      '<meta name="sailthru.title" content="T7">',
      '<meta name="dcterms.title" content="T6">',
      '<meta name="DC.title" content="T5">',
      '<meta itemprop="headline" content="T4">',
      '<meta name="title" content="T3">',
      '<meta name="twitter:title" content="T2">',
      '<meta property="og:title" content="T1">',
    ].join('');
    expect(metadataOf(head).titles).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8']);
  });

  test('every author tag is read, the plain author tag first', () => {
    const head = [
      '<meta name="sailthru.author" content="A7">',
      '<meta name="parsely-author" content="A6">',
      '<meta name="byl" content="A5">',
      '<meta name="dcterms.creator" content="A4">',
      '<meta name="DC.creator" content="A3">',
      '<meta property="article:author" content="A2">',
      '<meta name="author" content="A1">',
    ].join('');
    expect(metadataOf(head).authors).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
  });

  test('every date tag is read, article:published_time first', () => {
    const keys = [
      'article:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'DC.date',
      'DC.date.issued', 'dcterms.date', 'dcterms.issued', 'article.published', 'parsely-pub-date', 'sailthru.date',
      'og:published_time', 'pdate',
    ];
    const head = keys.map((key, i) => `<meta name="${key}" content="D${i + 1}">`).reverse().join('');
    expect(metadataOf(head).dates).toEqual(keys.map((_key, i) => `D${i + 1}`));
  });

  test('site names: og:site_name, then the JSON-LD publisher, then the other site tags', () => {
    const head = [
      '<meta name="dc.publisher" content="S5">',
      '<meta name="publisher" content="S4">',
      '<meta name="application-name" content="S3">',
      jsonLd({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'S2' } }),
      '<meta property="og:site_name" content="S1">',
    ].join('');
    expect(metadataOf(head).siteNames).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
  });

  test('a tag is named by its property, name or itemprop, in any case', () => {
    const head = '<meta property="og:title" content="By property"><meta name="OG:Title" content="By name"><meta itemprop="og:title" content="By itemprop">';
    expect(metadataOf(head).titles).toEqual(['By property', 'By name', 'By itemprop']);
  });

  test('a value has its white space collapsed and trimmed', () => {
    const head = '<meta property="og:title" content="  Talks   resume\n\t in  Geneva  ">';
    expect(metadataOf(head).titles).toEqual(['Talks resume in Geneva']);
  });

  test('a tag without content, or with only white space, states nothing', () => {
    const head = '<meta property="og:title" content="  \n "><meta name="twitter:title"><meta name="author" content="">';
    expect(metadataOf(head)).toMatchObject({ titles: [], authors: [] });
  });

  test('without JSON-LD the authors are the author tags alone', () => {
    expect(metadataOf('<meta name="author" content="Jane Doe">').authors).toEqual(['Jane Doe']);
    expect(metadataOf('').authors).toEqual([]);
  });
});

describe('metadata escaped twice', () => {
  // In the page source, `&amp;amp;` is what a CMS that escapes twice writes for "&".
  test.each([
    ['Rock &amp;amp; roll', 'Rock & roll'],
    ['Rock &amp;AMP; roll', 'Rock & roll'],
    ['&amp;quot;Talks&amp;quot; resume', '"Talks" resume'],
    ['Talks&amp;apos; end', "Talks' end"],
    ['&amp;lt;b&amp;gt;Talks', '<b>Talks'],
    ['Talks&amp;nbsp;resume', 'Talks resume'],
    ['Talks&amp;#8217; end', 'Talks’ end'],
    ['Talks&amp;#x2019; end', 'Talks’ end'],
    ['Talks&amp;#X2019; end', 'Talks’ end'],
    ['Caf&amp;#xe9; &amp;#233;t&amp;#233;', 'Café été'],
    ['&amp;#x1F600; smile', '😀 smile'],
  ])('%s → %s', (written, read) => {
    expect(metadataOf(`<meta property="og:title" content="${written}">`).titles).toEqual([read]);
  });

  test('an entity that names no character stays as written', () => {
    expect(metadataOf('<meta property="og:title" content="A &amp;#0; B">').titles).toEqual(['A &#0; B']);
    expect(metadataOf('<meta property="og:title" content="A &amp;#x110000; B">').titles).toEqual(['A &#x110000; B']);
    expect(metadataOf('<meta property="og:title" content="A &amp;#1114112; B">').titles).toEqual(['A &#1114112; B']);
    // The last code point there is still is a character.
    expect(metadataOf('<meta property="og:title" content="A &amp;#x10FFFF; B">').titles).toEqual(['A \u{10FFFF} B']);
  });

  test('JSON-LD, which the HTML parser leaves escaped, is unescaped and trimmed', () => {
    const head = jsonLd({
      '@type': 'NewsArticle',
      headline: 'Rock &amp; roll&nbsp;',
      author: [{ name: 'Anna O&#8217;Neill' }, { name: 'Levon Hakobyan' }],
      publisher: { name: '&nbsp;Rock &amp; Roll Weekly' },
    });
    expect(metadataOf(head)).toMatchObject({
      titles: ['Rock & roll'],
      authors: ['Anna O’Neill, Levon Hakobyan'],
      siteNames: ['Rock & Roll Weekly'],
    });
  });

  test('the JSON-LD headline and credit come before the tags', () => {
    const head = `<meta property="og:title" content="From OpenGraph"><meta name="author" content="Tag Author">${jsonLd({
      '@type': 'NewsArticle',
      headline: 'From JSON-LD',
      author: { name: 'Ld Author' },
    })}`;
    expect(metadataOf(head)).toMatchObject({ titles: ['From JSON-LD', 'From OpenGraph'], authors: ['Ld Author', 'Tag Author'] });
  });
});

describe('dates marked in the page body', () => {
  test('microdata and hAtom publication dates follow the meta tags, in page order', () => {
    const body = [
      '<time itemprop="datePublished" datetime="2024-01-01">1 January</time>',
      '<span itemprop="datePublished" content="2024-01-02">2 January</span>',
      '<time pubdate datetime="2024-01-03">3 January</time>',
      '<time class="published" datetime="2024-01-04">4 January</time>',
      '<time class="entry-date" datetime="2024-01-05">5 January</time>',
      '<time datetime="2024-01-06">an unmarked time</time>',
    ].join('');
    expect(metadataOf('<meta name="date" content="2023-12-31">', body).dates).toEqual([
      '2023-12-31', '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05',
    ]);
  });

  test('a marked date that gives no machine-readable value states nothing', () => {
    expect(metadataOf('', '<time class="published">4 January 2024</time><span itemprop="datePublished">yesterday</span>').dates).toEqual([]);
  });
});

describe('document title, headings and language', () => {
  test('the <title> and the h1s are read as a reader sees them; empty h1s are left out', () => {
    const page = metadataOfPage(
      '<html><head><title>\n  Talks   resume | Wire\n</title></head><body><h1>\n  Talks\n  resume </h1><h1> </h1><h1><img src="logo.png"></h1><h1>Second\theading</h1></body></html>',
    );
    expect(page).toMatchObject({ documentTitle: 'Talks resume | Wire', headings: ['Talks resume', 'Second heading'] });
  });

  test('a page without <title> or h1 has none', () => {
    expect(metadataOf('')).toMatchObject({ documentTitle: null, headings: [], titles: [], dates: [], siteNames: [], hosts: [] });
  });

  test.each([
    ['<html lang=" en-GB ">', 'en-GB'],
    ['<html lang="fr">', 'fr'],
    ['<html lang="">', null],
    ['<html lang="  ">', null],
    ['<html>', null],
  ])('%s → lang %s', (open, lang) => {
    expect(metadataOfPage(`${open}<head></head><body></body></html>`).lang).toBe(lang);
  });
});

describe('the addresses a page gives itself', () => {
  test.each([
    ['<meta property="og:url" content="https://www.wire.example/2024/talks">'],
    ['<meta name="twitter:url" content="https://www.wire.example/2024/talks">'],
    ['<link rel="canonical" href="https://www.wire.example/2024/talks">'],
    ['<link rel="Canonical" href="http://www.wire.example/2024/talks">'],
    ['<link rel="canonical amphtml" href="https://www.wire.example/2024/talks">'],
  ])('%s names the host', (head) => {
    expect(metadataOf(head).hosts).toEqual(['www.wire.example']);
  });

  test('each host once, og:url first, then twitter:url, then the canonical link', () => {
    const head = [
      '<link rel="canonical" href="https://amp.wire.example/talks">',
      '<meta name="twitter:url" content="http://m.wire.example/talks">',
      '<meta property="og:url" content="https://www.wire.example/talks">',
      '<link rel="canonical" href="https://www.wire.example/talks?ref=rss">',
    ].join('');
    expect(metadataOf(head).hosts).toEqual(['www.wire.example', 'm.wire.example', 'amp.wire.example']);
  });

  test('other links, relative and non-web addresses name no host', () => {
    const head = [
      '<link rel="stylesheet" href="https://cdn.example.net/site.css">',
      '<link rel="alternate" hreflang="de" href="https://de.wire.example/talks">',
      '<link href="https://fonts.example.com/a.woff2">',
      '<link rel="canonical" href="/2024/talks">',
      '<link rel="canonical">',
      '<meta property="og:url" content="file:///C:/Users/me/Saved%20pages/talks.html">',
      '<meta name="twitter:url" content="mailto:desk@wire.example">',
    ].join('');
    expect(metadataOf(head).hosts).toEqual([]);
  });

  test.each([
    ['spaces', ' '],
    ['line breaks', '\n  '],
    ['no-break spaces', '\u00a0'],
  ])('an address padded with %s still names its host', (_what, pad) => {
    expect(metadataOf(`<link rel="canonical" href="${pad}https://www.wire.example/talks${pad}">`).hosts).toEqual(['www.wire.example']);
  });
});

describe('metadata a reader of the pack sees', () => {
  test('less common tags give the source its title, author, date and site', () => {
    const html = `<html lang="de"><head><title>Wire</title><meta name="twitter:title" content="Talks resume">
      <meta name="DC.creator" content="Jane Doe"><meta name="application-name" content="Wire"></head>
      <body><article>${article}<p><time class="entry-date" datetime="2024-03-05T10:00:00+01:00">5 March</time></p>
      <p>The next round is planned for April, a spokesman for the mediators said on Tuesday evening.</p></article></body></html>`;
    expect(readHtml(ascii(html))).toMatchObject({ title: 'Talks resume', author: 'Jane Doe', published: '2024-03-05', via: ['Wire'], lang: 'de' });
  });
});

describe('the charset a page declares', () => {
  test.each([
    ['<meta name="viewport" content="width=device-width"><meta charset="koi8-r">', 'koi8-r'],
    ['<meta http-equiv="Content-Type" content="text/html"><meta charset="koi8-r">', 'koi8-r'],
    ['<meta http-equiv="X-UA-Compatible" content="IE=edge"><meta http-equiv="content-type" content="text/html; charset=iso-8859-2">', 'iso-8859-2'],
    ['<meta http-equiv="Content-Type" content="text/html; charset = windows-1252">', 'windows-1252'],
    ['<meta http-equiv="Content-Type" content="text/html; CHARSET=\'windows-1252\'">', 'windows-1252'],
    ['<meta charset=" windows-1252 ">', 'windows-1252'],
    ['<meta charset="windows-1252" charset="utf-8">', 'windows-1252'],
    ['<meta http-equiv="Content-Type" content="text/html">', null],
    ['<meta charset="">', null],
    // A commented-out declaration declares nothing, as in a browser's prescan.
    ['<!-- <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"> --><meta charset="utf-8">', 'utf-8'],
    ['<!-- <meta charset="koi8-r"> -->', null],
  ])('%s → %s', (head, expected) => {
    expect(declaredCharset(ascii(`<html><head>${head}</head></html>`))).toBe(expected);
  });

  test('a page whose charset follows other meta tags is decoded in it', () => {
    const html = `<html><head><meta name="viewport" content="width=device-width"><meta http-equiv="Content-Type" content="text/html">
      <meta charset="windows-1252"><title>Prices</title></head><body><h1>Prices</h1>
      <p>\u0093Caf\u00e9\u0094 prices rose sharply in the capital this week, traders said.</p></body></html>`;
    const result = readSource({ path: 'seeds/page.html', bytes: latin(html) });
    expect(sourceOf(result).sentences.map((s) => s.text).join('\n')).toContain('“Café” prices rose');
    expect(result.diagnostics).toEqual([]);
  });
});
