// The section a story is filed under, on short articles written for these tests (not from any set the
// model was trained on), and the model file's shape.
import { describe, expect, test } from 'vitest';
import { sentenceCorpus } from '../../pipeline/enrich/annotate/similarity.js';
import { findStories } from '../../pipeline/enrich/stories/index.js';
import { stem } from '../../pipeline/enrich/annotate/text.js';
import { SECTIONS, sectionFeatures, sectionLabel, sectionOf, type SectionModel } from '../../pipeline/enrich/stories/sections.js';
import type { Source } from '../../pipeline/model.js';
import { makeSource } from './helpers.js';

const ARTICLES: Record<string, { title: string; text: string }> = {
  sport: {
    title: 'Late penalty sends Rovers into the cup final',
    text:
      'Rovers reached the cup final with a penalty in stoppage time on Saturday. The striker scored his ninth goal of the season ' +
      'after the goalkeeper brought down the winger. The manager said the players had shown character against a side that beat ' +
      'them twice in the league. The club will face City at the national stadium next month.',
  },
  business: {
    title: 'Retailer profits fall as shoppers cut spending',
    text:
      'The retailer reported a fall of 12% in annual profits on Thursday and warned that sales would stay weak. Its shares dropped ' +
      'by 8% in early trading. The chief executive said higher costs and lower consumer spending had squeezed margins, and the ' +
      'company would close 40 stores. Analysts said investors had expected the figures after a difficult quarter for the sector.',
  },
  politics: {
    title: 'Ministers face revolt over welfare bill',
    text:
      'The government faces a rebellion by its own MPs when the welfare bill returns to parliament next week. Opposition leaders ' +
      'said the prime minister had lost the confidence of his backbenchers. The minister defended the reforms in the Commons and ' +
      'said the party would keep its election promise. Several MPs said they would vote against the government.',
  },
  tech: {
    title: 'Phone maker updates software after security flaw',
    text:
      'The company released a software update for its phones and computers on Tuesday after researchers found a security flaw. ' +
      'Hackers could use the bug to take control of a device through a website. Users are advised to install the update. The firm ' +
      'said its engineers fixed the problem within days and that no customer data was stolen from its servers or networks.',
  },
  entertainment: {
    title: 'Director’s new film wins top prize at festival',
    text:
      'The director’s new film won the top prize at the festival on Sunday. The drama stars an actress best known for her roles on ' +
      'television, who also won best actress. The jury praised the music and the performances. The film opens in cinemas next month ' +
      'and the studio hopes it will be a contender at the Oscars.',
  },
  crime: {
    title: 'Man charged with murder after stabbing',
    text:
      'A man has been charged with murder after a woman was stabbed at her home on Friday night. Police arrested the suspect nearby ' +
      'and detectives said they were not looking for anyone else. He will appear before magistrates on Monday. Officers appealed ' +
      'for witnesses who saw the attack to contact them.',
  },
  world: {
    title: 'Earthquake kills dozens in mountain villages',
    text:
      'An earthquake of magnitude 6.4 struck the mountain region early on Wednesday, killing at least 40 people and destroying ' +
      'hundreds of homes. Rescue workers searched the rubble for survivors as aftershocks shook the area. The country’s president ' +
      'declared a state of emergency and aid agencies sent tents and medicine to the villages.',
  },
};

