// The two real seeds, read by the read stage and enriched. The checks are properties any right
// analysis of these articles has, worked out from the articles' own text (which sentence names what,
// who is quoted where), not from the analysis's present wording or counts: a better analysis still
// passes, a wrong one fails. The reader is imported directly: if it cannot be loaded, this file fails
// with the reason instead of being skipped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.js';
import { BANDS, hedgedLikelihood } from '../../pipeline/enrich/analyse/likelihood.js';
import { readSource } from '../../pipeline/read/index.js';
import { Brief, danglingIds, IMPACTS, LIKELIHOOD_TERMS, unresolvedEvidence, type Confidence, type Credibility, type Sentence, type Source } from '../../pipeline/model.js';
import { fixture } from '../support/fixture.js';
import { context } from './helpers.js';

const SEEDS = ['seeds/000_ce3e0963e407180a.txt', 'seeds/002_5814ca9cacb9ce4c.txt'];

/** The two options the second article sets out under its scenarios heading, and the first discusses. */
const SEED_SCENARIOS = [
  { name: 'security guarantees', pattern: /\bsecurity guarantees?\b/i },
  { name: 'a demilitarized (buffer) zone', pattern: /\bdemilitari[sz]ed zone\b|\bbuffer zone\b/i },
] as const;

function read(path: string): Source {
  const { source, diagnostics } = readSource({ path, bytes: readFileSync(path) });
  if (!source) throw new Error(`${path} gave no source: ${diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('; ')}`);
  return source;
}

const sourceOf = (sentenceId: string): string => sentenceId.slice(0, sentenceId.lastIndexOf(':'));
const normal = (text: string): string => text.replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUOTED = /“[^”]*”|"[^"]*"/g;
/** What a sentence says in its own voice: the quoted words taken out. */
const outsideQuotes = (text: string): string => text.replace(QUOTED, ' ');
const CONFIDENCE: Record<number, Confidence> = { 1: 'low', 2: 'moderate' };

