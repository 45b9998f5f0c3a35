// Images leave the article here: a pack is built offline, so a picture would have to be fetched
// (or read from the disk) to be shown, and neither ever happens. Each file says how many it lost.
import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SOURCE } from '../file.js';

function isImage(node: Nodes): boolean {
  return node.type === 'image' || node.type === 'imageReference';
}

export const dropImages: Plugin<[], Root> = function () {
  return (tree, file) => {
    const dropped: Nodes[] = [];
    const prune = (node: Nodes): void => {
      if (!('children' in node)) return;
      const kept = (node.children as Nodes[]).filter((child) => {
        if (!isImage(child)) return true;
        dropped.push(child);
        return false;
      });
      (node as { children: Nodes[] }).children = kept;
      kept.forEach(prune);
    };
    prune(tree);
    if (dropped.length === 0) return;
    const what = dropped.length === 1 ? 'one image' : `${dropped.length} images`;
    file.message(`${what} left out: a pack is built offline and never fetches anything`, {
      place: dropped[0]?.position,
      ruleId: 'images-dropped',
      source: SOURCE,
    });
  };
};
