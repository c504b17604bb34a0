/**
 * A review grouped in sections (tests/fixtures/reviews/sectioned-review: 20 pages in 4 sections),
 * built and opened in Chromium: the outline shows each section as an h3 over a nested list named by
 * it, the course menu as a labelled nested list; a virtual screen reader hears each section; both
 * work by keyboard alone and axe finds nothing.
 * A flat review with an index page and a print source (index-first) keeps a flat outline, starts
 * with the index page, and credits the work with no link.
 */
import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildCourse } from '../helpers/build.ts';
import { serve } from '../helpers/static-server.ts';
import { useBrowserAndServer } from '../helpers/browser-and-server.ts';
import { axeViolations, openCourse } from '../helpers/a11y.ts';
import { byText, expectHeadingFocused, focused, horizontalOverflow, tabTo } from './shell-helpers.ts';
import { hear } from '../helpers/virtual-reader.ts';

const REVIEWS = path.resolve(import.meta.dirname, '../fixtures/reviews');
const OUT = path.resolve(import.meta.dirname, '../../.tmp/course-sections-dist');
// axe and Tab walks on a 2-core machine shared by many runs: more than the project's 60 s default.
const SLOW = 150_000;
const SECTIONS = ['Part One: Background', 'Part Two: Findings', 'Part Three: Discussion', 'Appendices'];

const env = useBrowserAndServer(async () => {
  await rm(OUT, { recursive: true, force: true });
  await buildCourse(path.join(OUT, 'sectioned'), { contentDir: path.join(REVIEWS, 'sectioned-review') });
  await buildCourse(path.join(OUT, 'flat'), { contentDir: path.join(REVIEWS, 'index-first') });
  return serve(OUT);
});

describe('a review in sections', () => {
  it('the outline: an h3 per section over a list named by it; every place once, in order; no axe violation', async () => {
    const { page, context, errors } = await openCourse(env.browser, `${env.server.url}/sectioned`);
    const outline = page.locator('course-outline nav');
    expect(await outline.getByRole('heading', { level: 3 }).allTextContents()).toEqual(SECTIONS);
    const counts = [];
    for (const name of SECTIONS) counts.push(await outline.getByRole('list', { name, exact: true }).getByRole('listitem').count());
    expect(counts).toEqual([5, 6, 4, 3]);
    // Start, 20 lessons, Finish: each once (nested lists hold the sections' places, not copies).
    expect(await outline.getByRole('link').count()).toBe(22);
    const tree = await outline.ariaSnapshot();
    expect(tree).toContain('heading "Part Two: Findings" [level=3]');
    // The section's own page opens its list (the snapshot quotes names that hold a colon).
    expect(tree).toMatch(/- '?list "Part Two: Findings"'?:\n\s+- listitem:\n\s+- '?link "Part Two: Findings , not read yet"/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);

  it('a screen reader hears each section: its heading, then a list named by it, its places, the end of that list', async () => {
    const { page, context } = await openCourse(env.browser, `${env.server.url}/sectioned`);
    const heard = (await hear(page, ['course-app', 'course-outline'])).map((p) => p.replace(/\s+/g, ' ').trim());
    const at = heard.indexOf('heading, Part Two: Findings, level 3');
    expect(at, heard.join(' | ')).toBeGreaterThan(0);
    expect(heard[at + 1]).toBe('list, Part Two: Findings');
    expect(heard.slice(at + 2).find((p) => p.startsWith('link,'))).toBe('link, Part Two: Findings,not read yet');
    // Leaving the section is said too, before the next section's heading.
    const next = heard.indexOf('heading, Part Three: Discussion, level 3');
    const section = heard.slice(at, next);
    expect(section.filter((p) => p.startsWith('link,')), section.join(' | ')).toHaveLength(6);
    expect(section.some((p) => /^end of list\b/.test(p) && p.includes('Part Two: Findings')), section.join(' | ')).toBe(true);
    await context.close();
  }, SLOW);

  it('the course menu by keyboard alone: sections as labelled lists; a lesson inside a section opens with Enter', async () => {
    // The narrowest phone: the menu is the only list of places.
    const { page, context, errors } = await openCourse(env.browser, `${env.server.url}/sectioned`, { viewport: { width: 320, height: 740 } });
    await tabTo(page, (f) => f.tag === 'button' && f.id === 'menu-button');
    await page.keyboard.press('Enter');
    const menu = page.locator('course-header nav#course-menu');
    await menu.waitFor({ state: 'visible' });
    for (const [name, n] of [['Part One: Background', 5], ['Appendices', 3]] as const) {
      expect(await menu.getByRole('list', { name, exact: true }).getByRole('listitem').count(), name).toBe(n);
    }
    // The label is not a heading: the view's h1 stays the first heading of the page.
    expect(await menu.getByRole('heading').count()).toBe(0);
    // The nested lists' indent never pushes the page sideways at 320 px.
    const { scrollWidth, clientWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await axeViolations(page)).toEqual([]);
    const entry = await tabTo(page, (f) => f.tag === 'a' && f.host === 'course-header' && f.text.startsWith('Waiting Times'));
    expect(entry.visible).toBe(true);
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Waiting Times');
    expect((await focused(page)).visible).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);
});

describe('a flat review with an index page and a print source', () => {
  it('no section headings or nested lists; the index page is the first lesson; the credit has no link', async () => {
    const { page, context, errors } = await openCourse(env.browser, `${env.server.url}/flat`);
    const outline = page.locator('course-outline nav');
    expect(await outline.getByRole('heading', { level: 3 }).count()).toBe(0);
    expect(await outline.locator('ol ol').count()).toBe(0);
    const names = (await outline.getByRole('link').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(names[1]).toMatch(/^Allotment Gardens and Neighbours - A Review/);
    const credit = page.locator('start-page .credit');
    expect(await credit.textContent()).toContain('Printed for the Fictional Garden Society, pp. 1-48.');
    expect(await credit.getByRole('link').count()).toBe(0);
    await tabTo(page, byText('button', 'Start the course'));
    await page.keyboard.press('Enter');
    await expectHeadingFocused(page, 'Allotment Gardens and Neighbours - A Review');
    // The end page's printable record credits the print source the same way: no link, no empty one.
    await outline.getByRole('link', { name: /^Finish/ }).click();
    await expectHeadingFocused(page, 'Finish');
    const record = page.locator('end-page .record-credit');
    expect(await record.textContent()).toContain('Printed for the Fictional Garden Society, pp. 1-48.');
    expect(await record.locator('a').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, SLOW);
});
