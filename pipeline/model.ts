// The one typed model every stage passes along. Plain JSON throughout, so any stage's
// value can be cached as a file, inspected, and validated where it crosses a boundary.
import { z } from 'zod';
import type { Root } from 'mdast';
import type { Overlay } from './overlay-schema.js';

export const SCHEMA_VERSION = 4;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  severity: Severity,
  ruleId: z.string(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** `<sourceId>:s<N>`, N counting from 1 in reading order. */
export const SentenceId = z.string().regex(/^[^:\s]+:s\d+$/, 'a sentence id is <sourceId>:s<N>');
export type SentenceId = z.infer<typeof SentenceId>;

export const BlockKind = z.enum(['paragraph', 'list-item', 'heading', 'quote', 'table-cell']);
export type BlockKind = z.infer<typeof BlockKind>;

export const Sentence = z.object({
  id: SentenceId,
  text: z.string().min(1),
  /** Text of the section heading the sentence stands under; null before the first heading. */
  section: z.string().nullable(),
  /** Index of the block (paragraph, list item, heading…) in reading order, from 0. */
  block: z.number().int().nonnegative(),
  kind: BlockKind,
  /** 1-based line in the seed file where the sentence starts. */
  line: z.number().int().nonnegative(),
});
export type Sentence = z.infer<typeof Sentence>;

const MdastRoot = z.custom<Root>(
  (value) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root',
  'an mdast root node',
);

export const SourceFormat = z.enum(['text', 'markdown', 'html']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Source = z.object({
  /** File name without extension. */
  id: z.string().min(1),
  /** Path as given on the command line (relative to the working directory). */
  path: z.string(),
  format: SourceFormat,
  title: z.string(),
  kicker: z.string().nullable(),
  author: z.string().nullable(),
  /** Outlets the text passed through, nearest first ("Caliber.Az reports via Bloomberg" → both). */
  via: z.array(z.string()),
  /** ISO date (YYYY-MM-DD) when the text states one. */
  published: z.string().nullable(),
  lang: z.string(),
  headings: z.array(z.string()),
  /** Disclaimers, copyright and share lines kept out of the analysed sentences. */
  boilerplate: z.array(z.string()),
  sentences: z.array(Sentence),
  /** The article body as mdast without positions; blocks carry `data.sentenceIds`. */
  tree: MdastRoot,
  /** SHA-256 of the file's bytes: the cache key for later stages. */
  hash: z.string(),
  /**
   * The id of the source this one copies (the same article again, an updated version of it, the
   * same text from another outlet), or null for an original. Set by the enrich stage; a copy is
   * neither analysed nor counted as a source of its own.
   */
  duplicateOf: z.string().nullable().default(null),
});
export type Source = z.infer<typeof Source>;

/** A result of reading one seed: the Source, or nothing when the file could not be read. */
export interface ReadResult {
  source: Source | null;
  diagnostics: Diagnostic[];
}

export const Evidence = z.array(SentenceId);

export const Confidence = z.enum(['low', 'moderate', 'high']);
export type Confidence = z.infer<typeof Confidence>;

/** ICD 203 estimative terms, from least to most likely. */
export const LIKELIHOOD_TERMS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;
export const LikelihoodTerm = z.enum(LIKELIHOOD_TERMS);
export type LikelihoodTerm = z.infer<typeof LikelihoodTerm>;

export const Likelihood = z.object({
  term: LikelihoodTerm,
  /** Probability band in percent, e.g. "55–80 %". */
  band: z.string(),
  /** The source's own hedging words the term was mapped from ("could", "would require"). */
  cue: z.string().nullable(),
});
export type Likelihood = z.infer<typeof Likelihood>;

export const IMPACTS = ['low', 'medium', 'high'] as const;
export const Impact = z.enum(IMPACTS);
export type Impact = z.infer<typeof Impact>;

/** Who stands behind an item: sentences of the sources, or the analyst's overlay alone. */
export const Origin = z.enum(['sources', 'analyst']);
export type Origin = z.infer<typeof Origin>;

/** What the analyst's overlay changed in an item found in the sources. */
export const Edit = z.enum(['title', 'summary', 'statement', 'likelihood', 'impact', 'merge']);
export type Edit = z.infer<typeof Edit>;

/** Admiralty (NATO AJP-2.1) information credibility, rating 1 best … 6 no basis; the rules are in enrich/analyse/credibility.ts. */
export const CREDIBILITY_LABELS = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
} as const;
export type CredibilityRating = keyof typeof CREDIBILITY_LABELS;
type CredibilityLabel = (typeof CREDIBILITY_LABELS)[CredibilityRating];
const LABELS = Object.values(CREDIBILITY_LABELS) as [CredibilityLabel, ...CredibilityLabel[]];

export const Credibility = z
  .object({
    rating: z.literal([1, 2, 3, 4, 5, 6]),
    label: z.enum(LABELS),
    /** Why this rating, in words a reader can check ("2 independent sources", "hedged: reportedly"). */
    basis: z.string(),
  })
  .refine((c) => CREDIBILITY_LABELS[c.rating] === c.label, { message: 'the label must be the one of the rating', path: ['label'] });
export type Credibility = z.infer<typeof Credibility>;

/** The value of briefs written before credibility was assessed, and of items not yet assessed. */
export const NOT_ASSESSED: Credibility = { rating: 6, label: CREDIBILITY_LABELS[6], basis: 'not assessed' };

/**
 * Independent sources behind an item: sources that share a `via` outlet or an author count once.
 * 0 for an analyst's addition, and in briefs written before it was counted.
 */
const Corroboration = z.number().int().nonnegative().default(0);

/** The story an item belongs to: the story of most of its evidence; null for an analyst's addition. */
const StoryId = z.string().regex(/^st-[0-9a-f]{6,}$/).nullable().default(null);

/** Fields every analysed item carries about where it comes from and how far to trust it. */
const provenance = {
  corroboration: Corroboration,
  credibility: Credibility.default(NOT_ASSESSED),
  origin: Origin.default('sources'),
  /** The analyst's note: the basis of an addition, or the reason for an edit. */
  note: z.string().min(1).nullable().default(null),
  edits: z.array(Edit).default([]),
  storyId: StoryId,
};

/** Items found in the sources cite a sentence; an analyst's addition has none and states its basis in a note. */
function tracedOrNoted(item: { origin: Origin; evidence: readonly string[]; note: string | null }, ctx: z.RefinementCtx): void {
  if (item.origin === 'sources' && item.evidence.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'an item found in the sources cites at least one sentence' });
  }
  if (item.origin === 'analyst' && item.note === null) {
    ctx.addIssue({ code: 'custom', path: ['note'], message: "an analyst's addition has no evidence, so it states its basis in a note" });
  }
}

