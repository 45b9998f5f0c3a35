// The date an article was published, when it says so near the top: front matter, a date
// line under the title ("Published 3 March 2025"), or a dateline opening the first
// paragraph ("LONDON, 3 March 2025 — …"). Dates further down are events, not publication.
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { SOURCE } from '../file.js';
import { plainTextOf } from '../mdast.js';
import { findDate } from './dates.js';

/** How many blocks under the title may hold the date line. */
const LEADING_BLOCKS = 3;

const LABEL = /^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?|date)\s*:?\s*/i;
const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*/i;
const TIME_AFTER_DATE = /^[\s,|·–—-]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?\s*\.?$/i;
/** "LONDON, ", "KYIV, Ukraine, ", "BRUSSELS (AP) ": capitalised words only, or nothing. */
const PLACE_BEFORE_DATE = /^[\s(]*(?:\p{Lu}[\p{L}.'’-]*(?:[\s,()]+|$))*$/u;
const DASH_AFTER_DATE = /^\s*(?:\([^)]*\)\s*)?[—–-]/;

/** The ISO date of a line that states only when the article appeared, or null. */
export function dateLineDate(text: string): string | null {
  const rest = text.replace(LABEL, '').replace(WEEKDAY, '');
  const found = findDate(rest);
  if (found?.index !== 0 || !TIME_AFTER_DATE.test(rest.slice(found.length))) return null;
  return found.iso;
}

/** The ISO date of a dateline opening a paragraph, or null. */
export function datelineDate(text: string): string | null {
  const found = findDate(text.slice(0, 80));
  if (!found) return null;
  const before = text.slice(0, found.index);
  const after = text.slice(found.index + found.length);
  return PLACE_BEFORE_DATE.test(before) && DASH_AFTER_DATE.test(after) ? found.iso : null;
}

function frontMatterDate(file: VFile): string | null {
  const stated = file.data.frontMatter?.date;
  if (stated === undefined) return null;
  const iso = findDate(stated)?.iso ?? null;
  if (iso === null) {
    file.message(`front matter date "${stated}" is not a date I can read; use YYYY-MM-DD`, {
      place: { line: 1, column: 1 },
      ruleId: 'front-matter-date',
      source: SOURCE,
    });
  }
  return iso;
}

function isTextBlock(node: RootContent | undefined): node is Extract<RootContent, { type: 'paragraph' | 'heading' }> {
  return node?.type === 'paragraph' || node?.type === 'heading';
}

/** Removes date lines among the leading blocks and returns the first date they state. */
function takeDateLines(tree: Root): string | null {
  let published: string | null = null;
  const leading = new Set(tree.children.slice(0, LEADING_BLOCKS));
  tree.children = tree.children.filter((node) => {
    if (!leading.has(node) || !isTextBlock(node)) return true;
    const iso = dateLineDate(plainTextOf(node));
    published ??= iso;
    return iso === null;
  });
  return published;
}

export const readPublished: Plugin<[], Root> = function () {
  return (tree, file) => {
    const stated = frontMatterDate(file);
    const fromLine = takeDateLines(tree);
    const opening = tree.children.find((node) => node.type === 'paragraph');
    const fromDateline = opening ? datelineDate(plainTextOf(opening)) : null;
    file.data.published = stated ?? fromLine ?? fromDateline;
  };
};