describe('the two seeds, read and enriched', () => {
  const seeded = fixture(() => {
    const sources = SEEDS.map(read);
    const brief = enrich(sources, context());
    const sentences = new Map(sources.flatMap((s) => s.sentences.map((x) => [x.id, x] as const)));
    const body = sources.flatMap((s) => s.sentences.filter((x) => x.kind !== 'heading'));
    const textOf = (id: string): string => sentences.get(id)?.text ?? '';
    const previous = (id: string): Sentence | undefined => {
      const list = sources.find((s) => s.id === sourceOf(id))?.sentences ?? [];
      return list[list.findIndex((x) => x.id === id) - 1];
    };
    /** Sources with a sentence of their own text that matches. */
    const writing = (pattern: RegExp): string[] => sources.filter((s) => s.sentences.some((x) => x.kind !== 'heading' && pattern.test(x.text))).map((s) => s.id);
    const scenarioFor = (pattern: RegExp) => brief.scenarios.filter((s) => pattern.test(s.title));
    return { sources, brief, sentences, body, textOf, previous, writing, scenarioFor };
  });
  const idsOf = (list: readonly string[]) => new Set(list.map(sourceOf));

  it('reads both seeds and gives a sound brief: schema, every evidence id and every link resolve', () => {
    const { sources, brief } = seeded();
    expect(sources.map((s) => s.path)).toEqual(SEEDS);
    for (const source of sources) expect(source.sentences.length, source.path).toBeGreaterThan(0);
    expect(() => Brief.parse(brief)).not.toThrow();
    expect(unresolvedEvidence(brief)).toEqual([]);
    expect(danglingIds(brief)).toEqual([]);
  });

  describe('scenarios', () => {
    it.each(SEED_SCENARIOS)('finds the $name scenario once, drawn from every source that writes of it', ({ pattern }) => {
      const { sources, brief, textOf, writing, scenarioFor } = seeded();
      const found = scenarioFor(pattern);
      expect(found, `scenarios titled by ${pattern}: ${JSON.stringify(brief.scenarios.map((s) => s.title))}`).toHaveLength(1);
      const scenario = found[0]!;
      const supporting = writing(pattern);
      expect(supporting).toEqual(sources.map((s) => s.id));
      expect(new Set(scenario.sources)).toEqual(new Set(supporting));
      // From each of those sources, a sentence that names the option is part of its evidence.
      for (const sourceId of supporting) {
        expect(scenario.evidence.some((id) => sourceOf(id) === sourceId && pattern.test(textOf(id))), `${sourceId} in ${scenario.title}`).toBe(true);
      }
    });

    it('lists as sources exactly the sources of its evidence', () => {
      const { brief } = seeded();
      for (const s of brief.scenarios) expect(new Set(s.sources), s.title).toEqual(idsOf(s.evidence));
    });
  });

  describe('risks', () => {
    const listed = fixture(() => {
      const seeds = seeded();
      // The second article lists its risks under a heading that names them.
      const riskItems = seeds.body.filter((s) => s.kind === 'list-item' && /\brisks?\b/i.test(s.section ?? ''));
      // The options described under its scenarios heading (not their labels ending in a colon).
      const optionDescriptions = seeds.body.filter((s) => s.kind === 'list-item' && /\bscenarios?\b/i.test(s.section ?? '') && !/:\s*$/.test(s.text));
      return { ...seeds, riskItems, optionDescriptions };
    });

    it('takes every item of the article’s risk list as a risk', () => {
      const { brief, riskItems } = listed();
      expect(riskItems.length).toBeGreaterThan(0);
      for (const item of riskItems) expect(brief.risks.some((r) => r.evidence.includes(item.id)), item.text).toBe(true);
    });

    it.each(SEED_SCENARIOS)('links every risk that names $name to that scenario, and that scenario back', ({ pattern }) => {
      const { brief, scenarioFor } = seeded();
      const scenario = scenarioFor(pattern)[0];
      const naming = brief.risks.filter((r) => pattern.test(r.statement));
      expect(naming.length).toBeGreaterThan(0);
      for (const risk of naming) {
        expect(risk.scenarioIds, risk.statement).toContain(scenario?.id);
        expect(scenario?.riskIds, risk.statement).toContain(risk.id);
      }
    });

    it('links a risk to a scenario only when it names the option or cites the scenario’s own sentences', () => {
      const { brief, scenarioFor } = seeded();
      for (const { pattern } of SEED_SCENARIOS) {
        const scenario = scenarioFor(pattern)[0];
        for (const risk of brief.risks.filter((r) => scenario && r.scenarioIds.includes(scenario.id))) {
          const grounded = pattern.test(risk.statement) || risk.evidence.some((id) => scenario?.evidence.includes(id));
          expect(grounded, `${risk.statement} → ${scenario?.title}`).toBe(true);
        }
      }
    });

    it('keeps the links between risks and scenarios the same in both directions', () => {
      const { brief } = seeded();
      for (const risk of brief.risks) {
        for (const scenario of brief.scenarios) {
          expect(scenario.riskIds.includes(risk.id), `${risk.statement} ↔ ${scenario.title}`).toBe(risk.scenarioIds.includes(scenario.id));
        }
      }
    });

    it('states each risk in the words of a sentence it cites, from the sources it lists', () => {
      const { brief, textOf } = seeded();
      for (const risk of brief.risks) {
        expect(risk.evidence.some((id) => textOf(id).includes(risk.statement) || risk.statement.includes(textOf(id))), risk.statement).toBe(true);
        expect(new Set(risk.sources), risk.statement).toEqual(idsOf(risk.evidence));
      }
    });

    it('prints an estimative term only with the cue its own sentence gives, else the default with no cue', () => {
      const { brief, textOf } = seeded();
      for (const risk of brief.risks) {
        const { term, band, cue } = risk.likelihood;
        expect(band, risk.statement).toBe(BANDS[term]);
        expect(risk.score, risk.statement).toBe((LIKELIHOOD_TERMS.indexOf(term) + 1) * (IMPACTS.indexOf(risk.impact) + 1));
        // The term is the one the statement's own hedge gives: a hedge is neither invented nor missed.
        expect(risk.likelihood, risk.statement).toEqual(hedgedLikelihood(risk.statement) ?? { term: 'likely', band: BANDS.likely, cue: null });
        if (cue === null) continue;
        const written = new RegExp(`(?<![\\p{L}])${escapeRegExp(cue).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'iu');
        expect(risk.evidence.some((id) => written.test(textOf(id))), `"${cue}" in the evidence of ${risk.statement}`).toBe(true);
      }
      expect(brief.risks.some((r) => r.likelihood.cue !== null)).toBe(true);
    });

    it('keeps out labels, the lead-in to a list, and the descriptions of the options', () => {
      const { brief, sentences, textOf, optionDescriptions } = listed();
      const cited = new Set(brief.risks.flatMap((r) => r.evidence));
      for (const risk of brief.risks) expect(risk.statement, 'a label or lead-in').not.toMatch(/:\s*$/);
      for (const id of cited) expect(sentences.get(id)?.kind, textOf(id)).not.toBe('heading');
      expect(optionDescriptions.length).toBeGreaterThan(0);
      for (const option of optionDescriptions) expect(cited.has(option.id), option.text).toBe(false);
    });

    it('keeps out sentences that only set the scene: a leading clause or an explanation holds their unease, the claim no hedge', () => {
      const { brief, body } = seeded();
      // "As the situation remains volatile, NATO is preparing …": the claim is what follows the clause;
      // "This shift reflects mounting challenges …": what a verb of explanation names is a cause.
      const claim = (text: string): string | null => {
        const leading = /^(?:As|Although|Though|While|Whilst|Despite|Amid|However)\b[^,]*,\s*(.+)$/u.exec(text);
        if (leading?.[1]) return leading[1];
        const explained = /^(.+?)\s+reflects?\b/u.exec(text);
        return explained?.[1] ?? null;
      };
      const scene = body.filter((s) => {
        const rest = claim(s.text);
        return rest !== null && hedgedLikelihood(rest) === null && !/\b(?:risk|threat|warn|fear|danger)/i.test(rest);
      });
      expect(scene.length).toBeGreaterThanOrEqual(3);
      const cited = new Set(brief.risks.flatMap((r) => r.evidence));
      for (const s of scene) expect(cited.has(s.id), s.text).toBe(false);
    });
  });

  describe('how far each item is trusted', () => {
    it('reads the two seeds as independent: no outlet or author in common', () => {
      const { sources } = seeded();
      const [a, b] = sources;
      expect(a?.via.filter((v) => b?.via.includes(v))).toEqual([]);
      expect(a?.author === null || a?.author !== b?.author).toBe(true);
    });

    it('gives an item backed by both seeds corroboration 2, moderate confidence, "confirmed"; an item from one, 1, low, and less', () => {
      const { brief } = seeded();
      const weighed: { label: string; sources: string[]; corroboration: number; confidence: Confidence; credibility: Credibility }[] = [
        ...brief.scenarios.map((s) => ({ ...s, label: s.title })),
        ...brief.risks.map((r) => ({ ...r, label: r.statement })),
      ];
      expect(weighed.some((x) => x.sources.length === 2)).toBe(true);
      expect(weighed.some((x) => x.sources.length === 1)).toBe(true);
      for (const item of weighed) {
        const n = new Set(item.sources).size;
        expect(item.corroboration, item.label).toBe(n);
        expect(item.confidence, item.label).toBe(CONFIDENCE[n]);
        if (n === 2) expect(item.credibility, item.label).toMatchObject({ rating: 1, label: 'confirmed by other sources' });
        else expect([2, 3, 4, 5], item.label).toContain(item.credibility.rating);
      }
    });
  });

  describe('actors and quotes', () => {
    it('counts a demonym as a mention of its country: Russia is named in every source that writes "Russia" or "Russian"', () => {
      const { brief, writing } = seeded();
      const russia = brief.actors.find((a) => a.name === 'Russia');
      const writers = writing(/\bRussian?\b/);
      expect(writers.length).toBeGreaterThan(0);
      for (const id of writers) expect(russia?.sources).toContain(id);
    });

    it('lists as an actor’s sources those of its evidence, and every source that writes its full name', () => {
      const { brief, writing } = seeded();
      for (const actor of brief.actors) {
        expect(new Set(actor.sources), actor.name).toEqual(idsOf(actor.evidence));
        expect(actor.mentions, actor.name).toBeGreaterThanOrEqual(actor.evidence.length);
        const full = new RegExp(`\\b${escapeRegExp(actor.name)}\\b`);
        for (const id of writing(full)) expect(actor.sources, actor.name).toContain(id);
      }
    });

    it('names each person in the sentences it cites, with the title the text puts before the name as role', () => {
      const { brief, body, textOf } = seeded();
      const persons = brief.actors.filter((a) => a.kind === 'person');
      expect(persons.length).toBeGreaterThan(0);
      for (const person of persons) {
        const surname = person.name.split(' ').at(-1) ?? person.name;
        for (const id of person.evidence) expect(textOf(id), person.name).toContain(surname);
        if (person.role !== null) expect(person.evidence.some((id) => normal(textOf(id)).includes(person.role!)), `${person.name}: ${person.role}`).toBe(true);
        // "NATO Secretary General Mark Rutte": a capitalised word right before the full name, not opening the sentence, is a title.
        const titled = new RegExp(`\\S\\s+\\p{Lu}[\\p{L}.-]*\\s+${escapeRegExp(person.name)}\\b`, 'u');
        if (!body.some((s) => titled.test(s.text))) continue;
        expect(person.role, person.name).not.toBeNull();
        expect(body.some((s) => s.text.includes(`${person.role} ${person.name}`)), `${person.role} ${person.name}`).toBe(true);
      }
      expect(persons.some((p) => p.role !== null)).toBe(true);
    });

    it('finds every quoted passage of the seeds, cited by the sentence it is in', () => {
      const { brief, body } = seeded();
      const trim = (text: string) => text.trim().replace(/[\s,.]+$/, '');
      const expected = body.flatMap((s) =>
        [...s.text.matchAll(QUOTED)].map((m) => trim(m[0].slice(1, -1))).filter((q) => q.split(/\s+/).length >= 4).map((q) => `${s.id} ${q}`),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(brief.quotes.map((q) => `${q.evidence} ${trim(q.text)}`).sort()).toEqual(expected.sort());
    });

    it('gives every quote a speaker: a person its attribution names (here or, for "he" or none, the sentence before), or the attribution’s own words', () => {
      const { brief, textOf, previous } = seeded();
      const persons = brief.actors.filter((a) => a.kind === 'person');
      const surname = (name: string) => new RegExp(`\\b${escapeRegExp(name.split(' ').at(-1) ?? name)}\\b`);
      for (const quote of brief.quotes) {
        expect(quote.speaker, quote.text).not.toBeNull();
        const own = outsideQuotes(textOf(quote.evidence));
        const before = outsideQuotes(previous(quote.evidence)?.text ?? '');
        const person = persons.find((a) => a.name === quote.speaker);
        if (person) {
          // Its own attribution names the speaker; only one that names no person looks back a sentence.
          const namesSomeone = persons.some((p) => surname(p.name).test(own));
          expect(surname(person.name).test(namesSomeone ? own : before), `${quote.speaker}: ${quote.text}`).toBe(true);
        } else {
          // A speaker the text does not name ("a senior NATO diplomat") is the attribution's words.
          expect(quote.speaker, quote.text).toMatch(/^(?:a|an|the)\s/);
          expect(own, quote.text).toContain(quote.speaker!);
        }
      }
      expect(brief.quotes.some((q) => persons.some((p) => p.name === q.speaker))).toBe(true);
    });
  });

  describe('signposts and the bottom line', () => {
    it('takes every sentence that says what something depends on as a signpost, in its own words', () => {
      const { brief, body, textOf } = seeded();
      const conditions = body.filter((s) => /\bdepends?\s+on\b|\bhinges?\s+on\b|\bcontingent\s+on\b/i.test(s.text));
      expect(conditions.length).toBeGreaterThan(0);
      for (const c of conditions) expect(brief.signposts.some((s) => s.evidence.includes(c.id)), c.text).toBe(true);
      for (const s of brief.signposts) expect(s.evidence.map(textOf), s.text).toContain(s.text);
    });

    it('states the bottom line and key judgments in sentences of the text, from both seeds, never a heading, label or bare quote', () => {
      const { sources, brief, sentences, textOf } = seeded();
      const statements = [...brief.bluf, ...brief.keyJudgments];
      expect(brief.bluf.length).toBeGreaterThan(0);
      for (const s of statements) {
        expect(textOf(s.evidence[0] ?? ''), s.text).toBe(s.text);
        expect(sentences.get(s.evidence[0] ?? '')?.kind, s.text).not.toBe('heading');
        expect(s.text, s.text).not.toMatch(/:\s*$/);
        expect(outsideQuotes(s.text).replace(/[\s\p{P}]/gu, '').length, s.text).toBeGreaterThan(0);
      }
      expect(idsOf(brief.bluf.flatMap((s) => s.evidence))).toEqual(new Set(sources.map((s) => s.id)));
    });

    it('gives a key judgment the likelihood of its own hedge and the confidence of its sources', () => {
      const { brief } = seeded();
      expect(brief.keyJudgments.length).toBeGreaterThan(0);
      for (const kj of brief.keyJudgments) {
        expect(kj.likelihood, kj.text).toBe(hedgedLikelihood(kj.text)?.term ?? null);
        expect(kj.confidence, kj.text).toBe(CONFIDENCE[idsOf(kj.evidence).size]);
      }
    });
  });
});
