// Sentences name the line of the seed they start on, but Readability's output has lost the
// page's positions. So each block takes the line of the page's own text (from the parse
// with positions) that its opening words are found in, searching on in reading order.
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';
import { plainTextOf, visitNodes } from '../mdast.js';

interface PageText {
  /** The text without white space, which markup and Readability both rearrange. */
  solid: string;
  raw: string;
  start: Point;
}

/** How much of a block's opening, white space aside, is looked for; then, failing that, less. */
const OPENINGS = [32, 12];
const UNREAD = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg']);

function solid(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The page's visible text nodes in document order, with where each starts. */
export function pageTexts(page: HastRoot): PageText[] {
  const texts: PageText[] = [];
  const walk = (node: HastNodes): void => {
    if (node.type === 'text' && node.position) {
      const text = solid(node.value);
      if (text !== '') texts.push({ solid: text, raw: node.value, start: node.position.start });
    } else if ((node.type === 'element' && !UNREAD.has(node.tagName)) || node.type === 'root') {
      for (const child of node.children) walk(child);
    }
  };
  walk(page);
  return texts;
}

/**
 * Where the block opening with `key` starts in the text at `at`, counted in characters
 * other than white space; -1 when it does not. Inline markup splits a block's opening
 * over several texts ("(<em>Reuters</em>) — The…"), so the texts that follow are read on.
 */
function matchAt(texts: readonly PageText[], at: number, key: string): number {
  const first = texts[at]?.solid ?? '';
  const inside = first.indexOf(key);
  if (inside !== -1) return inside;
  let joined = first;
  for (let next = at + 1; key.startsWith(joined) && joined.length < key.length; next += 1) {
    const text = texts[next];
    if (text === undefined) return -1;
    joined += text.solid;
  }
  return joined.startsWith(key) ? 0 : -1;
}

/** Where in `raw` its `index`-th character other than white space stands. */
function rawIndexOf(raw: string, index: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i += 1) {
    if (/\s/.test(raw[i] ?? '')) continue;
    if (seen === index) return i;
    seen += 1;
  }
  return raw.length;
}

/**
 * The point in the file of the `index`-th character, white space aside, of a page text. The
 * text is decoded, so a character reference before it on its line shifts the column a little.
 */
function pointAt(page: PageText, index: number): Point {
  const rawIndex = rawIndexOf(page.raw, index);
  const before = page.raw.slice(0, rawIndex);
  const newlines = before.split('\n').length - 1;
  const column = newlines === 0 ? page.start.column + rawIndex : rawIndex - before.lastIndexOf('\n');
  return { line: page.start.line + newlines, column };
}

function find(texts: readonly PageText[], key: string, from: number): { at: number; point: Point } | null {
  for (let step = 0; step < texts.length; step += 1) {
    const at = (from + step) % texts.length;
    const page = texts[at];
    const index = page ? matchAt(texts, at, key) : -1;
    if (page && index !== -1) return { at, point: pointAt(page, index) };
  }
  return null;
}

function isBlock(node: Nodes): node is Extract<Nodes, { type: 'paragraph' | 'heading' | 'tableCell' | 'code' }> {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' || node.type === 'code';
}

/** Gives every paragraph, heading and cell of `tree` the position its text has in the page. */
export function placeBlocks(tree: Root, texts: readonly PageText[]): void {
  let cursor = 0;
  let point: Point = { line: 1, column: 1 };
  visitNodes(tree, (node) => {
    if (!isBlock(node)) return;
    const opening = solid(node.type === 'code' ? node.value : plainTextOf(node));
    let found: ReturnType<typeof find> = null;
    // Text the reader left out (a hover card) can break the longer opening.
    for (const length of OPENINGS) found ??= opening === '' ? null : find(texts, opening.slice(0, length), cursor);
    if (found) {
      cursor = found.at;
      point = found.point;
    }
    // A block not found, its text rewritten by Readability, stands where the last one did.
    node.position = { start: point, end: point };
  });
}
