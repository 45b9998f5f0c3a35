// The EPUB writer (publish/epub.ts) read back entry by entry, which Chromium the build picks
// (publish/browser.ts), and what publish() writes for each format and reports as it goes
// (publish/index.ts): the JSON and HTML files, the PDF's metadata, the draft print, the guard
// against outside resources, and the missing-browser errors. One Chromium for the whole file.
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync, inflateRawSync } from 'node:zlib';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it, test, vi } from 'vitest';
import { optionsDefaults } from 'epub-gen-memory';
import { render, type Rendered } from '../../pipeline/render/index.js';
import { loadTheme, type LoadedTheme } from '../../pipeline/publish/theme.js';
import { buildEpub, toXhtml, type EpubTemplates } from '../../pipeline/publish/epub.js';
import { BrowserNotFoundError, resolveBrowser } from '../../pipeline/publish/browser.js';
import { publish, type Format } from '../../pipeline/publish/index.js';
import { ChromiumSession, DEFAULT_PRINT } from '../../pipeline/publish/pdf.js';
import { Brief } from '../../pipeline/model.js';
import { briefOf, sourceOf } from '../support/brief.js';
import { readPdf } from '../support/pdf.js';

// puppeteer reads its cache folder once, when it loads: point it at an empty folder of our own
// before anything loads it, so "no browser anywhere" does not depend on this machine's cache.
const puppeteerCacheDir = mkdtempSync(join(tmpdir(), 'briefpack-puppeteer-cache-'));
const previousCacheDir = process.env.PUPPETEER_CACHE_DIR;
process.env.PUPPETEER_CACHE_DIR = puppeteerCacheDir;

const GENERATED_AT = '2025-03-03T09:30:12.000Z';

const storm = sourceOf('storm', 'Hurricane nears the coast', [
  'The storm strengthened overnight. Forecasters expect landfall on Friday.',
  '## Evacuations',
  'Officials ordered coastal towns to evacuate. Shipping lines warned of delays.',
]);
const rates = sourceOf('rates', 'Central bank holds rates in Zürich', ['The bank left its rate at 4.5 percent. Markets had expected a cut.']);

const actor = (name: string, kind: 'person' | 'organization' | 'place') => ({ name, kind, role: null, mentions: 2, sources: ['storm'], evidence: ['storm:s1'] });

/** A pack with two scenarios, a risk (so a risk matrix, an inline SVG) and six actors. */
const brief = briefOf([storm, rates], {
  title: 'Storm and rates: week 12',
  generatedAt: GENERATED_AT,
  bluf: [{ text: 'The storm strengthened overnight.', evidence: ['storm:s1'] }],
  scenarios: [
    { id: 'sc-0123456789', title: 'Landfall on Friday', summary: 'The storm reaches the coast.', sources: ['storm'], evidence: ['storm:s2'], riskIds: ['rk-abcdef0123'], confidence: 'low' },
    { id: 'sc-9876543210', title: 'Rates stay put', summary: 'The bank holds again.', sources: ['rates'], evidence: ['rates:s1'], riskIds: [], confidence: 'low' },
  ],
  risks: [
    {
      id: 'rk-abcdef0123',
      statement: 'Shipping lines warned of delays.',
      scenarioIds: ['sc-0123456789'],
      likelihood: { term: 'roughly even chance', band: '45–55 %', cue: 'could' },
      impact: 'medium',
      score: 8,
      evidence: ['storm:s5'],
      sources: ['storm'],
    },
  ],
  actors: [
    actor('National Hurricane Center', 'organization'),
    actor('Miami', 'place'),
    actor('Ana Ortiz', 'person'),
    actor('Coast Guard', 'organization'),
    actor('Key West', 'place'),
    actor('Sixth Actor Left Out', 'person'),
  ],
});
const KEYWORDS = 'Landfall on Friday; Rates stay put; National Hurricane Center; Miami; Ana Ortiz; Coast Guard; Key West';

