// The inline half of the HTML reader: how a paragraph's markup becomes its text (spaces, emphasis,
// code, line breaks, blocks inside headings and cells) and what is left out (media, forms, link cards).
import { fromHtml } from 'hast-util-from-html';
import type { PhrasingContent } from 'mdast';
import { describe, expect, test } from 'vitest';
import { toMdast, type Converted } from '../../pipeline/read/html/to-mdast.js';
import { plainTextOf } from '../../pipeline/read/mdast.js';

function convert(html: string): Converted {
  return toMdast(fromHtml(html, { fragment: true }));
}

/** The text of each top-level block. */
function blockTexts(html: string): string[] {
  return convert(html).tree.children.map((node) => plainTextOf(node));
}

/** The inline content of the one paragraph or heading the HTML becomes. */
function phrasing(html: string): PhrasingContent[] {
  const [only, ...rest] = convert(html).tree.children;
  expect(rest).toEqual([]);
  if (only?.type !== 'paragraph' && only?.type !== 'heading') throw new Error(`not one paragraph or heading: ${html}`);
  return only.children;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const br: PhrasingContent = { type: 'break' };

describe('emphasis, strong and struck-out text', () => {
  test.each([
    ['strong', 'strong'],
    ['b', 'strong'],
    ['em', 'emphasis'],
    ['i', 'emphasis'],
    ['cite', 'emphasis'],
    ['dfn', 'emphasis'],
    ['var', 'emphasis'],
    ['del', 'delete'],
    ['s', 'delete'],
    ['strike', 'delete'],
  ] as const)('<%s> is %s', (tag, type) => {
    expect(phrasing(`<p>The <${tag}>deal</${tag}> was signed.</p>`)).toEqual([
      text('The '),
      { type, children: [text('deal')] },
      text(' was signed.'),
    ]);
  });

  test('no space is put between emphasis and the punctuation against it', () => {
    expect(phrasing('<p>“<em>Never</em>,” she said.</p>')).toEqual([text('“'), { type: 'emphasis', children: [text('Never')] }, text(',” she said.')]);
  });

  test('the space at the start of nested emphasis goes before both, once', () => {
    expect(phrasing('<p>The <b> <i>deal</i></b> was signed.</p>')).toEqual([
      text('The '),
      { type: 'strong', children: [{ type: 'emphasis', children: [text('deal')] }] },
      text(' was signed.'),
    ]);
  });

  test('empty emphasis leaves nothing, and the words around it keep one space between them', () => {
    expect(phrasing('<p>Talks <b></b>resumed and<i> </i>ended.</p>')).toEqual([text('Talks resumed and ended.')]);
  });
});

describe('inline code', () => {
  test.each(['code', 'kbd', 'samp', 'tt'])('<%s> is inline code, its white space collapsed', (tag) => {
    expect(phrasing(`<p>Run <${tag}>npm \n install</${tag}> first.</p>`)).toEqual([
      text('Run '),
      { type: 'inlineCode', value: 'npm install' },
      text(' first.'),
    ]);
  });

  test('spaces at its edges are trimmed, and punctuation after it stays against it', () => {
    expect(phrasing('<p>Call <code> init() </code>, then wait.</p>')).toEqual([
      text('Call '),
      { type: 'inlineCode', value: 'init()' },
      text(', then wait.'),
    ]);
  });

  test('code against a bracket gets no space', () => {
    expect(phrasing('<p>(<code>x</code>)</p>')).toEqual([text('('), { type: 'inlineCode', value: 'x' }, text(')')]);
  });

  test('empty code leaves nothing', () => {
    expect(phrasing('<p>Talks <code> </code>resumed.</p>')).toEqual([text('Talks resumed.')]);
  });
});

describe('line breaks', () => {
  test('a break starts the next line with its first word', () => {
    expect(phrasing('<p>12 Main Street<br>Springfield</p>')).toEqual([text('12 Main Street'), br, text('Springfield')]);
  });

  test('breaks are neither doubled nor left at either end', () => {
    expect(phrasing('<p><br>First line<br><br>Second line<br></p>')).toEqual([text('First line'), br, text('Second line')]);
  });
});

describe('a block inside a heading or a table cell stands on its own line', () => {
  test('without spaces in the markup', () => {
    expect(phrasing('<h2>Talks resume<div>Live updates</div>in Geneva</h2>')).toEqual([
      text('Talks resume'),
      br,
      text('Live updates'),
      br,
      text('in Geneva'),
    ]);
  });

  test('with spaces around and inside it, which a line start drops', () => {
    expect(phrasing('<h2>Talks resume <div> Live updates </div> in Geneva</h2>')).toEqual([
      text('Talks resume'),
      br,
      text('Live updates'),
      br,
      text('in Geneva'),
    ]);
  });

  test('two blocks in a row are one line break apart, and none comes first', () => {
    expect(phrasing('<h2><div>Talks</div><div>resume</div></h2>')).toEqual([text('Talks'), br, text('resume')]);
  });

  test('in a cell of a data table', () => {
    const { tree } = convert('<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Left<p>bloc</p></td><td>12</td></tr></table>');
    const [table] = tree.children;
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.children[1]?.children[0]?.children).toEqual([text('Left'), br, text('bloc')]);
  });
});

