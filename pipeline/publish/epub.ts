// The e-reader route: EPUB 3 through epub-gen-memory, with our own package templates where its
// defaults are wrong (random identifier, clock dates, hard-coded language, empty description).
import { createHash } from 'node:crypto';
import type { Brief } from '../model.js';
import type { Rendered } from '../render/index.js';

export interface EpubTemplates {
  contentOPF: string;
  tocXHTML: string;
  tocNCX: string;
  chapterXHTML: string;
}

/** A urn:uuid derived from the pack's content, so the same pack keeps the same identifier. */
export function contentIdentifier(brief: Brief): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([brief.title, brief.sources.map((s) => s.hash)]))
    .digest('hex');
  // Shaped as a version-5-style UUID: name-based, not random.
  const hex = `${digest.slice(0, 12)}5${digest.slice(13, 16)}${((parseInt(digest[16]!, 16) & 0x3) | 0x8).toString(16)}${digest.slice(17, 32)}`;
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** EPUB wants dcterms:modified as CCYY-MM-DDThh:mm:ssZ. */
function modified(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type EPubClass = typeof import('epub-gen-memory').EPub;

/** jszip stamps each entry with the clock; the pack's own date makes the archive reproducible. */
function stampable(Base: EPubClass) {
  return class extends Base {
    stampEntries(date: Date): void {
      for (const entry of Object.values(this.zip.files)) entry.date = date;
    }
  };
}

export async function buildEpub(brief: Brief, rendered: Rendered, templates: EpubTemplates): Promise<Uint8Array> {
  // Loaded here, not at start-up: only the EPUB route pays for the zip writer.
  const StampedEPub = stampable((await import('epub-gen-memory')).EPub);
  const options = {
    title: brief.title,
    author: ['briefpack'],
    publisher: 'briefpack',
    description: rendered.epub.description,
    lang: brief.lang,
    date: brief.generatedAt,
    tocTitle: 'Contents',
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    css: rendered.epub.css,
    version: 3,
    verbose: false,
    ...templates,
    // Read by our templates, passed through untouched by epub-gen-memory.
    identifier: contentIdentifier(brief),
    modified: modified(brief.generatedAt),
    nav: rendered.epub.nav,
  };
  const chapters = rendered.epub.chapters.map((chapter) => ({
    title: chapter.title,
    filename: chapter.filename,
    content: chapter.content,
  }));
  const epub = new StampedEPub(options, chapters);
  await epub.render();
  epub.stampEntries(new Date(brief.generatedAt));
  return epub.generateAsync({
    type: 'uint8array',
    mimeType: 'application/epub+zip',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}
