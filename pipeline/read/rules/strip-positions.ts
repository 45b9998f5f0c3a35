// Positions served the rules that report lines; the Source's tree is plain content, so two
// reads of the same text give equal trees whatever the layout of the file.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visitNodes } from '../mdast.js';

export const stripPositions: Plugin<[], Root> = function () {
  return (tree) => {
    visitNodes(tree, (node) => {
      delete node.position;
    });
  };
};
