// The read rules for an article's metadata and sentences, case by case: dates as news writes
// them, date lines and datelines, titles and kickers, bylines, and the sentence split as the
// rules run on parsed Markdown (the title, published, byline and sentences plugins).
import type { Heading, Root, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { createFile } from '../../pipeline/read/file.js';
import { takeFrontMatter } from '../../pipeline/read/front-matter.js';
import { plainTextOf, visitNodes } from '../../pipeline/read/mdast.js';
import { dropImages } from '../../pipeline/read/rules/images.js';
import { parseByline, readByline } from '../../pipeline/read/rules/byline.js';
import { findDate, isoDate } from '../../pipeline/read/rules/dates.js';
import { dateLineDate, datelineDate, readPublished } from '../../pipeline/read/rules/published.js';
import { splitIntoSentences } from '../../pipeline/read/rules/sentences.js';
import { readTitle, splitKicker } from '../../pipeline/read/rules/title.js';

/** A Markdown seed parsed as the reader parses it, its front matter taken. */
function parsed(markdown: string, path = 'seeds/nato-talks.md'): { tree: Root; file: VFile } {
  const file = createFile(path, markdown);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(takeFrontMatter(markdown, file));
  return { tree, file };
}

function titled(markdown: string, path?: string) {
  const { tree, file } = parsed(markdown, path);
  unified().use(readTitle).runSync(tree, file);
  return { tree, file };
}

function published(markdown: string) {
  const { tree, file } = parsed(markdown);
  unified().use(readTitle).use(readPublished).runSync(tree, file);
  return { tree, file };
}

function bylined(markdown: string) {
  const { tree, file } = parsed(markdown);
  unified().use(dropImages).use(readTitle).use(readPublished).use(readByline).runSync(tree, file);
  return { tree, file };
}

function split(tree: Root, file = new VFile({ path: 'seeds/nato-talks.md' })) {
  unified().use(splitIntoSentences, { sourceId: 'nato-talks' }).runSync(tree, file);
  return file;
}

const texts = (tree: Root) => tree.children.map((node) => plainTextOf(node));

describe('findDate', () => {
  test.each([
    ['KYIV, 3 MARCH 2025 — Officials said', '2025-03-03'],
    ['KYIV, MARCH 3, 2025 — Officials said', '2025-03-03'],
    ['published on 3 march 2025', '2025-03-03'],
  ])('month names in any case: %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  test.each([
    ['2025-03-04, revised 5 March 2025', '2025-03-04'],
    ['3 March 2025, revised March 5, 2025', '2025-03-03'],
    ['Signed 3 March 2025 and ratified on 2025-04-10', '2025-03-03'],
  ])('the first date written wins, whatever its form: %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  test('where the date stands and how long it is as written', () => {
    expect(findDate('Updated Mar. 4, 2025 at 10:15')).toEqual({ iso: '2025-03-04', index: 8, length: 12 });
  });

  test.each(['3 March 0025', '0025-03-03'])('a typo in the year is no date, not one in 1925: %s', (text) => {
    expect(findDate(text)).toBeNull();
  });

  test.each([
    [2025, 3, 4, '2025-03-04'],
    [2024, 2, 29, '2024-02-29'],
    [2025, 2, 29, null],
    [2025, 4, 31, null],
    [2025, 13, 1, null],
    [2025, 0, 10, null],
    [25, 3, 4, null],
    [99, 12, 31, null],
  ])('isoDate(%i, %i, %i)', (year, month, day, iso) => {
    expect(isoDate(year, month, day)).toBe(iso);
  });
});

