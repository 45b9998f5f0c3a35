// Inline HTML to mdast phrasing, under HTML's white-space rules: a run of spaces and line
// ends is one space, and there is none at the start or end of a block or beside a line
// break. Emphasis and code stay; links keep their text only, since a pack is read offline;
// images and other embedded media are dropped, and counted so the drop can be reported.
import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { PhrasingContent } from 'mdast';

export interface Conversion {
  /** Images left out so far. */
  images: number;
  /** How many <q> elements the text is inside. */
  quoteDepth?: number;
}

/** Elements whose content is not text to read. */
export const DROPPED = new Set([
  'img', 'picture', 'svg', 'video', 'audio', 'iframe', 'canvas', 'object', 'embed', 'math', 'map',
  'button', 'input', 'select', 'textarea', 'script', 'style', 'noscript', 'template', 'source', 'track',
]);

/** Elements that stand on lines of their own. */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const WRAPPERS: Record<string, 'strong' | 'emphasis' | 'delete'> = {
  strong: 'strong', b: 'strong',
  em: 'emphasis', i: 'emphasis', cite: 'emphasis', dfn: 'emphasis', var: 'emphasis',
  del: 'delete', s: 'delete', strike: 'delete',
};

const CODE = new Set(['code', 'kbd', 'samp', 'tt']);
const HTML_SPACE = /[ \t\n\r\f]+/;
/** How many links, with no text between them, make a cluster rather than a sentence's links. */
const CLUSTER_LINKS = 3;

interface LinkShare {
  links: number;
  /** The text outside links. */
  unlinked: string;
}

export function linkShare(node: ElementContent): LinkShare {
  const share: LinkShare = { links: 0, unlinked: '' };
  const walk = (child: ElementContent, inLink: boolean): void => {
    if (child.type === 'text' && !inLink) share.unlinked += child.value;
    if (child.type !== 'element' || DROPPED.has(child.tagName)) return;
    if (child.tagName === 'a') share.links += 1;
    for (const grandchild of child.children) walk(grandchild, inLink || child.tagName === 'a');
  };
  walk(node, false);
  return share;
}

function isCluster(element: Element): boolean {
  const { links, unlinked } = linkShare(element);
  return links >= CLUSTER_LINKS && unlinked.trim() === '';
}

/**
 * A hover card or teaser strip tucked into a sentence ("Kristi Noem [photo, three headlines,
 * MORE]"): links and nothing else. The innermost such element goes, so that a link the
 * sentence itself needs, wrapped together with the card, stays.
 */
function isLinkCluster(element: Element): boolean {
  return isCluster(element) && !element.children.some((child) => child.type === 'element' && isCluster(child));
}

/** Where the text stands: a space is owed before the next word; or nothing precedes it on its line. */
interface Flow {
  space: boolean;
  lineStart: boolean;
  /** The space owed is one the markup put inside code: it goes before a word, not before punctuation. */
  soft?: boolean;
}

/** What follows a word with no space: "init(), then", "run `x`." */
const CLOSING = /^[,.;:!?)\]}”’»]/u;

function collapse(value: string, flow: Flow): string {
  let text = '';
  for (const piece of value.split(/([ \t\n\r\f]+)/)) {
    if (piece === '') continue;
    if (HTML_SPACE.test(piece)) {
      flow.space = !flow.lineStart;
      continue;
    }
    text += (flow.space && !(flow.soft && CLOSING.test(piece)) ? ' ' : '') + piece;
    flow.space = false;
    flow.soft = false;
    flow.lineStart = false;
  }
  return text;
}

function countImages(element: Element): number {
  if (element.tagName === 'img') return 1;
  return element.children.reduce((sum, child) => sum + (child.type === 'element' ? countImages(child) : 0), 0);
}

