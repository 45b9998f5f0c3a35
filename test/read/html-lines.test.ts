// Where each block of a saved page's article stands in the file (the line sentences cite):
// found from its opening words among the page's visible texts, in reading order.
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { pageTexts, placeBlocks } from '../../pipeline/read/html/lines.js';
import { toMdast } from '../../pipeline/read/html/to-mdast.js';
import { readSource } from '../../pipeline/read/index.js';
import { visitNodes } from '../../pipeline/read/mdast.js';

/** The article's blocks as "type line:column", for every node that was given a position. */
function placed(page: string, article: string | Root): string[] {
  const tree = typeof article === 'string' ? toMdast(fromHtml(article, { fragment: true })).tree : article;
  placeBlocks(tree, pageTexts(fromHtml(page)));
  const points: string[] = [];
  visitNodes(tree, (node) => {
    if (node.position) points.push(`${node.type} ${node.position.start.line}:${node.position.start.column}`);
  });
  return points;
}

function paragraphs(...texts: string[]): Root {
  return { type: 'root', children: texts.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
}

const lines = (...rows: string[]) => rows.join('\n');

describe('placeBlocks', () => {
  test('each block stands at the line and column where its text starts in the file', () => {
    const body = lines(
      '<h1>Talks resume in Geneva</h1>',
      '<p>Delegates met on Monday',
      'in Geneva.</p>',
      '  <p> Both sides said the talks would go on.</p>',
      '<p>',
      '    The next round is set for March.</p>',
    );
    const page = lines('<!doctype html>', '<html><head><title>Talks resume in Geneva</title></head>', `<body>${body}</body></html>`);
    expect(placed(page, body)).toEqual(['heading 3:11', 'paragraph 4:4', 'paragraph 6:7', 'paragraph 8:5']);
  });

  test('lists, quotes and inline markup take no place of their own; the blocks inside them do', () => {
    const body = lines('<ul>', '<li>No payments to the bloc</li>', '</ul>', '<blockquote><p>We are <em>not</em> leaving.</p></blockquote>');
    expect(placed(`<body>${body}</body>`, body)).toEqual(['paragraph 2:5', 'paragraph 4:16']);
  });

  test('table cells and code blocks are placed too', () => {
    const body = lines('<table>', '<tr><th>Party</th><th>Seats</th></tr>', '<tr><td>Left</td><td>12</td></tr>', '</table>', '<pre>  a = 1', '  b = 2</pre>');
    expect(placed(`<body>${body}</body>`, body)).toEqual([
      'tableCell 2:9',
      'tableCell 2:23',
      'tableCell 3:9',
      'tableCell 3:22',
      'code 5:8',
    ]);
  });

  test.each([
    ['head', '<html><head><title>Delegates met in Geneva on Monday.</title></head><body>'],
    ['script', '<body><script type="application/ld+json">{"articleBody": "Delegates met in Geneva on Monday."}</script>'],
    ['style', '<body><style>/* Delegates met in Geneva on Monday. */</style>'],
    ['noscript', '<body><noscript><p>Delegates met in Geneva on Monday.</p></noscript>'],
    ['svg', '<body><svg role="img"><title>Delegates met in Geneva on Monday.</title></svg>'],
  ])('text the page does not show (%s) is not where a block stands', (_, hidden) => {
    const page = lines(hidden, '<p>Menu</p>', '<p>Delegates met in Geneva on Monday.</p>');
    expect(placed(page, paragraphs('Delegates met in Geneva on Monday.'))).toEqual(['paragraph 3:4']);
  });

  test('an opening split over inline markup is found where it starts', () => {
    const page = lines('<p>Earlier.</p>', '<p>GENEVA (<em>Reuters</em>) — Delegates met on Monday to resume the talks.</p>');
    const body = '<p>GENEVA (<em>Reuters</em>) — Delegates met on Monday to resume the talks.</p>';
    expect(placed(page, body)).toEqual(['paragraph 2:4']);
  });

  test('so is a short last block of the page, split by markup', () => {
    const body = lines('<p>Delegates met on Monday.</p>', '<p><b>That</b> is all.</p>');
    expect(placed(`<body>${body}</body>`, body)).toEqual(['paragraph 1:10', 'paragraph 2:7']);
  });

  test('with the longer opening broken by a hover card the reader left out, the shorter one finds the block', () => {
    const page = lines(
      '<p>Opening.</p>',
      '<p>Gov. <a href="/p">Kristi Noem</a><span class="card"><a href="/1">One story</a> <a href="/2">Another</a></span> (R) spoke at the rally on Monday.</p>',
    );
    expect(placed(page, paragraphs('Opening.', 'Gov. Kristi Noem (R) spoke at the rally on Monday.'))).toEqual(['paragraph 1:4', 'paragraph 2:4']);
  });

  test('a block can start partway into a text of the page, past a line end', () => {
    // The credit before it in the same text is not part of the article.
    const page = lines('<p>Opening.</p>', '<p>Photo: Reuters', 'Delegates met in Geneva on Monday.</p>');
    expect(placed(page, paragraphs('Opening.', 'Delegates met in Geneva on Monday.'))).toEqual(['paragraph 1:4', 'paragraph 3:1']);
  });

  test('a block the page does not hold stands where the last one did; before any, at the top of the file', () => {
    const page = lines('<p>Menu</p>', '<p>Delegates met on Monday.</p>', '<footer><a href="/s">Share</a></footer>');
    const tree = paragraphs('A line Readability rewrote.', 'Delegates met on Monday.', 'Share this story with a friend.');
    expect(placed(page, tree)).toEqual(['paragraph 1:1', 'paragraph 2:4', 'paragraph 2:4']);
  });

  test('a block with no text stands where the last one did', () => {
    const tree: Root = { type: 'root', children: [{ type: 'code', value: '' }, ...paragraphs('Delegates met on Monday.').children] };
    expect(placed('<p>Menu</p>\n<p>Delegates met on Monday.</p>', tree)).toEqual(['code 1:1', 'paragraph 2:4']);
  });
});

describe('the lines sentences cite', () => {
  test('are the lines of the article text, not of the JSON-LD that repeats it', () => {
    const html = lines(
      '<!doctype html>',
      '<html lang="en"><head><title>Talks resume in Geneva</title></head><body>',
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks resume in Geneva",',
      '"articleBody": "Delegates from both sides met in Geneva on Monday for the first time in a year. They agreed to meet again."}</script>',
      '<article>',
      '<h1>Talks resume in Geneva</h1>',
      '<p>Delegates from both sides met in Geneva on Monday for the first time in a year. They agreed to meet again.</p>',
      '<p>Officials on both sides said the mood in the room had changed since the spring.</p>',
      '</article></body></html>',
    );
    const { source } = readSource({ path: 'seeds/page.html', bytes: new TextEncoder().encode(html) });
    expect(source?.sentences.map((sentence) => [sentence.text.slice(0, 20), sentence.line])).toEqual([
      ['Delegates from both ', 7],
      ['They agreed to meet ', 7],
      ['Officials on both si', 8],
    ]);
  });
});
