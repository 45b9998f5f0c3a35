// The look of the pack as read from a templates folder. Fonts: which faces and subsets fonts.json
// names, the @font-face rules taken from the installed @fontsource packages (woff2 only, no
// font-display: swap, sources as data: URLs for print and as fonts/<file> for the EPUB), the bytes
// of each file, and how a list that is not valid JSON, names something that is no @fontsource
// package or subset, or asks for a face a package lacks, is reported. Theme: every template,
// partial and style sheet of a real copy of templates/, the fonts' rules ahead of the styles, and
// the error, naming the file and the way out, when a part of the folder is missing or wrong.
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadFonts } from '../../pipeline/publish/fonts.js';
import { loadTheme } from '../../pipeline/publish/theme.js';

const LIST_PATH = '/srv/briefpack/templates/fonts.json';
const SERIF = '@fontsource/source-serif-4';
const SANS = '@fontsource/source-sans-3';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

interface Face {
  package: string;
  weight: number;
  style: string;
  subsets: string[];
}

const face = (pkg: string, weight: number, style: string, subsets: string[]): Face => ({ package: pkg, weight, style, subsets });
const list = (...faces: Face[]): string => JSON.stringify({ $comment: 'Fonts bundled from npm.', faces }, null, 2);
const fontFile = (pkg: string, file: string): Promise<Buffer> => readFile(join('node_modules', pkg, 'files', file));

/** The message a rejected promise carries, and its cause. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** The rules of a style sheet: each starts a line with `@font-face {` and ends a line with `}`. */
function rules(css: string): string[] {
  expect(css.startsWith('@font-face {\n')).toBe(true);
  expect(css.endsWith('\n}')).toBe(true);
  return css.split(/(?<=^\})\n(?=@font-face \{$)/m);
}

