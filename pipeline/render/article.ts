// An article's mdast → sanitized HTML, each sentence wrapped in an anchor the analysis links to.
import type { Root as MdastRoot, Paragraph, Heading, TableRow, Parents } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Source } from '../model.js';
import { anchorSentences, type Sentences } from './sentences.js';

export { anchorId } from './sentences.js';

const ANCHOR_ID = /^(ev-|user-content-)[A-Za-z0-9_.-]+$/;

// Raw HTML never reaches the tree (toHast drops it without allowDangerousHtml); the schema is the
// second fence. Ids are ours only: sentence anchors and GFM footnotes, never clobber-prefixed.
const schema: Schema = {
  ...defaultSchema,
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id'), ['id', ANCHOR_ID]],
    span: ['className'],
  },
  // Headings inside an article sit under the article's own title. Images go: the pack never
  // fetches one, and the reader reports each it dropped.
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['h1', 'img', 'picture', 'source'].includes(tag)),
};

function sentenceIdsOf(node: { data?: unknown }): string[] {
  const ids = (node.data as { sentenceIds?: unknown } | undefined)?.sentenceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function withSentences(tagName: (node: Paragraph | Heading) => string, sentences: Sentences): Handler {
  return (state: State, node: Paragraph | Heading): Element => {
    const ids = sentenceIdsOf(node);
    const children = ids.length > 0 ? anchorSentences(state.all(node), ids, sentences) : state.all(node);
    const element: Element = { type: 'element', tagName: tagName(node), properties: {}, children };
    state.patch(node, element);
    return state.applyData(node, element);
  };
}

/** Table cells hold sentences too: the default row, with each cell's text replaced by its anchors. */
function tableRowWithSentences(sentences: Sentences): Handler {
  return (state: State, node: TableRow, parent: Parents | undefined): Element => {
    const row = defaultHandlers.tableRow(state, node, parent);
    const cells = row.children.filter((child): child is Element => child.type === 'element');
    cells.forEach((cell, index) => {
      const ids = sentenceIdsOf(node.children[index] ?? {});
      if (ids.length > 0) cell.children = anchorSentences(cell.children, ids, sentences);
    });
    return row;
  };
}

/** Article headings start at h3: h1 is the pack, h2 the article title. */
function headingTag(node: Paragraph | Heading): string {
  const depth = node.type === 'heading' ? node.depth : 1;
  return `h${Math.min(6, depth + 1 < 3 ? 3 : depth + 1)}`;
}

export function articleHtml(source: Source, cited: ReadonlySet<string> = new Set()): string {
  const sentences: Sentences = { byId: new Map(source.sentences.map((s) => [s.id, s])), cited };
  const processor = unified()
    .use(remarkRehype, {
      handlers: {
        paragraph: withSentences(() => 'p', sentences),
        heading: withSentences(headingTag, sentences),
        tableRow: tableRowWithSentences(sentences),
      },
      footnoteLabelTagName: 'p',
    })
    .use(rehypeSanitize, schema)
    .use(rehypeStringify);
  const hast = processor.runSync(structuredClone(source.tree) as MdastRoot) as HastRoot;
  return processor.stringify(hast);
}