export const Scenario = z
  .object({
    id: z.string().regex(/^sc-[0-9a-f]{6,}$/),
    title: z.string().min(1),
    summary: z.string(),
    sources: z.array(z.string()),
    evidence: Evidence,
    riskIds: z.array(z.string()),
    confidence: Confidence,
    ...provenance,
  })
  .superRefine(tracedOrNoted);
export type Scenario = z.infer<typeof Scenario>;

export const Risk = z
  .object({
    id: z.string().regex(/^rk-[0-9a-f]{6,}$/),
    statement: z.string().min(1),
    scenarioIds: z.array(z.string()),
    likelihood: Likelihood,
    impact: Impact,
    /** Likelihood rank (1–7) × impact rank (1–3): the risk matrix cell, 1–21. */
    score: z.number().int().min(1).max(21),
    evidence: Evidence,
    sources: z.array(z.string()),
    confidence: Confidence.default('low'),
    ...provenance,
  })
  .superRefine(tracedOrNoted);
export type Risk = z.infer<typeof Risk>;

/** A group of people ("Labour MPs", "pro-hunt supporters") is an actor too: it speaks and is spoken of. */
export const ActorKind = z.enum(['person', 'organization', 'place', 'group']);
export type ActorKind = z.infer<typeof ActorKind>;