describe('loadFonts', () => {
  test('takes the latin rule of a roman face, with a woff2 source only and no font-display', async () => {
    const fonts = await loadFonts(list(face(SERIF, 400, 'normal', ['latin'])), LIST_PATH);
    const file = 'source-serif-4-latin-400-normal.woff2';
    const lines = (src: string) => [
      '@font-face {',
      "  font-family: 'Source Serif 4';",
      '  font-style: normal;',
      '  font-weight: 400;',
      `  src: url(${src}) format('woff2');`,
      `  unicode-range: ${LATIN_RANGE};`,
      '}',
    ];
    expect(fonts.epubCss).toBe(lines(`fonts/${file}`).join('\n'));
    const bytes = await fontFile(SERIF, file);
    expect(fonts.printCss).toBe(lines(`data:font/woff2;base64,${bytes.toString('base64')}`).join('\n'));
    expect(fonts.files).toEqual([{ filename: file, data: new Uint8Array(bytes) }]);
  });

  test('takes the italic rules from the italic style sheet', async () => {
    const fonts = await loadFonts(list(face(SERIF, 400, 'italic', ['latin', 'latin-ext'])), LIST_PATH);
    expect(fonts.files.map((f) => f.filename)).toEqual(['source-serif-4-latin-400-italic.woff2', 'source-serif-4-latin-ext-400-italic.woff2']);
    const [latin, latinExt] = rules(fonts.epubCss);
    expect(latin).toContain('  font-style: italic;\n  font-weight: 400;\n');
    expect(latin).toContain("  src: url(fonts/source-serif-4-latin-400-italic.woff2) format('woff2');\n");
    expect(latin).toContain(`  unicode-range: ${LATIN_RANGE};\n`);
    expect(latinExt).toContain("  src: url(fonts/source-serif-4-latin-ext-400-italic.woff2) format('woff2');\n");
    expect(latinExt).not.toContain(LATIN_RANGE);
    for (const { filename, data } of fonts.files) expect(data).toEqual(new Uint8Array(await fontFile(SERIF, filename)));
  });

  test('finds the subset whose rule opens the style sheet', async () => {
    // cyrillic-ext is the first block of 400.css, at offset 0.
    const fonts = await loadFonts(list(face(SERIF, 400, 'normal', ['cyrillic-ext'])), LIST_PATH);
    expect(fonts.files.map((f) => f.filename)).toEqual(['source-serif-4-cyrillic-ext-400-normal.woff2']);
    expect(fonts.epubCss).toContain('unicode-range: U+0460-052F,');
  });

  test('carries every face and subset of the list, in its order, one rule and one file each', async () => {
    const fonts = await loadFonts(
      list(face(SANS, 700, 'normal', ['latin', 'greek']), face(SERIF, 600, 'normal', ['cyrillic', 'latin-ext', 'latin']), face(SERIF, 400, 'italic', ['latin'])),
      LIST_PATH,
    );
    const names = [
      'source-sans-3-latin-700-normal.woff2',
      'source-sans-3-greek-700-normal.woff2',
      'source-serif-4-cyrillic-600-normal.woff2',
      'source-serif-4-latin-ext-600-normal.woff2',
      'source-serif-4-latin-600-normal.woff2',
      'source-serif-4-latin-400-italic.woff2',
    ];
    expect(fonts.files.map((f) => f.filename)).toEqual(names);
    const epub = rules(fonts.epubCss);
    const print = rules(fonts.printCss);
    expect(epub).toHaveLength(names.length);
    expect(print).toHaveLength(names.length);
    for (const [i, name] of names.entries()) {
      const pkg = name.startsWith('source-sans-3') ? SANS : SERIF;
      const bytes = await fontFile(pkg, name);
      expect(fonts.files[i]?.data).toEqual(new Uint8Array(bytes));
      expect(epub[i]).toContain(`  src: url(fonts/${name}) format('woff2');\n`);
      expect(print[i]).toContain(`  src: url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2');\n`);
      // The same rule, but for its source.
      expect(print[i]?.replace(/url\([^)]*\)/, '')).toBe(epub[i]?.replace(/url\([^)]*\)/, ''));
    }
    expect(epub[0]).toContain("font-family: 'Source Sans 3';\n  font-style: normal;\n  font-weight: 700;\n");
    for (const css of [fonts.epubCss, fonts.printCss]) {
      expect(css).not.toContain('/*');
      expect(css).not.toContain('.woff)');
      expect(css).not.toContain("format('woff')");
      expect(css).not.toContain('font-display');
      expect(css).not.toMatch(/\n\s*\n/);
    }
  });

  test('reads the list the templates folder ships', async () => {
    const text = await readFile('templates/fonts.json', 'utf8');
    const fonts = await loadFonts(text, 'templates/fonts.json');
    expect(fonts.files).toHaveLength(20);
    expect(rules(fonts.epubCss)).toHaveLength(20);
    expect(new Set(fonts.files.map((f) => f.filename)).size).toBe(20);
  });

  test('reports a list that is not JSON, naming the file', async () => {
    const error = await failure(loadFonts('{ faces: [] }', LIST_PATH));
    expect(error.message).toMatch(/^\/srv\/briefpack\/templates\/fonts\.json: not valid JSON \(.+\); restore it from git$/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.message).toContain((error.cause as Error).message);
  });

  test.each([
    ['an array', '[]', '(top level)', 'Invalid input: expected object, received array'],
    ['a number', '400', '(top level)', 'Invalid input: expected object, received number'],
    ['no faces', '{}', 'faces', 'Invalid input: expected array, received undefined'],
  ])('reports a list that is %s, at the place it goes wrong', async (_, text, where, why) => {
    await expect(loadFonts(text, LIST_PATH)).rejects.toThrow(new Error(`${LIST_PATH}: ${where}: ${why}; restore it from git`));
  });

  const good = face(SERIF, 400, 'normal', ['latin']);
  test.each([
    ['a path up out of node_modules', '../../@fontsource/source-serif-4'],
    ['a path on from a package', '@fontsource/source-serif-4/../../../etc'],
    ['a path on from a package, ending in a name', '@fontsource/source-serif-4/files'],
    ['another scope', '@fonts/source-serif-4'],
    ['no scope', 'source-serif-4'],
    ['capitals', '@fontsource/Source-Serif-4'],
    ['a leading hyphen', '@fontsource/-serif'],
    ['the scope alone', '@fontsource/'],
  ])('refuses a package name that is %s', async (_, name) => {
    await expect(loadFonts(list(good, face(name, 400, 'normal', ['latin'])), LIST_PATH)).rejects.toThrow(
      new Error(`${LIST_PATH}: faces.1.package: an @fontsource package name; restore it from git`),
    );
  });

  test.each([
    ['a path up', '../latin'],
    ['a comment closer after it', 'latin */'],
    ['a slash after it', 'latin/x'],
    ['capitals', 'Latin'],
    ['empty', ''],
  ])('refuses a subset name that is %s', async (_, subset) => {
    await expect(loadFonts(list(good, face(SERIF, 600, 'normal', ['latin', subset])), LIST_PATH)).rejects.toThrow(
      new Error(`${LIST_PATH}: faces.1.subsets.1: a subset name such as latin; restore it from git`),
    );
  });

  test.each([
    ['no subsets', face(SERIF, 400, 'normal', []), 'faces.0.subsets', 'Too small: expected array to have >=1 items'],
    ['an oblique style', face(SERIF, 400, 'oblique', ['latin']), 'faces.0.style', 'Invalid option: expected one of "normal"|"italic"'],
    ['a fractional weight', face(SERIF, 450.5, 'normal', ['latin']), 'faces.0.weight', 'Invalid input: expected int, received number'],
  ])('refuses a face with %s', async (_, bad, where, why) => {
    await expect(loadFonts(list(bad), LIST_PATH)).rejects.toThrow(new Error(`${LIST_PATH}: ${where}: ${why}; restore it from git`));
  });

  test('reports a package that is not installed', async () => {
    const error = await failure(loadFonts(list(good, face('@fontsource/no-such-font', 400, 'normal', ['latin'])), LIST_PATH));
    expect(error.message).toBe('The font package @fontsource/no-such-font is not installed: run npm ci');
    expect((error.cause as NodeJS.ErrnoException | undefined)?.code).toBe('MODULE_NOT_FOUND');
  });

  test.each([
    ['a subset the package does not have', face(SERIF, 400, 'normal', ['latin', 'greek-ext']), 'greek-ext', '400 normal'],
    ['a made-up subset', face(SANS, 600, 'normal', ['klingon']), 'klingon', '600 normal'],
    ['a subset of another style', face(SERIF, 400, 'italic', ['latin', 'greek-ext']), 'greek-ext', '400 italic'],
  ])('reports %s, naming the list, package, subset and face', async (_, bad, subset, at) => {
    await expect(loadFonts(list(bad), LIST_PATH)).rejects.toThrow(new Error(`${LIST_PATH}: ${bad.package} has no ${subset} subset at weight ${at}`));
  });

  test('reports a weight the package has no style sheet for, naming the file', async () => {
    const error = await failure(loadFonts(list(face(SERIF, 1000, 'normal', ['latin'])), LIST_PATH));
    expect(error.message).toMatch(/^Cannot read .*@fontsource\/source-serif-4\/1000\.css: /);
  });
});

