// HTML → mdast beyond html-parts.test.ts: when a table is data and when it lays out a page, what
// a list item is, where inline content ends, and which empty or stray bits leave nothing behind.
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { toMdast } from '../../pipeline/read/html/to-mdast.js';
import { outline } from './outline.js';

function convert(html: string): { tree: Root; images: number } {
  return toMdast(fromHtml(html, { fragment: true }));
}

const outlineOf = (html: string): string[] => outline(convert(html).tree);

describe('data tables', () => {
  test('a pretty-printed table keeps its caption and the rows of its head, body and foot', () => {
    const html = `
      <table>
        <caption>Seats won</caption>
        <thead>
          <tr>
            <th>Party</th>
            <th>Seats</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Left</td>
            <td>12</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td>12</td>
          </tr>
        </tfoot>
      </table>`;
    expect(outlineOf(html)).toEqual([
      'paragraph Seats won',
      'table',
      '  tableRow',
      '    tableCell Party',
      '    tableCell Seats',
      '  tableRow',
      '    tableCell Left',
      '    tableCell 12',
      '  tableRow',
      '    tableCell Total',
      '    tableCell 12',
    ]);
  });

  test('hidden form fields between its rows and cells add no rows or cells', () => {
    // The parser puts <input type="hidden"> where it stands, inside <tbody> or <tr>.
    const html =
      '<table><tr><th>Party</th><th>Seats</th></tr><input type="hidden" name="poll" value="7">' +
      '<tr><input type="hidden" name="row" value="1"><td>Left</td><td>12</td></tr></table>';
    expect(outlineOf(html)).toEqual([
      'table',
      '  tableRow',
      '    tableCell Party',
      '    tableCell Seats',
      '  tableRow',
      '    tableCell Left',
      '    tableCell 12',
    ]);
  });
});

describe('layout tables give way to their content', () => {
  test('a table of one column is boxes of text, not a table', () => {
    expect(outlineOf('<table><tr><td>First box of text.</td></tr><tr><td>Second box.</td></tr></table>')).toEqual([
      'paragraph First box of text.',
      'paragraph Second box.',
    ]);
  });

  test('a table of one row is columns of text, not a table', () => {
    expect(outlineOf('<table><tr><td>Left column.</td><td>Right column.</td></tr></table>')).toEqual([
      'paragraph Left column.',
      'paragraph Right column.',
    ]);
  });

  const structures: [string, string][] = [
    ['table', '<table><tr><td>Inner box</td></tr></table>'],
    ['ul', '<ul><li>Inner item</li></ul>'],
    ['ol', '<ol><li>Inner item</li></ol>'],
    ['dl', '<dl><dt>Term</dt><dd>Definition</dd></dl>'],
    ['h1', '<h1>Inner heading</h1>'],
    ['h2', '<h2>Inner heading</h2>'],
    ['h3', '<h3>Inner heading</h3>'],
    ['h4', '<h4>Inner heading</h4>'],
    ['h5', '<h5>Inner heading</h5>'],
    ['h6', '<h6>Inner heading</h6>'],
    ['blockquote', '<blockquote>Inner quote</blockquote>'],
    ['pre', '<pre>inner code</pre>'],
    ['figure', '<figure><figcaption>Inner caption</figcaption></figure>'],
    ['a list inside a div', '<div><ul><li>Inner item</li></ul></div>'],
  ];
  test.each(structures)('one cell holding %s among plain cells makes the table layout', (_name, inner) => {
    // The structure sits in one cell of the second row only, beside text and a plain cell.
    const html = `<table><tr><td>Name</td><td>Role</td></tr><tr><td>Intro text ${inner}</td><td>Plain</td></tr></table>`;
    const { tree } = convert(html);
    expect(tree.children.map((node) => node.type)).not.toContain('table');
    expect(outline(tree).slice(0, 3)).toEqual(['paragraph Name', 'paragraph Role', 'paragraph Intro text']);
    expect(outline(tree).length).toBeGreaterThan(4);
    expect(outline(tree).at(-1)).toBe('paragraph Plain');
  });
});

