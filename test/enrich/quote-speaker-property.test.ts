// No speaker is ever a fragment of a sentence: over generated attributions built from news patterns
// with clause openers, subordinate clauses and verbs around them, and over the quotes of real articles
// in the fixtures, every speaker given is a noun phrase — a name, a pronoun, or a description.
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { SPEECH_VERBS } from '../../pipeline/enrich/annotate/lexicon.js';
import { findQuotes } from '../../pipeline/enrich/annotate/quotes.js';
import { readSource } from '../../pipeline/read/index.js';
import type { Source } from '../../pipeline/model.js';
import { article } from './helpers.js';

const OPENERS = /^(?:and|but|so|or|as|when|while|if|because|since|though|after|before|which|who|that|in|on|at|for|with|by|from|to|not|asked)\b/i;

/** Why a speaker phrase is not a noun phrase, or null when it is one. */
function fragment(phrase: string): string | null {
  const words = phrase.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length === 0) return 'empty';
  if (words.length > 12) return 'longer than a speaker phrase';
  if (OPENERS.test(phrase.trim())) return `opens with "${words[0]}"`;
  const verb = words.find((w, i) => SPEECH_VERBS.has(w) && !(i > 0 && /^(?:a|an|the|his|her|their|its|our)$/i.test(words[i - 1] as string)));
  if (verb) return `holds the verb "${verb}"`;
  if (/[“”"]/.test(phrase)) return 'holds a quotation mark';
  return null;
}

const NAMES = ['Ana Silva', 'Kofi Mensah', 'Mr Blair', 'Dr Lena Park', 'Senator Ruiz', 'the minister', 'a senior official', 'he', 'she', 'Jo Lee, the party chair,'];
const QUOTE = fc.constantFrom(
  'We will not accept a deal that hurts our farmers',
  'The recovery is fragile and uneven across the regions',
  'Nobody expected the vote to come this soon',
  'This is a dark day for the whole country',
);
const VERB = fc.constantFrom('said', 'told reporters', 'added', 'warned', 'insisted', 'wrote', 'asked');
const LEAD = fc.constantFrom('', 'On Monday, ', 'As the talks resumed, ', 'Asked whether he would resign, ', 'But ', 'Meanwhile ', 'In a statement, ', 'When pressed, ');
const TAIL = fc.constantFrom('', ' on Tuesday', ' in an interview', ', adding that talks would go on', ' as the crowd cheered', ' after the vote');
const ATTRIBUTION = fc.oneof(
  fc.tuple(QUOTE, fc.constantFrom(...NAMES), VERB, TAIL).map(([q, n, v, t]) => `“${q},” ${n} ${v}${t}.`),
  fc.tuple(QUOTE, VERB, fc.constantFrom(...NAMES), TAIL).map(([q, v, n, t]) => `“${q},” ${v} ${n}${t}.`),
  fc.tuple(LEAD, fc.constantFrom(...NAMES), VERB, QUOTE).map(([l, n, v, q]) => `${l}${n} ${v}: “${q}.”`),
  fc.tuple(LEAD, fc.constantFrom(...NAMES), QUOTE).map(([l, n, q]) => `${l}${n} called the plan “${q.toLowerCase()}”.`),
  fc.tuple(LEAD, QUOTE).map(([l, q]) => `${l}the report found that the scheme was “${q.toLowerCase()}”.`),
  fc.tuple(QUOTE).map(([q]) => `“${q}.”`),
);
const CONTEXT = fc.constantFrom('Ana Silva met Kofi Mensah in Accra.', 'The talks ended without a deal.', 'Ms Park, who chairs the committee, spoke first.', 'He left the room.');

function speakersOf(sources: readonly Source[]) {
  return findQuotes(sources, findActors(sources)).quotes.flatMap((q) => [q.speaker, q.said ?? null]).filter((s): s is string => s !== null);
}

describe('no speaker is a sentence fragment', () => {
  it('over generated attributions in news patterns', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(CONTEXT, ATTRIBUTION), { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const source = article('gen', ...paragraphs.map(([c, a]) => `${c} ${a}`));
        const speakers = speakersOf([source]);
        given += speakers.length;
        for (const speaker of speakers) expect(fragment(speaker), speaker).toBeNull();
      }),
      { numRuns: 300, seed: 13 },
    );
    // The generated quotes do get speakers: the property is not passed by giving none.
    expect(given).toBeGreaterThan(600);
  });

  it('over the quotes of the real articles among the fixtures', () => {
    const root = join(import.meta.dirname, '..', 'fixtures');
    const sources: Source[] = [];
    for (const dir of ['stories', 'read-mixed', 'hostile']) {
      for (const name of readdirSync(join(root, dir))) {
        if (!/\.(?:txt|md|html?)$/.test(name) || !lstatSync(join(root, dir, name)).isFile()) continue;
        const { source } = readSource({ path: join(dir, name), bytes: readFileSync(join(root, dir, name)) });
        if (source) sources.push(source);
      }
    }
    const seeds = join(import.meta.dirname, '..', '..', 'seeds');
    for (const name of readdirSync(seeds)) {
      const { source } = readSource({ path: join('seeds', name), bytes: readFileSync(join(seeds, name)) });
      if (source) sources.push(source);
    }
    expect(sources.length).toBeGreaterThan(5);
    const speakers = speakersOf(sources);
    expect(speakers.length).toBeGreaterThan(5);
    for (const speaker of speakers) expect(fragment(speaker), speaker).toBeNull();
  });

  it('the check itself tells a fragment from a speaker', () => {
    expect(fragment('As they')).not.toBeNull();
    expect(fragment('Asked if he would welcome BNP voters he')).not.toBeNull();
    expect(fragment('She had a great line a while back when she said')).not.toBeNull();
    expect(fragment('Hazel Blears')).toBeNull();
    expect(fragment('the Salford MP')).toBeNull();
    expect(fragment('a spokesman for the Department for International Development')).toBeNull();
  });
});
