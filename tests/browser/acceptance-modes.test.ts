/**
 * Accessibility acceptance: forced-colors mode (Windows High Contrast) and states that must not
 * rely on colour. With `forced-colors: active` the browser replaces the page's colours, so
 * anything shown only by a background or text colour disappears. Checked here, in forced colours:
 * the current entry of the course menu stands out by a border and weight, not colour; each entry's
 * state is visible text; a chosen answer has a thicker border as well as a highlight; the progress
 * bar's filled part is still drawn and the progress is also text; the focus ring is drawn.
 * (Every view's buttons and fields keeping an edge, and reduced motion, are checked in
 * acceptance-views in every state.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { KeyboardWalker, isButton, openCourse, waitForHeading, type Opened } from '../helpers/a11y.ts';
import { questionOnScreen } from '../helpers/answer.ts';

const env = useBrowserAndServer();
let opened: Opened;
let page: Page;

beforeAll(async () => {
  opened = await openCourse(env.browser, env.server.url, { forcedColors: 'active' });
  page = opened.page;
  // Read the first lesson, so the progress bar is part-filled and the menu has a done entry.
  await page.locator('start-page button', { hasText: 'Start the course' }).click();
  await waitForHeading(page, opened.course.lessons[0].title);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.locator('lesson-view .read-state').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
});

interface EntryLook {
  text: string;
  current: boolean;
  borderLeft: string;
  borderTop: string;
  weight: string;
}

async function menuLook(): Promise<EntryLook[]> {
  return page.locator('course-header').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('nav#course-menu a')].map((a) => {
      const cs = getComputedStyle(a);
      return {
        text: (a as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        current: a.getAttribute('aria-current') === 'page',
        borderLeft: `${cs.borderLeftStyle} ${cs.borderLeftWidth}`,
        borderTop: `${cs.borderTopStyle} ${cs.borderTopWidth}`,
        weight: cs.fontWeight,
      };
    }),
  );
}

describe('forced-colors mode', () => {
  it('the media query is active in the page', async () => {
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  });

  it('the current entry of the course menu stands out by border and weight, and each state is visible text', async () => {
    await page.locator('course-header #menu-button').click();
    await page.locator('course-header nav#course-menu').waitFor({ state: 'visible' });
    const entries = await menuLook();
    const current = entries.filter((e) => e.current);
    expect(current).toHaveLength(1);
    const others = entries.filter((e) => !e.current);
    for (const other of others) {
      const differs = other.borderLeft !== current[0].borderLeft || other.borderTop !== current[0].borderTop || other.weight !== current[0].weight;
      expect(differs, `"${other.text}" looks like the current entry "${current[0].text}" apart from colour`).toBe(true);
    }
    const lesson = opened.course.lessons[0].title;
    expect(entries.find((e) => e.text.includes(lesson))!.text).toMatch(/\bread\b/);
    expect(entries.find((e) => e.text.includes(opened.course.lessons[1].title))!.text).toMatch(/not read yet/);
    await page.locator('course-header #menu-button').click();
  });

  it('the progress is text, and the bar still shows how far (its filled part is drawn in forced colours)', async () => {
    const text = (await page.locator('course-header #progress-text').innerText()).trim();
    expect(text).toBe(`1 of ${opened.course.lessons.length + opened.course.quizzes.length} parts done`);
    const bar = page.locator('course-header progress');
    const png = await bar.screenshot();
    // Compare the colour at 10% and at 90% of the bar's width, in its middle row: filled vs empty.
    const samples = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const y = Math.floor(img.height / 2);
      const at = (fx: number) => [...ctx.getImageData(Math.floor(img.width * fx), y, 1, 1).data.slice(0, 3)].join(',');
      return { filled: at(0.1), empty: at(0.9) };
    }, png.toString('base64'));
    expect(samples.filled, 'the filled part of the progress bar is drawn in a different colour from the rest').not.toBe(samples.empty);
  });

  it('a chosen answer is marked by a thicker border too, and radios stay native and visible', async () => {
    await page.locator('lesson-view button.next').click();
    const quiz = opened.course.quizzes[0];
    await waitForHeading(page, quiz.title);
    await page.locator('quiz-view button', { hasText: 'Start the quiz' }).click();
    await page.locator('quiz-view #question').waitFor();
    const q = await questionOnScreen(page, quiz);
    expect(['single', 'truefalse', 'multiple']).toContain(q.type);
    await page.locator('quiz-view #question input').first().check();
    const looks = await page.locator('quiz-view #question').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('input')].map((input) => {
        const label = (input as HTMLInputElement).labels![0];
        const cs = getComputedStyle(label);
        const box = input.getBoundingClientRect();
        return {
          checked: (input as HTMLInputElement).checked,
          border: cs.borderTopWidth,
          appearance: getComputedStyle(input).appearance,
          size: Math.min(box.width, box.height),
        };
      }),
    );
    const checked = looks.filter((l) => l.checked);
    const unchecked = looks.filter((l) => !l.checked);
    expect(checked).toHaveLength(1);
    for (const u of unchecked) expect(parseFloat(checked[0].border)).toBeGreaterThan(parseFloat(u.border));
    for (const l of looks) {
      expect(l.appearance).not.toBe('none');
      expect(l.size).toBeGreaterThanOrEqual(16);
    }
  });

  it('the keyboard focus ring is drawn in forced colours', async () => {
    const kb = new KeyboardWalker(page);
    const f = await kb.tabTo(isButton('Submit answer'));
    expect(f.indicator).toMatch(/^outline (solid|auto|dashed)/);
  });
});
