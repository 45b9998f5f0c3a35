// Sentence boundaries the analysis depends on: every evidence id names one of these.
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../pipeline/read/split.js';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  test.each([
    ['abbreviations', 'The U.S. Army said so. Mr. Smith met Gen. Jones on Jan. 5.', ['The U.S. Army said so.', 'Mr. Smith met Gen. Jones on Jan. 5.']],
    ['initials', 'J. R. R. Tolkien wrote it. George W. Bush did too.', ['J. R. R. Tolkien wrote it.', 'George W. Bush did too.']],
    ['decimals and per cent', 'Growth was 2.5 per cent. Inflation was 3.1%.', ['Growth was 2.5 per cent.', 'Inflation was 3.1%.']],
    ['times', 'The talks begin at 9 a.m. on Monday. Delegates arrive early.', ['The talks begin at 9 a.m. on Monday.', 'Delegates arrive early.']],
    [
      'closing curly quotes',
      '“It is more than a recognition of reality,” observed Lucian Kim. “It is also an opening.”',
      ['“It is more than a recognition of reality,” observed Lucian Kim.', '“It is also an opening.”'],
    ],
    ['closing straight quotes', '"We must do more," he said. "Now." Then he left.', ['"We must do more," he said.', '"Now."', 'Then he left.']],
    ['question and exclamation', 'Will it hold? Nobody knows! Talks go on.', ['Will it hold?', 'Nobody knows!', 'Talks go on.']],
    ['an ellipsis inside a sentence', 'He hesitated… then spoke. Done.', ['He hesitated… then spoke.', 'Done.']],
    ['a domain-style outlet name', 'The war drags on, Caliber.Az reports via Bloomberg. More follows.', ['The war drags on, Caliber.Az reports via Bloomberg.', 'More follows.']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  test('white space is collapsed and offsets point into the original text', () => {
    const text = 'First  line\nwraps here. Second\n  sentence.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['First line wraps here.', 'Second sentence.']);
    expect(sentences.map((s) => text.slice(s.offset, s.offset + 6))).toEqual(['First ', 'Second']);
  });

  test('nothing but punctuation is no sentence', () => {
    expect(splitSentences(' — … ')).toEqual([]);
    expect(splitSentences('')).toEqual([]);
  });
});
