// Saved web pages: the article only, without navigation, ads, related links or comments.
// Readability over linkedom finds the article; the page's metadata names its title, author,
// date and site; the article's HTML becomes the mdast the other readers make, and from
// there the same rules run. Nothing here fetches anything: images are dropped, and said so.
import type { Root as HastRoot } from 'hast';
import { fromHtml, type OnError } from 'hast-util-from-html';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { SOURCE } from '../file.js';
import { findArticle } from './article.js';
import { parseDocument } from './dom.js';
import { pageFacts, type PageFacts } from './facts.js';
import { pageTexts, placeBlocks } from './lines.js';
import { readMetadata } from './metadata.js';
import { toMdast } from './to-mdast.js';
import { cutBeforeHeadline, cutTail, dropCreditLines } from './trim.js';

type ParseError = Parameters<OnError>[0];

/** What parse5 notes on nearly every saved page, and browsers never mind. */
const HARMLESS_PARSE_ERRORS = new Set(['missing-doctype']);

function reportMalformed(file: VFile, errors: readonly ParseError[]): void {
  const [first] = errors;
  if (!first) return;
  // A page that ends inside a tag or comment was probably saved before it finished loading.
  const truncated = errors.some((error) => error.ruleId?.startsWith('eof-'));
  const count = errors.length === 1 ? 'one problem' : `${errors.length} problems`;
  const message = `the HTML is malformed (${count}; the first: ${first.reason}); it was read as a browser would${
    truncated ? ', but the page may be cut short' : ''
  }`;
  const place = first.line ? { line: first.line, column: first.column ?? 1 } : null;
  if (truncated) file.message(message, { place, ruleId: 'malformed-html', source: SOURCE });
  else file.info(message, { place, ruleId: 'malformed-html', source: SOURCE });
}

/** The page with positions, for the lines sentences cite; its parse errors are reported. */
function parsePositioned(file: VFile, html: string): HastRoot {
  const errors: ParseError[] = [];
  const page = fromHtml(html, { onerror: (error) => void errors.push(error) });
  reportMalformed(
    file,
    errors.filter((error) => !HARMLESS_PARSE_ERRORS.has(error.ruleId ?? '')),
  );
  return page;
}

/**
 * Trims what Readability's box took in beyond the article, the headline too, which the
 * Source holds as its title. A credit line's date completes facts that lack one.
 */
function trimArticle(tree: Root, facts: PageFacts): PageFacts {
  if (facts.title !== null) cutBeforeHeadline(tree, facts.title);
  const credited = dropCreditLines(tree, facts);
  cutTail(tree, facts.author);
  return { ...facts, published: facts.published ?? credited };
}

function reportImages(file: VFile, images: number): void {
  if (images === 0) return;
  const count = images === 1 ? 'one image' : `${images} images`;
  file.message(`${count} left out: a pack is built offline and never fetches anything`, { ruleId: 'images-dropped', source: SOURCE });
}

/** What the page states about itself plays the part front matter plays for Markdown. */
function recordFacts(file: VFile, facts: PageFacts): void {
  file.data.frontMatter = {
    ...(facts.title !== null && { title: facts.title }),
    ...(facts.kicker !== null && { kicker: facts.kicker }),
    ...(facts.author !== null && { author: facts.author }),
    ...(facts.published !== null && { date: facts.published }),
    ...(facts.lang !== null && { lang: facts.lang }),
  };
  file.data.siteName = facts.site;
}

function skip(file: VFile, message: string, ruleId: string): null {
  // Line 0, like every diagnostic about a whole file that was skipped.
  file.message(message, { place: { line: 0, column: 0 }, ruleId, source: SOURCE });
  return null;
}

/**
 * Chromium's parser stops nesting elements at 512 levels; no article needs more. Deeper pages are
 * refused before Readability, which walks them recursively: with a small stack it overflows at
 * once, with a large one (a worker thread) it runs for minutes.
 */
const MAX_NESTING = 512;

/** How deep the page's elements nest, walked without recursion. */
function nestingOf(page: HastRoot): number {
  let deepest = 0;
  const stack: { node: HastRoot | HastRoot['children'][number]; depth: number }[] = [{ node: page, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** The article of the page in `file` as mdast, or null (and a warning) when it has none. */
export function readPage(file: VFile): Root | null {
  try {
    return readArticle(file);
  } catch (error) {
    // The parsers and Readability recurse once per level of nesting; browsers cap the depth.
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    return skip(file, 'the page nests its markup too deeply to read; skipped', 'too-deep');
  }
}

function readArticle(file: VFile): Root | null {
  const html = String(file.value);
  const page = parsePositioned(file, html);
  if (nestingOf(page) > MAX_NESTING) return skip(file, `the page nests its markup more than ${MAX_NESTING} levels deep, which no article needs; skipped`, 'too-deep');
  const document = parseDocument(page);
  // Read before Readability runs: it rewrites the document as it goes.
  const metadata = readMetadata(document, (reason) =>
    file.info(`a JSON-LD block is not valid JSON (${reason}); it was ignored`, { ruleId: 'json-ld', source: SOURCE }),
  );
  const article = findArticle(document);
  if (article === null) return skip(file, 'no article found on this page: only navigation, links or boilerplate; skipped', 'no-article');
  const { tree, images } = toMdast(article.content);
  reportImages(file, images);
  const facts = trimArticle(tree, pageFacts(metadata, article));
  recordFacts(file, facts);
  placeBlocks(tree, pageTexts(page));
  return tree;
}
