// Builds Sources for enrich tests without the read stage: headings, paragraphs, lists (nested)
// and block quotes become sentences split naively, with a matching mdast tree carrying sentenceIds.
import type { BlockContent, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Brief, EnrichContext, Sentence, Source } from '../../pipeline/model.js';

export type Item = string | { text: string; items: Item[] };
export type BlockSpec = { h: string; depth?: number } | { p: string } | { list: Item[] } | { quote: string };

export interface SourceMeta {
  title?: string;
  author?: string | null;
  via?: string[];
  lang?: string;
  published?: string | null;
  boilerplate?: string[];
}

/** Splits after ".", "!" or "?" (and a closing quote) when a capital letter follows. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?][”"]?)\s+(?=[“"‘]?\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function makeSource(id: string, blocks: BlockSpec[], meta: SourceMeta = {}): Source {
  const sentences: Sentence[] = [];
  const headings: string[] = [];
  let section: string | null = null;
  let block = 0;

  const addSentences = (text: string, kind: Sentence['kind']): string[] => {
    const ids: string[] = [];
    for (const part of kind === 'heading' ? [text.trim()] : splitSentences(text)) {
      const sentenceId = `${id}:s${sentences.length + 1}`;
      sentences.push({ id: sentenceId, text: part, section, block, kind, line: block + 1 });
      ids.push(sentenceId);
    }
    block++;
    return ids;
  };
  const paragraph = (text: string, kind: Sentence['kind']): Paragraph => ({
    type: 'paragraph',
    children: [{ type: 'text', value: text }],
    data: { sentenceIds: addSentences(text, kind) } as Paragraph['data'],
  });
  const list = (items: Item[]): List => ({
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => {
      const text = typeof item === 'string' ? item : item.text;
      const children: BlockContent[] = [paragraph(text, 'list-item')];
      if (typeof item !== 'string' && item.items.length > 0) children.push(list(item.items));
      return { type: 'listItem', spread: false, children };
    }),
  });

  const children: RootContent[] = blocks.map((spec): RootContent => {
    if ('h' in spec) {
      const ids = addSentences(spec.h, 'heading');
      section = spec.h;
      headings.push(spec.h);
      return { type: 'heading', depth: (spec.depth ?? 2) as 1 | 2 | 3 | 4 | 5 | 6, children: [{ type: 'text', value: spec.h }], data: { sentenceIds: ids } as Paragraph['data'] };
    }
    if ('p' in spec) return paragraph(spec.p, 'paragraph');
    if ('quote' in spec) return { type: 'blockquote', children: [paragraph(spec.quote, 'quote')] };
    return list(spec.list);
  });
  const tree: Root = { type: 'root', children };

  return {
    id,
    path: `seeds/${id}.md`,
    format: 'markdown',
    title: meta.title ?? `Article ${id}`,
    kicker: null,
    author: meta.author ?? null,
    via: meta.via ?? [],
    published: meta.published ?? null,
    lang: meta.lang ?? 'en',
    headings,
    boilerplate: meta.boilerplate ?? [],
    sentences,
    tree,
    hash: `hash-${id}`,
    duplicateOf: null,
  };
}

/** Paragraphs only: each string is one paragraph. */
export function article(id: string, ...paragraphs: string[]): Source {
  return makeSource(id, paragraphs.map((p) => ({ p })));
}

/**
 * A sentence of its own for each test article, so that articles which share a sentence on purpose
 * are still different articles, not copies of one another (enrich/stories/copies.ts).
 */
export const OWN = {
  a: 'Reporters spent the morning at the harbour gates talking to crane drivers and hauliers.',
  b: 'The newspaper first covered the dispute when the union balloted its members in January.',
  c: 'Our correspondent visited the picket line outside the container terminal after lunch.',
  x: 'The economics desk compiled its figures from three ministries and two commercial banks.',
  y: 'A television crew filmed the empty quays from a boat in the outer harbour on Monday.',
} as const;

export function context(overrides: Partial<EnrichContext> = {}): EnrichContext {
  return { overlay: {}, generatedAt: '2024-05-01T00:00:00.000Z', diagnostics: [], ...overrides };
}

/** The text of the sentence an evidence id names. */
export function sentenceText(brief: Brief, id: string): string {
  for (const source of brief.sources) for (const s of source.sentences) if (s.id === id) return s.text;
  throw new Error(`no sentence ${id}`);
}
