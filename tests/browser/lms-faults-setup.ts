/**
 * Node side of the LMS fault tests: bundle tests/helpers/fault-lms.ts (StrictLms over scorm-again's
 * ESM build) for the browser, serve it with the built course as a parent page, launch the course in
 * that page with a fault configuration, and drive it with Playwright locators (they pierce the
 * course's shadow roots and, through frameLocator, the LMS page's iframe).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, expect } from 'vitest';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Answer, Course, Quiz } from '../../src/course/types.ts';
import type { FaultConfig, LmsReport } from '../helpers/fault-lms.ts';
import { useBrowserAndServer, type BrowserAndServer } from '../helpers/browser-and-server.ts';
import { serve, type StaticServer } from '../helpers/static-server.ts';
import { courseIn } from '../helpers/page-course.ts';
import { testDist } from '../helpers/test-dist.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const PARENT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/lms/fault-lms.js"></script></head><body></body></html>`;

/** The fault LMS as one classic script (esbuild bundles scorm-again's ESM build into it). */
export async function bundleFaultLms(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { installParent } from './tests/helpers/fault-lms.ts';\ninstallParent(window);\n",
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'fault-lms-entry.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Serve the built course plus the LMS parent page (/lms.html) and its script. */
export async function serveWithLms(dist: string, extra: Record<string, [string, string]> = {}): Promise<StaticServer> {
  const script = await bundleFaultLms();
  return serve(dist, {
    routes: {
      '/lms.html': ['text/html; charset=utf-8', PARENT_HTML],
      '/lms/fault-lms.js': ['text/javascript; charset=utf-8', script],
      ...extra,
    },
  });
}

/**
 * The LMS "server": what each successful Commit/Finish of any launch in this context stored, merged
 * in the order they arrived (a later launch's values replace an earlier one's, as Moodle's tracks do).
 */
export class LmsBackend {
  stored: Record<string, string> = {};
  syncs = 0;
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding('lmsSync', (_source, stored: Record<string, string>) => {
      this.stored = { ...this.stored, ...stored };
      this.syncs++;
    });
  }
}

/** Where the course is: the LMS page's iframe, or (cfg.popup) the window the LMS page opened. */
export type CourseView = FrameLocator | Page;

export interface Launch {
  /** The LMS page (it holds the API). */
  page: Page;
  course: CourseView;
  /** The course's own window, when the LMS opened it as a popup; else null. */
  popup: Page | null;
  report(): Promise<LmsReport>;
  /** What the course's progress store holds now. */
  answers(quizId: string): Promise<Record<string, Answer>>;
  /** The visible notices' text. */
  notices(): Promise<string[]>;
  /**
   * Close the course like a learner closing the window: its document is unloaded (pagehide). In a
   * popup, its window is closed as by its close button (unload handlers run).
   */
  closeCourse(): Promise<void>;
}

