// The analyst's overlay (brief.yaml) applied to the analysis: pure, after the extractors and before
// the sources are weighed, so a merged scenario is weighed on all its sources. Edits name items by
// id, and ids come from the wording (ids.ts), so an overlay keeps applying after a rebuild; an entry
// that matches nothing is a warning at its brief.yaml line, and the rest still applies.
//
// Scenarios first (suppress, merge, edit, add), then risks (suppress, edit, add), then the links are
// repaired: a risk points only at scenarios that remain, a merged scenario's risks lead to the one it
// was merged into, and each scenario's riskIds are rebuilt from the risks. Actors (by name), quotes
// and signposts can be suppressed.
import type { Actor, Confidence, Diagnostic, Edit, Quote, Risk, Scenario, Signpost, Source } from '../model.js';
import { NOT_ASSESSED } from '../model.js';
import { OVERLAY_FILE, placeOf, type Overlay } from '../overlay-schema.js';
import { contentId, normalizeText } from './annotate/ids.js';
import { impactRank, likelihood, likelihoodRank } from './analyse/likelihood.js';
import { withRiskIds } from './analyse/risks.js';

export interface Analysis {
  scenarios: Scenario[];
  risks: Risk[];
  actors: Actor[];
  quotes: Quote[];
  signposts: Signpost[];
}

type Path = ReadonlyArray<string | number>;
type Warn = (path: Path, message: string, ruleId?: string) => void;

interface Order {
  sentence: ReadonlyMap<string, number>;
  source: ReadonlyMap<string, number>;
}

/** The warning's place: the entry's line, or the nearest enclosing entry's when it has none of its own. */
function warner(overlay: Overlay, diagnostics: Diagnostic[]): Warn {
  const file = overlay.places?.file ?? OVERLAY_FILE;
  return (path, message, ruleId = 'overlay/unmatched') => {
    const place = placeOf(overlay.places?.at ?? {}, path);
    diagnostics.push({ file, line: place?.line ?? 0, column: place?.column ?? 0, severity: 'warning', ruleId, message: `${path.join('.')}: ${message}` });
  };
}

const withEdit = (edits: readonly Edit[], edit: Edit): Edit[] => (edits.includes(edit) ? [...edits] : [...edits, edit]);

function sortedBy(ids: Iterable<string>, rank: ReadonlyMap<string, number>): string[] {
  return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
}

/** Removes the items whose key is listed, warning about each listed key that matches none. */
function suppress<T>(items: T[], keys: readonly string[], keyOf: (item: T) => string, path: Path, what: string, warn: Warn): T[] {
  const listed = new Set(keys);
  const seen = new Set(items.map(keyOf));
  keys.forEach((key, i) => {
    if (!seen.has(key)) warn([...path, i], `no ${what} ${key} in this build`);
  });
  return items.filter((item) => !listed.has(keyOf(item)));
}

/** Actors go by name as written, in any case or punctuation ("Caliber.Az", "caliber az"). */
function suppressActors(actors: Actor[], names: readonly string[], warn: Warn): Actor[] {
  const listed = new Set(names.map(normalizeText));
  const seen = new Set(actors.map((a) => normalizeText(a.name)));
  names.forEach((name, i) => {
    if (!seen.has(normalizeText(name))) warn(['actors', 'suppress', i], `no actor named "${name}" in this build`);
  });
  return actors.filter((a) => !listed.has(normalizeText(a.name)));
}

