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

/** Collapses whitespace so that text wrapped across lines still matches. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
