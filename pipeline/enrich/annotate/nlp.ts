// The one wink-nlp instance, loaded on first use: part-of-speech tags for finding names.
import winkNLP from 'wink-nlp';
import type { PartOfSpeech, WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  /** The word as written; hyphenated and dotted compounds ("Jean-Claude", "U.S.") are one token. */
  value: string;
  pos: PartOfSpeech;
  /** True when whitespace precedes the token in the text. */
  spaced: boolean;
}

let nlp: WinkMethods | null = null;

function load(): WinkMethods {
  // Sentences come already split: only the tagger is needed.
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

const JOINERS = new Set(['-', '.', '&']);

interface RawToken {
  value: string;
  pos: PartOfSpeech;
  spaces: string;
}

/** Rejoins what the tokenizer split inside unspaced compounds ("Jean-Claude", "Caliber.Az"). */
function glued(raw: readonly RawToken[]): Token[] {
  const out: Token[] = [];
  raw.forEach((token, i) => {
    const { value, pos } = token;
    const spaced = token.spaces !== '';
    const prev = out[out.length - 1];
    const next = raw[i + 1];
    const nextJoins = next !== undefined && next.spaces === '' && /^[\p{L}\p{N}]/u.test(next.value);
    const glue =
      prev !== undefined &&
      !spaced &&
      (JOINERS.has(value) ? nextJoins && /[\p{L}\p{N}]$/u.test(prev.value) : /[-.&]$/.test(prev.value) && /^[\p{L}\p{N}]/u.test(value));
    if (glue && prev) {
      prev.value += value;
      // A compound is a name only if every part is ("Jean-Claude"), not "Russian-occupied".
      if (/\p{L}/u.test(value)) prev.pos = /^\p{Lu}/u.test(value) && prev.pos === 'PROPN' ? 'PROPN' : pos;
    } else {
      out.push({ value, pos, spaced });
    }
  });
  return out;
}

/**
 * Tags many sentences in one pass (one document is much cheaper than one per sentence) and
 * splits the tokens back by character offset.
 */
export function tagAll(texts: readonly string[]): Token[][] {
  const wink = load();
  const joined = texts.join('\n');
  const doc = wink.readDoc(joined);
  const values = doc.tokens().out(wink.its.value);
  const tags = doc.tokens().out(wink.its.pos) as PartOfSpeech[];
  const spaces = doc.tokens().out(wink.its.precedingSpaces);
  const ends: number[] = [];
  let end = 0;
  for (const t of texts) {
    end += t.length;
    ends.push(end);
    end += 1;
  }
  const perText: RawToken[][] = texts.map(() => []);
  let offset = 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const gap = spaces[i] ?? '';
    offset += gap.length;
    while (k < ends.length - 1 && offset >= (ends[k] ?? 0)) k++;
    const list = perText[k];
    // The line breaks joining the sentences come back as tokens of their own.
    if (/\S/.test(value)) list?.push({ value, pos: tags[i] ?? 'X', spaces: list.length === 0 ? '' : gap });
    offset += value.length;
  }
  if (offset !== joined.length) return texts.map(tagOne);
  return perText.map(glued);
}

function tagOne(text: string): Token[] {
  const wink = load();
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(wink.its.value);
  const tags = doc.tokens().out(wink.its.pos) as PartOfSpeech[];
  const spaces = doc.tokens().out(wink.its.precedingSpaces);
  return glued(values.map((value, i) => ({ value, pos: tags[i] ?? 'X', spaces: spaces[i] ?? '' })));
}

/** Tags one sentence. */
export function tag(text: string): Token[] {
  return tagOne(text);
}
