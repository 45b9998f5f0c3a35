// The article's HTML (hast) to the mdast the rest of the reader makes from text and
// Markdown: paragraphs, headings, lists, quotes, tables, code. Containers with no meaning of
// their own (div, section, figure…) give way to their content, and inline content standing
// among blocks becomes a paragraph, as a browser would lay it out.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { BlockContent, Heading, List, ListItem, Root, Table, TableCell, TableRow } from 'mdast';
import { BLOCKS, DROPPED, linkShare, phrasingOf, type Conversion } from './phrasing.js';

export interface Converted {
  tree: Root;
  /** Images left out of the tree. */
  images: number;
}

const HEADINGS: Record<string, Heading['depth']> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
/** What a cell of a data table does not hold; a table whose cells do lays out a page. */
const STRUCTURE = new Set(['table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figure']);

function isElement(node: HastContent | ElementContent): node is Element {
  return node.type === 'element';
}

/** Inline content: text, or an element that is not a block and holds no block. */
function isInline(node: HastContent, memo: WeakMap<Element, boolean>): boolean {
  if (node.type === 'text') return true;
  if (!isElement(node)) return false;
  if (DROPPED.has(node.tagName)) return true;
  if (BLOCKS.has(node.tagName)) return false;
  const known = memo.get(node);
  if (known !== undefined) return known;
  const inline = node.children.every((child) => child.type !== 'element' || isInline(child, memo));
  memo.set(node, inline);
  return inline;
}

interface Context extends Conversion {
  inline: WeakMap<Element, boolean>;
}

function blocksOf(nodes: readonly HastContent[], context: Context): BlockContent[] {
  const blocks: BlockContent[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const children = phrasingOf(run, context);
    if (children.length > 0) blocks.push({ type: 'paragraph', children });
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' || (isElement(node) && isInline(node, context.inline))) {
      run.push(node);
    } else if (isElement(node)) {
      flush();
      // One at a time: spreading a container of 100,000 blocks into push's arguments overflows the stack.
      for (const block of blockOf(node, context)) blocks.push(block);
    }
  }
  flush();
  return blocks;
}

function blockOf(element: Element, context: Context): BlockContent[] {
  const tag = element.tagName;
  const depth = HEADINGS[tag];
  if (depth) {
    const children = phrasingOf(element.children, context);
    return children.length > 0 ? [{ type: 'heading', depth, children }] : [];
  }
  switch (tag) {
    case 'p': {
      // The HTML parser closes a paragraph where a block starts, so its content is inline.
      const children = phrasingOf(element.children, context);
      return children.length > 0 ? [{ type: 'paragraph', children }] : [];
    }
    case 'ul':
    case 'ol':
      return listOf(element, context);
    case 'blockquote': {
      const children = blocksOf(element.children, context);
      return children.length > 0 ? [{ type: 'blockquote', children }] : [];
    }
    case 'pre': {
      const value = toString(element).replace(/^\n|\s+$/g, '');
      return value ? [{ type: 'code', lang: null, meta: null, value }] : [];
    }
    case 'hr':
      return [{ type: 'thematicBreak' }];
    case 'table':
      return tableOf(element, context);
    default:
      return blocksOf(element.children, context);
  }
}

/** A list of nothing but links is navigation or related stories, not the article. */
function isLinkList(list: Element): boolean {
  const items = list.children.filter(isElement);
  return items.length > 0 && items.every((item) => {
    const { links, unlinked } = linkShare(item);
    return links > 0 && unlinked.trim() === '';
  });
}

function listOf(list: Element, context: Context): BlockContent[] {
  if (isLinkList(list)) return [];
  const items: ListItem[] = [];
  for (const child of list.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    // Stray content between items, invalid but common, is an item of its own.
    const content = isElement(child) && child.tagName === 'li' ? child.children : [child];
    const children = blocksOf(content, context);
    if (children.length > 0) items.push({ type: 'listItem', spread: false, checked: null, children });
  }
  if (items.length === 0) return [];
  const ordered = list.tagName === 'ol';
  const start = ordered ? Number(list.properties['start'] ?? 1) || 1 : null;
  const node: List = { type: 'list', ordered, start, spread: false, children: items };
  return [node];
}

/** A data table as a table; a layout table as the blocks its cells hold. */
function tableOf(table: Element, context: Context): BlockContent[] {
  const rows = rowsOf(table);
  const width = rows.reduce((widest, row) => Math.max(widest, cellsOf(row).length), 0);
  const layout = rows.length < 2 || width < 2 || rows.some((row) => cellsOf(row).some(holdsStructure));
  if (layout) return blocksOf(table.children, context);
  const caption = table.children.filter((child) => isElement(child) && child.tagName === 'caption');
  const tableRows = rows.map(
    (row): TableRow => ({ type: 'tableRow', children: cellsOf(row).map((cell): TableCell => ({ type: 'tableCell', children: phrasingOf(cell.children, context) })) }),
  );
  const node: Table = { type: 'table', align: null, children: tableRows };
  return [...blocksOf(caption, context), node];
}

/** The table's own rows, not those of tables nested in it. */
function rowsOf(table: Element): Element[] {
  return table.children.filter(isElement).flatMap((child) => {
    if (child.tagName === 'tr') return [child];
    return TABLE_SECTIONS.has(child.tagName) ? child.children.filter((row): row is Element => isElement(row) && row.tagName === 'tr') : [];
  });
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'td' || cell.tagName === 'th'));
}

function holdsStructure(element: Element): boolean {
  return element.children.some((child) => isElement(child) && (STRUCTURE.has(child.tagName) || holdsStructure(child)));
}

export function toMdast(hast: HastRoot): Converted {
  const context: Context = { images: 0, inline: new WeakMap() };
  const children = blocksOf(hast.children, context);
  return { tree: { type: 'root', children }, images: context.images };
}
