import { describe, expect, it } from 'vitest';
import { outline } from '../../pipeline/enrich/annotate/outline.js';
import { findRisks } from '../../pipeline/enrich/analyse/risks.js';
import type { Source } from '../../pipeline/model.js';
import { makeSource } from './helpers.js';

function risksOf(source: Source): string[] {
  return findRisks([source], new Map([[source.id, outline(source)]]), [], new Set()).map((r) => r.statement);
}

describe('risks of a risk section', () => {
  const source = makeSource('port', [
    { p: 'The port reopened on Monday after the long dispute.' },
    { h: 'Risks' },
    { h: 'Shipping lanes and harbour traffic', depth: 3 },
    { list: ['Crews leave for other harbours. Ships sail elsewhere next year.', 'Fewer cranes.'] },
    { p: 'Dock fees rise for every shipping line. Wages stay flat.' },
  ]);

  it('takes a list item whole, its sentences together, and paragraphs sentence by sentence, leaving headings and short lines out', () => {
    expect(risksOf(source).sort()).toEqual(['Crews leave for other harbours. Ships sail elsewhere next year.', 'Dock fees rise for every shipping line.'].sort());
  });
});
