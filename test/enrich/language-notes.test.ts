// The warning for an article that is not in English names its language in words where it can,
// and by the code the article declares where the code is not one the language names know.
import { describe, expect, it } from 'vitest';
import { languageNotes } from '../../pipeline/enrich/annotate/language.js';
import { makeSource } from './helpers.js';

const short = (lang: string) => makeSource('note', [{ p: 'Les dockers font grève.' }], { lang });

describe('languageNotes', () => {
  it('names a declared language in words', () => {
    const notes = languageNotes([short('fr-FR')]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: 'seeds/note.md', severity: 'warning', ruleId: 'enrich/language' });
    expect(notes[0]?.message).toMatch(/^reads as French, not English/);
  });

  it('falls back to the declared code, never "undefined", when the code is not a valid language tag', () => {
    const notes = languageNotes([short('x-pirate')]);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toMatch(/^reads as x[\w-]*, not English/);
    expect(notes[0]?.message).not.toContain('undefined');
  });
});
