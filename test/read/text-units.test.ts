// Plain-text lines grouped into the units a reader sees: a paragraph unwrapped from its
// hard-wrapped lines, a list item with its continuation lines, consecutive quote lines, and the
// units that stand alone (headings, rules, a bullet left on its own line). A blank line always
// ends a unit.
import { describe, expect, test } from 'vitest';
import { splitLines, wrapWidth } from '../../pipeline/read/text/lines.js';
import { groupUnits } from '../../pipeline/read/text/units.js';

/** Units of a text, with the wrap width the parser would find for it. */
const unitsOf = (rows: string[]) => {
  const lines = splitLines(rows.join('\n'));
  return groupUnits(lines, wrapWidth(lines));
};
const outline = (rows: string[]) => unitsOf(rows).map((unit) => [unit.kind, ...unit.texts]);

describe('groupUnits', () => {
  test('a hard-wrapped paragraph is one unit, a blank line starts the next', () => {
    const rows = [
      'Russian forces struck energy facilities in the Kharkiv region',
      'overnight, cutting power to tens of thousands of homes as',
      'temperatures fell below freezing, officials said on Tuesday.',
      '',
      'Repair crews were working to restore supplies to hospitals.',
    ];
    expect(unitsOf(rows)).toEqual([
      { line: 1, indent: 0, kind: 'text', texts: rows.slice(0, 3) },
      { line: 5, indent: 0, kind: 'text', texts: [rows[4]] },
    ]);
  });

  test('a line joins on the last line of the paragraph, not an earlier one', () => {
    const rows = [
      "Ukraine's foreign minister said on Tuesday that",
      'talks with European partners would resume',
      'next week in Brussels.',
      'eBay, meanwhile, suspended its operations in Russia.',
    ];
    expect(outline(rows)).toEqual([
      ['text', ...rows.slice(0, 3)],
      ['text', rows[3]],
    ]);
  });

  test('a blank line ends a paragraph even where the next line would continue it', () => {
    const rows = ['The delegation, officials said, would stay in Geneva until', '', 'agreement was reached on a prisoner exchange.'];
    expect(outline(rows)).toEqual([
      ['text', rows[0]],
      ['text', rows[2]],
    ]);
  });

  test('an indented line after a finished sentence starts a new paragraph', () => {
    const rows = ['The ministry said the strike hit a power plant.', '    Repairs are expected to take several weeks.'];
    expect(unitsOf(rows)).toEqual([
      { line: 1, indent: 0, kind: 'text', texts: [rows[0]] },
      { line: 2, indent: 4, kind: 'text', texts: ['Repairs are expected to take several weeks.'] },
    ]);
  });

  test('consecutive quote lines are one quote; a blank line separates two quotes', () => {
    const rows = [
      '> “We will not retreat,” Zelensky told',
      '> reporters in Kyiv.',
      '',
      '> “Nor will we,” Macron replied.',
    ];
    expect(unitsOf(rows)).toEqual([
      { line: 1, indent: 0, kind: 'quote', texts: ['“We will not retreat,” Zelensky told', 'reporters in Kyiv.'] },
      { line: 4, indent: 0, kind: 'quote', texts: ['“Nor will we,” Macron replied.'] },
    ]);
  });

  test('an indented line continues the list item above it', () => {
    const rows = ['- Sanctions on Russian oil', '  Price cap lowered to $47.60 a barrel', 'The measures take effect in March.'];
    expect(unitsOf(rows)).toEqual([
      {
        line: 1,
        indent: 0,
        kind: 'item',
        ordered: false,
        start: null,
        texts: ['Sanctions on Russian oil', 'Price cap lowered to $47.60 a barrel'],
      },
      { line: 3, indent: 0, kind: 'text', texts: [rows[2]] },
    ]);
  });

  test('a lowercase line continues an unfinished list item', () => {
    const rows = ['1. Sanctions on Russian oil exports and', 'shipping insurers', '2. Frozen assets in Belgium'];
    expect(outline(rows)).toEqual([
      ['item', 'Sanctions on Russian oil exports and', 'shipping insurers'],
      ['item', 'Frozen assets in Belgium'],
    ]);
  });

  test('each bullet is its own item, lowercase or nested', () => {
    const rows = [
      'Economists expect',
      '- higher energy prices',
      '- slower growth in the euro area',
      '    - weaker exports from Germany',
      '- a rise in defence spending',
    ];
    expect(unitsOf(rows).map((unit) => [unit.kind, unit.indent, ...unit.texts])).toEqual([
      ['text', 0, 'Economists expect'],
      ['item', 0, 'higher energy prices'],
      ['item', 0, 'slower growth in the euro area'],
      ['item', 4, 'weaker exports from Germany'],
      ['item', 0, 'a rise in defence spending'],
    ]);
  });

  test('headings, lone bullets and rules stand alone', () => {
    const rows = ['## Key points', '•', 'Ceasefire along the front line', '2.', 'exchange of prisoners', '***', 'officials said talks would go on'];
    expect(unitsOf(rows)).toEqual([
      { line: 1, indent: 0, kind: 'heading', depth: 2, texts: ['Key points'] },
      { line: 2, indent: 0, kind: 'marker', ordered: false, start: null, texts: [] },
      { line: 3, indent: 0, kind: 'text', texts: ['Ceasefire along the front line'] },
      { line: 4, indent: 0, kind: 'marker', ordered: true, start: 2, texts: [] },
      { line: 5, indent: 0, kind: 'text', texts: ['exchange of prisoners'] },
      { line: 6, indent: 0, kind: 'rule', texts: [] },
      { line: 7, indent: 0, kind: 'text', texts: ['officials said talks would go on'] },
    ]);
  });

  test('a heading is not joined onto the paragraph above it', () => {
    const rows = ['Talks stalled over the weekend as both sides', '### what happens next', 'Negotiators meet again on Friday.'];
    expect(outline(rows)).toEqual([
      ['text', rows[0]],
      ['heading', 'what happens next'],
      ['text', rows[2]],
    ]);
  });

  test('blank lines alone give no units', () => {
    expect(unitsOf(['', '   ', ''])).toEqual([]);
  });
});
