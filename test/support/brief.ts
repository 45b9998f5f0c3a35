// Small, hand-made model values for render and publish tests: no reader or analysis involved.
import type { Root, RootContent } from 'mdast';
import type { z } from 'zod';
import { Brief, SCHEMA_VERSION, type Sentence, type Source } from '../../pipeline/model.js';

/** A source whose blocks are given as strings: "## Heading" or a paragraph of sentences split on ". ". */
export function sourceOf(id: string, title: string, blocks: string[]): Source {
  const sentences: Sentence[] = [];
  const children: RootContent[] = [];
  let section: string | null = null;
  blocks.forEach((block, index) => {
    const heading = block.startsWith('## ');
    const text = heading ? block.slice(3) : block;
    const parts = heading ? [text] : text.split(/(?<=\.)\s+/);
    const ids = parts.map((part) => {
      const sentence: Sentence = {
        id: `${id}:s${sentences.length + 1}`,
        text: part,
        section: heading ? text : section,
        block: index,
        kind: heading ? 'heading' : 'paragraph',
        line: index + 2,
      };
      sentences.push(sentence);
      return sentence.id;
    });
    if (heading) section = text;
    const inline = [{ type: 'text' as const, value: text }];
    children.push(
      heading
        ? { type: 'heading', depth: 2, children: inline, data: { sentenceIds: ids } as never }
        : { type: 'paragraph', children: inline, data: { sentenceIds: ids } as never },
    );
  });
  const tree: Root = { type: 'root', children };
  return {
    id,
    path: `seeds/${id}.txt`,
    format: 'text',
    title,
    kicker: null,
    author: null,
    via: [],
    published: null,
    lang: 'en',
    headings: blocks.filter((b) => b.startsWith('## ')).map((b) => b.slice(3)),
    boilerplate: [],
    sentences,
    tree,
    hash: id.padEnd(64, '0').slice(0, 64),
    duplicateOf: null,
  };
}

/** A valid Brief: items may leave out the fields the model fills in (credibility, origin …). */
export function briefOf(sources: Source[], extra: Partial<z.input<typeof Brief>> = {}): Brief {
  return Brief.parse({
    schemaVersion: SCHEMA_VERSION,
    title: 'Test pack',
    subtitle: null,
    audience: null,
    marking: null,
    lang: 'en',
    generatedAt: '2025-03-03T00:00:00.000Z',
    sources,
    // One story of all the originals, as the enrich stage makes for a pack of one story.
    stories: sources.some((s) => s.duplicateOf === null)
      ? [
          {
            id: 'st-00000000',
            title: sources[0]?.title || 'Test story',
            summary: [],
            sources: sources.filter((s) => s.duplicateOf === null).map((s) => s.id),
            independentSources: 1,
            dates: { first: null, last: null },
            actors: [],
            section: null,
          },
        ]
      : [],
    bluf: [],
    keyJudgments: [],
    scenarios: [],
    risks: [],
    actors: [],
    quotes: [],
    signposts: [],
    diagnostics: [],
    ...extra,
  });
}
