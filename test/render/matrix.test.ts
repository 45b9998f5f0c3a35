// Where the risk matrix draws each risk: read back from the SVG that render() writes, every marker
// lies inside the cell of its likelihood column and impact row, as the axis labels name them; a
// crowded cell keeps its markers inside and says how many more; a risk without a likelihood term
// is refused by the model rather than drawn somewhere.
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { render, type Rendered, type Theme } from '../../pipeline/render/index.js';
import { loadTheme } from '../../pipeline/publish/theme.js';
import { LIKELIHOOD_TERMS, type Brief, type Impact, type LikelihoodTerm } from '../../pipeline/model.js';
import { likelihood, likelihoodRank, impactRank } from '../../pipeline/enrich/analyse/likelihood.js';
import { briefOf, sourceOf } from '../support/brief.js';

let theme: Theme;
let rendered: Rendered;
beforeAll(async () => {
  theme = (await loadTheme('templates')).theme;
  rendered = render(brief, theme);
});

const SENTENCES = 40;
const source = sourceOf('wire', 'Forty sentences of wire copy', [
  Array.from({ length: SENTENCES }, (_, i) => `Sentence number ${i + 1} of the wire.`).join(' '),
]);

interface Placed {
  term: LikelihoodTerm;
  impact: Impact;
}

let serial = 0;
function riskAt({ term, impact }: Placed) {
  serial += 1;
  return {
    id: `rk-${serial.toString(16).padStart(8, '0')}`,
    statement: `Risk ${serial}: ${term}, ${impact} impact.`,
    scenarioIds: [],
    likelihood: likelihood(term, 'could'),
    impact,
    score: likelihoodRank(term) * impactRank(impact),
    evidence: [`wire:s${((serial - 1) % SENTENCES) + 1}`],
    sources: ['wire'],
  };
}

// Every column and every row is used, no two risks share a column and row except in the
// crowded cells, and the layout is lopsided so that a swap of two columns or rows shows.
const SPREAD: Placed[] = [
  { term: 'almost no chance', impact: 'low' },
  { term: 'very unlikely', impact: 'high' },
  { term: 'unlikely', impact: 'medium' },
  { term: 'roughly even chance', impact: 'high' },
  { term: 'likely', impact: 'low' },
  { term: 'very likely', impact: 'medium' },
  { term: 'almost certain', impact: 'high' },
  { term: 'almost certain', impact: 'low' },
  { term: 'almost no chance', impact: 'high' },
];
/** Five in one cell: the markers wrap onto a second line within it. */
const WRAPPED: Placed[] = Array.from({ length: 5 }, () => ({ term: 'unlikely', impact: 'low' }));
/** Eight in one cell: six markers are drawn, and "+2". */
const CROWDED: Placed[] = Array.from({ length: 8 }, () => ({ term: 'very likely', impact: 'high' }));

const spread = SPREAD.map(riskAt);
const wrapped = WRAPPED.map(riskAt);
const crowded = CROWDED.map(riskAt);
const brief = briefOf([source], { risks: [...spread, ...wrapped, ...crowded] });

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Marker {
  href: string;
  cx: number;
  cy: number;
  r: number;
}

interface DrawnMatrix {
  cells: Box[];
  /** The x of each likelihood column's label, by term. */
  columns: Map<string, number>;
  /** The y of each impact row's label, by impact. */
  rows: Map<string, number>;
  markers: Marker[];
  overflow: { x: number; y: number; text: string }[];
}

function elements(node: Root | Element): Element[] {
  return node.children.flatMap((child: RootContent) => (child.type === 'element' ? [child, ...elements(child)] : []));
}

function text(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');
}

