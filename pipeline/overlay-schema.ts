// The analyst's overlay, brief.yaml: what it may say, checked before anything runs. Its own module
// because it is the stage's input, not the Brief; the Brief's model is in model.ts.
import { z } from 'zod';
import { Confidence, IMPACTS, LIKELIHOOD_TERMS } from './model.js';

/** The overlay's file name in a seeds folder. */
export const OVERLAY_FILE = 'brief.yaml';

const ScenarioId = z.string().regex(/^sc-[0-9a-f]{6,}$/, 'a scenario id such as sc-1a2b3c4d (see briefing.json)');
const RiskId = z.string().regex(/^rk-[0-9a-f]{6,}$/, 'a risk id such as rk-1a2b3c4d (see briefing.json)');
/** "required" for a missing field, the usual message for a wrong one. */
const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `required: ${what}` : undefined) });
const Note = z.string(required("the analyst's basis, in a few words")).trim().min(1, 'a note says why, in a few words');
const Text = z.string(required('a few words')).trim().min(1, 'must not be empty');
const Term = z.enum(LIKELIHOOD_TERMS, required(`one of ${LIKELIHOOD_TERMS.join(', ')}`));
const Impact = z.enum(IMPACTS, required(`one of ${IMPACTS.join(', ')}`));
const suppressing = (id: z.ZodString) => ({ suppress: z.array(id).default([]) });

/** `merge: [a, b]` is one group; `merge: [[a, b], [c, d]]` several. */
const MergeGroups = z.preprocess(
  (value) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? [value] : value),
  z.array(z.array(ScenarioId).min(2, 'a merge names at least two scenario ids')),
);

// Only worth saying when the entry is otherwise sound: "titel: …" is already reported as unknown.
const changesSomething = (what: string) => [
  (edit: object): boolean => Object.keys(edit).length > 0,
  { message: `say what to change: ${what}`, when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 },
] as const;

const ScenarioEdit = z
  .object({ title: Text.optional(), summary: z.string().optional(), note: Note.optional() })
  .strict()
  .refine(...changesSomething('title, summary or note'));

const ScenarioAddition = z
  .object({ title: Text, summary: z.string().default(''), note: Note, confidence: Confidence.default('low') })
  .strict();

const RiskEdit = z
  .object({ statement: Text.optional(), likelihood: Term.optional(), impact: Impact.optional(), note: Note.optional() })
  .strict()
  .refine(...changesSomething('statement, likelihood, impact or note'));

const RiskAddition = z
  .object({
    statement: Text,
    likelihood: Term,
    impact: Impact,
    /** Scenario ids, or titles (an added scenario has no id to copy yet). */
    scenarios: z.array(Text).default([]),
    note: Note,
    confidence: Confidence.default('low'),
  })
  .strict();

/**
 * A section of brief.yaml that edits one kind of item: named operations, and under any other key an
 * item's id with its edit ("sc-1a2b3c4d: { title: … }"), gathered into `edits`. Every problem in
 * the section is reported at once, each at its own path.
 */
function editableSection<Ops extends z.ZodRawShape, E extends z.ZodType>(id: RegExp, idHint: string, operations: Ops, edit: E) {
  const named = z.object(operations);
  const keys = `${Object.keys(operations).join(', ')} or ${idHint}`;
  return z.record(z.string(), z.unknown(), { error: () => `a map whose keys are ${keys}` }).transform((value, ctx) => {
    const given: Record<string, unknown> = {};
    const edits: Record<string, z.output<E>> = {};
    const report = (issues: readonly z.core.$ZodIssue[], key?: string): void => {
      for (const issue of issues) ctx.issues.push({ ...issue, path: key === undefined ? issue.path : [key, ...issue.path] } as z.core.$ZodRawIssue);
    };
    for (const [key, entry] of Object.entries(value)) {
      if (key in operations) {
        given[key] = entry;
      } else if (id.test(key)) {
        const parsed = edit.safeParse(entry);
        if (parsed.success) edits[key] = parsed.data as z.output<E>;
        else report(parsed.error.issues, key);
      } else {
        ctx.issues.push({ code: 'custom', path: [key], input: entry, message: `unknown key "${key}": write ${keys}` });
      }
    }
    const ops = named.safeParse(given);
    if (!ops.success) report(ops.error.issues);
    return ops.success ? { ...ops.data, edits } : z.NEVER;
  });
}

/** The analyst's overlay, `brief.yaml` in the seeds folder: the pack's front matter and edits to the analysis. */
export const Overlay = z
  .object({
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    audience: z.string().optional(),
    marking: z.string().optional(),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 tag such as en or en-GB').optional(),
    date: z.union([z.string(), z.date()]).optional(),
    scenarios: editableSection(
      /^sc-/,
      'a scenario id such as sc-1a2b3c4d',
      { merge: MergeGroups.default([]), add: z.array(ScenarioAddition).default([]), ...suppressing(ScenarioId) },
      ScenarioEdit,
    ).optional(),
    risks: editableSection(
      /^rk-/,
      'a risk id such as rk-1a2b3c4d',
      { add: z.array(RiskAddition).default([]), ...suppressing(RiskId) },
      RiskEdit,
    ).optional(),
    /** Actors go by name ("Caliber.Az"), as the pack prints them. */
    actors: z.object(suppressing(Text)).strict().optional(),
    quotes: z.object(suppressing(z.string().regex(/^qt-[0-9a-f]{6,}$/, 'a quote id such as qt-1a2b3c4d'))).strict().optional(),
    signposts: z.object(suppressing(z.string().regex(/^sp-[0-9a-f]{6,}$/, 'a signpost id such as sp-1a2b3c4d'))).strict().optional(),
  })
  .strict();

export interface Place {
  line: number;
  column: number;
}

/** Where brief.yaml says each thing: YAML path ("risks.rk-1a2b3c4d.likelihood", "scenarios.merge.0.1") → place. */
export interface OverlayPlaces {
  file: string;
  at: Readonly<Record<string, Place>>;
}

/** The place of a path, or of the nearest enclosing entry that has one. */
export function placeOf(at: Readonly<Record<string, Place>>, path: ReadonlyArray<PropertyKey>): Place | undefined {
  const parts = path.map(String);
  for (let n = parts.length; n > 0; n--) {
    const place = at[parts.slice(0, n).join('.')];
    if (place) return place;
  }
  return undefined;
}

/** A parsed overlay; `places` is there when it was read from a file, so warnings can name file:line. */
export type Overlay = z.output<typeof Overlay> & { places?: OverlayPlaces };

