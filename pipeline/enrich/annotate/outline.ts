// A source as an ordered list of blocks (headings, paragraphs, list items with their nesting),
// so that extractors can reason about sections and sub-items without walking mdast themselves.
import type { Sentence, Source } from '../../model.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'quote' | 'other';

export interface Block {
  source: Source;
  kind: BlockKind;
  /** List nesting: 0 outside lists, 1 for a top-level item, 2 for its sub-items, … */
  level: number;
  /** Heading rank (1–6) when the tree gives one. */
  depth: number | null;
  sentences: Sentence[];
  text: string;
  ids: string[];
}

interface NodeLike {
  type?: unknown;
  depth?: unknown;
  children?: unknown;
  data?: unknown;
}

interface Placement {
  level: number;
  depth: number | null;
}

function sentenceIdsOf(node: NodeLike): string[] {
  const data = node.data as { sentenceIds?: unknown } | undefined;
  const ids = data?.sentenceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** Where each sentence sits in the tree: list nesting and heading rank. */
function placements(tree: unknown): Map<string, Placement> {
  const found = new Map<string, Placement>();
  const visit = (node: NodeLike, level: number): void => {
    const depth = node.type === 'heading' && typeof node.depth === 'number' ? node.depth : null;
    for (const id of sentenceIdsOf(node)) if (!found.has(id)) found.set(id, { level, depth });
    const children = Array.isArray(node.children) ? (node.children as NodeLike[]) : [];
    const childLevel = node.type === 'list' ? level + 1 : level;
    for (const child of children) if (typeof child === 'object' && child !== null) visit(child, childLevel);
  };
  if (typeof tree === 'object' && tree !== null) visit(tree as NodeLike, 0);
  return found;
}

const KIND: Record<Sentence['kind'], BlockKind> = {
  heading: 'heading',
  paragraph: 'paragraph',
  'list-item': 'item',
  quote: 'quote',
  'table-cell': 'other',
};

/** The blocks of a source in reading order. */
export function outline(source: Source): Block[] {
  const placed = placements(source.tree);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let currentBlock = -1;
  for (const sentence of source.sentences) {
    const place = placed.get(sentence.id);
    if (current && sentence.block === currentBlock && (place?.level ?? current.level) === current.level) {
      current.sentences.push(sentence);
      current.ids.push(sentence.id);
      current.text += ` ${sentence.text}`;
      continue;
    }
    const kind = KIND[sentence.kind];
    current = {
      source,
      kind,
      // Without a tree, a list item is taken as top level.
      level: place?.level ?? (kind === 'item' ? 1 : 0),
      depth: place?.depth ?? null,
      sentences: [sentence],
      text: sentence.text,
      ids: [sentence.id],
    };
    currentBlock = sentence.block;
    blocks.push(current);
  }
  for (const block of blocks) if (block.kind === 'item' && block.level === 0) block.level = 1;
  return blocks;
}

/** True for a short lead-in line ending with a colon ("Security guarantees:"), the head of what follows. */
export function endsWithColon(text: string): boolean {
  return /[:：]\s*$/.test(text);
}

/**
 * The blocks under the heading at `index`: up to the next heading of the same or higher rank.
 * A heading that ends with a colon is a sub-head and stays inside; without ranks, any other heading ends it.
 */
export function sectionBody(blocks: readonly Block[], index: number): Block[] {
  const head = blocks[index];
  if (!head) return [];
  const body: Block[] = [];
  for (let i = index + 1; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) break;
    if (block.kind === 'heading' && !endsWithColon(block.text)) {
      const deeper = head.depth !== null && block.depth !== null && block.depth > head.depth;
      if (!deeper) break;
    }
    body.push(block);
  }
  return body;
}
