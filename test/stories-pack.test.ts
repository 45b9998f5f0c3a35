// A pack of several stories through the compiled CLI (test/fixtures/stories: three stories of four,
// three and one articles, two exact copies, an updated version, a syndicated copy): the story
// cards in the PDF and the EPUB, the copies listed under their originals, the contract in the JSON.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brief, citedEvidence, storyProblems, unresolvedEvidence } from '../pipeline/model.js';
import { CLI, cli } from './support/cli.js';
import { brokenLinks, navEntries, openEpub } from './support/epub.js';
import { epubcheck } from './support/epubcheck.js';
import { flat, readPdf, type PdfContents } from './support/pdf.js';

const SEEDS = 'test/fixtures/stories';
let out: string;
let brief: Brief;
let pdf: PdfContents;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make\` (or \`make test\`) to compile the pipeline first`);
  out = await mkdtemp(join(tmpdir(), 'briefpack-stories-'));
  const built = await cli(['build', '--seeds', SEEDS, '--out', out, '--no-cache'], { timeout: 120_000 });
  if (built.code !== 0) throw new Error(`build failed (${built.code}): ${built.stderr}`);
  brief = Brief.parse(JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')));
  pdf = await readPdf(join(out, 'briefing.pdf'));
}, 180_000);
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const pageOf = (text: string, from = 0) => pdf.pages.findIndex((page, i) => i >= from && flat(page).includes(flat(text)));

describe('briefing.json of a pack of stories', () => {
  it('holds three stories over the eight originals, and four copies naming theirs', () => {
    expect(storyProblems(brief)).toEqual([]);
    expect(unresolvedEvidence(brief)).toEqual([]);
    expect(brief.schemaVersion).toBe(4);
    expect(brief.stories.map((s) => s.sources.length)).toEqual([4, 3, 1]);
    // A strike and an interest rate are business news; a museum reopening is the arts.
    expect(brief.stories.map((s) => s.section)).toEqual(['Business', 'Business', 'Arts and entertainment']);
    expect(brief.sources.filter((s) => s.duplicateOf !== null)).toHaveLength(4);
  });
});

describe('the printed pack of stories', () => {
  it('prints a card per story after the bottom line, with its title, dates, summary and articles', () => {
    const bottomLine = pageOf('Bottom line up front', 2);
    const stories = pageOf('Stories', bottomLine + 1);
    expect(stories).toBeGreaterThan(bottomLine);
    const text = flat(pdf.pages.slice(stories, stories + 3).join('\n'));
    brief.stories.forEach((story, i) => {
      expect(text).toContain(flat(`Story ${i + 1}${story.section ? ` · ${story.section}` : ''} ${story.title}`));
      for (const line of story.summary) expect(text).toContain(flat(line.text));
    });
    expect(text).toContain(flat('March 2, 2026 – March 5, 2026'));
    expect(text).toContain(flat('4 articles, 3 independent; 2 more editions of them left out'));
  });

  it('gives the bottom line one line per story', () => {
    const text = flat(pdf.pages[pageOf('Bottom line up front', 2)] ?? '');
    expect(brief.bluf).toHaveLength(brief.stories.length);
    brief.bluf.forEach((line, i) => {
      expect(brief.stories[i]?.summary).toContainEqual(line);
      expect(text).toContain(flat(line.text));
    });
  });

  it('groups the key judgments under the story each belongs to', () => {
    const at = pageOf('Key judgments', 2);
    const text = flat(pdf.pages.slice(at, at + 2).join('\n'));
    const storiesWithJudgments = brief.stories.filter((s) => brief.keyJudgments.some((k) => k.storyId === s.id));
    expect(storiesWithJudgments.length).toBeGreaterThan(0);
    let last = -1;
    for (const story of storiesWithJudgments) {
      const heading = text.indexOf(flat(`Story ${brief.stories.indexOf(story) + 1} ${story.title}`), text.indexOf(flat('Key judgments')));
      expect(heading).toBeGreaterThan(last);
      last = heading;
    }
  });

  it('lists the stories in the contents and the bookmarks, and the articles by story, copies left out', () => {
    const titles = pdf.outline.map((b) => b.title);
    expect(titles).toContain('Stories');
    const articles = pdf.outline.at(-1)?.children.map((b) => b.title) ?? [];
    const originals = brief.stories.flatMap((s) => s.sources).map((id) => brief.sources.find((x) => x.id === id)?.title);
    expect(articles).toEqual(originals.map((title, i) => `[${i + 1}] ${title}`));
    const contents = flat(pdf.pages[1] ?? '');
    for (const story of brief.stories) expect(contents).toContain(flat(story.title));
  });

  it('lists each copy under its original as another edition', () => {
    const first = pageOf('[1] Dock workers walk out at the Port of Calder', 4);
    expect(flat(pdf.pages[first] ?? '')).toContain(flat('Also published as: “Dock workers walk out at the Port of Calder” (Northsea Wire), 2026-03-02 · x1-copy-of-a1'));
    expect(flat(pdf.pages.join('\n'))).toContain(flat('“Estmark central bank lifts rates again” (Valley Herald)'));
  });
});

