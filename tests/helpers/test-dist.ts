/** Where this run's test builds are (made once by the browser project's global setup). */
import { inject } from 'vitest';
import type {} from './browser-setup.ts';

function provided(key: 'testDist' | 'quizHarnessDist', what: string): string {
  const dir = inject(key);
  if (!dir) {
    throw new Error(`No ${what}: the browser project's global setup (tests/helpers/browser-setup.ts) makes it; run with --project browser.`);
  }
  return dir;
}

/** The folder of this run's test build of the course, as the global setup provided it. */
export function testDist(): string {
  return provided('testDist', 'test build');
}

/** The folder of this run's build of the quiz test page (tests/fixtures/quiz-harness). */
export function quizHarnessDist(): string {
  return provided('quizHarnessDist', 'build of the quiz test page');
}
