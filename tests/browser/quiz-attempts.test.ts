/**
 * Attempts and retries that still measure, in a real browser, under the course's default rules
 * (3 attempts, the correct answers once an attempt is final, retry of the wrong ones with new
 * questions): feedback during a non-final attempt keeps the key back; a retry draws questions not
 * yet asked while the pool has them; the limit holds across a reload; the last attempt shows the
 * correct answers and closes calmly, with the support box.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useQuizHarnessPage } from '../helpers/quiz-harness-page.ts';
import { axeViolations } from '../helpers/a11y.ts';
import { focused, pressButton, textOf } from '../fixtures/quiz-harness/page.ts';

const h = useQuizHarnessPage({ quiz: 'pooled', freshStorage: true });
let page: Page;

beforeAll(() => {
  page = h.page;
});

interface PooledState {
  attempt: number;
  questionIds: string[];
  carried: string[];
  finished: boolean;
}
const state = (): Promise<PooledState> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('quiz-harness-progress') ?? 'null').quizzes.pooled);
const heading = () => textOf(page, 'quiz-view #question .question-heading');
/** Statement n is true when n is odd: answer each the other way. */
const wrongValue = (prompt: string) => (Number(/statement (\d+)/.exec(prompt)![1]) % 2 === 1 ? 'false' : 'true');

/** Answer every question of the attempt wrongly; returns the prompts asked and what each feedback said. */
async function answerAllWrong(): Promise<{ prompts: string[]; feedback: string[] }> {
  const prompts: string[] = [];
  const feedback: string[] = [];
  for (;;) {
    await expect.poll(async () => (await focused(page)).className).toBe('question-heading');
    const prompt = await heading();
    prompts.push(prompt);
    await page.locator(`quiz-view input[value=${wrongValue(prompt)}]`).check();
    await pressButton(page, 'Submit answer');
    await expect.poll(async () => (await focused(page)).id).toBe('feedback-heading');
    feedback.push(await textOf(page, 'quiz-view question-feedback'));
    if (await page.locator('quiz-view button', { hasText: 'See your results' }).count()) {
      await pressButton(page, 'See your results');
      await expect.poll(async () => (await focused(page)).text).toBe('Your results');
      return { prompts, feedback };
    }
    await pressButton(page, 'Next question');
  }
}

describe('attempts that measure (default rules)', () => {
  let first: string[] = [];
  let second: string[] = [];

  it('the intro says how many attempts and when the correct answers show', async () => {
    const facts = await textOf(page, 'quiz-view .facts');
    expect(facts).toContain('Attempts allowed 3');
    expect(facts).toContain('The correct answers are shown once you pass, or after your last attempt.');
    expect(facts).toMatch(/No time limit/);
    await pressButton(page, 'Start the quiz');
  });

  it('feedback during a non-final attempt says not quite and where to look, never the key', async () => {
    const { prompts, feedback } = await answerAllWrong();
    first = prompts;
    expect(prompts).toHaveLength(4);
    for (const text of feedback) {
      expect(text).toMatch(/^Not quite/);
      expect(text).toContain('Review this in the lesson');
      expect(text).toContain('The correct answers are shown once you pass, or after your last attempt.');
      // Neither the author's feedback (it states the key here) nor the course's own statement of it.
      expect(text).not.toMatch(/statement \d+ is (true|false)/i);
      expect(text).not.toContain('Not quite: ');
    }
    const results = await textOf(page, 'quiz-view quiz-results');
    expect(results).toContain('Your score: 0%');
    expect(results).toContain('You have used 1 of 3 attempts.');
    expect(results).toContain('A retry keeps your right answers and asks new questions in place of the others, where the quiz has them.');
    expect(results).not.toMatch(/The statement is (true|false)/);
    expect(await page.locator('quiz-view quiz-results .review-key').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a retry asks questions not asked before while the pool has them', async () => {
    await pressButton(page, 'Try only the questions I got wrong');
    const s = await state();
    expect(s.attempt).toBe(2);
    expect(s.carried).toEqual([]);
    const { prompts } = await answerAllWrong();
    second = prompts;
    expect(second).toHaveLength(4);
    // 8 in the pool, 4 asked: the retry asks the other 4.
    expect(second.filter((p) => first.includes(p))).toEqual([]);
    expect(new Set([...first, ...second]).size).toBe(8);
  });

  it('the results and the attempt count survive a reload; the last retry asks the same ones again, reshuffled', async () => {
    const before = await textOf(page, 'quiz-view quiz-results');
    expect(before).toContain('You have used 2 of 3 attempts.');
    await page.reload();
    await page.locator('quiz-view quiz-results h1').waitFor();
    expect(await textOf(page, 'quiz-view quiz-results')).toBe(before);
    await pressButton(page, 'Try only the questions I got wrong');
    expect((await state()).attempt).toBe(3);
    // No question is left unseen, so the ones not right come again.
    await expect.poll(async () => (await focused(page)).className).toBe('question-heading');
    expect(second).toContain(await heading());
  });

  it('in the last attempt the feedback states the key; the results show the correct answers and close calmly', async () => {
    const { prompts, feedback } = await answerAllWrong();
    expect([...prompts].sort()).toEqual([...second].sort());
    for (const text of feedback) expect(text).toMatch(/The statement is (true|false)\./);
    const results = await textOf(page, 'quiz-view quiz-results');
    expect(results).toContain('You have used all 3 attempts at this quiz, so it is now closed. Your best score is kept. It is 0%.');
    expect(results).toContain('The quiz counts as done, so you can still complete the course.');
    expect(results).toContain('You can read the lesson again at any time: go to “Exit models”.');
    // The support box is there; the words are calm (no "failed", no timer).
    expect(await page.locator('quiz-view quiz-results aside.support h2').textContent()).toBe('Support');
    expect(results).not.toMatch(/fail|time left|hurry/i);
    expect(results).not.toContain('A retry');
    const keys = await page.locator('quiz-view quiz-results .review-key').allTextContents();
    expect(keys).toHaveLength(4);
    for (const k of keys) expect(k).toMatch(/^The statement is (true|false)\.$/);
    expect(await page.locator('quiz-view quiz-results button', { hasText: /Try/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('stays closed after a reload: no new attempt can start', async () => {
    await page.reload();
    await page.locator('quiz-view quiz-results h1').waitFor();
    expect(await page.locator('quiz-view quiz-results button', { hasText: /Try/ }).count()).toBe(0);
    const attempt = await page.evaluate(() => {
      const h = (window as unknown as { harness: { store: { startAttempt(id: string): void; get(): { quizzes: Record<string, { attempt: number }> } } } }).harness;
      h.store.startAttempt('pooled');
      return h.store.get().quizzes.pooled.attempt;
    });
    expect(attempt).toBe(3);
  });
});
