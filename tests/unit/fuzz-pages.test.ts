/**
 * Property-based tests of the page importer: whatever a page holds, the build either makes a
 * lesson with safe HTML or stops with a ContentError naming the file, a line in it and the reason.
 * Never another exception, never a hang (each property runs in a worker with a watchdog; each case
 * has a time budget). See fuzz-pages-cases.ts for the generators.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzer } from './fuzz-run.ts';

const fuzz = fuzzer(new URL('./fuzz-pages-cases.ts', import.meta.url));
afterAll(() => fuzz.close());

describe('page importer under random and hostile input', () => {
  it('any text as a page file', async () => {
    const stats = await fuzz.run('randomText', { numRuns: 250 });
    expect(stats.runs).toBeGreaterThanOrEqual(250);
    expect(stats.rejected).toBeGreaterThan(0);
  });

  it('valid front matter, then any text', async () => {
    const stats = await fuzz.run('randomBody', { numRuns: 250 });
    expect(stats.runs).toBeGreaterThanOrEqual(250);
    // Most random bodies are some text: the body pipeline really ran to the end.
    expect(stats.built).toBeGreaterThan(stats.runs / 2);
  });

  it('near-valid Jekyll/kramdown pages with raw HTML, notes, attribute lists and images', async () => {
    const stats = await fuzz.run('structured', { numRuns: 300 });
    expect(stats.built).toBeGreaterThan(20);
    expect(stats.rejected).toBeGreaterThan(20);
  });

  it('several pages at once (colliding ids, odd file names)', async () => {
    const stats = await fuzz.run('severalPages', { numRuns: 200 });
    expect(stats.built + stats.rejected).toBe(stats.runs);
  });
});

describe('the fuzz harness itself', () => {
  const selftest = fuzzer(new URL('./fuzz-selftest-cases.ts', import.meta.url), 1_500);
  afterAll(() => selftest.close());

  it('stops a case that never returns and names its input', async () => {
    await expect(selftest.run('hang', { numRuns: 5 })).rejects.toThrow(/a case ran for more than 1500 ms \(a hang\)\. Its input:\nloop \d+/);
  });

  it('fails on an exception that is not a ContentError', async () => {
    await expect(selftest.run('crash', { numRuns: 5 })).rejects.toThrow(/crashed instead of reporting a ContentError: TypeError/);
  });
});
