// Reading a built PDF back: its pages' text and its bookmarks, with pdfjs-dist.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Bookmark {
  title: string;
  children: Bookmark[];
}

export interface PdfContents {
  pages: string[];
  outline: Bookmark[];
  info: Record<string, unknown>;
}

type OutlineNode = { title: string; items: OutlineNode[] };

function bookmarks(nodes: OutlineNode[] | null): Bookmark[] {
  return (nodes ?? []).map((n) => ({ title: n.title, children: bookmarks(n.items) }));
}

export async function readPdf(path: string): Promise<PdfContents> {
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = await document.getMetadata();
    return { pages, outline: bookmarks((await document.getOutline()) as OutlineNode[] | null), info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

/** Collapses whitespace so that text wrapped across lines still matches; pdfjs reads some
 * apostrophes back as U+02BC, so every apostrophe is compared as one. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\u2019\u02BC]/g, "'").trim();
}

export interface PdfLink {
  /** Page (1-based) the link sits on. */
  from: number;
  /** The named destination it points at, and the page (1-based) that destination is on. */
  dest: string;
  to: number;
}

/** Every internal link in the PDF with the page its destination lands on. */
export async function readLinks(path: string): Promise<PdfLink[]> {
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, isEvalSupported: false }).promise;
  try {
    const links: PdfLink[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      for (const annotation of await (await document.getPage(n)).getAnnotations()) {
        if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string') continue;
        const explicit = await document.getDestination(annotation.dest);
        const ref = explicit?.[0];
        if (!ref || typeof ref !== 'object') continue;
        links.push({ from: n, dest: annotation.dest, to: (await document.getPageIndex(ref)) + 1 });
      }
    }
    return links;
  } finally {
    await document.destroy();
  }
}

/** Names of fonts the PDF uses without embedding them; empty when every font is embedded. */
export async function unembeddedFonts(path: string): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName } = await import('pdf-lib');
  const document = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const missing: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key)));
    if (!embedded) missing.push(String(object.get(PDFName.of('FontName'))));
  }
  return missing;
}
