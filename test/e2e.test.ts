// The whole pack from the two seeds, through the compiled CLI, as `make` runs it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../pipeline/publish/pdf.js';
import { resolveBrowser } from '../pipeline/publish/browser.js';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brief, danglingIds, storyProblems, unresolvedEvidence } from '../pipeline/model.js';
import { briefJsonSchema } from '../pipeline/schema.js';
import { flat, readLinks, readPdf, unembeddedFonts, type PdfContents } from './support/pdf.js';
import { brokenLinks, navEntries, openEpub } from './support/epub.js';
import { anchorId } from '../pipeline/render/article.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
import { epubcheck } from './support/epubcheck.js';

const run = promisify(execFile);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const CLI = 'build/pipeline/cli.js';
const EPOCH = '1741000000';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let out: string;
let built: Run;
let brief: Brief;
let pdf: PdfContents;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make\` (or \`make test\`) to compile the pipeline first`);
  out = await mkdtemp(join(tmpdir(), 'briefpack-e2e-'));
  built = await cli(['build', '--seeds', 'seeds', '--out', out]);
  if (built.code !== 0) throw new Error(`build failed (${built.code}): ${built.stderr}`);
  brief = Brief.parse(JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')));
  pdf = await readPdf(join(out, 'briefing.pdf'));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('briefpack build on the two seeds', () => {
  it('prints one line per stage with its time, then the files written', () => {
    for (const stage of ['read', 'enrich', 'render', 'pdf', 'epub', 'html', 'json']) {
      expect(built.stdout).toMatch(new RegExp(`^${stage}\\s.*\\d+ ms$`, 'm'));
    }
    for (const format of ['pdf', 'epub', 'html', 'json']) expect(built.stdout).toContain(join(out, `briefing.${format}`));
  });

  it('writes a briefing.json that follows the contract and whose evidence all resolves', async () => {
    // A source's id is its file name without the extension, in the folder's order.
    const articles = (await readdir('seeds')).filter((name) => /\.(?:txt|text|md|markdown|html?|xhtml)$/.test(name)).sort();
    expect(brief.sources.map((s) => s.id)).toEqual(articles.map((name) => name.replace(/\.[^.]+$/, '')));
    expect(unresolvedEvidence(brief)).toEqual([]);
    expect(danglingIds(brief)).toEqual([]);
    expect(brief.scenarios.length).toBeGreaterThan(0);
    expect(brief.risks.length).toBeGreaterThan(0);
    expect(brief.generatedAt).toBe(new Date(Number(EPOCH) * 1000).toISOString());
    for (const s of brief.sources) for (const sentence of s.sentences) expect(sentence.id.startsWith(`${s.id}:s`)).toBe(true);
  });

  it('keeps the JSON Schema in the repository in step with the model', async () => {
    const committed = JSON.parse(await readFile('schema/briefing.schema.json', 'utf8'));
    expect(committed).toEqual(briefJsonSchema());
  });

  it('prints both articles and every scenario title in the PDF', () => {
    const text = flat(pdf.pages.join(' '));
    for (const source of brief.sources) expect(text).toContain(flat(source.title));
    for (const scenario of brief.scenarios) expect(text).toContain(flat(scenario.title));
    expect(text).toContain('Contents');
  });

  it('reads the two seeds, one topic, as one story with a card of its own', () => {
    expect(storyProblems(brief)).toEqual([]);
    expect(brief.stories).toHaveLength(1);
    expect(brief.stories[0]?.sources.sort()).toEqual(brief.sources.map((s) => s.id).sort());
    const text = flat(pdf.pages.join('\n'));
    const first = brief.stories[0];
    expect(text).toContain(flat(`Story 1${first?.section ? ` · ${first.section}` : ''} ${first?.title}`));
    for (const line of brief.stories[0]?.summary ?? []) expect(text).toContain(flat(line.text));
  });

  it('gives the PDF bookmarks that follow the headings', () => {
    const titles = pdf.outline.map((b) => b.title);
    expect(titles).toEqual([brief.title, 'Contents', 'Bottom line up front', 'Stories', 'Scenarios', 'Risks', 'Actors and quotes', 'What to watch', 'Source articles']);
    // Titles that wrap over two lines keep their spaces (Chromium drops them; publish mends it).
    const articles = pdf.outline.at(-1)?.children.map((b) => b.title) ?? [];
    expect(articles).toEqual(brief.sources.map((s, i) => `[${i + 1}] ${s.title}`));
    expect(pdf.info.Title).toBe(brief.title);
    expect(pdf.info.Producer).toMatch(/briefpack/);
  });

  it('writes an EPUB that epubcheck passes with 0 errors and 0 warnings', async () => {
    const result = await epubcheck(join(out, 'briefing.epub'));
    expect(result.messages).toEqual([]);
  });

  it('builds byte-identical files when built again with the same SOURCE_DATE_EPOCH', async () => {
    const again = await mkdtemp(join(tmpdir(), 'briefpack-again-'));
    expect((await cli(['build', '--seeds', 'seeds', '--out', again, '--quiet'])).code).toBe(0);
    for (const format of ['pdf', 'epub', 'html', 'json']) {
      const [a, b] = await Promise.all([readFile(join(out, `briefing.${format}`)), readFile(join(again, `briefing.${format}`))]);
      expect(sha256(a), format).toBe(sha256(b));
    }
    await rm(again, { recursive: true, force: true });
  });

  it('writes the print HTML it printed, loading nothing from outside', async () => {
    const html = await readFile(join(out, 'briefing.html'), 'utf8');
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).not.toMatch(/\b(src|href)="(https?:|file:|\/\/)/);
  });
});

/** The page the contents page gives for an entry. */
function contentsPage(entry: string): number {
  const match = new RegExp(`${escapeRegExp(flat(entry))}\\s*(\\d+)`).exec(flat(pdf.pages[1] ?? ''));
  expect(match, `contents entry "${entry}"`).not.toBeNull();
  return Number(match![1]);
}

describe('the printed pack', () => {
  it('numbers the contents with the pages the headings print on', () => {
    const entries = [
      'Bottom line up front', 'Stories', 'Scenarios', 'Risks', 'Actors and quotes', 'What to watch', 'Source articles',
      ...brief.sources.map((s) => s.title),
    ];
    for (const entry of entries) {
      const page = contentsPage(entry);
      expect(flat(pdf.pages[page - 1] ?? ''), `page ${page} should hold "${entry}"`).toContain(flat(entry));
    }
  });

  it('puts the running head and "page X of Y" on every page but the cover', () => {
    for (const [index, page] of pdf.pages.entries()) {
      if (index === 0) {
        expect(page).not.toMatch(/Page \d+ of/);
        continue;
      }
      expect(flat(page)).toContain(`Page ${index + 1} of ${pdf.pages.length}`);
      expect(flat(page)).toContain(brief.title);
    }
  });

  it('embeds every font it uses', async () => {
    expect(await unembeddedFonts(join(out, 'briefing.pdf'))).toEqual([]);
  });

  it('links every evidence reference to the page that holds its sentence', async () => {
    const sentences = new Map(brief.sources.flatMap((s) => s.sentences.map((x) => [anchorId(x.id), x.text] as const)));
    const evidence = (await readLinks(join(out, 'briefing.pdf'))).filter((link) => link.dest.startsWith('ev-'));
    // What each section cites, as the pack prints it: every cited sentence is a link's target there,
    // and every link there targets a sentence that section cites.
    const citedBy: Record<string, string[]> = {
      'Bottom line up front': [...brief.bluf, ...brief.keyJudgments].flatMap((x) => x.evidence),
      Scenarios: brief.scenarios.flatMap((x) => x.evidence),
      Risks: brief.risks.flatMap((x) => x.evidence),
      'Actors and quotes': brief.quotes.map((x) => x.evidence),
      'What to watch': brief.signposts.flatMap((x) => x.evidence),
      'Source articles': [],
    };
    const titles = Object.keys(citedBy);
    const starts = titles.map(contentsPage);
    const sectionOf = (page: number): string => titles[starts.findLastIndex((start) => start <= page)] ?? 'before the sections';
    const linked = new Map<string, Set<string>>(titles.map((title) => [title, new Set()]));
    for (const link of evidence) {
      const section = sectionOf(link.from);
      expect(linked.has(section), `a link to ${link.dest} on page ${link.from}, ${section}`).toBe(true);
      linked.get(section)?.add(link.dest);
    }
    for (const title of titles) {
      expect([...(linked.get(title) ?? [])].sort(), title).toEqual([...new Set(citedBy[title]?.map(anchorId))].sort());
    }
    expect(evidence.length).toBeGreaterThan(0);
    for (const link of evidence) {
      const text = sentences.get(link.dest);
      expect(text, link.dest).toBeDefined();
      // The sentence may run onto the next page; its opening words are where the link lands.
      expect(flat(pdf.pages[link.to - 1] ?? '')).toContain(flat(text!).split(' ').slice(0, 4).join(' '));
    }
  });

  it('draws the risk matrix with a marker for every risk', async () => {
    const html = await readFile(join(out, 'briefing.html'), 'utf8');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('likelihood');
    const markers = [...svg.matchAll(/<a xlink:href="#(rk-[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(new Set(markers)).toEqual(new Set(brief.risks.map((r) => r.id)));
  });
});

describe('the EPUB', () => {
  it('lists in its nav the same entries as the printed contents', async () => {
    const epub = await openEpub(join(out, 'briefing.epub'));
    const nav = navEntries(await epub.text('OEBPS/toc.xhtml')).map((e) => e.title);
    expect(nav).toEqual(['Bottom line up front', 'Stories', 'Scenarios', 'Risks', 'Actors and quotes', 'What to watch', 'Source articles', ...brief.sources.map((s) => s.title)]);
  });

  it('has a target for every internal link, evidence links included', async () => {
    const epub = await openEpub(join(out, 'briefing.epub'));
    expect(await brokenLinks(epub)).toEqual([]);
    expect(await epub.text('OEBPS/scenarios.xhtml')).toMatch(/href="article-\d\.xhtml#ev-/);
  });

  it('carries a cover image, its language and a content-derived identifier', async () => {
    const epub = await openEpub(join(out, 'briefing.epub'));
    const opf = await epub.text('OEBPS/content.opf');
    expect(opf).toMatch(/properties="cover-image"/);
    expect(opf).toMatch(/<dc:language>en<\/dc:language>/);
    expect(opf).toMatch(/<dc:identifier id="BookId">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toMatch(/schema:accessibilitySummary/);
    expect(epub.names).toContain('OEBPS/cover.png');
  });
});

describe('an EPUB chapter in Chromium', () => {
  it('renders the scenarios and risks chapters with their styles, fonts and matrix', async () => {
    const epub = await openEpub(join(out, 'briefing.epub'));
    const folder = await mkdtemp(join(tmpdir(), 'briefpack-chapter-'));
    await mkdir(join(folder, 'OEBPS', 'fonts'), { recursive: true });
    for (const name of epub.names.filter((n) => n.startsWith('OEBPS/') && !n.endsWith('/'))) {
      await writeFile(join(folder, name), await epub.bytes(name));
    }
    const browser = await launchBrowser(await resolveBrowser());
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 600, height: 800 });
      for (const chapter of ['scenarios', 'risks']) {
        await page.goto(pathToFileURL(join(folder, 'OEBPS', `${chapter}.xhtml`)).href, { waitUntil: 'load' });
        const shot = await page.screenshot({ path: join(folder, `${chapter}.png`) as `${string}.png` });
        expect(shot.byteLength).toBeGreaterThan(10_000);
        const facts = await page.evaluate(() => ({
          heading: document.querySelector('h1')?.textContent,
          font: getComputedStyle(document.body).fontFamily,
          markers: document.querySelectorAll('svg circle').length,
          fontsLoaded: [...document.fonts].filter((f) => f.status === 'loaded').length,
        }));
        expect(facts.heading).toBe(chapter === 'risks' ? 'Risks' : 'Scenarios');
        expect(facts.font).toContain('Source Serif 4');
        expect(facts.fontsLoaded).toBeGreaterThan(0);
        if (chapter === 'risks') expect(facts.markers).toBe(brief.risks.length);
      }
    } finally {
      await browser.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the CLI at its edges', () => {
  it('answers --help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('briefpack build');
  });

  it('exits 2 on a usage error with one line naming the fix', async () => {
    const result = await cli(['build', '--formats', 'pdf,docx']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--formats');
  });

  it('builds one pack from a folder mixing text, Markdown and a saved web page', async () => {
    const target = await mkdtemp(join(tmpdir(), 'briefpack-mixed-'));
    const result = await cli(['build', '--seeds', 'test/fixtures/read-mixed', '--out', target, '--formats', 'json,html']);
    expect(result.code).toBe(0);
    const mixed = Brief.parse(JSON.parse(await readFile(join(target, 'briefing.json'), 'utf8')));
    expect(mixed.sources.map((s) => s.format).sort()).toEqual(['html', 'markdown', 'text']);
    expect(unresolvedEvidence(mixed)).toEqual([]);
    await rm(target, { recursive: true, force: true });
  });

  it('exits 1 and leaves the previous outputs untouched when no article is readable', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'briefpack-empty-'));
    await writeFile(join(empty, 'notes.xyz'), 'not an article');
    const before = await stat(join(out, 'briefing.json'));
    const result = await cli(['build', '--seeds', empty, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no readable article/);
    expect((await stat(join(out, 'briefing.json'))).mtimeMs).toBe(before.mtimeMs);
    await rm(empty, { recursive: true, force: true });
  });

  it('reports an invalid brief.yaml with file:line and builds nothing', async () => {
    const seeds = await mkdtemp(join(tmpdir(), 'briefpack-overlay-'));
    await cp('seeds', seeds, { recursive: true });
    await writeFile(join(seeds, 'brief.yaml'), 'title: Weekly pack\nlang: 42\n');
    const target = join(seeds, 'out');
    const result = await cli(['build', '--seeds', seeds, '--out', target, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/brief\.yaml:2:\d+: error: lang: /);
    expect(existsSync(join(target, 'briefing.json'))).toBe(false);
    await rm(seeds, { recursive: true, force: true });
  });
});

describe('make', () => {
  it('builds another pack with SEEDS= and OUT=, then has nothing to do until a seed changes', async () => {
    const seeds = await mkdtemp(join(tmpdir(), 'briefpack-make-'));
    const target = `${seeds}-pack`;
    await cp('seeds/000_ce3e0963e407180a.txt', join(seeds, 'one.txt'));
    const vars = [`SEEDS=${seeds}`, `OUT=${target}`];
    await run('make', ['--no-print-directory', ...vars], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
    for (const format of ['pdf', 'epub', 'html', 'json']) expect(existsSync(join(target, `briefing.${format}`))).toBe(true);
    // make -q exits 0 when every target is up to date, 1 when something would run.
    await expect(run('make', ['-q', ...vars])).resolves.toBeDefined();
    const later = new Date(Date.now() + 5_000);
    await utimes(join(seeds, 'one.txt'), later, later);
    await expect(run('make', ['-q', ...vars])).rejects.toMatchObject({ code: 1 });
    await rm(seeds, { recursive: true, force: true });
    await rm(target, { recursive: true, force: true });
  });
});
