// Small tree helpers the read rules share.
import type { Nodes, Parent, Root, RootContent } from 'mdast';

/**
 * The text of a node as a reader sees it. Unlike mdast-util-to-string, a hard break stays
 * a line end, so words on either side of it do not run together and line counts hold.
 */
export function textOf(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child: Nodes) => textOf(child)).join('') : '';
  }
}

/** White space collapsed to single spaces, as sentences and metadata are stored. */
function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function plainTextOf(node: Nodes): string {
  return collapseSpace(textOf(node));
}

function isParent(node: Nodes): node is Nodes & Parent {
  return 'children' in node;
}

/**
 * Removes every node `drop` picks, at any depth, then the lists, items and quotes its
 * removals left empty: a list of share links should not survive as an empty list.
 */
export function removeNodes(tree: Root, drop: (node: RootContent) => boolean): void {
  const prune = (parent: Parent): void => {
    parent.children = parent.children.filter((child) => {
      if (drop(child)) return false;
      if (!isParent(child) || child.type === 'heading' || child.type === 'paragraph') return true;
      const before = child.children.length;
      prune(child);
      return child.children.length > 0 || before === 0;
    });
  };
  prune(tree);
}

/** Visits every node in document order with its ancestors, nearest last. */
export function visitNodes(tree: Root, visit: (node: Nodes, ancestors: readonly Nodes[]) => void): void {
  const walk = (node: Nodes, ancestors: Nodes[]): void => {
    visit(node, ancestors);
    if (isParent(node)) for (const child of node.children) walk(child, [...ancestors, node]);
  };
  walk(tree, []);
}
