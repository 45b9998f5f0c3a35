// The line-level reading of plain-text seeds: how a line is measured (indent, trimmed text), which
// shape it has (rule, lone marker, list item, quote, Markdown heading, text), and the measures the
// text parser judges lines by (word counts, clause ends, the column a file was hard-wrapped at, and
// whether a line was only moved down because it did not fit).
import { describe, expect, test } from 'vitest';
import { endsClause, shapeOf, splitLines, wordCount, wrappedBefore, wrapWidth, type Line } from '../../pipeline/read/text/lines.js';

function lineOf(text: string): Line {
  const [line] = splitLines(text);
  if (line === undefined) throw new Error('no line');
  return line;
}

const shape = (text: string) => shapeOf(lineOf(text));

describe('splitLines', () => {
  test('numbers lines from 1, measures the indent in columns and trims the text', () => {
    const text = 'KYIV, March 12\n    Indented by four spaces  \n\tIndented by a tab\n  \t Two spaces, a tab, a space\n';
    expect(splitLines(text)).toEqual([
      { number: 1, indent: 0, text: 'KYIV, March 12' },
      { number: 2, indent: 4, text: 'Indented by four spaces' },
      { number: 3, indent: 4, text: 'Indented by a tab' },
      { number: 4, indent: 7, text: 'Two spaces, a tab, a space' },
      { number: 5, indent: 0, text: '' },
    ]);
  });

  test.each([
    ['two spaces', '  - Sanctions on oil', 2],
    ['two tabs', '\t\t- Price cap', 8],
    ['a blank line of white space', '   \t', 7],
  ])('indent: %s', (_name, text, indent) => {
    expect(lineOf(text).indent).toBe(indent);
  });
});

