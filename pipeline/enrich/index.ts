// The enrich stage: Source[] + overlay → Brief. Pure: no I/O, clock or randomness; every
// statement carries the ids of the sentences it came from. The extractors run first, then the
// analyst's overlay edits their findings, then every item is weighed on the sources behind it.
import { SCHEMA_VERSION, type Actor, type Brief, type Diagnostic, type EnrichContext, type Source } from '../model.js';
import { findActors } from './actors.js';
import { assessed, groundsOf } from './assess.js';
import { summarize } from './bluf.js';
import { outline, type Block } from './outline.js';
import { applyOverlay } from './overlay.js';
import { findQuotes } from './quotes.js';
import { findRisks, withRiskIds } from './risks.js';
import { findScenarios } from './scenarios.js';
import { findSignposts } from './signposts.js';
import { sentenceCorpus } from './similarity.js';

const TITLE_ACTORS = 2;

function titleOf(sources: readonly Source[], ctx: EnrichContext, actors: readonly Actor[]): string {
  if (ctx.overlay.title) return ctx.overlay.title;
  const only = sources.length === 1 ? sources[0]?.title.trim() : '';
  if (only) return only;
  const names = actors.slice(0, TITLE_ACTORS).map((a) => a.name);
  return names.length > 0 ? `Briefing: ${names.join(', ')}` : 'Briefing';
}

function note(ruleId: string, message: string): Diagnostic {
  return { file: '', line: 0, column: 0, severity: 'info', ruleId, message };
}

export function enrich(sources: Source[], ctx: EnrichContext): Brief {
  const outlines = new Map<string, Block[]>(sources.map((s) => [s.id, outline(s)]));
  const actorIndex = findActors(sources);
  const { quotes, diagnostics: quoteNotes } = findQuotes(sources, actorIndex);
  const { scenarios: found, structuralIds } = findScenarios(sources, outlines);
  const foundRisks = findRisks(sources, outlines, found, structuralIds);
  const foundScenarios = withRiskIds(found, foundRisks);
  // Summaries and contradictions compare the same sentences in one model.
  const corpus = sentenceCorpus(sources);
  const { bluf, keyJudgments: judged } = summarize(sources, foundScenarios, corpus);
  const edited = applyOverlay(
    { scenarios: foundScenarios, risks: foundRisks, actors: actorIndex.actors, quotes, signposts: findSignposts(sources) },
    ctx.overlay,
    sources,
  );
  const { actors, signposts } = edited.analysis;
  const grounds = groundsOf(sources, actorIndex, quotes, corpus);
  const scenarios = edited.analysis.scenarios.map((s) => assessed(s, grounds));
  const risks = edited.analysis.risks.map((r) => assessed(r, grounds));
  const keyJudgments = judged.map((k) => assessed(k, grounds));

  const diagnostics: Diagnostic[] = [...ctx.diagnostics, ...edited.diagnostics];
  for (const source of sources) {
    if (source.sentences.length === 0) {
      diagnostics.push({ file: source.path, line: 0, column: 0, severity: 'warning', ruleId: 'enrich/empty-source', message: `No sentences to analyse in ${source.path}` });
    }
  }
  diagnostics.push(...quoteNotes);
  if (sources.length === 0) diagnostics.push(note('enrich/no-sources', 'No sources to analyse'));
  if (scenarios.length === 0) diagnostics.push(note('enrich/no-scenarios', 'No scenarios found: no heading names scenarios, options or outcomes, and no sentence enumerates them'));
  if (risks.length === 0) diagnostics.push(note('enrich/no-risks', 'No risks found: no risk section and no sentence with a risk cue'));
  if (signposts.length === 0) diagnostics.push(note('enrich/no-signposts', 'No signposts found: no sentence names a condition ("depends on", "if", "unless" …)'));

  return {
    schemaVersion: SCHEMA_VERSION,
    title: titleOf(sources, ctx, actors),
    subtitle: ctx.overlay.subtitle ?? null,
    audience: ctx.overlay.audience ?? null,
    marking: ctx.overlay.marking ?? null,
    lang: ctx.overlay.lang ?? sources[0]?.lang ?? 'en',
    generatedAt: ctx.generatedAt,
    sources,
    bluf,
    keyJudgments,
    scenarios,
    risks,
    actors,
    quotes: edited.analysis.quotes,
    signposts,
    diagnostics,
  };
}