function number(element: Element, name: string): number {
  const value = element.properties[name];
  const parsed = Number(value);
  if (value === undefined || value === null || !Number.isFinite(parsed)) throw new Error(`<${element.tagName}> has no numeric ${name}: ${String(value)}`);
  return parsed;
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The matrix as drawn: cells, axis labels and markers, read from the SVG in the markup. */
function drawnMatrix(markup: string): DrawnMatrix {
  const figure = /<figure class="matrix">[\s\S]*?<\/figure>/.exec(markup)?.[0];
  if (figure === undefined) throw new Error('no <figure class="matrix"> in the markup');
  const all = elements(fromHtml(figure, { fragment: true }));
  const columns = new Map<string, number>();
  const rows = new Map<string, number>();
  for (const label of all.filter((e) => e.tagName === 'text' && classes(e).includes('axis'))) {
    const words = text(label).trim();
    if (label.properties.textAnchor === 'middle') {
      // A column label's words are split over tspans: "roughly even" / "chance".
      const tspans = label.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'tspan');
      columns.set(tspans.map(text).join(' '), number(label, 'x'));
    } else {
      rows.set(words, number(label, 'y'));
    }
  }
  const markers = all
    .filter((e) => e.tagName === 'a')
    .map((link) => {
      const circle = elements(link).find((e) => e.tagName === 'circle');
      if (circle === undefined) throw new Error('a marker link without a circle');
      return { href: String(link.properties.xLinkHref), cx: number(circle, 'cx'), cy: number(circle, 'cy'), r: number(circle, 'r') };
    });
  return {
    cells: all.filter((e) => e.tagName === 'rect').map((r) => ({ x: number(r, 'x'), y: number(r, 'y'), w: number(r, 'width'), h: number(r, 'height') })),
    columns,
    rows,
    markers,
    overflow: all.filter((e) => e.tagName === 'text' && classes(e).includes('overflow')).map((t) => ({ x: number(t, 'x'), y: number(t, 'y'), text: text(t) })),
  };
}

/** The one cell under the label of `term`'s column and `impact`'s row. */
function cellOf(matrix: DrawnMatrix, term: LikelihoodTerm, impact: Impact): Box {
  const x = matrix.columns.get(term);
  const y = matrix.rows.get(impact);
  if (x === undefined || y === undefined) throw new Error(`no axis label for ${term} / ${impact}`);
  const found = matrix.cells.filter((c) => c.x <= x && x < c.x + c.w && c.y <= y && y < c.y + c.h);
  expect(found, `cells under ${term} × ${impact}`).toHaveLength(1);
  return found[0]!;
}

function markerOf(matrix: DrawnMatrix, id: string): Marker | undefined {
  const found = matrix.markers.filter((m) => m.href.endsWith(`#${id}`));
  expect(found.length, `markers for ${id}`).toBeLessThanOrEqual(1);
  return found[0];
}

function expectInside(marker: Marker, cell: Box, what: string): void {
  expect(marker.cx - marker.r, `${what}: left edge`).toBeGreaterThanOrEqual(cell.x);
  expect(marker.cx + marker.r, `${what}: right edge`).toBeLessThanOrEqual(cell.x + cell.w);
  expect(marker.cy - marker.r, `${what}: top edge`).toBeGreaterThanOrEqual(cell.y);
  expect(marker.cy + marker.r, `${what}: bottom edge`).toBeLessThanOrEqual(cell.y + cell.h);
}

/**
 * Whether one marker covers part of another's label. Neighbours in a cell may touch: three markers
 * of 20 px share a 58 px line (19 px apart), so their edges meet under the white stroke, and no more.
 */
function overlap(a: Marker, b: Marker): boolean {
  return Math.hypot(a.cx - b.cx, a.cy - b.cy) < a.r + b.r - 2;
}

/** The matrix of the print document and the one of the EPUB's risks chapter. */
function matrices(): [string, DrawnMatrix][] {
  const risks = rendered.epub.chapters.find((c) => c.filename === 'risks.xhtml');
  if (risks === undefined) throw new Error('no risks.xhtml chapter');
  return [
    ['print', drawnMatrix(rendered.html)],
    ['epub', drawnMatrix(risks.content)],
  ];
}

