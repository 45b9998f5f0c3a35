// Names in one tagged sentence: runs of capitalised words (wink-nlp PROPN plus title and
// organisation words), split into a role and a name, with a first guess at the kind of actor.
import type { ActorKind } from '../../model.js';
import { isDemonym, placeName, placeOfNationality } from './gazetteer.js';
import {
  EVENT_WORDS,
  GROUP_WORDS,
  HONORIFICS,
  NAME_PARTICLES,
  ORG_WORDS,
  ORGANISATIONS,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  TIME_WORDS,
  TITLE_WORDS,
} from './lexicon.js';
import type { Token } from './nlp.js';

export interface InnerName {
  name: string;
  kind: ActorKind;
}

export interface NameMention {
  /** The name as written, role and possessive removed. */
  name: string;
  /** First guess; null when only the whole corpus can tell (a lone surname, an unknown word). */
  kind: ActorKind | null;
  role: string | null;
  /** Organisations and places named inside the role ("NATO" in "NATO Secretary General"). */
  inner: InnerName[];
  /** Sentence-initial (or quote-initial), where any word is capitalised. */
  initial: boolean;
  /** Evidence beyond capitalisation: an acronym, a known place, a title, several words. */
  strong: boolean;
  /** Token index, to order mentions within a sentence. */
  position: number;
}

const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–', '-', '…', '.', '!', '?', ';']);

const lower = (w: string): string => w.toLowerCase().replace(/\.$/, '');
const isCapitalized = (w: string): boolean => /^\p{Lu}/u.test(w);
/** "NATO", "U.S.", "G7"; longer all-capital words are emphasis or datelines ("FRANKFURT"). */
export const isAcronym = (w: string): boolean => /^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z0-9&]{1,5}$/.test(w) && /[A-Z].*[A-Z]|\./.test(w);
const isTitle = (w: string): boolean => TITLE_WORDS.has(lower(w));
const isHonorific = (w: string): boolean => HONORIFICS.has(lower(w));

function stripPossessive(word: string): string {
  return word.replace(/['’]s$|(?<=s)['’]$/u, '');
}

/** Words that belong to a role or an institution rather than to a person's name. */
function isRoleWord(w: string): boolean {
  return isTitle(w) || ORG_WORDS.has(lower(w)) || isAcronym(w) || isDemonym(w) || placeName(w) !== null;
}

function isInitial(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || OPENERS.has(prev.value);
}

