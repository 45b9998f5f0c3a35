// An article's mdast → sanitized HTML, each sentence wrapped in an anchor the analysis links to.
import type { Root as MdastRoot, Paragraph, Heading, TableRow, Parents } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Sentence, Source } from '../model.js';

/** The element id of a sentence's anchor: an XML name (EPUB needs one), unique in the pack. */
export function anchorId(sentenceId: string): string {
  return 'ev-' + sentenceId.replace(/[^A-Za-z0-9_.-]/g, '-');
}

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
  // Headings inside an article sit under the article's own title.
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'h1'),
};

function sentenceIdsOf(node: { data?: unknown }): string[] {
  const ids = (node.data as { sentenceIds?: unknown } | undefined)?.sentenceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

interface Sentences {
  byId: Map<string, Sentence>;
  /** Sentences the analysis cites: they carry a visible mark ("s14") a reader can find. */
  cited: ReadonlySet<string>;
}

function citedMark(id: string): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['mark'] }, children: [{ type: 'text', value: id.slice(id.lastIndexOf(':') + 1) }] };
}

function sentenceSpans(ids: string[], { byId, cited }: Sentences): ElementContent[] {
  const spans: ElementContent[] = [];
  for (const id of ids) {
    const sentence = byId.get(id);
    if (!sentence) continue;
    if (spans.length > 0) spans.push({ type: 'text', value: ' ' });
    const text: ElementContent = { type: 'text', value: sentence.text };
    spans.push({
      type: 'element',
      tagName: 'span',
      properties: { id: anchorId(id), className: cited.has(id) ? ['sentence', 'cited'] : ['sentence'] },
      children: cited.has(id) ? [citedMark(id), { type: 'text', value: ' ' }, text] : [text],
    });
  }
  return spans;
}

function withSentences(tagName: (node: Paragraph | Heading) => string, sentences: Sentences): Handler {
  return (state: State, node: Paragraph | Heading): Element => {
    const ids = sentenceIdsOf(node);
    const children = ids.length > 0 ? sentenceSpans(ids, sentences) : state.all(node);
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
      if (ids.length > 0) cell.children = sentenceSpans(ids, sentences);
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
