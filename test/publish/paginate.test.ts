// Page numbers for the contents: where Chromium's named destinations land (destinationPages), and the
// print loop that repeats until the numbers printed agree with where the targets fell (paginate).
// The PDFs are built with pdf-lib the way Chromium writes them (a /Dests dictionary in the catalog,
// each name an explicit destination [page /XYZ x y zoom]); one test reads a real Chromium print.
import { PDFDocument, PDFName, type PDFContext, type PDFRef } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, describe, expect, it, test } from 'vitest';
import { destinationPages, paginate, type PrintKind } from '../../pipeline/publish/paginate.js';
import { loadPdf } from '../../pipeline/publish/pdf-finish.js';
import { launchBrowser, printPdf } from '../../pipeline/publish/pdf.js';
import { resolveBrowser } from '../../pipeline/publish/browser.js';
import type { PageNumbers } from '../../pipeline/render/index.js';

/** A PDF of `pageCount` pages whose named destinations are built by `dests` from the page refs. */
async function pdfWithDests(pageCount: number, dests: ((pages: PDFRef[], context: PDFContext) => Record<string, unknown>) | null): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let n = 0; n < pageCount; n++) document.addPage([595.28, 841.89]);
  const refs = document.getPages().map((page) => page.ref);
  if (dests) document.catalog.set(PDFName.of('Dests'), document.context.obj(dests(refs, document.context) as never));
  return document.save();
}

/** Chromium's form: an array [page /XYZ left top zoom]. */
const at = (page: PDFRef) => [page, 'XYZ', 6, 800, 0];

/** A print whose targets land on the given pages (1-based), as Chromium would write it. */
const landing = (pages: PageNumbers) =>
  pdfWithDests(Math.max(1, ...Object.values(pages)), (refs) => Object.fromEntries(Object.entries(pages).map(([id, page]) => [id, at(refs[page - 1]!)])));

describe('destinationPages', () => {
  it('gives the 1-based page of every named destination', async () => {
    const pdf = await landing({ contents: 2, 'bottom-line': 3, 'source-1': 5, 'source-2': 5 });
    expect(destinationPages(await loadPdf(pdf))).toStrictEqual({ contents: 2, 'bottom-line': 3, 'source-1': 5, 'source-2': 5 });
  });

  it('reads a PDF without named destinations as none', async () => {
    expect(destinationPages(await loadPdf(await pdfWithDests(3, null)))).toStrictEqual({});
  });

  it('reads a destination given as a dictionary whose /D holds the array', async () => {
    const pdf = await pdfWithDests(3, (refs) => ({ scenarios: { D: at(refs[2]!) }, risks: at(refs[1]!) }));
    expect(destinationPages(await loadPdf(pdf))).toStrictEqual({ scenarios: 3, risks: 2 });
  });

  it('leaves out destinations that point at no page of the document', async () => {
    // A page given by number (a remote go-to's form), and a reference to an object that is no page.
    const pdf = await pdfWithDests(2, (refs, context) => ({
      remote: [0, 'Fit'],
      annotation: [context.register(context.obj({ Type: 'Annot', Subtype: 'Link' })), 'Fit'],
      kept: at(refs[1]!),
    }));
    const pages = destinationPages(await loadPdf(pdf));
    expect(pages).toStrictEqual({ kept: 2 });
    expect(Object.keys(pages)).toEqual(['kept']);
  });

  it('decodes names that PDF had to escape', async () => {
    // Parentheses and slashes are delimiters in a PDF name: they are written as #28, #29, #2F.
    const pdf = await landing({ 'note(1)': 1, 'a/b': 1, plain: 1 });
    expect(destinationPages(await loadPdf(pdf))).toStrictEqual({ 'note(1)': 1, 'a/b': 1, plain: 1 });
  });
});

describe('destinationPages on a real print', () => {
  let browser: Promise<Browser> | undefined;
  afterAll(async () => {
    await (await browser)?.close();
  });

  it('finds each linked heading on the page Chromium printed it on, escaped names included', async () => {
    browser ??= resolveBrowser().then((path) => launchBrowser(path));
    const html = `<html><body>
      <nav><a href="#first">First</a> <a href="#note(2)">Note</a> <a href="#third">Third</a></nav>
      <h1 id="first">First</h1>
      <h1 id="note(2)" style="break-before: page">Note</h1>
      <h1 id="third" style="break-before: page">Third</h1>
    </body></html>`;
    const { pdf } = await printPdf(await browser, html, { format: 'a4', timeout: 30_000 }, true);
    expect(destinationPages(await loadPdf(pdf))).toStrictEqual({ first: 1, 'note(2)': 2, third: 3 });
  });
});

