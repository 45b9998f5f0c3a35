// The tests Stryker runs against the mutants of one stage folder (MUTATE_FOLDER): the ones that call
// that stage in this process (MUTATE_FOLDER names a part of a stage folder: read-html is read's). Tests that run the compiled CLI (build/) would test the unmutated code,
// slowly, and are left out; so are the property tests, whose random inputs would kill a mutant in
// one run and not the next, and which touch every line, so every mutant would wait for them.
import { defineConfig } from 'vitest/config';

const TESTS: Record<string, string[]> = {
  read: ['test/read/**/*.test.ts'],
  enrich: ['test/enrich/**/*.test.ts'],
  render: ['test/render/**/*.test.ts'],
  publish: ['test/publish/**/*.test.ts', 'test/cli-options.test.ts'],
};

// The scaling tests check the similarity index and LexRank against exhaustive computations on corpora
// big enough to trigger the pruning: ten seconds a run, so only the parts that hold that code (the
// index in annotate/, LexRank and the linkers in analyse/) run them.
const part = process.env.MUTATE_FOLDER ?? '';
const exclude = part === 'enrich-stories' ? ['test/enrich/scaling.test.ts'] : [];

export default defineConfig({
  test: {
    include: TESTS[part.split('-')[0] ?? ''] ?? Object.values(TESTS).flat(),
    exclude,
    // Each test computes its own fixtures (test/support/fixture.ts), so coverage is recorded per test.
    env: { BRIEFPACK_PER_TEST_FIXTURES: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
