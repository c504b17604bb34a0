/**
 * Accessibility acceptance: trauma-informed design, in the built course.
 * - A content advisory comes before the first lesson: what the course covers, that pausing is
 *   fine, that progress is kept.
 * - "Take a break" saves progress and leaves the learner on a calm page with support; carrying on
 *   returns to the same question; a reload offers to continue at the same place.
 * - The support box is set in one place (course.yaml `support`): a changed text shows in a course
 *   built from a copy of the content.
 * - No timers: nothing on screen changes while the learner waits; the quiz says there is no time limit.
 * - Feedback is factual: no "wrong!", "failed!" or exclamations, and correct and not-quite feedback
 *   look the same apart from their words (no red, colour never the only difference).
 */
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { buildCourse } from '../helpers/build.ts';
import type { Course, Quiz } from '../../src/course/types.ts';
import {
  mainHeading,
  openCourse,
  pageText,
  questionCaption,
  settled,
  waitForHeading,
  type Opened,
} from '../helpers/a11y.ts';
import { answerQuestion, questionOnScreen } from '../helpers/answer.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const env = useBrowserAndServer();

const click = (page: Page, host: string, text: string) => page.locator(`${host} button`, { hasText: text }).first().click();
/** Rendered text of an element, or of a shadow host's shadow root. */
const textOf = async (page: Page, selector: string) =>
  (
    await page
      .locator(selector)
      .first()
      .evaluate((el) => (el.shadowRoot ? [...el.shadowRoot.children].map((c) => (c as HTMLElement).innerText ?? '').join('\n') : (el as HTMLElement).innerText))
  )
    .replace(/\s+/g, ' ')
    .trim();
/** Plain text of sanitised HTML from the course data. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ').replace(/\s+/g, ' ').trim();

/** From the start page to question `n` of the first quiz (answering the ones before right). */
async function toQuestion(opened: Opened, n: number): Promise<Quiz> {
  const { page, course } = opened;
  const quiz = course.quizzes[0];
  await click(page, 'start-page', 'Start the course');
  await waitForHeading(page, course.lessons[0].title);
  await page.locator('lesson-view button.next').click();
  await waitForHeading(page, quiz.title);
  await click(page, 'quiz-view', 'Start the quiz');
  for (let i = 1; i < n; i++) {
    await page.locator('quiz-view #question').waitFor();
    await answerQuestion(page, await questionOnScreen(page, quiz), true);
    await click(page, 'quiz-view', 'Submit answer');
    await click(page, 'quiz-view', 'Next question');
  }
  await page.locator('quiz-view #question').waitFor();
  expect(await questionCaption(page)).toMatch(new RegExp(`^Question ${n} of`));
  return quiz;
}

