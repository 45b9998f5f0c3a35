// The e-reader route: EPUB 3 through epub-gen-memory, with our own package templates where its
// defaults are wrong (random identifier, clock dates, hard-coded language, empty description).
import { contentIdentifier } from './identity.js';
import type { Brief } from '../model.js';
import type { EpubChapter, Rendered } from '../render/index.js';
import type { FontFile } from './fonts.js';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';

export interface EpubTemplates {
  contentOPF: string;
  tocXHTML: string;
  tocNCX: string;
  chapterXHTML: string;
}

/** EPUB wants dcterms:modified as CCYY-MM-DDThh:mm:ssZ. */
function modified(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type EPubClass = typeof import('epub-gen-memory').EPub;
type Chapter = EpubChapter & { properties?: string };

/** Our HTML as well-formed XHTML. epub-gen-memory's own pass drops every attribute outside its
 * list — all of SVG's, and `scope` on table headers — so chapters are serialized here instead. */
export function toXhtml(html: string): string {
  return toXml(toXast(fromHtml(html, { fragment: true })));
}

export interface EpubAssets {
  templates: EpubTemplates;
  fonts: FontFile[];
  /** PNG of the cover page, made by the build (a screenshot in Chromium). */
  cover: Uint8Array;
}

/**
 * epub-gen-memory with its network and clock taken out: chapters arrive as XHTML, fonts and the
 * cover from the build's own bytes (it would fetch them), and every zip entry carries the pack's
 * date, so the archive is reproducible.
 */
function offlineEPub(Base: EPubClass, assets: EpubAssets) {
  return class extends Base {
    constructor(options: ConstructorParameters<EPubClass>[0], chapters: Chapter[]) {
      super(options, chapters.map((chapter) => ({ ...chapter, content: '' })));
      this.content.forEach((normalized, index) => {
        normalized.content = toXhtml(chapters[index]?.content ?? '');
      });
    }
    protected override async downloadAllFonts(): Promise<void> {
      const folder = this.zip.folder('OEBPS')?.folder('fonts');
      // Already compressed (woff2, png): stored, not deflated again.
      for (const font of assets.fonts) folder?.file(font.filename, font.data, { compression: 'STORE' });
    }
    protected override async makeCover(): Promise<void> {
      this.zip.folder('OEBPS')?.file(COVER_IMAGE, assets.cover, { compression: 'STORE' });
    }
    stampEntries(date: Date): void {
      for (const entry of Object.values(this.zip.files)) entry.date = date;
    }
  };
}

/** The name templates/partials/cover-page.hbs shows the cover image by. */
const COVER_IMAGE = 'cover.png';

export async function buildEpub(brief: Brief, rendered: Rendered, assets: EpubAssets): Promise<Uint8Array> {
  // Loaded here, not at start-up: only the EPUB route pays for the zip writer.
  const OfflineEPub = offlineEPub((await import('epub-gen-memory')).EPub, assets);
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
    cover: COVER_IMAGE,
    // Named for the manifest; the bytes come from downloadAllFonts above, never from a URL.
    fonts: assets.fonts.map((font) => ({ filename: font.filename, url: `font:${font.filename}` })),
    ...assets.templates,
    // Read by our templates, passed through untouched by epub-gen-memory.
    identifier: contentIdentifier(brief),
    modified: modified(brief.generatedAt),
    nav: rendered.epub.nav,
  };
  const chapters: Chapter[] = rendered.epub.chapters.map((chapter) => ({
    ...chapter,
    // The manifest must declare the chapters that hold inline SVG (the risk matrix).
    ...(chapter.content.includes('<svg') ? { properties: 'svg' } : {}),
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
