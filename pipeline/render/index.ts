// render: Brief → HTML strings. One document for print, one XHTML body per EPUB chapter.
// Pure: the templates arrive as strings (publish/theme.ts reads them from disk).
import Handlebars from 'handlebars';
import { Brief } from '../model.js';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { articleHtmls, buildView, defaultArticles, withPages, type ArticlesChoice, type PageNumbers, type View } from './view.js';

export type { PageNumbers } from './view.js';

/** The look of the pack: Handlebars sources and stylesheets, by name. */
export interface Theme {
  /** The print document; receives the view plus `css`. */
  layout: string;
  /** A one-screen page with the cover alone: the EPUB's cover image is a picture of it. */
  cover: string;
  /** Partials by name (`cover`, `contents`, `bluf`, `scenarios`, `article`, …). */
  partials: Record<string, string>;
  printCss: string;
  epubCss: string;
}

export interface EpubChapter {
  title: string;
  /** File name inside the EPUB, e.g. `scenarios.xhtml`; links between chapters use it. */
  filename: string;
  /** XHTML body content (no <html>/<body>). */
  content: string;
  /** The cover page: read before the contents, not listed in them. */
  beforeToc?: boolean;
  excludeFromToc?: boolean;
}

export interface Rendered {
  /** The print document before pagination: its contents show no page numbers yet. */
  html: string;
  /** The print document again, its contents numbered from where a first print put each target. */
  paginate: (pages: PageNumbers) => string;
  /** Texts of the print document's headings in order: what its bookmarks should say. */
  headings: string[];
  epub: {
    /** The cover page to photograph for the cover image, 1200 × 1600 CSS pixels. */
    coverHtml: string;
    chapters: EpubChapter[];
    /** The nav document's list: the same structure as the print contents. */
    nav: string;
    css: string;
    description: string;
  };
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('join', (items: unknown, separator: unknown) =>
    Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : '',
  );
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  hb.registerHelper('inc', (n: unknown) => (typeof n === 'number' ? n + 1 : n));
  hb.registerHelper('cssString', (value: unknown) => new hb.SafeString(cssString(String(value ?? ''))));
}

/** A CSS string literal that cannot end its string or the <style> element it stands in. */
export function cssString(value: string): string {
  const escaped = [...value]
    .map((ch) => (/^[\\"'<>&\p{Cc}]$/u.test(ch) ? `\\${ch.codePointAt(0)!.toString(16)} ` : ch))
    .join('');
  return `"${escaped}"`;
}

function compiler(theme: Theme) {
  // An isolated environment: partials and helpers never leak between themes or builds.
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [name, source] of Object.entries(theme.partials)) hb.registerPartial(name, source);
  // strict: a misspelt field in a template is an error at build time, not a silent blank.
  return (source: string) => hb.compile(source, { strict: true });
}

function epubChapters(view: View, compile: ReturnType<typeof compiler>): EpubChapter[] {
  const sections = view.sections.map((section) => ({
    title: section.title,
    filename: section.file,
    content: compile(`<section class="section" id="{{section.id}}">{{> ${section.partial} }}</section>`)({ ...view, section }),
  }));
  const article = compile('{{> article}}');
  const articles = view.sources.map((source) => ({
    title: source.title,
    filename: source.file,
    content: article({ ...view, source }),
  }));
  const cover = { title: 'Cover', filename: 'cover.xhtml', beforeToc: true, excludeFromToc: true, content: compile('{{> cover-page}}')(view) };
  return [cover, ...sections, ...articles];
}

function describe(brief: Brief): string {
  const first = brief.bluf[0]?.text;
  const count = `${brief.sources.length} source article${brief.sources.length === 1 ? '' : 's'}`;
  return first ? `${first} (Briefing pack from ${count}.)` : `Briefing pack from ${count}.`;
}

/**
 * The text of every heading, in order. Only the headings are parsed: the document carries its
 * fonts inline and runs to megabytes, and headings never nest or hold block content.
 */
function headingTexts(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/g)].map((match) =>
    toString(fromHtml(match[0], { fragment: true })).replace(/\s+/g, ' ').trim(),
  );
}

export interface RenderOptions {
  /** The articles printed at the back; by default all up to ALL_ARTICLES_UP_TO, else the cited. */
  articles?: ArticlesChoice;
}

export function render(brief: Brief, theme: Theme, options: RenderOptions = {}): Rendered {
  const checked = Brief.parse(brief);
  const choice = options.articles ?? defaultArticles(checked);
  const compile = compiler(theme);
  const layout = compile(theme.layout);
  // An article's HTML is the same in print and in the EPUB: made once, for both.
  const articles = articleHtmls(checked);
  const printView = buildView(checked, 'print', articles, choice);
  const print = (pages: PageNumbers) => layout({ ...printView, contents: withPages(printView.contents, pages), css: theme.printCss });
  const html = print({});
  const epubView = buildView(checked, 'epub', articles, choice);
  return {
    html,
    paginate: print,
    headings: headingTexts(html),
    epub: {
      coverHtml: compile(theme.cover)({ ...printView, css: theme.printCss }),
      chapters: epubChapters(epubView, compile),
      nav: compile('{{> nav}}')(epubView),
      css: theme.epubCss,
      description: describe(checked),
    },
  };
}