describe('dateLineDate', () => {
  test.each([
    ['Published:3 March 2025', '2025-03-03'],
    ['Date:2025-03-04', '2025-03-04'],
    ['Last updated: 4 March 2025', '2025-03-04'],
    ['Posted on March 4, 2025', '2025-03-04'],
  ])('a label before the date: %s', (text, iso) => {
    expect(dateLineDate(text)).toBe(iso);
  });

  test.each([
    ['Mon, 3 March 2025', '2025-03-03'],
    ['Tue, 4 March 2025', '2025-03-04'],
    ['Wed, 5 March 2025', '2025-03-05'],
    ['Thu, 6 March 2025', '2025-03-06'],
    ['Sat, 8 March 2025', '2025-03-08'],
    ['Tuesday 4 March 2025', '2025-03-04'],
    ['Tuesday,4 March 2025', '2025-03-04'],
    ['Thurs. 6 March 2025', '2025-03-06'],
    ['Updated Wednesday, March 5, 2025', '2025-03-05'],
  ])('a weekday before the date: %s', (text, iso) => {
    expect(dateLineDate(text)).toBe(iso);
  });

  test.each([
    ['Published: March 4, 2025, 9:30 pm GMT', '2025-03-04'],
    ['Published: March 4, 2025, 9:30pm GMT', '2025-03-04'],
    ['Updated 5 March 2025 at 10:15a.m.', '2025-03-05'],
    ['Updated 5 March 2025, 14:00GMT', '2025-03-05'],
    ['Updated 5 March 2025, 14:00 (GMT+2)', '2025-03-05'],
    ['Published 4 March 2025, 18:30 (GMT+11)', '2025-03-04'],
    ['Published 4 March 2025, 18:30 UTC-5', '2025-03-04'],
    ['4 March 2025 · 10:15', '2025-03-04'],
  ])('a time after the date: %s', (text, iso) => {
    expect(dateLineDate(text)).toBe(iso);
  });

  test.each([
    '4 March 2025: talks resume in Geneva',
    '3 March 2025 was the day the ceasefire collapsed',
    'Updated 5 March 2025 after the vote',
    '2025-03-04 (Reuters)',
  ])('a date that opens a sentence is not a date line: %s', (text) => {
    expect(dateLineDate(text)).toBeNull();
  });

  // The function takes a line as written; it must not rely on its caller collapsing white space.
  test.each([
    ['Updated 5 March 2025 at  10:15', '2025-03-05'],
    ['Updated 5 March 2025 at 10:15 ', '2025-03-05'],
  ])('white space as pasted: %j', (text, iso) => {
    expect(dateLineDate(text)).toBe(iso);
  });
});

describe('datelineDate', () => {
  test.each([
    ['(KYIV) March 3, 2025 — Officials said the strikes went on overnight.', '2025-03-03'],
    ['KYIV, Ukraine, March 3, 2025—Officials said the strikes went on overnight.', '2025-03-03'],
    ['KYIV, Ukraine, March 3, 2025 (AP)—Officials said the strikes went on overnight.', '2025-03-03'],
    ['BRUSSELS, 3 March 2025 (Reuters) - EU ambassadors agreed on new sanctions.', '2025-03-03'],
    ['  LONDON, 3 March 2025 — Britain will raise defence spending.', '2025-03-03'],
  ])('%s', (text, iso) => {
    expect(datelineDate(text)).toBe(iso);
  });

  test.each([
    '3 March 2025 was a turning point for the alliance.',
    '3 March 2025 saw a rise in cross-border trade.',
    'LONDON, 3 March 2025 Britain will raise defence spending — as promised.',
    'Joint Statement By The Foreign Ministers Of France, Germany, Italy, Poland And The United Kingdom, 3 March 2025 — The ministers agreed.',
  ])('not a dateline: %s', (text) => {
    expect(datelineDate(text)).toBeNull();
  });
});

