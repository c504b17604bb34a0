/**
 * Screenshots for the README and docs, and for a visual check of the design:
 *   node --import tsx scripts/screenshot.ts                 all of them, into docs/
 *   node --import tsx scripts/screenshot.ts --only lesson [--width 1280] [--height 900] [--lesson 1] [--out docs/x.png] [--full-page]
 *
 * The set, every picture in docs/: a lesson with the course outline beside it (screenshot-lesson.png),
 * the outline alone once the first lesson is read (screenshot-outline.png), matching feedback marked item
 * by item in the last attempt (screenshot-matching-feedback.png), a lesson on a phone (360x740,
 * screenshot-phone.png), the dark theme (screenshot-dark.png), a lesson's outcomes and "In brief"
 * (screenshot-guidance.png), an open glossary term (screenshot-glossary-term.png) and the Figure 2
 * table on a phone (screenshot-phone-table.png). Builds the course into .tmp/screenshot-dist (its own
 * folder, so it never races the test build), serves it on 127.0.0.1 and drives it by mouse.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildCourse } from '../tests/helpers/build.ts';
import { launch } from '../tests/helpers/chromium.ts';
import { serve } from '../tests/helpers/static-server.ts';
import { instrument } from '../tests/helpers/a11y.ts';
import { answerQuestion, questionOnScreen } from '../tests/helpers/answer.ts';
import { quizRules } from '../src/course/quiz-engine.ts';
import type { Course, Question, Quiz } from '../src/course/types.ts';

const SHOTS = ['lesson', 'outline', 'matching-feedback', 'phone', 'dark', 'guidance', 'glossary-term', 'phone-table'] as const;
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

/** The page area from the top of `from` to the bottom of `to`, across the main column, with a margin. */
async function clipBetween(page: Page, from: string, to: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const main = await page.locator('course-app main').boundingBox();
  const top = await page.locator(from).first().boundingBox();
  const bottom = await page.locator(to).first().boundingBox();
  if (!main || !top || !bottom) throw new Error(`Nothing to frame between ${from} and ${to}: one of them is not on the page.`);
  // Page coordinates (fullPage screenshots clip in them): add the scroll offset. The margin stays
  // inside main, so the header's edge is not in the picture.
  const scrollY = await page.evaluate(() => window.scrollY);
  const y = Math.max(main.y, top.y - 16) + scrollY;
  return { x: main.x, y, width: main.width, height: bottom.y + scrollY + bottom.height + 16 - y };
}

/**
 * A matching answer with its first item right and the others wrong (a rotation of their targets), so
 * the marks show both a right and a wrong match.
 */
function partlyRight(q: Extract<Question, { type: 'matching' }>): Record<string, string> {
  const [first, ...rest] = q.items;
  const targets = rest.map((i) => q.correct[i.id]!);
  return Object.fromEntries([[first!.id, q.correct[first!.id]!], ...rest.map((item, i) => [item.id, targets[(i + 1) % targets.length]!])]);
}

/**
 * Matching feedback shows every item's mark and the key only once the attempt is final, so the quiz is
 * played to its last attempt with every answer wrong (each retry asks the questions not yet drawn),
 * and the shot is taken at the matching question of that attempt.
 */
async function matchingInLastAttempt(page: Page, quiz: Quiz, attempts: number): Promise<void> {
  await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
  for (let attempt = 1; attempt <= attempts; attempt++) {
    for (;;) {
      await page.locator('quiz-view #question').waitFor();
      const q = await questionOnScreen(page, quiz);
      if (q.type === 'matching' && attempt === attempts) {
        for (const [item, target] of Object.entries(partlyRight(q))) await page.locator(`quiz-view #question select#item-${item}`).selectOption(target);
        await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
        await page.locator('quiz-view question-feedback').waitFor();
        return;
      }
      await answerQuestion(page, q, false);
      await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
      await page.locator('quiz-view question-feedback').waitFor();
      const results = page.locator('quiz-view button', { hasText: 'See your results' });
      if (await results.count()) {
        await results.click();
        break;
      }
      await page.locator('quiz-view button', { hasText: 'Next question' }).click();
    }
    if (attempt === attempts) break;
    await page.locator('quiz-view quiz-results button[data-wrong-only]').click();
  }
  throw new Error(`The last attempt (${attempts}) of "${quiz.title}" did not ask its matching question; the shot needs another quiz or seed.`);
}

async function take(browser: Browser, url: string, shot: Shot): Promise<string> {
  const phone = shot === 'phone' || shot === 'phone-table';
  const width = Number(values.width ?? (phone ? 360 : 1280));
  const height = Number(values.height ?? (phone ? 740 : shot === 'guidance' || shot === 'glossary-term' ? 1100 : 900));
  const out = path.resolve(root, (values.only && values.out) || `docs/screenshot-${shot}.png`);
  const { page, course, close } = await open(browser, url, width, height, shot === 'dark');
  try {
    const lesson = lessonTitle(course);
    if (shot === 'lesson' || shot === 'phone' || shot === 'dark') {
      await goTo(page, lesson, 'lesson-view h1');
      await settle(page);
      await page.screenshot({ path: out, fullPage: values['full-page'] });
    } else if (shot === 'outline') {
      // Progress to show: the first lesson read (a tick and "read"), the learner on the next one.
      await goTo(page, lesson, 'lesson-view h1');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.locator('lesson-view .read-state').waitFor();
      await goTo(page, course.lessons[1]?.title ?? lesson, 'lesson-view h1');
      await settle(page);
      await page.locator('course-outline').screenshot({ path: out });
    } else if (shot === 'guidance') {
      await goTo(page, lesson, 'lesson-view h1');
      await settle(page);
      await page.screenshot({ path: out, fullPage: true, clip: await clipBetween(page, 'course-app main', 'lesson-view section.brief') });
    } else if (shot === 'glossary-term') {
      await goTo(page, lesson, 'lesson-view h1');
      const term = page.locator('lesson-view glossary-term').first();
      await term.locator('button.term').click();
      await term.locator('.definition').waitFor();
      await term.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await settle(page);
      await page.screenshot({ path: out });
    } else if (shot === 'phone-table') {
      // A lesson's words arrive with it, so look for the table lesson by lesson.
      let found = false;
      for (const l of course.lessons) {
        await goTo(page, l.title, 'lesson-view h1');
        if ((found = (await page.locator('lesson-view table caption').count()) > 0)) break;
      }
      if (!found) throw new Error('No lesson of this course has a table with a caption.');
      const caption = page.locator('lesson-view table caption').first();
      // The line before the caption stays in view, so the caption is seen whole and in context.
      await caption.evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -48);
      });
      await settle(page);
      await page.screenshot({ path: out });
    } else {
      const quiz = course.quizzes.find((q) => q.questions.some((x) => x.type === 'matching'));
      if (!quiz) throw new Error('No quiz of this course has a matching question.');
      await goTo(page, quiz.title, 'quiz-view h1');
      const { attempts } = quizRules(course, quiz);
      if (attempts < 1) throw new Error(`"${quiz.title}" has unlimited attempts: its key never shows during an attempt, so there is no shot to take.`);
      await matchingInLastAttempt(page, quiz, attempts);
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
