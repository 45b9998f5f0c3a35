// Word-level helpers shared by the extractors: splitting, light stemming, content terms.
import { NEGATORS, STOP_WORDS } from './lexicon.js';

/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of a text, lower-cased, typographic apostrophes folded, possessive "'s" dropped. */
export function words(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [])
    .map((w) => w.replace(/'s$/, ''));
}

// Ordered longest first; a suffix is stripped only if at least four letters remain, so that short
// words keep their meaning ("rates" → "rate", but "bus" stays).
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['izations', 'ize'], ['isations', 'ize'], ['ization', 'ize'], ['isation', 'ize'], ['ational', 'ate'],
  ['ations', 'ate'], ['ation', 'ate'], ['nesses', ''], ['ments', ''], ['ment', ''], ['ness', ''],
  ['ities', ''], ['ity', ''], ['ingly', ''], ['edly', ''], ['ings', ''], ['ing', ''], ['ised', 'ize'],
  ['ized', 'ize'], ['ises', 'ize'], ['izes', 'ize'], ['ise', 'ize'], ['ied', 'y'], ['ies', 'y'],
  ['ed', ''], ['ly', ''], ['es', 'e'], ['s', ''],
];

/**
 * A light suffix-stripping stem: enough to match "guarantees"/"guarantee", "escalating"/
 * "escalation"/"escalate" and British/American "-ise"/"-ize", without a dictionary.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  let stripped = '';
  for (const [suffix, replacement] of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    if (suffix === 's' && /(?:ss|us|is)$/.test(w)) break;
    const base = w.slice(0, -suffix.length);
    if (base.length < 3 || (base.length < 4 && suffix !== 's' && suffix !== 'es')) break;
    w = base + (suffix === 'es' && /(?:x|sh|ch|ss|z)$/.test(base) ? '' : replacement);
    stripped = suffix;
    break;
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // A consonant doubled before "-ing"/"-ed" ("planned" → "plann" → "plan").
  if ((stripped === 'ing' || stripped === 'ed') && w.length > 4 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

// Every extractor asks the same of the same sentences; the answers are worked out once. Bounded,
// and each a pure function of the text, so it changes no result.
const MEMO_SIZE = 50_000;

function memoized<T>(of: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    const value = of(text);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, value);
    return value;
  };
}

/** Stems of the content words of a text: stop words, numbers and one-letter words left out. */
export const terms: (text: string) => readonly string[] = memoized((text) =>
  words(text)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+$/.test(w))
    .map(stem),
);

/** Number of words, for length thresholds. */
export const wordCount: (text: string) => number = memoized((text) => words(text).length);

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when a sentence is turned round an odd number of times ("not", "never", "denied", "-n't"). */
export const negated: (text: string) => boolean = memoized((text) => words(text).filter((w) => NEGATORS.has(w) || w.endsWith("n't")).length % 2 === 1);

/**
 * Orders wordings shortest first, then alphabetically: the choice among near-identical wordings
 * then depends on their content alone, never on the order of the sources, so ids made from the
 * chosen wording stay put when sources are added or renamed.
 */
export function shorterFirst(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A sentence that opens on a pronoun pointing back ("He said…", "They were released…") needs the
 * sentence before it: out of its article, in a summary or a bottom line, the reader cannot tell
 * who is meant. "It" and "This" are left alone: they open many sentences that stand alone ("It is
 * likely that…", "This week…").
 */
const BACK_POINTING = /^[“"‘']?(?:he|she|they|him|her|his|hers|them|their|theirs|these|those)\b/iu;
export function pointsBack(text: string): boolean {
  return BACK_POINTING.test(text.trim());
}
