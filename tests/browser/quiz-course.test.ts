/**
 * The real quizzes in the built course (course shell, standalone runtime keeping progress in
 * localStorage): each quiz state passes axe-core inside the shell; "Review this in the lesson"
 * focuses the passage and "Back to the question" brings the same feedback back; a reload in the
 * middle of a quiz continues with the same questions, option order and answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import { nextLocation } from '../../src/course/navigation.ts';
import { axeViolations } from '../helpers/a11y.ts';
import { focused, tabTo, textOf } from '../fixtures/quiz-harness/page.ts';
import { courseIn } from '../helpers/page-course.ts';
import { answerQuestion, questionOnScreen } from '../helpers/answer.ts';

const env = useBrowserAndServer();
let context: BrowserContext;
let page: Page;
let course: Course;
let quiz: Quiz;

beforeAll(async () => {
  context = await env.browser.newContext();
  page = await context.newPage();
  await page.goto(`${env.server.url}/index.html`);
  await page.locator('course-app main h1').first().waitFor();
  course = await courseIn(page.locator('course-app'));
  expect(course.quizzes.length).toBeGreaterThan(0);
  quiz = course.quizzes[0];
});

const caption = () => textOf(page, 'quiz-view #question .caption');
const total = () => Math.min(quiz.settings.pool ?? Infinity, quiz.questions.length);
/** The number of the question on screen, from "Question 2 of 6". */
const number = async () => Number(/^Question (\d+) of/.exec(await caption())?.[1]);

const current = () => questionOnScreen(page, quiz);

/** What the learner sees of the options, in display order. */
async function shownOrder(): Promise<string[]> {
  return page.locator('quiz-view #question').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('input, select, .order-text')].map((c) => (c as HTMLInputElement).value ?? c.textContent),
  );
}

/** Answer the question on screen (not fully right when `right` is false), by mouse: keyboard use is covered in quiz-flow. */
const answer = (q: Question, right: boolean) => answerQuestion(page, q, right);

async function submit(): Promise<string> {
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect.poll(async () => (await focused(page)).id).toBe('feedback-heading');
  return (await focused(page)).text;
}

describe('a quiz in the built course', () => {
  it('opens with its intro, free of axe violations inside the shell', async () => {
    await page.evaluate((id) => (location.hash = `#quiz/${id}`), quiz.id);
    await expect.poll(() => textOf(page, 'quiz-view h1')).toBe(quiz.title);
    expect(await page.title()).toBe(`${quiz.title} – ${course.title}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await expect.poll(caption).toBe(`Question 1 of ${total()}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the error summary inside the shell without axe violations', async () => {
    // An ordering question always has an answer (its shuffled order): go on to one that can be left empty.
    if ((await current()).type === 'ordering') {
      await submit();
      await page.getByRole('button', { name: 'Next question' }).click();
    }
    expect((await current()).type).not.toBe('ordering');
    const n = await number();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect.poll(async () => (await focused(page)).className).toBe('error-summary');
    expect(await page.title()).toBe(`Error: Question ${n} of ${total()} – ${quiz.title} – ${course.title}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reviews the passage in the lesson and comes back to the same feedback', async () => {
    const q = await current();
    await answer(q, false);
    const outcome = await submit();
    expect(['Not quite', 'Partly correct']).toContain(outcome);
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Review this in the lesson');
    await page.keyboard.press('Enter');
    // The question's own words (its sentence or quote, a mark) take focus, or its passage when it names only that.
    await expect.poll(async () => (await focused(page)).id).toBe(q.sourceAnchor ?? q.source);
    expect((await focused(page)).host).toBe('lesson-view');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Back to the question');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('feedback-heading');
    expect((await focused(page)).text).toBe(outcome);
    expect((await current()).id).toBe(q.id);
  });

  it('continues after a reload with the same questions, order and answers', async () => {
    const n = (await number()) + 1;
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(caption).toBe(`Question ${n} of ${total()}`);
    const q = await current();
    const order = await shownOrder();
    const answered = () =>
      page.evaluate((id) => document.querySelector('course-app')!.store.get().quizzes[id].answers, quiz.id);
    const before = await answered();
    expect(Object.keys(before)).toHaveLength(n - 1);
    await page.reload();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect.poll(caption).toBe(`Question ${n} of ${total()}`);
    expect((await current()).id).toBe(q.id);
    expect(await shownOrder()).toEqual(order);
    expect(await answered()).toEqual(before);
  });

  it('finishes with results free of axe violations; "Continue" goes on in the course', async () => {
    for (;;) {
      const q = await current();
      await answer(q, true);
      expect(await submit()).toBe('Correct');
      if (await page.getByRole('button', { name: 'See your results' }).count()) break;
      await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('button', { name: 'See your results' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Your results');
    expect(await textOf(page, 'quiz-view quiz-results')).toMatch(/Your score: \d/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();
    const next = nextLocation(course, { view: 'quiz', id: quiz.id })!;
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${next.view}${'id' in next ? '/' + next.id : ''}`);
  });
});
