// The enrich stage: Source[] + overlay → Brief. Pure: no I/O, clock or randomness; every
// statement carries the ids of the sentences it came from. The extractors run first, then the
// analyst's overlay edits their findings, then every item is weighed on the sources behind it.
import { SCHEMA_VERSION, type Actor, type Brief, type Diagnostic, type EnrichContext, type Source, type Story } from '../model.js';
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
import { sentenceCorpus } from './similarity.js';
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

function note(ruleId: string, message: string): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'info', ruleId, message };
}

export function enrich(given: Source[], ctx: EnrichContext): Brief {
  // Copies are set aside first: the analysis reads each article once.
  const { sources: all, originals: sources, diagnostics: copyNotes } = markCopies(given);
  const outlines = new Map<string, Block[]>(sources.map((s) => [s.id, outline(s)]));
  const actorIndex = findActors(sources);
  const { quotes, diagnostics: quoteNotes } = findQuotes(sources, actorIndex);
  const { scenarios: found, structuralIds } = findScenarios(sources, outlines);
  const foundRisks = findRisks(sources, outlines, found, structuralIds);
  const foundScenarios = withRiskIds(found, foundRisks);
  // Summaries and contradictions compare the same sentences in one model.
  const corpus = sentenceCorpus(sources);
  const { stories, central } = findStories(sources, actorIndex.actors, corpus);
  const placeIn = storyPlacer(stories);
  const { bluf: packBluf, keyJudgments: judged } = summarize(sources, foundScenarios, corpus);
  // Several stories: the bottom line gives each leading story its own line.
  const bluf = stories.length > 1 ? stories.slice(0, BLUF_STORIES).flatMap((story) => central.get(story.id) ?? []) : packBluf;
  const edited = applyOverlay(
    { scenarios: foundScenarios, risks: foundRisks, actors: actorIndex.actors, quotes, signposts: findSignposts(sources) },
    ctx.overlay,
    sources,
  );
  const { actors, signposts } = edited.analysis;
  const grounds = groundsOf(sources, actorIndex, quotes, corpus);
  const placed = <T extends { evidence: string[] }>(item: T): T & { storyId: string | null } => ({ ...item, storyId: placeIn(item.evidence) });
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
