// Chromium for the build (pipeline/publish/pdf.ts): how it is launched, what a print and a screenshot
// come out as (paper size, tags and bookmarks unless a draft, the size asked for), the guard on the
// page (no scripts, nothing from outside, a load that overruns its time fails), and the session that
// relaunches a crashed browser once and always closes it. One shared browser serves the print tests;
// the session tests start their own, since they crash and close them.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { afterAll, describe, expect, it, test } from 'vitest';
import { resolveBrowser } from '../../pipeline/publish/browser.js';
import { loadPdf } from '../../pipeline/publish/pdf-finish.js';
import { ChromiumSession, DEFAULT_PRINT, launchBrowser, printPdf, screenshot } from '../../pipeline/publish/pdf.js';

// Launched by the first test that needs it, so that a launch that fails fails a test.
let shared: Promise<Browser> | undefined;
const browser = () => (shared ??= resolveBrowser().then((path) => launchBrowser(path)));
afterAll(async () => {
  await (await shared?.catch(() => undefined))?.close();
});

const PAGE = `<html lang="en"><head><title>Pack</title></head><body>
  <h1>Storm &amp; rates</h1><p>The storm strengthened overnight.</p>
  <h2>Evacuations</h2><p>Officials ordered coastal towns to evacuate.</p>
</body></html>`;

const millimetres = ({ width, height }: { width: number; height: number }) => ({ width: (width / 72) * 25.4, height: (height / 72) * 25.4 });

/** The text a PDF shows, read with pdfjs. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise;
  try {
    const parts: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return parts.join('\n');
  } finally {
    await document.destroy();
  }
}

/** The RGB fill colours (`r g b rg`) the first page's content paints with. */
async function fillColours(pdf: Uint8Array): Promise<string[]> {
  const document = await loadPdf(pdf);
  const contents = document.getPage(0).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
  const text = streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
  return [...text.matchAll(/([\d.]+ [\d.]+ [\d.]+) rg/g)].map((match) => match[1]!);
}

/** Width, height and the RGB of one pixel of an 8-bit, non-interlaced PNG (what Chromium writes). */
function png(data: Uint8Array) {
  const bytes = Buffer.from(data);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const channels = { 2: 3, 6: 4 }[bytes[25]!] ?? 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const up = rows[y - 1];
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = up ? up[x]! : 0;
      const c = up && x >= channels ? up[x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      row[x] = (row[x]! + predictor) & 0xff;
    }
    rows.push(row);
  }
  const pixel = (x: number, y: number) => [...rows[y]!.subarray(x * channels, x * channels + 3)];
  return { width, height, pixel };
}

describe('launchBrowser', () => {
  it('starts Chromium headless, as a server with no display needs', async () => {
    expect(await (await browser()).userAgent()).toContain('HeadlessChrome');
  });

  // The flags puppeteer does not add itself, each with a job: no sandbox lets Chromium run as root in a
  // container, no GPU keeps it off hardware a server lacks, the component updater and the default-browser
  // check would reach out or stall on a closed network, and no font hinting keeps text metrics the same everywhere.
  test.each([
    '--no-sandbox',
    '--disable-gpu',
    '--disable-component-update',
    '--no-default-browser-check',
    '--font-render-hinting=none',
  ])('runs Chromium with %s', async (flag) => {
    expect((await browser()).process()?.spawnargs).toContain(flag);
  });
});

