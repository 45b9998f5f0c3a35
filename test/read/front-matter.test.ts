// YAML front matter of Markdown seeds: which fences open and close the block, what each field
// becomes (trimmed, names joined, outlets gathered), and how a block that is not valid YAML or
// holds the wrong kind of value is reported, at the line of the file, and ignored.
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { takeFrontMatter } from '../../pipeline/read/front-matter.js';

const BODY = 'NATO is weighing a diplomatic end to the war as Ukraine struggles to hold ground.\n';

function take(text: string) {
  const file = new VFile({ path: 'seeds/001_nato.md', value: text });
  const rest = takeFrontMatter(text, file);
  const messages = file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source }));
  return { rest, frontMatter: file.data.frontMatter, messages };
}

describe('the front-matter block', () => {
  test.each([
    ['closed by ---', '---\ntitle: NATO eyes diplomatic solution\n---\n'],
    ['closed by ...', '---\ntitle: NATO eyes diplomatic solution\n...\n'],
    ['opened by --- with trailing spaces', '---  \ntitle: NATO eyes diplomatic solution\n---\n'],
    ['closed by --- with a trailing tab', '---\ntitle: NATO eyes diplomatic solution\n---\t\n'],
  ])('is read when %s, and blanked to its newlines', (_, block) => {
    const { rest, frontMatter, messages } = take(`${block}${BODY}`);
    expect(frontMatter).toEqual({ title: 'NATO eyes diplomatic solution' });
    expect(messages).toEqual([]);
    expect(rest).toBe(`\n\n\n${BODY}`);
  });

  test('is read when the file ends right after the closing fence', () => {
    const { rest, frontMatter } = take('---\ntitle: NATO eyes diplomatic solution\nlang: en\n---');
    expect(frontMatter).toEqual({ title: 'NATO eyes diplomatic solution', lang: 'en' });
    expect(rest).toBe('\n\n\n');
  });

  test('is only a block at the very start: thematic breaks further down are Markdown', () => {
    const text = `# NATO eyes diplomatic solution\n\n${BODY}\n---\n\nAllies meet in Brussels next week.\n\n---\n\nBy Aghakazim Guliyev\n`;
    const { rest, frontMatter, messages } = take(text);
    expect(rest).toBe(text);
    expect(frontMatter).toBeUndefined();
    expect(messages).toEqual([]);
  });
});

describe('front-matter fields', () => {
  test('trims quoted values, joins authors and gathers source and publisher once each', () => {
    const { frontMatter, messages } = take(
      [
        '---',
        'title: "  NATO eyes diplomatic solution  "',
        "kicker: ' Media '",
        'author: [Aghakazim Guliyev, Jane Doe]',
        'source: [Caliber.Az, Bloomberg]',
        'publisher: Caliber.Az',
        'date: " 12 February 2025 "',
        'lang: " en "',
        '---',
        BODY,
      ].join('\n'),
    );
    expect(messages).toEqual([]);
    expect(frontMatter).toEqual({
      title: 'NATO eyes diplomatic solution',
      kicker: 'Media',
      author: 'Aghakazim Guliyev, Jane Doe',
      via: ['Caliber.Az', 'Bloomberg'],
      date: '12 February 2025',
      lang: 'en',
    });
  });

  test('leaves out what the block does not say: no date, no outlets', () => {
    expect(take(`---\ntitle: NATO eyes diplomatic solution\nauthor: Aghakazim Guliyev\n---\n${BODY}`).frontMatter).toEqual({
      title: 'NATO eyes diplomatic solution',
      author: 'Aghakazim Guliyev',
    });
  });

  test('takes a bare publisher as the only outlet and a number as text', () => {
    expect(take(`---\npublisher: Reuters\ndate: 2025\n---\n${BODY}`).frontMatter).toEqual({ via: ['Reuters'], date: '2025' });
  });
});

describe('the language a block declares', () => {
  test.each([
    ['en_GB', 'en-GB'],
    ['EN-gb', 'en-GB'],
    [' fr ', 'fr'],
    ['pt_BR', 'pt-BR'],
    ['zh-hant-TW', 'zh-Hant-TW'],
  ])('"%s" is read as the tag %s', (declared, tag) => {
    const { frontMatter, messages } = take(`---\nlang: "${declared}"\n---\n${BODY}`);
    expect(frontMatter).toEqual({ lang: tag });
    expect(messages).toEqual([]);
  });

  test.each(['English', 'e', 'en--GB', '12'])('"%s", no language tag, is dropped with a warning at its line', (declared) => {
    const { frontMatter, messages } = take(`---\ntitle: Hello\nlang: "${declared}"\n---\n${BODY}`);
    expect(frontMatter).toEqual({ title: 'Hello' });
    expect(messages).toEqual([
      {
        reason: `front matter lang "${declared}" is not a language tag such as en or en-GB; the article is read as English`,
        line: 3,
        column: 1,
        ruleId: 'front-matter',
        source: 'briefpack:read',
      },
    ]);
  });
});

describe('front matter that is refused', () => {
  test('names every field with a value of the wrong kind, at the first line of the block, and keeps none', () => {
    const { rest, frontMatter, messages } = take(`---\ntitle: [NATO, Ukraine]\nkicker: Media\nlang: { code: en }\n---\n${BODY}`);
    expect(frontMatter).toEqual({});
    expect(messages).toEqual([
      { reason: 'front matter ignored: unexpected value for title, lang', line: 2, column: 1, ruleId: 'front-matter', source: 'briefpack:read' },
    ]);
    expect(rest).toBe(`\n\n\n\n\n${BODY}`);
  });

  test('calls a block that is a list rather than a map the root', () => {
    const { frontMatter, messages } = take(`---\n- NATO eyes diplomatic solution\n- Media\n---\n${BODY}`);
    expect(frontMatter).toEqual({});
    expect(messages.map((m) => m.reason)).toEqual(['front matter ignored: unexpected value for (root)']);
  });

  test('reports YAML that does not parse at the line and column of the file, without the parser’s own count', () => {
    const { frontMatter, messages } = take(`---\ntitle: NATO eyes diplomatic solution\npublisher: Caliber.Az: Bloomberg\n---\n${BODY}`);
    expect(frontMatter).toEqual({});
    expect(messages).toEqual([
      {
        reason: 'front matter is not valid YAML: Nested mappings are not allowed in compact mappings',
        line: 3,
        column: 12,
        ruleId: 'front-matter',
        source: 'briefpack:read',
      },
    ]);
  });

  test('drops the parser’s count past line 9 of the block too', () => {
    const fields = ['title: NATO eyes diplomatic solution', 'kicker: Media', 'author:', '  - Aghakazim Guliyev', 'source:', '  - Caliber.Az', '  - Bloomberg', 'date: 12 February 2025', 'lang: en'];
    const { messages } = take(['---', ...fields, 'title: Again', '---', BODY].join('\n'));
    expect(messages.map((m) => [m.reason, m.line, m.column])).toEqual([['front matter is not valid YAML: Map keys must be unique', 11, 1]]);
  });

  test('keeps the writer’s own words even when they read like a position', () => {
    const { messages } = take(`---\nsummary: >- see the memo at line 4, column 2\n  Allies meet in Brussels.\n---\n${BODY}`);
    expect(messages.map((m) => [m.reason, m.line, m.column])).toEqual([['front matter is not valid YAML: Not a YAML token: see the memo at line 4, column 2', 2, 13]]);
  });
});
