// Trimming what Readability's box takes in around an article: the masthead and headline above it,
// credit and date lines at either end (and the date they give), and the comments or bio below.
import type { List, Paragraph, Root, RootContent } from 'mdast';
import { describe, expect, test } from 'vitest';
import { cutBeforeHeadline, cutTail, dropCreditLines, isCreditLine } from '../../pipeline/read/html/trim.js';
import { outline } from './outline.js';

const TITLE = 'Talks resume in Geneva';
const FACTS = { author: 'Tom Krisher', site: 'Connecticut Post' };

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** A block per text: "# text" is a heading, anything else a paragraph. */
function block(text: string): RootContent {
  return text.startsWith('# ') ? { type: 'heading', depth: 2, children: [{ type: 'text', value: text.slice(2) }] } : paragraph(text);
}

function treeOf(...texts: (string | RootContent)[]): Root {
  return { type: 'root', children: texts.map((text) => (typeof text === 'string' ? block(text) : text)) };
}

/** `count` paragraphs of article text, numbered from `from`. */
function body(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => `Paragraph ${from + i} of the article, with its text.`);
}

function listOf(text: string): List {
  return { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph(text)] }] };
}

describe('cutBeforeHeadline', () => {
  test('the headline goes with the one line of chrome above it', () => {
    const tree = treeOf('Home', `# ${TITLE}`, 'Delegations met on Monday.');
    cutBeforeHeadline(tree, TITLE);
    expect(outline(tree)).toEqual(['paragraph Delegations met on Monday.']);
  });

  test('a headline set as a paragraph goes when it says the title word for word', () => {
    const tree = treeOf('Menu', 'TALKS RESUME IN GENEVA.', 'Delegations met on Monday.');
    cutBeforeHeadline(tree, TITLE);
    expect(outline(tree)).toEqual(['paragraph Delegations met on Monday.']);
  });

  test('a heading that words the title a little longer is still the headline', () => {
    // Four of six words shared with a four-word title: a similarity of exactly 0.8.
    const tree = treeOf('Sign in', '# Talks resume in Geneva, officials say', 'Delegations met on Monday.');
    cutBeforeHeadline(tree, TITLE);
    expect(outline(tree)).toEqual(['paragraph Delegations met on Monday.']);
  });

  test('a paragraph that words the title a little longer is the opening of the article, and stays', () => {
    const tree = treeOf('Talks resume in Geneva, officials say', 'Delegations met on Monday.');
    cutBeforeHeadline(tree, TITLE);
    expect(outline(tree)).toEqual(['paragraph Talks resume in Geneva, officials say', 'paragraph Delegations met on Monday.']);
  });

  test('a list is never the headline, even a breadcrumb that repeats it', () => {
    const tree = treeOf(listOf(TITLE), 'Home', `# ${TITLE}`, 'Delegations met on Monday.');
    cutBeforeHeadline(tree, TITLE);
    expect(outline(tree)).toEqual(['paragraph Delegations met on Monday.']);
  });

  test('the headline is looked for in the first half of a long article', () => {
    const tree = treeOf('Home', 'World', 'Europe', 'Share', `# ${TITLE}`, ...body(5));
    cutBeforeHeadline(tree, TITLE);
    expect(tree.children).toHaveLength(5);
    expect(outline(tree)[0]).toBe(`paragraph ${body(1)[0]}`);
  });

  test('and within the first four blocks of a short one', () => {
    const tree = treeOf('Home', 'World', 'Europe', `# ${TITLE}`, ...body(2));
    cutBeforeHeadline(tree, TITLE);
    expect(tree.children).toHaveLength(2);
  });

  test('the headline repeated in a share box past the first half leaves the article whole', () => {
    const tree = treeOf(...body(7), `# ${TITLE}`, 'Share on Facebook', 'Share on X');
    cutBeforeHeadline(tree, TITLE);
    expect(tree.children).toHaveLength(10);
  });
});

