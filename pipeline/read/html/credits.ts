// Credits as pages state them are untidy: "By JANE DOE, AP Auto Writer", "Jane Doe, Reuters",
// "Name. Site Name", a profile URL in place of a name, a timestamp in ISO form or
// "2019/11/19". Each becomes what a reader would write down: a name, a site, a date.
import { isoDate, findDate } from '../rules/dates.js';
import { looksLikeOutlet } from '../rules/attribution.js';
import { SEPARATOR, squash } from './compare.js';

const URL_LIKE = /^(?:https?:)?\/\/|^www\.|^[\w-]+(?:\.[\w-]+)+\/\S*$/i;
const CREDIT_PREFIX = /^(?:(?:written|posted|reported|words|text)\s+)?by(?:\s*:\s*|\s+)|^(?:author|authors|byline)\s*:\s*/i;
const ROLE = /\b(?:writer|correspondent|editor|reporter|staff|contributor|columnist|bureau|desk|team)\b/i;
/** Where a credit's names end and its outlet, role or date begins. */
const CREDIT_END = /\n|\s{2,}|\s[|•·]\s/;
/** Between names: commas, "and", and a full stop after a whole word ("Jane Doe. Site"). */
const NAME_SEPARATOR = /\s*[,;&]\s*|\s+and\s+|(?<=\p{L}{2})\.\s+/u;
const PARTICLE = /^(?:al|bin|da|de|del|della|der|di|dos|du|el|ibn|la|le|van|von|y)$|^(?:al|el)-/;

/** YYYY-MM-DD of a stated date, in the page's own time zone, or null. */
export function isoDateOf(stated: string): string | null {
  const numeric = /^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?!\d)/.exec(stated);
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  return findDate(stated)?.iso ?? null;
}

export function firstIsoDate(stated: readonly string[]): string | null {
  for (const date of stated) {
    const iso = isoDateOf(date);
    if (iso) return iso;
  }
  return null;
}

/** A site's name without its tagline or sections ("Autoracing | F1 | Indy"); a URL is not a name. */
export function cleanSiteName(name: string): string | null {
  const first = name.trim().split(SEPARATOR)[0]?.trim() ?? '';
  return first === '' || URL_LIKE.test(first) ? null : first;
}

/** "TOM KRISHER" → "Tom Krisher"; names already in mixed case are left as written. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

export interface Credit {
  /** The people credited, cleaned; empty when the credit names nobody but the site itself. */
  names: string[];
  /** What followed the names: often the date and time. */
  rest: string;
}

/** "Jane Doe", "JANE DOE", "Ahmad al-Lawan", "Regan": capitalised words, a particle or two. */
function isName(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length <= 5 && words.every((word) => /^[\p{Lu}\p{Lt}]/u.test(word) || PARTICLE.test(word));
}

/** The names in a credit's head; one that is no list of names ("The defence ministries") stays whole. */
function namesIn(head: string, sites: Set<string>): string[] {
  // The site's own name, whole, credits no one, even when it reads as a list ("Stars and Stripes").
  if (sites.has(squash(head))) return [];
  const parts = head
    .split(NAME_SEPARATOR)
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter((part) => /\p{L}/u.test(part) && !URL_LIKE.test(part) && !sites.has(squash(part)));
  const people = parts.filter((part) => !ROLE.test(part) && !looksLikeOutlet(part) && findDate(part) === null);
  if (!people.every(isName)) return sites.has(squash(head)) ? [] : [head];
  // "Jane Doe, Futurism": beside a full name, a single word is the outlet she wrote for.
  const named = people.some((part) => part.includes(' ')) ? people.filter((part) => part.includes(' ')) : people;
  // A credit that names only an outlet ("Reuters") is still the page's credit.
  return named.length > 0 ? named : parts.slice(0, 1);
}

/** A credit split into names and the rest; `siteNames` are the page's own names, not authors. */
export function parseCredit(credit: string, siteNames: readonly string[]): Credit {
  if (URL_LIKE.test(credit.trim())) return { names: [], rest: '' };
  const [head = '', ...rest] = credit.trim().split(CREDIT_END);
  const names = namesIn(head.replace(CREDIT_PREFIX, '').trim(), new Set(siteNames.map(squash)));
  return { names: [...new Set(names.map(titleCase))], rest: rest.join(' ').trim() };
}
