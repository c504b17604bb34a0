/**
 * The course's shape goes into the first view and its text into later chunks, one per lesson and
 * quiz (src/course/course-text.ts). Nothing may be lost on the way: the two put back together must
 * be the compiled course, exactly; the shape must hold no lesson, question or glossary words; and
 * opening one lesson (or its quiz) fetches that lesson's words and its quizzes' only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content/compile.ts';
import fc from 'fast-check';
import {
  loadText,
  mergeCourseText,
  packOutline,
  packPassageIds,
  splitCourse,
  textChunks,
  textLoaded,
  unpackOutline,
  unpackPassageIds,
  type CourseText,
  type TextParts,
} from '../../src/course/course-text.ts';
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

  it('ships the outline with its passage ids packed, and unpacks it into the same outline', async () => {
    const { course } = await compileCourse(dir);
    const { outline } = splitCourse(course);
    const packed = viaJson(packOutline(outline));
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(outline).length);
    expect(unpackOutline(packed)).toEqual(viaJson(outline));
  });
});

describe('passage ids packed for the first view', () => {
  it('writes a run that counts on from the id before as its length', () => {
    const ids = ['part-1', 'part-1-p1', 'part-1-p2', 'part-1-p3', 'fnref-3', 'part-1-p4', 'x-p3-r1', 'x-p3-r2', 'x-p4', 'sec-2', 'sec-2-p1'];
    const packed = packPassageIds(ids);
    expect(packed).toEqual(['part-1', 3, 'fnref-3', 'part-1-p4', 'x-p3-r1', 1, 'x-p4', 'sec-2', 1]);
    expect(unpackPassageIds(packed)).toEqual(ids);
  });

  it('gives back any list of ids exactly, in its order', () => {
    const id = fc.oneof(
      fc.constantFrom('a', 'a-p1', 'a-p2', 'a-p3', 'a-p10', 'a-p1-r1', 'a-p1-r2', 'b-2', 'b-2-p1', 'a-p0', 'a-p01', 'p1', '-p1'),
      fc.stringMatching(/^[a-z0-9-]{1,8}$/),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        expect(unpackPassageIds(viaJson(packPassageIds(ids)))).toEqual(ids);
      }),
    );
  });
});

describe('loading the text one part at a time', () => {
  /** Loaders over the split text, as the build makes its chunks, that record what was asked for; `failFirst` chunks fail once. */
  function fakeParts(outline: Course, text: CourseText, failFirst = new Set<string>()) {
    const asked: string[] = [];
    const part = <T>(name: string, value: T) => async () => {
      asked.push(name);
      if (failFirst.delete(name)) throw new Error(`offline: ${name}`);
      return { default: viaJson(value) };
    };
    const chunks = textChunks(outline, text);
    const parts: TextParts = {
      lessons: chunks.lessons.map((l, i) => part(`lesson ${i + 1}`, l)),
      glossary: part('glossary', chunks.glossary),
    };
    return { parts, asked };
  }

  it('fetches only the lesson opened (with the definitions its terms show), once, and fills in that lesson and its quizzes only', async () => {
    const { course } = await compileCourse(ROOT);
    const original = viaJson(course);
    const { outline, text } = viaJson(splitCourse(course));
    const { parts, asked } = fakeParts(outline, text);
    const second = outline.lessons[1];
    expect(textLoaded(outline, { kind: 'lesson', id: second.id })).toBe(false);
    await Promise.all([loadText(outline, { kind: 'lesson', id: second.id }, parts), loadText(outline, { kind: 'lesson', id: second.id }, parts)]);
    expect(asked.sort()).toEqual(['glossary', 'lesson 2']);
    expect(textLoaded(outline, { kind: 'lesson', id: second.id })).toBe(true);
    expect(second).toEqual(original.lessons[1]);
    expect(outline.glossary).toEqual(original.glossary);
    // Its quizzes came with it; the other lessons and their quizzes are still their outline.
    for (const [i, q] of outline.quizzes.entries()) expect(q).toEqual(q.lessonId === second.id ? original.quizzes[i] : expect.objectContaining({ introHtml: '' }));
    expect(outline.quizzes.some((q) => q.lessonId === second.id)).toBe(true);
    expect(outline.lessons[0].html).toBe('');
  });

  it('fetches a quiz with its lesson, and puts back exactly their words', async () => {
    const { course } = await compileCourse(ROOT);
    const original = viaJson(course);
    const { outline, text } = viaJson(splitCourse(course));
    const { parts, asked } = fakeParts(outline, text);
    const last = outline.quizzes.length - 1;
    const lesson = outline.lessons.findIndex((l) => l.id === outline.quizzes[last].lessonId);
    await loadText(outline, { kind: 'quiz', id: outline.quizzes[last].id }, parts);
    expect(asked.sort()).toEqual(['glossary', `lesson ${lesson + 1}`]);
    expect(outline.quizzes[last]).toEqual(original.quizzes[last]);
    expect(outline.lessons[lesson]).toEqual(original.lessons[lesson]);
  });

  it('forgets a failed load, so that trying again fetches it again', async () => {
    const { course } = await compileCourse(path.join(ROOT, 'tests/fixtures/content-alt'));
    const { outline, text } = viaJson(splitCourse(course));
    const quiz = outline.quizzes[0];
    const { parts, asked } = fakeParts(outline, text, new Set(['lesson 1']));
    await expect(loadText(outline, { kind: 'quiz', id: quiz.id }, parts)).rejects.toThrow('offline: lesson 1');
    expect(textLoaded(outline, { kind: 'quiz', id: quiz.id })).toBe(false);
    await loadText(outline, { kind: 'quiz', id: quiz.id }, parts);
    expect(asked.filter((a) => a === 'lesson 1')).toEqual(['lesson 1', 'lesson 1']);
    expect(quiz.introHtml).toBe(course.quizzes[0].introHtml);
  });
});
