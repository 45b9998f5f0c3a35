// The risk matrix's geometry: likelihood (the seven ICD 203 terms) across, impact up, each risk
// placed in its cell by label. Numbers only; templates/partials/matrix.hbs draws the SVG.
import { LIKELIHOOD_TERMS, type Impact, type Risk } from '../model.js';

const IMPACTS: readonly Impact[] = ['high', 'medium', 'low'];
const CELL_W = 78;
const CELL_H = 54;
const LEFT = 70;
const TOP = 10;
const BOTTOM = 46;
const MARKER_R = 10;
const PER_ROW = 3;
const PER_CELL = 6;
/** Pale green to red: as attributes, not CSS, so e-readers that ignore styles still show the heat. */
const HEAT = ['#eef3e8', '#f6e7b8', '#f3c98b', '#e99a6b', '#d8604c'] as const;

export interface MatrixMarker {
  label: string;
  href: string;
  title: string;
  x: number;
  y: number;
  r: number;
}

/** 1 (pale) … 5 (dark): likelihood rank × impact rank, banded into five steps. */
function heat(likelihoodRank: number, impactRank: number): number {
  return Math.min(5, Math.ceil((likelihoodRank * impactRank) / 4.2));
}

export function riskMatrix(risks: ReadonlyArray<Risk & { label: string }>, href: (risk: Risk) => string) {
  const width = LEFT + CELL_W * LIKELIHOOD_TERMS.length + 6;
  const height = TOP + CELL_H * IMPACTS.length + BOTTOM;
  const cells = IMPACTS.flatMap((impact, row) =>
    LIKELIHOOD_TERMS.map((_, column) => ({
      x: LEFT + column * CELL_W,
      y: TOP + row * CELL_H,
      w: CELL_W,
      h: CELL_H,
      fill: HEAT[heat(column + 1, IMPACTS.length - row) - 1],
    })),
  );
  const occupancy = new Map<string, number>();
  const markers: MatrixMarker[] = risks.flatMap((risk) => {
    const column = LIKELIHOOD_TERMS.indexOf(risk.likelihood.term);
    const row = IMPACTS.indexOf(risk.impact);
    const key = `${column}:${row}`;
    const slot = occupancy.get(key) ?? 0;
    occupancy.set(key, slot + 1);
    // Markers fill a cell left to right, then wrap; past six the cell says "+N" and the
    // register below the matrix lists them all.
    if (slot >= PER_CELL) return [];
    const step = (CELL_W - 2 * MARKER_R) / PER_ROW;
    return [{
      label: risk.label,
      href: href(risk),
      title: risk.statement,
      x: Math.round(LEFT + column * CELL_W + MARKER_R + 4 + (slot % PER_ROW) * step + step / 2 - 4),
      y: Math.round(TOP + row * CELL_H + 15 + Math.floor(slot / PER_ROW) * (2 * MARKER_R + 3)),
      r: MARKER_R,
    }];
  });
  const overflow = [...occupancy].flatMap(([key, count]) => {
    if (count <= PER_CELL) return [];
    const [column, row] = key.split(':').map(Number) as [number, number];
    return [{ x: LEFT + (column + 1) * CELL_W - 4, y: TOP + (row + 1) * CELL_H - 4, text: `+${count - PER_CELL}` }];
  });
  return {
    width,
    height,
    cells,
    markers,
    overflow,
    columns: LIKELIHOOD_TERMS.map((term, column) => ({
      x: LEFT + column * CELL_W + CELL_W / 2,
      y: TOP + CELL_H * IMPACTS.length + 14,
      lines: term.split(' ').reduce<string[]>((lines, word) => {
        const last = lines.at(-1);
        if (last !== undefined && (last + ' ' + word).length <= 12) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
        return lines;
      }, []).map((text, i) => ({ text, dy: i * 11 })),
    })),
    rows: IMPACTS.map((impact, row) => ({ y: TOP + row * CELL_H + CELL_H / 2 + 4, label: impact })),
    axis: { x: LEFT + (CELL_W * LIKELIHOOD_TERMS.length) / 2, y: height - 4, rowX: 10 },
  };
}

export type Matrix = ReturnType<typeof riskMatrix>;
