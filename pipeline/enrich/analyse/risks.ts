// Risks: the items and sentences of risk sections, and sentences elsewhere that state a risk
// (risk-language.ts says when); each with likelihood (its own hedging), impact (what is at stake),
// links to the scenarios it speaks of, and near-duplicates across sources merged.
import type { Risk, Scenario, Source } from '../../model.js';
import { contentId } from '../annotate/ids.js';
import { foundInSources } from './corroboration.js';
import { RISK_HEADING_WORDS } from '../annotate/lexicon.js';
import { impactOf, impactRank, likelihoodRank, riskLikelihood } from './likelihood.js';
import { endsWithColon, sectionBody, type Block } from '../annotate/outline.js';
import { speaksOfRisk } from './risk-language.js';
import { nearDuplicateGroups, overlap, termSet } from '../annotate/similarity.js';
import { negated, shorterFirst, terms, wordCount, words } from '../annotate/text.js';
import { bodySentences } from '../annotate/sentences.js';

interface RiskDraft {
  statement: string;
  ids: string[];
  sourceIds: string[];
}

const MIN_WORDS = 4;
const DUPLICATE = 0.8;
const LINK_COSINE = 0.35;

function isRiskHeading(text: string): boolean {
  const ws = new Set(words(text));
  return RISK_HEADING_WORDS.some((w) => ws.has(w));
}

function usable(text: string): boolean {
  return wordCount(text) >= MIN_WORDS && !endsWithColon(text) && !/\?\s*["”]?$/.test(text);
}

/** Drafts from sections headed "Risks", "Challenges", "Threats" …: list items whole, paragraphs by sentence. */
function sectionDrafts(blocks: readonly Block[], sourceId: string): RiskDraft[] {
  const drafts: RiskDraft[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading' || !isRiskHeading(block.text)) return;
    for (const member of sectionBody(blocks, i)) {
      if (member.kind === 'heading') continue;
      if (member.kind === 'item') {
        if (usable(member.text)) drafts.push({ statement: member.text.trim(), ids: member.ids, sourceIds: [sourceId] });
        continue;
      }
      for (const s of member.sentences) if (usable(s.text)) drafts.push({ statement: s.text.trim(), ids: [s.id], sourceIds: [sourceId] });
    }
  });
  return drafts;
}

/** Near-identical statements are one risk, unless one says the other's opposite ("will" / "will not"). */
function merge(drafts: readonly RiskDraft[]): RiskDraft[] {
  const sides = [drafts.filter((d) => !negated(d.statement)), drafts.filter((d) => negated(d.statement))];
  return sides.flatMap((side) => mergeSide(side));
}

function mergeSide(drafts: readonly RiskDraft[]): RiskDraft[] {
  return nearDuplicateGroups(
    drafts.map((d) => d.statement),
    DUPLICATE,
  ).map((group) => {
    const members = group.map((i) => drafts[i] as RiskDraft);
    const lead = [...members].sort((a, b) => shorterFirst(a.statement, b.statement))[0] as RiskDraft;
    return {
      statement: lead.statement,
      ids: [...new Set(members.flatMap((m) => m.ids))],
      sourceIds: [...new Set(members.flatMap((m) => m.sourceIds))],
    };
  });
}