/** Emphasis and the like; the space owed before them goes outside, so they start with a word. */
function wrapped(element: Element, type: 'strong' | 'emphasis' | 'delete', flow: Flow, context: Conversion): PhrasingContent[] {
  let owed = flow.space;
  flow.space = false;
  const children = tidy(convertAll(element.children, flow, context));
  const first = children[0];
  // "The <em> deal</em>": the space inside the emphasis is the one owed before it.
  if (first?.type === 'text' && first.value.startsWith(' ')) {
    first.value = first.value.slice(1);
    if (first.value === '') children.shift();
    owed = true;
  }
  if (children.length === 0) {
    flow.space ||= owed;
    return [];
  }
  return [...(owed ? [{ type: 'text' as const, value: ' ' }] : []), { type, children }];
}

/** Code in a sentence; a space at either end of it goes outside, as with emphasis ("Run<code> git pull</code> now"). */
function code(element: Element, flow: Flow): PhrasingContent[] {
  const raw = toString(element).replace(/\s+/g, ' ');
  const value = raw.trim();
  if (value === '') {
    flow.space ||= raw !== '';
    return [];
  }
  const owed = flow.space || (raw.startsWith(' ') && !flow.lineStart) ? ' ' : '';
  flow.space = raw.endsWith(' ');
  flow.soft = flow.space;
  flow.lineStart = false;
  return [...(owed ? [{ type: 'text' as const, value: owed }] : []), { type: 'inlineCode', value }];
}

function convert(node: ElementContent, flow: Flow, context: Conversion): PhrasingContent[] {
  if (node.type === 'text') {
    const value = collapse(node.value, flow);
    return value ? [{ type: 'text', value }] : [];
  }
  if (node.type !== 'element') return [];
  const tag = node.tagName;
  if (tag === 'br') {
    flow.space = false;
    flow.lineStart = true;
    return [{ type: 'break' }];
  }
  if (DROPPED.has(tag)) {
    context.images += countImages(node);
    return [];
  }
  const wrapper = WRAPPERS[tag];
  if (wrapper) return wrapped(node, wrapper, flow, context);
  if (CODE.has(tag)) return code(node, flow);
  if (tag === 'q') return quoted(node, flow, context);
  if (tag !== 'a' && isLinkCluster(node)) return [];
  if (BLOCKS.has(tag)) {
    // A block inside a heading or table cell: its own line, as a browser shows it.
    const inner = convertAll(node.children, { space: false, lineStart: true }, context);
    flow.space = false;
    flow.lineStart = true;
    return [{ type: 'break' }, ...inner, { type: 'break' }];
  }
  return convertAll(node.children, flow, context);
}

/**
 * <q>: the quotation marks a browser draws around it (“…”, and ‘…’ inside another), written into the
 * text, where the analysis looks for quotes.
 */
function quoted(element: Element, flow: Flow, context: Conversion): PhrasingContent[] {
  const depth = context.quoteDepth ?? 0;
  const [open, close] = depth % 2 === 0 ? ['“', '”'] : ['‘', '’'];
  const opening = collapse(open, flow);
  context.quoteDepth = depth + 1;
  const inner = convertAll(element.children, flow, context);
  context.quoteDepth = depth;
  // The closing mark sits against the last word; a space owed inside the quote comes after it.
  const owed = flow.space;
  flow.space = false;
  const closing = collapse(close, flow);
  flow.space = owed;
  return [{ type: 'text', value: opening }, ...inner, { type: 'text', value: closing }];
}

function convertAll(nodes: readonly ElementContent[], flow: Flow, context: Conversion): PhrasingContent[] {
  return nodes.flatMap((node) => convert(node, flow, context));
}

/** Adjacent texts merged; breaks neither doubled nor at either end. */
function tidy(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const tidied: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = tidied.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type === 'break' && (last === undefined || last.type === 'break')) continue;
    else tidied.push(node.type === 'text' ? { ...node } : node);
  }
  while (tidied.at(-1)?.type === 'break') tidied.pop();
  return tidied;
}

/** The phrasing content of inline HTML, tidied; empty when it holds no text. */
export function phrasingOf(nodes: readonly ElementContent[], context: Conversion): PhrasingContent[] {
  return tidy(convertAll(nodes, { space: false, lineStart: true }, context));
}
