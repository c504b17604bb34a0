/**
 * Accessibility acceptance: the whole course, start page to "Save and exit", with the keyboard
 * alone (page.keyboard: Tab, Shift+Tab, Enter, Space, arrows, PageDown, Escape; never a click).
 * After every key press focus must be on a rendered element other than <body> with a visible
 * focus indicator (KeyboardWalker). After navigation focus goes to the new view's heading; after
 * an answer, to the feedback heading; after a submit with nothing chosen, to the error summary.
 * On the way: the skip link, the course menu opened and closed with Escape, "Take a break" in the
 * middle of a quiz and "Carry on where I was" back to the same question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import { nextLocation } from '../../src/course/navigation.ts';
import {
  KeyboardWalker,
  isButton,
  mainHeading,
  openCourse,
  questionCaption,
  type FocusInfo,
  type Opened,
} from '../helpers/a11y.ts';
import { orderingIds, plannedAnswer, questionOnScreen } from '../helpers/answer.ts';

const env = useBrowserAndServer();
let opened: Opened;
let page: Page;
let course: Course;
let kb: KeyboardWalker;

beforeAll(async () => {
  opened = await openCourse(env.browser, env.server.url);
  ({ page, course } = opened);
  kb = new KeyboardWalker(page);
});

const isH1 = (text: string) => (f: FocusInfo) => f.tag === 'h1' && f.text === text;
const isQuestionHeading = (f: FocusInfo) => f.tag === 'h1' && f.className.includes('question-heading');
const isFeedbackHeading = (f: FocusInfo) => f.tag === 'h2' && f.id === 'feedback-heading' && f.host.endsWith('question-feedback');

/** The view's heading after navigation, with focus on it. */
async function expectHeadingFocus(text: string): Promise<void> {
  await kb.expectFocus(isH1(text), `the h1 "${text}"`);
}

/** Read a lesson to its end with PageDown; focus stays on the heading; the lesson becomes read. */
async function readLesson(title: string): Promise<void> {
  await expectHeadingFocus(title);
  const atEnd = () => page.evaluate(() => window.scrollY + document.documentElement.clientHeight >= document.documentElement.scrollHeight - 2);
  const scrollY = () => page.evaluate(() => window.scrollY);
  let presses = 0;
  let stuck = 0;
  while (!(await atEnd())) {
    const before = await scrollY();
    const f = await kb.press('PageDown');
    expect(f.tag, 'PageDown scrolls; focus stays on the heading').toBe('h1');
    const deadline = Date.now() + 1000;
    while ((await scrollY()) <= before && Date.now() < deadline) await page.waitForTimeout(25);
    // The page can grow while it scrolls (the "read" message appears): look again before failing.
    stuck = (await scrollY()) > before ? 0 : stuck + 1;
    expect(stuck, `PageDown does not scroll (at ${before} px)`).toBeLessThan(3);
    expect(++presses, 'PageDown presses to reach the end').toBeLessThan(80);
  }
  await page.locator('lesson-view .read-state').waitFor({ timeout: 5000 });
}

/** Focus on the first element that matches: where focus is now, or the next Tab stop that matches. */
async function reach(match: (f: FocusInfo) => boolean): Promise<FocusInfo> {
  const now = await kb.settle('(where focus is)');
  return match(now) ? now : kb.tabTo(match);
}

