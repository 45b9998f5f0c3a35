// Reads the look of the pack from the templates folder: Handlebars for our pages, EJS for the
// package files epub-gen-memory writes.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Theme } from '../render/index.js';
import type { EpubTemplates } from './epub.js';
import { loadFonts, type FontFile } from './fonts.js';
import { Folder, describeEntry } from '../folder.js';

export interface LoadedTheme {
  theme: Theme;
  epub: EpubTemplates;
  fonts: FontFile[];
}

async function text(folder: Folder, name: string): Promise<string> {
  try {
    return await folder.readText(name);
  } catch (error) {
    throw new Error(`${(error as Error).message}; restore the template from git or pass --templates DIR`, { cause: error });
  }
}

async function partials(folder: Folder): Promise<Record<string, string>> {
  const entry = await folder.inspect('partials');
  if (entry.kind !== 'folder') {
    // "cannot be read: …" is said of the entry; every other kind is what the entry is.
    const what = entry.kind === 'unreadable' ? describeEntry(entry) : `is ${describeEntry(entry)}`;
    throw new Error(`Cannot read the partials of ${folder.path}: ${entry.path} ${what}; restore it from git or pass --templates`);
  }
  const names = (await readdir(entry.path)).filter((name) => name.endsWith('.hbs')).sort();
  const entries = await Promise.all(names.map(async (name) => [name.slice(0, -4), await text(folder, join('partials', name))] as const));
  return Object.fromEntries(entries);
}

/** The templates folder: every template, partial and list of fonts is a file inside it. */
export async function loadTheme(dir: string): Promise<LoadedTheme> {
  const folder = await Folder.open(dir, 'templates folder', 'restore it from git or pass --templates DIR');
  const [fonts, layout, cover, parts, tokens, print, epubCss, contentOPF, tocXHTML, tocNCX, chapterXHTML] = await Promise.all([
    text(folder, 'fonts.json').then((list) => loadFonts(list, join(dir, 'fonts.json'))),
    text(folder, 'layout.hbs'),
    text(folder, 'cover.hbs'),
    partials(folder),
    text(folder, 'tokens.css'),
    text(folder, 'print.css'),
    text(folder, 'epub.css'),
    text(folder, 'epub/content.opf.ejs'),
    text(folder, 'epub/toc.xhtml.ejs'),
    text(folder, 'epub/toc.ncx.ejs'),
    text(folder, 'epub/chapter.xhtml.ejs'),
  ]);
  return {
    theme: { layout, cover, partials: parts, printCss: `${fonts.printCss}\n${tokens}\n${print}`, epubCss: `${fonts.epubCss}\n${epubCss}` },
    epub: { contentOPF, tocXHTML, tocNCX, chapterXHTML },
    fonts: fonts.files,
  };
}
