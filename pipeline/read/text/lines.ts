// Plain-text seeds carry their structure only in the shape of their lines. These are the
// shapes the text parser tells apart, and the measures it judges them by.
import type { Heading } from 'mdast';

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  /** Leading white space in columns, a tab counting four. */
  indent: number;
  /** The line without its indent and trailing white space. */
  text: string;
}

export type LineShape =
  | { kind: 'blank' }
  | { kind: 'rule' }
  /** A bullet or number standing alone: the item's text was pasted onto the next line. */
  | { kind: 'marker'; ordered: boolean; start: number | null }
  | { kind: 'item'; ordered: boolean; start: number | null; text: string }
  | { kind: 'quote'; text: string }
  /** Markdown habits survive in plain text: `## Section`. */
  | { kind: 'heading'; depth: Heading['depth']; text: string }
  | { kind: 'text'; text: string };

const BULLET = /^[-*•·–▪◦‣]\s+(\S.*)$/u;
const LONE_BULLET = /^[-*•·–▪◦‣]$/u;
const LONE_NUMBER = /^(\d{1,3})[.)]$/;
const NUMBERED = /^(\d{1,3})[.)]\s+(\S.*)$/;
const QUOTE = /^>\s?(.*)$/;
const ATX_HEADING = /^(#{1,6})\s+(\S.*?)(?:\s+#+)?$/;
const RULE = /^(?:([-*_=•])\s*)\1(?:\s*\1)+$/u;

export function splitLines(text: string): Line[] {
  return text.split('\n').map((raw, i) => {
    const indent = /^[ \t]*/.exec(raw)?.[0] ?? '';
    return {
      number: i + 1,
      indent: [...indent].reduce((sum, c) => sum + (c === '\t' ? 4 : 1), 0),
      text: raw.trim(),
    };
  });
}

export function shapeOf(line: Line): LineShape {
  const { text } = line;
  if (text === '') return { kind: 'blank' };
  if (RULE.test(text)) return { kind: 'rule' };
  if (LONE_BULLET.test(text)) return { kind: 'marker', ordered: false, start: null };
  const number = LONE_NUMBER.exec(text);
  if (number) return { kind: 'marker', ordered: true, start: Number(number[1]) };
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'item', ordered: false, start: null, text: bullet[1] ?? '' };
  const numbered = NUMBERED.exec(text);
  if (numbered) return { kind: 'item', ordered: true, start: Number(numbered[1]), text: numbered[2] ?? '' };
  const quote = QUOTE.exec(text);
  if (quote) return { kind: 'quote', text: quote[1]?.trim() ?? '' };
  const heading = ATX_HEADING.exec(text);
  if (heading) return { kind: 'heading', depth: headingDepth(heading[1] ?? '#'), text: heading[2] ?? '' };
  return { kind: 'text', text };
}

function headingDepth(hashes: string): Heading['depth'] {
  // The pattern admits one to six hashes, so the cast cannot widen the range.
  return hashes.length as Heading['depth'];
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Ends as a sentence does, closing quote included. */
function endsSentence(text: string): boolean {
  return /[.!?…]["”’')\]]*$/u.test(text) || /["”]$/u.test(text);
}

/** Ends where a clause ends: a sentence, or a lead-in to what follows. */
export function endsClause(text: string): boolean {
  return endsSentence(text) || /[:;,]$/.test(text);
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

/**
 * The column a hard-wrapped file was wrapped at, or null when each line holds a whole
 * paragraph. Wrapping shows as long lines that break off mid-sentence with more text
 * below; a file with one paragraph a line has none, however short its paragraphs are.
 */
export function wrapWidth(lines: readonly Line[]): number | null {
  const width = Math.max(0, ...lines.map((line) => line.text.length));
  if (width < 40 || width > 100) return null;
  const brokenOff = lines.filter(
    (line, i) => line.text.length >= width * 0.6 && !endsClause(line.text) && (lines[i + 1]?.text ?? '') !== '',
  );
  return brokenOff.length >= 2 ? width : null;
}

/** `next` was moved onto its own line only because it did not fit after `previous`. */
export function wrappedBefore(previous: string, next: string, width: number | null): boolean {
  if (startsLowercase(next) && !endsClause(previous)) return true;
  if (width === null) return false;
  const firstWord = next.split(/\s+/)[0] ?? '';
  return previous.length + 1 + firstWord.length > width - 2;
}
