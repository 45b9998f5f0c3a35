// The byline names the author wherever pasting left it: on a line under the title, on the
// last line, or glued to the end of the last paragraph ("…the conflict.By Jane Doe").
// It is metadata, so it leaves the tree; front matter's author wins over it.
import type { Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import { plainTextOf } from '../mdast.js';
import { findDate } from './dates.js';

/** How many blocks under the title may hold the byline. */
const LEADING_BLOCKS = 3;
const MAX_BYLINE_WORDS = 16;

const PARTICLE = String.raw`(?:al|bin|da|de|del|della|der|di|dos|du|el|ibn|la|le|van|von)`;
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)*${WORD}){0,4}`;
const NAMES = String.raw`${NAME}(?:,?\s+(?:and|&)\s+${NAME})*`;
const CREDIT = String.raw`(?:[Bb]y|BY|Written by|Words by|Text by|Reporting by)`;

/** "By Jane Doe", "By JANE DOE and John Roe, Reuters", "(Reporting by Jane Doe; Editing by …)" */
const BYLINE = new RegExp(String.raw`^\(?${CREDIT}\s+(${NAMES})(?:(?:\s*[,|;•·–—]|\s+-|\s+in\s)\s*(.*?))?\)?$`, 'u');
const GLUED = new RegExp(String.raw`(?<=[.!?…"”’)])\s*${CREDIT}\s+(${NAMES})\s*$`, 'u');

/**
 * "By The Numbers" heads a section, and "By Monday Night" or "By Christmas, a deal" opens a
 * sentence: not names. A month or a season alone is a time ("By March, …"); followed by a surname
 * it may be a name ("By April Ryan").
 */
const NOT_A_NAME =
  /^(?:(?:The|This|That|These|Those|Then|Now|Next|Today|Tonight|Midnight|Noon|Dawn|Nightfall|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Christmas|Easter|Thanksgiving|Ramadan|Passover|Hanukkah|Diwali|Eid|New Year|Election Day)\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Spring|Summer|Autumn|Fall|Winter)$)/;

/** A name as found, without the full stop of a byline written as a sentence. */
function authorOf(name: string): string {
  return name.replace(/(?<=\p{L}{2})\.$/u, '');
}

interface Byline {
  author: string;
  /** What follows the name: an outlet, a role, a date. */
  rest: string;
}

export function parseByline(text: string): Byline | null {
  if (text.split(/\s+/).length > MAX_BYLINE_WORDS) return null;
  const match = BYLINE.exec(text);
  const author = match?.[1];
  if (!author || NOT_A_NAME.test(author)) return null;
  const rest = match[2] ?? '';
  return /[.!?]$/.test(rest) ? null : { author: authorOf(author), rest };
}

function bylineOf(node: RootContent | undefined): Byline | null {
  return node?.type === 'paragraph' || node?.type === 'heading' ? parseByline(plainTextOf(node)) : null;
}

/** Cuts a byline glued to the end of the paragraph's last text and returns its name. */
function cutGluedByline(paragraph: Paragraph): string | null {
  const last = paragraph.children.at(-1);
  if (last?.type !== 'text') return null;
  const match = GLUED.exec(last.value);
  const author = match?.[1];
  if (!match || !author || NOT_A_NAME.test(author)) return null;
  last.value = last.value.slice(0, match.index);
  return authorOf(author);
}

function takeLeadingByline(tree: Root): Byline | null {
  const index = tree.children.slice(0, LEADING_BLOCKS).findIndex((node) => bylineOf(node) !== null);
  const byline = bylineOf(tree.children[index]);
  if (byline) tree.children.splice(index, 1);
  return byline;
}

function takeClosingByline(tree: Root): Byline | null {
  const last = tree.children.at(-1);
  const byline = bylineOf(last);
  if (byline) {
    tree.children.pop();
    return byline;
  }
  const author = last?.type === 'paragraph' ? cutGluedByline(last) : null;
  return author ? { author, rest: '' } : null;
}

export const readByline: Plugin<[], Root> = function () {
  return (tree, file) => {
    // Both are taken out: some outlets print the byline above and below the article.
    const leading = takeLeadingByline(tree);
    const closing = takeClosingByline(tree);
    const byline = leading ?? closing;
    file.data.author = file.data.frontMatter?.author ?? byline?.author ?? null;
    // "By Jane Doe | 3 March 2025": the byline may be the only place the date is stated.
    file.data.published ??= byline ? (findDate(byline.rest)?.iso ?? null) : null;
  };
};
