// brief.yaml beyond the schema: the limits checked before the YAML parser is trusted (size in
// bytes, nesting counted over block indentation, "- " items and flow brackets, with quoted text
// and comments left out), the exact wording and place of what is refused, and the ordinary long
// overlays that those limits must let through.
import { describe, expect, test } from 'vitest';
import { MAX_OVERLAY_BYTES, parseOverlay } from '../../pipeline/read/overlay.js';

const FILE = 'seeds/brief.yaml';

/** The rule ids of what parseOverlay reports, or [] when it takes the file. */
function rulesOf(text: string): string[] {
  return parseOverlay(text, FILE).diagnostics.map((d) => d.ruleId);
}

/** The single diagnostic of a refused file. */
function only(text: string) {
  const result = parseOverlay(text, FILE);
  expect(result.overlay).toBeNull();
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]!;
}

/** A map nested `depth` levels by indentation: "k0:" then " k1:" and so on, the last with a value. */
function blockNest(depth: number, from = 0): string[] {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(from + i)}k${i}:${i === depth - 1 ? ' x' : ''}`);
}

const hex = (i: number, prefix: string): string => `${prefix}-${(0x1a2b0000 + i).toString(16)}`;

describe('brief.yaml size', () => {
  test('takes a file of exactly 1 MiB and refuses one byte more, with a message that says why', () => {
    const head = 'title: Weekly pack\n# ';
    const exact = `${head}${'x'.repeat(MAX_OVERLAY_BYTES - head.length - 1)}\n`;
    expect(Buffer.byteLength(exact)).toBe(MAX_OVERLAY_BYTES);
    expect(parseOverlay(exact, FILE)).toMatchObject({ overlay: { title: 'Weekly pack' }, diagnostics: [] });

    const d = only(`${head}${'x'.repeat(MAX_OVERLAY_BYTES - head.length)}\n`);
    expect(d).toMatchObject({ file: FILE, line: 1, column: 1, severity: 'error', ruleId: 'overlay-size' });
    expect(d.message).toBe('the file is larger than 1048576 bytes: an overlay is a short list of edits; shorten it');
  });

  test('counts bytes, not characters', () => {
    // 600 000 characters of two bytes each: 1.2 MB.
    expect(only(`title: Weekly pack\nsubtitle: ${'é'.repeat(600_000)}\n`)).toMatchObject({ ruleId: 'overlay-size' });
  });
});

describe('brief.yaml nesting: what is refused', () => {
  test('names the line and the column of the bracket that goes past 32 levels', () => {
    const d = only(`title: Weekly pack\nrisks: ${'['.repeat(40)}${']'.repeat(40)}\n`);
    // "risks: " is 7 characters; with the line's own level the 32nd bracket is the 33rd level.
    expect(d).toMatchObject({ file: FILE, line: 2, column: 39, severity: 'error', ruleId: 'overlay-depth' });
    expect(d.message).toBe('the file nests deeper than 32 levels, and an overlay needs six at most; flatten it');
  });

  test.each([
    ['braces', `risks: ${'{'.repeat(40)}${'}'.repeat(40)}`],
    ['brackets spaced apart', `risks: ${'[ '.repeat(40)}x${' ]'.repeat(40)}`],
    ['brackets after a quoted item', `risks: ["Kyiv", ${'['.repeat(40)}x${']'.repeat(40)}]`],
    ['brackets after an apostrophe inside a word', `risks: [Kyiv's talks, ${'['.repeat(40)}x${']'.repeat(40)}]`],
    ['brackets after a # inside a word', `risks: [C# sharp, ${'['.repeat(40)}x${']'.repeat(40)}]`],
    ['"- " items with more than one space', `${'-   '.repeat(40)}x`],
    ['"- " items on an indented line', `risks:\n  ${'- '.repeat(40)}x`],
  ])('refuses %s', (_, text) => {
    expect(rulesOf(`title: Weekly pack\n${text}\n`)).toEqual(['overlay-depth']);
  });

  test('still counts the block levels around a blank line or a comment', () => {
    const deep = blockNest(40);
    const withBlank = [...deep.slice(0, 20), '', ...deep.slice(20)];
    const withComment = [...deep.slice(0, 20), '# the analyst left a note here', ...deep.slice(20)];
    // Line 34 of the plain text is its 33rd level; the blank line or the comment pushes it to 35.
    expect(only(['title: Weekly pack', ...deep].join('\n'))).toMatchObject({ line: 34, ruleId: 'overlay-depth' });
    expect(only(['title: Weekly pack', ...withBlank].join('\n'))).toMatchObject({ line: 35, ruleId: 'overlay-depth' });
    expect(only(['title: Weekly pack', ...withComment].join('\n'))).toMatchObject({ line: 35, ruleId: 'overlay-depth' });
  });

  test('still counts the block levels after a closed nested flow list', () => {
    const text = ['title: Weekly pack', 'scenarios:', '  merge: [[sc-1a2b3c4d, sc-5e6f7a8b]]', 'risks: { rk-12345678: [x] }', ...blockNest(40)].join('\n');
    expect(only(text)).toMatchObject({ line: 37, ruleId: 'overlay-depth' });
  });
});

