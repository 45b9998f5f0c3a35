// publish: rendered pack → files. The only stage that touches the disk, the browser and the zip writer.
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { Brief } from '../model.js';
import type { Rendered } from '../render/index.js';
import { buildEpub, contentIdentifier, type EpubTemplates } from './epub.js';
import { finishPdf, type PdfInfo } from './pdf-finish.js';
import type { FontFile } from './fonts.js';
import { ensureDirectory, writeAtomic } from './files.js';
import { printPdf, type PrintOptions } from './pdf.js';

export const FORMATS = ['pdf', 'epub', 'html', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface PublishRequest {
  brief: Brief;
  rendered: Rendered;
  formats: readonly Format[];
  outDir: string;
  epubTemplates: EpubTemplates;
  fonts: FontFile[];
  /** Resolves to the browser already launching; required when formats include pdf. */
  browser?: Promise<Browser>;
  print: PrintOptions;
  /** Called as each format finishes, for the CLI's stage timings. */
  onWritten?: (format: Format, path: string, bytes: number) => void;
}

export function outputPath(outDir: string, format: Format): string {
  return join(outDir, `briefing.${format}`);
}

async function produce(format: Format, request: PublishRequest): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      // Validated at the boundary: what machines read always matches the contract.
      return `${JSON.stringify(Brief.parse(request.brief), null, 2)}\n`;
    case 'html':
      return request.rendered.html;
    case 'epub':
      return buildEpub(request.brief, request.rendered, request.epubTemplates, request.fonts);
    case 'pdf': {
      if (!request.browser) throw new Error('internal: the PDF route needs a browser');
      const { pdf, blocked } = await printPdf(await request.browser, request.rendered.html, request.print);
      if (blocked.length > 0) throw new Error(`the printed page tried to load ${blocked.length} outside resource(s), first ${blocked[0]}`);
      return finishPdf(pdf, pdfInfo(request.brief, request.rendered));
    }
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
export async function publish(request: PublishRequest): Promise<string[]> {
  await ensureDirectory(request.outDir);
  return Promise.all(
    request.formats.map(async (format) => {
      const data = await produce(format, request);
      const path = outputPath(request.outDir, format);
      await writeAtomic(path, data);
      request.onWritten?.(format, path, typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
      return path;
    }),
  );
}
