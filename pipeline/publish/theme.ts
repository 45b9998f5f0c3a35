// Reads the look of the pack from the templates folder: Handlebars for our pages, EJS for the
// package files epub-gen-memory writes.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Theme } from '../render/index.js';
import type { EpubTemplates } from './epub.js';
import { loadFonts, type FontFile } from './fonts.js';

export interface LoadedTheme {
  theme: Theme;
  epub: EpubTemplates;
  fonts: FontFile[];
}

async function text(dir: string, name: string): Promise<string> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the template ${join(dir, name)}: restore it from git or pass --templates`, { cause: error });
  }
}

async function partials(dir: string): Promise<Record<string, string>> {
  const folder = join(dir, 'partials');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.hbs')).sort();
  const entries = await Promise.all(names.map(async (name) => [name.slice(0, -4), await text(folder, name)] as const));
  return Object.fromEntries(entries);
}

export async function loadTheme(dir: string): Promise<LoadedTheme> {
  const [fonts, layout, cover, parts, tokens, print, epubCss, contentOPF, tocXHTML, tocNCX, chapterXHTML] = await Promise.all([
    loadFonts(join(dir, 'fonts.json')),
    text(dir, 'layout.hbs'),
    text(dir, 'cover.hbs'),
    partials(dir),
    text(dir, 'tokens.css'),
    text(dir, 'print.css'),
    text(dir, 'epub.css'),
    text(dir, 'epub/content.opf.ejs'),
    text(dir, 'epub/toc.xhtml.ejs'),
    text(dir, 'epub/toc.ncx.ejs'),
    text(dir, 'epub/chapter.xhtml.ejs'),
  ]);
  return {
    theme: { layout, cover, partials: parts, printCss: `${fonts.printCss}\n${tokens}\n${print}`, epubCss: `${fonts.epubCss}\n${epubCss}` },
    epub: { contentOPF, tocXHTML, tocNCX, chapterXHTML },
    fonts: fonts.files,
  };
}
