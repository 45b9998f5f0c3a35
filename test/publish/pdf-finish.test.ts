// Finishing Chromium's PDF with pdf-lib: the document's metadata, language and dates, a trailer ID
// from the pack's identity, a plain cross-reference table, and bookmark titles mended back to the
// heading texts (Chromium drops the space where a heading wrapped and doubles some headings).
// The PDFs are made with pdf-lib shaped like Chromium's (an /Outlines tree of items with /Title,
// /Parent, /Next, /First, /Last, /Count and /Dest); they are read back with pdfjs, as a viewer would.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { finishPdf, loadPdf, type PdfInfo } from '../../pipeline/publish/pdf-finish.js';
import { readPdf, type Bookmark } from '../support/pdf.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-pdf-finish-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A bookmark as Chromium wrote it; `title: null` is an item with no /Title at all. */
interface Item {
  title: string | null;
  children?: Item[];
}

const CHROMIUM_PRODUCER = 'Skia/PDF m156';
const CHROMIUM_DATE = new Date('2026-03-01T09:30:00Z');

/** A three-page PDF with Chromium's own metadata and, unless `items` is null, an outline. */
async function chromiumLike(items: Item[] | null): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  for (let n = 0; n < 3; n++) document.addPage([595.28, 841.89]).drawText(`page ${n + 1}`, { x: 50, y: 780, size: 12 });
  document.setProducer(CHROMIUM_PRODUCER);
  document.setCreator('Chromium');
  document.setCreationDate(CHROMIUM_DATE);
  document.setModificationDate(CHROMIUM_DATE);
  if (items) {
    const { context } = document;
    const page = document.getPages()[0]!.ref;
    const root = context.register(context.obj({ Type: 'Outlines' }));
    const build = (parent: PDFRef, list: Item[]): { first: PDFRef; last: PDFRef; count: number } => {
      const refs = list.map(() => context.nextRef());
      let count = list.length;
      list.forEach((item, i) => {
        const dict = context.obj({ Parent: parent, Dest: [page, 'XYZ', 6, 800, 0] }) as PDFDict;
        if (item.title !== null) dict.set(PDFName.of('Title'), PDFString.of(item.title));
        if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
        if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
        if (item.children?.length) {
          const below = build(refs[i]!, item.children);
          dict.set(PDFName.of('First'), below.first);
          dict.set(PDFName.of('Last'), below.last);
          dict.set(PDFName.of('Count'), context.obj(below.count));
          count += below.count;
        }
        context.assign(refs[i]!, dict);
      });
      return { first: refs[0]!, last: refs[refs.length - 1]!, count };
    };
    if (items.length > 0) {
      const top = build(root, items);
      const outlines = context.lookup(root, PDFDict);
      outlines.set(PDFName.of('First'), top.first);
      outlines.set(PDFName.of('Last'), top.last);
      outlines.set(PDFName.of('Count'), context.obj(top.count));
    }
    document.catalog.set(PDFName.of('Outlines'), root);
  }
  return document.save({ useObjectStreams: false });
}

const INFO: PdfInfo = {
  title: 'Storm & rates: week 12',
  author: 'briefpack',
  subject: 'Briefing pack from 2 source articles',
  keywords: ['Landfall on Friday; Central bank'],
  lang: 'en-GB',
  date: new Date('2026-03-14T08:00:00Z'),
  headings: [],
  identity: 'sha256:0f3c9a',
};

let printed = 0;
async function finished(items: Item[] | null, info: Partial<PdfInfo> = {}): Promise<{ bytes: Uint8Array; path: string }> {
  const bytes = await finishPdf(await loadPdf(await chromiumLike(items)), { ...INFO, ...info });
  const path = join(dir, `finished-${++printed}.pdf`);
  await writeFile(path, bytes);
  return { bytes, path };
}

const titles = (bookmarks: Bookmark[]): unknown[] => bookmarks.map((b) => (b.children.length > 0 ? [b.title, titles(b.children)] : b.title));

