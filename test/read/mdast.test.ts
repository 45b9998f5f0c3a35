// The tree helpers the read rules share: the text a reader sees in a node, the pruning that
// takes boilerplate out without leaving empty lists behind, and the walk with ancestors.
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { plainTextOf, removeNodes, textOf, visitNodes } from '../../pipeline/read/mdast.js';

const markdown = (text: string): Root => unified().use(remarkParse).use(remarkGfm).parse(text);

function firstParagraph(tree: Root): Paragraph {
  const paragraph = tree.children.find((node) => node.type === 'paragraph');
  if (paragraph?.type !== 'paragraph') throw new Error('no paragraph');
  return paragraph;
}

describe('textOf', () => {
  test.each([
    ['inline code', 'Run `briefpack --lang de` to build the pack.', 'Run briefpack --lang de to build the pack.'],
    ['an image by its alt text', 'The front line near ![a map of the Donetsk region](map.png) has barely moved.', 'The front line near a map of the Donetsk region has barely moved.'],
    ['inline HTML left out', 'Talks resumed <span class="live">today</span> in Geneva.', 'Talks resumed today in Geneva.'],
    ['a footnote reference left out', 'Talks resumed in Geneva.[^1]\n\n[^1]: According to Reuters.', 'Talks resumed in Geneva.'],
    ['a hard break as a line end', 'Jens Stoltenberg\\\nSecretary General', 'Jens Stoltenberg\nSecretary General'],
  ])('%s', (_name, text, expected) => {
    expect(textOf(firstParagraph(markdown(text)))).toBe(expected);
  });

  test('an image without alt text gives nothing', () => {
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: 'Kyiv at night' }, { type: 'image', url: 'kyiv.jpg' }],
    };
    expect(textOf(paragraph)).toBe('Kyiv at night');
    expect(textOf({ type: 'image', url: 'kyiv.jpg', alt: null })).toBe('');
  });

  test('nodes with no text of their own give none', () => {
    expect(textOf({ type: 'thematicBreak' })).toBe('');
    // A link definition is no part of the article's words.
    const tree = markdown('Details are on the [alliance site][nato].\n\n[nato]: https://www.nato.int');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'definition']);
    expect(textOf(tree)).toBe('Details are on the alliance site.');
  });
});

describe('plainTextOf', () => {
  test.each([
    ['runs of spaces collapse', 'Talks resumed.  Officials said   little.', 'Talks resumed. Officials said little.'],
    ['line ends become spaces', 'Talks resumed\nin Geneva.', 'Talks resumed in Geneva.'],
    ['the space before a footnote is trimmed', 'Talks resumed in Geneva. [^1]\n\n[^1]: According to Reuters.', 'Talks resumed in Geneva.'],
    ['the space after a leading tag is trimmed', '<img src="logo.png"> Officials said talks would resume.', 'Officials said talks would resume.'],
  ])('%s', (_name, text, expected) => {
    expect(plainTextOf(firstParagraph(markdown(text)))).toBe(expected);
  });
});

/** A drop rule like the boilerplate one's: paragraphs that are share prompts. */
const isSharePrompt = (node: RootContent): boolean => node.type === 'paragraph' && /^share\b/i.test(plainTextOf(node));

function types(tree: Root): string[] {
  const seen: string[] = [];
  visitNodes(tree, (node) => seen.push(node.type));
  return seen;
}

describe('removeNodes', () => {
  test('the lists, items and quotes left empty go too, the rest stays', () => {
    const tree = markdown(
      [
        'Talks resumed in Geneva.',
        '',
        '- Share on Facebook',
        '- Share on X',
        '',
        '> Share this article',
        '',
        'Related:',
        '',
        '* Share on LinkedIn',
        '* Read the communiqué',
      ].join('\n'),
    );
    removeNodes(tree, isSharePrompt);
    expect(tree.children.map((node) => `${node.type} ${plainTextOf(node)}`)).toEqual([
      'paragraph Talks resumed in Geneva.',
      'paragraph Related:',
      'list Read the communiqué',
    ]);
    const list = tree.children[2];
    expect(list?.type === 'list' ? list.children.length : 0).toBe(1);
  });

  test('paragraphs and headings are leaves: only whole blocks are offered, never the words in them', () => {
    const tree = markdown('## [Live updates](https://example.com/live)\n\nRead the [full communiqué](https://example.com/c) here.');
    const offered: string[] = [];
    removeNodes(tree, (node) => {
      offered.push(node.type);
      return node.type === 'link';
    });
    expect(offered).toEqual(['heading', 'paragraph']);
    expect(types(tree)).toEqual(['root', 'heading', 'link', 'text', 'paragraph', 'text', 'link', 'text', 'text']);
  });

  test('a node that was empty before is not removed for being empty', () => {
    const tree = markdown(['| Date | Event |', '|---|---|', '| 5 Jan | Talks resume |', '| 6 Jan | |', '', 'Share this article'].join('\n'));
    removeNodes(tree, isSharePrompt);
    expect(tree.children.map((node) => node.type)).toEqual(['table']);
    const table = tree.children[0];
    const cells = table?.type === 'table' ? table.children.map((row) => row.children.length) : [];
    expect(cells).toEqual([2, 2, 2]);
  });
});

describe('visitNodes', () => {
  test('every node in document order, with its ancestors nearest last', () => {
    const tree = markdown('# Talks\n\n- Aid *continues*');
    const visits: { type: string; ancestors: string[] }[] = [];
    visitNodes(tree, (node: Nodes, ancestors) => visits.push({ type: node.type, ancestors: ancestors.map((a) => a.type) }));
    expect(visits).toEqual([
      { type: 'root', ancestors: [] },
      { type: 'heading', ancestors: ['root'] },
      { type: 'text', ancestors: ['root', 'heading'] },
      { type: 'list', ancestors: ['root'] },
      { type: 'listItem', ancestors: ['root', 'list'] },
      { type: 'paragraph', ancestors: ['root', 'list', 'listItem'] },
      { type: 'text', ancestors: ['root', 'list', 'listItem', 'paragraph'] },
      { type: 'emphasis', ancestors: ['root', 'list', 'listItem', 'paragraph'] },
      { type: 'text', ancestors: ['root', 'list', 'listItem', 'paragraph', 'emphasis'] },
    ]);
  });
});
