// brief.yaml: the pack's front matter and the analyst's edits, checked against the schema with
// every problem reported at file:line:column.
import { describe, expect, it } from 'vitest';
import { parseOverlay } from '../../pipeline/read/overlay.js';

const FILE = 'seeds/brief.yaml';

const GOOD = `title: Weekly pack
marking: OFFICIAL-SENSITIVE
scenarios:
  sc-1a2b3c4d: { title: "Security guarantees" }
  merge: [[sc-1a2b3c4d, sc-5e6f7a8b]]
  add:
    - title: Frozen conflict
      summary: Fighting stops along the current line without a settlement.
      note: Analyst judgment from the pattern of talks.
  suppress: [sc-9999aaaa]
risks:
  rk-12345678: { likelihood: likely, impact: high }
  suppress: [rk-aaaaaaaa]
  add:
    - statement: A ceasefire could collapse within months.
      likelihood: unlikely
      impact: high
      scenarios: [sc-1a2b3c4d, Frozen conflict]
      note: Past ceasefires in the region.
actors:
  suppress: [Caliber.Az]
quotes:
  suppress: [qt-0123abcd]
signposts:
  suppress: [sp-4567cdef]
`;

/** "line:column message" of each diagnostic, for compact expectations. */
function problems(text: string): string[] {
  const { overlay, diagnostics } = parseOverlay(text, FILE);
  expect(overlay).toBeNull();
  for (const d of diagnostics) expect(d).toMatchObject({ file: FILE, severity: 'error', ruleId: 'overlay-schema' });
  return diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

describe('brief.yaml', () => {
  it('reads the front matter and the edits, ids of edits gathered apart from the operations', () => {
    const { overlay, diagnostics } = parseOverlay(GOOD, FILE);
    expect(diagnostics).toEqual([]);
    expect(overlay).toMatchObject({
      title: 'Weekly pack',
      marking: 'OFFICIAL-SENSITIVE',
      scenarios: {
        edits: { 'sc-1a2b3c4d': { title: 'Security guarantees' } },
        merge: [['sc-1a2b3c4d', 'sc-5e6f7a8b']],
        add: [{ title: 'Frozen conflict', note: 'Analyst judgment from the pattern of talks.', confidence: 'low' }],
        suppress: ['sc-9999aaaa'],
      },
      risks: {
        edits: { 'rk-12345678': { likelihood: 'likely', impact: 'high' } },
        add: [{ likelihood: 'unlikely', impact: 'high', scenarios: ['sc-1a2b3c4d', 'Frozen conflict'] }],
        suppress: ['rk-aaaaaaaa'],
      },
      actors: { suppress: ['Caliber.Az'] },
      quotes: { suppress: ['qt-0123abcd'] },
      signposts: { suppress: ['sp-4567cdef'] },
    });
  });

  it('keeps the line and column of every entry, so later warnings can name them', () => {
    const places = parseOverlay(GOOD, FILE).overlay?.places;
    expect(places?.file).toBe(FILE);
    expect(places?.at['scenarios.sc-1a2b3c4d']).toEqual({ line: 4, column: 3 });
    expect(places?.at['scenarios.merge.0.1']).toEqual({ line: 5, column: 25 });
    expect(places?.at['scenarios.suppress.0']).toEqual({ line: 10, column: 14 });
    expect(places?.at['risks.add.0.scenarios.1']).toEqual({ line: 18, column: 32 });
    expect(places?.at['actors.suppress.0']).toEqual({ line: 21, column: 14 });
  });

  it('takes a single merge group written flat', () => {
    expect(parseOverlay('scenarios:\n  merge: [sc-1a2b3c4d, sc-5e6f7a8b]\n', FILE).overlay?.scenarios?.merge).toEqual([['sc-1a2b3c4d', 'sc-5e6f7a8b']]);
  });

  it('is empty when there is no file, and keeps the existing front-matter errors', () => {
    expect(parseOverlay(null, FILE)).toEqual({ overlay: {}, diagnostics: [] });
    expect(problems('title: Weekly pack\nlang: 42\n')).toEqual(['2:7 lang: Invalid input: expected string, received number']);
  });

  it('reports a misspelt operation and an id that is not one, at the key', () => {
    expect(problems('scenarios:\n  supress: [sc-9999aaaa]\n  Security guarantees: { title: x }\n')).toEqual([
      '2:3 scenarios.supress: unknown key "supress": write merge, add, suppress or a scenario id such as sc-1a2b3c4d',
      '3:3 scenarios.Security guarantees: unknown key "Security guarantees": write merge, add, suppress or a scenario id such as sc-1a2b3c4d',
    ]);
  });

  it('reports an unknown field of an edit at the field, and an edit that changes nothing', () => {
    expect(problems('scenarios:\n  sc-1a2b3c4d: { titel: x }\nrisks:\n  rk-12345678: {}\n')).toEqual([
      '2:18 scenarios.sc-1a2b3c4d: Unrecognized key: "titel"',
      '4:3 risks.rk-12345678: say what to change: statement, likelihood, impact or note',
    ]);
  });

  it('reports a likelihood that is not an ICD 203 term and an impact that is not low, medium or high', () => {
    const found = problems('risks:\n  rk-12345678:\n    likelihood: probable\n    impact: huge\n');
    expect(found[0]).toMatch(/^3:17 risks\.rk-12345678\.likelihood: .*"roughly even chance".*"almost certain"/);
    expect(found[1]).toMatch(/^4:13 risks\.rk-12345678\.impact: .*"low"\|"medium"\|"high"/);
  });

  it('requires an addition’s note, since it has no source sentence behind it', () => {
    expect(problems('scenarios:\n  add:\n    - title: Frozen conflict\nrisks:\n  add:\n    - statement: Talks stall.\n      impact: high\n      note: "  "\n')).toEqual([
      "3:7 scenarios.add.0.note: required: the analyst's basis, in a few words",
      '6:7 risks.add.0.likelihood: required: one of almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain',
      '8:13 risks.add.0.note: a note says why, in a few words',
    ]);
  });

  it('reports a merge of fewer than two scenarios and malformed ids where they stand', () => {
    expect(problems('scenarios:\n  merge:\n    - [sc-1a2b3c4d]\n    - [sc-1a2b3c4d, security]\nquotes:\n  suppress: [q-1]\n')).toEqual([
      '3:7 scenarios.merge.0: a merge names at least two scenario ids',
      '4:21 scenarios.merge.1.1: a scenario id such as sc-1a2b3c4d (see briefing.json)',
      '6:14 quotes.suppress.0: a quote id such as qt-1a2b3c4d',
    ]);
  });

  it('reports YAML that does not parse at its line, and an empty section as the wrong kind of value', () => {
    const broken = parseOverlay('title: Weekly pack\nscenarios: [sc-1a2b3c4d\n', FILE);
    expect(broken.overlay).toBeNull();
    expect(broken.diagnostics[0]).toMatchObject({ file: FILE, line: 3, severity: 'error', ruleId: 'overlay-yaml' });
    expect(problems('risks:\n')).toEqual(['1:7 risks: a map whose keys are add, suppress or a risk id such as rk-1a2b3c4d']);
  });

  it('reports an unknown top-level key at its line', () => {
    expect(problems('title: Weekly pack\nscenario:\n  add: []\n')).toEqual(['2:1 (top level): Unrecognized key: "scenario"']);
  });
});

describe('brief.yaml that attacks the parser (issue 10)', () => {
  const only = (text: string) => {
    const result = parseOverlay(text, FILE);
    expect(result.overlay).toBeNull();
    expect(result.diagnostics).toHaveLength(1);
    return result.diagnostics[0]!;
  };

  it('names the line of the first alias of a billion-laughs bomb', () => {
    const bomb = ['title: Bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');
    const d = only(bomb);
    expect(d).toMatchObject({ file: FILE, line: 3, column: 8, severity: 'error', ruleId: 'overlay-aliases' });
    expect(d.message).toMatch(/aliases .* expand past 100 copies/);
  });

  it('calls an alias with no anchor a YAML error at the alias, not an alias bomb', () => {
    const d = only('title: Weekly\nsubtitle: *nowhere\n');
    expect(d).toMatchObject({ file: FILE, line: 2, column: 11, severity: 'error', ruleId: 'overlay-yaml' });
    expect(d.message).toMatch(/^not valid YAML: Unresolved alias/);
  });

  it('reports what the YAML library finds only when it builds the values, and never throws', () => {
    // A duplicate key in an ordered map passes the parser and throws a plain Error in toJS.
    const d = only('title: !!omap [ &k a: 1, *k : 2 ]\n');
    expect(d).toMatchObject({ file: FILE, severity: 'error', ruleId: 'overlay-yaml' });
    expect(d.message).toMatch(/^not valid YAML: .*duplicate keys/);
  });

  it('still takes a few aliases', () => {
    const result = parseOverlay('title: &t Weekly\nsubtitle: *t\n', FILE);
    expect(result.diagnostics).toEqual([]);
    expect(result.overlay?.subtitle).toBe('Weekly');
  });

  it('refuses nesting deeper than 32 levels before the parser recurses, flow or block', () => {
    for (const depth of [40, 100_000]) {
      const d = only(`title: x\nrisks: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
      expect(d).toMatchObject({ line: 2, severity: 'error', ruleId: 'overlay-depth' });
    }
    const block = Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(only(block)).toMatchObject({ line: 33, ruleId: 'overlay-depth' });
    expect(only(`${'- '.repeat(40)}x`)).toMatchObject({ line: 1, ruleId: 'overlay-depth' });
  });

  it('does not count brackets in quotes or comments', () => {
    const text = `title: "${'['.repeat(50)}"\nsubtitle: x # ${'{'.repeat(50)}\n`;
    expect(parseOverlay(text, FILE).diagnostics).toEqual([]);
  });

  it('refuses a document larger than 1 MB', () => {
    expect(only(`title: x\n# ${'x'.repeat(1024 * 1024)}\n`)).toMatchObject({ line: 1, column: 1, ruleId: 'overlay-size' });
  });
});