/** Merges each group into its first scenario; returns the scenarios left and where each merged id went. */
function mergeScenarios(scenarios: Scenario[], groups: readonly string[][], order: Order, warn: Warn): { scenarios: Scenario[]; survivorOf: Map<string, string> } {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const survivorOf = new Map<string, string>();
  const current = (id: string): string => survivorOf.get(id) ?? id;
  groups.forEach((group, g) => {
    const present = group.filter((id, m) => {
      if (byId.has(current(id))) return true;
      warn(['scenarios', 'merge', g, m], `no scenario ${id} in this build to merge`);
      return false;
    });
    const [first, ...rest] = [...new Set(present.map(current))];
    const survivor = first === undefined ? undefined : byId.get(first);
    if (!survivor || rest.length === 0) return;
    const absorbed = rest.map((id) => byId.get(id) as Scenario);
    const merged: Scenario = {
      ...survivor,
      sources: sortedBy([survivor, ...absorbed].flatMap((s) => s.sources), order.source),
      evidence: sortedBy([survivor, ...absorbed].flatMap((s) => s.evidence), order.sentence),
      edits: withEdit(survivor.edits, 'merge'),
    };
    byId.set(survivor.id, merged);
    for (const s of absorbed) {
      byId.delete(s.id);
      for (const [from, to] of survivorOf) if (to === s.id) survivorOf.set(from, survivor.id);
      survivorOf.set(s.id, survivor.id);
    }
  });
  return { scenarios: scenarios.flatMap((s) => byId.get(s.id) ?? []), survivorOf };
}

type ScenarioSection = NonNullable<Overlay['scenarios']>;
type RiskSection = NonNullable<Overlay['risks']>;

function editScenarios(scenarios: Scenario[], section: ScenarioSection, survivorOf: ReadonlyMap<string, string>, warn: Warn): Scenario[] {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  for (const [id, edit] of Object.entries(section.edits)) {
    const scenario = byId.get(id);
    if (!scenario) {
      const survivor = survivorOf.get(id);
      warn(['scenarios', id], survivor ? `scenario ${id} was merged into ${survivor}: edit that one` : `no scenario ${id} in this build`);
      continue;
    }
    let edits = scenario.edits;
    if (edit.title !== undefined && edit.title !== scenario.title) edits = withEdit(edits, 'title');
    if (edit.summary !== undefined && edit.summary !== scenario.summary) edits = withEdit(edits, 'summary');
    byId.set(id, { ...scenario, ...edit, edits });
  }
  return scenarios.map((s) => byId.get(s.id) ?? s);
}

function addScenarios(scenarios: Scenario[], section: ScenarioSection, warn: Warn): Scenario[] {
  const out = [...scenarios];
  section.add.forEach((addition, i) => {
    const id = contentId('sc', addition.title);
    if (out.some((s) => s.id === id)) {
      warn(['scenarios', 'add', i], `a scenario titled "${addition.title}" is already there as ${id}: edit it instead`, 'overlay/duplicate');
      return;
    }
    out.push({
      id,
      title: addition.title,
      summary: addition.summary,
      riskIds: [],
      ...analystAddition(addition),
    });
  });
  return out;
}

/** What every analyst's addition carries: no sentence behind it, its basis in the note. */
function analystAddition(addition: { confidence: Confidence; note: string }) {
  return {
    sources: [],
    evidence: [],
    confidence: addition.confidence,
    corroboration: 0,
    credibility: NOT_ASSESSED,
    origin: 'analyst' as const,
    note: addition.note,
    edits: [],
    storyId: null,
  };
}

function scored(risk: Risk): Risk {
  return { ...risk, score: likelihoodRank(risk.likelihood.term) * impactRank(risk.impact) };
}

function editRisks(risks: Risk[], section: RiskSection, warn: Warn): Risk[] {
  const byId = new Map(risks.map((r) => [r.id, r]));
  for (const [id, edit] of Object.entries(section.edits)) {
    const risk = byId.get(id);
    if (!risk) {
      warn(['risks', id], `no risk ${id} in this build`);
      continue;
    }
    let next: Risk = { ...risk, note: edit.note ?? risk.note };
    if (edit.statement !== undefined && edit.statement !== risk.statement) next = { ...next, statement: edit.statement, edits: withEdit(next.edits, 'statement') };
    // The analyst's term replaces the one read from the source's hedge, so the source's cue no longer applies.
    if (edit.likelihood !== undefined && edit.likelihood !== risk.likelihood.term) next = { ...next, likelihood: likelihood(edit.likelihood, null), edits: withEdit(next.edits, 'likelihood') };
    if (edit.impact !== undefined && edit.impact !== risk.impact) next = { ...next, impact: edit.impact, edits: withEdit(next.edits, 'impact') };
    byId.set(id, scored(next));
  }
  return risks.map((r) => byId.get(r.id) ?? r);
}

