/**
 * The course's shape goes into the first view and its text into a later chunk
 * (src/course/course-text.ts). Nothing may be lost on the way: the two put back together must be
 * the compiled course, exactly; and the shape must hold no lesson, question or glossary words.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile.ts';
import { mergeCourseText, splitCourse } from '../../src/course/course-text.ts';
import type { Course } from '../../src/course/types.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const COURSES = { shipped: ROOT, 'content-alt fixture': path.join(ROOT, 'tests/fixtures/content-alt') };

/** What the browser gets: both modules go through JSON. */
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe.each(Object.entries(COURSES))('course text split (%s course)', (_name, dir) => {
  it('puts back together into exactly the compiled course', async () => {
    const { course } = await compileCourse(dir);
    const original = viaJson(course);
    const { outline, text } = viaJson(splitCourse(course));
    mergeCourseText(outline, text);
    expect(outline).toEqual(original);
    // The split reads the course; it never changes it.
    expect(viaJson(course)).toEqual(original);
  });

  it('leaves no lesson, question or glossary words in the first view', async () => {
    const { course } = await compileCourse(dir);
    const { outline } = splitCourse(course);
    const json = JSON.stringify(outline);
    for (const lesson of course.lessons) {
      // A sentence of the lesson body, its notes and its In brief points.
      const words = lesson.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().split(/(?<=\.) /).find((s) => s.length > 40);
      if (words) expect(json).not.toContain(JSON.stringify(words).slice(1, 30));
      for (const n of lesson.footnotes) expect(json).not.toContain(n.html);
      for (const p of lesson.brief ?? []) expect(json).not.toContain(p.html);
    }
    for (const quiz of course.quizzes) {
      for (const q of quiz.questions) {
        // (The prompt's plain text stays: 2004 interaction descriptions need it at launch.)
        if (q.hintHtml) expect(json).not.toContain(q.hintHtml.slice(0, 40));
        if (q.feedback.correctHtml) expect(json).not.toContain(q.feedback.correctHtml.slice(0, 40));
        const choices = 'options' in q ? q.options : 'items' in q ? [...q.items, ...q.targets] : [];
        for (const c of choices) if (c.html.length > 12) expect(json).not.toContain(JSON.stringify(c.html));
      }
    }
    for (const g of course.glossary ?? []) expect(json).not.toContain(g.definitionHtml.slice(0, 40));
  });

  it('keeps what the start page, the outline and the SCORM runtime read before the text arrives', async () => {
    const { course } = await compileCourse(dir);
    const { outline } = splitCourse(course);
    const shape = (c: Course) => ({
      lessons: c.lessons.map((l) => [l.id, l.title, l.headingId, l.passageIds, l.minutes, l.outcomes, l.brief?.map((p) => p.source)]),
      quizzes: c.quizzes.map((q) => [
        q.id,
        q.title,
        q.lessonId,
        q.settings,
        q.questions.map((x) => [x.id, x.type, x.weight, x.correct, x.promptText, 'options' in x ? x.options.map((o) => o.id) : null, 'items' in x ? [x.items.map((o) => o.id), x.targets.map((o) => o.id)] : null]),
      ]),
      glossary: c.glossary?.map((g) => [g.id, g.term, g.source]),
      rest: [c.id, c.title, c.description, c.credit, c.settings, c.version],
    });
    expect(shape(outline)).toEqual(shape(course));
  });
});
