// The pieces of the HTML reader on their own: charset prescan, title choice, credit and date
// cleaning, HTML → mdast conversion, trimming around the article.
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { declaredCharset } from '../../pipeline/read/html/charset.js';
import { cleanSiteName, isoDateOf, parseCredit } from '../../pipeline/read/html/credits.js';
import { chooseTitle } from '../../pipeline/read/html/title.js';
import { toMdast } from '../../pipeline/read/html/to-mdast.js';
import { cutBeforeHeadline, cutTail, isCreditLine } from '../../pipeline/read/html/trim.js';
import { plainTextOf } from '../../pipeline/read/mdast.js';
import { outline } from './outline.js';
import { titleInput } from './title-input.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('declaredCharset', () => {
  test.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    ["<meta charset='ISO-8859-2'>", 'ISO-8859-2'],
    ['<meta charset=utf-8>', 'utf-8'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', 'Shift_JIS'],
    ['<meta content="text/html;charset=euc-kr" http-equiv="content-type">', 'euc-kr'],
    ['<meta name="description" content="about charset=koi8-r">', null],
    ['<title>no declaration</title>', null],
  ])('%s → %s', (head, expected) => {
    expect(declaredCharset(ascii(`<html><head>${head}</head></html>`))).toBe(expected);
  });
});

describe('chooseTitle', () => {
  const input = titleInput;

  test('a known site name comes off either end', () => {
    expect(chooseTitle(input({ documentTitle: 'Talks resume - WSJ', siteNames: ['WSJ'] }))?.title).toBe('Talks resume');
    expect(chooseTitle(input({ documentTitle: 'TheHill | Talks resume', siteNames: ['The Hill'] }))?.title).toBe('Talks resume');
  });

  test('the h1 confirms a stated title, and its wording wins', () => {
    const choice = chooseTitle(input({ titles: ["'We had some issues,' exec says"], headings: ['Menu', '‘We had some issues,’ exec says'] }));
    expect(choice?.title).toBe('‘We had some issues,’ exec says');
  });

  test('an SEO title the h1 does not confirm loses to one it does', () => {
    const choice = chooseTitle(
      input({ titles: ['Simple Hiking Survival Kit (with Kids)', 'Hiking the Boulder Flat Irons'], headings: ['Hiking the Boulder Flat Irons'] }),
    );
    expect(choice?.title).toBe('Hiking the Boulder Flat Irons');
  });

  test('a section before the headline becomes the kicker, and the <title> tells the site', () => {
    const choice = chooseTitle(
      input({
        titles: ['Opinion | Republicans Are Following Trump to Nowhere'],
        documentTitle: 'Opinion | Republicans Are Following Trump to Nowhere - The New York Times',
        headings: ['Republicans Are Following Trump to Nowhere'],
      }),
    );
    expect(choice).toEqual({ title: 'Republicans Are Following Trump to Nowhere', kicker: 'Opinion', site: 'The New York Times' });
  });

  test('with nothing to confirm it, a short unknown tail is taken for the site', () => {
    const choice = chooseTitle(input({ documentTitle: '엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유 - Entermedia' }));
    expect(choice).toEqual({ title: '엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유', kicker: null, site: 'Entermedia' });
  });

  test('a colon inside a headline is no separator', () => {
    expect(chooseTitle(input({ documentTitle: 'Fact Check: Is An Oxygen Bar In Delhi Real?' }))?.title).toBe('Fact Check: Is An Oxygen Bar In Delhi Real?');
  });

  test('no title at all is null', () => {
    expect(chooseTitle(input({}))).toBeNull();
  });
});

describe('parseCredit', () => {
  test.each([
    ['By Jane Doe', [], ['Jane Doe']],
    ['Jane Doe, Reuters', [], ['Jane Doe']],
    ['By TOM KRISHER, AP Auto Writer', [], ['Tom Krisher']],
    ['Victor Tangermann, Futurism', [], ['Victor Tangermann']],
    ['Finian Cunningham. Sputnik International', ['Sputnik International'], ['Finian Cunningham']],
    ['Sarah E. Needleman', [], ['Sarah E. Needleman']],
    ['Jane Doe and John Roe', [], ['Jane Doe', 'John Roe']],
    ['Reuters', [], ['Reuters']],
    ['The Russian and Syrian defense ministries', [], ['The Russian and Syrian defense ministries']],
    ['https://www.facebook.com/someone', [], []],
    ['POLYGRAPH.info', ['POLYGRAPH.info'], []],
  ])('%s → %j', (credit, sites, names) => {
    expect(parseCredit(credit, sites).names).toEqual(names);
  });

  test('what follows the names on another line is kept apart', () => {
    expect(parseCredit('Associated Press\n\t\tNovember 19, 2019, 9:02 AM', [])).toEqual({
      names: ['Associated Press'],
      rest: 'November 19, 2019, 9:02 AM',
    });
  });
});

describe('isoDateOf and cleanSiteName', () => {
  test.each([
    ['2019-11-19T06:56:43-05:00', '2019-11-19'],
    ['2019-11-20T06:35:39+0000', '2019-11-20'],
    ['2019/11/19', '2019-11-19'],
    ['20191119', '2019-11-19'],
    ['November 19, 2019, 9:02 AM', '2019-11-19'],
    ['2019-02-30', null],
    ['yesterday', null],
  ])('date %s → %s', (stated, iso) => {
    expect(isoDateOf(stated)).toBe(iso);
  });

  test.each([
    ['Autoracing | F1 | Indy | MotoGP', 'Autoracing'],
    ['Remember 80/90 - Memorabilia anni 80/90', 'Remember 80/90'],
    ['https://www.newsnation.in', null],
    ['Caliber.Az', 'Caliber.Az'],
  ])('site %s → %s', (name, cleaned) => {
    expect(cleanSiteName(name)).toBe(cleaned);
  });
});

