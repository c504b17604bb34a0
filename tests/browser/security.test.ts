/**
 * Script injection: a hostile content folder (tests/fixtures/hostile: script, event handlers,
 * javascript: links, iframes, style, SVG and MathML, forms, meta refresh, external images, in pages,
 * notes, figures, the quiz and course.yaml) builds into a course where none of it runs. The course
 * is opened in an iframe of a parent page (as in an LMS); every payload tries
 * `window.parent.__pwned = ...`, `window.__pwned = ...` or `alert()`. Every view is visited; no trap
 * fires, no dialog opens, the DOM (inside every shadow root) holds nothing executable, and no request
 * leaves the package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { buildCourse } from '../helpers/build.ts';
import { serve } from '../helpers/static-server.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Course } from '../../src/course/types.ts';
import { inspectDom, packageFiles, provokeHandlers, walkCourse, type DomFinding } from './security-shared.ts';

const CONTENT = path.resolve(import.meta.dirname, '../fixtures/hostile');
const OUT = path.resolve(import.meta.dirname, '../../.tmp/hostile-dist');
const PARENT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS player</title></head>
<body><iframe id="course" title="Course" src="/index.html" width="1200" height="900"></iframe></body></html>`;

const env = useBrowserAndServer(async () => {
  await rm(OUT, { recursive: true, force: true });
  await buildCourse(OUT, { contentDir: CONTENT });
  return serve(OUT, { routes: { '/parent.html': ['text/html; charset=utf-8', PARENT] } });
});
let context: BrowserContext;
let page: Page;
let frame: FrameLocator;
let course: Course;
const dialogs: string[] = [];
const requests: string[] = [];
/** Requests made by the course's frame (not the parent page). */
const courseRequests: string[] = [];
const errors: string[] = [];
const findings: DomFinding[] = [];
let views: string[] = [];

beforeAll(async () => {
  context = await env.browser.newContext();
  page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    requests.push(r.url());
    if (r.frame() !== page.mainFrame()) courseRequests.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}/parent.html`);
  frame = page.frameLocator('#course');
  await frame.locator('course-app main h1').first().waitFor();
  course = await frame.locator('course-app').evaluate((el) => JSON.parse(JSON.stringify((el as unknown as { course: Course }).course)));
  views = await walkCourse(frame, course, {
    async onView(name) {
      await provokeHandlers(frame);
      for (const f of await inspectDom(frame)) findings.push({ where: `${name}: ${f.where}`, what: f.what });
    },
  });
}, 120_000);

const pwned = (f: { evaluate<R>(fn: () => R): Promise<R> }) => f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

describe('a course built from hostile content', () => {
  it('went through every lesson and quiz (each question, its feedback and the results), the break and the end', () => {
    for (const l of course.lessons) expect(views).toContain(`lesson "${l.title}"`);
    for (const q of course.quizzes) {
      expect(views).toContain(`quiz "${q.title}" results`);
      for (let n = 1; n <= q.questions.length; n++) expect(views).toContain(`quiz "${q.title}" feedback ${n}`);
    }
    expect(views).toEqual(expect.arrayContaining(['start page', 'end page', 'break page']));
  });

  it('runs none of the payloads: no trap set in the course or its parent, no dialog, no error', async () => {
    expect(await pwned(page)).toBeNull();
    expect(await pwned(page.frames().find((f) => f !== page.mainFrame())!)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps nothing executable in the DOM of any view, inside every shadow root', () => {
    expect(findings).toEqual([]);
  });

  it('shows the authors\' text around the payloads, and code as code', async () => {
    await frame.getByRole('button', { name: 'Course menu' }).click();
    await frame.getByRole('navigation', { name: 'Course menu' }).getByRole('link', { name: /^Hostile page/ }).click();
    const body = frame.locator('lesson-view .lesson-body');
    await body.waitFor();
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('The last paragraph, with plain text.');
    expect(text).toContain("<script>window.parent.__pwned = 'code'</script>");
    expect(await body.locator('pre code').count()).toBe(1);
    // The page's own <style> ("main { display: none }") did not reach the course.
    expect(await frame.locator('main').isVisible()).toBe(true);
  });

  it('makes no request outside the package', async () => {
    const files = await packageFiles(OUT);
    const outside = requests.filter((u) => !u.startsWith(`${env.server.url}/`));
    expect(outside).toEqual([]);
    // The parent page and the icon the browser asks for it (a top-level page) are the LMS's, not the course's.
    const notPackaged = env.server.requests.filter((p) => p !== '/parent.html' && p !== '/favicon.ico' && !files.has(p));
    expect(notPackaged).toEqual([]);
    const fromCourse = courseRequests.map((u) => new URL(u).pathname).filter((p) => !files.has(p));
    expect(fromCourse).toEqual([]);
  });
});
