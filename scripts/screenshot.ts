/**
 * Screenshots for the README and docs, and for a visual check of the design:
 *   node --import tsx scripts/screenshot.ts                 all of them, into docs/
 *   node --import tsx scripts/screenshot.ts --only lesson [--width 1280] [--height 900] [--lesson 1] [--out docs/x.png] [--full-page]
 *
 * The set: a lesson with the course outline beside it (screenshot-lesson.png), the outline alone
 * after a lesson and a quiz (screenshot-outline.png), matching feedback marked item by item
 * (screenshot-matching-feedback.png), a lesson on a phone (360x740, screenshot-phone.png) and the dark
 * theme (screenshot-dark.png). Builds the course into .tmp/screenshot-dist (its own folder, so it never
 * races the test build), serves it on 127.0.0.1 and drives it by mouse.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildCourse } from '../tests/helpers/build.ts';
import { launch } from '../tests/helpers/chromium.ts';
import { serve } from '../tests/helpers/static-server.ts';
import { instrument } from '../tests/helpers/a11y.ts';
import { answerQuestion, questionOnScreen } from '../tests/helpers/answer.ts';
import type { Course } from '../src/course/types.ts';

const SHOTS = ['lesson', 'outline', 'matching-feedback', 'phone', 'dark'] as const;
type Shot = (typeof SHOTS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    lesson: { type: 'string', default: '1' },
    out: { type: 'string' },
    'full-page': { type: 'boolean', default: false },
  },
});
if (values.only && !SHOTS.includes(values.only as Shot)) throw new Error(`--only: one of ${SHOTS.join(', ')}, not "${values.only}"`);

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, '.tmp/screenshot-dist');

async function open(browser: Browser, url: string, width: number, height: number, dark = false): Promise<{ page: Page; course: Course; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? 'dark' : 'light' });
  // The tests' fixed random seed: the same question and option order in every run, so shots only change with the design.
  await instrument(context);
  const page = await context.newPage();
  await page.goto(`${url}/index.html`);
  await page.locator('course-app main h1').first().waitFor();
  const course = (await page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('course-app')!.course)))) as Course;
  return { page, course, close: () => context.close() };
}

async function goTo(page: Page, title: string, heading: string): Promise<void> {
  await page.locator('course-header #menu-button').click();
  await page.locator('course-header nav#course-menu a', { hasText: title }).first().click();
  await page.locator(heading, { hasText: title }).first().waitFor();
}

async function settle(page: Page): Promise<void> {
  // No focus ring on the shot (focus came from a click, not the keyboard), and let the highlight settle.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(300);
}

function lessonTitle(course: Course): string {
  const title = course.lessons[Number(values.lesson) - 1]?.title;
  if (!title) throw new Error(`There is no lesson ${values.lesson}; the course has ${course.lessons.length}.`);
  return title;
}

async function take(browser: Browser, url: string, shot: Shot): Promise<string> {
  const width = Number(values.width ?? (shot === 'phone' ? 360 : 1280));
  const height = Number(values.height ?? (shot === 'phone' ? 740 : 900));
  const out = path.resolve(root, (values.only && values.out) || `docs/screenshot-${shot}.png`);
  const { page, course, close } = await open(browser, url, width, height, shot === 'dark');
  try {
    const lesson = lessonTitle(course);
    if (shot === 'lesson' || shot === 'phone' || shot === 'dark') {
      await goTo(page, lesson, 'lesson-view h1');
      await settle(page);
      await page.screenshot({ path: out, fullPage: values['full-page'] });
    } else if (shot === 'outline') {
      // Progress to show: the first lesson read, its quiz submitted.
      await goTo(page, lesson, 'lesson-view h1');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.locator('lesson-view .read-state').waitFor();
      await goTo(page, course.lessons[1]?.title ?? lesson, 'lesson-view h1');
      await settle(page);
      await page.locator('course-outline').screenshot({ path: out });
    } else {
      const quiz = course.quizzes.find((q) => q.questions.some((x) => x.type === 'matching'));
      if (!quiz) throw new Error('No quiz of this course has a matching question.');
      await goTo(page, quiz.title, 'quiz-view h1');
      await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
      for (;;) {
        await page.locator('quiz-view #question').waitFor();
        const q = await questionOnScreen(page, quiz);
        await answerQuestion(page, q, q.type !== 'matching');
        await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
        await page.locator('quiz-view question-feedback').waitFor();
        if (q.type === 'matching') break;
        await page.locator('quiz-view button', { hasText: 'Next question' }).click();
      }
      await settle(page);
      await page.locator('question-feedback').scrollIntoViewIfNeeded();
      await page.locator('course-app main').screenshot({ path: out });
    }
    return `Saved ${path.relative(root, out)} (${shot}, ${width}x${height})`;
  } finally {
    await close();
  }
}

await buildCourse(dist);
const server = await serve(dist);
const browser = await launch();
try {
  for (const shot of values.only ? [values.only as Shot] : SHOTS) console.log(await take(browser, server.url, shot));
} finally {
  await browser.close();
  await server.close();
}
