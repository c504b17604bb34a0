/**
 * What a screen-reader user hears, asserted with a virtual screen reader (@guidepup/virtual-screen-
 * reader, bundled for the page: tests/helpers/virtual-reader.ts) on the built course: a view change,
 * a question, the error summary, feedback (a choice and a matching question, marked item by item)
 * the course outline and a glossary term, closed and open.
 *
 * The reader joins an element's text without the spaces a browser puts between inline parts
 * ("Theoretical Background,not read yet"), so names are compared with their whitespace collapsed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { hear, hearGlossaryTerm } from '../helpers/virtual-reader.ts';
import { openCourse } from '../helpers/a11y.ts';
import { answerQuestion, questionOnScreen } from '../helpers/answer.ts';
import { expectHeadingFocused } from './shell-helpers.ts';

const env = useBrowserAndServer();

/** Phrases with all whitespace removed, so the reader's joining of inline text does not matter. */
const squash = (phrases: string[]) => phrases.map((p) => p.replace(/\s+/g, ''));
const s = (text: string) => text.replace(/\s+/g, '');

async function startQuiz(page: Page, quizTitle: string): Promise<void> {
  await page.locator('course-outline a', { hasText: quizTitle }).click();
  await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
  await page.locator('quiz-view #question').waitFor();
}

