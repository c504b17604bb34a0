/**
 * Global setup of the browser project: check Chromium is there (fail, never skip) and build, once
 * per run and side by side, the course into a folder of this run's own (.tmp/test-dist-<pid>-<time>)
 * and the quiz test page (tests/fixtures/quiz-harness) beside it (…-quiz-harness), which the browser
 * tests serve (`testDist()` / `quizHarnessDist()` in tests/helpers/test-dist.ts) and the teardown
 * removes. A folder per run, not one shared .tmp/test-dist: several runs on one machine would
 * otherwise rebuild it under each other. The quiz page was built by each of its four test files.
 */
import path from 'node:path';
import { readdir, rm, stat } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { buildCourse } from './build.ts';
import { buildQuizHarness } from '../fixtures/quiz-harness/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's test build. */
    testDist: string;
    /** The folder of this run's build of the quiz test page. */
    quizHarnessDist: string;
  }
}

const TMP = path.resolve(import.meta.dirname, '../../.tmp');
const DAY_MS = 24 * 60 * 60 * 1000;

/** Builds of runs that ended without their teardown (killed, say): gone after a day. */
async function removeStaleBuilds(): Promise<void> {
  const names = await readdir(TMP).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('test-dist'))) {
    const dir = path.join(TMP, name);
    const modified = await stat(dir).then((s) => s.mtimeMs, () => Date.now());
    if (Date.now() - modified > DAY_MS) await rm(dir, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject) {
  chromiumPath();
  await removeStaleBuilds();
  const dir = path.join(TMP, `test-dist-${process.pid}-${Date.now()}`);
  const harness = `${dir}-quiz-harness`;
  const remove = () => Promise.all([dir, harness].map((d) => rm(d, { recursive: true, force: true }))).then(() => {});
  try {
    await Promise.all([buildCourse(dir), buildQuizHarness(harness)]);
  } catch (err) {
    await remove();
    throw err;
  }
  project.provide('testDist', dir);
  project.provide('quizHarnessDist', harness);
  return remove;
}
