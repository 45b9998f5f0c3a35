// Articles the analysis cannot read: its lexicons and rules are English, so an article in another
// language is grouped into a story (by its names and numbers, mostly) and listed, but its quotes,
// risks and scenarios are not found. The analyst is told which articles these are.
import { franc } from 'franc-min';
import type { Diagnostic, Source } from '../../model.js';
import { bodySentences } from './sentences.js';

/** Characters of text franc needs to tell languages apart reliably, and the most it looks at. */
const MIN_CHARS = 200;
const MAX_CHARS = 3000;

const names = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The language an article is written in, as an ISO 639-3 code ("eng", "fra"), or null when its
 * text is too short to tell and its page declares none.
 */
export function languageOf(source: Source): string | null {
  const text = bodySentences(source)
    .map((s) => s.text)
    .join(' ')
    .slice(0, MAX_CHARS);
  if (text.length >= MIN_CHARS) {
    const code = franc(text, { minLength: MIN_CHARS });
    if (code !== 'und') return code;
  }
  // Too short to tell: a language the page itself declares still counts.
  const declared = source.lang.toLowerCase().split('-')[0] ?? '';
  return declared === '' || declared === 'en' ? null : declared;
}

/** A warning for each article that is not in English. */
export function languageNotes(sources: readonly Source[]): Diagnostic[] {
  const notes: Diagnostic[] = [];
  for (const source of sources) {
    const code = languageOf(source);
    if (code === null || code === 'eng' || code === 'en') continue;
    notes.push({
      file: source.path,
      line: 0,
      column: 0,
      severity: 'warning',
      ruleId: 'enrich/language',
      message: `reads as ${languageName(code)}, not English: the analysis's rules are English, so its quotes, risks and scenarios are mostly missed; it is still listed and grouped into a story`,
    });
  }
  return notes;
}
