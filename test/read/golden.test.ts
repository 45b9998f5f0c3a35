// One fixture folder per reading rule: input.<ext> and the expected.json it must read as
// (the Source without tree, hash and duplicateOf, the tree's outline, the diagnostics).
// UPDATE_GOLDEN=1 rewrites the expected files instead of comparing; review the diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSource } from '../../pipeline/read/index.js';
import { outline } from './outline.js';

const FIXTURES = 'test/fixtures/read';
const update = process.env.UPDATE_GOLDEN === '1';

function inputOf(dir: string): string {
  const input = readdirSync(dir).find((name) => name.startsWith('input.'));
  if (!input) throw new Error(`${dir} has no input.<ext> file`);
  return join(dir, input);
}

function goldenOf(path: string): unknown {
  const { source, diagnostics } = readSource({ path, bytes: readFileSync(path) });
  if (source === null) return { source: null, outline: [], diagnostics };
  // duplicateOf is the enrich stage's to set: the read stage always leaves it null.
  const { tree, hash: _hash, duplicateOf, ...rest } = source;
  if (duplicateOf !== null) throw new Error(`${path}: the read stage set duplicateOf`);
  return { source: rest, outline: outline(tree), diagnostics };
}

describe('read golden fixtures', () => {
  const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  test.each(cases.map((entry) => entry.name))('%s', (name) => {
    const dir = join(FIXTURES, name);
    const actual = goldenOf(inputOf(dir));
    const expectedPath = join(dir, 'expected.json');
    if (update) {
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