describe('lists', () => {
  test('a list with one item of links and one of text is kept whole', () => {
    expect(outlineOf('<ul><li><a href="/r">Read the report</a></li><li>Plain item</li></ul>')).toEqual([
      'list',
      '  listItem',
      '    paragraph Read the report',
      '  listItem',
      '    paragraph Plain item',
    ]);
  });

  test('a pretty-printed menu of links is still navigation', () => {
    const html = `
      <ul>
        <li>
          <a href="/">Home</a>
        </li>
        <li>
          <a href="/world">World</a>
        </li>
      </ul>
      <p>The article.</p>`;
    expect(outlineOf(html)).toEqual(['paragraph The article.']);
  });

  test('stray text between items is an item of its own', () => {
    expect(outlineOf('<ul><li>One</li> and also <li>Two</li></ul>')).toEqual([
      'list',
      '  listItem',
      '    paragraph One',
      '  listItem',
      '    paragraph and also',
      '  listItem',
      '    paragraph Two',
    ]);
  });

  test('text in a list with no items at all is kept', () => {
    expect(outlineOf('<ol>Results will be published tomorrow.</ol>')).toEqual([
      'list ordered from 1',
      '  listItem',
      '    paragraph Results will be published tomorrow.',
    ]);
  });

  test('a list nested straight in a list, without an item around it, stays a list', () => {
    expect(outlineOf('<ul><li>Europe</li><ul><li>France</li><li>Spain</li></ul><li>Asia</li></ul>')).toEqual([
      'list',
      '  listItem',
      '    paragraph Europe',
      '  listItem',
      '    list',
      '      listItem',
      '        paragraph France',
      '      listItem',
      '        paragraph Spain',
      '  listItem',
      '    paragraph Asia',
    ]);
  });
});

describe('inline content and the blocks it runs into', () => {
  test('a share button holding a block goes, and the sentence around it stays whole', () => {
    expect(outlineOf('<div>Officials said <button><div>Share</div></button> the talks would resume.</div>')).toEqual([
      'paragraph Officials said the talks would resume.',
    ]);
  });

  test('an inline element wrapping a block breaks the paragraph there', () => {
    expect(outlineOf('<div>Before <span>inside <div>Block</div></span> after</div>')).toEqual([
      'paragraph Before',
      'paragraph inside',
      'paragraph Block',
      'paragraph after',
    ]);
  });

  test('inline elements nested in inline elements stay in the sentence', () => {
    const { tree } = convert('<div>Prices <span class="num"><b>rose</b></span> sharply.</div>');
    expect(tree.children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Prices ' },
          { type: 'strong', children: [{ type: 'text', value: 'rose' }] },
          { type: 'text', value: ' sharply.' },
        ],
      },
    ]);
  });

  test('an HTML comment inside an inline element does not split the sentence', () => {
    expect(outlineOf('<div>Prices <span>rose<!-- tracked --> again</span> sharply.</div>')).toEqual([
      'paragraph Prices rose again sharply.',
    ]);
  });
});

describe('what leaves nothing behind', () => {
  test('empty headings, paragraphs, quotes, items and lists, and those holding only images', () => {
    const { tree, images } = convert(
      '<h2> </h2><h3><img src="x.png"></h3><p> </p><p><img src="y.png"></p><blockquote> </blockquote>' +
        '<ul><li>One</li><li></li><li> <img src="z.png"> </li></ul><ol><li> </li></ol><p>Text.</p>',
    );
    expect(outline(tree)).toEqual(['list', '  listItem', '    paragraph One', 'paragraph Text.']);
    expect(images).toBe(3);
  });

  test('the blank lines that end a code block go, its indentation stays', () => {
    const { tree } = convert('<pre>\nline one\n  line two\n\n   </pre>');
    expect(tree.children).toEqual([{ type: 'code', lang: null, meta: null, value: 'line one\n  line two' }]);
  });
});

describe('long pages', () => {
  // Spreading every block (or every row's width) into one call's arguments overflowed the stack
  // past about 100,000 of them, and the page was skipped as "nested too deeply".
  test('a container of 150,000 paragraphs and a table of 150,000 rows convert', () => {
    const paragraphs = convert(`<div>${'<p>a</p>'.repeat(150_000)}</div>`).tree;
    expect(paragraphs.children).toHaveLength(150_000);
    const table = convert(`<table>${'<tr><td>1</td><td>2</td></tr>'.repeat(150_000)}</table>`).tree;
    expect(table.children[0]?.type).toBe('table');
    expect(table.children[0]?.type === 'table' && table.children[0].children).toHaveLength(150_000);
  }, 60_000);
});