describe('trauma-informed design', () => {
  it('the start page gives a content advisory before the first lesson: what it covers, pausing is fine, progress is kept', async () => {
    const opened = await openCourse(env.browser, env.server.url);
    const { page, course } = opened;
    const advisory = page.getByRole('region', { name: 'About the content' });
    const text = (await advisory.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(plain(course.settings.advisoryHtml).slice(0, 60));
    expect(text).toMatch(/sexual exploitation|trafficking/i);
    expect(text).toMatch(/pause|take a break/i);
    expect(text).toMatch(/progress is kept/i);
    // What the course covers: every lesson, and the support box, before the button that starts it.
    const start = await textOf(page, 'start-page');
    for (const lesson of course.lessons) expect(start).toContain(lesson.title);
    const order = await page.locator('start-page').evaluate((el) => {
      const all = [...el.shadowRoot!.querySelectorAll('section, button')];
      const index = (pred: (e: Element) => boolean) => all.findIndex(pred);
      return {
        advisory: index((e) => e.classList.contains('advisory')),
        support: index((e) => e.classList.contains('support')),
        start: index((e) => e.localName === 'button' && /Start the course/.test(e.textContent ?? '')),
      };
    });
    expect(order.advisory).toBeGreaterThanOrEqual(0);
    expect(order.support).toBeGreaterThan(order.advisory);
    expect(order.start).toBeGreaterThan(order.support);
    await opened.context.close();
  });

  it('"Take a break" mid-quiz saves progress and shows a calm page with support; "Carry on" returns to the same question and answer', async () => {
    const opened = await openCourse(env.browser, env.server.url);
    const { page, course } = opened;
    const quiz = await toQuestion(opened, 3);
    const prompt = await mainHeading(page);
    const caption = await questionCaption(page);
    // An answer chosen but not yet submitted is still there after the break.
    const q = await questionOnScreen(page, quiz);
    await answerQuestion(page, q, true);
    const draft = () =>
      page.locator('quiz-view #question').evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll<HTMLInputElement & HTMLSelectElement>('input, select, .order-text')].map((c) =>
          c.localName === 'input' ? `${c.value}:${c.checked}` : c.localName === 'select' ? c.value : c.textContent,
        ),
      );
    const chosen = await draft();
    await click(page, 'course-header', 'Take a break');
    await waitForHeading(page, 'Take a break');
    await page.locator('break-page .lead', { hasText: 'Your progress is saved.' }).waitFor();
    // Saved where this standalone copy keeps progress (a reload returning here is checked below).
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('course-progress')))).toBe(true);
    const calm = await textOf(page, 'break-page');
    expect(calm).toMatch(/It is fine to step away/);
    expect(calm).toContain(quiz.title);
    expect(calm).toContain(course.settings.support.heading);
    expect(calm).not.toMatch(/!|warning|hurry|lose|lost/i);
    // No header clutter pulling the learner back: the break button is not offered on the break page.
    expect(await page.locator('course-header button', { hasText: 'Take a break' }).count()).toBe(0);
    await click(page, 'break-page', 'Carry on where I was');
    await waitForHeading(page, prompt);
    expect(await questionCaption(page)).toBe(caption);
    expect(await draft()).toEqual(chosen);
    await opened.context.close();
  });

  it('a reload in the middle of a quiz, or on the break page, offers to continue, and continuing returns to the same question', async () => {
    const opened = await openCourse(env.browser, env.server.url);
    const { page, course } = opened;
    const quiz = await toQuestion(opened, 2);
    const q = await questionOnScreen(page, quiz);
    const prompt = await mainHeading(page);
    await page.reload();
    const offer = page.getByRole('region', { name: 'Welcome back' });
    await offer.waitFor();
    expect(await offer.innerText()).toContain(quiz.title);
    await offer.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(page, prompt);
    expect(await questionCaption(page)).toMatch(/^Question 2 of/);
    expect((await questionOnScreen(page, quiz)).id).toBe(q.id);
    // Leaving during a break (a reload of the break page) also comes back to this question.
    await click(page, 'course-header', 'Take a break');
    await waitForHeading(page, 'Take a break');
    await page.locator('break-page .lead', { hasText: 'Your progress is saved.' }).waitFor();
    await page.reload();
    await offer.waitFor();
    expect(await offer.innerText()).toContain(quiz.title);
    await offer.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(page, prompt);
    expect(await questionCaption(page)).toMatch(/^Question 2 of/);
    expect(course.quizzes[0].id).toBe(quiz.id);
    await opened.context.close();
  });

  it('the support box comes from course.yaml: a changed text shows on the start, break and end pages of the built course', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'support-'));
    try {
      const content = path.join(work, 'content');
      for (const part of ['course.yaml', 'modules', 'quizzes']) await cp(path.join(ROOT, part), path.join(content, part), { recursive: true });
      const doc = parseDocument(await readFile(path.join(content, 'course.yaml'), 'utf8'));
      doc.setIn(['support', 'heading'], 'Someone to talk to');
      doc.setIn(['support', 'text'], 'Call the staff care line on **0800 000 0000**, any time, day or night.');
      await writeFile(path.join(content, 'course.yaml'), doc.toString());
      const dist = path.join(work, 'dist');
      await buildCourse(dist, { contentDir: content });
      const alt = await serve(dist);
      try {
        const opened = await openCourse(env.browser, alt.url);
        const { page } = opened;
        const expectSupport = async (where: string) => {
          const box = page.getByRole('region', { name: 'Someone to talk to' });
          expect((await box.innerText()).replace(/\s+/g, ' '), where).toContain('Call the staff care line on 0800 000 0000, any time, day or night.');
          expect(await box.locator('strong').textContent(), where).toBe('0800 000 0000');
          expect(await page.getByText('Your organisation can add its staff support').count(), where).toBe(0);
        };
        await expectSupport('start page');
        await click(page, 'course-header', 'Take a break');
        await waitForHeading(page, 'Take a break');
        await expectSupport('break page');
        await page.locator('course-header #menu-button').click();
        await page.locator('course-header nav a', { hasText: 'Finish' }).click();
        await waitForHeading(page, 'Finish');
        await expectSupport('end page');
        await opened.context.close();
      } finally {
        await alt.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);

  it('no timers: the quiz says there is no time limit, and nothing on a question screen changes while the learner waits', async () => {
    const opened = await openCourse(env.browser, env.server.url, { fakeClock: true });
    const { page, course } = opened;
    await click(page, 'start-page', 'Start the course');
    await page.locator('lesson-view button.next').click();
    await waitForHeading(page, course.quizzes[0].title);
    expect(await textOf(page, 'quiz-view .facts')).toMatch(/Time limit No time limit: take as long as you need/);
    await click(page, 'quiz-view', 'Start the quiz');
    await page.locator('quiz-view #question').waitFor();
    const before = await pageText(page);
    const title = await page.title();
    // Ten minutes of the page's timers, run at once on the fake clock.
    await page.clock.runFor(10 * 60_000);
    await settled(page);
    expect(await pageText(page)).toBe(before);
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => window.__intervals.length)).toBe(0);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await opened.context.close();
  });

  it('feedback is factual: no "wrong!" or exclamations in any feedback text of the course', async () => {
    const opened = await openCourse(env.browser, env.server.url);
    const course: Course = opened.course;
    await opened.context.close();
    const harsh = /wrong|fail(ed)?!|incorrect!|!/i;
    const texts: Array<[string, string]> = [];
    for (const quiz of course.quizzes) {
      for (const q of quiz.questions) {
        const f = q.feedback;
        for (const [k, html] of Object.entries({ correct: f.correctHtml, incorrect: f.incorrectHtml, partial: f.partialHtml ?? '' })) {
          texts.push([`${quiz.id}/${q.id} ${k}`, plain(html)]);
        }
        const choices = 'options' in q ? q.options : q.type === 'matching' ? [...q.items, ...q.targets] : [];
        for (const c of choices) if (c.feedbackHtml) texts.push([`${quiz.id}/${q.id}/${c.id}`, plain(c.feedbackHtml)]);
      }
    }
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter(([, t]) => harsh.test(t))).toEqual([]);
  });

  it('correct and not-quite feedback differ in words, not in colour; no red; the results say "not reached the pass mark", never "failed"', async () => {
    const opened = await openCourse(env.browser, env.server.url);
    const { page } = opened;
    const quiz = await toQuestion(opened, 1);
    const look = () =>
      page.locator('quiz-view question-feedback').evaluate((host) => {
        const root = host.shadowRoot!;
        const section = root.querySelector('section')!;
        const heading = root.querySelector('h2')!;
        const style = (el: Element) => {
          const cs = getComputedStyle(el);
          return { color: cs.color, background: cs.backgroundColor, border: cs.borderLeftColor, borderWidth: cs.borderLeftWidth, weight: cs.fontWeight };
        };
        const colours = [...root.querySelectorAll('*')].flatMap((el) => {
          const cs = getComputedStyle(el);
          return [cs.color, cs.backgroundColor, cs.borderLeftColor, cs.borderTopColor];
        });
        return { text: heading.textContent!.trim(), section: style(section), heading: style(heading), colours, body: (section as HTMLElement).innerText };
      });
    const answerAndLook = async (right: boolean) => {
      await page.locator('quiz-view #question').waitFor();
      await answerQuestion(page, await questionOnScreen(page, quiz), right);
      await click(page, 'quiz-view', 'Submit answer');
      await page.locator('quiz-view question-feedback').waitFor();
      const seen = await look();
      await click(page, 'quiz-view', 'Next question');
      return seen;
    };
    const notQuite = await answerAndLook(false);
    const correct = await answerAndLook(true);
    expect(notQuite.text).toBe('Not quite');
    expect(correct.text).toBe('Correct');
    // The same look for both: the words carry the outcome.
    expect(notQuite.section).toEqual(correct.section);
    expect(notQuite.heading).toEqual(correct.heading);
    expect(notQuite.body).not.toMatch(/wrong|fail|incorrect!|!/i);
    const reddish = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? []).map(Number);
      return r > 150 && r > 2 * g && r > 2 * b;
    };
    expect([...notQuite.colours, ...correct.colours].filter(reddish)).toEqual([]);

    // Through to the results of this attempt: calm words about the pass mark.
    for (;;) {
      const last = (await page.locator('quiz-view button', { hasText: 'See your results' }).count()) > 0;
      if (last) break;
      const onQuestion = await page.locator('quiz-view #question').count();
      if (!onQuestion) break;
      await page.locator('quiz-view #question').waitFor();
      await answerQuestion(page, await questionOnScreen(page, quiz), false);
      await click(page, 'quiz-view', 'Submit answer');
      await page.locator('quiz-view question-feedback').waitFor();
      if ((await page.locator('quiz-view button', { hasText: 'See your results' }).count()) > 0) break;
      await click(page, 'quiz-view', 'Next question');
    }
    await click(page, 'quiz-view', 'See your results');
    await waitForHeading(page, 'Your results');
    const results = await textOf(page, 'quiz-results');
    expect(results).toMatch(/not reached the pass mark this time/);
    expect(results).not.toMatch(/fail|!/i);
    await opened.context.close();
  });
});
