// Mutation testing, one stage folder a run (make mutation, or make mutation MUTATE=read), each
// incremental: a rerun tests only the mutants whose code or tests changed since the last run.
const folder = process.env.MUTATE_FOLDER ?? 'read';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  mutate: [`pipeline/${folder}/**/*.ts`],
  incremental: true,
  incrementalFile: `reports/mutation/${folder}.incremental.json`,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 30,
  // The hostile fixtures hold links out of the repository (one leads nowhere), and no test here reads them.
  ignorePatterns: ['build', 'output', 'bench/results*.md', 'test/fixtures/hostile'],
  // vitest strips types, so nothing needs @ts-nocheck; and the preprocessor would add lines to the
  // HTML fixtures, whose line numbers the reader's tests check.
  disableTypeChecks: false,
  cleanTempDir: 'always',
};
