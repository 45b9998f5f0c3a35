import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { makeSource } from './helpers.js';

const src = (id: string, text: string, meta: { author?: string; via?: string[] } = {}) => makeSource(id, [{ p: text }], meta);

describe('findActors: choosing name and role', () => {
  it('the most frequent role wins; between equally frequent roles the longer one', () => {
    const index = findActors([
      src('a', 'Analyst Jane Smith spoke on Monday. Analyst Jane Smith spoke again. Senior Analyst Jane Smith spoke once more.'),
    ]);
    expect(index.actors.find((a) => a.name === 'Jane Smith')?.role).toBe('Analyst');
    const tie = findActors([src('b', 'Analyst Jane Smith spoke on Monday. Senior Analyst Jane Smith spoke again.')]);
    expect(tie.actors.find((a) => a.name === 'Jane Smith')?.role).toBe('Senior Analyst');
    const tie2 = findActors([src('c', 'Senior Analyst Jane Smith spoke on Monday. Analyst Jane Smith spoke again.')]);
    expect(tie2.actors.find((a) => a.name === 'Jane Smith')?.role).toBe('Senior Analyst');
  });

  it('between equally frequent roles of equal length, the first written wins', () => {
    const index = findActors([src('a', 'Senior Analyst Jane Smith spoke on Monday. Junior Analyst Jane Smith spoke again.')]);
    expect(index.actors.find((a) => a.name === 'Jane Smith')?.role).toBe('Senior Analyst');
  });

  it('keeps a lone name seen mid-sentence, and a sentence-initial one whose kind the context tells', () => {
    const mid = findActors([src('a', 'Reporters interviewed Petrov yesterday.')]);
    expect(mid.actors.map((a) => a.name)).toContain('Petrov');
    const initial = findActors([src('b', 'Petrov said the talks failed.')]);
    expect(initial.actors.find((a) => a.name === 'Petrov')?.kind).toBe('person');
  });

  it('a surname shared by two people stays its own entry', () => {
    const index = findActors([src('a', 'Jane Smith and John Smith testified yesterday. Reporters quoted Smith afterwards.')]);
    const names = index.actors.map((a) => a.name);
    expect(names).toContain('Smith');
    expect(index.actors.find((a) => a.name === 'Jane Smith')?.mentions).toBe(1);
  });

  it('between equally frequent spellings of a name, the choice does not depend on the order of mention', () => {
    const one = findActors([src('a', 'Officials at ACME Corp disagreed yesterday. Officials at Acme Corp agreed yesterday.')]);
    const two = findActors([src('b', 'Officials at Acme Corp agreed yesterday. Officials at ACME Corp disagreed yesterday.')]);
    expect(one.actors.find((a) => a.name.toLowerCase() === 'acme corp')?.name).toBe('ACME Corp');
    expect(two.actors.find((a) => a.name.toLowerCase() === 'acme corp')?.name).toBe('ACME Corp');
  });

  it('a sentence author is no actor', () => {
    const index = findActors([src('a', 'Officials met Jane Smith on Monday. Jane Smith said little.', { author: 'Jane Smith' })]);
    expect(index.actors.map((a) => a.name)).not.toContain('Jane Smith');
  });

  it('a capitalised sentence opener with no other evidence is dropped', () => {
    const index = findActors([src('a', 'Markets rallied after the decision.')]);
    expect(index.actors.map((a) => a.name)).not.toContain('Markets');
  });

  it('persons in a sentence come in order of mention, each once', () => {
    const index = findActors([src('a', 'Jane Smith visited John Brown yesterday. John Brown and Jane Smith and John Brown spoke together.')]);
    expect(index.personsIn('a:s1').map((a) => a.name)).toEqual(['Jane Smith', 'John Brown']);
    expect(index.personsIn('a:s2').map((a) => a.name)).toEqual(['John Brown', 'Jane Smith']);
  });

  it('resolves a name written after a lower-case role, and a surname alone', () => {
    const index = findActors([src('a', 'Dana Whitfield said the poll was close. Whitfield added more.')]);
    expect(index.resolve('pollster Dana Whitfield')?.name).toBe('Dana Whitfield');
    expect(index.resolve('the   pollster  Dana Whitfield')?.name).toBe('Dana Whitfield');
    expect(index.resolve('Senator Whitfield')?.name).toBe('Dana Whitfield');
    expect(index.resolve('Whitfield')?.name).toBe('Dana Whitfield');
    expect(index.resolve('D. Whitfield')?.name).toBe('Dana Whitfield');
  });
});
