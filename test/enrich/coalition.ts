// Two sources on one coalition story, shared by the overlay's tests: a paper with a pathways
// list (three scenarios) and a risk section, and a wire report that corroborates two of them;
// and the brief they give under an overlay written as brief.yaml.
import { expect } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { Brief, danglingIds, unresolvedEvidence, type Overlay, type Source } from '../../pipeline/model.js';
import { parseOverlay } from '../../pipeline/read/overlay.js';
import { article, context, makeSource } from './helpers.js';

export const paper = makeSource('paper', [
  { p: 'Coalition talks entered their third week on Monday.' },
  { p: '“We will not accept a caretaker cabinet for long,” said party leader Ina Berg.' },
  { h: 'Three pathways after the election' },
  {
    list: [
      { text: 'Grand coalition:', items: ['The two largest parties share power under a rotating chancellorship.'] },
      { text: 'Minority government:', items: ['The conservatives govern alone with case-by-case support.'] },
      { text: 'Fresh elections:', items: ['Talks collapse and voters return to the polls in spring.'] },
    ],
  },
  { h: 'Risks' },
  { list: ['A grand coalition could collapse over the budget, triggering a crisis.', 'A minority government would require support from regional parties for every vote.'] },
]);
export const wire = article(
  'wire',
  'Party leaders are weighing outcomes, including a grand coalition and fresh elections in the spring.',
  'Markets fear fresh elections could delay the budget until autumn.',
  'The outcome will depend on the regional parties.',
);

export function overlayOf(yaml: string): Overlay {
  const { overlay, diagnostics } = parseOverlay(yaml, 'seeds/brief.yaml');
  if (!overlay) throw new Error(diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return overlay;
}

export function briefWith(yaml: string, sources: Source[] = [paper, wire]): Brief {
  const brief = Brief.parse(enrich(sources, context({ overlay: overlayOf(yaml) })));
  expect(unresolvedEvidence(brief)).toEqual([]);
  expect(danglingIds(brief)).toEqual([]);
  return brief;
}

export const scenario = (brief: Brief, id: string) => brief.scenarios.find((s) => s.id === id);
export const risk = (brief: Brief, id: string) => brief.risks.find((r) => r.id === id);
export const warnings = (brief: Brief) => brief.diagnostics.filter((d) => d.ruleId.startsWith('overlay/')).map((d) => `${d.file}:${d.line} ${d.message}`);