describe('printPdf', () => {
  it('prints on A4 by default, tagged and with bookmarks', async () => {
    const { pdf, blocked } = await printPdf(await browser(), PAGE);
    expect(blocked).toEqual([]);
    const document = await loadPdf(pdf);
    const { width, height } = millimetres(document.getPage(0).getSize());
    expect(width).toBeCloseTo(210, 0);
    expect(height).toBeCloseTo(297, 0);
    expect(document.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    expect(outlines?.has(PDFName.of('First'))).toBe(true);
    expect(await textOf(pdf)).toContain('Officials ordered coastal towns to evacuate.');
  });

  it('prints a draft untagged and without bookmarks, on the paper asked for', async () => {
    const { pdf } = await printPdf(await browser(), PAGE, { format: 'letter', timeout: 30_000 }, true);
    const document = await loadPdf(pdf);
    const { width, height } = millimetres(document.getPage(0).getSize());
    expect(width).toBeCloseTo(215.9, 0);
    expect(height).toBeCloseTo(279.4, 0);
    expect(document.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);
    expect(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.has(PDFName.of('First')) ?? false).toBe(false);
  });

  it('prints the page’s backgrounds', async () => {
    const html = `<html><body><div style="background: #ff0000; height: 100px">OFFICIAL</div><p style="color: #0000ff">text</p></body></html>`;
    expect(await fillColours((await printPdf(await browser(), html)).pdf)).toEqual(expect.arrayContaining(['1 0 0', '0 0 1']));
  });

  it('runs no script in the page', async () => {
    const html = `<html><body><p id="p">as written</p><script>document.getElementById('p').textContent = 'rewritten by a script';</script></body></html>`;
    const text = await textOf((await printPdf(await browser(), html)).pdf);
    expect(text).toContain('as written');
    expect(text).not.toContain('rewritten');
  });

  it('lets the page load itself and inline data, and refuses and records the rest', async () => {
    const html = `<html><body><img src="about:blank" alt=""><img src="http://127.0.0.1:9/logo.png" alt="">
      <style>@font-face { font-family: Inline; src: url(data:font/woff2;base64,d09GMgABAAAAAA) }</style><p style="font-family: Inline">text</p></body></html>`;
    const { blocked } = await printPdf(await browser(), html);
    expect(blocked).toEqual(['http://127.0.0.1:9/logo.png']);
  });

  it('leaves no page open behind it, whether the work succeeds or fails', async () => {
    const b = await browser();
    const before = (await b.pages()).length;
    await printPdf(b, PAGE);
    await screenshot(b, PAGE, { width: 300, height: 200 });
    await expect(screenshot(b, slowPage(), { width: 300, height: 200 }, 1)).rejects.toThrow();
    expect((await b.pages()).length).toBe(before);
  });
});

/** A page whose load waits on a hundred refused requests, each a round trip to this process. */
const slowPage = () => `<html><body>${Array.from({ length: 100 }, (_, i) => `<img src="http://127.0.0.1:9/${i}.png" alt="">`).join('')}</body></html>`;

describe('screenshot', () => {
  it('gives a PNG of the size asked for, laid out at that width', async () => {
    // Black only where the window is at least 1000 pixels wide; the default window is 800.
    const html = `<html><head><style>html { background: #fff } @media (min-width: 1000px) { html { background: #000 } }</style></head><body></body></html>`;
    const image = png(await screenshot(await browser(), html, { width: 1200, height: 1600 }));
    expect([image.width, image.height]).toEqual([1200, 1600]);
    expect(image.pixel(10, 10)).toEqual([0, 0, 0]);
    expect(image.pixel(1190, 1590)).toEqual([0, 0, 0]);
  });

  it('gives up when the page takes longer to load than its time', async () => {
    await expect(screenshot(await browser(), slowPage(), { width: 300, height: 200 }, 1)).rejects.toThrow(/timeout/i);
  });
});

describe('ChromiumSession', () => {
  it('does not retry a job that fails with its browser still up, and closes Chromium', async () => {
    const session = new ChromiumSession(resolveBrowser());
    let attempts = 0;
    let chromium: Browser | undefined;
    try {
      await expect(
        session.use(async (b) => {
          attempts++;
          chromium = b;
          throw new Error('the theme has no layout');
        }),
      ).rejects.toThrow('the theme has no layout');
      expect(attempts).toBe(1);
    } finally {
      await session.close();
    }
    const process = chromium?.process();
    expect(chromium?.connected).toBe(false);
    expect(process?.exitCode !== null || process?.signalCode !== null).toBe(true);
  });

  it('relaunches only once: a second crash fails its job', async () => {
    const session = new ChromiumSession(resolveBrowser());
    const crash = async (b: Browser) => {
      const gone = new Promise((resolve) => b.once('disconnected', resolve));
      b.process()?.kill('SIGKILL');
      await gone;
    };
    try {
      let attempts = 0;
      const first = await session.use(async (b) => {
        if (++attempts === 1) await crash(b);
        return (await printPdf(b, '<p>after the crash</p>')).pdf;
      });
      expect(attempts).toBe(2);
      expect(Buffer.from(first.slice(0, 5)).toString()).toBe('%PDF-');
      let again = 0;
      await expect(
        session.use(async (b) => {
          if (++again === 1) await crash(b);
          return (await printPdf(b, '<p>after the second crash</p>')).pdf;
        }),
      ).rejects.toThrow();
      expect(again).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('reports a browser that would not start, and closes without one', async () => {
    const session = new ChromiumSession(Promise.resolve('/nonexistent/chromium'), 5_000);
    await expect(session.use(async () => 'never')).rejects.toThrow();
    await expect(session.close()).resolves.toBeUndefined();
  });

  it('kills Chromium when it will not close', async () => {
    const session = new ChromiumSession(resolveBrowser());
    const chromium = await session.use(async (b) => b);
    const process = chromium.process()!;
    const close = chromium.close.bind(chromium);
    chromium.close = () => Promise.reject(new Error('Protocol error: Browser.close timed out'));
    try {
      await session.close();
      expect(process.killed).toBe(true);
    } finally {
      if (!process.killed) await close();
    }
  });
});