describe('readPublished', () => {
  test('a date line under the title gives the date and leaves the article', () => {
    const { tree, file } = published('# NATO weighs new aid\n\nPublished 3 March 2025\n\nMinisters met in Brussels on Monday.\n');
    expect(file.data.published).toBe('2025-03-03');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  test('a date line set as a heading is taken too', () => {
    const { tree, file } = published('# NATO weighs new aid\n\n### Tuesday, 4 March 2025\n\nMinisters met in Brussels.\n');
    expect(file.data.published).toBe('2025-03-04');
    expect(tree.children).toHaveLength(1);
  });

  test('a dated section further down is an event, not the publication date', () => {
    const markdown = [
      '# Live: talks in Geneva',
      'Delegations arrived overnight.',
      'Both sides say they want a deal.',
      'Ukraine’s foreign minister is expected later.',
      '## 4 March 2025',
      'The first session ended without a statement.',
      '',
    ].join('\n\n');
    const { tree, file } = published(markdown);
    expect(file.data.published).toBeNull();
    expect(tree.children).toHaveLength(5);
    expect(texts(tree)).toContain('4 March 2025');
  });

  test('the dateline is read from the first paragraph, even under a standfirst heading', () => {
    const markdown = '# Britain to raise defence spending\n\n## The prime minister sets a new target\n\nLONDON, 3 March 2025 — Britain will spend more on defence.\n';
    const { file } = published(markdown);
    expect(file.data.published).toBe('2025-03-03');
  });

  test('front matter states the date', () => {
    const { file } = published('---\ntitle: NATO weighs new aid\ndate: 3 March 2025\n---\n\nMinisters met in Brussels.\n');
    expect(file.data.published).toBe('2025-03-03');
    expect(file.messages).toEqual([]);
  });

  test('a front matter date that cannot be read is reported, saying what to write', () => {
    const { file } = published('---\ntitle: NATO weighs new aid\ndate: next Tuesday\n---\n\nMinisters met in Brussels.\n');
    expect(file.data.published).toBeNull();
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message?.ruleId).toBe('front-matter-date');
    expect(message?.source).toBe('briefpack:read');
    expect(message?.reason).toContain('"next Tuesday"');
    expect(message?.reason).toContain('YYYY-MM-DD');
  });
});

describe('splitKicker', () => {
  test.each([
    ['U.S. election: Voters head to the polls', 'U.S. election', 'Voters head to the polls'],
    ['Analysis: Why the ceasefire failed', 'Analysis', 'Why the ceasefire failed'],
  ])('%s', (headline, kicker, title) => {
    expect(splitKicker(headline)).toEqual({ kicker, title });
  });

  test.each([
    '2 killed in Kharkiv strike: officials say toll may rise',
    'eBay sellers: new fees from April',
    'Why did he resign? Aides: he was pushed',
  ])('keeps "%s" whole', (headline) => {
    expect(splitKicker(headline)).toEqual({ kicker: null, title: headline });
  });

  // The function takes a headline as written; it must not rely on its caller collapsing white space.
  test.each([
    ['Media:  NATO eyes diplomatic solution', 'Media', 'NATO eyes diplomatic solution'],
    ['Fact  Check Live: The claims examined', 'Fact  Check Live', 'The claims examined'],
  ])('white space as pasted: %j', (headline, kicker, title) => {
    expect(splitKicker(headline)).toEqual({ kicker, title });
  });

  test('a headline over two lines loses no words', () => {
    expect(splitKicker('Media: NATO eyes\ndiplomatic solution').title).toContain('diplomatic solution');
  });
});

describe('readTitle', () => {
  test('the opening depth-1 heading is the title and leaves the article', () => {
    const { tree, file } = titled('# Media: NATO eyes diplomatic solution\n\nMinisters met in Brussels.\n');
    expect(file.data).toMatchObject({ title: 'NATO eyes diplomatic solution', kicker: 'Media' });
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(file.messages).toEqual([]);
  });

  test.each([
    ['no heading', 'Ministers met in Brussels on Monday.\n\nThey agreed on more aid.\n', 2],
    ['a depth-2 heading first', '## What was agreed\n\nMinisters met in Brussels on Monday.\n', 2],
  ])('%s: the file name stands in, the article keeps its blocks, and that is noted', (_, markdown, blocks) => {
    const { tree, file } = titled(markdown, 'seeds/brussels-meeting.md');
    expect(file.data.title).toBe('brussels-meeting');
    expect(file.data.kicker).toBeNull();
    expect(tree.children).toHaveLength(blocks);
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message?.ruleId).toBe('no-title');
    expect(message?.source).toBe('briefpack:read');
    expect(message?.fatal).toBeUndefined();
    expect(message?.reason).toMatch(/no title found.*file name/);
  });

  test('front matter alone, with no body, gives the title', () => {
    const { tree, file } = titled('---\ntitle: Briefing note\nkicker: Defence\n---\n');
    expect(tree.children).toEqual([]);
    expect(file.data).toMatchObject({ title: 'Briefing note', kicker: 'Defence' });
    expect(file.messages).toEqual([]);
  });

  test('a file with no name and no title gets an empty title', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Ministers met.' }] }] };
    const file = new VFile({ value: 'Ministers met.' });
    unified().use(readTitle).runSync(tree, file);
    expect(file.data.title).toBe('');
  });
});

describe('parseByline', () => {
  test.each([
    ['By Md. Kamrul Hasan', 'Md. Kamrul Hasan', ''],
    ['By Anna K.', 'Anna K.', ''],
    ['By Chinedu Sunday', 'Chinedu Sunday', ''],
    ['By Tomás Herrera | Mar. 12, 2025', 'Tomás Herrera', 'Mar. 12, 2025'],
    [
      'By Anna Kowalski and Pierre Dubois, Reuters, with reporting by Olena Petrenko in Kyiv and Warsaw',
      'Anna Kowalski and Pierre Dubois',
      'Reuters, with reporting by Olena Petrenko in Kyiv and Warsaw',
    ],
  ])('%s', (text, author, rest) => {
    expect(parseByline(text)).toEqual({ author, rest });
  });

  test('sixteen words, one gap doubled as pasted, is still a byline', () => {
    const text = 'By Anna Kowalski and Pierre Dubois,  Reuters, with reporting by Olena Petrenko in Kyiv and Warsaw';
    expect(parseByline(text)?.author).toBe('Anna Kowalski and Pierre Dubois');
  });

  test('a long line that opens with "By" is a sentence, not a byline', () => {
    const text = 'By Christmas, the alliance hopes to have agreed a new package of air defence systems for Ukraine and its neighbours';
    expect(parseByline(text)).toBeNull();
  });
});

