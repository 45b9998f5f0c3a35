// A tree as indented lines, one per block, so golden files show structure at a glance.
import type { Nodes, Root } from 'mdast';
import { plainTextOf } from '../../pipeline/read/mdast.js';

const MAX_TEXT = 60;

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function anchors(node: Nodes): string {
  const ids = node.data?.sentenceIds ?? [];
  return ids.length > 0 ? ` [${ids.map((id) => id.slice(id.lastIndexOf(':') + 1)).join(' ')}]` : '';
}

function describe(node: Nodes): string {
  switch (node.type) {
    case 'heading':
      return `heading ${node.depth}${anchors(node)} ${shorten(plainTextOf(node))}`;
    case 'paragraph':
    case 'tableCell':
      return `${node.type}${anchors(node)} ${shorten(plainTextOf(node))}`;
    case 'list':
      return node.ordered ? `list ordered from ${node.start ?? 1}` : 'list';
    default:
      return node.type;
  }
}

export function outline(tree: Root): string[] {
  const lines: string[] = [];
  const walk = (node: Nodes, depth: number): void => {
    lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return;
    if ('children' in node) for (const child of node.children) walk(child, depth + 1);
  };
  for (const child of tree.children) walk(child, 0);
  return lines;
}
