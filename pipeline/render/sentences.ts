// A block's inline content cut into one anchored span per sentence, keeping its links and
// emphasis: the analysis links to sentences, and a reader still follows the article's own links.
import type { ElementContent, Text } from 'hast';
import type { Sentence } from '../model.js';

export interface Sentences {
  byId: Map<string, Sentence>;
  /** Sentences the analysis cites: they carry a visible mark ("s14") a reader can find. */
  cited: ReadonlySet<string>;
}

/** The element id of a sentence's anchor: an XML name (EPUB needs one), unique in the pack. */
export function anchorId(sentenceId: string): string {
  return 'ev-' + sentenceId.replace(/[^A-Za-z0-9_.-]/g, '-');
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('');
}

/** The part of an inline tree between two character offsets of its text, elements cloned around it. */
function slice(nodes: readonly ElementContent[], from: number, to: number): ElementContent[] {
  const result: ElementContent[] = [];
  let at = 0;
  for (const node of nodes) {
    const length = node.type === 'text' ? node.value.length : node.type === 'element' ? textOf(node.children).length : 0;
    const [start, end] = [Math.max(from, at), Math.min(to, at + length)];
    if (node.type === 'text' && start < end) {
      result.push({ type: 'text', value: node.value.slice(start - at, end - at) } satisfies Text);
    } else if (node.type === 'element' && (start < end || (length === 0 && at >= from && at < to))) {
      result.push({ ...node, children: slice(node.children, from - at, to - at) });
    }
    at += length;
  }
  return result;
}

/** Where each sentence stands in the block's text, in order; null if any cannot be found. */
function ranges(text: string, sentences: readonly Sentence[]): Array<[number, number]> | null {
  const found: Array<[number, number]> = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const start = text.indexOf(sentence.text, cursor);
    if (start < 0) return null;
    found.push([start, start + sentence.text.length]);
    cursor = start + sentence.text.length;
  }
  return found;
}

function citedMark(id: string): ElementContent {
  return { type: 'element', tagName: 'span', properties: { className: ['mark'] }, children: [{ type: 'text', value: id.slice(id.lastIndexOf(':') + 1) }] };
}

function span(sentence: Sentence, children: ElementContent[], cited: boolean): ElementContent {
  return {
    type: 'element',
    tagName: 'span',
    properties: { id: anchorId(sentence.id), className: cited ? ['sentence', 'cited'] : ['sentence'] },
    children: cited ? [citedMark(sentence.id), { type: 'text', value: ' ' }, ...children] : children,
  };
}

/**
 * The block's inline content with each sentence wrapped in its anchor. When the sentences cannot
 * be found in the block's text as written (the reader normalised it), the sentences' own text is
 * used instead: the anchors matter more than the formatting.
 */
export function anchorSentences(inline: readonly ElementContent[], ids: readonly string[], { byId, cited }: Sentences): ElementContent[] {
  const sentences = ids.flatMap((id) => byId.get(id) ?? []);
  const text = textOf(inline);
  const places = ranges(text, sentences);
  if (!places) {
    return sentences.flatMap((sentence, i) => [
      ...(i > 0 ? [{ type: 'text', value: ' ' } satisfies Text] : []),
      span(sentence, [{ type: 'text', value: sentence.text }], cited.has(sentence.id)),
    ]);
  }
  const result: ElementContent[] = [];
  let cursor = 0;
  places.forEach(([start, end], i) => {
    const sentence = sentences[i]!;
    result.push(...slice(inline, cursor, start), span(sentence, slice(inline, start, end), cited.has(sentence.id)));
    cursor = end;
  });
  result.push(...slice(inline, cursor, text.length));
  return result;
}
