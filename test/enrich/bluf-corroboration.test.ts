import { describe, expect, it } from 'vitest';
import { summarize } from '../../pipeline/enrich/analyse/bluf.js';
import { sentenceCorpus } from '../../pipeline/enrich/annotate/similarity.js';
import type { Scenario } from '../../pipeline/model.js';
import { article } from './helpers.js';

// One candidate sentence (eight words or more) in the first source; the others only hold short
// sentences, which corroborate but are never judgments of their own.
const claim = article('claim', 'Dock workers will extend the strike at the northern ports into a third week.');
const echo = article(
  'echo',
  'Dock workers extend strike.',
  'Dock workers extend the port strike.',
  'Dock workers extend strike.',
  'Fruit prices rose sharply.',
);
const repeat = article('repeat', 'Strike at northern ports.', 'Strike at northern ports.');
const unrelated = article('unrelated', 'Farmers lost the harvest.', 'Rain fell on the hills.');

function scenario(evidence: string[]): Scenario {
  return { evidence } as unknown as Scenario;
}

describe('corroboration of a key judgment', () => {
  it('lists the closest sentence of every other source that says something similar, the first of equally close ones', () => {
    const [judgment] = summarize([claim, echo, repeat, unrelated], [], undefined, false).keyJudgments;
    expect(judgment?.evidence[0]).toBe('claim:s1');
    // echo:s2 shares the most terms; repeat's two sentences are identical, so the first stands.
    expect(judgment?.evidence).toEqual(['claim:s1', 'echo:s2', 'repeat:s1']);
    expect(judgment?.corroboration).toBe(3);
  });

  it('adds other sources’ evidence for a scenario the sentence speaks of, once per source and never its own source', () => {
    const scenarios = [
      scenario(['unrelated:s2', 'claim:s1', 'echo:s4', 'no-such-sentence']),
      // A scenario the sentence is not evidence for lends it nothing.
      scenario(['unrelated:s1', 'repeat:s2']),
    ];
    const [judgment] = summarize([claim, echo, repeat, unrelated], scenarios, undefined, false).keyJudgments;
    expect(judgment?.evidence).toEqual(['claim:s1', 'echo:s2', 'repeat:s1', 'unrelated:s2']);
    expect(judgment?.corroboration).toBe(4);
  });

  it('takes nothing from a scenario the sentence is not evidence for', () => {
    const [judgment] = summarize([claim, echo, repeat, unrelated], [scenario(['unrelated:s1', 'echo:s1'])], undefined, false).keyJudgments;
    expect(judgment?.evidence).toEqual(['claim:s1', 'echo:s2', 'repeat:s1']);
  });

  it('does not count a sentence of the same source from a scenario', () => {
    const own = article('own', 'Dock workers will extend the strike at the northern ports into a third week.', 'Pickets stood firm.');
    const other = article('other', 'Fruit prices rose sharply.');
    const [judgment] = summarize([own, other], [scenario(['own:s1', 'own:s2', 'other:s1'])], undefined, false).keyJudgments;
    expect(judgment?.evidence).toEqual(['own:s1', 'other:s1']);
  });

  it('gives a judgment no corroboration, rather than failing, when the corpus does not hold its sentence', () => {
    const { keyJudgments } = summarize([claim], [], sentenceCorpus([echo]), false);
    expect(keyJudgments.map((k) => k.evidence)).toEqual([['claim:s1']]);
    expect(keyJudgments[0]?.corroboration).toBe(1);
  });
});
