/**
 * axe-core (WCAG 2.0, 2.1 and 2.2 A/AA rules) finds zero violations on every view of the shell
 * (start, each lesson, a highlighted passage, end, break, the course menu open, the display settings)
 * at 320 CSS px, where nothing may scroll sideways (reflow, WCAG 1.4.10), in the light and the dark
 * theme (from prefers-color-scheme); at 1280 px axe runs in the main tour (acceptance-views). Also:
 * one h1 per view, landmarks, the document language, forced-colors and reduced-motion rules that
 * change nothing a test can see except what they are for. The quiz states in the dark theme are in
 * quiz-layout.test.ts, and the learner's own choice of dark in course-ui.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openCourse } from '../helpers/a11y.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import type { Course } from '../../src/course/types.ts';
import { expectHeadingFocused, goByMenu, horizontalOverflow, openMenu, paragraphPassage } from './shell-helpers.ts';

const env = useBrowserAndServer();

async function check(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), `axe violations on "${state}"`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page), `axe violations on "${state}", dark`).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  const { scrollWidth, clientWidth } = await horizontalOverflow(page);
  expect(scrollWidth, `horizontal scroll on "${state}"`).toBeLessThanOrEqual(clientWidth);
  expect(await page.locator('course-app h1').count(), `one h1 on "${state}"`).toBe(1);
}

/** Every view and state of the shell, checked in turn. */
async function checkEveryView(page: Page, course: Course, width: number): Promise<string[]> {
  const seen: string[] = [];
  const at = async (state: string) => {
    await check(page, `${state} at ${width}px`);
    seen.push(state);
  };
  await at('start');
  await openMenu(page);
  await at('start, menu open');
  await page.locator('course-header #display-button').click();
  await page.locator('course-header display-settings').waitFor({ state: 'visible' });
  await at('start, display settings open');
  await page.locator('course-header #display-button').click();
  for (const lesson of course.lessons) {
    await goByMenu(page, lesson.title);
    await at(`lesson ${lesson.title}`);
  }
  // A passage linked from a quiz, highlighted, with "Back to the question".
  const lesson = course.lessons[1];
  const quiz = course.quizzes.find((q) => q.lessonId === lesson.id) ?? course.quizzes[0];
  await page.locator('course-app').evaluate(
    (el, d) => el.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('navigate', { detail: d, bubbles: true, composed: true })),
    { location: { view: 'lesson', id: lesson.id, passage: paragraphPassage(lesson, 1) }, returnTo: { view: 'quiz', id: quiz.id } },
  );
  await page.locator('lesson-view .passage-highlight').waitFor();
  await at('passage highlighted');
  await goByMenu(page, 'Finish');
  await at('end');
  await page.locator('course-header button', { hasText: 'Take a break' }).click();
  await expectHeadingFocused(page, 'Take a break');
  await page.locator('break-page .view', { hasText: 'Your progress is saved.' }).waitFor();
  await at('break');
  await openMenu(page);
  await at('break, menu open');
  return seen;
}

