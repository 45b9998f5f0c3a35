// Tagging many sentences in one pass gives each sentence its own words and tags, as tagging it alone would.
import { describe, expect, it } from 'vitest';
import { tag, tagAll } from '../../pipeline/enrich/annotate/nlp.js';

const values = (tokens: ReadonlyArray<{ value: string }>) => tokens.map((t) => t.value);

describe('tagAll', () => {
  it('tags names as proper nouns', () => {
    const [tokens] = tagAll(['Fed Chair Jerome Powell spoke on Wednesday.']);
    expect(tokens?.filter((t) => t.pos === 'PROPN').map((t) => t.value)).toEqual(['Jerome', 'Powell', 'Wednesday']);
  });

  it('gives each sentence of a batch the tokens it gets when tagged alone', () => {
    const texts = ['Fed Chair Jerome Powell spoke on Wednesday.', 'Jean-Claude Juncker agreed with the U.S. view.', 'Prices rose.'];
    expect(tagAll(texts)).toEqual(texts.map(tag));
  });

  it('keeps an empty sentence in its place', () => {
    expect(tagAll(['Rates rose.', '', 'Powell spoke.']).map(values)).toEqual([['Rates', 'rose', '.'], [], ['Powell', 'spoke', '.']]);
  });

  it('gives only words and punctuation: a tab or line break inside a sentence is not a token', () => {
    expect(tagAll(['Rates rose\tagain.', 'Powell\nspoke.']).map(values)).toEqual([
      ['Rates', 'rose', 'again', '.'],
      ['Powell', 'spoke', '.'],
    ]);
  });

  it('does not shift words into the next sentence when the tokenizer drops characters (form feeds, line separators)', () => {
    expect(tagAll(['Rates\f\frose\u2028again.', 'Powell spoke.']).map(values)).toEqual([
      ['Rates', 'rose', 'again', '.'],
      ['Powell', 'spoke', '.'],
    ]);
  });
});
