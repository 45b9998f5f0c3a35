// What belongs under a heading: deeper headings and their text, up to the next heading of the same
// or higher rank; without ranks, up to the next heading.
import { describe, expect, it } from 'vitest';
import { outline, sectionBody, type Block } from '../../pipeline/enrich/annotate/outline.js';
import { makeSource } from './helpers.js';

const blocks = (): Block[] =>
  outline(
    makeSource('s', [
      { h: 'Risks', depth: 2 },
      { p: 'Prices may rise.' },
      { h: 'Energy', depth: 3 },
      { p: 'Gas supplies are tight.' },
      { h: 'Outlook', depth: 2 },
      { p: 'Growth will slow.' },
    ]),
  );
const texts = (body: readonly Block[]) => body.map((b) => b.text);

describe('sectionBody', () => {
  it('takes a deeper heading and its text into the section, and stops at a heading of the same rank', () => {
    expect(texts(sectionBody(blocks(), 0))).toEqual(['Prices may rise.', 'Energy', 'Gas supplies are tight.']);
  });

  it('ends a deeper section at a heading of higher rank', () => {
    expect(texts(sectionBody(blocks(), 2))).toEqual(['Gas supplies are tight.']);
  });

  it('without heading ranks, ends a section at the next heading', () => {
    const unranked = blocks().map((b) => ({ ...b, depth: null }));
    expect(texts(sectionBody(unranked, 0))).toEqual(['Prices may rise.']);
  });

  it('ends a section at an unranked heading, and an unranked heading at a ranked one', () => {
    const mixed = blocks().map((b, i) => (i === 0 ? { ...b, depth: null } : b));
    expect(texts(sectionBody(mixed, 0))).toEqual(['Prices may rise.']);
    const under = blocks().map((b, i) => (i === 2 ? { ...b, depth: null } : b));
    expect(texts(sectionBody(under, 0))).toEqual(['Prices may rise.']);
  });

  it('gives an index that names no block an empty body', () => {
    expect(sectionBody(blocks(), -1)).toEqual([]);
    expect(sectionBody(blocks(), 6)).toEqual([]);
  });
});
