/**
 * Screenshots of a lesson for the docs and for a visual check of the design:
 *   node --import tsx scripts/screenshot.ts [--width 1280] [--height 900] [--lesson 1] [--out docs/screenshot-lesson.png]
 * Builds the course into .tmp/screenshot-dist (its own folder, so it never races the test build),
 * serves it on 127.0.0.1, opens the lesson through the course menu, and captures the window.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCourse } from '../tests/helpers/build.ts';
import { launch } from '../tests/helpers/chromium.ts';
import { serve } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({
  options: {
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
    lesson: { type: 'string', default: '1' },
    out: { type: 'string', default: 'docs/screenshot-lesson.png' },
    'full-page': { type: 'boolean', default: false },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, '.tmp/screenshot-dist');
await buildCourse(dist);
const server = await serve(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: Number(values.width), height: Number(values.height) } });
  const page = await context.newPage();
  await page.goto(`${server.url}/index.html`);
  await page.locator('course-app main h1').first().waitFor();
  const titles = await page.evaluate(() => document.querySelector('course-app')!.course.lessons.map((l) => l.title));
  const title = titles[Number(values.lesson) - 1];
  if (!title) throw new Error(`There is no lesson ${values.lesson}; the course has ${titles.length}.`);
  await page.locator('course-header #menu-button').click();
  await page.locator('course-header nav#course-menu a', { hasText: title }).first().click();
  await page.locator('lesson-view h1', { hasText: title }).waitFor();
  // No focus ring on the screenshot's heading (it was focused by the click, not the keyboard).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(200);
  const out = path.resolve(root, values.out);
  await page.screenshot({ path: out, fullPage: values['full-page'] });
  console.log(`Saved ${path.relative(root, out)} (${values.width}x${values.height}, lesson "${title}")`);
} finally {
  await browser.close();
  await server.close();
}
