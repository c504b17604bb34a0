/** Where this run's test build is (made once by the browser project's global setup). */
import { inject } from 'vitest';
import type {} from './browser-setup.ts';

/** The folder of this run's test build of the course, as the global setup provided it. */
export function testDist(): string {
  const dir = inject('testDist');
  if (!dir) {
    throw new Error('No test build: the browser project\'s global setup (tests/helpers/browser-setup.ts) makes it; run with --project browser.');
  }
  return dir;
}