describe('readByline', () => {
  test('the byline may follow a standfirst among the leading blocks', () => {
    const markdown = '# NATO weighs new aid\n\nAllies are split on how far to go.\n\nBy Jane Doe\n\nMinisters met in Brussels.\n';
    const { tree, file } = bylined(markdown);
    expect(file.data.author).toBe('Jane Doe');
    expect(tree.children).toHaveLength(2);
  });

  test('a "By …" heading deep in the article is a section, not a byline', () => {
    const markdown = [
      '# How the blockade works',
      'The navy has closed the strait.',
      'Shipping firms have rerouted.',
      'Insurers have raised premiums.',
      '## By Land and Sea',
      'Supplies now come overland.',
      '',
    ].join('\n\n');
    const { tree, file } = bylined(markdown);
    expect(file.data.author).toBeNull();
    expect(tree.children.filter((node): node is Heading => node.type === 'heading')).toHaveLength(1);
  });

  // Dropping the picture leaves its paragraph empty, and that is the last block.
  test('an article ending with a photo has no byline and reads on', () => {
    const markdown = '# NATO weighs new aid\n\nMinisters met in Brussels.\n\n![Ministers at the table](ministers.jpg)\n';
    const { file } = bylined(markdown);
    expect(file.data.author).toBeNull();
  });

  test('a byline glued to the last paragraph is cut and names the author', () => {
    const markdown = '# NATO weighs new aid\n\nMinisters met in Brussels on Monday.By Jane Doe\n';
    const { tree, file } = bylined(markdown);
    expect(file.data.author).toBe('Jane Doe');
    expect(file.data.published).toBeNull();
    expect(texts(tree)).toEqual(['Ministers met in Brussels on Monday.']);
  });
});

describe('splitIntoSentences', () => {
  test('a heading is one sentence however it is punctuated', () => {
    const { tree } = parsed('## Talks stall. Allies regroup\n\nMinisters met. They agreed on aid.\n');
    const file = split(tree);
    expect(file.data.sentences?.map((s) => [s.text, s.kind])).toEqual([
      ['Talks stall. Allies regroup', 'heading'],
      ['Ministers met.', 'paragraph'],
      ['They agreed on aid.', 'paragraph'],
    ]);
  });

  test('an empty heading gives no sentence and carries no ids', () => {
    const { tree } = parsed('Ministers met in Brussels.\n\n##\n\nThey agreed on aid.\n');
    const file = split(tree);
    expect(file.data.sentences?.map((s) => s.text)).toEqual(['Ministers met in Brussels.', 'They agreed on aid.']);
    const heading = tree.children[1] as Heading;
    expect(heading.data?.sentenceIds).toBeUndefined();
  });

  test('an empty table cell carries no sentence ids', () => {
    const { tree } = parsed('| Country | Pledge |\n| --- | --- |\n| Poland | 4.1% of GDP |\n| Spain |  |\n');
    split(tree);
    const cells: TableCell[] = [];
    visitNodes(tree, (node) => {
      if (node.type === 'tableCell') cells.push(node);
    });
    expect(cells.map((cell) => cell.data?.sentenceIds ?? null)).toEqual([
      ['nato-talks:s1'],
      ['nato-talks:s2'],
      ['nato-talks:s3'],
      ['nato-talks:s4'],
      ['nato-talks:s5'],
      null,
    ]);
    expect(cells.at(-1)?.data).toBeUndefined();
  });

  test('a tree without positions still gets its sentences, on line 0', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'What was agreed' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'Ministers met in Brussels. They agreed on aid.' }] },
      ],
    };
    const file = split(tree);
    expect(file.data.sentences?.map((s) => [s.id, s.text, s.line])).toEqual([
      ['nato-talks:s1', 'What was agreed', 0],
      ['nato-talks:s2', 'Ministers met in Brussels.', 0],
      ['nato-talks:s3', 'They agreed on aid.', 0],
    ]);
  });
});