/** Open the LMS parent page with this configuration; resolves when the course's first view shows. */
export async function launchCourse(context: BrowserContext, server: StaticServer, cfg: FaultConfig): Promise<Launch> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/lms.html?cfg=${encodeURIComponent(JSON.stringify(cfg))}`);
  let popup: Page | null = null;
  if (cfg.popup) {
    [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Enter' }).click()]);
    popup.on('pageerror', (e) => errors.push(e.message));
  }
  const course: CourseView = popup ?? page.frameLocator('#course');
  await course.locator('course-app main h1').first().waitFor({ timeout: 20_000 });
  return {
    page,
    course,
    popup,
    report: () => page.evaluate(() => (window as unknown as { lmsReport(): LmsReport }).lmsReport()),
    answers: (quizId) =>
      course.locator('course-app').evaluate((el, id) => {
        const app = el as unknown as { store: { get(): { quizzes: Record<string, { answers: Record<string, Answer> }> } } };
        return JSON.parse(JSON.stringify(app.store.get().quizzes[id]?.answers ?? {}));
      }, quizId),
    notices: async () => (await course.locator('notice-banner li p.text').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim()),
    closeCourse: async () => {
      if (popup) await popup.close({ runBeforeUnload: true });
      else await page.evaluate(() => document.getElementById('course')?.remove());
    },
  };
}

export interface LmsSuite {
  readonly env: BrowserAndServer;
  /** The built course as the page has it, and its first quiz (set once the file's beforeAll has run). */
  readonly course: Course;
  readonly quiz: Quiz;
  /** A new browser profile (empty localStorage) with its own LMS backend, closed after the test. */
  fresh(): Promise<{ context: BrowserContext; backend: LmsBackend }>;
}

/**
 * The frame an LMS fault test file shares: Chromium and the server with the LMS page (registered
 * before the file's own hooks), the course read from a first launch (then handed to `ready`), fresh
 * profiles per test.
 */
export function useLmsSuite(ready: (suite: LmsSuite) => void = () => {}): LmsSuite {
  const env = useBrowserAndServer(() => serveWithLms(testDist()));
  const contexts: BrowserContext[] = [];
  const suite = {
    env,
    course: undefined as unknown as Course,
    quiz: undefined as unknown as Quiz,
    async fresh() {
      const context = await env.browser.newContext();
      contexts.push(context);
      const backend = new LmsBackend();
      await backend.attach(context);
      return { context, backend };
    },
  };
  beforeAll(async () => {
    const { context } = await suite.fresh();
    suite.course = await readCourse(await launchCourse(context, env.server, { version: '2004' }));
    suite.quiz = suite.course.quizzes[0];
    expect(suite.quiz).toBeDefined();
    ready(suite);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  return suite;
}

/** A notice as the learner sees it: warnings start with "Please note: ". */
export const shown = (n: { level: string; text: string }) => (n.level === 'warning' ? `Please note: ${n.text}` : n.text);

/** Every given answer of `quiz` is an interaction the LMS stored. */
export function expectInteractions(stored: Record<string, string>, quiz: Quiz, given: Record<string, Answer>): void {
  const ids = [...storedInteractions(stored).keys()];
  for (const qid of Object.keys(given)) expect(ids, `interaction for ${qid}`).toContainEqual(expect.stringMatching(new RegExp(`^${quiz.id}\\.${qid}\\.\\d+$`)));
}

/** The compiled course, as the page has it. */
export function readCourse(launch: Launch): Promise<Course> {
  return courseIn(launch.course.locator('course-app'));
}

/** Go somewhere through the course menu. */
export async function goByMenu(course: CourseView, name: string): Promise<void> {
  await course.getByRole('button', { name: 'Course menu' }).click();
  await course.getByRole('navigation', { name: 'Course menu' }).getByRole('link', { name: new RegExp(`^${escapeRe(name)}`) }).click();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Open a quiz from the menu and start it: the first question shows. */
export async function startQuiz(course: CourseView, quiz: Quiz): Promise<void> {
  await goByMenu(course, quiz.title);
  await course.getByRole('button', { name: 'Start the quiz' }).click();
  await course.locator('quiz-view #question').waitFor();
}

export async function nextQuestion(course: CourseView): Promise<void> {
  await course.locator('quiz-view').getByRole('button', { name: 'Next question' }).click();
  await course.locator('quiz-view #question').waitFor();
}

/** "Take a break", then "Save and exit" (Finish/Terminate). */
export async function saveAndExit(course: CourseView): Promise<string> {
  await course.getByRole('button', { name: 'Take a break' }).click();
  await course.getByRole('button', { name: 'Save and exit' }).click();
  const message = course.locator('break-page .exit-message');
  await message.filter({ hasNotText: /Saving/ }).filter({ hasText: /\S/ }).waitFor();
  return ((await message.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Interaction ids and learner responses in stored CMI (2004 learner_response or 1.2 student_response). */
export function storedInteractions(stored: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, id] of Object.entries(stored)) {
    const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
    if (!m) continue;
    out.set(id, stored[`cmi.interactions.${m[1]}.learner_response`] ?? stored[`cmi.interactions.${m[1]}.student_response`] ?? '');
  }
  return out;
}
