// Lines grouped into the units a reader sees: a paragraph unwrapped from its hard-wrapped
// lines, a list item with its continuation, a bullet left alone on its line.
import type { Heading } from 'mdast';
import { shapeOf, wrappedBefore, type Line } from './lines.js';

interface UnitBase {
  /** Line the unit starts on. */
  line: number;
  indent: number;
  /** The unit's lines, trimmed and without list or quote markers. */
  texts: string[];
}

export type Unit = UnitBase &
  (
    | { kind: 'text' | 'quote' | 'rule' }
    | { kind: 'item' | 'marker'; ordered: boolean; start: number | null }
    | { kind: 'heading'; depth: Heading['depth'] }
  );

function continues(unit: Unit, line: Line, text: string, width: number | null): boolean {
  const previous = unit.texts.at(-1) ?? '';
  switch (unit.kind) {
    case 'text':
      return wrappedBefore(previous, text, width);
    case 'item':
      return line.indent > unit.indent || wrappedBefore(previous, text, width);
    default:
      return false;
  }
}

function unitOf(line: Line): Unit | null {
  const base = { line: line.number, indent: line.indent };
  const shape = shapeOf(line);
  switch (shape.kind) {
    case 'blank':
      return null;
    case 'rule':
      return { ...base, kind: 'rule', texts: [] };
    case 'marker':
      return { ...base, kind: 'marker', ordered: shape.ordered, start: shape.start, texts: [] };
    case 'item':
      return { ...base, kind: 'item', ordered: shape.ordered, start: shape.start, texts: [shape.text] };
    case 'heading':
      return { ...base, kind: 'heading', depth: shape.depth, texts: [shape.text] };
    case 'quote':
    case 'text':
      return { ...base, kind: shape.kind, texts: [shape.text] };
  }
}

/**
 * Groups lines into units; `width` is the column the text was hard-wrapped at, if any.
 * A blank line always ends a unit.
 */
export function groupUnits(lines: readonly Line[], width: number | null): Unit[] {
  const units: Unit[] = [];
  let afterBlank = false;
  for (const line of lines) {
    const unit = unitOf(line);
    if (unit === null) {
      afterBlank = true;
      continue;
    }
    const last = units.at(-1);
    const text = unit.texts[0] ?? '';
    const joins =
      (unit.kind === 'quote' && last?.kind === 'quote') ||
      (unit.kind === 'text' && last !== undefined && continues(last, line, text, width));
    if (last && !afterBlank && joins) {
      last.texts.push(text);
    } else {
      units.push(unit);
    }
    afterBlank = false;
  }
  return units;
}
