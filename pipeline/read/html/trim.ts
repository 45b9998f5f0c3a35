// What Readability leaves around an article when it draws its box too wide: the page's
// chrome above the headline, the credit and date lines under it, an author's bio or the
// comments below the text. The page's own metadata is what tells them apart: a line that
// holds nothing but the author's name, a date and a label or two is a credit line.
import type { Root, RootContent } from 'mdast';
import { plainTextOf } from '../mdast.js';
import { findDate } from '../rules/dates.js';
import { similarity, squash } from './compare.js';
import type { PageFacts } from './facts.js';

const SAME_TITLE = 0.8;
/** How many blocks at either end may be credit lines. */
const EDGE_BLOCKS = 4;
const MAX_CREDIT_WORDS = 20;
/** What a credit line may hold besides names, dates and times: "Updated", "By", "AP Auto Writer". */
const MAX_LEFT_WORDS = 3;
const TIME = /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b|\b[ap]\.?m\.?\b|\b(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|IST)\b/gi;
/** Headings under which a page's tail holds no more of the article. */
const TAIL_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|discussion)$|^(?:leave a (?:reply|comment)|join the (?:conversation|discussion)|about the author|related(?: (?:articles|posts|stories|coverage))?|more (?:from|on|stories)|you (?:may|might) also like|recommended|read (?:more|next)|most (?:read|popular))\b/i;

function textOf(node: RootContent): string | null {
  return node.type === 'heading' || node.type === 'paragraph' ? plainTextOf(node) : null;
}

/** The headline and everything above it go: what comes first on a page is its masthead. */
export function cutBeforeHeadline(tree: Root, title: string): void {
  const within = Math.max(EDGE_BLOCKS, Math.floor(tree.children.length / 2));
  const index = tree.children.slice(0, within).findIndex((node) => {
    const text = textOf(node);
    if (text === null) return false;
    return node.type === 'heading' ? similarity(text, title) >= SAME_TITLE : squash(text) === squash(title);
  });
  if (index !== -1) tree.children.splice(0, index + 1);
}

function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The text without every date `findDate` knows. */
function withoutDates(text: string): { text: string; found: boolean } {
  let rest = text;
  let found = false;
  for (let date = findDate(rest); date !== null; date = findDate(rest)) {
    rest = `${rest.slice(0, date.index)} ${rest.slice(date.index + date.length)}`;
    found = true;
  }
  return { text: rest, found };
}

/** A line that says who wrote the article and when, and nothing else. */
export function isCreditLine(text: string, facts: Pick<PageFacts, 'author' | 'site'>): boolean {
  if (wordsIn(text) > MAX_CREDIT_WORDS) return false;
  const names = [...(facts.author?.split(', ') ?? []), facts.site ?? ''].filter(Boolean);
  let rest = text;
  let named = false;
  for (const name of names) {
    const at = rest.toLowerCase().indexOf(name.toLowerCase());
    if (at === -1) continue;
    rest = `${rest.slice(0, at)} ${rest.slice(at + name.length)}`;
    named ||= name !== facts.site;
  }
  const undated = withoutDates(rest.replace(TIME, ' '));
  return (named || undated.found) && wordsIn(undated.text) <= MAX_LEFT_WORDS;
}

/**
 * Removes credit and date lines at the top and bottom of the article and returns the first
 * date they state: for a page whose metadata has none, it is the publication date.
 */
export function dropCreditLines(tree: Root, facts: Pick<PageFacts, 'author' | 'site'>): string | null {
  const count = tree.children.length;
  let date: string | null = null;
  tree.children = tree.children.filter((node, index) => {
    const atEdge = index < EDGE_BLOCKS || index >= count - EDGE_BLOCKS;
    const text = atEdge && node.type === 'paragraph' ? plainTextOf(node) : null;
    if (text === null || !isCreditLine(text, facts)) return true;
    date ??= findDate(text)?.iso ?? null;
    return false;
  });
  return date;
}

/** From a heading over comments, related stories or the author's bio, the rest goes. */
export function cutTail(tree: Root, author: string | null): void {
  const from = Math.floor(tree.children.length / 2);
  const index = tree.children.findIndex((node, i) => {
    if (i < from || node.type !== 'heading') return false;
    const text = plainTextOf(node);
    return TAIL_HEADING.test(text) || (author !== null && squash(text) === squash(author));
  });
  if (index !== -1) tree.children.splice(index);
}
