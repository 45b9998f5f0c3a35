// Mutation testing, one part of a stage folder a run (make mutation, or make mutation MUTATE=read-html),
// each incremental: a rerun tests only the mutants whose code or tests changed since the last run. The
// parts are sized to run in well under an hour each on two cores; bench/mutation-score.ts adds them up
// per stage folder.
const PARTS = {
  publish: ['pipeline/publish/**/*.ts'],
  read: ['pipeline/read/**/*.ts', '!pipeline/read/html/**'],
  'read-html': ['pipeline/read/html/**/*.ts'],
  // The enrich stage's three steps, as its folders: annotating the sources once, grouping them into
  // stories (with the stage's own entry point and the overlay), analysing each story.
  'enrich-annotate': ['pipeline/enrich/annotate/**/*.ts'],
  'enrich-stories': ['pipeline/enrich/stories/**/*.ts', 'pipeline/enrich/{index,overlay}.ts'],
  'enrich-analyse': ['pipeline/enrich/analyse/**/*.ts'],
};
const part = process.env.MUTATE_FOLDER ?? 'read';
if (!(part in PARTS)) throw new Error(`MUTATE_FOLDER=${part}: not a part; use one of ${Object.keys(PARTS).join(', ')}`);
// An incremental run keeps a static mutant's old result while its file is unchanged, even when new
// tests would kill it. MUTATE_REPORT=<part>-recheck with --mutate FILES --force runs those files
// afresh into a report of their own, which the score applies over the part's.
const report = process.env.MUTATE_REPORT ?? part;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // MUTATE_SAMPLE=0.4 tests about 40 % of the part's mutants, chosen by declaration (stryker-sample.mjs).
  appendPlugins: ['./stryker-sample.mjs'],
  ignorers: ['sample'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: PARTS[part],
  // enrich/'s static mutants (code run at import: its word lists, gazetteer and cue tables, about 1,000)
  // would each run every enrich test, hours in all; they are reported as Ignored and counted apart.
  ignoreStatic: part.startsWith('enrich'),
  incremental: true,
  incrementalFile: `reports/mutation/${report}.incremental.json`,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  // A mutant that loops costs its timeout and a new test process. enrich/'s tests are computation
  // only (no Chromium), and at 30 s its looping mutants took most of the run; 5 s is on top of that:
  // Stryker allows 1.5 × the covering tests' own time first, so a slow test is not cut short.
  timeoutMS: part.startsWith('enrich') ? 5_000 : 30_000,
  dryRunTimeoutMinutes: 30,
  // The hostile fixtures hold links out of the repository (one leads nowhere), and no test here reads them.
  ignorePatterns: ['build', 'output', 'bench/results*.md', 'test/fixtures/hostile'],
  // vitest strips types, so nothing needs @ts-nocheck; and the preprocessor would add lines to the
  // HTML fixtures, whose line numbers the reader's tests check.
  disableTypeChecks: false,
  cleanTempDir: 'always',
};