describe('loadTheme', () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'briefpack-theme-')), 'templates');
    await cp('templates', dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  const read = (name: string) => readFile(join(dir, name), 'utf8');
  const PARTIALS = ['actors', 'article', 'bluf', 'contents', 'cover-page', 'cover', 'matrix', 'nav', 'refs', 'risks', 'scenarios', 'signposts', 'stories'];

  test('reads every template, partial and style sheet of the folder, fonts first', async () => {
    const loaded = await loadTheme(dir);
    const fonts = await loadFonts(await read('fonts.json'), join(dir, 'fonts.json'));
    expect(loaded.theme.layout).toBe(await read('layout.hbs'));
    expect(loaded.theme.cover).toBe(await read('cover.hbs'));
    expect(Object.keys(loaded.theme.partials).sort()).toEqual([...PARTIALS].sort());
    for (const name of PARTIALS) expect(loaded.theme.partials[name]).toBe(await read(`partials/${name}.hbs`));
    expect(loaded.theme.printCss).toBe(`${fonts.printCss}\n${await read('tokens.css')}\n${await read('print.css')}`);
    expect(loaded.theme.epubCss).toBe(`${fonts.epubCss}\n${await read('epub.css')}`);
    expect(loaded.epub).toEqual({
      contentOPF: await read('epub/content.opf.ejs'),
      tocXHTML: await read('epub/toc.xhtml.ejs'),
      tocNCX: await read('epub/toc.ncx.ejs'),
      chapterXHTML: await read('epub/chapter.xhtml.ejs'),
    });
    expect(loaded.fonts).toEqual(fonts.files);
    expect(loaded.fonts).toHaveLength(20);
  });

  test('takes only the .hbs files of partials/ as partials', async () => {
    await writeFile(join(dir, 'partials', 'README.md'), 'Partials are registered under their file name.\n');
    await writeFile(join(dir, 'partials', 'bluf.hbs.orig'), '<p>old</p>\n');
    await writeFile(join(dir, 'partials', 'footnote.hbs'), '<aside>{{text}}</aside>\n');
    const loaded = await loadTheme(dir);
    expect(Object.keys(loaded.theme.partials).sort()).toEqual([...PARTIALS, 'footnote'].sort());
    expect(loaded.theme.partials.footnote).toBe('<aside>{{text}}</aside>\n');
    expect(loaded.theme.partials.bluf).toBe(await read('partials/bluf.hbs'));
  });

  test.each(['fonts.json', 'layout.hbs', 'cover.hbs', 'tokens.css', 'print.css', 'epub.css', 'epub/content.opf.ejs', 'epub/toc.xhtml.ejs', 'epub/toc.ncx.ejs', 'epub/chapter.xhtml.ejs'])(
    'reports a missing %s, naming it and the way out',
    async (name) => {
      await rm(join(dir, name));
      const error = await failure(loadTheme(dir));
      const why = `Cannot read ${join(dir, name)}: cannot be read: no such file or directory (ENOENT)`;
      expect(error.message).toBe(`${why}; restore the template from git or pass --templates DIR`);
      expect(error.cause).toBeInstanceOf(Error);
      expect((error.cause as Error).message).toBe(why);
    },
  );

  test('reports a partial that is a link to nowhere, naming it', async () => {
    await rm(join(dir, 'partials', 'bluf.hbs'));
    await symlink('bluf-v2.hbs', join(dir, 'partials', 'bluf.hbs'));
    const error = await failure(loadTheme(dir));
    expect(error.message.startsWith(`Cannot read ${join(dir, 'partials', 'bluf.hbs')}: a link to bluf-v2.hbs that leads nowhere: `)).toBe(true);
    expect(error.message.endsWith('; restore the template from git or pass --templates DIR')).toBe(true);
  });

  test('reports a template that is a folder', async () => {
    await rm(join(dir, 'cover.hbs'));
    await cp(join(dir, 'partials'), join(dir, 'cover.hbs'), { recursive: true });
    await expect(loadTheme(dir)).rejects.toThrow(
      new Error(`Cannot read ${join(dir, 'cover.hbs')}: a folder, not a file; restore the template from git or pass --templates DIR`),
    );
  });

  test('reports a fonts.json that is wrong, at its path in the folder', async () => {
    await writeFile(join(dir, 'fonts.json'), JSON.stringify({ faces: [face(SERIF, 400, 'normal', ['latin', 'greek-ext'])] }));
    await expect(loadTheme(dir)).rejects.toThrow(new Error(`${join(dir, 'fonts.json')}: ${SERIF} has no greek-ext subset at weight 400 normal`));
    await writeFile(join(dir, 'fonts.json'), '{"faces": [');
    const error = await failure(loadTheme(dir));
    expect(error.message.startsWith(`${join(dir, 'fonts.json')}: not valid JSON (`)).toBe(true);
  });

  test('reports a partials entry that is a file, not a folder', async () => {
    await rm(join(dir, 'partials'), { recursive: true });
    await writeFile(join(dir, 'partials'), '{{> bluf}}\n');
    await expect(loadTheme(dir)).rejects.toThrow(
      new Error(`Cannot read the partials of ${dir}: ${join(dir, 'partials')} is a file; restore it from git or pass --templates`),
    );
  });

  test('reports a missing partials folder', async () => {
    await rm(join(dir, 'partials'), { recursive: true });
    const error = await failure(loadTheme(dir));
    expect(error.message.startsWith(`Cannot read the partials of ${dir}: ${join(dir, 'partials')} `)).toBe(true);
    expect(error.message).toContain('no such file or directory (ENOENT)');
    expect(error.message).not.toContain(' is cannot');
    expect(error.message.endsWith('; restore it from git or pass --templates')).toBe(true);
  });

  test('reports a templates folder that is missing', async () => {
    const missing = join(dir, '..', 'no-templates');
    await expect(loadTheme(missing)).rejects.toThrow(
      new Error(`Cannot read the templates folder ${missing}: no such file or directory (ENOENT); restore it from git or pass --templates DIR`),
    );
  });
});
