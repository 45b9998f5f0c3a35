// Plain-text seeds read into mdast: the title, the short lines that head body text, lists
// nested by indent (and by the lone bullets copy-paste leaves), Markdown habits (## headings,
// rules, quotes), and the positions sentences cite their lines by.
import type { Heading, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { textParse } from '../../pipeline/read/text/parse.js';
import { fixture } from '../support/fixture.js';

const parse = (text: string): Root => unified().use(textParse).parse(text);

/** The raw text of a block, line breaks and all. */
function textIn(node: RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child: RootContent) => textIn(child)).join('') : '';
}

/** The tree as the Markdown a careful editor would have written, one block a line. */
function shape(tree: Root): string[] {
  const lines: string[] = [];
  const walk = (node: RootContent, pad: string): void => {
    switch (node.type) {
      case 'heading':
        lines.push(`${pad}${'#'.repeat(node.depth)} ${textIn(node)}`);
        return;
      case 'paragraph':
        lines.push(`${pad}${textIn(node)}`);
        return;
      case 'blockquote':
        lines.push(`${pad}> ${textIn(node)}`);
        return;
      case 'thematicBreak':
        lines.push(`${pad}---`);
        return;
      case 'list':
        lines.push(`${pad}${node.ordered ? `list from ${node.start ?? 1}` : 'list'}`);
        for (const item of node.children) {
          const [first, ...rest] = item.children;
          lines.push(`${pad}  - ${first ? textIn(first) : ''}`);
          for (const child of rest) walk(child, `${pad}    `);
        }
        return;
      default:
        lines.push(`${pad}${node.type}`);
    }
  };
  for (const child of tree.children) walk(child, '');
  return lines;
}

const TITLE = 'NATO weighs a negotiated end to the war in Ukraine';
const BODY = 'The alliance is weighing two scenarios for ending the war, officials familiar with the talks said on Monday.';

/** The blocks after the title of an article whose body is `body`. */
function bodyShape(body: string): string[] {
  const [title, ...rest] = shape(parse(`${TITLE}\n\n${body}\n`));
  expect(title).toBe(`# ${TITLE}`);
  return rest;
}

describe('the title', () => {
  test.each([
    ['a plain first line', `${TITLE}\n\n${BODY}`, TITLE],
    ['a Markdown title', `# ${TITLE}\n\n${BODY}`, TITLE],
    ['a deeper Markdown title', `## ${TITLE}\n\n${BODY}`, TITLE],
    ['a Markdown title with two spaces after the hash', `#  ${TITLE}\n\n${BODY}`, TITLE],
    ['a hash inside the title is kept', `Why Microsoft is betting on C# for its cloud tools\n\n${BODY}`, 'Why Microsoft is betting on C# for its cloud tools'],
    ['blank lines before it', `\n\n   \n${TITLE}\n\n${BODY}`, TITLE],
  ])('%s', (_name, text, title) => {
    const [first, second] = parse(text).children;
    expect(first).toMatchObject({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }] });
    expect(second).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: BODY }] });
  });

  const thirtyWords =
    'NATO foreign ministers meeting in Brussels on Tuesday discussed two scenarios for ending the war in Ukraine, including a ceasefire along the current front line and security guarantees for Kyiv';

  test('a first line of thirty words is still the title', () => {
    expect(shape(parse(`${thirtyWords}\n\n${BODY}`))).toEqual([`# ${thirtyWords}`, BODY]);
  });

  test('a longer first line is the opening paragraph, not a title', () => {
    const opening = `${thirtyWords}, diplomats said.`;
    expect(shape(parse(`${opening}\n\n${BODY}`))).toEqual([opening, BODY]);
  });
});

