// Sentence splitting with wink-nlp, which knows abbreviations (U.S., Mr., Gen.), initials,
// decimals and closing quotes. Its English model is large, so it is loaded once, on first use.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;

let nlp: Nlp | undefined;

function loadNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

export interface SplitSentence {
  /** The sentence with its white space collapsed. */
  text: string;
  /** Offset of the sentence's first character in the text that was split. */
  offset: number;
}

/** Collapses white space runs to one space and maps each kept character back to its offset. */
function collapse(text: string): { collapsed: string; offsets: number[] } {
  let collapsed = '';
  const offsets: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    if (collapsed !== '') {
      collapsed += ' ';
      offsets.push(match.index - 1);
    }
    collapsed += match[0];
    for (let i = 0; i < match[0].length; i += 1) offsets.push(match.index + i);
  }
  return { collapsed, offsets };
}

/** A sentence needs a word or a number; a stray dash or ellipsis is not one. */
function hasContent(sentence: string): boolean {
  return /[\p{L}\p{N}]/u.test(sentence);
}

export function splitSentences(text: string): SplitSentence[] {
  const { collapsed, offsets } = collapse(text);
  if (collapsed === '') return [];
  const pieces: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const sentence of loadNlp().readDoc(collapsed).sentences().out()) {
    const trimmed = sentence.trim();
    // wink gives back the text it was given; the search only guards against surprises.
    const found = collapsed.indexOf(trimmed, cursor);
    const start = found === -1 ? cursor : found;
    cursor = Math.max(cursor, start + trimmed.length);
    const previous = pieces.at(-1);
    // A boundary the text runs on through without a space is inside a name ("Caliber.Az").
    if (previous && collapsed[start - 1] !== ' ') previous.end = cursor;
    else pieces.push({ start, end: cursor });
  }
  return pieces
    .map(({ start, end }) => ({ text: collapsed.slice(start, end).trim(), offset: offsets[start] ?? 0 }))
    .filter((sentence) => hasContent(sentence.text));
}
