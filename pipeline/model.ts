// The one typed model every stage passes along. Plain JSON throughout, so any stage's
// value can be cached as a file, inspected, and validated where it crosses a boundary.
import { z } from 'zod';
import type { Root } from 'mdast';

export const SCHEMA_VERSION = 1;

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

export const Impact = z.enum(['low', 'medium', 'high']);
export type Impact = z.infer<typeof Impact>;

export const Scenario = z.object({
  id: z.string().regex(/^sc-[0-9a-f]{6,}$/),
  title: z.string().min(1),
  summary: z.string(),
  sources: z.array(z.string()),
  evidence: Evidence.min(1),
  riskIds: z.array(z.string()),
  confidence: Confidence,
});
export type Scenario = z.infer<typeof Scenario>;

export const Risk = z.object({
  id: z.string().regex(/^rk-[0-9a-f]{6,}$/),
  statement: z.string().min(1),
  scenarioIds: z.array(z.string()),
  likelihood: Likelihood,
  impact: Impact,
  /** Likelihood rank (1–7) × impact rank (1–3): the risk matrix cell, 1–21. */
  score: z.number().int().min(1).max(21),
  evidence: Evidence.min(1),
  sources: z.array(z.string()),
});
export type Risk = z.infer<typeof Risk>;

export const ActorKind = z.enum(['person', 'organization', 'place']);
export type ActorKind = z.infer<typeof ActorKind>;

export const Actor = z.object({
  name: z.string().min(1),
  kind: ActorKind,
  role: z.string().nullable(),
  mentions: z.number().int().positive(),
  sources: z.array(z.string()),
  evidence: Evidence,
});
export type Actor = z.infer<typeof Actor>;

export const Quote = z.object({
  text: z.string().min(1),
  speaker: z.string().nullable(),
  evidence: SentenceId,
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
});
export type KeyJudgment = z.infer<typeof KeyJudgment>;

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
  bluf: z.array(Statement),
  keyJudgments: z.array(KeyJudgment),
  scenarios: z.array(Scenario),
  risks: z.array(Risk),
  actors: z.array(Actor),
  quotes: z.array(Quote),
  signposts: z.array(Statement),
  diagnostics: z.array(Diagnostic),
});
export type Brief = z.infer<typeof Brief>;

/** The analyst's overlay, `brief.yaml` in the seeds folder. */
export const Overlay = z
  .object({
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    audience: z.string().optional(),
    marking: z.string().optional(),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 tag such as en or en-GB').optional(),
    date: z.union([z.string(), z.date()]).optional(),
  })
  .strict();
export type Overlay = z.infer<typeof Overlay>;

/** What the enrich stage is handed besides the sources. */
export interface EnrichContext {
  overlay: Overlay;
  /** ISO timestamp of the build, already resolved by the caller. */
  generatedAt: string;
  /** Diagnostics gathered before enrichment (reading, overlay), carried into the Brief. */
  diagnostics: Diagnostic[];
}

/** Every evidence id in the brief that names no sentence; empty when the brief is sound. */
export function unresolvedEvidence(brief: Brief): string[] {
  const known = new Set(brief.sources.flatMap((s) => s.sentences.map((x) => x.id)));
  const cited = [
    ...brief.bluf.flatMap((x) => x.evidence),
    ...brief.keyJudgments.flatMap((x) => x.evidence),
    ...brief.scenarios.flatMap((x) => x.evidence),
    ...brief.risks.flatMap((x) => x.evidence),
    ...brief.actors.flatMap((x) => x.evidence),
    ...brief.quotes.map((x) => x.evidence),
    ...brief.signposts.flatMap((x) => x.evidence),
  ];
  return [...new Set(cited.filter((id) => !known.has(id)))];
}