/**
 * A print that returns, one call after the other, PDFs whose targets land as `landings` says, and
 * records what it was asked to print. It refuses to print more than the list holds.
 */
function printer(landings: PageNumbers[]) {
  const calls: { html: string; kind: PrintKind }[] = [];
  const print = async (html: string, kind: PrintKind) => {
    const next = landings[calls.length];
    calls.push({ html, kind });
    if (!next) throw new Error(`printed ${calls.length} times, more than the test expected`);
    return landing(next);
  };
  return { print, calls };
}

/** The contents, numbered: what the renderer's paginate() would make of the page numbers. */
const numbered = (pages: PageNumbers) => `<nav>${Object.entries(pages).map(([id, page]) => `<a href="#${id}">${id} ${page}</a>`).join('')}</nav>`;
const FIRST = numbered({});

describe('paginate', () => {
  it('prints a draft, then the numbered print, and stops when the numbers held', async () => {
    const pages = { contents: 2, 'bottom-line': 3, 'source-1': 4 };
    const { print, calls } = printer([pages, pages]);
    const result = await paginate(print, FIRST, numbered);
    expect(calls).toEqual([
      { html: FIRST, kind: 'draft' },
      { html: numbered(pages), kind: 'final' },
    ]);
    expect(result.prints).toBe(2);
    expect(result.html).toBe(numbered(pages));
    expect(result.pages).toStrictEqual(pages);
    expect(destinationPages(result.document)).toStrictEqual(pages);
  });

  it('skips the draft when the page numbers are known and right', async () => {
    const pages = { contents: 2, 'bottom-line': 3 };
    const { print, calls } = printer([pages]);
    const result = await paginate(print, FIRST, numbered, pages);
    expect(calls).toEqual([{ html: numbered(pages), kind: 'final' }]);
    expect(result.prints).toBe(1);
    expect(result.pages).toStrictEqual(pages);
  });

  test.each<{ what: string; landings: PageNumbers[] }>([
    {
      what: 'one target of several moved',
      landings: [
        { contents: 2, 'bottom-line': 3, 'source-1': 5 },
        { contents: 2, 'bottom-line': 3, 'source-1': 6 },
        { contents: 2, 'bottom-line': 3, 'source-1': 6 },
      ],
    },
    {
      what: 'a target printed only once the numbers were in',
      landings: [{ contents: 2 }, { contents: 2, 'source-1': 4 }, { contents: 2, 'source-1': 4 }],
    },
    {
      what: 'a target gone from the numbered print',
      landings: [{ contents: 2, 'source-1': 4 }, { contents: 2 }, { contents: 2 }],
    },
  ])('prints again when $what, and stops once the numbers hold', async ({ landings }) => {
    const { print, calls } = printer(landings);
    const result = await paginate(print, FIRST, numbered);
    expect(calls.map((c) => c.kind)).toEqual(['draft', 'final', 'final']);
    expect(calls[2]!.html).toBe(numbered(landings[1]!));
    expect(result.prints).toBe(3);
    expect(result.html).toBe(numbered(landings[2]!));
    expect(result.pages).toStrictEqual(landings[2]);
  });

  it('rechecks known page numbers that turn out wrong', async () => {
    const right = { contents: 2, 'bottom-line': 3 };
    const { print, calls } = printer([right, right]);
    const result = await paginate(print, FIRST, numbered, { contents: 2, 'bottom-line': 99 });
    expect(calls.map((c) => c.kind)).toEqual(['final', 'final']);
    expect(result.prints).toBe(2);
    expect(result.html).toBe(numbered(right));
  });

  it('gives up after four prints when the numbers never settle, keeping the last print', async () => {
    const a = { contents: 2, 'source-1': 4 };
    const b = { contents: 2, 'source-1': 5 };
    const { print, calls } = printer([a, b, a, b, a, b]);
    const result = await paginate(print, FIRST, numbered);
    expect(calls.map((c) => c.kind)).toEqual(['draft', 'final', 'final', 'final']);
    expect(result.prints).toBe(4);
    expect(result.html).toBe(numbered(a));
    expect(result.pages).toStrictEqual(b);
  });

  it('gives up after four prints from known numbers too', async () => {
    const a = { contents: 2, 'source-1': 4 };
    const b = { contents: 2, 'source-1': 5 };
    const { print, calls } = printer([a, b, a, b, a, b]);
    const result = await paginate(print, FIRST, numbered, b);
    expect(calls.map((c) => c.kind)).toEqual(['final', 'final', 'final', 'final']);
    expect(result.prints).toBe(4);
    expect(result.pages).toStrictEqual(b);
  });
});
