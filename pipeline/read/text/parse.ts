// Plain text to mdast, the same tree remark-parse would give for the Markdown a careful
// editor would have written: the first line as the title (depth 1), short lines standing
// over body text as headings (depth 2), bullets as lists, one paragraph per unwrapped line.
import type { BlockContent, Blockquote, Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { Plugin } from 'unified';
import { endsClause, splitLines, wordCount, wrapWidth, type Line } from './lines.js';
import { groupUnits, type Unit } from './units.js';

/** A first line longer than this is the article's opening, not its title. */
const MAX_TITLE_WORDS = 30;
const MAX_HEADING_WORDS = 12;

function positionOf(unit: Pick<Unit, 'line' | 'indent' | 'texts'>): Position {
  const last = unit.texts.at(-1) ?? '';
  return {
    start: { line: unit.line, column: unit.indent + 1 },
    end: { line: unit.line + Math.max(unit.texts.length - 1, 0), column: last.length + 1 },
  };
}

function paragraphOf(unit: Unit): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: unit.texts.join('\n') }],
    position: positionOf(unit),
  };
}

function headingOf(unit: Pick<Unit, 'line' | 'indent' | 'texts'>, depth: Heading['depth']): Heading {
  return {
    type: 'heading',
    depth,
    children: [{ type: 'text', value: unit.texts.join(' ') }],
    position: positionOf(unit),
  };
}

function titleOf(line: Line): Heading | null {
  const text = line.text.replace(/^#{1,6}\s+/, '');
  if (wordCount(text) > MAX_TITLE_WORDS) return null;
  return headingOf({ line: line.number, indent: line.indent, texts: [text] }, 1);
}

/** The unit is body text a short line can be the heading of. */
function isBody(unit: Unit | undefined, headingWords: number): boolean {
  if (unit === undefined) return false;
  if (unit.kind === 'item' || unit.kind === 'marker' || unit.kind === 'quote') return true;
  if (unit.kind !== 'text') return false;
  const text = unit.texts.join(' ');
  const words = wordCount(text);
  return words > headingWords && (unit.texts.length > 1 || words > MAX_HEADING_WORDS || endsClause(text));
}

function isHeading(unit: Unit, next: Unit | undefined): boolean {
  if (unit.kind !== 'text' || unit.texts.length !== 1) return false;
  const text = unit.texts[0] ?? '';
  const words = wordCount(text);
  return words <= MAX_HEADING_WORDS && /^[\p{Lu}\p{N}]/u.test(text) && !endsClause(text) && isBody(next, words);
}

interface Entry {
  level: number;
  ordered: boolean;
  start: number | null;
  body: Unit;
}

/** Nesting level of an indent, given the indents of the enclosing items so far. */
function levelOf(indents: number[], indent: number): number {
  while (indents.length > 0 && (indents.at(-1) ?? 0) > indent) indents.pop();
  if (indents.length === 0 || (indents.at(-1) ?? 0) < indent) indents.push(indent);
  return indents.length - 1;
}

/**
 * The list entries from `from` on. A bullet alone on its line takes the next line as its
 * text, and the bullets that follow at its indent as its sub-items: copy-paste from web
 * pages flattens `<li>Title:<ul><li>…</li></ul></li>` into exactly that.
 */
function listEntries(units: readonly Unit[], from: number): { entries: Entry[]; next: number } {
  const entries: Entry[] = [];
  const indents: number[] = [];
  let marker: { indent: number; level: number } | null = null;
  let i = from;
  for (let unit = units[i]; unit !== undefined; unit = units[i]) {
    if (unit.kind === 'marker') {
      const body = units[i + 1];
      if (body?.kind !== 'text') {
        i += 1;
        continue;
      }
      const level = levelOf(indents, unit.indent);
      marker = { indent: unit.indent, level };
      entries.push({ level, ordered: unit.ordered, start: unit.start, body });
      i += 2;
    } else if (unit.kind === 'item') {
      if (marker && unit.indent < marker.indent) marker = null;
      const level = marker?.indent === unit.indent ? marker.level + 1 : levelOf(indents, unit.indent);
      entries.push({ level, ordered: unit.ordered, start: unit.start, body: unit });
      i += 1;
    } else {
      break;
    }
  }
  return { entries, next: i };
}

function listItemOf(entry: Entry): ListItem {
  return { type: 'listItem', spread: false, checked: null, children: [paragraphOf(entry.body)] };
}

/** The list that starts with `first`, at `entries[from]`, deeper entries nested under their items. */
function nestList(entries: readonly Entry[], from: number, first: Entry): { list: List; next: number } {
  const list: List = { type: 'list', ordered: first.ordered, start: first.start, spread: false, children: [] };
  let i = from;
  for (let entry = entries[i]; entry !== undefined && entry.level >= first.level; entry = entries[i]) {
    const item = list.children.at(-1);
    if (entry.level > first.level && item) {
      const nested = nestList(entries, i, entry);
      item.children.push(nested.list);
      i = nested.next;
    } else if (entry.ordered === first.ordered) {
      list.children.push(listItemOf(entry));
      i += 1;
    } else {
      break;
    }
  }
  return { list, next: i };
}

function listsOf(entries: readonly Entry[]): List[] {
  const lists: List[] = [];
  for (let i = 0, entry = entries[0]; entry !== undefined; entry = entries[i]) {
    const nested = nestList(entries, i, entry);
    lists.push(nested.list);
    i = nested.next;
  }
  return lists;
}

function blockquoteOf(unit: Unit): Blockquote {
  const paragraph = paragraphOf(unit);
  return { type: 'blockquote', children: [paragraph], position: paragraph.position };
}

function blocksOf(units: readonly Unit[]): RootContent[] {
  const blocks: RootContent[] = [];
  let i = 0;
  for (let unit = units[i]; unit !== undefined; unit = units[i]) {
    if (unit.kind === 'item' || unit.kind === 'marker') {
      const { entries, next } = listEntries(units, i);
      blocks.push(...listsOf(entries));
      i = next;
      continue;
    }
    blocks.push(blockOf(unit, units[i + 1]));
    i += 1;
  }
  return blocks;
}

function blockOf(unit: Unit, next: Unit | undefined): BlockContent {
  switch (unit.kind) {
    case 'heading':
      return headingOf(unit, unit.depth);
    case 'quote':
      return blockquoteOf(unit);
    case 'rule':
      return { type: 'thematicBreak', position: positionOf(unit) };
    default:
      return isHeading(unit, next) ? headingOf(unit, 2) : paragraphOf(unit);
  }
}

function parseText(text: string): Root {
  const lines = splitLines(text);
  const first = lines.findIndex((line) => line.text !== '');
  const titleLine = lines[first];
  const title = titleLine ? titleOf(titleLine) : null;
  const body = title ? lines.slice(first + 1) : lines;
  const units = groupUnits(body, wrapWidth(body));
  return { type: 'root', children: [...(title ? [title] : []), ...blocksOf(units)] };
}

/** A unified parser for plain-text seeds, the counterpart of remark-parse. */
export const textParse: Plugin<[], string, Root> = function () {
  this.parser = parseText;
};