describe('text beside a block element does not run into it', () => {
  test.each([
    'address', 'article', 'aside', 'center', 'details', 'dialog', 'div', 'dl', 'dt', 'dd', 'fieldset', 'figcaption', 'figure',
    'footer', 'form', 'h1', 'h4', 'h5', 'h6', 'header', 'hgroup', 'li', 'main', 'nav', 'ol', 'section', 'summary', 'ul',
  ])('<%s>', (tag) => {
    expect(blockTexts(`<div>Before <${tag}>Inside</${tag}> after</div>`)).toEqual(['Before', 'Inside', 'after']);
  });

  test('an empty table still parts the text on either side of it', () => {
    expect(blockTexts('<div>Before <table></table> after</div>')).toEqual(['Before', 'after']);
  });

  test.each(['td', 'th'])('the <%s> cells of a layout table are blocks of their own', (tag) => {
    expect(blockTexts(`<table><tr><${tag}>Left column</${tag}><${tag}>Right column</${tag}></tr></table>`)).toEqual(['Left column', 'Right column']);
  });
});

describe('what is not text to read is left out, and only images are counted', () => {
  test.each([
    ['picture', '<picture>Photo: Reuters<source srcset="a.webp"></picture>'],
    ['svg', '<svg viewBox="0 0 8 8"><title>Share on Facebook</title><path d="M0 0h8"/></svg>'],
    ['video', '<video src="v.mp4">Your browser does not play video.</video>'],
    ['audio', '<audio src="a.mp3">Your browser does not play audio.</audio>'],
    ['iframe', '<iframe src="https://example.com/embed">Embedded post</iframe>'],
    ['canvas', '<canvas width="300">Chart of the seats</canvas>'],
    ['object', '<object data="report.pdf">Download the report</object>'],
    ['math', '<math><mi>x</mi><mo>=</mo><mn>2</mn></math>'],
    ['map', '<map name="regions"><area href="/north" alt="North">Regions</map>'],
    ['button', '<button>Share</button>'],
    ['select', '<select><option>English</option><option>Français</option></select>'],
    ['textarea', '<textarea>Write a comment</textarea>'],
    ['script', '<script>window.ads = [];</script>'],
    ['style', '<style>.ad { display: none }</style>'],
    ['noscript', '<noscript>Please enable JavaScript</noscript>'],
    ['template', '<template>Hidden</template>'],
  ])('<%s>', (_tag, html) => {
    const inline = convert(`<p>Talks ${html} resumed.</p>`);
    expect(inline.tree.children.map((node) => plainTextOf(node))).toEqual(['Talks resumed.']);
    expect(inline.images).toBe(0);
    const standalone = convert(`<div>${html}<p>Talks resumed.</p></div>`);
    expect(standalone.tree.children.map((node) => plainTextOf(node))).toEqual(['Talks resumed.']);
    expect(standalone.images).toBe(0);
  });

  test('an HTML comment is no text', () => {
    expect(phrasing('<p>Talks <!-- ad slot --> resumed.</p>')).toEqual([text('Talks resumed.')]);
  });
});

describe('links in a sentence are not taken for a card of links', () => {
  test('a name link wrapped with empty icons stays', () => {
    expect(blockTexts('<p>By <span class="author"><a href="/p">Jane Doe</a><i class="icon"></i><span class="badge"></span></span> in Geneva.</p>')).toEqual([
      'By Jane Doe in Geneva.',
    ]);
  });

  test('three links with words between them stay', () => {
    expect(blockTexts('<p><span>Read <a href="/1">the text</a>, <a href="/2">the annex</a> and <a href="/3">the map</a> here.</span></p>')).toEqual([
      'Read the text, the annex and the map here.',
    ]);
  });
});

describe('spaces at the edges of inline code', () => {
  // They are the only space between the code and the words beside it: "Rungit pull now" otherwise.
  test('a space inside the start or the end of code still parts it from the words around it', () => {
    expect(phrasing('<p>Run<code> git pull</code> now.</p>')).toEqual([text('Run '), { type: 'inlineCode', value: 'git pull' }, text(' now.')]);
    expect(phrasing('<p>Run <code>npm install </code>and wait.</p>')).toEqual([text('Run '), { type: 'inlineCode', value: 'npm install' }, text(' and wait.')]);
  });

  test('but adds no space before punctuation or at the start of a line', () => {
    expect(phrasing('<p>Type <code>exit </code>.</p>')).toEqual([text('Type '), { type: 'inlineCode', value: 'exit' }, text('.')]);
    expect(phrasing('<p><code> ls</code> lists files.</p>')).toEqual([{ type: 'inlineCode', value: 'ls' }, text(' lists files.')]);
  });
});

describe('<q>', () => {
  // The analysis finds quotes by their marks: a browser draws them around <q>, so the text has them.
  test('gets the quotation marks a browser shows, single ones inside double', () => {
    expect(phrasing('<p>She said <q>no</q>.</p>')).toEqual([text('She said “no”.')]);
    expect(phrasing('<p>He wrote <q>they told me <q>wait</q> twice </q> and left.</p>')).toEqual([text('He wrote “they told me ‘wait’ twice” and left.')]);
  });
});
