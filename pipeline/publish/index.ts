// publish: rendered pack → files. The only stage that touches the disk, the browser and the zip writer.
import { join } from 'node:path';
import { Brief } from '../model.js';
import type { PageNumbers, Rendered } from '../render/index.js';
import type { EpubTemplates } from './epub.js';
import { contentIdentifier } from './identity.js';
import type { PdfInfo } from './pdf-finish.js';
import type { FontFile } from './fonts.js';
import { ensureDirectory, writeAtomic } from './files.js';
import { printPdf, screenshot, type ChromiumSession, type PrintOptions } from './pdf.js';
import type { PrintKind } from './paginate.js';

/** The finished PDF and the HTML it was printed from, its contents numbered. */
interface Printed {
  pdf: Uint8Array;
  html: string;
  pages: PageNumbers;
}

export const FORMATS = ['pdf', 'epub', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface PublishRequest {
  brief: Brief;
  rendered: Rendered;
  formats: readonly Format[];
  outDir: string;
  epubTemplates: EpubTemplates;
  fonts: FontFile[];
  /** The build's Chromium, already launching; required when formats include pdf or epub. */
  chromium?: ChromiumSession;
  print: PrintOptions;
  /** Page numbers an earlier build of the same print document found: spares the draft print. */
  knownPages?: PageNumbers | null;
  /** Called as each format finishes, for the CLI's stage timings. */
  onWritten?: (format: Format, path: string, bytes: number) => void;
}

export function outputPath(outDir: string, format: Format): string {
  return join(outDir, `briefing.${format}`);
}

/** Portrait, the proportions most e-readers show a cover at. */
const COVER_SIZE = { width: 1200, height: 1600 };

function needChromium(request: PublishRequest): ChromiumSession {
  if (!request.chromium) throw new Error('internal: the PDF and EPUB routes need a browser');
  return request.chromium;
}

async function printRoute(request: PublishRequest): Promise<Printed> {
  // pdf-lib loads only when a PDF is made.
  const [{ paginate }, { finishPdf }] = await Promise.all([import('./paginate.js'), import('./pdf-finish.js')]);
  const chromium = needChromium(request);
  const print = async (html: string, kind: PrintKind) => {
    const { pdf, blocked } = await chromium.use((browser) => printPdf(browser, html, request.print, kind === 'draft'));
    if (blocked.length > 0) throw new Error(`the printed page tried to load ${blocked.length} outside resource(s), first ${blocked[0]}`);
    return pdf;
  };
  const paginated = await paginate(print, request.rendered.html, request.rendered.paginate, request.knownPages ?? null);
  return { html: paginated.html, pages: paginated.pages, pdf: await finishPdf(paginated.document, pdfInfo(request.brief, request.rendered)) };
}

async function produce(format: Format, request: PublishRequest, printed: Promise<Printed> | null): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      // Validated at the boundary: what machines read always matches the contract.
      return `${JSON.stringify(Brief.parse(request.brief), null, 2)}\n`;
    case 'html':
      // The preview shows the same page numbers as the PDF when there is one.
      return printed ? (await printed).html : request.rendered.html;
    case 'epub': {
      const html = request.rendered.epub.coverHtml;
      const cover = await needChromium(request).use((browser) => screenshot(browser, html, COVER_SIZE, request.print.timeout));
      const { buildEpub } = await import('./epub.js');
      return buildEpub(request.brief, request.rendered, { templates: request.epubTemplates, fonts: request.fonts, cover });
    }
    case 'pdf':
      return (await printed!).pdf;
  }
}

function pdfInfo(brief: Brief, rendered: Rendered): PdfInfo {
  return {
    title: brief.title,
    author: 'briefpack',
    subject: brief.subtitle ?? `Briefing pack from ${brief.sources.length} source articles`,
    keywords: [[...brief.scenarios.map((s) => s.title), ...brief.actors.slice(0, 5).map((a) => a.name)].join('; ')],
    lang: brief.lang,
    date: new Date(brief.generatedAt),
    headings: rendered.headings,
    identity: contentIdentifier(brief),
  };
}

/** Writes every requested format; the EPUB is zipped while the PDF prints. */
export interface Published {
  paths: string[];
  /** Where the contents' targets printed, when a PDF was made. */
  pages: PageNumbers | null;
}

export async function publish(request: PublishRequest): Promise<Published> {
  await ensureDirectory(request.outDir);
  const printed = request.formats.includes('pdf') ? printRoute(request) : null;
  printed?.catch(() => undefined);
  const paths = await Promise.all(
    request.formats.map(async (format) => {
      const data = await produce(format, request, printed);
      const path = outputPath(request.outDir, format);
      await writeAtomic(path, data);
      request.onWritten?.(format, path, typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
      return path;
    }),
  );
  return { paths, pages: printed ? (await printed).pages : null };
}