describe('a virtual screen reader hears', () => {
  it('a view change: the new view starts with its heading, named in the page title', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    await page.locator('start-page button', { hasText: 'Start the course' }).click();
    const lesson = course.lessons[0];
    await expectHeadingFocused(page, lesson.title);
    expect(await page.title()).toBe(`${lesson.title} – ${course.title}`);
    const heard = squash(await hear(page, ['course-app', 'main']));
    expect(heard[0]).toBe('main');
    // The notice (in main, a status) first, then the lesson's heading.
    const h1 = heard.findIndex((p) => p.startsWith('heading,') && p.endsWith(',level1'));
    expect(heard[h1]).toBe(s(`heading, ${lesson.title}, level 1`));
    expect(heard.slice(0, h1)).toContain('status');
    await context.close();
  });

  it('a question: the group named by its caption and prompt, the hint, each option with its state', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    const quiz = course.quizzes[0];
    await startQuiz(page, quiz.title);
    const q = await questionOnScreen(page, quiz);
    const heard = squash(await hear(page, ['course-app', 'quiz-view', '#question']));
    const caption = ((await page.locator('quiz-view #question .caption').textContent()) ?? '').trim();
    expect(caption).toMatch(/^Question 1 of \d+$/);
    const group = heard.find((p) => p.startsWith('group,'));
    expect(group, heard.join(' | ')).toBeDefined();
    expect(group!.startsWith(s(`group, ${caption}`))).toBe(true);
    expect(heard).toContain(s(`heading, ${q.promptHtml.replace(/<[^>]+>/g, '')}, level 1`));
    if (q.type === 'single' || q.type === 'multiple') {
      const role = q.type === 'single' ? 'radio' : 'checkbox';
      const options = heard.filter((p) => p.startsWith(`${role},`));
      expect(options).toHaveLength(q.options.length);
      for (const o of options) expect(o).toMatch(/notchecked/);
    }
    await context.close();
  });

  it('the error summary: an alert with its heading and a link naming the problem', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    await startQuiz(page, course.quizzes[0].title);
    await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
    await page.locator('quiz-view .error-summary').waitFor();
    const heard = squash(await hear(page, ['course-app', 'quiz-view', '.error-summary']));
    expect(heard.slice(0, 2)).toEqual(['alert', s('heading, There is a problem, level 2')]);
    expect(heard.some((p) => /^link,(Selectananswer|Selectatleastoneanswer|SelectTrueorFalse|Chooseamatch.*|Puttheitemsinorder)$/.test(p)), heard.join(' | ')).toBe(
      true,
    );
    await context.close();
  });

  it('feedback: the outcome heading, then the words, once; for matching every item marked in order', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    const quiz = course.quizzes.find((x) => x.questions.some((q) => q.type === 'matching'))!;
    // One attempt, so that the feedback is the last attempt's: only then does it mark the items (the course's quiz rules).
    // And every question of the pool in that attempt, so that the matching question is surely asked.
    await page.locator('course-app').evaluate((app, quizId) => {
      const c = (app as unknown as { course: { settings: { quiz?: object }; quizzes: { id: string; settings: { pool: number | null } }[] } }).course;
      c.settings.quiz = { attempts: 1, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' };
      c.quizzes.find((x) => x.id === quizId)!.settings.pool = null;
    }, quiz.id);
    await startQuiz(page, quiz.title);
    let sawMatching = false;
    for (;;) {
      const q = await questionOnScreen(page, quiz);
      await answerQuestion(page, q, false);
      await page.locator('quiz-view button', { hasText: 'Submit answer' }).click();
      await page.locator('quiz-view question-feedback').waitFor();
      const heard = squash(await hear(page, ['course-app', 'quiz-view', 'question-feedback']));
      const heading = heard.find((p) => p.startsWith('heading,'))!;
      expect(heading).toMatch(/^heading,(Correct|Partlycorrect|Notquite),level2$/);
      const outcome = heading.split(',')[1];
      // The first words after the heading are not the heading again.
      const after = heard[heard.indexOf(heading) + 1 + (heard[heard.indexOf(heading) + 1] === 'paragraph' ? 1 : 0)];
      expect(after.toLowerCase().startsWith(outcome.toLowerCase()), `"${after}" repeats "${outcome}"`).toBe(false);
      if (q.type === 'matching') {
        expect(heard).toContain(s('heading, Your answer, item by item, level 3'));
        const items = heard.filter((p) => p.startsWith('listitem,') && p.includes(`setsize${q.items.length}`));
        expect(items).toHaveLength(q.items.length);
        // Each item: its name, the learner's match, right or not (in words), and the right one when not.
        for (const item of q.items) {
          const i = heard.findIndex((p) => p === s(item.text));
          expect(i, `item "${item.text}" not heard`).toBeGreaterThan(-1);
          const said = heard.slice(i, i + 8).join(' ');
          expect(said).toMatch(/youmatched/);
          expect(said).toMatch(/notright|,\s*right\b/);
        }
        expect(heard.filter((p) => p.includes('Therightmatchis')).length).toBeGreaterThan(0);
        sawMatching = true;
        break;
      }
      const last = await page.locator('quiz-view button', { hasText: 'See your results' }).count();
      if (last) break;
      await page.locator('quiz-view button', { hasText: 'Next question' }).click();
      await page.locator('quiz-view #question').waitFor();
    }
    expect(sawMatching, 'the quiz never showed its matching question').toBe(true);
    await context.close();
  });

  it('the outline: a navigation named "Course outline", each place with its state, the current one said', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    const heard = squash(await hear(page, ['course-app', 'course-outline']));
    expect(heard[0]).toBe(s('navigation, Course outline'));
    expect(heard).toContain(s('heading, Course outline, level 2'));
    const links = heard.filter((p) => p.startsWith('link,'));
    expect(links).toHaveLength(course.lessons.length + course.quizzes.length + 2);
    expect(links[0]).toBe(s('link, Start (you are here), current page'));
    expect(links[1]).toBe(s(`link, ${course.lessons[0].title}, not read yet`));
    expect(links).toContain(s(`link, Quiz: ${course.quizzes[0].title}, not started`));
    // The tick is for the eye only: never heard.
    expect(heard.some((p) => p.includes('✓'))).toBe(false);
    await context.close();
  });
  it('a glossary term: a collapsed button named by its words and "glossary", then its definition once opened', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url);
    await page.locator('start-page button', { hasText: 'Start the course' }).click();
    await expectHeadingFocused(page, course.lessons[0].title);
    const term = page.locator('lesson-view glossary-term').first();
    await term.waitFor();
    const id = (await term.getAttribute('term'))!;
    const entry = course.glossary!.find((g) => g.id === id)!;
    const words = ((await term.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const closed = squash(await hearGlossaryTerm(page, ['course-app', 'lesson-view', 'glossary-term']));
    const button = closed.find((p) => p.startsWith('button,'));
    expect(button, closed.join(' | ')).toBe(s(`button, ${words}, glossary, 1 control, not expanded`));
    await term.locator('button').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => term.evaluate((el) => (el as unknown as { expanded: boolean }).expanded)).toBe(true);
    const open = squash(await hearGlossaryTerm(page, ['course-app', 'lesson-view', 'glossary-term'])).join('');
    expect(open).toContain(s(`button, ${words}, glossary, 1 control, expanded`));
    const definition = entry.definitionText;
    expect(open, open).toContain(s(definition).slice(0, 40));
    await context.close();
  });
});
