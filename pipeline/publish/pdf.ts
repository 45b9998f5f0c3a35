// Chromium for the build: launched once, early, and closed on every way out; its pages can reach
// nothing but themselves. A crash gets one relaunch and one retry.
import type { Browser, HTTPRequest, Page, PaperFormat } from 'puppeteer';

export interface PrintOptions {
  format: PaperFormat;
  /** Milliseconds for loading a page, and again for printing it. */
  timeout: number;
}

export const DEFAULT_PRINT: PrintOptions = { format: 'a4', timeout: 60_000 };
export const DEFAULT_LAUNCH_TIMEOUT = 30_000;

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

export async function launchBrowser(executablePath: string, timeout = DEFAULT_LAUNCH_TIMEOUT): Promise<Browser> {
  // Loaded here, not at start-up: only the routes that need a browser pay for puppeteer.
  // puppeteer kills Chromium itself on SIGINT, SIGTERM and SIGHUP before the process exits.
  const { launch } = await import('puppeteer');
  return launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout, pipe: true });
}

/** One browser per build, shared by every print; relaunched once if it dies under a job. */
export class ChromiumSession {
  #browser: Promise<Browser>;
  #relaunched = false;

  constructor(
    private readonly executable: Promise<string>,
    private readonly launchTimeout = DEFAULT_LAUNCH_TIMEOUT,
  ) {
    this.#browser = this.#launch();
    this.#browser.catch(() => undefined);
  }

  #launch(): Promise<Browser> {
    return this.executable.then((path) => launchBrowser(path, this.launchTimeout));
  }

  async use<T>(job: (browser: Browser) => Promise<T>): Promise<T> {
    const browser = await this.#browser;
    try {
      return await job(browser);
    } catch (error) {
      if (browser.connected || this.#relaunched) throw error;
      this.#relaunched = true;
      this.#browser = this.#launch();
      return job(await this.#browser);
    }
  }

  async close(): Promise<void> {
    const browser = await this.#browser.catch(() => null);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
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

/** A page with scripts off, the network offline, and every outside request refused and recorded. */
async function withGuardedPage<T>(
  browser: Browser,
  html: string,
  timeout: number,
  work: (page: Page) => Promise<T>,
  viewport?: { width: number; height: number },
) {
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    if (viewport) await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
    await page.setJavaScriptEnabled(false);
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', guardRequest(blocked));
    await page.setContent(html, { waitUntil: 'load', timeout });
    return { result: await work(page), blocked };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused. */
  blocked: string[];
}

/** Prints the page: tagged and with bookmarks unless `draft`, a print made only to see where things land. */
export async function printPdf(browser: Browser, html: string, options: PrintOptions = DEFAULT_PRINT, draft = false): Promise<PrintResult> {
  const { result, blocked } = await withGuardedPage(browser, html, options.timeout, (page) =>
    page.pdf({ format: options.format, printBackground: true, tagged: !draft, outline: !draft, timeout: options.timeout }),
  );
  return { pdf: result, blocked };
}

/** A picture of a page (the EPUB's cover), under the same guard as the print. */
export async function screenshot(browser: Browser, html: string, size: { width: number; height: number }, timeout = DEFAULT_PRINT.timeout): Promise<Uint8Array> {
  const { result } = await withGuardedPage(browser, html, timeout, (page) => page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } }), size);
  return result;
}
