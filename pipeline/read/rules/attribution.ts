// The outlets a text passed through on its way here, nearest first: "Caliber.Az reports
// via Bloomberg" → Caliber.Az, Bloomberg. The sentence itself stays in the body.
// "according to X" names a source of facts as often as an outlet, so a lone name counts
// only when it looks like an outlet.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { plainTextOf, visitNodes } from '../mdast.js';

const WORD = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*`;
// The lookbehind keeps a name from starting inside a word.
const NAME = String.raw`(?<![\p{L}\p{N}])(?:[Tt]he\s+)?${WORD}(?:\s+(?:of\s+|&\s+)?${WORD}){0,4}`;
const REPORT = String.raw`(?:a |an |the )?(?:report|article|story|investigation|interview)\s+(?:by|in|from|with|published by)\s+`;

/**
 * "X reports via Y", "X reported, citing Y": a relay names both ends. What X cites may be any
 * source ("citing the fleet's press service"), so after "citing" and "quoting" Y counts only when
 * it looks like an outlet.
 */
const RELAY = new RegExp(String.raw`(${NAME})\s+(?:reports|reported|writes|wrote),?\s+(via|citing|quoting)\s+(${NAME})`, 'gu');
/** "according to a report by X", "as reported by X", "citing X". */
const CREDITED = new RegExp(String.raw`\b(?:according to|reported by|citing|quoting)\s+(${REPORT})?(${NAME})`, 'gu');
/** A wire dateline: "BRUSSELS, Feb 24 (Reuters) - …". */
const WIRE_DATELINE = new RegExp(String.raw`^\p{Lu}[^()]{0,60}\((${NAME})\)\s*[-–—]`, 'u');
/** "…, Reuters reported." */
const REPORTED = new RegExp(String.raw`(${NAME})\s+(?:reported|reports)\b`, 'gu');

const OUTLET_WORDS = new Set([
  'News', 'Times', 'Post', 'Journal', 'Agency', 'Press', 'Tribune', 'Herald', 'Gazette', 'Telegraph',
  'Guardian', 'Review', 'Radio', 'Television', 'TV', 'Network', 'Wire', 'Daily', 'Media', 'Observer',
  'Economist', 'Monitor', 'Insider', 'Bulletin', 'Chronicle', 'Standard', 'Independent', 'Magazine',
  'Weekly', 'Broadcasting', 'Newspaper', 'Online', 'Today',
]);

/** News agencies and outlets whose names carry no outlet word. */
const AGENCIES = new Set([
  'Reuters', 'Bloomberg', 'AFP', 'AP', 'Agence France-Presse', 'Interfax', 'Xinhua', 'TASS', 'RIA Novosti',
  'Ukrinform', 'Anadolu', 'Kyodo', 'Yonhap', 'dpa', 'DPA', 'ANSA', 'EFE', 'Politico', 'Axios', 'BBC', 'CNN',
  'Al Jazeera', 'Euronews', 'Semafor', 'Meduza', 'Kommersant', 'Vedomosti', 'Le Monde', 'Der Spiegel',
]);

/**
 * A name as the text writes it, without what the pattern took beyond it: the next sentence (a word
 * of two small letters or more, then a full stop: "Reuters. Officials", while "St. Petersburg"
 * and "U.S. Army" stay whole), a lower-case "the" before it, and trailing dots and apostrophes.
 */
function cleanName(name: string): string {
  const sentence = name.split(/(?<=\p{Ll}{2})\.\s+/u)[0] ?? name;
  return sentence.replace(/^the\s+/u, '').replace(/[.'’]+$/u, '');
}

export function looksLikeOutlet(name: string): boolean {
  const last = name.split(/\s+/).at(-1) ?? '';
  // A domain name as masthead: Caliber.Az, Axios.com.
  return AGENCIES.has(name) || OUTLET_WORDS.has(last) || /\p{L}\.\p{L}{2,}$/u.test(name);
}

/** Outlets named in one text, each once, in the order the text names them. */
export function outletsIn(text: string): string[] {
  const found: { index: number; names: string[] }[] = [];
  const wire = WIRE_DATELINE.exec(text)?.[1];
  if (wire) found.push({ index: 0, names: [cleanName(wire)] });
  for (const match of text.matchAll(RELAY)) {
    const [from, to] = [cleanName(match[1] ?? ''), cleanName(match[3] ?? '')];
    found.push({ index: match.index, names: match[2] === 'via' || looksLikeOutlet(to) ? [from, to] : [from] });
  }
  for (const match of text.matchAll(CREDITED)) {
    const name = cleanName(match[2] ?? '');
    if (match[1] || looksLikeOutlet(name)) found.push({ index: match.index, names: [name] });
  }
  for (const match of text.matchAll(REPORTED)) {
    const name = cleanName(match[1] ?? '');
    if (looksLikeOutlet(name)) found.push({ index: match.index, names: [name] });
  }
  const names = found.sort((a, b) => a.index - b.index).flatMap((entry) => entry.names);
  return [...new Set(names.filter(Boolean))];
}

export const readAttribution: Plugin<[], Root> = function () {
  return (tree, file) => {
    const stated = file.data.frontMatter?.via;
    if (stated) {
      file.data.via = stated;
      return;
    }
    // A web page's site published the text the reader has, so it comes first.
    const via = file.data.siteName ? [file.data.siteName] : [];
    visitNodes(tree, (node) => {
      if (node.type === 'paragraph') via.push(...outletsIn(plainTextOf(node)));
    });
    file.data.via = [...new Set(via)];
  };
};