function isNameToken(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !/\p{L}/u.test(t.value) || !isCapitalized(t.value)) return false;
  if (t.pos === 'PRON' || TIME_WORDS.has(lower(t.value)) || /^['’]s$/.test(t.value)) return false;
  // A compound is a name only if it ends capitalised ("Jean-Claude", "al-Assad"), not "Russian-occupied".
  if (/-\p{Ll}[\p{L}]*$/u.test(t.value)) return false;
  if (isInitial(tokens, i)) return t.pos === 'PROPN' || isRoleWord(t.value) || isHonorific(t.value);
  return !['DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT'].includes(t.pos) || isRoleWord(t.value);
}

/** How many connector tokens ("of", "of the", "van", "&") join the name at `j` to a name after them; 0 if none. */
function connectorAfter(tokens: readonly Token[], j: number): number {
  const here = tokens[j];
  const next = tokens[j + 1];
  if (!here || !next) return 0;
  const word = next.value.toLowerCase();
  if ((word === 'of' || word === 'for') && (isTitle(here.value) || ORG_WORDS.has(lower(here.value)) || PLACE_WORDS.has(lower(here.value)))) {
    if (isNameToken(tokens, j + 2)) return 1;
    if (tokens[j + 2]?.value.toLowerCase() === 'the' && isNameToken(tokens, j + 3)) return 2;
    return 0;
  }
  if ((NAME_PARTICLES.has(next.value) || next.value === '&') && isNameToken(tokens, j + 2)) return 1;
  return 0;
}

function join(tokens: readonly Token[]): string {
  return tokens.map((t, k) => (k > 0 && t.spaced ? ' ' : '') + t.value).join('');
}

export interface Classified {
  name: string;
  kind: ActorKind | null;
  role: string | null;
  inner: InnerName[];
  strong: boolean;
}

/**
 * Splits a capitalised phrase into role and name and guesses its kind:
 * "Russian President Vladimir Putin" → person Vladimir Putin, role "Russian President".
 * Returns null for phrases that name no actor ("Prime Minister", "Hurricane Milton", "Russian").
 */
export function classifyWords(raw: readonly string[]): Classified | null {
  const words = raw.map((w, k) => (k === raw.length - 1 ? stripPossessive(w) : w)).filter((w) => w !== '');
  let honorific = false;
  while (words.length > 0 && isHonorific(words[0] ?? '')) {
    words.shift();
    honorific = true;
  }
  if (words.length === 0) return null;
  if (words.some((w) => EVENT_WORDS.has(lower(w)))) return null;
  const joined = words.join(' ');
  // Names the lists know: parties in the plural ("Tories", "Lib Dems"), "Plaid Cymru", "Oxfam".
  if (ORGANISATIONS.has(lower(joined))) return { name: joined, kind: 'organization', role: null, inner: [], strong: true };
  // "Labour MPs", "UK Muslims": people by what they share; a group word alone ("Ministers") names no one.
  if (GROUP_WORDS.has(lower(words[words.length - 1] ?? ''))) {
    if (words.length === 1) return null;
    const inner: InnerName[] = [];
    const head = words.slice(0, -1).join(' ');
    if (ORGANISATIONS.has(lower(head))) inner.push({ name: head, kind: 'organization' });
    const place = placeName(head) ?? placeOfNationality(head);
    if (place) inner.push({ name: place, kind: 'place' });
    return { name: joined, kind: 'group', role: null, inner, strong: true };
  }
  // A nationality on its own ("Russian advances") speaks of its country.
  const place = placeName(joined) ?? placeOfNationality(joined);
  if (place) return { name: place, kind: 'place', role: null, inner: [], strong: true };
  if (words.length === 1 && isDemonym(joined)) return null;
  if (words.every((w) => isTitle(w) || !isCapitalized(w))) return null;

  // Title words, then a name: the name is what follows the last role word.
  let k = -1;
  words.forEach((w, idx) => {
    if (isRoleWord(w) || !isCapitalized(w)) k = idx;
  });
  const prefix = words.slice(0, k + 1);
  const rest = words.slice(k + 1);
  if (rest.length > 0 && prefix.some(isTitle) && !ORG_WORDS.has(lower(prefix[prefix.length - 1] ?? ''))) {
    const inner: InnerName[] = [];
    for (const w of prefix) {
      const p = placeName(w) ?? placeOfNationality(w);
      if (p) inner.push({ name: p, kind: 'place' });
      else if (isAcronym(w) && !isTitle(w)) inner.push({ name: w, kind: 'organization' });
    }
    return { name: rest.join(' '), kind: 'person', role: prefix.join(' '), inner, strong: true };
  }

  const last = lower(words[words.length - 1] ?? '');
  if (words.some((w) => ORG_WORDS.has(lower(w)))) return { name: joined, kind: 'organization', role: null, inner: [], strong: true };
  if (words.length > 1 && PLACE_WORDS.has(last)) return { name: joined, kind: 'place', role: null, inner: [], strong: true };
  if (words.length === 1 && isAcronym(joined)) return { name: joined, kind: 'organization', role: null, inner: [], strong: true };
  // A nationality before a name ("Ukrainian Zelenskyy") qualifies it: a mention of the country, not part of the name.
  const qualifiers: InnerName[] = [];
  while (words.length > 1 && isDemonym(words[0] ?? '')) {
    const country = placeOfNationality(words.shift() ?? '');
    if (country) qualifiers.push({ name: country, kind: 'place' });
  }
  const name = words.join(' ');
  if (honorific || words.length > 1) return { name, kind: 'person', role: null, inner: qualifiers, strong: true };
  return { name, kind: null, role: null, inner: qualifiers, strong: false };
}

/** A lower-case role just before a name: "Kremlin spokesman Dmitry Peskov" → "Kremlin spokesman". */
function roleBefore(tokens: readonly Token[], start: number): string | null {
  const head = tokens[start - 1];
  if (!head || !ROLE_NOUNS.has(head.value.toLowerCase()) || isCapitalized(head.value)) return null;
  let from = start - 1;
  while (from - 1 >= 0 && start - from < 4) {
    const t = tokens[from - 1];
    if (!t || !['ADJ', 'NOUN', 'PROPN'].includes(t.pos) || SPEECH_VERBS.has(t.value.toLowerCase())) break;
    from--;
  }
  return join(tokens.slice(from, start));
}

/** An apposition after a name: "Jerome Powell, the Fed chair, said" → "Fed chair". */
function roleAfter(tokens: readonly Token[], end: number): string | null {
  if (tokens[end + 1]?.value !== ',') return null;
  const phrase: Token[] = [];
  for (let k = end + 2; k < tokens.length && phrase.length <= 8; k++) {
    const t = tokens[k];
    if (!t || [',', '.', ';', '”', '"', ')'].includes(t.value)) break;
    phrase.push(t);
  }
  if (phrase.length === 0 || phrase.length > 8) return null;
  if (phrase.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON')) return null;
  if (!phrase.some((t) => ROLE_NOUNS.has(t.value.toLowerCase()) || (isTitle(t.value) && !isCapitalized(t.value)))) return null;
  const first = phrase[0];
  const body = first && first.pos === 'DET' ? phrase.slice(1) : phrase;
  return body.length > 0 ? join(body) : null;
}

interface Chunk {
  start: number;
  end: number;
  classified: Classified;
}

/** All names in a tagged sentence, in order. */
export function namesInSentence(tokens: readonly Token[]): NameMention[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens, i)) {
      // "Russian-occupied territory" is not a name, but it speaks of Russia.
      const country = /-/.test(tokens[i]?.value ?? '') ? placeOfNationality(tokens[i]?.value ?? '') : null;
      if (country) chunks.push({ start: i, end: i, classified: { name: country, kind: 'place', role: null, inner: [], strong: true } });
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (isNameToken(tokens, j + 1) && tokens[j + 1]?.spaced) {
        j++;
        continue;
      }
      const c = connectorAfter(tokens, j);
      if (c === 0) break;
      j += c + 1;
    }
    const classified = classifyWords(tokens.slice(i, j + 1).map((t) => t.value));
    if (classified) chunks.push({ start: i, end: j, classified });
    i = j + 1;
  }

  return chunks.map((chunk, idx) => {
    const { start, end } = chunk;
    const c = { ...chunk.classified };
    const next = tokens[end + 1]?.value.toLowerCase() ?? '';
    const prev = tokens[start - 1]?.value.toLowerCase() ?? '';
    if (c.kind === null && SPEECH_VERBS.has(next)) c.kind = 'person';
    if (c.kind === null && PLACE_PREPOSITIONS.has(prev)) c.kind = 'place';
    if (c.kind === 'person' || c.kind === null) {
      const role = c.role ?? roleBefore(tokens, start) ?? roleAfter(tokens, end) ?? affiliation(chunks, idx, tokens);
      if (role !== c.role) {
        c.role = role;
        if (role) c.kind = 'person';
      }
    }
    return {
      name: c.name,
      kind: c.kind,
      role: c.role,
      inner: c.inner,
      initial: isInitial(tokens, start),
      strong: c.strong,
      position: start,
    };
  });
}

/** "Lucian Kim of the International Crisis Group": the organisation a person speaks for. */
function affiliation(chunks: readonly Chunk[], idx: number, tokens: readonly Token[]): string | null {
  const here = chunks[idx];
  const next = chunks[idx + 1];
  if (!here || !next || next.classified.kind !== 'organization') return null;
  const between = tokens.slice(here.end + 1, next.start).map((t) => t.value.toLowerCase());
  const ok = ['of', 'at', 'from'].includes(between[0] ?? '') && (between.length === 1 || (between.length === 2 && between[1] === 'the'));
  return ok ? next.classified.name : null;
}