export const ActorId = z.string().regex(/^ac-[0-9a-f]{6,}$/);

export const Actor = z.object({
  /** `ac-` + hash of the actor's key (its name, lower-cased, possessive and legal suffix dropped). Absent in older briefs. */
  id: ActorId.optional(),
  name: z.string().min(1),
  kind: ActorKind,
  role: z.string().nullable(),
  /** The sentence that ties `role` to this actor ("Home Secretary Charles Clarke said …"). Absent in older briefs. */
  roleEvidence: SentenceId.nullable().optional(),
  /** Every other form the text names this actor by ("Blair", "Mr Blair", "ECB" for the European Central Bank), possessive dropped. Absent in older briefs. */
  aliases: z.array(z.string()).optional(),
  mentions: z.number().int().positive(),
  sources: z.array(z.string()),
  evidence: Evidence,
});
export type Actor = z.infer<typeof Actor>;

export const Quote = z.object({
  /** `qt-` + hash of the quoted words: what the overlay names to suppress it. Absent in older briefs. */
  id: z.string().regex(/^qt-[0-9a-f]{6,}$/).optional(),
  text: z.string().min(1),
  speaker: z.string().nullable(),
  /**
   * The speaker as the text names them where it attributes this quote ("he", "the minister", "Mr Blair"),
   * before it is resolved to `speaker`; for a quote that continues an earlier one's, that one's mention;
   * null when the quote has no speaker. Absent in older briefs.
   */
  said: z.string().nullable().optional(),
  /** The id of the actor `speaker` names; null when the speaker is no actor of the pack ("a spokesman") or none. Absent in older briefs. */
  actorId: ActorId.nullable().optional(),
  evidence: SentenceId,
  storyId: StoryId,
});
export type Quote = z.infer<typeof Quote>;

export const Statement = z.object({
  text: z.string().min(1),
  evidence: Evidence.min(1),
});
export type Statement = z.infer<typeof Statement>;

export const KeyJudgment = Statement.extend({
  likelihood: LikelihoodTerm.nullable(),
  confidence: Confidence,
  corroboration: Corroboration,
  credibility: Credibility.default(NOT_ASSESSED),
  storyId: StoryId,
});
export type KeyJudgment = z.infer<typeof KeyJudgment>;

export const Signpost = Statement.extend({
  /** `sp-` + hash of the text: what the overlay names to suppress it. Absent in older briefs. */
  id: z.string().regex(/^sp-[0-9a-f]{6,}$/).optional(),
  storyId: StoryId,
});
export type Signpost = z.infer<typeof Signpost>;

/**
 * A story: articles that report the same event or ongoing story. Every source that is not a copy is
 * in exactly one story; stories come in order of weight (independent sources, then articles).
 */
export const Story = z.object({
  /** `st-` + hash of the ids of the story's first article. */
  id: z.string().regex(/^st-[0-9a-f]{6,}$/),
  /** The most representative headline among the story's articles. */
  title: z.string().min(1),
  /** Two to four sentences across the story's articles (fewer when it has fewer), in reading order. */
  summary: z.array(Statement),
  /** Source ids, originals only, earliest first. */
  sources: z.array(z.string()).min(1),
  /** Independent sources among them: sources that share an outlet or an author count once. */
  independentSources: z.number().int().positive(),
  dates: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
  /** Names of the story's main actors, most present first. */
  actors: z.array(z.string()),
  /**
   * The section a digest would run the story under ("Politics", "Business", "Sport" …), from what its
   * words say; null when they do not settle it, or the pack is not in English.
   */
  section: z.string().nullable(),
});
export type Story = z.infer<typeof Story>;

