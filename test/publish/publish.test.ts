// The publish stage on a hand-made brief: real Chromium, real epub-gen-memory, real epubcheck.
import { mkdir, mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../pipeline/render/index.js';
import { loadTheme, type LoadedTheme } from '../../pipeline/publish/theme.js';
import { publish } from '../../pipeline/publish/index.js';
import { resolveBrowser } from '../../pipeline/publish/browser.js';
import { ChromiumSession, DEFAULT_PRINT, printPdf } from '../../pipeline/publish/pdf.js';
import { writeAtomic } from '../../pipeline/publish/files.js';
import { briefOf, sourceOf } from '../support/brief.js';
import { flat, readPdf } from '../support/pdf.js';
import { epubcheck } from '../support/epubcheck.js';

const brief = briefOf(
  [
    sourceOf('storm', 'Hurricane nears the coast', ['The storm strengthened overnight. Forecasters expect landfall on Friday.', '## Evacuations', 'Officials ordered coastal towns to evacuate.']),
    sourceOf('rates', 'Central bank holds rates', ['The bank left its rate at 4.5 percent. Markets had expected a cut.']),
  ],
  {
    title: 'Storm & rates: week 12',
    marking: 'OFFICIAL',
    bluf: [{ text: 'The storm strengthened overnight.', evidence: ['storm:s1'] }],
    signposts: [{ text: 'Forecasters expect landfall on Friday.', evidence: ['storm:s2'] }],
  },
);

let theme: LoadedTheme;
let chromium: ChromiumSession;
let out: string;

beforeAll(async () => {
  theme = await loadTheme('templates');
  chromium = new ChromiumSession(resolveBrowser());
  out = await mkdtemp(join(tmpdir(), 'briefpack-publish-'));
});
afterAll(async () => {
  await chromium?.close();
  await rm(out, { recursive: true, force: true });
});

describe('publish', () => {
  it('writes a PDF with the pack, its bookmarks and a running footer', async () => {
    const rendered = render(brief, theme.theme);
    await publish({ brief, rendered, formats: ['pdf', 'json', 'html'], outDir: out, epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT });
    const pdf = await readPdf(join(out, 'briefing.pdf'));
    const text = flat(pdf.pages.join(' '));
    expect(text).toContain('Storm & rates: week 12');
    expect(text).toContain('Hurricane nears the coast');
    expect(text).toContain('Officials ordered coastal towns to evacuate.');
    const titles = pdf.outline.map((b) => b.title);
    expect(titles).toEqual(expect.arrayContaining(['Bottom line up front', 'Scenarios', 'Source articles']));
    const articles = pdf.outline.find((b) => b.title === 'Source articles');
    expect(articles?.children.map((b) => b.title.replace(/^\[\d+\]\s*/, ''))).toEqual(['Hurricane nears the coast', 'Central bank holds rates']);
    // Every page but the cover carries the page number and the marking.
    for (const page of pdf.pages.slice(1)) {
      expect(flat(page)).toMatch(new RegExp(`Page \\d+ of ${pdf.pages.length}`));
      expect(page).toContain('OFFICIAL');
    }
    expect(pdf.pages[0]).not.toMatch(/Page 1 of/);
  });

  it('numbers the contents right even when the page numbers it was given are wrong', async () => {
    const rendered = render(brief, theme.theme);
    const dir = join(out, 'known');
    const first = await publish({ brief, rendered, formats: ['pdf'], outDir: dir, epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT });
    expect(first.pages?.['bottom-line']).toBe(3);
    const wrong = Object.fromEntries(Object.keys(first.pages ?? {}).map((id) => [id, 99]));
    const again = await publish({ brief, rendered, formats: ['pdf'], outDir: dir, epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT, knownPages: wrong });
    expect(again.pages).toEqual(first.pages);
    const contents = flat((await readPdf(join(dir, 'briefing.pdf'))).pages[1] ?? '');
    expect(contents).toMatch(/Bottom line up front\s*3\b/);
    expect(contents).not.toContain('99');
  });

  it('writes an EPUB that epubcheck passes with no error and no warning', async () => {
    const rendered = render(brief, theme.theme);
    await publish({ brief, rendered, formats: ['epub'], outDir: out, epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT });
    const result = await epubcheck(join(out, 'briefing.epub'));
    expect(result.messages).toEqual([]);
    expect(result.errors + result.warnings).toBe(0);
  });

  it('makes the same EPUB twice from the same brief', async () => {
    const rendered = render(brief, theme.theme);
    const a = join(out, 'a');
    const b = join(out, 'b');
    for (const dir of [a, b]) {
      await publish({ brief, rendered, formats: ['epub'], outDir: dir, epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT });
    }
    expect(Buffer.compare(await readFile(join(a, 'briefing.epub')), await readFile(join(b, 'briefing.epub')))).toBe(0);
  });

  it('lets the printed page load nothing from outside', async () => {
    const html =
      '<html><body><img src="http://127.0.0.1:9/x.png"><iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object><p>text</p></body></html>';
    const { pdf, blocked } = await chromium.use((browser) => printPdf(browser, html));
    expect(blocked).toContain('http://127.0.0.1:9/x.png');
    const path = join(out, 'hostile.pdf');
    await writeFile(path, pdf);
    const text = (await readPdf(path)).pages.join(' ');
    expect(text).toContain('text');
    expect(text).not.toMatch(/root:.*:0:0:/);
  });
});

describe('ChromiumSession', () => {
  it('relaunches Chromium once when it dies under a job, and the job still succeeds', async () => {
    const session = new ChromiumSession(resolveBrowser());
    try {
      let attempts = 0;
      const pdf = await session.use(async (browser) => {
        attempts++;
        // The first attempt loses its browser mid-job, as a crash would; the job goes on once the
        // session can know it, when puppeteer has seen the connection drop.
        if (attempts === 1) {
          const gone = new Promise((resolve) => browser.once('disconnected', resolve));
          browser.process()?.kill('SIGKILL');
          await gone;
        }
        return (await printPdf(browser, '<p>after the crash</p>')).pdf;
      });
      expect(attempts).toBe(2);
      expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await session.close();
    }
  });
});

describe('writeAtomic', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const path = join(out, 'atomic.txt');
    await writeFile(path, 'old');
    await writeAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous file when the write fails', async () => {
    const path = join(out, 'keep.txt');
    await writeFile(path, 'previous');
    // A folder where the temporary file would go makes the write fail: the target must stay as it was.
    const blocker = join(out, `.keep.txt.${process.pid}.tmp`);
    await mkdir(blocker);
    try {
      await expect(writeAtomic(path, 'new')).rejects.toThrow(`Having trouble writing ${path}: illegal operation on a directory (EISDIR)`);
      expect(await readFile(path, 'utf8')).toBe('previous');
    } finally {
      await rm(blocker, { recursive: true, force: true });
    }
  });
});
