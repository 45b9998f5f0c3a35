// Fixtures shared by the tests of a describe block or a file. In a normal run each is computed once,
// on first use. Under mutation testing (vitest.mutation.config.ts sets BRIEFPACK_PER_TEST_FIXTURES)
// each test computes its own: Stryker records which code each test runs, and code run once for a
// whole file, at collection time or cached from another test, counts as run by no test ("static"),
// so every mutant in it would run every test, or be tried only against the first test that ran it.

const perTestRun = process.env.BRIEFPACK_PER_TEST_FIXTURES === '1';

/** A fixture: call it inside a test (never at collection time) to get the value. */
export function fixture<T>(make: () => T): () => T {
  if (perTestRun) return make;
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
