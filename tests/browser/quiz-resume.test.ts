/**
 * The quiz across navigation and relaunch, in a real browser: "Review this in the lesson" leads
 * to the passage and back to the same feedback; a draft survives a look at the lesson; a reload
 * (progress kept in localStorage, as the standalone runtime does) brings back the same question
 * order, option order and answers; a quiz with one attempt closes kindly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openQuiz, useQuizHarnessPage } from '../helpers/quiz-harness-page.ts';
import { axeViolations } from '../helpers/a11y.ts';
import { focused, pressButton, tabTo, textOf } from '../fixtures/quiz-harness/page.ts';

const h = useQuizHarnessPage();
let page: Page;

beforeAll(() => {
  page = h.page;
});

type Nav = { location: Record<string, string>; returnTo?: Record<string, string> };
const navigations = () => page.evaluate(() => (window as unknown as { harness: { navigations: Nav[] } }).harness.navigations);
const caption = () => textOf(page, 'quiz-view #question .caption');
const labels = (selector: string) => page.locator(`quiz-view ${selector}`).allTextContents();
const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('quiz-harness-progress') ?? 'null'));

const open = (quiz: string) => openQuiz(h, quiz);

describe('review in the lesson', () => {
  it('goes to the question\'s passage and back to the same feedback', async () => {
    await open('every_type');
    await pressButton(page, 'Start the quiz');
    await page.locator('quiz-view input[value=prochaska]').waitFor();
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'radio');
    while (!(await focused(page)).text.startsWith('Prochaska')) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await pressButton(page, 'Submit answer');
    await expect.poll(async () => (await focused(page)).id).toBe('feedback-heading');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Review this in the lesson');
    await page.keyboard.press('Enter');
    expect((await navigations()).at(-1)).toEqual({
      location: { view: 'lesson', id: 'exit_models', passage: 'p-ebaugh' },
      returnTo: { view: 'quiz', id: 'every_type' },
    });
    expect(await focused(page)).toMatchObject({ tag: 'p', id: 'p-ebaugh' });
    expect(await page.locator('quiz-view').count()).toBe(0);

    await pressButton(page, 'Back to the question');
    await expect.poll(async () => (await focused(page)).id).toBe('feedback-heading');
    expect((await focused(page)).text).toBe('Not quite');
    expect(await caption()).toBe('Question 1 of 5');
    expect(await page.locator('quiz-view input[value=prochaska]').isChecked()).toBe(true);
    expect(await page.locator('quiz-view button', { hasText: 'Next question' }).count()).toBe(1);
    await pressButton(page, 'Next question');
    await expect.poll(caption).toBe('Question 2 of 5');
  });

  it('keeps an unsent answer while the learner looks at the lesson', async () => {
    await page.locator('quiz-view input[value=housing]').check();
    await page.locator('quiz-view a', { hasText: 'review the lesson' }).click();
    expect((await navigations()).at(-1)).toEqual({ location: { view: 'lesson', id: 'exit_models' }, returnTo: { view: 'quiz', id: 'every_type' } });
    await page.getByRole('button', { name: 'Back to the question' }).click();
    await expect.poll(caption).toBe('Question 2 of 5');
    expect(await page.locator('quiz-view input[value=housing]').isChecked()).toBe(true);
    await page.locator('quiz-view input[value=housing]').uncheck();
  });
});

describe('reload in the middle of a quiz', () => {
  it('comes back to the first unanswered question with the same option order', async () => {
    const before = await labels('question-choice label');
    expect(before).toHaveLength(4);
    await page.reload();
    await expect.poll(caption).toBe('Question 2 of 5');
    expect(await labels('question-choice label')).toEqual(before);
    // The answer given before the reload is still there.
    const state = await saved();
    expect(state.quizzes.every_type.answers.q_single).toEqual({ type: 'single', value: 'prochaska' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps matching and ordering orders across a reload', async () => {
    await page.locator('quiz-view input[value=support]').check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.locator('quiz-view input[value=false]').check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(caption).toBe('Question 4 of 5');
    const items = await labels('question-matching .match-label');
    await page.reload();
    await expect.poll(caption).toBe('Question 4 of 5');
    expect(await labels('question-matching .match-label')).toEqual(items);
    for (const [item, target] of [['doubts', 'questioning'], ['alternatives', 'weighing'], ['turning', 'decision']]) {
      await page.locator(`quiz-view #item-${item}`).selectOption(target);
    }
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect.poll(caption).toBe('Question 5 of 5');
    const order = await labels('question-ordering .order-text');
    await page.reload();
    await expect.poll(caption).toBe('Question 5 of 5');
    expect(await labels('question-ordering .order-text')).toEqual(order);
    const state = await saved();
    expect(Object.keys(state.quizzes.every_type.answers).sort()).toEqual(['q_matching', 'q_multiple', 'q_single', 'q_truefalse']);
  });

  it('shows the results after a reload once the attempt is finished', async () => {
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.getByRole('button', { name: 'See your results' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Your results');
    const text = await textOf(page, 'quiz-view quiz-results');
    await page.reload();
    await page.locator('quiz-view quiz-results h1').waitFor();
    expect(await textOf(page, 'quiz-view quiz-results')).toBe(text);
  });

  it('"Try only the questions I got wrong" asks only those, keeping the right ones', async () => {
    // Right so far: truefalse and matching. Wrong: single, multiple (partial), ordering.
    await page.getByRole('button', { name: 'Try only the questions I got wrong' }).click();
    // The question keeps its number in the attempt (as in the results): "1 of 3" only counts the ones asked again.
    await expect.poll(caption).toMatch(/^Question [1-5] of 5 \(1 of 3 to try again\)$/);
    expect(await textOf(page, 'quiz-view #question .question-heading')).toMatch(/role exit/);
    const state = await saved();
    expect(state.quizzes.every_type.carried.sort()).toEqual(['q_matching', 'q_truefalse']);
    expect(state.quizzes.every_type.attempt).toBe(2);
  });
});

describe('a quiz with one attempt, drawn and shuffled questions', () => {
  it('keeps the drawn questions and their order across a reload, then closes kindly', async () => {
    await page.evaluate(() => localStorage.clear());
    await open('one_attempt');
    expect(await textOf(page, 'quiz-view .facts')).toMatch(/Questions 3/);
    expect(await textOf(page, 'quiz-view .facts')).toMatch(/Attempts allowed 1/);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    const prompts: string[] = [];
    for (let i = 1; i <= 3; i++) {
      await expect.poll(caption).toBe(`Question ${i} of 3`);
      const prompt = await textOf(page, 'quiz-view #question .question-heading');
      if (i === 2) {
        // Reload before answering: the same question comes back in the same place.
        await page.reload();
        await expect.poll(caption).toBe('Question 2 of 3');
        expect(await textOf(page, 'quiz-view #question .question-heading')).toBe(prompt);
      }
      prompts.push(prompt);
      await page.locator('quiz-view input[value=true]').check();
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByRole('button', { name: i === 3 ? 'See your results' : 'Next question' }).click();
    }
    expect(new Set(prompts).size).toBe(3);
    const state = await saved();
    const drawn: string[] = state.quizzes.one_attempt.questionIds;
    expect(prompts).toEqual(drawn.map((id) => `Statement ${id.slice(3).toUpperCase()} is true.`));
    const results = await textOf(page, 'quiz-view quiz-results');
    expect(results).toMatch(/You have used all 1 attempt at this quiz, so it is now closed\. Your best score is kept\./);
    expect(await page.locator('quiz-view quiz-results button', { hasText: /Try/ }).count()).toBe(0);
    expect(await page.locator('quiz-view quiz-results button', { hasText: 'Continue' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('"Review this in the lesson" from the results goes to the passage and back to the results', async () => {
    // "True" is right for A and C only, so at least one of the three drawn was not right.
    const links = page.locator('quiz-view quiz-results .review-list a');
    expect(await links.count()).toBeGreaterThan(0);
    await links.first().click();
    expect((await navigations()).at(-1)).toMatchObject({ location: { view: 'lesson', id: 'exit_models', passage: 'p-process' }, returnTo: { view: 'quiz', id: 'one_attempt' } });
    await page.getByRole('button', { name: 'Back to the question' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Your results');
  });
});
