// A page states its headline several times, each a little differently: "Headline - Site"
// in <title>, "Section | Headline" in og:title, an SEO rewording in JSON-LD. The headline a
// reader sees is the h1, so the candidate the h1 confirms wins, in the h1's own wording;
// site names come off the ends of the others.
import { SEPARATOR, similarity, squash, words } from './compare.js';

export interface TitleInput {
  /** Stated headlines, most trusted first (JSON-LD, OpenGraph, …). */
  titles: readonly string[];
  documentTitle: string | null;
  headings: readonly string[];
  /** What Readability made of the title, the last resort. */
  fallback: string | null;
  siteNames: readonly string[];
  /** Host names the page gives as its address (og:url, canonical link): "www.examplenews.com". */
  hosts?: readonly string[];
}

export interface TitleChoice {
  title: string;
  /** A section name the page put before its headline ("Opinion | …"). */
  kicker: string | null;
  /** The site's name as the <title> appends it, when the title was found inside it. */
  site: string | null;
}

/** How closely an h1 must match a stated headline to confirm it. */
const CONFIRMS = 0.8;
const MAX_KICKER_WORDS = 3;
function wordCount(text: string): number {
  return words(text).length;
}

function segmentsOf(title: string): string[] {
  return title.split(SEPARATOR).map((segment) => segment.trim()).filter(Boolean);
}

/** Second-level labels under which sites register their names: "bbc.co.uk", "abc.net.au". */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'news']);

/** The name a host registers: "www.bbc.co.uk" → "bbc", "edition.cnn.com" → "cnn". */
function hostName(host: string): string | null {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const suffix = labels.length > 2 && SECOND_LEVEL.has(labels.at(-2) ?? '') ? 2 : 1;
  return labels.at(-1 - suffix) ?? null;
}

/** Every known site name and each part of it: "Remember 80/90 - Memorabilia anni 80/90" gives three. */
function siteTokens(siteNames: readonly string[], hosts: readonly string[]): Set<string> {
  const names = siteNames.flatMap((name) => [name, ...segmentsOf(name)]);
  const registered = hosts.map(hostName).filter((name): name is string => name !== null);
  return new Set([...names, ...registered].map(squash).filter(Boolean));
}

interface Core {
  /** The parts between separators that remain. */
  segments: string[];
  /** Those parts as the candidate writes them, separators between them included. */
  text: string;
}

/** The candidate without site names at either end; `stripShort` also takes a short unknown tail. */
function coreOf(candidate: string, sites: Set<string>, stripShort: boolean): Core {
  const segments = segmentsOf(candidate);
  let from = 0;
  let to = segments.length;
  while (to - from > 1 && sites.has(squash(segments[to - 1] ?? ''))) to -= 1;
  while (to - from > 1 && sites.has(squash(segments[from] ?? ''))) from += 1;
  const tail = segments[to - 1] ?? '';
  const head = segments.slice(from, to - 1).join(' ');
  // With nothing to confirm the headline, a short last part beside a longer one is the
  // site's name, the way " - Entermedia" ends a title whose site states no name.
  if (stripShort && to - from > 1 && wordCount(tail) <= 3 && wordCount(head) > wordCount(tail)) to -= 1;
  const kept = segments.slice(from, to);
  const start = candidate.indexOf(kept[0] ?? '');
  const last = kept.at(-1) ?? '';
  const end = candidate.indexOf(last, start) + last.length;
  return { segments: kept, text: candidate.slice(start, end).trim() };
}

function kickerOf(core: Core, heading: string): string | null {
  const [first = '', ...rest] = core.segments;
  const confirmsRest = rest.length > 0 && squash(rest.join(' ')) === squash(heading);
  return confirmsRest && wordCount(first) <= MAX_KICKER_WORDS ? first : null;
}

/** The site name the <title> carries around the headline, if the headline is in it. */
function siteInDocumentTitle(documentTitle: string | null, title: string, kicker: string | null): string | null {
  const segments = segmentsOf(documentTitle ?? '');
  const headline = new Set([squash(title), squash(`${kicker ?? ''}${title}`)]);
  for (let cut = segments.length - 1; cut > 0; cut -= 1) {
    if (headline.has(squash(segments.slice(0, cut).join(' ')))) return segments.slice(cut).join(' - ');
    if (headline.has(squash(segments.slice(segments.length - cut).join(' ')))) return segments.slice(0, segments.length - cut).join(' - ');
  }
  return null;
}

function confirmedByHeading(candidates: readonly string[], input: TitleInput, sites: Set<string>): TitleChoice | null {
  let best: { score: number; heading: string; core: Core } | null = null;
  for (const heading of input.headings) {
    for (const candidate of candidates) {
      const core = coreOf(candidate, sites, false);
      const score = Math.max(similarity(heading, core.text), similarity(heading, core.segments.slice(1).join(' ')));
      if (score >= CONFIRMS && (best === null || score > best.score)) best = { score, heading, core };
    }
  }
  if (best === null) return extendedByHeading(candidates, input, sites);
  const kicker = kickerOf(best.core, best.heading);
  return { title: best.heading, kicker, site: siteInDocumentTitle(input.documentTitle, best.heading, kicker) };
}

/**
 * An h1 that begins with a stated title's main part and goes on: "Talks resume in Geneva" under
 * <title>Talks resume | Example News</title>. The part must be the candidate's longest, so that a
 * site's name in its h1 ("Example News | Talks resume") confirms nothing.
 */
function extendedByHeading(candidates: readonly string[], input: TitleInput, sites: Set<string>): TitleChoice | null {
  for (const heading of input.headings) {
    const said = words(heading);
    for (const candidate of candidates) {
      const segments = coreOf(candidate, sites, false).segments;
      const longest = Math.max(...segments.map(wordCount));
      const main = segments.find((segment) => {
        const part = words(segment);
        return part.length >= 2 && part.length === longest && part.length < said.length && part.every((word, i) => said[i] === word);
      });
      if (main !== undefined) return { title: heading, kicker: null, site: siteInDocumentTitle(input.documentTitle, main, null) };
    }
  }
  return null;
}

/** The article's title, or null when the page states none at all. */
export function chooseTitle(input: TitleInput): TitleChoice | null {
  const sites = siteTokens(input.siteNames, input.hosts ?? []);
  const candidates = [...new Set([...input.titles, input.documentTitle ?? '', input.fallback ?? ''])].filter(Boolean);
  const confirmed = confirmedByHeading(candidates, input, sites);
  if (confirmed) return confirmed;
  const first = candidates[0] ?? input.headings[0];
  if (first === undefined) return null;
  const { text: title } = coreOf(first, sites, true);
  return { title, kicker: null, site: siteInDocumentTitle(input.documentTitle, title, null) };
}
