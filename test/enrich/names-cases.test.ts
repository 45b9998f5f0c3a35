import { describe, expect, it } from 'vitest';
import { classifyWords, namesInSentence } from '../../pipeline/enrich/annotate/names.js';
import { tag } from '../../pipeline/enrich/annotate/nlp.js';

const mention = (sentence: string, name: string) => namesInSentence(tag(sentence)).find((m) => m.name === name);

describe('classifyWords: possessives', () => {
  it('drops a possessive from the last word, straight or curly, and after a final s', () => {
    expect(classifyWords(["Smith's"])?.name).toBe('Smith');
    expect(classifyWords(['Smith’s'])?.name).toBe('Smith');
    expect(classifyWords(["Jones'"])?.name).toBe('Jones');
    expect(classifyWords(['James’'])?.name).toBe('James');
  });

  it('keeps an apostrophe inside a name and a possessive on an earlier word', () => {
    expect(classifyWords(["Ma'sud"])?.name).toBe("Ma'sud");
    expect(classifyWords(["Is'haq"])?.name).toBe("Is'haq");
    expect(classifyWords(["Lagarde's", 'Office'])).toMatchObject({ name: "Lagarde's Office", kind: 'organization' });
  });

  it('a detached possessive token leaves a lone word, not a two-word person', () => {
    expect(classifyWords(['Joe', '’s'])).toEqual({ name: 'Joe', kind: null, role: null, inner: [], strong: false });
  });
});

describe('classifyWords: honorifics, events and single words', () => {
  it('strips honorifics and makes what follows a person', () => {
    expect(classifyWords(['Dr', 'Smith'])).toEqual({ name: 'Smith', kind: 'person', role: null, inner: [], strong: true });
    expect(classifyWords(['Mr', 'Mrs', "Smith's"])?.name).toBe('Smith');
    expect(classifyWords(['Mr'])).toBeNull();
  });

  it('a lone surname has no kind yet and is weak evidence', () => {
    expect(classifyWords(['Smith'])).toEqual({ name: 'Smith', kind: null, role: null, inner: [], strong: false });
  });

  it('event names name no actor', () => {
    expect(classifyWords(['Hurricane', 'Milton'])).toBeNull();
    expect(classifyWords(['Milton', 'Summit'])).toBeNull();
  });

  it('a country or nationality is a strong mention of the place', () => {
    expect(classifyWords(['Russia'])).toEqual({ name: 'Russia', kind: 'place', role: null, inner: [], strong: true });
    expect(classifyWords(['Russian'])).toEqual({ name: 'Russia', kind: 'place', role: null, inner: [], strong: true });
  });

  it('a lone demonym with no country names no actor', () => {
    expect(classifyWords(['Arab'])).toBeNull();
    expect(classifyWords(['Western'])).toBeNull();
  });
});

describe('classifyWords: roles before a name', () => {
  it('splits role and name, with places and acronyms in the role as inner names', () => {
    expect(classifyWords(['Russian', 'President', 'Vladimir', 'Putin'])).toEqual({
      name: 'Vladimir Putin',
      kind: 'person',
      role: 'Russian President',
      inner: [{ name: 'Russia', kind: 'place' }],
      strong: true,
    });
    expect(classifyWords(['NATO', 'Secretary', 'General', 'Mark', 'Rutte'])).toEqual({
      name: 'Mark Rutte',
      kind: 'person',
      role: 'NATO Secretary General',
      inner: [{ name: 'NATO', kind: 'organization' }],
      strong: true,
    });
  });

  it('ordinary role words are not inner names', () => {
    expect(classifyWords(['Defence', 'Secretary', 'John', 'Healey'])).toEqual({
      name: 'John Healey',
      kind: 'person',
      role: 'Defence Secretary',
      inner: [],
      strong: true,
    });
  });

  it('a phrase of role words only is not split into an empty name', () => {
    expect(classifyWords(['NATO', 'Secretary'])).toEqual({ name: 'NATO Secretary', kind: 'person', role: null, inner: [], strong: true });
  });

  it('a role ending in an institution word is not a role: the whole phrase is the organisation', () => {
    expect(classifyWords(['President', 'Ministry', 'Smith'])).toEqual({
      name: 'President Ministry Smith',
      kind: 'organization',
      role: null,
      inner: [],
      strong: true,
    });
  });
});

describe('classifyWords: organisations, places, acronyms, qualifiers', () => {
  it('an institution word makes an organisation', () => {
    expect(classifyWords(['Crisis', 'Group'])).toEqual({ name: 'Crisis Group', kind: 'organization', role: null, inner: [], strong: true });
  });

  it('a place word ending several words makes a place; alone it does not', () => {
    expect(classifyWords(['Hudson', 'River'])).toEqual({ name: 'Hudson River', kind: 'place', role: null, inner: [], strong: true });
    expect(classifyWords(['River'])).toEqual({ name: 'River', kind: null, role: null, inner: [], strong: false });
  });

  it('a lone acronym is an organisation', () => {
    expect(classifyWords(['NATO'])).toEqual({ name: 'NATO', kind: 'organization', role: null, inner: [], strong: true });
  });

  it('a nationality before a name becomes a place qualifier', () => {
    expect(classifyWords(['Ukrainian', 'Volodymyr', 'Zelenskyy'])).toEqual({
      name: 'Volodymyr Zelenskyy',
      kind: 'person',
      role: null,
      inner: [{ name: 'Ukraine', kind: 'place' }],
      strong: true,
    });
    expect(classifyWords(['Joe', 'Biden'])).toEqual({ name: 'Joe Biden', kind: 'person', role: null, inner: [], strong: true });
  });

  it('qualifiers never consume the last word', () => {
    expect(classifyWords(['Russian', 'Ukrainian'])).toEqual({
      name: 'Ukrainian',
      kind: null,
      role: null,
      inner: [{ name: 'Russia', kind: 'place' }],
      strong: false,
    });
  });
});

describe('namesInSentence: context', () => {
  it('a hyphenated nationality speaks of its country', () => {
    expect(namesInSentence(tag('The Russian-occupied town was shelled.'))).toEqual([
      { name: 'Russia', kind: 'place', role: null, inner: [], initial: false, strong: true, position: 1 },
    ]);
  });

  it('a speech verb after a lone name makes it a person', () => {
    expect(mention('Smith said the talks failed.', 'Smith')?.kind).toBe('person');
  });

  it('a place preposition before a lone name makes it a place, but never overrides a person', () => {
    expect(mention('Officials in Kherson met on Monday.', 'Kherson')?.kind).toBe('place');
    expect(mention('Confidence in President Joe Biden fell.', 'Joe Biden')).toMatchObject({ kind: 'person', role: 'President' });
  });

  it('a place does not take an apposition as its role', () => {
    expect(mention('Reporters in Kherson, the mayor and officials, waited.', 'Kherson')).toMatchObject({ kind: 'place', role: null });
  });

  it('an apposition with a role noun makes a lone name a person with that role', () => {
    expect(mention('They met Petrov, the Kremlin spokesman, on Friday.', 'Petrov')).toMatchObject({ kind: 'person', role: 'Kremlin spokesman' });
  });

  it('a name at the very end of an unpunctuated sentence is found', () => {
    expect(namesInSentence(tag('They met Smith'))).toEqual([
      { name: 'Smith', kind: null, role: null, inner: [], initial: false, strong: false, position: 2 },
    ]);
  });
});