function convert(html: string): { tree: Root; images: number } {
  return toMdast(fromHtml(html, { fragment: true }));
}

describe('HTML to mdast', () => {
  test('white space collapses as a browser shows it; emphasis stays, links give their text', () => {
    const { tree } = convert('<p>\n  The <em> deal </em>was <a href="x">signed</a>,<br>\n  officials said. </p>');
    expect(tree.children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'The ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'deal' }] },
          { type: 'text', value: ' was signed,' },
          { type: 'break' },
          { type: 'text', value: 'officials said.' },
        ],
      },
    ]);
  });

  test('inline content among blocks becomes paragraphs of its own', () => {
    const { tree } = convert('<div>Loose text <b>here</b><p>A paragraph.</p>and a tail</div>');
    expect(outline(tree)).toEqual(['paragraph Loose text here', 'paragraph A paragraph.', 'paragraph and a tail']);
  });

  test('headings, nested and numbered lists, quotes, rules and code', () => {
    const { tree } = convert(
      '<h2>Section</h2><ol start="3"><li>Three<ul><li>sub</li></ul></li><li><p>Four</p></li></ol><blockquote>Quoted</blockquote><hr><pre>  a\n  b\n</pre>',
    );
    expect(outline(tree)).toEqual([
      'heading 2 Section',
      'list ordered from 3',
      '  listItem',
      '    paragraph Three',
      '    list',
      '      listItem',
      '        paragraph sub',
      '  listItem',
      '    paragraph Four',
      'blockquote',
      '  paragraph Quoted',
      'thematicBreak',
      'code',
    ]);
    expect(tree.children.at(-1)).toEqual({ type: 'code', lang: null, meta: null, value: '  a\n  b' });
  });

  test('a data table is a table; a layout table gives way to its content', () => {
    const data = convert('<table><tr><th>Party</th><th>Seats</th></tr><tr><td>A</td><td><p>12</p></td></tr></table>');
    expect(outline(data.tree)).toEqual([
      'table',
      '  tableRow',
      '    tableCell Party',
      '    tableCell Seats',
      '  tableRow',
      '    tableCell A',
      '    tableCell 12',
    ]);
    const layout = convert('<table><tr><td><h2>Title</h2><p>Body text.</p></td><td><ul><li>Menu</li></ul></td></tr></table>');
    expect(outline(layout.tree)).toEqual(['heading 2 Title', 'paragraph Body text.', 'list', '  listItem', '    paragraph Menu']);
  });

  test('images are dropped and counted; a caption stays as a paragraph', () => {
    const { tree, images } = convert(
      '<figure><picture><source srcset="a.webp"><img src="a.jpg"></picture><figcaption>Delegates in Geneva.</figcaption></figure><p>Text <img src="b.png"> here.</p>',
    );
    expect(outline(tree)).toEqual(['paragraph Delegates in Geneva.', 'paragraph Text here.']);
    expect(images).toBe(2);
  });

  test('a hover card of links inside a sentence goes; the sentence and its own link stay', () => {
    const { tree } = convert(
      '<p>Gov. <span class="person"><a href="/p">Kristi Noem</a><span class="card"><img src="k.jpg"><a href="/1">One story</a> <a href="/2">Another</a> <a href="/3">MORE</a></span></span> (R) spoke.</p>',
    );
    expect(tree.children.map((node) => plainTextOf(node))).toEqual(['Gov. Kristi Noem (R) spoke.']);
  });

  test('a list of nothing but links is navigation', () => {
    const { tree } = convert('<ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul><ul><li>Plain <a href="/x">item</a></li></ul>');
    expect(outline(tree)).toEqual(['list', '  listItem', '    paragraph Plain item']);
  });
});

function treeOf(...texts: [type: 'heading' | 'paragraph', text: string][]): Root {
  return {
    type: 'root',
    children: texts.map(([type, value]) =>
      type === 'heading' ? { type, depth: 2, children: [{ type: 'text', value }] } : { type, children: [{ type: 'text', value }] },
    ),
  };
}

describe('trimming around the article', () => {
  test('the headline and the page chrome above it go', () => {
    const tree = treeOf(['paragraph', 'Sign In'], ['paragraph', 'Home'], ['heading', 'Talks resume in Geneva'], ['paragraph', 'Delegations met.']);
    cutBeforeHeadline(tree, 'Talks resume in Geneva');
    expect(outline(tree)).toEqual(['paragraph Delegations met.']);
  });

  test.each([
    ['Tom Krisher, Ap Auto Writer', true],
    ['Updated 1:39 am EST, Wednesday, November 20, 2019', true],
    ['by Tom Krisher September 15, 2014', true],
    ['Tom Krisher said on Monday that the show opens on Friday, November 22, 2019.', false],
    ['Post Comment', false],
  ])('%s is a credit line: %s', (text, expected) => {
    expect(isCreditLine(text, { author: 'Tom Krisher', site: 'Connecticut Post' })).toBe(expected);
  });

  test('from a comments or author heading in the second half, the rest goes', () => {
    const tree = treeOf(['paragraph', 'One.'], ['paragraph', 'Two.'], ['heading', 'Regan'], ['paragraph', 'Regan lives in Boston.']);
    cutTail(tree, 'Regan');
    expect(outline(tree)).toEqual(['paragraph One.', 'paragraph Two.']);
    const comments = treeOf(['paragraph', 'One.'], ['paragraph', 'Two.'], ['heading', '12 Comments'], ['paragraph', 'First!']);
    cutTail(comments, null);
    expect(outline(comments)).toEqual(['paragraph One.', 'paragraph Two.']);
  });
});