describe('the EPUB of a pack of stories', () => {
  it('passes epubcheck with 0 errors and 0 warnings', async () => {
    expect((await epubcheck(join(out, 'briefing.epub'))).messages).toEqual([]);
  });

  it('lists each story in its nav under Stories, linking to its card', async () => {
    const epub = await openEpub(join(out, 'briefing.epub'));
    const nav = navEntries(await epub.text('OEBPS/toc.xhtml'));
    const at = nav.findIndex((e) => e.title === 'Stories');
    expect(nav.slice(at + 1, at + 1 + brief.stories.length)).toEqual(brief.stories.map((s) => ({ title: s.title, href: `stories.xhtml#${s.id}` })));
    const chapter = await epub.text('OEBPS/stories.xhtml');
    for (const story of brief.stories) expect(chapter).toContain(`id="${story.id}"`);
    expect(await brokenLinks(epub)).toEqual([]);
  });
});

describe('--articles: which articles the pack prints at the back', () => {
  /** Builds the pack with `--articles choice`, checks that its EPUB holds, and hands the folder to `check`. */
  const withBuild = async (choice: string, check: (dir: string) => Promise<void>) => {
    const dir = await mkdtemp(join(tmpdir(), `briefpack-articles-${choice}-`));
    try {
      const built = await cli(['build', '--seeds', SEEDS, '--out', dir, '--articles', choice, '--formats', 'pdf,html,epub', '--no-cache'], { timeout: 120_000 });
      if (built.code !== 0) throw new Error(`build failed (${built.code}): ${built.stderr}`);
      await check(dir);
      expect(await brokenLinks(await openEpub(join(dir, 'briefing.epub')))).toEqual([]);
      expect((await epubcheck(join(dir, 'briefing.epub'))).messages).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('cited: only the articles the analysis cites, in story order, and no reference points at one left out', async () => {
    await withBuild('cited', async (dir) => {
      const cited = new Set(citedEvidence(brief).map((id) => id.slice(0, id.lastIndexOf(':'))));
      const printed = (await readPdf(join(dir, 'briefing.pdf'))).outline.at(-1)?.children.map((b) => b.title) ?? [];
      const expected = brief.stories.flatMap((s) => s.sources).filter((id) => cited.has(id));
      expect(printed.map((t) => t.replace(/^\[\d+\] /, ''))).toEqual(expected.map((id) => brief.sources.find((s) => s.id === id)?.title));
      // Every story's card and key judgments cite most of this small pack; test/render/render.test.ts
      // checks that an article nothing cites is left out.
      expect(expected.length).toBeGreaterThan(0);
    });
  }, 240_000);

  it('none: no appendix, references stay as labels without links, and the EPUB is still valid', async () => {
    await withBuild('none', async (dir) => {
      expect((await readPdf(join(dir, 'briefing.pdf'))).outline.map((b) => b.title)).not.toContain('Source articles');
      const html = await readFile(join(dir, 'briefing.html'), 'utf8');
      expect(html).not.toMatch(/href="#ev-/);
      expect(html).toMatch(/<span class="ref" title="[^"]+">\[1·s1\]<\/span>/);
    });
  }, 240_000);

  it('refuses another value as a usage error', async () => {
    const run = await cli(['build', '--seeds', SEEDS, '--out', join(tmpdir(), 'never-written'), '--articles', 'some']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--articles takes all, cited or none; got "some"');
  });
});