export const Brief = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: z.string().min(1),
  subtitle: z.string().nullable(),
  audience: z.string().nullable(),
  marking: z.string().nullable(),
  lang: z.string(),
  /** ISO 8601 timestamp, from SOURCE_DATE_EPOCH or the overlay's date: never the clock. */
  generatedAt: z.string(),
  sources: z.array(Source),
  stories: z.array(Story),
  bluf: z.array(Statement),
  keyJudgments: z.array(KeyJudgment),
  scenarios: z.array(Scenario),
  risks: z.array(Risk),
  actors: z.array(Actor),
  quotes: z.array(Quote),
  signposts: z.array(Signpost),
  diagnostics: z.array(Diagnostic),
});
export type Brief = z.infer<typeof Brief>;

export type { Overlay, OverlayPlaces } from './overlay-schema.js';

/** What the enrich stage is handed besides the sources. */
export interface EnrichContext {
  overlay: Overlay;
  /** ISO timestamp of the build, already resolved by the caller. */
  generatedAt: string;
  /** Diagnostics gathered before enrichment (reading, overlay), carried into the Brief. */
  diagnostics: Diagnostic[];
}

/** The sentence ids the analysis's statements cite (the actor list's mentions aside). */
export function citedEvidence(brief: Brief): string[] {
  return [
    ...brief.stories.flatMap((story) => story.summary.flatMap((x) => x.evidence)),
    ...brief.bluf.flatMap((x) => x.evidence),
    ...brief.keyJudgments.flatMap((x) => x.evidence),
    ...brief.scenarios.flatMap((x) => x.evidence),
    ...brief.risks.flatMap((x) => x.evidence),
    ...brief.quotes.map((x) => x.evidence),
    ...brief.signposts.flatMap((x) => x.evidence),
  ];
}

/** Every evidence id in the brief that names no sentence; empty when the brief is sound. */
export function unresolvedEvidence(brief: Brief): string[] {
  const known = new Set(brief.sources.flatMap((s) => s.sentences.map((x) => x.id)));
  const cited = [...citedEvidence(brief), ...brief.actors.flatMap((x) => x.evidence)];
  return [...new Set(cited.filter((id) => !known.has(id)))];
}

/**
 * What breaks the stories' contract, in words: a source that is not a copy and is in no story or
 * in two, a copy or an unknown id in a story, a copy of an unknown source. Empty when it holds.
 */
export function storyProblems(brief: Brief): string[] {
  const problems: string[] = [];
  const byId = new Map(brief.sources.map((s) => [s.id, s]));
  const seen = new Map<string, number>();
  for (const story of brief.stories) {
    for (const id of story.sources) {
      const source = byId.get(id);
      if (!source) problems.push(`story ${story.id} names an unknown source ${id}`);
      else if (source.duplicateOf !== null) problems.push(`story ${story.id} holds ${id}, a copy of ${source.duplicateOf}`);
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  }
  for (const source of brief.sources) {
    if (source.duplicateOf !== null) {
      const original = byId.get(source.duplicateOf);
      if (!original || original.duplicateOf !== null) problems.push(`${source.id} copies ${source.duplicateOf}, which is not an original in the pack`);
    } else if ((seen.get(source.id) ?? 0) !== 1) problems.push(`${source.id} is in ${seen.get(source.id) ?? 0} stories`);
  }
  const storyIds = new Set(brief.stories.map((s) => s.id));
  const items = [...brief.scenarios, ...brief.risks, ...brief.quotes, ...brief.signposts, ...brief.keyJudgments];
  for (const item of items) if (item.storyId !== null && !storyIds.has(item.storyId)) problems.push(`an item names an unknown story ${item.storyId}`);
  return problems;
}

/** Every scenario or risk id the brief refers to that names no item; empty when the brief is sound. */
export function danglingIds(brief: Brief): string[] {
  const known = new Set([...brief.scenarios.map((s) => s.id), ...brief.risks.map((r) => r.id)]);
  const cited = [...brief.scenarios.flatMap((s) => s.riskIds), ...brief.risks.flatMap((r) => r.scenarioIds)];
  return [...new Set(cited.filter((id) => !known.has(id)))];
}
