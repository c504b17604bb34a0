/**
 * The seed of every property test (fast-check). `FUZZ_SEED=<n>` replays a run (a failure prints its
 * seed). Under CI (`CI` set, as `.ci/run` does) the seed is fixed, so a clean clone runs exactly the
 * cases that passed before the commit: a random seed there once failed a submission on a case no
 * one had run. Everywhere else each run draws a new seed, so local runs keep exploring; what they
 * find becomes a plain test in tests/unit/fuzz-regressions.test.ts.
 */
export const CI_FUZZ_SEED = 20261206;

export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.FUZZ_SEED) return Number(env.FUZZ_SEED);
  return env.CI ? CI_FUZZ_SEED : undefined;
}
