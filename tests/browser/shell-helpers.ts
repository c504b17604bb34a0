/**
 * Helpers for the course shell's browser tests (lessons, navigation, accessibility of the views),
 * which open the course with a11y.ts `openCourse(…, { textFrom: 'build' })`: read the focused element
 * across shadow roots, move by keyboard, read the course menu.
 */
import type { Page } from 'playwright-core';
import { deepFocus, mainHeading } from '../helpers/a11y.ts';
import type { Lesson } from '../../src/course/types.ts';

export interface Focused {
  tag: string;
  id: string;
  text: string;
  /** Tag name of the shadow host the element lives in ('' for the document). */
  host: string;
  className: string;
  /** The element matches :focus-visible and shows a focus indicator (outline, box-shadow or its label's outline). */
  visible: boolean;
  /** How focus is shown ('outline solid 3px', ...), '' when it is not. */
  outline: string;
}

/**
 * The element that really has focus, looking inside open shadow roots: the suite's one focus reader
 * (a11y.ts `deepFocus`), in the shape these tests use. Pages must be opened with a11y.ts's
 * `openCourse`, which installs the reader.
 */
export async function focused(page: Page): Promise<Focused> {
  const f = await deepFocus(page);
  return {
    tag: f.tag,
    id: f.id,
    text: f.text,
    host: f.host.split(' > ').pop() ?? '',
    className: f.className,
    visible: f.focusVisible && f.indicator !== '',
    outline: f.indicator,
  };
}

const describe = (f: Focused) => `${f.host}>${f.tag}#${f.id}[${f.text.slice(0, 40)}]`;

/** Press Tab until the focused element matches; fail with the path visited. Checks focus is visible at every stop. */
export async function tabTo(page: Page, match: (f: Focused) => boolean, max = 60): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag && f.tag !== 'body' && !f.visible) throw new Error(`Focus is not visible on ${describe(f)} (outline: ${f.outline})`);
    if (match(f)) return f;
    seen.push(describe(f));
  }
  throw new Error(`Tab never reached the wanted element. Visited: ${seen.join(' | ')}`);
}

export const byText = (tag: string, text: string | RegExp) => (f: Focused) =>
  f.tag === tag && (typeof text === 'string' ? f.text === text : text.test(f.text));

/** Wait until the focus is on an h1 with this text. */
export async function expectHeadingFocused(page: Page, text: string): Promise<Focused> {
  let last: Focused | null = null;
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    last = await focused(page);
    if (last.tag === 'h1' && last.text === text) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`Expected focus on the h1 "${text}", but it is on ${last ? describe(last) : 'nothing'}`);
}

/** The visible h1 of the current view (a11y.ts `mainHeading`; the old name is kept for its callers). */
export const headingText = mainHeading;

/** Open the course menu (by mouse) if it is closed. */
export async function openMenu(page: Page): Promise<void> {
  const button = page.locator('course-header #menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.locator('course-header nav#course-menu').waitFor({ state: 'visible' });
}

/** The menu entries as their accessible text: "Discussion, not read yet". */
export async function menuEntries(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('course-app')!.shadowRoot!.querySelector('course-header')!;
    // The text a screen reader reads: without aria-hidden decoration (the ✓).
    return Array.from(header.shadowRoot!.querySelectorAll('nav#course-menu a')).map((a) => {
      const copy = a.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  });
}

/** Go somewhere through the course menu, by mouse. */
export async function goByMenu(page: Page, name: string, heading = name): Promise<void> {
  await openMenu(page);
  await page.locator('course-header nav#course-menu a', { hasText: name }).first().click();
  await expectHeadingFocused(page, heading);
}

/** The shell's progress text, e.g. "1 of 3 parts done". */
export async function progressText(page: Page): Promise<string> {
  return ((await page.locator('course-header #progress-text').textContent()) ?? '').trim();
}

/** True when the page scrolls sideways (reflow failure at 320 CSS px). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/** The id of the n-th paragraph passage of a lesson (0-based), from its compiled HTML. */
export function paragraphPassage(lesson: Lesson, n: number): string {
  const ids = [...lesson.html.matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]).filter((id) => lesson.passageIds.includes(id));
  if (!ids[n]) throw new Error(`Lesson ${lesson.id} has no paragraph passage number ${n} (it has ${ids.length}).`);
  return ids[n];
}
