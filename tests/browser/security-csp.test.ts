/**
 * The real built course under `Content-Security-Policy: default-src 'self'` (no inline script, no
 * eval, no inline style or event handler, nothing from elsewhere): going through every view (start,
 * every lesson, every quiz with each question, its feedback and the results, the break, the end)
 * raises no `securitypolicyviolation` event and logs no console error, and every request goes to the
 * package's own files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { testDist } from '../helpers/test-dist.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Course } from '../../src/course/types.ts';
import { packageFiles, walkCourse } from './security-shared.ts';
import { courseIn } from '../helpers/page-course.ts';

const CSP = "default-src 'self'";

const env = useBrowserAndServer(() => serve(testDist(), { headers: { 'Content-Security-Policy': CSP } }));
let page: Page;
let course: Course;
let views: string[] = [];
const consoleErrors: string[] = [];
const pageErrors: string[] = [];
const requests: string[] = [];
/** Violations seen so far, each with the view it happened on. */
const violations: string[] = [];

beforeAll(async () => {
  const context = await env.browser.newContext();
  // Listen before any course script runs; violations inside shadow roots are composed events.
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    window.addEventListener(
      'securitypolicyviolation',
      (e) => list.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
      true,
    );
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(`${env.server.url}/index.html`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  await page.locator('course-app main h1').first().waitFor();
  course = await courseIn(page.locator('course-app'));
  views = await walkCourse(page, course, {
    async onView(name) {
      const now = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));
      violations.push(...now.map((v) => `${name}: ${v}`));
    },
  });
  violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0))).map((v) => `after the walk: ${v}`));
}, 120_000);

describe(`the built course under Content-Security-Policy: ${CSP}`, () => {
  it('went through every view', () => {
    for (const l of course.lessons) expect(views).toContain(`lesson "${l.title}"`);
    for (const q of course.quizzes) expect(views).toContain(`quiz "${q.title}" results`);
    expect(views).toEqual(expect.arrayContaining(['start page', 'end page', 'break page']));
  });

  it('raises no policy violation and logs no error', () => {
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('requests only files of the package, from its own origin', async () => {
    expect(requests.filter((u) => !u.startsWith(`${env.server.url}/`))).toEqual([]);
    const files = await packageFiles(testDist());
    // Chromium asks a top-level page for its icon by itself; the course never links one.
    expect(env.server.requests.filter((p) => p !== '/favicon.ico' && !files.has(p))).toEqual([]);
    expect(env.server.requests).toContain('/course.js');
  });
});