describe('sectionOf', () => {
  test.each(Object.entries(ARTICLES))('files a %s story under its section', (section, article) => {
    const score = sectionOf([article]);
    expect(score.section).toBe(section);
    expect(score.best).toBe(section);
    expect(score.telling).toBeGreaterThanOrEqual(8);
  });

  test('leaves a text with too few telling words unfiled, though it has a best guess', () => {
    const score = sectionOf([{ title: 'Goal', text: 'He scored a goal.' }]);
    expect(score.section).toBeNull();
    expect(score.best).toBe('sport');
  });

  test('leaves a text unfiled when its best section leads by too little per word', () => {
    const mixed = { title: `${ARTICLES.sport?.title}`, text: `${ARTICLES.sport?.text} ${ARTICLES.business?.text}` };
    const score = sectionOf([mixed]);
    expect(sectionOf([mixed], SECTIONS, { minWords: 8, minMargin: score.margin + 0.01 }).section).toBeNull();
    expect(sectionOf([mixed], SECTIONS, { minWords: 8, minMargin: score.margin }).section).toBe(score.best);
  });

  test('reads a story as the sum of its articles: two short sport reports settle what one does not', () => {
    const short = { title: 'Rovers win', text: 'The striker scored twice as Rovers beat City.' };
    const other = { title: 'City lose at home', text: 'The manager said his players lost the match in the second half, when the goalkeeper let in a header from a corner.' };
    expect(sectionOf([short]).section).toBeNull();
    expect(sectionOf([short, other]).section).toBe('sport');
  });

  test('counts the headline twice and leaves stop words, numbers and short words out', () => {
    const features = sectionFeatures([{ title: 'Goals and penalties', text: 'The goals came in 2024, as it was.' }]);
    expect(features.get(stem('goals'))).toBe(3);
    expect(features.get(stem('penalties'))).toBe(2);
    expect(features.get(stem('came'))).toBe(1);
    expect([...features.keys()].some((w) => /\d/.test(w) || w === 'the' || w === 'it')).toBe(false);
  });

  test('takes a word a section lacks at that section’s unseen weight', () => {
    const model: SectionModel = {
      source: 'test',
      sections: [
        { id: 'a', label: 'A', unseen: -10, words: { goal: -2 } },
        { id: 'b', label: 'B', unseen: -3, words: { match: -2 } },
      ],
    };
    // goal: a −2, b −3 (unseen); match: a −10 (unseen), b −2. b wins by 8 − 1 = 7 over two words.
    const score = sectionOf([{ title: '', text: 'goal match' }], model, { minWords: 1, minMargin: 0 });
    expect(score.best).toBe('b');
    expect(score.margin).toBeCloseTo(3.5);
  });
});

describe('the sections model', () => {
  test('names its source, and gives every section a label, words and an unseen weight below its words', () => {
    expect(SECTIONS.source).toMatch(/BBC News/);
    expect(SECTIONS.sections.map((s) => s.id).sort()).toEqual(['business', 'crime', 'entertainment', 'politics', 'sport', 'tech', 'world']);
    for (const section of SECTIONS.sections) {
      expect(section.label).not.toBe('');
      const weights = Object.values(section.words);
      expect(weights.length).toBeGreaterThan(100);
      expect(Math.min(...weights)).toBeGreaterThanOrEqual(section.unseen);
      expect(Math.max(...weights)).toBeLessThan(0);
    }
  });

  test('prints a section by its label, and an unknown id as it is', () => {
    expect(sectionLabel('tech')).toBe('Technology');
    expect(sectionLabel('weather')).toBe('weather');
  });
});

describe('a story’s section in the pack', () => {
  const source = (id: string, article: { title: string; text: string }, lang = 'en') => makeSource(id, [{ p: article.text }], { title: article.title, lang });
  const storiesOf = (sources: Source[]) => findStories(sources, [], sentenceCorpus(sources)).stories;

  test('is the section’s label', () => {
    expect(storiesOf([source('a', ARTICLES.crime as { title: string; text: string })]).map((s) => s.section)).toEqual(['Crime and justice']);
  });

  test('is null for a story not in English: the model knows English words only', () => {
    expect(storiesOf([source('a', ARTICLES.sport as { title: string; text: string }, 'de')]).map((s) => s.section)).toEqual([null]);
    expect(storiesOf([source('a', ARTICLES.sport as { title: string; text: string }, 'en-GB')]).map((s) => s.section)).toEqual(['Sport']);
  });
});
