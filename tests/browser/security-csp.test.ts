/**
 * The real built course under `Content-Security-Policy: default-src 'self'` (no inline script, no
 * eval, no inline style or event handler, nothing from elsewhere): going through every view (start,
 * every lesson, every quiz with each question, its feedback and the results, the break, the end)
 * raises no `securitypolicyviolation` event and logs no console error, and every request goes to the
 * package's own files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/chromium.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';
import { TEST_DIST } from '../helpers/browser-setup.ts';
import type { Course } from '../../src/course/types.ts';
import { privateCopy } from './lms-faults-setup.ts';
import { packageFiles, walkCourse } from './security-shared.ts';

const CSP = "default-src 'self'";
/** A copy of the test build: other test files may rebuild TEST_DIST while this one serves it. */
const DIST = path.resolve(import.meta.dirname, '../../.tmp/csp-dist');

let browser: Browser;
let server: StaticServer;
let page: Page;
let course: Course;
let views: string[] = [];
const consoleErrors: string[] = [];
const pageErrors: string[] = [];
const requests: string[] = [];
/** Violations seen so far, each with the view it happened on. */
let violations: string[] = [];

beforeAll(async () => {
  await privateCopy(TEST_DIST, DIST);
  server = await serve(DIST, { headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
  const context = await browser.newContext();
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
  const response = await page.goto(`${server.url}/index.html`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  await page.locator('course-app main h1').first().waitFor();
  course = await page.locator('course-app').evaluate((el) => JSON.parse(JSON.stringify((el as unknown as { course: Course }).course)));
  views = await walkCourse(page, course, {
    async onView(name) {
      const now = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));
      violations.push(...now.map((v) => `${name}: ${v}`));
    },
  });
  violations.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0))).map((v) => `after the walk: ${v}`));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(DIST, { recursive: true, force: true });
});

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
    expect(requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
    const files = await packageFiles(DIST);
    // Chromium asks a top-level page for its icon by itself; the course never links one.
    expect(server.requests.filter((p) => p !== '/favicon.ico' && !files.has(p))).toEqual([]);
    expect(server.requests).toContain('/course.js');
  });
});