let theme: LoadedTheme;
let rendered: Rendered;
let out: string;

beforeAll(async () => {
  theme = await loadTheme('templates');
  rendered = render(brief, theme.theme);
  out = await mkdtemp(join(tmpdir(), 'briefpack-epub-browser-'));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
  rmSync(puppeteerCacheDir, { recursive: true, force: true });
  if (previousCacheDir === undefined) delete process.env.PUPPETEER_CACHE_DIR;
  else process.env.PUPPETEER_CACHE_DIR = previousCacheDir;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A real PNG (a 2 × 2 grey square), built by hand: signature, IHDR, IDAT, IEND. */
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.from([0, 128, 128, 0, 128, 128]);
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
  );
}

interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's MS-DOS time stamp, read back as UTC (JSZip writes UTC). */
  date: Date;
  size: number;
  /** The entry's bytes, inflated when they were deflated. */
  data: Uint8Array;
}

/** The archive's entries as its central directory lists them, read without a zip library. */
function zipEntries(zip: Uint8Array): Map<string, ZipEntry> {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = view.length - 22;
  while (end >= 0 && view.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory: not a zip');
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (view.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = view.readUInt16LE(at + 10);
    const time = view.readUInt16LE(at + 12);
    const day = view.readUInt16LE(at + 14);
    const compressedSize = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    const name = view.toString('utf8', at + 46, at + 46 + nameLength);
    const date = new Date(Date.UTC((day >> 9) + 1980, ((day >> 5) & 15) - 1, day & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2));
    const dataStart = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    const raw = view.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, { method, date, size, data: new Uint8Array(method === 8 ? inflateRawSync(raw) : raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const text = (entry: ZipEntry | undefined) => Buffer.from(entry?.data ?? []).toString('utf8');

/** What the chapter template put between <body> and </body>. */
function body(xhtml: string): string {
  return (/<body>([\s\S]*)<\/body>/.exec(xhtml)?.[1] ?? '').trim();
}

describe('toXhtml', () => {
  test.each([
    ['keeps SVG attributes and their case', '<svg viewBox="0 0 10 10" role="img"><rect x="1" y="2" width="4" height="4" fill="#c00"></rect></svg>', [/<svg[^>]* viewBox="0 0 10 10"/, /<rect[^>]* x="1" y="2" width="4" height="4" fill="#c00"/]],
    ['keeps scope on table headers', '<table><tr><th scope="col">Risk</th></tr></table>', [/<th scope="col">Risk<\/th>/]],
    ['closes void elements', '<p>one<br>two</p><hr>', [/one<br(\s*\/>|><\/br>)two/, /<hr[^>]*(\/>|><\/hr>)/]],
    ['escapes what XML cannot hold raw', '<p>Storm &amp; rates &lt; 5</p>', [/Storm &#x26; rates &#x3C; 5|Storm &amp; rates &lt; 5/]],
  ])('%s', (_, html, patterns) => {
    const xhtml = toXhtml(html);
    expect(typeof xhtml).toBe('string');
    for (const pattern of patterns) expect(xhtml).toMatch(pattern);
    // Every element closed: no bare <br> or <hr> as HTML writes them.
    expect(xhtml).not.toMatch(/<(br|hr)[^>]*>(?!<\/\1>)/);
  });
});

describe('buildEpub', () => {
  const cover = png();
  const build = (templates: EpubTemplates = theme.epub) => buildEpub(brief, rendered, { templates, fonts: theme.fonts, cover });

  it('writes every chapter as the XHTML of its rendered content', async () => {
    const entries = zipEntries(await build());
    expect(rendered.epub.chapters.length).toBeGreaterThan(3);
    for (const chapter of rendered.epub.chapters) {
      const file = entries.get(`OEBPS/${chapter.filename}`);
      expect(file, chapter.filename).toBeDefined();
      expect(body(text(file))).toBe(toXhtml(chapter.content).trim());
    }
  });

  it('adds no titles or numbers of its own, even with templates that offer them', async () => {
    // epub-gen-memory's stock chapter and NCX templates prepend chapter titles and number the
    // chapters when asked: the pack's chapters carry their own headings, and the contents no numbers.
    const stock = optionsDefaults(3);
    if (!stock.chapterXHTML || !stock.tocNCX) throw new Error('epub-gen-memory has no stock templates');
    const entries = zipEntries(await build({ ...theme.epub, chapterXHTML: stock.chapterXHTML, tocNCX: stock.tocNCX }));
    for (const chapter of rendered.epub.chapters) {
      expect(body(text(entries.get(`OEBPS/${chapter.filename}`)))).toBe(toXhtml(chapter.content).trim());
    }
    const labels = [...text(entries.get('OEBPS/toc.ncx')).matchAll(/<navLabel>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.trim());
    const listed = rendered.epub.chapters.filter((c) => !c.excludeFromToc);
    expect(labels).toEqual(expect.arrayContaining(listed.map((c) => c.title.replace(/&/g, '&amp;'))));
    expect(labels.filter((label) => /^\d+\.\s/.test(label))).toEqual([]);
  });

  it('stores the fonts and the cover as given, without deflating them again', async () => {
    const entries = zipEntries(await build());
    expect(theme.fonts.length).toBeGreaterThan(0);
    for (const font of theme.fonts) {
      const entry = entries.get(`OEBPS/fonts/${font.filename}`);
      expect(entry?.method, font.filename).toBe(0);
      expect(Buffer.compare(Buffer.from(entry!.data), Buffer.from(font.data))).toBe(0);
    }
    const image = entries.get('OEBPS/cover.png');
    expect(image?.method).toBe(0);
    expect(Buffer.compare(Buffer.from(image!.data), Buffer.from(cover))).toBe(0);
    // The text files, by contrast, are deflated.
    expect(entries.get('OEBPS/content.opf')?.method).toBe(8);
  });

  it('dates every entry of the archive at the pack\'s time, not the clock\'s', async () => {
    const entries = zipEntries(await build());
    expect(entries.size).toBeGreaterThan(5);
    for (const [name, entry] of entries) expect(entry.date.toISOString(), name).toBe(GENERATED_AT);
  });

  it('declares in the manifest exactly the chapters that hold inline SVG', async () => {
    const entries = zipEntries(await build());
    const opf = text(entries.get('OEBPS/content.opf'));
    const chapterFiles = rendered.epub.chapters.map((c) => c.filename);
    const withSvg = chapterFiles.filter((name) => text(entries.get(`OEBPS/${name}`)).includes('<svg'));
    expect(withSvg.length).toBeGreaterThan(0);
    const declared = [...opf.matchAll(/<item [^>]*href="([^"]+)"[^>]*properties="svg"/g)].map((m) => m[1]);
    expect(declared).toEqual(withSvg);
  });

  it('works quietly: nothing on the console', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await build();
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('resolveBrowser', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(out, 'browsers-'));
  });

  async function executable(path: string): Promise<string> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '#!/bin/sh\nexit 0\n');
    await chmod(path, 0o755);
    return path;
  }

  test.each(['chromium-browser', 'google-chrome', 'google-chrome-stable'])('finds %s on PATH when it is the only browser there', async (name) => {
    const folder = join(dir, `only-${name}`);
    const path = await executable(join(folder, name));
    expect(await resolveBrowser({ PATH: [join(dir, 'empty'), folder].join(':') })).toBe(path);
  });

  it('prefers PUPPETEER_EXECUTABLE_PATH to a browser on PATH', async () => {
    const configured = await executable(join(dir, 'configured', 'my-chrome'));
    const onPath = await executable(join(dir, 'system', 'chromium'));
    expect(await resolveBrowser({ PUPPETEER_EXECUTABLE_PATH: configured, PATH: dirname(onPath) })).toBe(configured);
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that is not executable, saying so', async () => {
    const notExecutable = join(dir, 'plain-file');
    await writeFile(notExecutable, 'not a program');
    await chmod(notExecutable, 0o644);
    const onPath = await executable(join(dir, 'system2', 'chromium'));
    await expect(resolveBrowser({ PUPPETEER_EXECUTABLE_PATH: notExecutable, PATH: dirname(onPath) })).rejects.toThrow(
      `PUPPETEER_EXECUTABLE_PATH is set to ${notExecutable}, which is not an executable file: fix or unset it`,
    );
  });

  it('passes over a folder named like a browser (it has the execute bit too), and refuses one as PUPPETEER_EXECUTABLE_PATH', async () => {
    const unpacked = join(dir, 'downloads');
    await mkdir(join(unpacked, 'chromium'), { recursive: true });
    const real = await executable(join(dir, 'later', 'chromium'));
    expect(await resolveBrowser({ PATH: [unpacked, dirname(real)].join(':') })).toBe(real);
    await expect(resolveBrowser({ PUPPETEER_EXECUTABLE_PATH: join(unpacked, 'chromium'), PATH: dirname(real) })).rejects.toThrow('which is not an executable file');
  });

  it('says how to install Chromium when there is none anywhere', async () => {
    const error = await resolveBrowser({ PATH: join(dir, 'empty') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).name).toBe('BrowserNotFoundError');
    expect((error as Error).message).toBe(
      'no Chromium found: install it (Debian/Ubuntu: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary',
    );
  });

  it("falls back to a browser in puppeteer's cache when none is on PATH", async () => {
    const { executablePath } = await import('puppeteer');
    const cached = executablePath();
    // Never write into a real cache: only into the empty folder this file set up.
    expect(cached.startsWith(puppeteerCacheDir)).toBe(true);
    await executable(cached);
    try {
      expect(await resolveBrowser({ PATH: join(dir, 'empty') })).toBe(cached);
    } finally {
      await rm(join(puppeteerCacheDir, 'chrome'), { recursive: true, force: true });
    }
  });
});

describe('publish without a browser', () => {
  it('writes the JSON and the HTML, and reports each file with its size in bytes', async () => {
    const dir = join(out, 'no-browser');
    const written: [Format, string, number][] = [];
    const result = await publish({
      brief,
      rendered,
      formats: ['json', 'html'],
      outDir: dir,
      epubTemplates: theme.epub,
      fonts: theme.fonts,
      print: DEFAULT_PRINT,
      onWritten: (format, path, bytes) => written.push([format, path, bytes]),
    });
    expect(result).toEqual({ paths: [join(dir, 'briefing.json'), join(dir, 'briefing.html')], pages: null });
    const json = await readFile(join(dir, 'briefing.json'), 'utf8');
    expect(json).toBe(`${JSON.stringify(Brief.parse(brief), null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(brief)));
    // With no PDF there are no page numbers: the preview is the rendered document as it is.
    expect(await readFile(join(dir, 'briefing.html'), 'utf8')).toBe(rendered.html);
    expect(written.map(([format]) => format).sort()).toEqual(['html', 'json']);
    for (const [, path, bytes] of written) expect(bytes).toBe((await stat(path)).size);
  });

  test.each<Format[]>([['pdf'], ['epub']])('refuses to make a %s with no browser', async (format) => {
    await expect(
      publish({ brief, rendered, formats: [format], outDir: join(out, `no-browser-${format}`), epubTemplates: theme.epub, fonts: theme.fonts, print: DEFAULT_PRINT }),
    ).rejects.toThrow('internal: the PDF and EPUB routes need a browser');
  });
});

/** Records every PDF print the build asks Chromium for: whether it was tagged and had bookmarks. */
class RecordingSession extends ChromiumSession {
  prints: Pick<PDFOptions, 'tagged' | 'outline'>[] = [];

  override use<T>(job: (browser: Browser) => Promise<T>): Promise<T> {
    return super.use((browser) => job(this.#watch(browser)));
  }

  #watch(browser: Browser): Browser {
    const prints = this.prints;
    const page = (real: Page): Page =>
      new Proxy(real, {
        get(target, key) {
          if (key === 'pdf') {
            return (options: PDFOptions) => {
              prints.push({ tagged: options.tagged, outline: options.outline });
              return target.pdf(options);
            };
          }
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    return new Proxy(browser, {
      get(target, key) {
        if (key === 'newPage') return async () => page(await target.newPage());
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

describe('publish with Chromium', () => {
  let chromium: RecordingSession;
  beforeAll(() => {
    chromium = new RecordingSession(resolveBrowser());
  });
  afterAll(async () => {
    await chromium?.close();
  });

  const request = (dir: string, formats: Format[]) => ({ brief, rendered, formats, outDir: join(out, dir), epubTemplates: theme.epub, fonts: theme.fonts, chromium, print: DEFAULT_PRINT });

  let firstPages: Record<string, number> | null = null;

  it('writes all four formats, the PDF with the pack\'s metadata, and reports each size', async () => {
    chromium.prints = [];
    const written: [Format, string, number][] = [];
    const result = await publish({ ...request('all', ['pdf', 'epub', 'html', 'json']), onWritten: (format, path, bytes) => written.push([format, path, bytes]) });
    firstPages = result.pages;
    expect(result.pages?.['bottom-line']).toBeGreaterThan(1);

    const info = (await readPdf(join(out, 'all', 'briefing.pdf'))).info;
    expect(info.Title).toBe('Storm and rates: week 12');
    expect(info.Author).toBe('briefpack');
    expect(info.Subject).toBe('Briefing pack from 2 source articles');
    expect(info.Keywords).toBe(KEYWORDS);

    const html = await readFile(join(out, 'all', 'briefing.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Hurricane nears the coast');
    expect(JSON.parse(await readFile(join(out, 'all', 'briefing.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(brief)));

    expect(written.map(([format]) => format).sort()).toEqual(['epub', 'html', 'json', 'pdf']);
    for (const [format, path, bytes] of written) {
      expect(path).toBe(join(out, 'all', `briefing.${format}`));
      expect(bytes).toBe((await stat(path)).size);
    }
    // A first print only finds where things land; the one kept is tagged and has bookmarks.
    expect(chromium.prints[0]).toEqual({ tagged: false, outline: false });
    expect(chromium.prints.at(-1)).toEqual({ tagged: true, outline: true });
    expect(chromium.prints.length).toBeGreaterThanOrEqual(2);
  });

  it('prints once when it is given the page numbers an earlier build found', async () => {
    expect(firstPages).not.toBeNull();
    chromium.prints = [];
    const result = await publish({ ...request('known', ['pdf']), knownPages: firstPages });
    expect(result.pages).toEqual(firstPages);
    expect(chromium.prints).toEqual([{ tagged: true, outline: true }]);
  });

  it('fails, naming it, when the theme makes the printed page load something from outside', async () => {
    const folder = join(out, 'web-font-theme');
    await cp('templates', folder, { recursive: true });
    const layout = await readFile(join(folder, 'layout.hbs'), 'utf8');
    await writeFile(join(folder, 'layout.hbs'), layout.replace('</head>', '<link rel="stylesheet" href="https://fonts.example.com/serif.css">\n</head>'));
    const webTheme = await loadTheme(folder);
    const webRendered = render(brief, webTheme.theme);
    await expect(publish({ ...request('web-font', ['pdf']), rendered: webRendered })).rejects.toThrow(
      /^the printed page tried to load \d+ outside resource\(s\), first https:\/\/fonts\.example\.com\/serif\.css$/,
    );
  });
});