/** Choose the planned answer with the keyboard (Tab, arrows, Space, typing into selects, Move up). */
async function answerByKeyboard(quiz: Quiz, q: Question, right: boolean): Promise<void> {
  const plan = plannedAnswer(q, right);
  const order = await page.locator('quiz-view #question').evaluate((el) => [...el.shadowRoot!.querySelectorAll('input, select')].map((i) => (i as HTMLInputElement).value || i.id));
  switch (plan.kind) {
    case 'single':
    case 'truefalse': {
      // Tab into the radio group (lands on the first radio), then arrows move and check.
      const first = await reach((f) => f.tag === 'input' && f.type === 'radio');
      expect(first.value).toBe(order[0]);
      const target = order.indexOf(plan.ids[0]);
      if (target === 0) await kb.press('Space');
      for (let i = 0; i < target; i++) await kb.press('ArrowDown');
      const f = await kb.settle('arrows');
      expect(f).toMatchObject({ value: plan.ids[0], checked: true });
      return;
    }
    case 'multiple':
      for (const [i, value] of order.entries()) {
        const isBox = (x: FocusInfo) => x.tag === 'input' && x.type === 'checkbox';
        const f = i === 0 ? await reach(isBox) : await kb.tabTo(isBox);
        expect(f.value).toBe(value);
        if (plan.ids.includes(value)) expect((await kb.press('Space')).checked).toBe(true);
      }
      return;
    case 'matching': {
      if (q.type !== 'matching') return;
      for (const selectId of order) {
        const itemId = selectId.replace(/^item-/, '');
        await reach((f) => f.tag === 'select' && f.id === selectId);
        const target = q.targets.find((t) => t.id === plan.map![itemId])!;
        // Type-ahead on the closed select, as a keyboard user does; arrows as the fallback.
        let f = await kb.type(target.text);
        if (f.value !== target.id) {
          await kb.press('Home');
          for (let i = 0; i <= q.targets.indexOf(target); i++) f = await kb.press('ArrowDown');
        }
        expect(f.value, `match for ${itemId}`).toBe(target.id);
      }
      return;
    }
    case 'ordering': {
      for (let pos = 0; pos < plan.ids.length; pos++) {
        const id = plan.ids[pos];
        if ((await orderingIds(page)).indexOf(id) <= pos) continue;
        await reach((f) => f.tag === 'button' && f.dataId === id && f.dataDir === 'up');
        while ((await orderingIds(page)).indexOf(id) > pos) {
          const f = await kb.press('Enter');
          // Focus stays on the button that was pressed, so the learner can press again.
          expect(f).toMatchObject({ dataId: id, dataDir: 'up' });
        }
      }
      if (right) expect(await orderingIds(page)).toEqual(plan.ids);
      return;
    }
  }
}

/** Answer every question of a quiz by keyboard: first one "not quite" (after trying with nothing chosen), the rest right. */
async function takeQuiz(quiz: Quiz, opts: { error: boolean; breakAt: number | null }): Promise<void> {
  await expectHeadingFocus(quiz.title);
  await kb.tabTo(isButton('Start the quiz'));
  await kb.press('Enter');
  for (let n = 1; ; n++) {
    await kb.expectFocus(isQuestionHeading, `the heading of question ${n}`);
    const q = await questionOnScreen(page, quiz);
    expect(await questionCaption(page)).toMatch(new RegExp(`^Question ${n} of \\d+$`));

    if (opts.breakAt === n) await breakAndCarryOn(q);

    if (opts.error && n === 1) {
      await kb.tabTo(isButton('Submit answer'));
      await kb.press('Enter');
      const summary = await kb.expectFocus((f) => f.className.includes('error-summary'), 'the error summary');
      expect(summary.indicator).not.toBe('');
      // The summary's link takes focus to the first control of the question (the answer starts there).
      await kb.tabTo((f) => f.tag === 'a' && f.host === 'course-app > quiz-view');
      const control = await kb.press('Enter');
      expect(['input', 'select', 'button']).toContain(control.tag);
      expect(control.host).toMatch(/question-(choice|matching|ordering)$/);
    }

    await answerByKeyboard(quiz, q, n !== 1);
    await kb.tabTo(isButton('Submit answer'));
    await kb.press('Enter');
    const feedback = await kb.expectFocus(isFeedbackHeading, 'the feedback heading');
    expect(feedback.text).toBe(n === 1 ? 'Not quite' : 'Correct');
    const next = await kb.tabTo(isButton(/^(Next question|See your results)$/));
    await kb.press('Enter');
    if (next.text === 'See your results') break;
  }
  await expectHeadingFocus('Your results');
}

/** "Take a break" from the header, then "Carry on where I was": the same question again. */
async function breakAndCarryOn(q: Question): Promise<void> {
  const prompt = await mainHeading(page);
  const caption = await questionCaption(page);
  await kb.tabTo(isButton('Take a break'), { back: true });
  await kb.press('Enter');
  await expectHeadingFocus('Take a break');
  await page.locator('break-page .lead', { hasText: 'Your progress is saved.' }).waitFor();
  await kb.tabTo(isButton('Carry on where I was'));
  await kb.press('Enter');
  await kb.expectFocus(isQuestionHeading, 'the question heading after the break');
  expect(await mainHeading(page)).toBe(prompt);
  expect(await questionCaption(page)).toBe(caption);
  expect((await questionOnScreen(page, course.quizzes.find((x) => x.questions.some((y) => y.id === q.id))!)).id).toBe(q.id);
}

