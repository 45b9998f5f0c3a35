// Schema.org JSON-LD, where most news sites state their article's headline, authors, date
// and publisher. Only the page's own work is believed about people and dates: a fact
// check's ClaimReview is, but the claim it reviews, nested in it, has another author.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdFacts {
  headlines: string[];
  authors: string[];
  published: string[];
  publishers: string[];
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|ClaimReview)$/;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === 'string');
}

function isArticle(object: JsonObject): boolean {
  return typesOf(object).some((type) => ARTICLE_TYPE.test(type));
}

/** Lists of other works: the articles in them are teasers ("related stories"), not the page's own. */
const LIST_TYPE = /^(?:ItemList|BreadcrumbList|CollectionPage|SiteNavigationElement)$/;
const LIST_KEYS = new Set(['itemListElement', 'relatedLink', 'significantLink', 'mentions', 'citation']);

/**
 * Every object in the document, nested ones and `@graph` members included, outermost first; each
 * says whether it stands in a list of other works.
 */
function objectsIn(value: Json, listed = false): Array<{ object: JsonObject; listed: boolean }> {
  if (Array.isArray(value)) return value.flatMap((item) => objectsIn(item, listed));
  if (!isObject(value)) return [];
  const inside = listed || typesOf(value).some((type) => LIST_TYPE.test(type));
  return [{ object: value, listed }, ...Object.entries(value).flatMap(([key, child]) => objectsIn(child, inside || LIST_KEYS.has(key)))];
}

function stringOf(value: Json | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** `"Jane Doe"`, `{ "name": "Jane Doe" }`, or a list of either. */
function namesOf(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (isObject(value)) return namesOf(value['name']);
  const name = stringOf(value);
  return name ? [name] : [];
}

function present(values: (string | null)[]): string[] {
  return values.filter((value): value is string => value !== null);
}

/** The facts JSON-LD states; scripts that are not valid JSON are reported by `onInvalid`. */
export function readJsonLd(scripts: readonly string[], onInvalid: (reason: string) => void): JsonLdFacts {
  const objects: JsonObject[] = [];
  for (const script of scripts) {
    try {
      // Some CMSs wrap the JSON in CDATA markers left over from XHTML days.
      for (const { object, listed } of objectsIn(JSON.parse(script.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json)) if (!listed) objects.push(object);
    } catch (error) {
      onInvalid(error instanceof Error ? error.message : String(error));
    }
  }
  const articles = objects.filter(isArticle);
  const others = objects.filter((object) => !isArticle(object));
  return {
    headlines: present([...articles, ...others].map((object) => stringOf(object['headline']))),
    // The first article that names its authors is the page's own; later ones are teasers.
    authors: articles.map((article) => namesOf(article['author'])).find((names) => names.length > 0) ?? [],
    published: present(articles.map((article) => stringOf(article['datePublished']))),
    publishers: articles.flatMap((article) => namesOf(article['publisher'])),
  };
}
