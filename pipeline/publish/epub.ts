// The e-reader route: EPUB 3 through epub-gen-memory, with our own package templates where its
// defaults are wrong (random identifier, clock dates, hard-coded language, empty description).
import { createHash } from 'node:crypto';
import type { Brief } from '../model.js';
import type { Rendered } from '../render/index.js';
import type { FontFile } from './fonts.js';

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

/**
 * epub-gen-memory with two changes: fonts come from the build's own bytes (it would fetch them),
 * and every zip entry carries the pack's date instead of the clock's, so the archive is reproducible.
 */
function offlineEPub(Base: EPubClass, fonts: FontFile[]) {
  return class extends Base {
    protected override async downloadAllFonts(): Promise<void> {
      const folder = this.zip.folder('OEBPS')?.folder('fonts');
      for (const font of fonts) folder?.file(font.filename, font.data);
    }
    stampEntries(date: Date): void {
      for (const entry of Object.values(this.zip.files)) entry.date = date;
    }
  };
}

export async function buildEpub(brief: Brief, rendered: Rendered, templates: EpubTemplates, fonts: FontFile[]): Promise<Uint8Array> {
  // Loaded here, not at start-up: only the EPUB route pays for the zip writer.
  const OfflineEPub = offlineEPub((await import('epub-gen-memory')).EPub, fonts);
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
    // Named for the manifest; the bytes come from downloadAllFonts above, never from a URL.
    fonts: fonts.map((font) => ({ filename: font.filename, url: `font:${font.filename}` })),
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
  const epub = new OfflineEPub(options, chapters);
  await epub.render();
  epub.stampEntries(new Date(brief.generatedAt));
  return epub.generateAsync({
    type: 'uint8array',
    mimeType: 'application/epub+zip',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}
