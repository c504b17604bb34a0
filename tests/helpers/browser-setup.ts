/**
 * Global setup of the browser project: check Chromium is there (fail, never skip) and build
 * the course once into .tmp/test-dist, which the browser tests serve.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { chromiumPath } from './chromium.ts';
import { buildCourse } from './build.ts';

export const TEST_DIST = path.resolve(import.meta.dirname, '../../.tmp/test-dist');

export default async function setup() {
  chromiumPath();
  await rm(TEST_DIST, { recursive: true, force: true });
  await buildCourse(TEST_DIST);
}
