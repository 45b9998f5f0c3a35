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

export default defineConfig({
  test: {
    include: TESTS[(process.env.MUTATE_FOLDER ?? '').split('-')[0]] ?? Object.values(TESTS).flat(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
