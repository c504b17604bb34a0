/**
 * The course as a page has it, with its text. The first view holds only the course's shape (its
 * words load later: src/course/course-text.ts), so a test that read `course-app`'s course at launch
 * would compare prompts, options and definitions with empty strings and pass for nothing.
 */
import type { Locator } from 'playwright-core';
import { mergeCourseText, type CourseText } from '../../src/course/course-text.ts';
import type { Course } from '../../src/course/types.ts';

/** The build's name for the text chunk, next to index.html (src/content/build-config.ts). */
export const COURSE_TEXT_CHUNK = 'chunks/course-text.js';

/**
 * Made from a string: vitest rewrites `import()` in test code for Node, and this one must run in the
 * page (Playwright sends a function's source). The page's own module map serves the chunk, so the
 * app later gets the same module.
 */
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (el: Element) => Promise<unknown>;
const READ = new AsyncFunction(
  'el',
  `const outline = JSON.parse(JSON.stringify(el.course));
  const text = (await import(new URL(${JSON.stringify(COURSE_TEXT_CHUNK)}, document.baseURI).href)).default;
  return { outline, text: JSON.parse(JSON.stringify(text)) };`,
);

/** `app`: the page's (or frame's) `course-app` element. */
export async function courseIn(app: Locator): Promise<Course> {
  const { outline, text } = (await app.evaluate(READ)) as { outline: Course; text: CourseText };
  mergeCourseText(outline, text);
  return outline;
}