describe('isCreditLine', () => {
  test.each([
    // With the name and the time gone, "Updated", "by" and "at" are the three words a credit line may hold.
    'Updated by Tom Krisher at 10:30',
    'Updated by Tom Krisher at 9:02',
    'Updated by Tom Krisher at 10:30pm',
    'Updated by Tom Krisher at 10.30 a.m.',
    'Updated by Tom Krisher at 10:30 EDT',
    'Updated by Tom Krisher at 10:30 PST',
    'Updated by Tom Krisher at 10:30 CET',
    'Updated by Tom Krisher at 10:30 CEST',
  ])('times of day are no words of a credit line: %s', (text) => {
    expect(isCreditLine(text, FACTS)).toBe(true);
  });

  test('nor is the "am" or "pm" after a bare hour, though the hour is', () => {
    expect(isCreditLine('By Tom Krisher, updated 9 am', FACTS)).toBe(true);
    expect(isCreditLine('By Tom Krisher, updated 9 p.m.', FACTS)).toBe(true);
    expect(isCreditLine('By Tom Krisher, updated at 9 am', FACTS)).toBe(false);
  });

  test('one word more than "Updated by … at" and it is no credit line', () => {
    expect(isCreditLine('Story updated by Tom Krisher at 10:30', FACTS)).toBe(false);
  });

  test('the words left are counted, not the gaps and commas between them', () => {
    expect(isCreditLine('Tom Krisher, updated Monday at 10:30', FACTS)).toBe(true);
    expect(isCreditLine('Tom Krisher, updated late Monday at 10:30', FACTS)).toBe(false);
  });

  test('a line of punctuation is no credit line', () => {
    for (const text of ['* * *', '—', '']) expect(isCreditLine(text, FACTS)).toBe(false);
  });

  test('a byline of many authors is one up to twenty words, and not beyond', () => {
    const names = ['Anna Petrosyan', 'Levon Hakobyan', 'Tom Krisher', 'Jane Doe', 'Ali Khan', 'Mei Lin', 'Olga Petrova', 'Juan Cruz', 'Sara Berg'];
    const facts = { author: names.join(', '), site: null };
    const byline = `By ${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
    expect(byline.split(' ')).toHaveLength(20);
    expect(isCreditLine(byline, facts)).toBe(true);
    expect(isCreditLine(`Updated ${byline}`, facts)).toBe(false);
  });

  test("the site's name alone is no credit line; with a date it is one", () => {
    expect(isCreditLine('Connecticut Post', FACTS)).toBe(false);
    expect(isCreditLine('Subscribe to Connecticut Post', FACTS)).toBe(false);
    expect(isCreditLine('Connecticut Post staff report, March 3, 2025', FACTS)).toBe(true);
  });

  test('with no author and no site known, only a date makes a credit line', () => {
    expect(isCreditLine('Share this story', { author: null, site: null })).toBe(false);
    expect(isCreditLine('Post Comment', { author: 'Tom Krisher', site: null })).toBe(false);
    expect(isCreditLine('Published March 3, 2025', { author: null, site: null })).toBe(true);
  });
});

describe('dropCreditLines', () => {
  test('credit and date lines at the top and bottom go; the first date they state is returned', () => {
    const tree = treeOf('By Tom Krisher', 'March 3, 2025', ...body(6), 'Updated March 4, 2025 10:30 EST');
    expect(dropCreditLines(tree, FACTS)).toBe('2025-03-03');
    expect(outline(tree)).toEqual(body(6).map((text) => `paragraph ${text}`));
  });

  test('the fourth block from either end is still at the edge, the fifth is not', () => {
    // A timeline: its dated entries stand in the middle, credit lines at the edges.
    const tree = treeOf(...body(3), 'By Tom Krisher', 'March 3, 2025', ...body(2, 4), 'March 4, 2025', 'Updated March 5, 2025', ...body(3, 6));
    expect(tree.children).toHaveLength(12);
    expect(dropCreditLines(tree, FACTS)).toBe('2025-03-05');
    expect(outline(tree)).toEqual([
      ...body(3).map((text) => `paragraph ${text}`),
      'paragraph March 3, 2025',
      ...body(2, 4).map((text) => `paragraph ${text}`),
      'paragraph March 4, 2025',
      ...body(3, 6).map((text) => `paragraph ${text}`),
    ]);
  });

  test('a heading that states a date is a section of the article, not a credit line', () => {
    const tree = treeOf('# March 3, 2025', ...body(2), '# Tom Krisher');
    expect(dropCreditLines(tree, FACTS)).toBeNull();
    expect(tree.children).toHaveLength(4);
  });

  test('an article without credit lines is left alone, and gives no date', () => {
    const tree = treeOf('* * *', ...body(3), '—');
    expect(dropCreditLines(tree, FACTS)).toBeNull();
    expect(tree.children).toHaveLength(5);
  });
});

describe('cutTail', () => {
  const withHeading = (heading: string): Root => treeOf(...body(3), `# ${heading}`, 'What follows the heading.');

  test.each(['Comments', '1 Comment', '12 Comments', '1 Response', '3 Responses', 'Replies', 'Discussion', 'Leave a Reply', 'Related', 'Related stories', 'More from Reuters', 'You might also like', 'Read next', 'Most popular', 'About the author'])(
    'from a heading "%s" in the second half, the rest goes',
    (heading) => {
      const tree = withHeading(heading);
      cutTail(tree, null);
      expect(tree.children).toHaveLength(3);
    },
  );

  test.each(['Why the talks need a wider discussion', 'Responses from Europe', 'Replies to the ministry', 'What the panel recommended', "Moscow's answer"])(
    'a section heading "%s" is part of the article',
    (heading) => {
      const tree = withHeading(heading);
      cutTail(tree, null);
      expect(tree.children).toHaveLength(5);
    },
  );

  test('a paragraph that reads like a tail heading, and a tail heading in the first half, cut nothing', () => {
    const tree = treeOf(...body(1), '# Responses', ...body(3, 2), 'Read more about the talks in our explainer.', ...body(1, 5));
    cutTail(tree, 'Tom Krisher');
    expect(tree.children).toHaveLength(7);
  });
});
