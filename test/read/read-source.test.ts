import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { Source, type Diagnostic } from '../../pipeline/model.js';
import { formatDiagnostic, readSource } from '../../pipeline/read/index.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (path: string, text: string) => readSource({ path, bytes: bytes(text) });

function sourceOf(path: string, text: string): Source {
  const { source } = read(path, text);
  if (source === null) throw new Error(`${path} was not read`);
  return source;
}

describe('formatDiagnostic', () => {
  const diagnostic: Diagnostic = {
    file: 'seeds/x.txt',
    line: 12,
    column: 1,
    severity: 'warning',
    ruleId: 'not-utf8',
    message: 'the file is not valid UTF-8',
  };

  test('names the place, the severity and the rule', () => {
    expect(formatDiagnostic(diagnostic)).toBe('seeds/x.txt:12:1: warning: the file is not valid UTF-8 [not-utf8]');
  });

  test('leaves the place out for a whole-file diagnostic', () => {
    expect(formatDiagnostic({ ...diagnostic, line: 0, column: 0 })).toBe(
      'seeds/x.txt: warning: the file is not valid UTF-8 [not-utf8]',
    );
  });
});

describe('readSource refusals', () => {
  test('a file over maxBytes is refused unread', () => {
    const result = readSource({ path: 'seeds/big.txt', bytes: new Uint8Array(11) }, { maxBytes: 10 });
    expect(result.source).toBeNull();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['too-large']);
  });

  test('the default limit is 5 MB', () => {
    const result = readSource({ path: 'seeds/big.txt', bytes: new Uint8Array(5 * 1024 * 1024 + 1) });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['too-large']);
  });

  test('extensions are matched without regard to case', () => {
    expect(read('seeds/A.TXT', 'Title\nBody text here.').source?.format).toBe('text');
    expect(read('seeds/b.Markdown', '# Title\n\nBody text here.').source?.format).toBe('markdown');
  });

  test('a file without an extension is not a seed', () => {
    expect(read('seeds/README', 'Title\nBody.').diagnostics[0]).toMatchObject({ severity: 'info', ruleId: 'unknown-extension' });
  });

  // Survivors of mutation testing (pipeline/read/admit.ts): the limit's edge, and what the note names.
  test('a file of exactly maxBytes is read; one byte more is refused', () => {
    const text = new TextEncoder().encode('Title\nA body of some length.\n');
    expect(readSource({ path: 'seeds/edge.txt', bytes: text }, { maxBytes: text.length }).source).not.toBeNull();
    expect(readSource({ path: 'seeds/edge.txt', bytes: text }, { maxBytes: text.length - 1 }).source).toBeNull();
  });

  test('the note names the extension, or says there is none', () => {
    expect(read('seeds/README', 'Title\nBody.').diagnostics[0]?.message).toMatch(/^not a seed \(no extension; expected/);
    expect(read('seeds/.txt', 'Title\nBody.').diagnostics[0]?.message).toMatch(/^not a seed \(no extension;/);
    expect(read('seeds/notes.DOCX', 'Title\nBody.').diagnostics[0]?.message).toMatch(/^not a seed \(\.docx; expected/);
  });
});

describe('readSource never throws', () => {
  const awkward = [
    '-',
    '-\n-\n-\n',
    '•\n\n•',
    'Title\n-\n',
    'Title\n1.\n2.\n',
    'Title\n    - deep\n  - shallower\n- top\n        - deepest\n',
    ':\n:\n',
    'By\n',
    'By Jane Doe',
    'Title\nBy\n',
    '---\n',
    '> \n>\n',
    '# \n',
    `Title\n${'word '.repeat(5000)}\n`,
    `Title\n${'A'.repeat(5000)}.By ${'B'.repeat(5000)}\n`,
    `Title\n${'Aa '.repeat(3000)}(Reuters) -\n`,
    `LONDON, ${'3 March 2025 '.repeat(200)}—\n`,
  ];
  test.each(awkward.map((text, i) => [i, text] as const))('awkward text #%i', (_i, text) => {
    for (const path of ['seeds/a.txt', 'seeds/a.md']) {
      // A regex gone exponential on these would exceed the test timeout rather than a timed bound.
      const result = read(path, text);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (result.source) expect(Source.safeParse(result.source).success).toBe(true);
    }
  });
});

describe('plain text and Markdown', () => {
  test('read to the same tree', () => {
    const text = [
      'Ceasefire talks resume in Geneva',
      'Delegations met on Monday for the first time since January.',
      'Main Points',
      'The agenda covers three issues:',
      '- Prisoner exchanges.',
      '- A monitoring mission.',
      '1. First step.',
      '2. Second step.',
      '> It is a start, not an end.',
      'Talks continue on Tuesday.',
    ].join('\n');
    const markdown = [
      '# Ceasefire talks resume in Geneva',
      '',
      'Delegations met on Monday for the first time since January.',
      '',
      '## Main Points',
      '',
      'The agenda covers three issues:',
      '',
      '- Prisoner exchanges.',
      '- A monitoring mission.',
      '',
      '1. First step.',
      '2. Second step.',
      '',
      '> It is a start, not an end.',
      '',
      'Talks continue on Tuesday.',
    ].join('\n');
    const fromText = sourceOf('seeds/a.txt', text);
    const fromMarkdown = sourceOf('seeds/a.md', markdown);
    expect(fromText.tree).toEqual(fromMarkdown.tree);
    expect(fromText.sentences.map(({ line: _line, ...rest }) => rest)).toEqual(
      fromMarkdown.sentences.map(({ line: _line, ...rest }) => rest),
    );
  });

  test('a hard break in Markdown separates words and counts as a line', () => {
    const source = sourceOf('seeds/a.md', '# T\n\nFirst sentence ends here.  \nSecond one starts here.\n');
    expect(source.sentences.map((s) => [s.text, s.line])).toEqual([
      ['First sentence ends here.', 3],
      ['Second one starts here.', 4],
    ]);
  });
});

describe('front matter wins over heuristics', () => {
  const markdown = [
    '---',
    'title: From front matter',
    'author: Front Author',
    'date: 1 May 2024',
    'publisher: Example Post',
    '---',
    '',
    '# Media: From the heading',
    '',
    'By Body Author',
    '',
    'LONDON, 3 March 2025 — The text, Reuters reported.',
  ].join('\n');

  test('for title, kicker, author, date and outlets', () => {
    expect(sourceOf('seeds/a.md', markdown)).toMatchObject({
      title: 'From front matter',
      kicker: null,
      author: 'Front Author',
      published: '2024-05-01',
      via: ['Example Post'],
    });
  });

  test('while the byline still leaves the body', () => {
    const source = sourceOf('seeds/a.md', markdown);
    expect(source.sentences.map((s) => s.text)).toEqual(['LONDON, 3 March 2025 — The text, Reuters reported.']);
  });

  test('a front matter date that is not a date is reported', () => {
    const result = read('seeds/a.md', '---\ndate: soon\n---\n# T\n\nText.');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['front-matter-date']);
    expect(result.source?.published).toBeNull();
  });
});

describe('source ids', () => {
  test('are the file name without its extension', () => {
    expect(sourceOf('seeds/sub/003_abc.def.txt', 'Title\nText.').id).toBe('003_abc.def');
  });

  test('turn white space and colons into hyphens, with a note', () => {
    const result = read('seeds/my article: draft.txt', 'Title\nText.');
    expect(result.source?.id).toBe('my-article-draft');
    expect(result.source?.sentences[0]?.id).toBe('my-article-draft:s1');
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['info', 'source-id']]);
  });
});

describe('hash', () => {
  test('is the SHA-256 of the bytes as given, not of the decoded text', () => {
    const plain = bytes('Title\nText.');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    const hashOf = (data: Uint8Array) => readSource({ path: 'seeds/a.txt', bytes: data }).source?.hash;
    expect(hashOf(plain)).toBe(createHash('sha256').update(plain).digest('hex'));
    expect(hashOf(withBom)).not.toBe(hashOf(plain));
  });
});