describe('short lines as headings', () => {
  test.each([
    ['over body text', `Military aid to Ukraine\n\n${BODY}`, ['## Military aid to Ukraine', BODY]],
    [
      'over a list',
      'Key points\n\n- Aid deliveries continue\n- Talks are planned for March',
      ['## Key points', 'list', '  - Aid deliveries continue', '  - Talks are planned for March'],
    ],
    [
      'over a quote',
      'What the secretary general said\n\n> We will not negotiate over the heads of Ukrainians.',
      ['## What the secretary general said', '> We will not negotiate over the heads of Ukrainians.'],
    ],
    [
      'over a bullet whose text was pasted onto the next line',
      'Two scenarios\n\n•\nA ceasefire along the current front line',
      ['## Two scenarios', 'list', '  - A ceasefire along the current front line'],
    ],
    [
      'over a hard-wrapped paragraph',
      'Risks and challenges\n\nDiplomats remain\ndeeply divided.',
      ['## Risks and challenges', 'Diplomats remain\ndeeply divided.'],
    ],
    [
      'over a short wrapped paragraph with no full stop',
      'Outlook\n\nDiplomats expect the talks\nto resume next week (AFP)',
      ['## Outlook', 'Diplomats expect the talks\nto resume next week (AFP)'],
    ],
    [
      'over a long paragraph with no full stop',
      'Allies divided\n\nForeign ministers meeting in Brussels failed to agree on a timetable for new air defence deliveries (Reuters)',
      ['## Allies divided', 'Foreign ministers meeting in Brussels failed to agree on a timetable for new air defence deliveries (Reuters)'],
    ],
    [
      'of twelve words',
      `Two scenarios for resolving the conflict before the end of next year\n\n${BODY}`,
      ['## Two scenarios for resolving the conflict before the end of next year', BODY],
    ],
    ['starting with a number', `2025 in review\n\n${BODY}`, ['## 2025 in review', BODY]],
  ])('a short line %s is a heading', (_name, body, expected) => {
    expect(bodyShape(body)).toEqual(expected);
  });

  test.each([
    ['over a rule', `Related coverage\n\n---\n\n${BODY}`, ['Related coverage', '---', BODY]],
    [
      'over a Markdown heading',
      `Analysis\n\n## What the alliance is now weighing as the war in Ukraine enters its fourth year\n\n${BODY}`,
      ['Analysis', '## What the alliance is now weighing as the war in Ukraine enters its fourth year', BODY],
    ],
    [
      'over another short line (credits at the end)',
      `${BODY}\n\nReporting by Jane Smith\n\nEditing by Tom Brown`,
      [BODY, 'Reporting by Jane Smith', 'Editing by Tom Brown'],
    ],
    [
      'over a longer line that is no sentence',
      'Updated on Monday\n\nReporting by Jane Smith and Tom Brown in Brussels',
      ['Updated on Monday', 'Reporting by Jane Smith and Tom Brown in Brussels'],
    ],
    [
      'over a twelve-word caption',
      'Photo gallery\n\nSoldiers of the 47th brigade rest near Avdiivka in the Donetsk region',
      ['Photo gallery', 'Soldiers of the 47th brigade rest near Avdiivka in the Donetsk region'],
    ],
    ['over a sentence no longer than itself', 'Markets react\n\nStocks fell.', ['Markets react', 'Stocks fell.']],
    ['over a shorter sentence', 'Ceasefire talks stall in Geneva\n\nNobody expected more.', ['Ceasefire talks stall in Geneva', 'Nobody expected more.']],
    [
      'of more than twelve words',
      `The alliance is weighing two scenarios for how the war in Ukraine could end\n\n${BODY}`,
      ['The alliance is weighing two scenarios for how the war in Ukraine could end', BODY],
    ],
    ['starting in lower case', `via Bloomberg News\n\n${BODY}`, ['via Bloomberg News', BODY]],
    [
      'wrapped onto a second line',
      `Two scenarios for\nresolving the conflict\n\n${BODY}`,
      ['Two scenarios for\nresolving the conflict', BODY],
    ],
  ])('a short line %s stays a paragraph', (_name, body, expected) => {
    expect(bodyShape(body)).toEqual(expected);
  });
});

describe('Markdown habits in plain text', () => {
  test('## headings, rules and quotes', () => {
    const body = `## Background\n\n${BODY}\n\n***\n\n### Timeline\n\n> We will not negotiate over the heads of Ukrainians.`;
    expect(bodyShape(body)).toEqual(['## Background', BODY, '---', '### Timeline', '> We will not negotiate over the heads of Ukrainians.']);
    const tree = parse(`${TITLE}\n\n${body}`);
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'heading', 'paragraph', 'thematicBreak', 'heading', 'blockquote']);
  });
});

