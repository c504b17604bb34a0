/**
 * The quiz's layout in a real browser: reflow at 320 CSS px (no sideways scrolling) in every
 * state, target sizes (24 px minimum, 44 px for main buttons), a visible focus indicator in
 * forced-colors mode, no transitions when the learner asks for reduced motion, and axe at zero in every
 * quiz state in the dark theme.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useQuizHarness } from '../helpers/quiz-harness-page.ts';
import { tabTo } from '../fixtures/quiz-harness/page.ts';
import { axeViolations } from '../helpers/a11y.ts';

const env = useQuizHarness();

interface Target {
  what: string;
  width: number;
  height: number;
  main: boolean;
  inline: boolean;
}

/** Every control inside the quiz's shadow roots, with its size. */
function targets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const out: Target[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.matches('button, a[href], input, select')) continue;
        const r = el.getBoundingClientRect();
        // Radios and checkboxes: the target is the label that covers them.
        const label = (el as HTMLInputElement).labels?.[0]?.getBoundingClientRect();
        const box = label && (el as HTMLInputElement).type !== 'select-one' ? label : r;
        out.push({
          what: `${el.localName}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
          width: box.width,
          height: box.height,
          main: el.classList.contains('button') && !el.classList.contains('small'),
          // Links inside a sentence are exempt from the target size (WCAG 2.5.8 "inline").
          inline: el.localName === 'a' && getComputedStyle(el).display === 'inline' && !!el.closest('p, li'),
        });
      }
    };
    walk(document.querySelector('quiz-view')!.shadowRoot!);
    return out;
  });
}

async function checkScreen(page: Page, state: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scrolling at 320px in state "${state}"`).toBeLessThanOrEqual(0);
  for (const t of await targets(page)) {
    if (t.inline) continue;
    expect(Math.round(t.height), `${t.what} height in "${state}"`).toBeGreaterThanOrEqual(t.main ? 44 : 24);
    expect(Math.round(t.width), `${t.what} width in "${state}"`).toBeGreaterThanOrEqual(t.main ? 44 : 24);
  }
}

describe('quiz layout', () => {
  it('reflows at 320px with large enough targets in every state', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/index.html?quiz=every_type`);
    await page.locator('quiz-view h1').waitFor();
    await checkScreen(page, 'intro');
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('quiz-view .error-summary').waitFor();
    await checkScreen(page, 'error');
    const answer = async (type: string) => {
      if (type === 'question-choice') await page.locator('quiz-view question-choice input').first().check();
      if (type === 'question-matching')
        for (const s of await page.locator('quiz-view question-matching select').all()) await s.selectOption({ index: 1 });
    };
    for (let i = 0; i < 5; i++) {
      const type = await page.locator('quiz-view #question').evaluate((el) => el.localName);
      await checkScreen(page, `question ${i + 1} (${type})`);
      await answer(type);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.locator('quiz-view question-feedback').waitFor();
      await checkScreen(page, `feedback ${i + 1}`);
      await page.getByRole('button', { name: i === 4 ? 'See your results' : 'Next question' }).click();
    }
    await page.locator('quiz-view quiz-results h1').waitFor();
    await checkScreen(page, 'results');
    await context.close();
  });

  it('has zero axe violations in every quiz state in the dark theme', async () => {
    const context = await env.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/index.html?quiz=every_type`);
    await page.locator('quiz-view h1').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    const check = async (state: string) => expect(await axeViolations(page), `axe, dark theme, "${state}"`).toEqual([]);
    await check('intro');
    // One attempt only, so that each feedback is the last attempt's, with the marks and "Show the correct answer".
    await page.evaluate(() => {
      const h = (window as unknown as { harness: { store: { course: { settings: { quiz?: object } } } } }).harness;
      h.store.course.settings.quiz = { attempts: 1, showCorrectAnswers: 'afterFinalAttempt', retry: 'wrongOnly' };
    });
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('quiz-view .error-summary').waitFor();
    await check('error');
    for (let i = 0; i < 5; i++) {
      const type = await page.locator('quiz-view #question').evaluate((el) => el.localName);
      await check(`question ${i + 1} (${type})`);
      if (type === 'question-choice') await page.locator('quiz-view question-choice input').first().check();
      if (type === 'question-matching') for (const s of await page.locator('quiz-view question-matching select').all()) await s.selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.locator('quiz-view question-feedback').waitFor();
      await check(`feedback ${i + 1} (${type})`);
      if (type !== 'question-choice') {
        await page.getByRole('button', { name: 'Show the correct answer' }).click();
        await check(`feedback ${i + 1}, correct answer shown`);
      }
      await page.getByRole('button', { name: i === 4 ? 'See your results' : 'Next question' }).click();
    }
    await page.locator('quiz-view quiz-results h1').waitFor();
    await check('results');
    await context.close();
    // 16 axe passes: past the default minute on a loaded 2-core machine.
  }, 120_000);

  it('shows a focus indicator in forced-colors mode', async () => {
    const context = await env.browser.newContext({ forcedColors: 'active' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/index.html?quiz=every_type`);
    await page.locator('quiz-view h1').waitFor();
    const outline = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        const s = getComputedStyle(el!);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
    await tabTo(page, (f) => f.tag === 'button');
    expect(await outline()).toMatchObject({ style: 'solid' });
    expect((await outline()).width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'input');
    expect((await outline()).style).toBe('solid');
    expect((await outline()).width).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('does not animate when reduced motion is asked for', async () => {
    const context = await env.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/index.html?quiz=every_type`);
    await page.locator('quiz-view h1').waitFor();
    const durations = await page.evaluate(() => {
      const root = document.querySelector('quiz-view')!.shadowRoot!;
      return [...root.querySelectorAll('*')].map((el) => getComputedStyle(el).transitionDuration + '/' + getComputedStyle(el).animationName);
    });
    expect(durations.filter((d) => d !== '0s/none')).toEqual([]);
    await context.close();
  });
});
