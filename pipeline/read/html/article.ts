// Readability over linkedom finds the article in a page. It returns its best guess even for
// a page that has none, so a guess made only of links, menus and boilerplate counts as none.
import { Readability } from '@mozilla/readability';
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isBoilerplate } from '../rules/boilerplate.js';
import type { PageDocument } from './dom.js';
import type { ReadabilityFacts } from './facts.js';
import { BLOCKS, DROPPED } from './phrasing.js';

/** The shortest run of text, outside links, that an article must hold somewhere. */
const MIN_RUNNING_TEXT = 30;

export interface Article extends ReadabilityFacts {
  content: HastRoot;
}

/** The text of each block outside links. */
function runningTexts(root: HastRoot): string[] {
  const texts: string[] = [];
  const walk = (node: HastContent | HastRoot, into: string[]): void => {
    if (node.type === 'text') into.push(node.value);
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && (node.tagName === 'a' || DROPPED.has(node.tagName))) return;
    const own = node.type === 'element' && BLOCKS.has(node.tagName) ? [] : into;
    for (const child of node.children) walk(child, own);
    if (own !== into) texts.push(own.join(''));
  };
  const top: string[] = [];
  walk(root, top);
  return [...texts, top.join('')].map((text) => text.replace(/\s+/g, ' ').trim());
}

function hasRunningText(content: HastRoot): boolean {
  return runningTexts(content).some((text) => text.length >= MIN_RUNNING_TEXT && !isBoilerplate(text));
}

/** The page's article, or null when it has none. Readability rewrites `document` as it goes. */
export function findArticle(document: PageDocument): Article | null {
  // Readability is typed against the DOM library's Document, which this project does not load.
  const found = new Readability(document as ConstructorParameters<typeof Readability>[0]).parse();
  if (!found?.content) return null;
  const content = fromHtml(found.content, { fragment: true });
  return hasRunningText(content) ? { ...found, content } : null;
}
