// A mid-size synthetic corpus for checking that the indexed algorithms of issue 7 give what the
// pairwise ones gave: sentences syndicated word for word across sources, reworded, denied ("will
// not"), and new; some sources through one outlet. Deterministic: the same seed, the same corpus.
import type { Source } from '../../pipeline/model.js';
import { makeSource } from './helpers.js';

/** mulberry32: a small seeded generator, enough to vary a corpus reproducibly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['the union', 'the central bank', 'the coalition', 'port authorities', 'the ministry', 'exporters', 'the army', 'regional officials', 'the grid operator', 'insurers'];
const VERBS = ['raise', 'cut', 'extend', 'collapse', 'escalate', 'freeze', 'approve', 'block', 'delay', 'expand'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vas', 'bel', 'nu', 'dar', 'po', 'sik', 'fen'];
// A vocabulary as varied as a real corpus's: words as rare as names of places and things.
const NOUNS = [
  ...`tariff steel quota ceasefire border sanction budget deficit inflation rate loan strike wage harbour flood
  storm surge refinery pipeline election reform subsidy grain export corridor convoy reserve bond currency`.split(/\s+/),
  ...SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a}${b}`)),
];
const TAILS = ['next week', 'before the summer', 'if talks fail', 'unless donors step in', 'despite the risk of escalation', 'amid fears of a recession', 'within months', 'after the vote'];

export type Pick = <T>(list: readonly T[]) => T;

export function picker(rand: () => number): Pick {
  return (list) => list[Math.floor(rand() * list.length)] as (typeof list)[number];
}

function sentence(pick: Pick, rand: () => number): string {
  const nouns = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(NOUNS));
  const text = `${pick(SUBJECTS)} will ${pick(VERBS)} the ${nouns.join(' ')} ${pick(TAILS)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function reworded(text: string, pick: Pick): string {
  const words = text.split(' ');
  const at = 3 + Math.floor(words.length / 2);
  if (at < words.length - 1) words[at] = pick(NOUNS);
  return words.join(' ');
}

/** `sources` sources of 8–19 one-sentence paragraphs each, told from `stories` stories. */
export function syntheticCorpus(seed: number, sources: number, stories = sources): Source[] {
  const rand = random(seed);
  const pick = picker(rand);
  const told = Array.from({ length: stories }, () => sentence(pick, rand));
  return Array.from({ length: sources }, (_, n) => {
    const paragraphs = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => {
      const roll = rand();
      const story = pick(told);
      if (roll < 0.45) return story;
      if (roll < 0.7) return reworded(story, pick);
      if (roll < 0.8) return story.replace(' will ', ' will not ');
      return sentence(pick, rand);
    });
    const id = `s${String(n).padStart(3, '0')}`;
    return makeSource(
      id,
      paragraphs.map((p) => ({ p })),
      { via: rand() < 0.2 ? ['Wire Service'] : [], author: rand() < 0.1 ? 'Dana Whitfield' : null },
    );
  });
}
