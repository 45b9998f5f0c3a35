// The two seeds the project started from, read as the analysis needs them.
import { readFileSync } from 'node:fs';
import type { List, ListItem, Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { Source } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';
import { plainTextOf } from '../../pipeline/read/mdast.js';
import { fixture } from '../support/fixture.js';

function read(path: string): Source {
  const { source, diagnostics } = readSource({ path, bytes: readFileSync(path) });
  expect(diagnostics).toEqual([]);
  if (source === null) throw new Error(`${path} was not read`);
  return source;
}

const MEDIA = 'seeds/000_ce3e0963e407180a.txt';
const NATO = 'seeds/002_5814ca9cacb9ce4c.txt';

function listAfter(tree: Root, heading: string): List {
  const index = tree.children.findIndex((node) => node.type === 'heading' && plainTextOf(node) === heading);
  const list = tree.children[index + 1];
  if (list?.type !== 'list') throw new Error(`no list under "${heading}"`);
  return list;
}

function itemOutline(item: ListItem): { text: string; subItems: string[] } {
  const [paragraph, nested] = item.children;
  return {
    text: paragraph ? plainTextOf(paragraph) : '',
    subItems: nested?.type === 'list' ? nested.children.map((sub) => plainTextOf(sub)) : [],
  };
}

describe('seed 000 (news wire paste, byline at the end, no trailing newline)', () => {
  const seed = fixture(() => read(MEDIA));

  test('metadata', () => {
    const source = seed();
    expect(source).toMatchObject({
      id: '000_ce3e0963e407180a',
      format: 'text',
      kicker: 'Media',
      title: 'NATO eyes diplomatic solution as Ukraine struggles to hold ground',
      author: 'Aghakazim Guliyev',
      via: ['Caliber.Az', 'Bloomberg'],
      published: null,
      lang: 'en',
      headings: [],
      boilerplate: [],
    });
  });

  test('the byline and title are not in the body', () => {
    const source = seed();
    const texts = source.sentences.map((s) => s.text).join(' ');
    expect(texts).not.toContain('Guliyev');
    expect(texts).not.toContain('NATO eyes diplomatic solution');
    expect(source.sentences.at(-1)?.text).toBe(
      'While no formal agreement has been reached, these deliberations mark a significant shift in how NATO envisions the future of the conflict.',
    );
  });

  test('the attribution sentence stays whole', () => {
    const source = seed();
    expect(source.sentences.map((s) => s.text)).toContain(
      'This recalibration reflects mounting challenges on the battlefield and growing concerns over sustaining long-term support for the nearly three-year war, Caliber.Az reports via Bloomberg.',
    );
  });
});

describe('seed 002 (think-tank style, headings, pasted lists, disclaimer)', () => {
  const seed = fixture(() => read(NATO));

  test('metadata', () => {
    const source = seed();
    expect(source).toMatchObject({
      title: 'NATO Seeks Ways to End the Conflict in Ukraine: Aid to Kyiv and Negotiations',
      kicker: null,
      author: null,
      headings: ['Two Scenarios for Resolving the Conflict', 'Military Aid to Ukraine', 'Risks and Challenges', 'Timeline for Negotiations'],
    });
  });

  test('the disclaimer is boilerplate, not body', () => {
    const source = seed();
    expect(source.boilerplate).toHaveLength(1);
    expect(source.boilerplate[0]).toMatch(/^The editorial board is not responsible/);
    expect(source.sentences.some((s) => s.text.includes('editorial board'))).toBe(false);
  });

  test('the dangling-dash list reads as two items with two sub-items each', () => {
    const source = seed();
    const list = listAfter(source.tree, 'Two Scenarios for Resolving the Conflict');
    expect(list.children.map(itemOutline)).toEqual([
      {
        text: 'Security Guarantees for Ukraine:',
        subItems: [
          'Ukraine may receive security guarantees to bolster its defenses without provoking further escalation from Russia.',
          'The format is yet to be determined but could involve a multilateral agreement with NATO members.',
        ],
      },
      {
        text: 'Demilitarized Zone Under European Control:',
        subItems: [
          'A buffer zone could be established to separate the warring parties and reduce the risk of renewed hostilities.',
          'Control over the zone may be assigned to international or European forces.',
        ],
      },
    ]);
  });

  test('a line ending in ":" introduces the list that follows', () => {
    const source = seed();
    const index = source.tree.children.findIndex(
      (node) => node.type === 'paragraph' && plainTextOf(node).endsWith('supplying Ukraine with:'),
    );
    expect(source.tree.children[index + 1]?.type).toBe('list');
  });

  test('every sentence stands in the section of the heading above it', () => {
    const source = seed();
    const section = (text: string) => source.sentences.find((s) => s.text.startsWith(text))?.section;
    expect(section('The alliance plans')).toBeNull();
    expect(section('Security Guarantees for Ukraine:')).toBe('Two Scenarios for Resolving the Conflict');
    expect(section('Control over the zone')).toBe('Two Scenarios for Resolving the Conflict');
    expect(section('Advanced air defense systems.')).toBe('Military Aid to Ukraine');
    expect(section('NATO faces the delicate task')).toBe('Risks and Challenges');
    expect(section('No specific timeline')).toBe('Timeline for Negotiations');
  });

  test('sentence lines point into the file', () => {
    const source = seed();
    const lines = readFileSync(NATO, 'utf8').split('\n');
    for (const sentence of source.sentences) {
      expect(lines[sentence.line - 1], sentence.id).toContain(sentence.text.slice(0, 20));
    }
  });
});

describe.each([MEDIA, NATO])('%s as a Source', (path) => {
  const seed = fixture(() => read(path));

  test('is valid by the model', () => {
    const source = seed();
    expect(Source.safeParse(source).success).toBe(true);
  });

  test('reads the same twice', () => {
    const source = seed();
    expect(read(path)).toEqual(source);
  });

  test('sentence ids count from 1 in reading order and are anchored in the tree', () => {
    const source = seed();
    expect(source.sentences.map((s) => s.id)).toEqual(source.sentences.map((_, i) => `${source.id}:s${i + 1}`));
    const anchored: string[] = [];
    const collect = (node: { data?: { sentenceIds?: string[] }; children?: unknown[] }): void => {
      anchored.push(...(node.data?.sentenceIds ?? []));
      for (const child of node.children ?? []) collect(child as typeof node);
    };
    collect(source.tree);
    expect(anchored).toEqual(source.sentences.map((s) => s.id));
  });

  test('the tree carries no positions', () => {
    const source = seed();
    expect(JSON.stringify(source.tree)).not.toContain('"position"');
  });
});