describe('shapeOf', () => {
  test('a blank line', () => {
    expect(shape('   ')).toEqual({ kind: 'blank' });
  });

  test.each(['***', '---', '___', '===', '-----', '* * *', '- - -', '• • •', '*  *  *  *'])('rule: %s', (text) => {
    expect(shape(text)).toEqual({ kind: 'rule' });
  });

  test.each([
    ['a line opening with stars', '*** Breaking: explosions reported in Odesa'],
    ['a line ending with dashes', 'Full transcript of the briefing below ---'],
    ['two dashes are too few', '--'],
    ['mixed characters', '-*-'],
  ])('not a rule: %s', (_name, text) => {
    expect(shape(text)).toEqual({ kind: 'text', text });
  });

  test.each([
    ['a bullet', '•', { kind: 'marker', ordered: false, start: null }],
    ['a dash', '-', { kind: 'marker', ordered: false, start: null }],
    ['a number with a full stop', '3.', { kind: 'marker', ordered: true, start: 3 }],
    ['a two-digit number', '12.', { kind: 'marker', ordered: true, start: 12 }],
    ['a three-digit number with a parenthesis', '105)', { kind: 'marker', ordered: true, start: 105 }],
  ])('lone marker: %s', (_name, text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  test.each([
    ['a headline ending in a dash', 'Ukraine peace talks –'],
    ['a year', '2024.'],
    ['a four-digit number', '1991)'],
  ])('not a marker: %s', (_name, text) => {
    expect(shape(text)).toEqual({ kind: 'text', text });
  });

  test.each([
    ['a dash bullet', '- Sanctions on Russian oil exports', false, null, 'Sanctions on Russian oil exports'],
    ['a round bullet', '• Air defence for Kharkiv', false, null, 'Air defence for Kharkiv'],
    ['Markdown spacing after the bullet', '*   Frozen assets in Belgium', false, null, 'Frozen assets in Belgium'],
    ['a numbered item', '1. Ceasefire along the front line', true, 1, 'Ceasefire along the front line'],
    ['a two-digit number', '12. Return of deported children', true, 12, 'Return of deported children'],
    ['a number with a parenthesis', '3) Security guarantees', true, 3, 'Security guarantees'],
    ['two spaces after the number', '2.  Exchange of prisoners', true, 2, 'Exchange of prisoners'],
  ])('list item: %s', (_name, text, ordered, start, itemText) => {
    expect(shape(text)).toEqual({ kind: 'item', ordered, start, text: itemText });
  });

  test.each([
    ['a year ending a sentence', 'Exports fell sharply in 2023. Imports rose.'],
    ['a number in the middle', 'Of the 27 members, 3) abstained and the rest agreed.'],
    ['a hyphenated word', '-based analysts disagreed with the forecast'],
    ['a four-digit number', '2024. A year of elections'],
  ])('not a list item: %s', (_name, text) => {
    expect(shape(text)).toEqual({ kind: 'text', text });
  });

  test.each([
    ['a quoted statement', '> “We will not retreat,” Zelensky said.', '“We will not retreat,” Zelensky said.'],
    ['no space after the marker', '>The ministry denied the report.', 'The ministry denied the report.'],
    ['extra spaces after the marker', '>   The ministry denied the report.', 'The ministry denied the report.'],
    ['an empty quote line', '>', ''],
  ])('quote: %s', (_name, text, quoteText) => {
    expect(shape(text)).toEqual({ kind: 'quote', text: quoteText });
  });

  test('a greater-than sign inside a sentence is no quote', () => {
    const text = 'Turnout was > 60 per cent in most regions.';
    expect(shape(text)).toEqual({ kind: 'text', text });
  });

  test.each([
    ['depth 1', '# Ukraine war latest', 1, 'Ukraine war latest'],
    ['depth 2', '## Frontline update', 2, 'Frontline update'],
    ['depth 3', '### What happens next', 3, 'What happens next'],
    ['depth 6', '###### Background', 6, 'Background'],
    ['closing hashes', '## Sanctions ##', 2, 'Sanctions'],
    ['closing hashes after two spaces', '## Sanctions  ###', 2, 'Sanctions'],
    ['two spaces after the hashes', '##  Key points', 2, 'Key points'],
    ['a hash inside the text', '## Talks on point #3 resume', 2, 'Talks on point #3 resume'],
  ])('heading: %s', (_name, text, depth, headingText) => {
    expect(shape(text)).toEqual({ kind: 'heading', depth, text: headingText });
  });

  test.each([
    ['a hashtag', '#StandWithUkraine trended overnight'],
    ['a hash in the middle of the line', 'The party came # 3 in the polls'],
    ['seven hashes', '####### Too deep'],
  ])('not a heading: %s', (_name, text) => {
    expect(shape(text)).toEqual({ kind: 'text', text });
  });
});

describe('wordCount', () => {
  test.each([
    ['', 0],
    ['Kyiv', 1],
    ['NATO defence ministers met', 4],
    ['Talks  resumed\ton Monday', 4],
  ])('%j has %i words', (text, count) => {
    expect(wordCount(text)).toBe(count);
  });
});

describe('endsClause', () => {
  test.each([
    'Officials confirmed the strike.',
    'Will the ceasefire hold?',
    'Enough!',
    'The talks went on…',
    '“We will not retreat.”',
    '"We will not retreat."',
    'He called it “a turning point”',
    'He called it "a turning point"',
    'Russia rejected the proposal (again.)',
    'The ministry listed three demands:',
    'Kyiv, Kharkiv and Odesa;',
    'Ukraine, Moldova,',
  ])('ends a clause: %s', (text) => {
    expect(endsClause(text)).toBe(true);
  });

  test.each([
    'The U.S. envoy arrived in',
    'Mr. Smith met Gen. Jones on',
    'Is this the end? Not yet, officials',
    'The so-called “peace plan” was rejected by',
    'Kyiv, the capital, came under',
    'Talks resume on Monday',
  ])('does not end a clause: %s', (text) => {
    expect(endsClause(text)).toBe(false);
  });
});

describe('wrapWidth', () => {
  const width = (rows: string[]) => wrapWidth(splitLines(rows.join('\n')));

  test('a hard-wrapped paragraph gives its longest line', () => {
    const rows = [
      'Russian forces struck energy facilities in the Kharkiv region',
      'overnight, cutting power to tens of thousands of homes as',
      'temperatures fell below freezing, officials said on Tuesday.',
    ];
    expect(width(rows)).toBe(61);
  });

  test('a line of exactly three fifths of the width counts as broken off', () => {
    const rows = [
      'The prime minister told parliament on Tuesday that',
      'the accord would be put before',
      'voters in a referendum in the spring.',
    ];
    expect(rows.map((row) => row.length).slice(0, 2)).toEqual([50, 30]);
    expect(width(rows)).toBe(50);
  });

  test('a wrap at 40 columns is a wrap', () => {
    const rows = ['The European Commission proposed a fresh', 'package of sanctions on Wednesday that', 'targets the shadow fleet of tankers.'];
    expect(width(rows)).toBe(40);
  });

  test('a wrap at 100 columns is a wrap', () => {
    const rows = [
      'NATO defence ministers meeting in Brussels on Thursday agreed to expand air policing over the Baltic',
      'states and to station additional rotational forces in Poland and Romania through the end of the',
      'year, according to a statement released after the talks.',
    ];
    expect(width(rows)).toBe(100);
  });

  test('lines shorter than 40 columns are not a wrap', () => {
    const rows = ['KYIV, March 12. Air raid', 'sirens sounded across the', 'capital for three hours.'];
    expect(width(rows)).toBeNull();
  });

  test('lines longer than 100 columns are not a wrap', () => {
    const rows = [
      'Delegations from Kyiv and Washington met in Riyadh for a second day of talks on a partial ceasefire covering the',
      'Black Sea and strikes on energy infrastructure, with both sides describing the atmosphere as constructive and',
      'businesslike.',
    ];
    expect(width(rows)).toBeNull();
  });

  test('one paragraph a line, with one stray break, a headline and a sign-off, is not a wrap', () => {
    const rows = [
      'Ukraine and its European allies weighed a new package of security guarantees for Kyiv',
      '',
      'Foreign ministers from France, Germany, Poland and Britain met in Warsaw on Monday and',
      'agreed to draw up plans for a reassurance force to be deployed after any ceasefire.',
      '',
      'Reporting by Anna Kowalski in Warsaw and Pierre Dubois in Paris; editing by Mark Heinrich',
    ];
    expect(width(rows)).toBeNull();
  });

  test('a headline over each paragraph is not a wrap', () => {
    const rows = [
      'Ukraine and its European allies weighed a new package of security guarantees',
      '',
      'Foreign ministers from France, Germany, Poland and Britain met in Warsaw and',
      'agreed to draw up plans for a reassurance force after any ceasefire.',
      '',
      'Officials in Moscow dismissed the plan as a provocation and warned against it',
      '',
      'The Kremlin said foreign troops in Ukraine would be a legitimate target.',
    ];
    expect(width(rows)).toBeNull();
  });

  test('no lines, or only blank ones, are not a wrap', () => {
    expect(wrapWidth([])).toBeNull();
    expect(width(['', '   ', ''])).toBeNull();
  });
});

describe('wrappedBefore', () => {
  test.each([
    ['a lowercase line after an unfinished one', 'Officials in Kyiv said the talks would continue', 'into the night', null, true],
    ['a lowercase line after a full stop', 'Officials in Kyiv confirmed the talks.', 'eBay suspended sales in Russia', null, false],
    ['a lowercase line after a comma', 'Officials in Kyiv, Warsaw and Vilnius,', 'meanwhile, urged calm', null, false],
    ['a capital after an unfinished line, no wrap known', 'Officials in Kyiv said the talks would continue', 'Zelensky would attend', null, false],
  ])('%s', (_name, previous, next, width, expected) => {
    expect(wrappedBefore(previous, next, width)).toBe(expected);
  });

  // Wrapped at 60 columns: a word is moved down when it would have run past column 58.
  const previous = 'The prime minister told parliament on Tuesday that';

  test('a first word that would not have fitted was wrapped', () => {
    expect(previous.length + 1 + 'Zelensky'.length).toBe(59);
    expect(wrappedBefore(previous, 'Zelensky would attend the summit in person.', 60)).toBe(true);
  });

  test('a first word that would have fitted was not wrapped', () => {
    expect(previous.length + 1 + 'Ukraine'.length).toBe(58);
    expect(wrappedBefore(previous, 'Ukraine would join the talks in Geneva.', 60)).toBe(false);
  });

  test('only the first word of the next line counts', () => {
    expect(wrappedBefore(previous, 'A delegation would follow in the spring.', 60)).toBe(false);
  });

  test('a short line before a capital was not wrapped', () => {
    expect(wrappedBefore('Key points', 'Russia struck Kharkiv overnight.', 72)).toBe(false);
  });
});