describe('accessibility of every view (axe-core, WCAG 2.2 AA)', () => {
  // At 1280 px (light and dark) axe runs once per kind of view in the main tour
  // (acceptance-views.test.ts); here the shell's views again at 320 px, where the header and the
  // views lay out differently, in both themes (dark: the device asks for it).
  it('has zero violations and no horizontal scroll on every view at 320 px, light and dark', async () => {
    const { page, course, context, errors } = await openCourse(env.browser, env.server.url, { viewport: { width: 320, height: 640 }, textFrom: 'build' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(course.settings.language);
    const seen = await checkEveryView(page, course, 320);
    expect(seen).toHaveLength(course.lessons.length + 7);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('course-app')!).backgroundColor)).toBe('rgb(21, 25, 28)');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('keeps working with WCAG text-spacing overrides at 320 px (no clipped or overlapping text)', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { viewport: { width: 320, height: 640 }, textFrom: 'build' });
    // The WCAG 1.4.12 bookmarklet's values, applied inside every shadow root.
    const spacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    const apply = () =>
      page.evaluate((css) => {
        const visit = (root: Document | ShadowRoot) => {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
        };
        visit(document);
      }, spacing);
    for (const lesson of course.lessons) {
      await goByMenu(page, lesson.title);
      await apply();
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      // No control clips its text: every button is at least as tall as its content.
      const clipped = await page.evaluate(() => {
        const out: string[] = [];
        const visit = (root: Document | ShadowRoot) => {
          root.querySelectorAll('button, a').forEach((el) => {
            if (el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflow !== 'visible') out.push(el.textContent ?? '');
          });
          root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
        };
        visit(document);
        return out;
      });
      expect(clipped).toEqual([]);
    }
    await context.close();
  });

  it('main controls are at least 44 px high and every control at least 24x24 px', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { viewport: { width: 320, height: 640 }, textFrom: 'build' });
    await goByMenu(page, course.lessons[0].title);
    await openMenu(page);
    const sizes = await page.evaluate(() => {
      const out: { text: string; w: number; h: number; main: boolean }[] = [];
      const visit = (root: Document | ShadowRoot) => {
        root.querySelectorAll('button, nav#course-menu a').forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0) return;
          out.push({ text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(), w: r.width, h: r.height, main: !el.classList.contains('small') });
        });
        root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
      };
      visit(document);
      return out;
    });
    // Header buttons, the notice's Hide, previous/next and every menu entry.
    expect(sizes.length).toBeGreaterThanOrEqual(5 + course.lessons.length + course.quizzes.length + 2);
    for (const s of sizes) {
      expect(s.w, s.text).toBeGreaterThanOrEqual(24);
      expect(s.h, s.text).toBeGreaterThanOrEqual(s.main ? 44 : 24);
    }
    await context.close();
  });

  it('shows states by more than colour in forced-colors mode, and the highlight does not move under reduced motion', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
    await goByMenu(page, course.lessons[0].title);
    await openMenu(page);
    // The current place keeps a visible border in forced colours (not just a background).
    const current = page.locator('course-header nav#course-menu a[aria-current="page"]');
    const border = await current.evaluate((a) => getComputedStyle(a).borderLeftWidth);
    expect(parseFloat(border)).toBeGreaterThanOrEqual(2);
    // Buttons keep their border.
    const buttonBorder = await page.locator('course-header #menu-button').evaluate((b) => getComputedStyle(b).borderTopStyle);
    expect(buttonBorder).toBe('solid');
    // A highlighted passage has a bar (border) and no animation.
    const lesson = course.lessons[0];
    await page.locator('course-app').evaluate(
      (el, d) => el.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('navigate', { detail: d, bubbles: true, composed: true })),
      { location: { view: 'lesson', id: lesson.id, passage: paragraphPassage(lesson, 1) } },
    );
    const highlight = page.locator('lesson-view .passage-highlight');
    await highlight.waitFor();
    const style = await highlight.evaluate((p) => ({ border: getComputedStyle(p).borderLeftStyle, animation: getComputedStyle(p).animationName }));
    expect(style).toEqual({ border: 'solid', animation: 'none' });
    await context.close();
  });

  it('prints a lesson cleanly: no header, menu, notices or buttons; link addresses after external links', async () => {
    const { page, course, context } = await openCourse(env.browser, env.server.url, { textFrom: 'build' });
    await goByMenu(page, course.lessons[0].title);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('course-header')).toBe(false);
    expect(await shown('notice-banner')).toBe(false);
    expect(await shown('course-app .skip-link')).toBe(false);
    expect(await shown('lesson-view nav.pager')).toBe(false);
    expect(await shown('lesson-view h1')).toBe(true);
    expect(await shown('lesson-view .lesson-body')).toBe(true);
    expect(await shown('lesson-view section.notes')).toBe(true);
    // An external link in the lesson prints its address (checked on a link added for the test,
    // as the lesson's own external links may change with the content).
    const after = await page.locator('lesson-view .lesson-body').evaluate((body) => {
      const a = document.createElement('a');
      a.href = 'https://example.org/review';
      a.textContent = 'the review';
      body.append(a);
      return getComputedStyle(a, '::after').content;
    });
    expect(after).toBe('" (https://example.org/review)"');
    await context.close();
  });
});