describe('lists', () => {
  test('nesting follows the indent, back out to any enclosing level', () => {
    const body = [
      '- Diplomacy',
      '  - Two scenarios are under discussion',
      '    - A ceasefire along the current front line',
      '    - A negotiated settlement',
      '  - Talks could start in the spring',
      '- Military aid',
    ].join('\n');
    expect(bodyShape(body)).toEqual([
      'list',
      '  - Diplomacy',
      '    list',
      '      - Two scenarios are under discussion',
      '        list',
      '          - A ceasefire along the current front line',
      '          - A negotiated settlement',
      '      - Talks could start in the spring',
      '  - Military aid',
    ]);
  });

  test('an indented list is one flat list', () => {
    const body = '  - Air defence systems\n  - Artillery ammunition\n  - Armoured vehicles';
    expect(bodyShape(body)).toEqual(['list', '  - Air defence systems', '  - Artillery ammunition', '  - Armoured vehicles']);
  });

  test('a stray space before the first bullet does not split the list', () => {
    expect(bodyShape(' • NATO weighs talks\n• Aid to Kyiv continues')).toEqual(['list', '  - NATO weighs talks', '  - Aid to Kyiv continues']);
  });

  test('numbered items keep their start', () => {
    expect(bodyShape('3. Sanctions\n4. Security guarantees')).toEqual(['list from 3', '  - Sanctions', '  - Security guarantees']);
  });

  test('a lone bullet heads the bullets that follow at its indent, and the nesting resumes after them', () => {
    // The flattened <li>Title:<ul><li>…</li></ul></li> of a pasted web page, inside a list of its own.
    const body = [
      '- Diplomacy',
      '  •',
      '  Two scenarios under discussion:',
      '  - A ceasefire along the current front line',
      '  - A negotiated settlement with security guarantees',
      '- Military aid',
      '  - Air defence systems',
      '    - Patriot batteries',
    ].join('\n');
    expect(bodyShape(body)).toEqual([
      'list',
      '  - Diplomacy',
      '    list',
      '      - Two scenarios under discussion:',
      '        list',
      '          - A ceasefire along the current front line',
      '          - A negotiated settlement with security guarantees',
      '  - Military aid',
      '    list',
      '      - Air defence systems',
      '        list',
      '          - Patriot batteries',
    ]);
  });

  test('a lone bullet with no text under it is dropped, the list after it kept', () => {
    expect(bodyShape('•\n• Aid to Kyiv continues\n• Talks are planned for March')).toEqual([
      'list',
      '  - Aid to Kyiv continues',
      '  - Talks are planned for March',
    ]);
  });
});

describe('positions', () => {
  const text = [
    'NATO weighs a negotiated end to the war', // 1
    '',
    'The alliance is weighing two scenarios for', // 3
    'ending the war in Ukraine, officials familiar',
    'with the talks said on Monday.', // 5
    '',
    '---', // 7
    '',
    '    Talks are due to resume in Geneva next month.', // 9
  ].join('\n');
  const blocks = fixture(() => parse(text).children);

  test('a block starts at its first line and ends at the end of its last', () => {
    const [title, paragraph] = blocks();
    expect(title?.position).toMatchObject({ start: { line: 1, column: 1 }, end: { line: 1, column: 40 } });
    expect(paragraph?.type).toBe('paragraph');
    expect(paragraph?.position).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 5, column: 31 } });
  });

  test('a rule lies within its own line', () => {
    const [, , rule] = blocks();
    expect(rule?.type).toBe('thematicBreak');
    const position = rule?.position;
    expect(position?.start).toMatchObject({ line: 7, column: 1 });
    expect(position?.end.line).toBe(7);
    expect(position?.end.column).toBeGreaterThanOrEqual(1);
    expect(position?.end.column).toBeLessThanOrEqual('---'.length + 1);
  });

  test('an indented paragraph starts after its indent', () => {
    const [, , , indented] = blocks();
    expect(indented?.position?.start).toMatchObject({ line: 9, column: 5 });
  });

  test('a Markdown heading keeps its line', () => {
    const heading = parse(`${TITLE}\n\n## Background\n\n${BODY}`).children[1] as Heading;
    expect(heading.position?.start).toMatchObject({ line: 3, column: 1 });
    expect(heading.position?.end.line).toBe(3);
  });
});
