// The enrich stage: Source[] + overlay → Brief. Pure: no I/O, clock or randomness; every
// statement carries the ids of the sentences it came from. The extractors run first, then the
// analyst's overlay edits their findings, then every item is weighed on the sources behind it.
import { SCHEMA_VERSION, type Actor, type Brief, type Diagnostic, type EnrichContext, type KeyJudgment, type Risk, type Scenario, type Source, type Statement, type Story } from '../model.js';
import { findActors } from './actors.js';
import { assessed, groundsOf } from './assess.js';
import { summarize } from './bluf.js';
import { outline, type Block } from './outline.js';
import { applyOverlay } from './overlay.js';
import { languageNotes } from './language.js';
import { findQuotes } from './quotes.js';
import { findRisks, withRiskIds } from './risks.js';
import { findScenarios } from './scenarios.js';
import { findSignposts } from './signposts.js';
import { contentId } from './ids.js';
import { sentenceCorpus, type SentenceCorpus } from './similarity.js';
import { findStories, markCopies, storyPlacer } from './stories/index.js';

const TITLE_ACTORS = 2;
/** Stories the bottom line speaks for, one line each, when the pack holds several. */
const BLUF_STORIES = 6;

function titleOf(sources: readonly Source[], ctx: EnrichContext, actors: readonly Actor[], stories: readonly Story[]): string {
  if (ctx.overlay.title) return ctx.overlay.title;
  const only = sources.length === 1 ? sources[0]?.title.trim() : '';
  if (only) return only;
  // Several stories: the leading one names the pack, and the count says there is more.
  const [lead, ...rest] = stories;
  if (lead && rest.length > 0) return `${lead.title} and ${rest.length} other ${rest.length === 1 ? 'story' : 'stories'}`;
  const names = actors.slice(0, TITLE_ACTORS).map((a) => a.name);
  return names.length > 0 ? `Briefing: ${names.join(', ')}` : 'Briefing';
}

interface StoryAnalysis {
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
function analyseStories(sources: readonly Source[], stories: readonly Story[], outlines: ReadonlyMap<string, Block[]>, corpus: SentenceCorpus): StoryAnalysis {
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

function note(ruleId: string, message: string): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'info', ruleId, message };
}

export function enrich(given: Source[], ctx: EnrichContext): Brief {
  // Copies are set aside first: the analysis reads each article once.
  const { sources: all, originals: sources, diagnostics: copyNotes } = markCopies(given);
  const outlines = new Map<string, Block[]>(sources.map((s) => [s.id, outline(s)]));
  const actorIndex = findActors(sources);
  const { quotes, diagnostics: quoteNotes } = findQuotes(sources, actorIndex);
  // Summaries and contradictions compare the same sentences in one model.
  const corpus = sentenceCorpus(sources);
  const { stories, central } = findStories(sources, actorIndex.actors, corpus);
  const placeIn = storyPlacer(stories);
  // Scenarios, risks and key judgments are found story by story: a scenario is merged, and a risk
  // linked to a scenario, only within the story that tells them.
  const { scenarios: foundScenarios, risks: foundRisks, keyJudgments: judged, bluf: packBluf } = analyseStories(sources, stories, outlines, corpus);
  // Several stories: the bottom line gives each leading story its own line.
  const bluf = stories.length > 1 ? stories.slice(0, BLUF_STORIES).flatMap((story) => central.get(story.id) ?? []) : packBluf;
  const edited = applyOverlay(
    { scenarios: foundScenarios, risks: foundRisks, actors: actorIndex.actors, quotes, signposts: findSignposts(sources) },
    ctx.overlay,
    sources,
  );
  const { actors, signposts } = edited.analysis;
  const grounds = groundsOf(sources, actorIndex, quotes, corpus);
  // An item keeps the story it was found in; an analyst's addition goes where its evidence is.
  const placed = <T extends { evidence: string[]; storyId?: string | null }>(item: T): T & { storyId: string | null } => ({ ...item, storyId: item.storyId ?? placeIn(item.evidence) });
  const scenarios = edited.analysis.scenarios.map((s) => placed(assessed(s, grounds)));
  const risks = edited.analysis.risks.map((r) => placed(assessed(r, grounds)));
  const keyJudgments = judged.map((k) => placed(assessed(k, grounds)));

  const diagnostics: Diagnostic[] = [...ctx.diagnostics, ...copyNotes, ...edited.diagnostics];
  for (const source of all) {
    if (source.sentences.length === 0) {
      diagnostics.push({ file: source.path, line: 0, column: 0, severity: 'warning', ruleId: 'enrich/empty-source', message: `No sentences to analyse in ${source.path}` });
    }
  }
  diagnostics.push(...languageNotes(sources), ...quoteNotes);
  if (sources.length === 0) diagnostics.push(note('enrich/no-sources', 'No sources to analyse'));
  if (scenarios.length === 0) diagnostics.push(note('enrich/no-scenarios', 'No scenarios found: no heading names scenarios, options or outcomes, and no sentence enumerates them'));
  if (risks.length === 0) diagnostics.push(note('enrich/no-risks', 'No risks found: no risk section and no sentence with a risk cue'));
  if (signposts.length === 0) diagnostics.push(note('enrich/no-signposts', 'No signposts found: no sentence names a condition ("depends on", "if", "unless" …)'));

  return {
    schemaVersion: SCHEMA_VERSION,
    title: titleOf(sources, ctx, actors, stories),
    subtitle: ctx.overlay.subtitle ?? null,
    audience: ctx.overlay.audience ?? null,
    marking: ctx.overlay.marking ?? null,
    lang: ctx.overlay.lang ?? sources[0]?.lang ?? 'en',
    generatedAt: ctx.generatedAt,
    sources: all,
    stories,
    bluf,
    keyJudgments,
    scenarios,
    risks,
    actors,
    quotes: edited.analysis.quotes.map((q) => ({ ...q, storyId: placeIn([q.evidence]) })),
    signposts: signposts.map(placed),
    diagnostics,
  };
}