/** A text's distinct terms with their counts, in order of first appearance. */
function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Postings: for each key, the scenarios (indices, ascending) that hold it. */
function postings(lists: ReadonlyArray<Iterable<string>>): Map<string, number[]> {
  const index = new Map<string, number[]>();
  lists.forEach((keys, k) => {
    for (const key of keys) {
      const list = index.get(key);
      if (list === undefined) index.set(key, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  return index;
}

/** Unit TF-IDF weights of the terms in the given order, as tfidf() makes them in a corpus of `n` texts. */
function unitWeights(order: readonly string[], counts: ReadonlyMap<string, number>, df: (t: string) => number, n: number): Map<string, number> {
  const weights = order.map((t) => (1 + Math.log(counts.get(t) ?? 1)) * (Math.log((1 + n) / (1 + df(t))) + 1));
  const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0));
  return new Map(order.map((t, k) => [t, norm > 0 ? (weights[k] as number) / norm : (weights[k] as number)]));
}

/**
 * Links risks to the scenarios they speak of: most of a scenario's title words, or wording close
 * to its title and summary (TF-IDF cosine in the corpus of the risk and all scenario texts), or a
 * sentence they share. Only the scenarios sharing a sentence or a word with the risk can pass, so
 * only those are measured, through indexes built once. The cosine is the one tfidf() and cosine()
 * give for that corpus, summed in the same order: terms numbered by first appearance, the risk's first.
 */
export function scenarioLinker(scenarios: readonly Scenario[]): (draft: { statement: string; ids: readonly string[] }) => string[] {
  const titles = scenarios.map((s) => termSet(s.title));
  const texts = scenarios.map((s) => termCounts(`${s.title} ${s.summary}`));
  const bySentence = postings(scenarios.map((s) => s.evidence));
  const byTitleTerm = postings(titles);
  const byTextTerm = postings(texts.map((t) => t.keys()));
  const df = new Map([...byTextTerm].map(([t, list]) => [t, list.length]));
  const firstSeen = new Map<string, number>();
  for (const text of texts) for (const t of text.keys()) if (!firstSeen.has(t)) firstSeen.set(t, firstSeen.size);
  const numbered = texts.map((text) => [...text.keys()].sort((a, b) => (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0)));
  const n = scenarios.length + 1;

  return (draft) => {
    const risk = termCounts(draft.statement);
    const riskTerms = new Set(risk.keys());
    const dfWithRisk = (t: string): number => (df.get(t) ?? 0) + (riskTerms.has(t) ? 1 : 0);
    const riskOrder = [...risk.keys()];
    const riskWeights = unitWeights(riskOrder, risk, dfWithRisk, n);
    const cosineTo = (k: number): number => {
      const text = texts[k] ?? new Map<string, number>();
      const order = [...riskOrder.filter((t) => text.has(t)), ...(numbered[k] ?? []).filter((t) => !riskTerms.has(t))];
      const weights = unitWeights(order, text, dfWithRisk, n);
      let dot = 0;
      for (const t of riskOrder) if (text.has(t)) dot += (riskWeights.get(t) as number) * (weights.get(t) as number);
      return dot;
    };
    const ids = new Set(draft.ids);
    const candidates = new Set([...draft.ids.flatMap((id) => bySentence.get(id) ?? []), ...riskOrder.flatMap((t) => [...(byTitleTerm.get(t) ?? []), ...(byTextTerm.get(t) ?? [])])]);
    return [...candidates]
      .sort((a, b) => a - b)
      .filter((k) => {
        const scenario = scenarios[k] as Scenario;
        if (scenario.evidence.some((id) => ids.has(id))) return true;
        const title = titles[k] ?? new Set<string>();
        const { shared } = overlap(title, riskTerms);
        if (title.size > 0 && shared >= Math.min(2, title.size) && shared / title.size >= 0.5) return true;
        return cosineTo(k) >= LINK_COSINE;
      })
      .map((k) => (scenarios[k] as Scenario).id);
  };
}

/**
 * Risks of all sources, most severe first. `excluded` holds sentences that describe a scenario
 * (its sub-items): their cue words describe the option, not a risk, unless a risk section lists them.
 */
export function findRisks(
  sources: readonly Source[],
  outlines: ReadonlyMap<string, Block[]>,
  scenarios: readonly Scenario[],
  excluded: ReadonlySet<string>,
): Risk[] {
  const drafts: RiskDraft[] = [];
  for (const source of sources) drafts.push(...sectionDrafts(outlines.get(source.id) ?? [], source.id));
  const taken = new Set(drafts.flatMap((d) => d.ids));
  for (const source of sources) {
    for (const s of bodySentences(source)) {
      if (taken.has(s.id) || excluded.has(s.id) || !usable(s.text) || !speaksOfRisk(s.text)) continue;
      drafts.push({ statement: s.text.trim(), ids: [s.id], sourceIds: [source.id] });
    }
  }

  const order = new Map<string, number>();
  sources.forEach((s, si) => s.sentences.forEach((x, k) => order.set(x.id, si * 1e6 + k)));
  const linkedScenarios = scenarioLinker(scenarios);
  const risks = merge(drafts).map((draft): Risk => {
    const likelihood = riskLikelihood(draft.statement);
    const impact = impactOf(draft.statement);
    return {
      id: contentId('rk', draft.statement),
      statement: draft.statement,
      scenarioIds: linkedScenarios(draft),
      likelihood,
      impact,
      score: likelihoodRank(likelihood.term) * impactRank(impact),
      evidence: draft.ids,
      sources: draft.sourceIds,
      ...foundInSources(draft.sourceIds),
    };
  });
  const first = (r: Risk): number => order.get(r.evidence[0] ?? '') ?? 0;
  return risks.sort((a, b) => b.score - a.score || first(a) - first(b));
}

/** Scenarios with the ids of the risks that speak of them, in risk order. */
export function withRiskIds(scenarios: readonly Scenario[], risks: readonly Risk[]): Scenario[] {
  const riskIds = new Map<string, string[]>();
  for (const r of risks) {
    for (const id of new Set(r.scenarioIds)) {
      const list = riskIds.get(id);
      if (list) list.push(r.id);
      else riskIds.set(id, [r.id]);
    }
  }
  return scenarios.map((s) => ({ ...s, riskIds: [...(riskIds.get(s.id) ?? [])] }));
}
