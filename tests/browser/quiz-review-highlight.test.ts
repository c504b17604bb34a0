/**
 * "Review this in the lesson" with sentence and quote sources, in the real course on a 360 x 740 phone:
 * for every question of the shipped quizzes, the lesson highlights exactly the question's words (a mark
 * around them, nothing else), focuses them, and shows them and "Back to the question" on screen together;
 * the button brings the learner back to the quiz. Also reached through the quiz's own link.
 * And the managers' question key (npm run package) passes axe on a phone and on a desktop, with no request.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Question, Quiz } from '../../src/course/types.ts';
import { axeViolations, openCourse } from '../helpers/a11y.ts';
import { goByMenu, horizontalOverflow } from './shell-helpers.ts';
import { fullCourse } from '../helpers/course-data.ts';
import { keyHtml, questionKey } from '../../src/package/question-key.ts';

const env = useBrowserAndServer();
const PHONE = { width: 360, height: 740 };

async function review(page: Page, quiz: Quiz, q: Question): Promise<void> {
  await page.locator('course-app').evaluate(
    (el, d) => el.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('navigate', { detail: d, bubbles: true, composed: true })),
    { location: { view: 'lesson', id: quiz.lessonId, passage: q.sourceAnchor }, returnTo: { view: 'quiz', id: quiz.id } },
  );
}

/** What the lesson shows for the highlighted words: their text, focus, and whether they and the button are visible. */
function inspect(page: Page, anchor: string) {
  return page.locator('lesson-view').evaluate((view, id) => {
    const root = view.shadowRoot!;
    const mark = root.getElementById(id);
    const back = root.querySelector<HTMLElement>('.back-to-question button');
    const copy = mark?.cloneNode(true) as HTMLElement | undefined;
    copy?.querySelectorAll('sup.fnref, .visually-hidden').forEach((n) => n.remove());
    const onScreen = (el: Element | null | undefined): boolean => {
      if (!el) return false;
      const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const last = [...el.getClientRects()].at(-1) ?? r;
      if (r.top < 0 || last.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return false;
      // Not hidden under anything (a sticky header, a clipping box): the point hits the element itself.
      const hit = root.elementFromPoint(r.left + Math.min(4, r.width / 2), r.top + r.height / 2);
      return !!hit && (hit === el || el.contains(hit));
    };
    return {
      tag: mark?.tagName.toLowerCase() ?? null,
      highlighted: mark?.classList.contains('passage-highlight') ?? false,
      text: (copy?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      focused: !!mark && root.activeElement === mark,
      markOnScreen: onScreen(mark),
      backOnScreen: onScreen(back),
      marks: root.querySelectorAll('.passage-highlight').length,
    };
  }, anchor);
}

describe('review the exact words in the lesson, on a 360 px phone', () => {
  it('highlights, focuses and shows just the words of every question, with "Back to the question" beside them', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { viewport: PHONE, textFrom: 'build' });
    try {
      let checked = 0;
      for (const quiz of course.quizzes) {
        const lesson = course.lessons.find((l) => l.id === quiz.lessonId)!;
        await goByMenu(page, lesson.title);
        for (const q of quiz.questions) {
          expect(q.sourceAnchor, q.id).toBeTruthy();
          await review(page, quiz, q);
          await page.locator(`lesson-view [id="${q.sourceAnchor}"].passage-highlight`).waitFor();
          const seen = await inspect(page, q.sourceAnchor!);
          expect(seen, `${quiz.id}.${q.id}`).toEqual({
            tag: 'mark',
            highlighted: true,
            text: q.sourceQuote!.replace(/\s+/g, ' ').trim(),
            focused: true,
            markOnScreen: true,
            backOnScreen: true,
            marks: 1,
          });
          checked++;
        }
      }
      expect(checked).toBe(course.quizzes.reduce((n, q) => n + q.questions.length, 0));
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(await axeViolations(page), 'axe on a highlighted quote').toEqual([]);

      // "Back to the question" goes back to the quiz.
      await page.locator('lesson-view .back-to-question button').click();
      await page.locator('quiz-view').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is reached from the quiz\'s own "Review this in the lesson" link after an answer', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { viewport: PHONE, textFrom: 'build' });
    try {
      const quiz = course.quizzes[0];
      await goByMenu(page, quiz.title);
      await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
      await page.locator('quiz-view #question').waitFor();
      const id = await page.locator('quiz-view #question').evaluate((el) => (el as unknown as { question: { id: string } }).question.id);
      const q = quiz.questions.find((x) => x.id === id)!;
      // Submit without a full answer is refused; answer true/false or pick the first option, whatever it is.
      const first = page.locator('quiz-view #question input').first();
      if (await first.count()) await first.check();
      else for (const sel of await page.locator('quiz-view #question select').all()) await sel.selectOption({ index: 1 });
      await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
      const link = page.locator('quiz-view question-feedback a', { hasText: 'Review this in the lesson' });
      await link.click();
      await page.locator(`lesson-view mark[id="${q.sourceAnchor}"].passage-highlight`).waitFor();
      const seen = await inspect(page, q.sourceAnchor!);
      expect(seen).toMatchObject({ tag: 'mark', focused: true, markOnScreen: true, backOnScreen: true });
      await page.locator('lesson-view .back-to-question button').click();
      await link.waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the question key for managers', () => {
  it('passes axe at 360 px and 1280 px, makes no request and does not scroll sideways', async () => {
    const course = await fullCourse();
    const html = keyHtml(course, questionKey(course));
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const context = await env.browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.setContent(html);
        expect(await page.locator('h1').textContent()).toBe(`Question key: ${course.title}`);
        expect(await axeViolations(page), `axe at ${viewport.width}px`).toEqual([]);
        const { scrollWidth, clientWidth } = await horizontalOverflow(page);
        expect(scrollWidth, `sideways scroll at ${viewport.width}px`).toBeLessThanOrEqual(clientWidth);
        expect(requests).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
