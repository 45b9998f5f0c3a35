// The print route: one Chromium per build, a page that can reach nothing but itself.
import type { Browser, HTTPRequest, PaperFormat } from 'puppeteer';

export interface PrintOptions {
  format: PaperFormat;
  /** Milliseconds for loading the page and for printing it. */
  timeout: number;
}

export const DEFAULT_PRINT: PrintOptions = { format: 'a4', timeout: 60_000 };

/** Flags Chromium needs as root in a container, and to stay off a closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

export async function launchBrowser(executablePath: string, timeout = 30_000): Promise<Browser> {
  // Loaded here, not at start-up: only the PDF route pays for puppeteer.
  const { launch } = await import('puppeteer');
  return launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout, pipe: true });
}

/** Only the document itself and inline data may load; every other request is aborted and counted. */
function guardRequest(blocked: string[]) {
  return (request: HTTPRequest): void => {
    const url = request.url();
    if (url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    blocked.push(url);
    void request.abort('blockedbyclient');
  };
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused. */
  blocked: string[];
}

export async function printPdf(browser: Browser, html: string, options: PrintOptions = DEFAULT_PRINT): Promise<PrintResult> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', guardRequest(blocked));
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeout });
    const pdf = await page.pdf({
      format: options.format,
      printBackground: true,
      preferCSSPageSize: false,
      tagged: true,
      outline: true,
      timeout: options.timeout,
    });
    return { pdf, blocked };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** A picture of a page (the EPUB's cover), under the same guard as the print. */
export async function screenshot(browser: Browser, html: string, size: { width: number; height: number }, timeout = DEFAULT_PRINT.timeout): Promise<Uint8Array> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', guardRequest(blocked));
    await page.setViewport({ ...size, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load', timeout });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
  } finally {
    await page.close().catch(() => undefined);
  }
}
