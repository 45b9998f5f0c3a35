// The enrich stage's last step: the analysers run over each story's sources and the pack's
// annotations (scenarios, risks, key judgments), so that a scenario is merged, and a risk linked to
// a scenario, only within the story that tells them.
import type { KeyJudgment, Risk, Scenario, Source, Statement, Story } from '../../model.js';
import type { Annotations } from '../annotate/index.js';
import { contentId } from '../annotate/ids.js';
import { summarize } from './bluf.js';
import { findRisks, withRiskIds } from './risks.js';
import { findScenarios } from './scenarios.js';

/** Stories the bottom line speaks for, one line each, when the pack holds several. */
export const BLUF_STORIES = 6;

export interface StoryAnalysis {
  scenarios: Scenario[];
  risks: Risk[];
  keyJudgments: KeyJudgment[];
  /** The bottom line of a pack of one story. */
  bluf: Statement[];
}

/** Key judgments each leading story gets when the pack holds several: the rest have their cards. */
const JUDGMENTS_PER_STORY = 3;

/**
 * Runs the extractors over each story's sources. The same wording in two stories (a scenario
 * both name) gives two items; the later one's id is made from the story too, so ids stay unique
 * and a pack of one story keeps the ids it had before stories.
 */
export function analyseStories(sources: readonly Source[], stories: readonly Story[], { outlines, corpus }: Annotations): StoryAnalysis {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const out: StoryAnalysis = { scenarios: [], risks: [], keyJudgments: [], bluf: [] };
  const taken = new Set<string>();
  const unique = <T extends { id: string }>(item: T, story: Story): T => {
    const id = taken.has(item.id) ? contentId(item.id.slice(0, 2), `${item.id} ${story.id}`) : item.id;
    taken.add(id);
    return { ...item, id };
  };
  stories.forEach((story, rank) => {
    const members = story.sources.flatMap((id) => byId.get(id) ?? []);
    const { scenarios: found, structuralIds } = findScenarios(members, outlines);
    const rawRisks = findRisks(members, outlines, found, structuralIds);
    // Ids are settled before the scenarios and risks point at each other by id.
    const riskIds = new Map(rawRisks.map((r) => [r.id, unique(r, story).id]));
    const scenarioIds = new Map(found.map((sc) => [sc.id, unique(sc, story).id]));
    const risks = rawRisks.map((r) => ({ ...r, id: riskIds.get(r.id) ?? r.id, scenarioIds: r.scenarioIds.map((id) => scenarioIds.get(id) ?? id), storyId: story.id }));
    const scenarios = withRiskIds(
      found.map((sc) => ({ ...sc, id: scenarioIds.get(sc.id) ?? sc.id, storyId: story.id })),
      risks,
    );
    out.scenarios.push(...scenarios);
    out.risks.push(...risks);
    // Several stories: the leading ones told by more than one article get key judgments; a story of
    // one article is said by its card's summary.
    if (stories.length > 1 && (rank >= BLUF_STORIES || members.length < 2)) return;
    const { bluf, keyJudgments } = summarize(members, scenarios, corpus, stories.length === 1);
    const own = keyJudgments.map((k) => ({ ...k, storyId: story.id }));
    out.keyJudgments.push(...(stories.length > 1 ? own.slice(0, JUDGMENTS_PER_STORY) : own));
    if (stories.length === 1) out.bluf = bluf;
  });
  return out;
}

