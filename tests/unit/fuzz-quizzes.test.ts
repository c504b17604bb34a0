/**
 * Property-based tests of the quiz loader and course.yaml: whatever a file holds, the build either
 * gives a usable quiz (SCORM ids, answers that exist, passages of its lesson, safe HTML) or stops
 * with a ContentError naming the file, a line in it and the reason. Never another exception, never
 * a hang (worker + watchdog; a time budget per case). Generators: fuzz-quizzes-cases.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzer } from './fuzz-run.ts';

const fuzz = fuzzer(new URL('./fuzz-quizzes-cases.ts', import.meta.url));
afterAll(() => fuzz.close());

describe('quiz loader under random and hostile input', () => {
  it('any text as a quiz file', async () => {
    const stats = await fuzz.run('randomText', { numRuns: 250 });
    expect(stats.runs).toBeGreaterThanOrEqual(250);
  });

  it('valid quizzes with a few wrong types, missing, unknown or repeated entries', async () => {
    const stats = await fuzz.run('nearValid', { numRuns: 300 });
    // Both outcomes are exercised: good quizzes are checked in full, bad ones for their messages.
    expect(stats.built).toBeGreaterThan(30);
    expect(stats.rejected).toBeGreaterThan(30);
  });

  it('quizzes damaged as text (tabs, lost or doubled lines, cuts, stray colons, a second document)', async () => {
    const stats = await fuzz.run('structured', { numRuns: 250 });
    expect(stats.rejected).toBeGreaterThan(0);
  });

  it('YAML traps: alias bombs, self-reference, tags, deep nesting, directives, odd keys and numbers', async () => {
    // Every trap runs once (numRuns is not used for a finite list): most are refused, one builds.
    const stats = await fuzz.run('traps', { numRuns: 1 });
    expect(stats.runs).toBeGreaterThanOrEqual(20);
    expect(stats.built).toBeGreaterThan(0);
    expect(stats.rejected).toBeGreaterThan(15);
  });

  it('two quiz files together (ids from file names, collisions)', async () => {
    const stats = await fuzz.run('twoQuizzes', { numRuns: 200 });
    expect(stats.built).toBeGreaterThan(0);
  });
});

describe('course.yaml under random and hostile input', () => {
  it('random text, traps and near-valid settings', async () => {
    const stats = await fuzz.run('settings', { numRuns: 300 });
    expect(stats.built).toBeGreaterThan(0);
    expect(stats.rejected).toBeGreaterThan(0);
  });
});
