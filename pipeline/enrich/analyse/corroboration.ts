// Corroboration: how many independent sources stand behind an item, and the confidence that buys.
// Two sources are not independent when they share an outlet they came through (both "via
// Bloomberg") or an author: the same reporting passed on twice is still one report. Sources are
// joined into groups over shared outlets and authors; an item's corroboration is the number of
// groups among its sources. Confidence follows it: one group low, two moderate, three or more high.
import type { Confidence, Edit, Source } from '../../model.js';
import { NOT_ASSESSED } from '../../model.js';
import { normalizeText } from '../annotate/ids.js';
import { GENERIC_BYLINES } from '../annotate/lexicon.js';

export interface Independence {
  /** The group a source belongs to: the smallest source id in it, so input order changes nothing. */
  groupOf(sourceId: string): string;
  /** How many independent groups the sources make. */
  count(sourceIds: Iterable<string>): number;
}

function outletKey(name: string): string {
  return normalizeText(name).replace(/^the /, '');
}

/** What ties a source to others: its outlets, and its author unless the byline names no one. */
function ties(source: Source): string[] {
  const keys = source.via.map((v) => `via:${outletKey(v)}`);
  const author = source.author ? normalizeText(source.author) : '';
  if (author && !GENERIC_BYLINES.has(author)) keys.push(`by:${author}`);
  return keys;
}

export function independence(sources: readonly Source[]): Independence {
  const parent = new Map<string, string>(sources.map((s) => [s.id, s.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    return root;
  };
  const firstWithTie = new Map<string, string>();
  for (const source of sources) {
    for (const tie of ties(source)) {
      const other = firstWithTie.get(tie);
      if (other === undefined) {
        firstWithTie.set(tie, source.id);
        continue;
      }
      const [a, b] = [find(other), find(source.id)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groupOf = (id: string): string => find(id);
  return { groupOf, count: (ids) => new Set([...ids].map(groupOf)).size };
}

export function confidenceOf(independentSources: number): Confidence {
  return independentSources >= 3 ? 'high' : independentSources === 2 ? 'moderate' : 'low';
}

/**
 * Provenance of an item an extractor found: each source counted as independent until
 * assess.ts knows better, credibility not yet judged.
 */
export function foundInSources(sourceIds: readonly string[]) {
  return {
    confidence: confidenceOf(sourceIds.length),
    corroboration: sourceIds.length,
    credibility: NOT_ASSESSED,
    origin: 'sources' as const,
    note: null,
    edits: [] as Edit[],
    storyId: null,
  };
}
