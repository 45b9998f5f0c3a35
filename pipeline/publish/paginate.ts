// Contents with true page numbers. Chromium has no target-counter(): print once, read from the
// PDF's named destinations where each target landed, print again with the numbers, and repeat
// until the numbers stop moving (they fit reserved space, so the second print is nearly always final).
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';
import type { PageNumbers } from '../render/index.js';
import { loadPdf } from './pdf-finish.js';

const MAX_PRINTS = 4;

/** Page (1-based) of every named destination Chromium wrote: one per element id a link points at. */
export function destinationPages(document: PDFDocument): Record<string, number> {
  const pageIndex = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pages: Record<string, number> = {};
  for (const [name, value] of dests?.entries() ?? []) {
    const target = document.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookup(PDFName.of('D')) : target;
    const ref = array instanceof PDFArray ? array.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageIndex.get(ref.toString()) : undefined;
    if (page !== undefined) pages[decodeName(name.asString())] = page;
  }
  return pages;
}

/** PDF names escape bytes as #xx; ids are ours and ASCII, but decode properly anyway. */
function decodeName(name: string): string {
  return decodeURIComponent(name.slice(1).replace(/#([0-9a-fA-F]{2})/g, '%$1'));
}

function samePages(a: PageNumbers, b: PageNumbers): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export interface Paginated {
  /** The last print, parsed: the finishing step edits it without parsing it again. */
  document: PDFDocument;
  html: string;
  /** Where each target landed: remembered, it spares the next build of the same pack its draft. */
  pages: PageNumbers;
  prints: number;
}

/** A first print only finds where things land; the final one is tagged and has bookmarks. */
export type PrintKind = 'draft' | 'final';

/**
 * Prints until the contents' page numbers agree with where the headings actually fall. Page
 * numbers known from an earlier build of the same document skip the draft; they are checked
 * like any others.
 */
export async function paginate(
  print: (html: string, kind: PrintKind) => Promise<Uint8Array>,
  first: string,
  number: (pages: PageNumbers) => string,
  known: PageNumbers | null = null,
): Promise<Paginated> {
  let landed = known ?? destinationPages(await loadPdf(await print(first, 'draft')));
  for (let prints = known ? 1 : 2; ; prints++) {
    const html = number(landed);
    const document = await loadPdf(await print(html, 'final'));
    const now = destinationPages(document);
    if (samePages(landed, now) || prints === MAX_PRINTS) return { document, html, pages: now, prints };
    landed = now;
  }
}
