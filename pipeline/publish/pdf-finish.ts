// What Chromium's PDF lacks or gets wrong, mended with pdf-lib: document metadata and language,
// dates from the pack instead of the clock, and bookmark titles that lost their spaces where the
// heading wrapped or came out twice (Chromium 156 joins a wrapped heading's lines without a space,
// and repeats some headings set in a web font).
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds } from 'pdf-lib';
import type { PDFRef } from 'pdf-lib';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** The pack's time, for CreationDate and ModDate. */
  date: Date;
  /** Heading texts in document order, as the bookmarks should read. */
  headings: string[];
  /** What makes this pack this pack (its content identifier): the seed of the trailer ID. */
  identity: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

function decodeTitle(value: unknown): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** Chromium's title for a heading: its letters, sometimes missing the spaces of line wraps, sometimes doubled. */
function madeFrom(title: string, heading: string): boolean {
  const letters = squeeze(heading);
  const got = squeeze(title);
  return letters.length > 0 && got.length % letters.length === 0 && got === letters.repeat(got.length / letters.length);
}

/**
 * Walks the outline depth-first — the order of the headings in the document — and gives each
 * bookmark the text of the heading it was made from.
 */
function mendOutline(document: PDFDocument, headings: string[]): void {
  let next = 0;
  const headingFor = (title: string): string | undefined => {
    for (let i = next; i < headings.length; i++) {
      if (madeFrom(title, headings[i]!)) {
        next = i + 1;
        return headings[i];
      }
    }
    return undefined;
  };
  const visit = (ref: unknown) => {
    for (let item = lookupDict(document, ref); item; item = lookupDict(document, item.get(PDFName.of('Next')))) {
      const title = decodeTitle(item.lookup(PDFName.of('Title')));
      const heading = title === null ? undefined : headingFor(title);
      if (heading !== undefined && heading !== title) item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      visit(item.get(PDFName.of('First')));
    }
  };
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines) visit(outlines.get(PDFName.of('First')));
}

function lookupDict(document: PDFDocument, ref: unknown): PDFDict | undefined {
  if (!ref) return undefined;
  const value = document.context.lookup(ref as PDFRef);
  return value instanceof PDFDict ? value : undefined;
}

/** A trailer ID from the content, so the same pack is the same file. */
function stampIdentifier(document: PDFDocument, seed: string): void {
  const id = PDFHexString.of(createHash('md5').update(seed).digest('hex'));
  document.context.trailerInfo.ID = PDFArray.withContext(document.context);
  (document.context.trailerInfo.ID as PDFArray).push(id);
  (document.context.trailerInfo.ID as PDFArray).push(id);
}

/** Parses a PDF in one go: pdf-lib's default yields to the event loop every hundred objects. */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export async function finishPdf(document: PDFDocument, info: PdfInfo): Promise<Uint8Array> {
  document.setTitle(info.title, { showInWindowTitleBar: true });
  document.setAuthor(info.author);
  document.setSubject(info.subject);
  document.setKeywords(info.keywords);
  document.setCreator('briefpack');
  document.setProducer('briefpack (Chromium, pdf-lib)');
  document.setCreationDate(info.date);
  document.setModificationDate(info.date);
  document.setLanguage(info.lang);
  mendOutline(document, info.headings);
  stampIdentifier(document, info.identity);
  return document.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