describe('finishPdf metadata', () => {
  it('writes the pack’s title, author, subject, keywords, tools and dates in the document information', async () => {
    const { path } = await finished([{ title: 'Contents' }]);
    const { info } = await readPdf(path);
    expect(info).toMatchObject({
      Title: 'Storm & rates: week 12',
      Author: 'briefpack',
      Subject: 'Briefing pack from 2 source articles',
      Keywords: 'Landfall on Friday; Central bank',
      Creator: 'briefpack',
      Producer: 'briefpack (Chromium, pdf-lib)',
    });
    expect(info.CreationDate).toMatch(/^D:20260314080000/);
    expect(info.ModDate).toMatch(/^D:20260314080000/);
  });

  it('declares the language and asks viewers to show the title, not the file name', async () => {
    const { bytes } = await finished(null);
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString, PDFHexString).decodeText()).toBe('en-GB');
    const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.lookup(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
  });

  it('stamps a trailer ID made from the identity, so the same pack is the same file', async () => {
    const a = await finished([{ title: 'Contents' }]);
    const b = await finished([{ title: 'Contents' }]);
    const other = await finished([{ title: 'Contents' }], { identity: 'sha256:77aa01' });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const id = (bytes: Uint8Array) => {
      const trailer = PDFDocument.load(bytes, { updateMetadata: false }).then((d) => d.context.trailerInfo.ID);
      return trailer.then((value) => (value instanceof PDFArray ? value.asArray().map((v) => (v as PDFHexString).asString()) : value));
    };
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    expect(await id(a.bytes)).toEqual([md5('sha256:0f3c9a'), md5('sha256:0f3c9a')]);
    expect(await id(other.bytes)).toEqual([md5('sha256:77aa01'), md5('sha256:77aa01')]);
  });

  it('writes a plain cross-reference table, no object streams', async () => {
    const { bytes } = await finished([{ title: 'Contents', children: [{ title: 'Sources' }] }]);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toContain('/ObjStm');
    expect(text).not.toContain('/XRef');
    expect(text).toMatch(/\nxref\n0 \d+\n/);
    expect(text).toMatch(/\ntrailer\n/);
  });

  it('finishes a PDF that has no outline', async () => {
    const { path } = await finished(null);
    const pdf = await readPdf(path);
    expect(pdf.outline).toEqual([]);
    expect(pdf.info.Title).toBe('Storm & rates: week 12');
    expect(pdf.pages.map((p) => p.trim())).toEqual(['page 1', 'page 2', 'page 3']);
  });
});

describe('loadPdf', () => {
  it('parses a PDF without touching its metadata', async () => {
    const document = await loadPdf(await chromiumLike(null));
    expect(document.getProducer()).toBe(CHROMIUM_PRODUCER);
    expect(document.getCreator()).toBe('Chromium');
    expect(document.getModificationDate()).toEqual(CHROMIUM_DATE);
    expect(document.getPageCount()).toBe(3);
  });
});

describe('finishPdf bookmarks', () => {
  test.each<{ what: string; headings: string[]; outline: Item[]; expected: unknown[] }>([
    {
      what: 'puts back the space lost where a heading wrapped',
      headings: ['Storm & rates: week 12', 'Hurricane nears the coast'],
      outline: [{ title: 'Storm & rates: week12' }, { title: 'Hurricane nearsthe coast' }],
      expected: ['Storm & rates: week 12', 'Hurricane nears the coast'],
    },
    {
      what: 'undoes a heading printed twice',
      headings: ['Contents', 'Scenarios'],
      outline: [{ title: 'Contents' }, { title: 'ScenariosScenarios' }],
      expected: ['Contents', 'Scenarios'],
    },
    {
      what: 'leaves right titles as they are',
      headings: ['Bottom line up front', 'Scenarios'],
      outline: [{ title: 'Bottom line up front' }, { title: 'Scenarios' }],
      expected: ['Bottom line up front', 'Scenarios'],
    },
    {
      what: 'skips headings that have no bookmark, even one with as many letters',
      headings: ['Risks', 'Scope', 'Sources'],
      outline: [{ title: 'Scope' }, { title: 'Sources' }],
      expected: ['Scope', 'Sources'],
    },
    {
      what: 'leaves a bookmark made from no heading alone, and mends the ones after it',
      headings: ['Bottom line up front'],
      outline: [{ title: 'Cover' }, { title: 'Bottom lineup front' }],
      expected: ['Cover', 'Bottom line up front'],
    },
    {
      what: 'matches bookmarks to headings in order, twice the same text included',
      headings: ['Evacuations', 'Market reaction', 'Evacuations'],
      outline: [{ title: 'EvacuationsEvacuations' }, { title: 'Marketreaction' }, { title: 'Evacuations' }],
      expected: ['Evacuations', 'Market reaction', 'Evacuations'],
    },
    {
      what: 'mends nested bookmarks, depth first',
      headings: ['Source articles', 'Hurricane nears the coast', 'Evacuations', 'Central bank holds rates'],
      outline: [
        { title: 'Sourcearticles', children: [{ title: 'Hurricane nears thecoast', children: [{ title: 'EvacuationsEvacuations' }] }, { title: 'Central bankholds rates' }] },
      ],
      expected: [['Source articles', [['Hurricane nears the coast', ['Evacuations']], 'Central bank holds rates']]],
    },
    {
      what: 'lets an empty heading match nothing',
      headings: ['', 'Sources'],
      outline: [{ title: 'Sources' }],
      expected: ['Sources'],
    },
    {
      what: 'keeps bookmarks that run past the last heading',
      headings: ['Contents'],
      outline: [{ title: 'Contents' }, { title: 'Appendix' }, { title: 'Index' }],
      expected: ['Contents', 'Appendix', 'Index'],
    },
  ])('$what', async ({ headings, outline, expected }) => {
    const { path } = await finished(outline, { headings });
    expect(titles((await readPdf(path)).outline)).toEqual(expected);
  });

  it('passes over an item with no title and mends the rest', async () => {
    const { bytes, path } = await finished([{ title: null }, { title: 'Bottom lineup front' }], { headings: ['Bottom line up front'] });
    expect(titles((await readPdf(path)).outline)).toEqual(['', 'Bottom line up front']);
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    const outlines = document.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(document.context.lookup(outlines.get(PDFName.of('First')), PDFDict).has(PDFName.of('Title'))).toBe(false);
  });
});
