import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Two test files at a time, on any machine: measured on 2 cores, the run takes 11 min with two
    // (13 with the browser files one by one); with four the cores are saturated and the longest
    // tour (acceptance-views, one beforeAll) slows past its limit. The longest file alone
    // (acceptance-views, 3 to 6 min by the machine's load) bounds the browser run from below, so more
    // workers cannot bring it under that either.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          testTimeout: 30_000,
          setupFiles: ['tests/helpers/fuzz-seed-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          // Builds the course and the quiz test page once per run, for every file (tests/helpers/test-dist.ts).
          globalSetup: ['tests/helpers/browser-setup.ts'],
          // Each file starts its own Chromium, so files can run side by side; every wait in them is
          // a poll or an event, never a fixed delay, so a busy machine makes them slower, not wrong.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
