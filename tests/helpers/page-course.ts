/**
 * The course as a page has it, with its text. The first view holds only the course's shape (each
 * lesson's words, with its quizzes', load when opened: src/course/course-text.ts), so a test that read
 * `course-app`'s course at launch would compare prompts, options and definitions with empty strings
 * and pass for nothing.
 */
import type { Locator } from 'playwright-core';
import { mergeGlossaryText, mergeLessonText, mergeQuizText, TEXT_CHUNKS, type GlossaryText, type LessonChunk } from '../../src/course/course-text.ts';
import type { Course } from '../../src/course/types.ts';

/**
 * Made from a string: vitest rewrites `import()` in test code for Node, and this one must run in the
 * page (Playwright sends a function's source). The page's own module map serves the chunks (named
 * by TEXT_CHUNKS), so the app later gets the same modules.
 */
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (el: Element, names: ChunkNames) => Promise<unknown>;
const READ = new AsyncFunction(
  'el',
  'names',
  `const load = async (name) => (await import(new URL(name, document.baseURI).href)).default;
  const text = {
    lessons: await Promise.all(names.lessons.map(load)),
    glossary: names.glossary ? await load(names.glossary) : [],
  };
  return JSON.parse(JSON.stringify(text));`,
);

interface ChunkNames {
  lessons: string[];
  glossary: string | null;
}

/** `app`: the page's (or frame's) `course-app` element. */
export async function courseIn(app: Locator): Promise<Course> {
  const outline = (await app.evaluate((el) => JSON.parse(JSON.stringify((el as unknown as { course: Course }).course)))) as Course;
  const names: ChunkNames = {
    lessons: outline.lessons.map((_, i) => TEXT_CHUNKS.lesson(i)),
    glossary: outline.glossary?.length ? TEXT_CHUNKS.glossary : null,
  };
  const text = (await app.evaluate(READ, names)) as { lessons: LessonChunk[]; glossary: GlossaryText };
  outline.lessons.forEach((lesson, i) => {
    mergeLessonText(lesson, text.lessons[i].lesson);
    outline.quizzes.filter((q) => q.lessonId === lesson.id).forEach((q, j) => mergeQuizText(q, text.lessons[i].quizzes[j]));
  });
  if (outline.glossary) mergeGlossaryText(outline.glossary, text.glossary);
  return outline;
}
