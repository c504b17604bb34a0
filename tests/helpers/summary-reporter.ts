/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own
 * report, so CI (which reads such a line in any language) sees the real counts; before it, the
 * slowest test files.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load, or whose beforeAll/afterAll hook failed (its tests then show as
      // skipped), is a failure all the same: never let the closing line read "0 failed" over it.
      const testFailed = [...mod.children.allTests()].some((t) => t.result().state === 'failed');
      if (mod.state() === 'failed' && !testFailed) failed++;
    }
    // Errors outside any test (an unhandled rejection) fail the run in vitest; count them too.
    failed += unhandledErrors.length;
    // Where the suite's time goes (issue 22: keep npm test short): the slowest files, wall time each.
    const slow = testModules
      .map((m) => ({ file: m.moduleId.replace(/^.*?\/tests\//, 'tests/'), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    if (testModules.length > 1) process.stdout.write(`\nslowest files: ${slow.map((x) => `${x.file} ${(x.ms / 1000).toFixed(0)} s`).join(', ')}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
