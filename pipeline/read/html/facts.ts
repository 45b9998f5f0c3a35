// The article's title, author, date, site and language, from everything the page states:
// its metadata first, then what Readability made of the page.
import { languageTag } from '../language-tag.js';
import { chooseTitle } from './title.js';
import { squash } from './compare.js';
import { cleanSiteName, firstIsoDate, parseCredit } from './credits.js';
import type { PageMetadata } from './metadata.js';

/** The part of Readability's result these facts draw on. */
export interface ReadabilityFacts {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
  lang?: string | null | undefined;
}

export interface PageFacts {
  title: string | null;
  kicker: string | null;
  author: string | null;
  published: string | null;
  site: string | null;
  lang: string | null;
}


function present(values: readonly (string | null | undefined)[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
}

function firstSiteName(names: readonly string[]): string | null {
  for (const name of names) {
    const cleaned = cleanSiteName(name);
    if (cleaned) return cleaned;
  }
  return null;
}

/** The first credit that names someone, and the date a credit's tail may state. */
function creditOf(credits: readonly string[], siteNames: readonly string[]): { author: string | null; date: string | null } {
  const sites = new Set(siteNames.map(squash));
  for (const credit of credits) {
    const { names, rest } = parseCredit(credit, siteNames);
    if (names.length > 0) return { author: names.join(', '), date: firstIsoDate([rest]) };
    // A page credited to its site names no author; a weaker credit further down would guess.
    if (sites.has(squash(credit))) break;
  }
  return { author: null, date: null };
}

/** "en_US" → "en-US"; anything that is not a language tag is dropped. */
function languageOf(tags: readonly string[]): string | null {
  for (const declared of tags) {
    const tag = languageTag(declared);
    if (tag !== null) return tag;
  }
  return null;
}

export function pageFacts(metadata: PageMetadata, article: ReadabilityFacts): PageFacts {
  const stated = present([...metadata.siteNames, article.siteName]);
  const title = chooseTitle({
    titles: metadata.titles,
    documentTitle: metadata.documentTitle,
    headings: metadata.headings,
    fallback: article.title ?? null,
    siteNames: stated,
    hosts: metadata.hosts,
  });
  const siteNames = present([...stated, title?.site]);
  const credit = creditOf(present([...metadata.authors, article.byline]), siteNames);
  return {
    title: title?.title ?? null,
    kicker: title?.kicker ?? null,
    author: credit.author,
    published: firstIsoDate(present([...metadata.dates, article.publishedTime])) ?? credit.date,
    site: firstSiteName(present([...metadata.siteNames, title?.site, article.siteName])),
    lang: languageOf(present([metadata.lang, article.lang])),
  };
}
