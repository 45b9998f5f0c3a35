// Kinds and merges of actors as British political news writes them, on text written for these tests.
import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { findQuotes } from '../../pipeline/enrich/annotate/quotes.js';
import { classifyWords } from '../../pipeline/enrich/annotate/names.js';
import { ORGANISATIONS, GROUP_WORDS } from '../../pipeline/enrich/annotate/lexicon.js';
import { article } from './helpers.js';

const kindOf = (phrase: string) => classifyWords(phrase.split(' '))?.kind ?? null;

describe('kinds from the actor-words data file', () => {
  it('takes plural and short party names for organisations, not people', () => {
    for (const party of ['Tories', 'Lib Dems', 'Liberal Democrats', 'Plaid Cymru', 'Labour']) expect(kindOf(party), party).toBe('organization');
  });

  it('takes a capitalised phrase ending in a group word for a group of people, and a group word alone for no one', () => {
    expect(kindOf('Labour MPs')).toBe('group');
    expect(kindOf('UK Muslims')).toBe('group');
    expect(classifyWords(['Ministers'])).toBeNull();
  });

  it('reads the role of an MP, an MSP or an MEP before the name', () => {
    expect(classifyWords('Labour MP Stephen Pound'.split(' '))).toMatchObject({ name: 'Stephen Pound', kind: 'person' });
  });

  it('does not take a surname that is also a place word for a place (Lina Park, Barbara Castle)', () => {
    expect(kindOf('Lina Park')).toBe('person');
    expect(kindOf('Barbara Castle')).toBe('person');
  });

  it('reads the lists from the data file, in lower case', () => {
    expect(ORGANISATIONS.has('tories')).toBe(true);
    expect(GROUP_WORDS.has('mps')).toBe(true);
  });
});

describe('one actor per person', () => {
  it('a title and surname, and a surname, are the full name’s mentions (Baroness Boothroyd, Mr Blair)', () => {
    const sources = [article('a', 'Betty Boothroyd spoke in the Lords on Monday.', 'Baroness Boothroyd said the bill was flawed.'), article('b', 'Tony Blair met union leaders.', 'Mr Blair said talks would go on.')];
    const { actors } = findActors(sources);
    const names = actors.filter((a) => a.kind === 'person').map((a) => a.name);
    expect(names).toContain('Betty Boothroyd');
    expect(names).toContain('Tony Blair');
    expect(names).not.toContain('Boothroyd');
    expect(names).not.toContain('Blair');
  });

  it('two people who share a surname stay apart; a lone surname joins the one its article names', () => {
    const sources = [
      article('a', 'Michael Howard attacked the budget on Tuesday.', 'Howard said the plans would cost jobs.'),
      article('b', 'Andrew Howard, a councillor, backed the scheme.', 'Howard said the money was well spent.'),
    ];
    const index = findActors(sources);
    const people = index.actors.filter((a) => a.kind === 'person').map((a) => [a.name, a.mentions]);
    expect(people).toEqual(expect.arrayContaining([['Michael Howard', 2], ['Andrew Howard', 2]]));
    expect(index.resolve('Howard', 'a')?.name).toBe('Michael Howard');
    expect(index.resolve('Mr Howard', 'b')?.name).toBe('Andrew Howard');
    const { quotes } = findQuotes(sources, index);
    expect(quotes).toEqual([]);
  });

  it('a quote by a surname takes the full name its article gives', () => {
    const sources = [
      article('a', 'Michael Howard attacked the budget on Tuesday.', '“These plans will cost thousands of jobs,” Mr Howard said.'),
      article('b', 'Andrew Howard, a councillor, backed the scheme.', '“The money has been well spent in our town,” Howard said.'),
    ];
    const { quotes } = findQuotes(sources, findActors(sources));
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([
      ['Michael Howard', 'Mr Howard'],
      ['Andrew Howard', 'Howard'],
    ]);
  });

  it('a place is no one’s surname: “European” stays with Europe, not with a firm called HI Europe', () => {
    const sources = [article('a', 'The study by consultants Booz Allen Hamilton and HI Europe ranked the UK third.', 'He said the European elections had changed the party.')];
    const { actors } = findActors(sources);
    expect(actors.find((a) => a.name === 'Europe')?.kind).toBe('place');
    expect(actors.find((a) => a.name === 'HI Europe')?.mentions ?? 1).toBe(1);
  });
});
