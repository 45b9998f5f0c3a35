// The slice of the DOM this reader touches, typed here because the project compiles without
// the DOM library: linkedom and Readability are typed against globals we do not load.
import type { Root as HastRoot } from 'hast';
import { parseHTML } from 'linkedom';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

export interface PageElement {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface PageDocument {
  readonly documentElement: PageElement | null;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
}

/**
 * The page as a document, built from the tree the HTML standard's parser made of it.
 * linkedom's own parser skips that standard's repairs: given a page without <html> or
 * <body>, it makes the first element the root and leaves the body empty.
 */
export function parseDocument(page: HastRoot): PageDocument {
  const html = unified().use(rehypeStringify).stringify(page);
  const { document } = parseHTML(html) as { document: PageDocument };
  return document;
}

/** An element's text with white space collapsed, as a reader sees it. */
export function textOfElement(element: PageElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
