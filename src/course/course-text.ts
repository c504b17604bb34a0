/**
 * The course's text arrives in its own chunk, after the first view. The start page, the header,
 * the outline and the SCORM runtime need only the course's shape: titles, ids, question types,
 * correct answers (to score and to restore saved answers) and prompts as plain text (the SCORM 2004
 * interaction descriptions sent again at launch). The lesson bodies, the questions' words, hints,
 * feedback and sources, and the glossary's definitions are most of the course's bytes, and only the
 * lesson, quiz and glossary views show them.
 *
 * `splitCourse` runs at build time (rollup plugin); `loadCourseText` in the browser puts the text
 * back into the same objects, so every view reads one `Course`.
 */
import type { Choice, Course, GlossaryEntry, Lesson, Question, Quiz } from './types.ts';

/** A choice's words (the outline keeps its id). */
type ChoiceText = Omit<Choice, 'id'>;

/** A question's words; its choices' words by position (the outline keeps their ids, in the same order). */
interface QuestionText {
  fields: Partial<Question>;
  options?: ChoiceText[];
  items?: ChoiceText[];
  targets?: ChoiceText[];
}

export interface CourseText {
  /** Each lesson's body and notes, and its "In brief" points' words by position (the outline keeps their sources). */
  lessons: Record<string, Pick<Lesson, 'html' | 'footnotes'> & { brief?: string[] }>;
  quizzes: Record<string, { introHtml: string; questions: Record<string, QuestionText> }>;
  glossary: GlossaryEntry[];
}

/** What the outline keeps of a question: enough to draw, score, store and report an attempt. */
const QUESTION_OUTLINE = new Set(['id', 'type', 'weight', 'correct', 'promptText', 'options', 'items', 'targets']);
const CHOICE_LISTS = ['options', 'items', 'targets'] as const;

function splitQuestion(q: Question): { outline: Question; text: QuestionText } {
  const outline: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(q)) (QUESTION_OUTLINE.has(key) ? outline : fields)[key] = value;
  const text: QuestionText = { fields: fields as Partial<Question> };
  for (const list of CHOICE_LISTS) {
    const choices = (q as Partial<Record<(typeof CHOICE_LISTS)[number], Choice[]>>)[list];
    if (!choices) continue;
    outline[list] = choices.map((c) => ({ id: c.id, html: '', text: '' }));
    text[list] = choices.map(({ id: _id, ...words }) => words);
  }
  return { outline: outline as unknown as Question, text };
}

/** Build time: the course's shape (the first view's data) and its text (the later chunk). */
export function splitCourse(course: Course): { outline: Course; text: CourseText } {
  const text: CourseText = { lessons: {}, quizzes: {}, glossary: course.glossary ?? [] };
  const lessons = course.lessons.map((l) => {
    text.lessons[l.id] = { html: l.html, footnotes: l.footnotes, ...(l.brief ? { brief: l.brief.map((p) => p.html) } : {}) };
    // The start page tells whether lessons have "In brief" points; their words come with the text.
    return { ...l, html: '', footnotes: [], ...(l.brief ? { brief: l.brief.map((p) => ({ ...p, html: '' })) } : {}) };
  });
  const quizzes = course.quizzes.map((quiz): Quiz => {
    const questions: Record<string, QuestionText> = {};
    const outlineQuestions = quiz.questions.map((q) => {
      const split = splitQuestion(q);
      questions[q.id] = split.text;
      return split.outline;
    });
    text.quizzes[quiz.id] = { introHtml: quiz.introHtml, questions };
    return { ...quiz, introHtml: '', questions: outlineQuestions };
  });
  // The start page and the outline name the terms; their definitions come with the text.
  const glossary = course.glossary?.map((g) => ({ ...g, aliases: [], definitionHtml: '', definitionText: '' }));
  return { outline: { ...course, lessons, quizzes, ...(glossary ? { glossary } : {}) }, text };
}

/** Browser: put the text into the outline's objects (in place: every view holds the same course). */
export function mergeCourseText(course: Course, text: CourseText): void {
  for (const lesson of course.lessons) {
    const words = text.lessons[lesson.id];
    if (!words) continue;
    lesson.html = words.html;
    lesson.footnotes = words.footnotes;
    lesson.brief?.forEach((p, i) => (p.html = words.brief?.[i] ?? p.html));
  }
  for (const quiz of course.quizzes) {
    const words = text.quizzes[quiz.id];
    if (!words) continue;
    quiz.introHtml = words.introHtml;
    for (const q of quiz.questions) {
      const t = words.questions[q.id];
      if (!t) continue;
      Object.assign(q, t.fields);
      for (const list of CHOICE_LISTS) {
        const choices = (q as Partial<Record<(typeof CHOICE_LISTS)[number], Choice[]>>)[list];
        choices?.forEach((c, i) => Object.assign(c, t[list]?.[i]));
      }
    }
  }
  if (course.glossary) course.glossary.splice(0, course.glossary.length, ...text.glossary);
}

let loading: Promise<void> | null = null;
let loaded = false;

/** True once the course's text is in its objects. */
export function courseTextLoaded(): boolean {
  return loaded;
}

/** Load the text (once) and put it into the course. A failed load may be tried again. */
export function loadCourseText(course: Course): Promise<void> {
  loading ??= import('virtual:course-text').then(
    ({ default: text }) => {
      mergeCourseText(course, text);
      loaded = true;
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
