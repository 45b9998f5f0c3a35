// Risks: the items and sentences of risk sections, and sentences elsewhere that state a risk
// (risk-language.ts says when); each with likelihood (its own hedging), impact (what is at stake),
// links to the scenarios it speaks of, and near-duplicates across sources merged.
import type { Risk, Scenario, Source } from '../model.js';
import { contentId } from './ids.js';
import { foundInSources } from './corroboration.js';
import { RISK_HEADING_WORDS } from './lexicon.js';
import { impactOf, impactRank, likelihoodRank, riskLikelihood } from './likelihood.js';
import { endsWithColon, sectionBody, type Block } from './outline.js';
import { speaksOfRisk } from './risk-language.js';
import { cosine, nearDuplicateGroups, overlap, termSet, tfidf } from './similarity.js';
import { negated, shorterFirst, wordCount, words } from './text.js';

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

/** The scenarios a risk speaks of: most of a scenario's title words, or wording close to its title and summary. */
function linkedScenarios(draft: RiskDraft, scenarios: readonly Scenario[]): string[] {
  const riskTerms = termSet(draft.statement);
  const texts = scenarios.map((s) => `${s.title} ${s.summary}`);
  const model = tfidf([draft.statement, ...texts]);
  const riskVector = model.vectors[0];
  return scenarios
    .filter((scenario, k) => {
      if (draft.ids.some((id) => scenario.evidence.includes(id))) return true;
      const title = termSet(scenario.title);
      const { shared } = overlap(title, riskTerms);
      if (title.size > 0 && shared >= Math.min(2, title.size) && shared / title.size >= 0.5) return true;
      const v = model.vectors[k + 1];
      return riskVector !== undefined && v !== undefined && cosine(riskVector, v) >= LINK_COSINE;
    })
    .map((s) => s.id);
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
    for (const s of source.sentences) {
      if (s.kind === 'heading' || taken.has(s.id) || excluded.has(s.id) || !usable(s.text) || !speaksOfRisk(s.text)) continue;
      drafts.push({ statement: s.text.trim(), ids: [s.id], sourceIds: [source.id] });
    }
  }

  const order = new Map<string, number>();
  sources.forEach((s, si) => s.sentences.forEach((x, k) => order.set(x.id, si * 1e6 + k)));
  const risks = merge(drafts).map((draft): Risk => {
    const likelihood = riskLikelihood(draft.statement);
    const impact = impactOf(draft.statement);
    return {
      id: contentId('rk', draft.statement),
      statement: draft.statement,
      scenarioIds: linkedScenarios(draft, scenarios),
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
  return scenarios.map((s) => ({ ...s, riskIds: risks.filter((r) => r.scenarioIds.includes(s.id)).map((r) => r.id) }));
}
