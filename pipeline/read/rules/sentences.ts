// Every paragraph, heading and table cell split into sentences with ids in reading order:
// the ids are what the analysis cites, so they depend on nothing but the text.
import type { Heading, Nodes, Paragraph, Root, TableCell } from 'mdast';
import type { Plugin } from 'unified';
import type { BlockKind, Sentence } from '../../model.js';
import { SOURCE } from '../file.js';
import { plainTextOf, textOf, visitNodes } from '../mdast.js';
import { splitSentences } from '../split.js';

export interface SentenceOptions {
  /** Prefix of the sentence ids: `${sourceId}:s${n}`. */
  sourceId: string;
}

type Block = Paragraph | Heading | TableCell;

function isBlock(node: Nodes): node is Block {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
}

function kindOf(block: Block, ancestors: readonly Nodes[]): BlockKind {
  if (block.type === 'heading') return 'heading';
  if (block.type === 'tableCell') return 'table-cell';
  const container = ancestors.findLast((node) => node.type === 'listItem' || node.type === 'blockquote');
  if (container?.type === 'listItem') return 'list-item';
  return container?.type === 'blockquote' ? 'quote' : 'paragraph';
}

/** Sentence texts of a block and the line each starts on. */
function sentencesOf(block: Block): { text: string; line: number }[] {
  const line = block.position?.start.line ?? 0;
  if (block.type === 'heading') {
    // A heading is one statement however it is punctuated.
    const text = plainTextOf(block);
    return text ? [{ text, line }] : [];
  }
  const text = textOf(block);
  return splitSentences(text).map((sentence) => ({
    text: sentence.text,
    line: line + (text.slice(0, sentence.offset).match(/\n/g)?.length ?? 0),
  }));
}

export const splitIntoSentences: Plugin<[SentenceOptions], Root> = function (options) {
  const { sourceId } = options;
  return (tree, file) => {
    const sentences: Sentence[] = [];
    let section: string | null = null;
    let block = -1;
    visitNodes(tree, (node, ancestors) => {
      if (!isBlock(node)) return;
      block += 1;
      if (node.type === 'heading') section = plainTextOf(node);
      const kind = kindOf(node, ancestors);
      const ids = sentencesOf(node).map(({ text, line }) => {
        const id = `${sourceId}:s${sentences.length + 1}`;
        sentences.push({ id, text, section, block, kind, line });
        return id;
      });
      if (ids.length > 0) node.data = { ...node.data, sentenceIds: ids };
    });
    file.data.sentences = sentences;
    if (sentences.length === 0) {
      file.message('the article has no sentences to analyse', {
        place: { line: 1, column: 1 },
        ruleId: 'no-sentences',
        source: SOURCE,
      });
    }
  };
};