/** A scenario named by id (a merged one leads to where it went) or by title, as written in an addition. */
function scenarioResolver(scenarios: readonly Scenario[], survivorOf: ReadonlyMap<string, string>): (ref: string) => string | null {
  const ids = new Set(scenarios.map((s) => s.id));
  const byTitle = new Map(scenarios.map((s) => [normalizeText(s.title), s.id]));
  return (ref) => {
    const id = survivorOf.get(ref) ?? ref;
    return ids.has(id) ? id : (byTitle.get(normalizeText(ref)) ?? null);
  };
}

function addRisks(risks: Risk[], section: RiskSection, resolve: (ref: string) => string | null, warn: Warn): Risk[] {
  const out = [...risks];
  section.add.forEach((addition, i) => {
    const id = contentId('rk', addition.statement);
    if (out.some((r) => r.id === id)) {
      warn(['risks', 'add', i], `this risk is already there as ${id}: edit it instead`, 'overlay/duplicate');
      return;
    }
    const scenarioIds = addition.scenarios.flatMap((ref, k) => {
      const found = resolve(ref);
      if (!found) warn(['risks', 'add', i, 'scenarios', k], `no scenario ${ref} in this build, by id or title`);
      return found ? [found] : [];
    });
    out.push(
      scored({
        id,
        statement: addition.statement,
        scenarioIds: [...new Set(scenarioIds)],
        likelihood: likelihood(addition.likelihood, null),
        impact: addition.impact,
        score: 1,
        ...analystAddition(addition),
      }),
    );
  });
  return out;
}

function orderOf(sources: readonly Source[]): Order {
  const sentence = new Map<string, number>();
  sources.forEach((s, si) => s.sentences.forEach((x, k) => sentence.set(x.id, si * 1e6 + k)));
  return { sentence, source: new Map(sources.map((s, i) => [s.id, i])) };
}

export interface OverlayResult {
  analysis: Analysis;
  diagnostics: Diagnostic[];
}

export function applyOverlay(analysis: Analysis, overlay: Overlay, sources: readonly Source[]): OverlayResult {
  const diagnostics: Diagnostic[] = [];
  const warn = warner(overlay, diagnostics);
  const order = orderOf(sources);

  let scenarios = analysis.scenarios;
  let survivorOf = new Map<string, string>();
  const sc = overlay.scenarios;
  if (sc) {
    scenarios = suppress(scenarios, sc.suppress, (s) => s.id, ['scenarios', 'suppress'], 'scenario', warn);
    ({ scenarios, survivorOf } = mergeScenarios(scenarios, sc.merge, order, warn));
    scenarios = addScenarios(editScenarios(scenarios, sc, survivorOf, warn), sc, warn);
  }

  let risks = analysis.risks;
  const rk = overlay.risks;
  if (rk) {
    risks = suppress(risks, rk.suppress, (r) => r.id, ['risks', 'suppress'], 'risk', warn);
    risks = addRisks(editRisks(risks, rk, warn), rk, scenarioResolver(scenarios, survivorOf), warn);
  }
  const remaining = new Set(scenarios.map((s) => s.id));
  risks = risks
    .map((r) => ({ ...r, scenarioIds: [...new Set(r.scenarioIds.map((id) => survivorOf.get(id) ?? id))].filter((id) => remaining.has(id)) }))
    .sort((a, b) => b.score - a.score);

  return {
    analysis: {
      scenarios: withRiskIds(scenarios, risks),
      risks,
      actors: suppressActors(analysis.actors, overlay.actors?.suppress ?? [], warn),
      quotes: suppress(analysis.quotes, overlay.quotes?.suppress ?? [], (q) => q.id ?? '', ['quotes', 'suppress'], 'quote', warn),
      signposts: suppress(analysis.signposts, overlay.signposts?.suppress ?? [], (s) => s.id ?? '', ['signposts', 'suppress'], 'signpost', warn),
    },
    // In the order of brief.yaml, which is how the analyst reads them.
    diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}
