// What a page states about its article outside the text: <meta> tags (OpenGraph, Dublin
// Core, the plain `author` and `date`), JSON-LD, the <title> and the h1s. Read before
// Readability runs, because Readability rewrites the document as it goes.
import { textOfElement, type PageDocument } from './dom.js';
import { readJsonLd } from './json-ld.js';

export interface PageMetadata {
  /** Headlines the page states, most trusted first: JSON-LD, OpenGraph, Twitter, other meta. */
  titles: string[];
  /** The <title>, which usually carries the site's name too. */
  documentTitle: string | null;
  /** Texts of the page's h1 elements, in document order. */
  headings: string[];
  /** Author credits as stated, most trusted first; JSON-LD's list of authors is one credit. */
  authors: string[];
  /** Publication dates as stated, most trusted first. */
  dates: string[];
  /** Names the site gives itself, most trusted first. */
  siteNames: string[];
  /** The page's language tag, as in <html lang>. */
  lang: string | null;
  /** Host names of the addresses the page gives itself: og:url, the canonical link. */
  hosts: string[];
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'title', 'headline', 'dc.title', 'dcterms.title', 'sailthru.title', 'parsely-title'];
const AUTHOR_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'byl', 'parsely-author', 'sailthru.author'];
const DATE_KEYS = [
  'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date',
  'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'article.published', 'parsely-pub-date', 'sailthru.date',
  'og:published_time', 'pdate',
];
const SITE_KEYS = ['application-name', 'publisher', 'dc.publisher'];

/** Meta values by lower-cased name, property or itemprop, in document order. */
function metaValues(document: PageDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = unescapeEntities(meta.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (content === '') continue;
    const keys = ['property', 'name', 'itemprop'].map((attribute) => meta.getAttribute(attribute)?.trim().toLowerCase());
    for (const key of new Set(keys)) {
      if (key) values.set(key, [...(values.get(key) ?? []), content]);
    }
  }
  return values;
}

/** Some CMSs escape their metadata twice, so "&#8217;" reaches us as text. */
function unescapeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|quot|apos|lt|gt|nbsp));/gi, (entity, dec?: string, hex?: string, name?: string) => {
    if (name) return named[name.toLowerCase()] ?? entity;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function valuesOf(meta: Map<string, string[]>, keys: readonly string[]): string[] {
  return keys.flatMap((key) => meta.get(key) ?? []);
}

function jsonLdScripts(document: PageDocument): string[] {
  return [...document.querySelectorAll('script')]
    .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .map((script) => script.textContent ?? '');
}

/** `<time datetime>` marked as the publication date, the way microdata and hAtom do. */
function markedDates(document: PageDocument): string[] {
  const marked = document.querySelectorAll('[itemprop="datePublished"], time[pubdate], time.published, time.entry-date');
  return [...marked].map((element) => element.getAttribute('datetime') ?? element.getAttribute('content') ?? '').filter(Boolean);
}

function canonicalLinks(document: PageDocument): string[] {
  return [...document.querySelectorAll('link')]
    .filter((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    .map((link) => link.getAttribute('href') ?? '');
}

/** The host of each absolute http(s) address; relative and odd ones say nothing. */
function hostsOf(addresses: readonly string[]): string[] {
  const hosts = addresses.flatMap((address) => {
    try {
      const url = new URL(address.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? [url.hostname] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(hosts)];
}

export function readMetadata(document: PageDocument, onInvalidJsonLd: (reason: string) => void): PageMetadata {
  const meta = metaValues(document);
  const jsonLd = readJsonLd(jsonLdScripts(document), onInvalidJsonLd);
  const unescaped = (values: readonly string[]): string[] => values.map((value) => unescapeEntities(value).trim());
  const titleElement = document.querySelector('title');
  const documentTitle = titleElement ? unescapeEntities(textOfElement(titleElement)) : '';
  return {
    titles: [...unescaped(jsonLd.headlines), ...valuesOf(meta, TITLE_KEYS)],
    documentTitle: documentTitle || null,
    headings: [...document.querySelectorAll('h1')].map(textOfElement).filter(Boolean),
    authors: [...unescaped([jsonLd.authors.join(', ')]), ...valuesOf(meta, AUTHOR_KEYS)].filter(Boolean),
    dates: [...jsonLd.published, ...valuesOf(meta, DATE_KEYS), ...markedDates(document)],
    siteNames: [...valuesOf(meta, ['og:site_name']), ...unescaped(jsonLd.publishers), ...valuesOf(meta, SITE_KEYS)],
    lang: document.documentElement?.getAttribute('lang')?.trim() || null,
    hosts: hostsOf([...valuesOf(meta, ['og:url', 'twitter:url']), ...canonicalLinks(document)]),
  };
}
