// The enrich stage: Source[] + overlay → Brief, in three steps, one folder each: annotate each
// source once (annotate/), group the sources into stories (stories/), analyse each story (analyse/).
// Then the analyst's overlay edits the findings, and every item is weighed on the sources behind it.
// Pure: no I/O, clock or randomness; every statement carries the ids of the sentences it came from.
import { SCHEMA_VERSION, type Actor, type Brief, type Diagnostic, type EnrichContext, type Source, type Story } from '../model.js';
import { analyseStories, BLUF_STORIES } from './analyse/index.js';
import { assessed, groundsOf } from './analyse/assess.js';
import { findSignposts } from './analyse/signposts.js';
import { annotate } from './annotate/index.js';
import { applyOverlay } from './overlay.js';
import { findStories, markCopies, storyPlacer } from './stories/index.js';

const TITLE_ACTORS = 2;

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

function note(ruleId: string, message: string): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'info', ruleId, message };
}

export function enrich(given: Source[], ctx: EnrichContext): Brief {
  // Copies are set aside first: the analysis reads each article once.
  const { sources: all, originals: sources, diagnostics: copyNotes } = markCopies(given);
  const annotations = annotate(sources);
  const { actors: actorIndex, quotes, corpus } = annotations;
  const { stories, central } = findStories(sources, actorIndex.actors, corpus);
  const placeIn = storyPlacer(stories);
  const { scenarios: foundScenarios, risks: foundRisks, keyJudgments: judged, bluf: packBluf } = analyseStories(sources, stories, annotations);
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
  diagnostics.push(...annotations.diagnostics);
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
