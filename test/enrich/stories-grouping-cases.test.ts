// The grouping's parts on small hand-made inputs: which words and figures an article's features
// hold and how much its title and lead weigh, the average-linkage clustering on matrices whose
// answer is worked out by hand, and names telling two similar events apart.
import { describe, expect, test } from 'vitest';
import { averageLinkage, DEFAULT_GROUPING, featuresOf, groupArticles, groupStories, type StoryArticle } from '../../pipeline/enrich/stories/group.js';

const features = (text: string, title = '') => featuresOf({ id: 'a', title, text });
const words = (text: string) => [...features(text).keys()].filter((k) => k.startsWith('w:')).sort();

describe('an article’s features', () => {
  test('words are content words of two letters or more; bare figures count as numbers, not words', () => {
    expect(words('Sales of 5g phones rose 12 % in 2024 at b shops.')).toEqual(['w:5g', 'w:phon', 'w:rose', 'w:sale', 'w:shop']);
    expect(words('Cases of covid19 fell to 1,250 by 2021.')).toEqual(['w:case', 'w:covid19', 'w:fell']);
  });

  test('a figure is one number feature, thousands separators dropped, weighing twice a word', () => {
    // In the lead, which counts double: 2 × 2.
    const counts = features('The port handled 1,250 ships and 3.5 million tonnes.');
    expect(counts.get('n:#1250')).toBe(4);
    expect(counts.get('n:#3.5')).toBe(4);
    expect([...counts.keys()].filter((k) => k.startsWith('n:#')).sort()).toEqual(['n:#1250', 'n:#3.5']);
    // After the lead, where a word weighs 1.
    expect(features('One alpha. Two bravo. Three charlie. Four delta and 77 more.').get('n:#77')).toBe(2);
  });

  test('the first three sentences are the lead and count double; later ones count once', () => {
    const counts = features('Alpha came. Bravo came. Charlie came. Delta came. Echo came.');
    expect(counts.get('w:alpha')).toBe(2);
    expect(counts.get('w:charli')).toBe(2);
    expect(counts.get('w:delta')).toBe(1);
    expect(counts.get('w:echo')).toBe(1);
    expect(counts.get('w:came')).toBe(2 + 2 + 2 + 1 + 1);
  });

  test('blank lines do not take a place in the lead', () => {
    const counts = features('\nalpha came\n \nbravo came\ncharlie came\ndelta came');
    expect(counts.get('w:charli')).toBe(2);
    expect(counts.get('w:delta')).toBe(1);
  });

  test('the lead’s length is an option', () => {
    const counts = featuresOf({ id: 'a', title: '', text: 'Alpha came. Bravo came. Charlie came.' }, { ...DEFAULT_GROUPING, leadSentences: 1 });
    expect(counts.get('w:alpha')).toBe(2);
    expect(counts.get('w:bravo')).toBe(1);
  });
});

const matrix = (n: number, pairs: Record<string, number>, diagonal = 0): Float64Array => {
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) sim[i * n + i] = diagonal;
  for (const [key, s] of Object.entries(pairs)) {
    const [i, j] = key.split('-').map(Number) as [number, number];
    sim[i * n + j] = s;
    sim[j * n + i] = s;
  }
  return sim;
};

describe('average linkage', () => {
  test('two items exactly at the floor are one group; just under it, two', () => {
    expect(averageLinkage(matrix(2, { '0-1': 0.5 }), 2, 0.5)).toEqual([[0, 1]]);
    expect(averageLinkage(matrix(2, { '0-1': 0.5 }), 2, 0.50001)).toEqual([[0], [1]]);
  });

  test('a similarity matrix with ones on its diagonal groups as one with zeros there', () => {
    const pairs = { '0-1': 0.9, '0-2': 0.1, '1-2': 0.2, '2-3': 0.8, '0-3': 0.05, '1-3': 0.1 };
    expect(averageLinkage(matrix(4, pairs, 1), 4, 0.4)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(averageLinkage(matrix(4, pairs, 0), 4, 0.4)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  test('with no floor at all, every item ends in one group', () => {
    expect(averageLinkage(matrix(3, { '0-1': 0.2, '0-2': 0, '1-2': 0.1 }), 3, -Infinity)).toEqual([[0, 1, 2]]);
    expect(averageLinkage(matrix(1, {}), 1, -Infinity)).toEqual([[0]]);
  });

  test('three items all equally alike are one group', () => {
    expect(averageLinkage(matrix(3, { '0-1': 0.5, '0-2': 0.5, '1-2': 0.5 }), 3, 0.3)).toEqual([[0, 1, 2]]);
  });

  test('the closest pair merges first, even when the search reaches it from a less close one', () => {
    // 1–2 (0.9) is the closest pair; merged, it is 0.15 from 0 and 0.45 from 3, while 0–3 is 0.5:
    // so 0 and 3 join, and the two pairs stay apart (their mean, 0.3, is under the floor). Joining
    // 2–3 (0.6) first instead would leave 0 alone and put 1, 2 and 3 together.
    const pairs = { '0-1': 0.1, '0-2': 0.2, '0-3': 0.5, '1-2': 0.9, '1-3': 0.3, '2-3': 0.6 };
    expect(averageLinkage(matrix(4, pairs), 4, 0.4)).toEqual([
      [0, 3],
      [1, 2],
    ]);
  });
});

describe('names and numbers in the grouping', () => {
  const bakery: StoryArticle = { id: 'bake', title: 'Village bakery wins prize', text: 'A small bakery in the hills won the national bread prize for its rye loaf.' };
  const heists: StoryArticle[] = [
    { id: 'h1', title: 'Jewels stolen in museum raid', text: 'Thieves stole jewels worth 4 million from the Castellan Museum in Verrow on Sunday night, police in Verrow said.' },
    { id: 'h2', title: 'Jewels stolen in gallery raid', text: 'Thieves took jewels worth 9 million from the Pellam Gallery in Saltmarsh during Friday night, officers in Saltmarsh said.' },
  ];

  test('two similar events in different places, with different figures, are two stories', () => {
    expect(groupArticles([bakery, ...heists])).toEqual([[0], [1], [2]]);
  });

  test('the same two reports compared on their words alone are one story', () => {
    expect(groupArticles([bakery, ...heists], { ...DEFAULT_GROUPING, nameShare: 0 })).toEqual([[0], [1, 2]]);
  });

  test('groupStories gives the groups as article ids', () => {
    const sameEvent: StoryArticle = { ...(heists[0] as StoryArticle), id: 'h1-again', title: 'Museum raid in Verrow: jewels stolen' };
    expect(groupStories([bakery, ...heists, sameEvent])).toEqual([['bake'], ['h1', 'h1-again'], ['h2']]);
  });
});
