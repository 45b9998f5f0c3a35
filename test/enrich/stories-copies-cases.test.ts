// Which articles findCopies calls copies, and of which original, at its boundaries: the share
// threshold, the shortest articles compared by share, the order that decides the original.
import { describe, expect, test } from 'vitest';
import { findCopies, type CopyArticle } from '../../pipeline/enrich/stories/copies.js';

/** `count` distinct words, `tag` keeping each run apart from the others. */
const run = (tag: string, count: number, from = 0): string[] => Array.from({ length: count }, (_, k) => `${tag}${String.fromCharCode(97 + ((from + k) % 26))}${Math.floor((from + k) / 26)}x`);
const text = (...runs: string[][]): string => runs.flat().join(' ');
const of = (articles: CopyArticle[]) => findCopies(articles).of;

describe('the share that makes a copy', () => {
  test('exactly 70 % of the shorter article in the other is a copy', () => {
    // 14 words, 10 shingles; the other keeps the first 11 words (7 shingles) and changes the rest.
    const a = run('p', 14);
    const b = [...a.slice(0, 11), ...run('q', 3)];
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(b), date: '2026-03-02' }])).toEqual([null, 0]);
    const c = [...a.slice(0, 10), ...run('q', 4)];
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(c), date: '2026-03-02' }])).toEqual([null, null]);
  });

  test('a long update of an eight-shingle article copies it, however much it adds', () => {
    const a = run('p', 12); // 8 shingles: just long enough to be compared by share
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(a, run('q', 40)), date: '2026-03-02' }])).toEqual([null, 0]);
  });

  test('an eight-shingle article found whole in a longer earlier one is its copy', () => {
    const a = run('p', 40);
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(a.slice(0, 12)), date: '2026-03-02' }])).toEqual([null, 0]);
  });

  test('an article under eight shingles is a copy only word for word, on either side', () => {
    const a = run('p', 40);
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(a.slice(0, 11)), date: '2026-03-02' }])).toEqual([null, null]);
    expect(of([{ title: '', text: text(a.slice(0, 11)), date: '2026-03-01' }, { title: '', text: text(a), date: '2026-03-02' }])).toEqual([null, null]);
  });

  test('words run together differently are not the same text', () => {
    expect(of([{ title: '', text: 'port strike' }, { title: '', text: 'ports trike' }])).toEqual([null, null]);
    expect(of([{ title: '', text: 'port strike' }, { title: '', text: 'Port, strike!' }])).toEqual([null, 0]);
  });

  test('an article with no text but its title is compared by its title', () => {
    expect(of([{ title: 'Port strike ends', text: ' \n ' }, { title: 'Port strike ends', text: '' }, { title: 'Port strike goes on', text: '  ' }])).toEqual([null, 0, null]);
  });
});

describe('which article is the original', () => {
  const same = text(run('p', 30));

  test('a dated article comes before an undated one, whatever the order of the pack', () => {
    expect(of([{ title: '', text: same, date: null }, { title: '', text: same, date: '2026-03-02' }])).toEqual([1, null]);
    expect(of([{ title: '', text: same, date: '2026-03-02' }, { title: '', text: same }])).toEqual([null, 0]);
  });

  test('on one day the shorter comes first, since an update adds to what it updates', () => {
    const short = run('p', 20);
    const long = text(short, run('q', 4));
    expect(of([{ title: '', text: long, date: '2026-03-02' }, { title: '', text: text(short), date: '2026-03-02' }])).toEqual([1, null]);
    expect(of([{ title: '', text: long }, { title: '', text: text(short) }])).toEqual([1, null]);
  });

  test('among equals, the first in the pack is the original of all the others', () => {
    expect(of([{ title: '', text: same }, { title: '', text: same }, { title: '', text: same }, { title: '', text: same }])).toEqual([null, 0, 0, 0]);
  });

  test('an article holding two originals whole copies the earlier of them', () => {
    const a = run('p', 20);
    const b = run('q', 20);
    // b comes first in the pack and in the copy's text, but a is dated earlier.
    expect(of([{ title: '', text: text(b), date: '2026-03-02' }, { title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(b, a), date: '2026-03-03' }])).toEqual([null, null, 1]);
    expect(of([{ title: '', text: text(b), date: '2026-03-02' }, { title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(a, b), date: '2026-03-03' }])).toEqual([null, null, 1]);
  });

  test('an article copies the original it repeats most of', () => {
    const a = run('p', 20);
    const b = run('q', 30);
    // The copy holds all of a and 77 % of b (its first 24 words make 20 of its 26 shingles).
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(b), date: '2026-03-02' }, { title: '', text: text(b.slice(0, 24), a), date: '2026-03-03' }])).toEqual([null, null, 0]);
    expect(of([{ title: '', text: text(a), date: '2026-03-01' }, { title: '', text: text(b), date: '2026-03-02' }, { title: '', text: text(a, b.slice(0, 24)), date: '2026-03-03' }])).toEqual([null, null, 0]);
    // The closer original wins even when it is the later one.
    expect(of([{ title: '', text: text(b), date: '2026-03-01' }, { title: '', text: text(a), date: '2026-03-02' }, { title: '', text: text(a, b.slice(0, 24)), date: '2026-03-03' }])).toEqual([null, null, 1]);
  });

  test('a copy is found through passages its original shares with another original', () => {
    const common = run('p', 20);
    const first = text(common, run('q', 20));
    const second = text(common, run('r', 20));
    // The two originals share under half their text; the copy is one of them, two words longer.
    expect(of([{ title: '', text: first, date: '2026-03-01' }, { title: '', text: second, date: '2026-03-02' }, { title: '', text: `${second} two more`, date: '2026-03-03' }])).toEqual([null, null, 1]);
    expect(of([{ title: '', text: first, date: '2026-03-01' }, { title: '', text: second, date: '2026-03-02' }, { title: '', text: `${first} two more`, date: '2026-03-03' }])).toEqual([null, null, 0]);
  });

  test('the copies come listed in pack order', () => {
    const { copies } = findCopies([{ title: '', text: same, date: '2026-03-03' }, { title: '', text: same, date: '2026-03-02' }, { title: '', text: same, date: '2026-03-01' }]);
    expect(copies.map((c) => [c.copy, c.original, c.share])).toEqual([
      [0, 2, 1],
      [1, 2, 1],
    ]);
  });
});
