import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests launch Chromium and Java; two cores do not run many at once.
    maxWorkers: 2,
  },
});