describe('brief.yaml nesting: what stays within the limit', () => {
  test('32 levels of indentation after a first entry are taken to the parser, 33 are not', () => {
    const at = (depth: number) => ['title: Weekly pack', ...blockNest(depth)].join('\n');
    // Within the limit the schema judges it: k0 is not a section of an overlay.
    expect(rulesOf(at(32))).toEqual(['overlay-schema']);
    expect(rulesOf(at(33))).toEqual(['overlay-depth']);
  });

  test('a list nested 31 deep on one line, then a sibling item, is within the limit', () => {
    expect(rulesOf(`${'- '.repeat(31)}sc-1a2b3c4d\n  - sc-5e6f7a8b\n`)).toEqual(['overlay-schema']);
  });

  test('the lines of a flow list that runs over several lines are not block levels', () => {
    const lines = blockNest(30).map((line) => line.replace(/ x$/, ''));
    lines.push(`${' '.repeat(30)}k30: [Kyiv,`, `${' '.repeat(32)}Kharkiv]`);
    expect(rulesOf(lines.join('\n'))).toEqual(['overlay-schema']);
  });

  test.each([
    ['a single-quoted title', `title: '${'['.repeat(50)}'`],
    ['a double-quoted title that starts with a word', `title: "Talks ${'['.repeat(50)}"`],
    ['a comment right after its #', `title: Weekly pack #${'{'.repeat(50)}`],
  ])('does not count brackets in %s', (_, text) => {
    expect(parseOverlay(`${text}\n`, FILE).diagnostics).toEqual([]);
  });

  test('a long list of quotes to suppress, one item a line', () => {
    const ids = Array.from({ length: 40 }, (_, i) => hex(i, 'qt'));
    const text = ['title: Weekly pack', 'quotes:', '  suppress:', ...ids.map((id) => `    - ${id}`), 'actors:', '  suppress:', '    - Caliber.Az', ''].join('\n');
    const { overlay, diagnostics } = parseOverlay(text, FILE);
    expect(diagnostics).toEqual([]);
    expect(overlay?.quotes?.suppress).toEqual(ids);
    expect(overlay?.actors?.suppress).toEqual(['Caliber.Az']);
  });

  test('many merge groups written as "- - id" lists', () => {
    const groups = Array.from({ length: 15 }, (_, i) => [hex(2 * i, 'sc'), hex(2 * i + 1, 'sc')]);
    const text = ['scenarios:', '  merge:', ...groups.flatMap(([a, b]) => [`    - - ${a}`, `      - ${b}`]), 'risks:', '  suppress: [rk-aaaaaaaa]', ''].join('\n');
    const { overlay, diagnostics } = parseOverlay(text, FILE);
    expect(diagnostics).toEqual([]);
    expect(overlay?.scenarios?.merge).toEqual(groups);
  });

  test('many edits and merges written inline, each closing its own braces and brackets', () => {
    const risks = Array.from({ length: 36 }, (_, i) => hex(i, 'rk'));
    const groups = Array.from({ length: 36 }, (_, i) => [hex(2 * i, 'sc'), hex(2 * i + 1, 'sc')]);
    const text = [
      'title: Weekly pack',
      'risks:',
      ...risks.map((id) => `  ${id}: { likelihood: likely, impact: high }`),
      'scenarios:',
      '  merge:',
      ...groups.map(([a, b]) => `    - [${a}, ${b}]`),
      '',
    ].join('\n');
    const { overlay, diagnostics } = parseOverlay(text, FILE);
    expect(diagnostics).toEqual([]);
    expect(Object.keys(overlay?.risks?.edits ?? {})).toEqual(risks);
    expect(overlay?.scenarios?.merge).toEqual(groups);
  });
});

describe('brief.yaml that does not parse or is not a map', () => {
  test.each([
    [
      'an unclosed flow list',
      'title: Weekly pack\nscenarios: [sc-1a2b3c4d\n',
      { line: 3, column: 1, message: 'not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]' },
    ],
    ['a key written twice', 'title: Weekly pack\ntitle: Monthly pack\n', { line: 2, column: 1, message: 'not valid YAML: Map keys must be unique' }],
    ['an unclosed quote', 'title: Weekly pack\nsubtitle: "Talks resume\n', { line: 3, column: 1, message: 'not valid YAML: Missing closing "quote' }],
  ])('reports %s with the parser’s own words, once, at its place', (_, text, expected) => {
    const d = only(text);
    expect(d).toEqual({ file: FILE, severity: 'error', ruleId: 'overlay-yaml', ...expected });
  });

  test('points at the top of the file when the whole file is a list rather than a map', () => {
    const d = only('- title: Weekly pack\n- marking: OFFICIAL\n');
    expect(d).toMatchObject({ file: FILE, line: 1, column: 1, severity: 'error', ruleId: 'overlay-schema' });
    expect(d.message).toMatch(/^\(top level\): /);
  });
});