describe('the risk matrix', () => {
  it('draws a 7 × 3 grid: likelihood rising left to right in ICD 203 order, impact high at the top', () => {
    for (const [target, matrix] of matrices()) {
      expect(matrix.cells, target).toHaveLength(LIKELIHOOD_TERMS.length * 3);
      expect([...matrix.columns.keys()], target).toEqual([...LIKELIHOOD_TERMS]);
      const xs = LIKELIHOOD_TERMS.map((term) => matrix.columns.get(term) ?? NaN);
      expect(xs, target).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size, target).toBe(xs.length);
      const ys = (['high', 'medium', 'low'] as const).map((impact) => matrix.rows.get(impact) ?? NaN);
      expect(ys.every((y, i) => i === 0 || y > (ys[i - 1] ?? Infinity)), `${target}: rows top to bottom ${ys.join(', ')}`).toBe(true);
    }
  });

  it('draws each risk inside the cell of its likelihood column and impact row', () => {
    for (const [target, matrix] of matrices()) {
      SPREAD.forEach((placed, i) => {
        const risk = spread[i]!;
        const marker = markerOf(matrix, risk.id);
        expect(marker, `${target}: a marker for ${placed.term} × ${placed.impact}`).toBeDefined();
        expectInside(marker!, cellOf(matrix, placed.term, placed.impact), `${target} ${placed.term} × ${placed.impact}`);
      });
    }
  });

  it('links each marker to its row in the register', () => {
    const print = drawnMatrix(rendered.html);
    for (const risk of spread) {
      expect(markerOf(print, risk.id)?.href).toBe(`#${risk.id}`);
      expect(rendered.html).toContain(`id="${risk.id}"`);
    }
    const epub = drawnMatrix(rendered.epub.chapters.find((c) => c.filename === 'risks.xhtml')?.content ?? '');
    for (const risk of spread) expect(markerOf(epub, risk.id)?.href).toBe(`risks.xhtml#${risk.id}`);
  });

  it('keeps the markers of a shared cell inside it, none covering another, when they wrap onto a second line', () => {
    for (const [target, matrix] of matrices()) {
      const cell = cellOf(matrix, 'unlikely', 'low');
      const markers = wrapped.map((risk) => markerOf(matrix, risk.id));
      expect(markers.every((m) => m !== undefined), target).toBe(true);
      const drawn = markers.filter((m): m is Marker => m !== undefined);
      for (const marker of drawn) expectInside(marker, cell, `${target} unlikely × low`);
      expect(new Set(drawn.map((m) => m.cy)).size, `${target}: two lines of markers`).toBe(2);
      for (const [i, a] of drawn.entries()) for (const b of drawn.slice(i + 1)) expect(overlap(a, b), `${target}: markers overlap`).toBe(false);
    }
  });

  it('draws six markers in a cell of eight risks, all inside it and none covering another, and "+2" in that cell', () => {
    for (const [target, matrix] of matrices()) {
      const cell = cellOf(matrix, 'very likely', 'high');
      const drawn = crowded.map((risk) => markerOf(matrix, risk.id)).filter((m): m is Marker => m !== undefined);
      expect(drawn, target).toHaveLength(6);
      for (const marker of drawn) expectInside(marker, cell, `${target} very likely × high`);
      for (const [i, a] of drawn.entries()) for (const b of drawn.slice(i + 1)) expect(overlap(a, b), `${target}: markers overlap`).toBe(false);
      expect(matrix.overflow, target).toHaveLength(1);
      const [more] = matrix.overflow;
      expect(more?.text).toBe('+2');
      expect(more!.x).toBeGreaterThan(cell.x);
      expect(more!.x).toBeLessThanOrEqual(cell.x + cell.w);
      expect(more!.y).toBeGreaterThan(cell.y);
      expect(more!.y).toBeLessThanOrEqual(cell.y + cell.h);
    }
  });

  it('draws one marker per risk that fits, and none outside the grid', () => {
    for (const [target, matrix] of matrices()) {
      expect(matrix.markers, target).toHaveLength(spread.length + wrapped.length + 6);
      const left = Math.min(...matrix.cells.map((c) => c.x));
      const top = Math.min(...matrix.cells.map((c) => c.y));
      const right = Math.max(...matrix.cells.map((c) => c.x + c.w));
      const bottom = Math.max(...matrix.cells.map((c) => c.y + c.h));
      for (const m of matrix.markers) expectInside(m, { x: left, y: top, w: right - left, h: bottom - top }, `${target} ${m.href}`);
    }
  });

  // The model gives every risk a term ("likely" when the source asserts it without a hedge), and
  // the matrix has no place for one without: render refuses such a brief instead of drawing it
  // off the grid.
  it('refuses a risk whose likelihood is null, naming the field, instead of drawing it', () => {
    const unassessed = { ...brief, risks: brief.risks.map((r, i) => (i === 0 ? { ...r, likelihood: null } : r)) } as unknown as Brief;
    let thrown: unknown;
    try {
      render(unassessed, theme);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    const paths = (thrown as ZodError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('risks.0.likelihood');
  });
});