/** Course menu by keyboard: open, find the current entry, Escape closes it and focus returns to its button. */
async function useMenu(current: string): Promise<void> {
  await kb.tabTo(isButton('Course menu'), { back: true });
  await kb.press('Enter');
  expect(await page.locator('course-header #menu-button').getAttribute('aria-expanded')).toBe('true');
  const entry = await kb.tabTo((f) => f.tag === 'a' && f.host.endsWith('course-header') && f.text.startsWith(current));
  expect(await page.locator('course-header a[aria-current="page"]').textContent()).toContain(current);
  expect(entry.indicator).not.toBe('');
  const back = await kb.press('Escape');
  expect(back).toMatchObject({ tag: 'button', id: 'menu-button' });
  expect(await page.locator('course-header #menu-button').getAttribute('aria-expanded')).toBe('false');
  expect(await page.locator('course-header nav#course-menu').isVisible()).toBe(false);
  // The skip link (first stop on the page) leads back to the view's heading.
  await kb.tabTo((f) => f.tag === 'a' && f.text === 'Skip to content', { back: true });
  await kb.press('Enter');
}

describe('the whole course with the keyboard alone', () => {
  it('start page: the first Tab reaches the skip link, then "Start the course" opens the first lesson', async () => {
    const first = await kb.press('Tab');
    expect(first).toMatchObject({ tag: 'a', text: 'Skip to content' });
    await kb.press('Enter');
    await expectHeadingFocus(course.title);
    await kb.tabTo(isButton('Start the course'));
    await kb.press('Enter');
    await expectHeadingFocus(course.lessons[0].title);
  });

  it('every lesson read to its end, every quiz question answered, results, through to the end page', async () => {
    let breakTaken = false;
    for (const [li, lesson] of course.lessons.entries()) {
      if (li === 1) {
        await expectHeadingFocus(lesson.title);
        await useMenu(lesson.title);
      }
      await readLesson(lesson.title);
      const next = nextLocation(course, { view: 'lesson', id: lesson.id });
      await kb.tabTo(isButton(/^Next/));
      await kb.press('Enter');
      for (const quiz of course.quizzes.filter((q) => q.lessonId === lesson.id)) {
        expect(next).toEqual({ view: 'quiz', id: quiz.id });
        await takeQuiz(quiz, { error: !breakTaken, breakAt: breakTaken ? null : 3 });
        breakTaken = true;
        await kb.tabTo(isButton('Continue'));
        await kb.press('Enter');
      }
    }
    await expectHeadingFocus('Finish');
    // The page says the course is complete (read from its shadow root: the host's own textContent is always '').
    expect((await page.locator('end-page .view .lead').innerText()).replace(/\s+/g, ' ')).toContain('You have completed the course.');
    const summary = await page.locator('end-page .summary').innerText();
    expect(summary).toContain(`${course.lessons.length} of ${course.lessons.length}`);
    // Everything was really done: every lesson read, every quiz answered in full (one answer "not quite").
    const state = await page.evaluate(() => JSON.parse(JSON.stringify(document.querySelector('course-app')!.store.get())));
    expect([...state.lessonsRead].sort()).toEqual(course.lessons.map((l) => l.id).sort());
    for (const quiz of course.quizzes) {
      expect(state.quizzes[quiz.id], quiz.id).toMatchObject({ finished: true });
      // A pool asks only some of a quiz's questions in one attempt.
      expect(Object.keys(state.quizzes[quiz.id].answers)).toHaveLength(Math.min(quiz.settings.pool ?? Infinity, quiz.questions.length));
    }
  }, 240_000);

  it('end page: "Save and exit" by keyboard; focus moves to the calm message', async () => {
    await kb.tabTo(isButton('Save and exit'));
    await kb.press('Enter');
    const f = await kb.expectFocus((x) => x.className.includes('exit-message'), 'the exit message');
    expect(f.text).toMatch(/Your progress is saved/);
    expect(opened.errors).toEqual([]);
    console.log(`keyboard walk: ${kb.presses} key presses, focus checked after each`);
    expect(kb.presses).toBeGreaterThan(100);
  });
});
